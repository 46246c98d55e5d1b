"""What a supervisor's report holds: the period and center asked for, and the figures found."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from workstation.domain.clock import KAZAKHSTAN_TIME
from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.journal.envelope import format_instant

# A report spans at most this many days: beyond ten years a "period" is a mistake in a date.
MAX_PERIOD_DAYS = 3660
WINDOW_LIST_DAYS = 3  # "cases whose window ends in the next 3 days"
DECISION_WORKING_DAYS = 3  # the migration service decides within 3 working days


class InvalidReportPeriod(ValueError):
    """The dates of a report do not make a period."""


class UnknownCenter(LookupError):
    """The center asked for is not one this desk has cases of."""

    def __init__(self, center: str, known: tuple[str, ...]) -> None:
        self.center = center
        self.known = known
        listed = ", ".join(known) if known else "none yet"
        super().__init__(
            f"This desk has no cases of the center {center!r}. Centers on this desk: {listed} "
            "(or all)."
        )


@dataclass(frozen=True)
class ReportPeriod:
    """Calendar days in Kazakhstan, both ends included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidReportPeriod(
                QT_TRANSLATE_NOOP(
                    "reports", "The period ends ({end}) before it starts ({start}): swap the dates."
                ).format(end=f"{self.end:%d.%m.%Y}", start=f"{self.start:%d.%m.%Y}")
            )
        if (self.end - self.start).days >= MAX_PERIOD_DAYS:
            raise InvalidReportPeriod(
                QT_TRANSLATE_NOOP(
                    "reports", "A report covers at most {days} days; {start}–{end} is longer."
                ).format(
                    days=MAX_PERIOD_DAYS, start=f"{self.start:%d.%m.%Y}", end=f"{self.end:%d.%m.%Y}"
                )
            )

    @classmethod
    def month_of(cls, day: date) -> ReportPeriod:
        """The calendar month `day` falls in (the dashboard's default)."""
        first = day.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return cls(first, following - timedelta(days=1))

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def utc_bounds(self) -> tuple[str, str]:
        """[from, to) as stored instants: local midnight of the first day to local midnight
        after the last one, in the canonical UTC text the journal keeps (it sorts as time)."""
        lo = datetime.combine(self.start, time(0), KAZAKHSTAN_TIME).astimezone(UTC)
        hi = datetime.combine(self.end + timedelta(days=1), time(0), KAZAKHSTAN_TIME)
        return format_instant(lo), format_instant(hi.astimezone(UTC))

    def weeks(self) -> tuple[date, ...]:
        """The Mondays of the weeks the period touches, in order."""
        monday = self.start - timedelta(days=self.start.weekday())
        result = []
        while monday <= self.end:
            result.append(monday)
            monday += timedelta(days=7)
        return tuple(result)


def week_of(day: date) -> date:
    """The Monday of the week `day` is in."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class Funnel:
    """How many cases reached each stage within the period (see docs/reports.md)."""

    approved: int
    arrived: int
    annulled: int
    submitted: int
    issued: int
    refused: int

    @property
    def decided(self) -> int:
        return self.issued + self.refused


@dataclass(frozen=True)
class WeekFigures:
    """One week's share of the funnel (only the days of the week inside the period)."""

    week_start: date  # a Monday; the week may start before the period
    approved: int
    arrived: int
    submitted: int
    issued: int
    refused: int


@dataclass(frozen=True)
class WindowEnding:
    """An approved case with no entry recorded whose arrival window ends soon."""

    case_id: str
    surname: str
    given_names: str
    city: str
    approval_date: date
    window_end: date
    days_left: int


@dataclass(frozen=True)
class StaffWork:
    """What one member of staff recorded in the period (applied events on cases of the center)."""

    iin: str
    name: str  # the staff record's display name, or the IIN partly masked (see masked_iin)
    role: str | None  # a Role value: the staff record's, else guessed from the work; None unknown
    known: bool  # whether the desk has a staff record for the IIN
    arrivals: int
    steps: int
    printed: int
    submitted: int
    reviews: int
    decisions: int
    total: int  # every applied event, including kinds not in a column


@dataclass(frozen=True)
class DeskWork:
    """What was recorded at one workstation in the period (the desk cannot see branches of
    other desks at central, so work is told per workstation; see docs/reports.md)."""

    workstation_id: str
    events: int
    arrivals: int
    submitted: int
    decided: int


@dataclass(frozen=True)
class ReportData:
    period: ReportPeriod
    center: str | None  # a city; None: every center on this desk
    as_of: date  # the day the report was made (the 3-day list and derived annulments use it)
    generated_at: datetime
    prepared_by: str
    funnel: Funnel
    median_days_to_arrival: float | None
    median_days_to_decision: float | None
    decided: int
    decided_in_time: int  # decided within DECISION_WORKING_DAYS working days of submission
    weeks: tuple[WeekFigures, ...]
    window_ending: tuple[WindowEnding, ...]
    staff: tuple[StaffWork, ...]
    desks: tuple[DeskWork, ...]

    @property
    def share_in_time(self) -> float | None:
        """Decided within 3 working days, out of all decided in the period (0..1)."""
        if not self.decided:
            return None
        return self.decided_in_time / self.decided


def masked_iin(iin: str) -> str:
    """An IIN with its first six digits (the birth date) hidden: enough to tell staff apart."""
    if len(iin) <= 6:
        return "*" * len(iin)
    return "*" * 6 + iin[6:]


# One colour per stage, shared by the PDF charts and the dashboard (hex, no toolkit types).
STAGE_COLOURS = {
    "approved": "#2563eb",
    "arrived": "#0d9488",
    "annulled": "#9ca3af",
    "submitted": "#7c3aed",
    "issued": "#16a34a",
    "refused": "#dc2626",
    "decided": "#ea580c",
}
