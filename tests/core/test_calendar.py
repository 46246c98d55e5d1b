"""Tests for the Kazakhstan working-day calendar."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workstation.domain import calendar as calendar_module
from workstation.domain.calendar import (
    InvalidCalendarOverrides,
    WorkingCalendar,
    add_working_days,
    default_calendar,
    is_working_day,
    load_calendar_overrides,
)

KZ = WorkingCalendar()


# --- facts from the holidays package -------------------------------------------------------


def test_sunday_5_january_2025_is_a_working_day() -> None:
    assert date(2025, 1, 5).weekday() == 6
    assert KZ.is_working_day(date(2025, 1, 5))
    assert KZ.holiday_name(date(2025, 1, 5)) is None


def test_friday_3_january_2025_is_the_transferred_day_off() -> None:
    assert not KZ.is_working_day(date(2025, 1, 3))
    name = KZ.holiday_name(date(2025, 1, 3))
    assert name is not None and "substituted" in name


def test_ordinary_sunday_is_not_a_working_day() -> None:
    assert not KZ.is_working_day(date(2025, 1, 12))
    assert KZ.is_working_day(date(2025, 1, 13))


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_new_year_is_two_days_off(year: int) -> None:
    assert not KZ.is_working_day(date(year, 1, 1))
    assert not KZ.is_working_day(date(year, 1, 2))
    assert KZ.holiday_name(date(year, 1, 1)) == "New Year's Day"


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_nauryz_21_to_23_march_are_days_off(year: int) -> None:
    for day in (21, 22, 23):
        assert not KZ.is_working_day(date(year, 3, day))
        assert KZ.holiday_name(date(year, 3, day)) == "Nowruz Holiday"


def test_holiday_on_weekend_moves_to_next_working_day() -> None:
    # 8 March 2025 (Women's Day) was a Saturday: Monday 10 March was the day off.
    assert date(2025, 3, 8).weekday() == 5
    assert not KZ.is_working_day(date(2025, 3, 10))
    assert "observed" in (KZ.holiday_name(date(2025, 3, 10)) or "")
    assert KZ.is_working_day(date(2025, 3, 11))
    # Nauryz 2025: 22-23 March on the weekend, so 24 and 25 March were days off.
    assert not KZ.is_working_day(date(2025, 3, 24))
    assert not KZ.is_working_day(date(2025, 3, 25))
    assert KZ.is_working_day(date(2025, 3, 26))
    # Victory Day 2026 (9 May) is a Saturday: Monday 11 May is the day off.
    assert date(2026, 5, 9).weekday() == 5
    assert not KZ.is_working_day(date(2026, 5, 11))


def test_orthodox_christmas_on_sunday_is_not_moved() -> None:
    # 7 January 2024 was a Sunday; Monday 8 January 2024 was an ordinary working day.
    assert date(2024, 1, 7).weekday() == 6
    assert KZ.holiday_name(date(2024, 1, 7)) == "Orthodox Christmas"
    assert KZ.is_working_day(date(2024, 1, 8))
    # On a weekday it is a day off.
    assert not KZ.is_working_day(date(2025, 1, 7))


def test_kurban_ait_on_sunday_is_not_moved() -> None:
    # Kurban Ait 2024 fell on Sunday 16 June; Monday 17 June was a working day.
    assert date(2024, 6, 16).weekday() == 6
    assert KZ.holiday_name(date(2024, 6, 16)) == "Eid al-Adha"
    assert KZ.is_working_day(date(2024, 6, 17))
    # 2025: Friday 6 June, a day off.
    assert not KZ.is_working_day(date(2025, 6, 6))


def test_cross_year_working_weekend_day_belongs_to_its_own_year() -> None:
    # The 2014 decree moved the Saturday 28 December 2013 to Friday 3 January 2014.
    assert KZ.is_working_day(date(2013, 12, 28))
    assert not KZ.is_working_day(date(2014, 1, 3))
    # ...and it does not leak into other years' weekends.
    assert not KZ.is_working_day(date(2024, 12, 28))


def test_plain_weekday_has_no_holiday_name() -> None:
    assert KZ.holiday_name(date(2025, 2, 12)) is None
    assert KZ.is_working_day(date(2025, 2, 12))


# --- add_working_days / working_days_between ------------------------------------------------


def test_add_zero_working_days_returns_start_even_on_a_holiday() -> None:
    assert KZ.add_working_days(date(2025, 1, 1), 0) == date(2025, 1, 1)


def test_add_working_days_start_day_never_counts() -> None:
    # Monday 3 Feb 2025 + 1 working day = Tuesday.
    assert KZ.add_working_days(date(2025, 2, 3), 1) == date(2025, 2, 4)
    # From Friday 7 Feb 2025, one working day is Monday 10 Feb.
    assert KZ.add_working_days(date(2025, 2, 7), 1) == date(2025, 2, 10)


def test_add_working_days_across_nauryz_long_weekend() -> None:
    # Thursday 20 March 2025: 21-25 March are days off, so 3 working days end on 28 March.
    assert KZ.add_working_days(date(2025, 3, 20), 1) == date(2025, 3, 26)
    assert KZ.add_working_days(date(2025, 3, 20), 3) == date(2025, 3, 28)


def test_add_working_days_across_new_year_2025_uses_working_sunday() -> None:
    # Tuesday 31 Dec 2024: 1-4 Jan off, Sunday 5 Jan works, 6 Jan works, 7 Jan off.
    assert KZ.add_working_days(date(2024, 12, 31), 1) == date(2025, 1, 5)
    assert KZ.add_working_days(date(2024, 12, 31), 2) == date(2025, 1, 6)
    assert KZ.add_working_days(date(2024, 12, 31), 3) == date(2025, 1, 8)


def test_add_working_days_refuses_negative() -> None:
    with pytest.raises(ValueError, match="0 or more"):
        KZ.add_working_days(date(2025, 2, 3), -1)


def test_working_days_between() -> None:
    assert KZ.working_days_between(date(2025, 3, 20), date(2025, 3, 28)) == 3
    assert KZ.working_days_between(date(2025, 3, 28), date(2025, 3, 20)) == -3
    assert KZ.working_days_between(date(2025, 3, 20), date(2025, 3, 20)) == 0
    assert KZ.working_days_between(date(2025, 3, 20), date(2025, 3, 25)) == 0


# --- overrides for later Government decrees -------------------------------------------------


def test_extra_days_off_and_working_days_override_the_package() -> None:
    decree = WorkingCalendar(
        extra_days_off=[date(2026, 2, 11)], extra_working_days=[date(2026, 3, 24)]
    )
    assert KZ.is_working_day(date(2026, 2, 11))
    assert not decree.is_working_day(date(2026, 2, 11))
    assert decree.holiday_name(date(2026, 2, 11)) == "Day off (Government decree)"
    assert not KZ.is_working_day(date(2026, 3, 24))
    assert decree.is_working_day(date(2026, 3, 24))
    assert decree.holiday_name(date(2026, 3, 24)) is None
    # Tuesday 10 Feb 2026 + 1 working day skips the decreed day off.
    assert decree.add_working_days(date(2026, 2, 10), 1) == date(2026, 2, 12)


def test_extra_working_saturday() -> None:
    saturday = date(2026, 2, 14)
    decree = WorkingCalendar(extra_working_days=[saturday])
    assert not KZ.is_working_day(saturday)
    assert decree.is_working_day(saturday)
    assert decree.add_working_days(date(2026, 2, 13), 1) == saturday


def test_a_date_cannot_be_both_overrides() -> None:
    with pytest.raises(ValueError, match="2026-02-11"):
        WorkingCalendar(extra_days_off=[date(2026, 2, 11)], extra_working_days=[date(2026, 2, 11)])


def test_overrides_accept_generators() -> None:
    days = (date(2026, 2, d) for d in (11, 12))
    decree = WorkingCalendar(extra_days_off=days)
    assert decree.extra_days_off == frozenset({date(2026, 2, 11), date(2026, 2, 12)})
    assert not decree.is_working_day(date(2026, 2, 12))


# --- load_calendar_overrides ---------------------------------------------------------------


def test_load_calendar_overrides(tmp_path: Path) -> None:
    path = tmp_path / "calendar.json"
    path.write_text(
        json.dumps({"days_off": ["2026-02-11"], "working_days": ["2026-02-14"]}),
        encoding="utf-8",
    )
    decree = load_calendar_overrides(path)
    assert not decree.is_working_day(date(2026, 2, 11))
    assert decree.is_working_day(date(2026, 2, 14))


def test_load_calendar_overrides_keys_are_optional(tmp_path: Path) -> None:
    path = tmp_path / "calendar.json"
    path.write_text("{}", encoding="utf-8")
    decree = load_calendar_overrides(str(path))
    assert decree.extra_days_off == frozenset()
    assert decree.extra_working_days == frozenset()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON \\(line 1"),
        ("[]", "expected an object"),
        ('{"days_of": []}', "unknown keys days_of"),
        ('{"days_off": "2026-02-11"}', "'days_off' must be a list"),
        ('{"days_off": [20260211]}', "write dates as strings"),
        ('{"working_days": ["11.02.2026"]}', "'11.02.2026', which is not a date"),
        ('{"working_days": ["2026-02-30"]}', "'2026-02-30', which is not a date"),
        (
            '{"days_off": ["2026-02-11"], "working_days": ["2026-02-11"]}',
            "both a day off and a working day",
        ),
    ],
)
def test_load_calendar_overrides_bad_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "calendar.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InvalidCalendarOverrides, match=message) as raised:
        load_calendar_overrides(path)
    assert str(path) in str(raised.value)


def test_load_calendar_overrides_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidCalendarOverrides, match="cannot read calendar overrides"):
        load_calendar_overrides(tmp_path / "missing.json")


def test_load_calendar_overrides_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "calendar.json"
    path.write_bytes(b'{"days_off": ["\xff"]}')
    with pytest.raises(InvalidCalendarOverrides, match="not UTF-8"):
        load_calendar_overrides(path)


# --- module-level functions ----------------------------------------------------------------


def test_module_functions_use_one_default_calendar() -> None:
    assert default_calendar() is default_calendar()
    assert is_working_day(date(2025, 1, 5))
    assert not is_working_day(date(2025, 1, 3))
    assert add_working_days(date(2025, 3, 20), 3) == date(2025, 3, 28)


def test_package_years_are_cached() -> None:
    KZ.is_working_day(date(2031, 5, 5))
    before = calendar_module._package_year.cache_info().hits
    for offset in range(30):
        KZ.is_working_day(date(2031, 5, 5) + timedelta(days=offset))
    assert calendar_module._package_year.cache_info().hits >= before + 30


# --- properties ----------------------------------------------------------------------------

days = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))


@given(days, st.integers(min_value=1, max_value=40))
def test_add_working_days_lands_on_working_day_and_counts_back(start: date, n: int) -> None:
    end = KZ.add_working_days(start, n)
    assert end > start
    assert KZ.is_working_day(end)
    assert KZ.working_days_between(start, end) == n
    assert KZ.working_days_between(end, start) == -n
    # The day before `end` has not yet reached n.
    assert KZ.working_days_between(start, end - timedelta(days=1)) == n - 1


@given(days, st.integers(min_value=0, max_value=20), st.integers(min_value=0, max_value=20))
def test_add_working_days_composes(start: date, m: int, n: int) -> None:
    middle = KZ.add_working_days(start, m)
    assert KZ.add_working_days(middle, n) == KZ.add_working_days(start, m + n)


@given(days, days)
def test_working_days_between_is_antisymmetric(a: date, b: date) -> None:
    assert KZ.working_days_between(a, b) == -KZ.working_days_between(b, a)


@given(days)
def test_working_day_agrees_with_package_rules(d: date) -> None:
    name = KZ.holiday_name(d)
    if d.weekday() < 5:
        assert KZ.is_working_day(d) == (name is None)
    elif KZ.is_working_day(d):
        assert name is None
