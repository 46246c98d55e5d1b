"""Kazakhstan working-day calendar for deadlines (holidays, transferred days off, decrees)."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from types import MappingProxyType

import holidays

__all__ = [
    "InvalidCalendarOverrides",
    "WorkingCalendar",
    "add_working_days",
    "default_calendar",
    "is_working_day",
    "load_calendar_overrides",
]

_SATURDAY = 5
_EXTRA_DAY_OFF_NAME = "Day off (Government decree)"
_ONE_DAY = timedelta(days=1)


class InvalidCalendarOverrides(ValueError):
    """The calendar overrides file cannot be used."""


@dataclass(frozen=True)
class _PackageYear:
    """What the `holidays` package says about one year in Kazakhstan."""

    days_off: Mapping[date, str]
    working_weekend_days: frozenset[date]


@functools.cache
def _package_year(year: int) -> _PackageYear:
    # Building a holidays object is slow compared to a worklist row, hence one per year, cached.
    kz = holidays.country_holidays("KZ", years=year, language="en_US")
    days_off = {day: str(name) for day, name in kz.items() if day.year == year}
    # weekend_workdays also carries cross-year transfers from other years' decrees.
    working_weekend_days = frozenset(day for day in kz.weekend_workdays if day.year == year)
    return _PackageYear(MappingProxyType(days_off), working_weekend_days)


class WorkingCalendar:
    """Working days in Kazakhstan: weekends, public holidays (moved when on a weekend),
    Government transfers of days off, plus later decrees given as extra data."""

    def __init__(
        self,
        extra_days_off: Iterable[date] = (),
        extra_working_days: Iterable[date] = (),
    ) -> None:
        self._extra_days_off = frozenset(extra_days_off)
        self._extra_working_days = frozenset(extra_working_days)
        both = sorted(self._extra_days_off & self._extra_working_days)
        if both:
            listed = ", ".join(day.isoformat() for day in both)
            raise ValueError(f"a date cannot be both a day off and a working day: {listed}")

    @property
    def extra_days_off(self) -> frozenset[date]:
        return self._extra_days_off

    @property
    def extra_working_days(self) -> frozenset[date]:
        return self._extra_working_days

    def is_working_day(self, d: date) -> bool:
        if d in self._extra_working_days:
            return True
        if d in self._extra_days_off:
            return False
        package = _package_year(d.year)
        if d.weekday() >= _SATURDAY:
            return d in package.working_weekend_days
        return d not in package.days_off

    def holiday_name(self, d: date) -> str | None:
        """Name of the holiday or day off on `d`; None for working days and plain weekends."""
        if d in self._extra_working_days:
            return None
        name = _package_year(d.year).days_off.get(d)
        if name is not None:
            return name
        if d in self._extra_days_off:
            return _EXTRA_DAY_OFF_NAME
        return None

    def add_working_days(self, start: date, n: int) -> date:
        """The date on which `n` working days after `start` have passed (start never counts)."""
        if n < 0:
            raise ValueError(f"number of working days must be 0 or more, not {n}")
        day = start
        remaining = n
        while remaining:
            day += _ONE_DAY
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, a: date, b: date) -> int:
        """Working days after `a` up to and including `b`; negative when `b` is before `a`."""
        if b < a:
            return -self.working_days_between(b, a)
        count = 0
        day = a
        while day < b:
            day += _ONE_DAY
            if self.is_working_day(day):
                count += 1
        return count


def _parse_date_list(data: Mapping[str, object], key: str, path: Path) -> list[date]:
    raw = data.get(key, [])
    if not isinstance(raw, list):
        raise InvalidCalendarOverrides(f"{path}: {key!r} must be a list of dates (YYYY-MM-DD).")
    days: list[date] = []
    for item in raw:
        if not isinstance(item, str):
            raise InvalidCalendarOverrides(
                f"{path}: {key!r} has {item!r}; write dates as strings YYYY-MM-DD."
            )
        try:
            days.append(date.fromisoformat(item))
        except ValueError:
            raise InvalidCalendarOverrides(
                f"{path}: {key!r} has {item!r}, which is not a date YYYY-MM-DD."
            ) from None
    return days


def load_calendar_overrides(path: str | Path) -> WorkingCalendar:
    """Build a WorkingCalendar from a JSON file {"days_off": [...], "working_days": [...]}."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidCalendarOverrides(
            f"cannot read calendar overrides {path}: {exc.strerror or exc}"
        ) from exc
    except UnicodeDecodeError:
        raise InvalidCalendarOverrides(f"{path}: the file is not UTF-8 text.") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidCalendarOverrides(
            f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from None
    except RecursionError:
        raise InvalidCalendarOverrides(f"{path}: the JSON is nested too deeply.") from None
    except ValueError as exc:  # a number of more than 4,300 digits
        raise InvalidCalendarOverrides(f"{path}: not valid JSON ({exc}).") from None
    if not isinstance(data, dict):
        raise InvalidCalendarOverrides(
            f'{path}: expected an object {{"days_off": [...], "working_days": [...]}}.'
        )
    unknown = sorted(set(data) - {"days_off", "working_days"})
    if unknown:
        raise InvalidCalendarOverrides(
            f"{path}: unknown keys {', '.join(unknown)}; only days_off and working_days are read."
        )
    days_off = _parse_date_list(data, "days_off", path)
    working_days = _parse_date_list(data, "working_days", path)
    try:
        return WorkingCalendar(extra_days_off=days_off, extra_working_days=working_days)
    except ValueError as exc:
        raise InvalidCalendarOverrides(f"{path}: {exc}.") from None


@functools.cache
def default_calendar() -> WorkingCalendar:
    """The calendar from the `holidays` package alone, built once on first use."""
    return WorkingCalendar()


def is_working_day(d: date) -> bool:
    """Whether `d` is a working day in the default calendar."""
    return default_calendar().is_working_day(d)


def add_working_days(start: date, n: int) -> date:
    """`start` plus `n` working days in the default calendar (see WorkingCalendar)."""
    return default_calendar().add_working_days(start, n)
