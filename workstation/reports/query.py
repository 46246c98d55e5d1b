"""The figures of a supervisor's report, read from the desk's case projections and journal.

Only applied events count: the projections are made of applied events alone, and the work
per person reads `journal.outcome = 'applied'`. The center is the case's city. Days are
Kazakhstan calendar days. The definitions are spelled out in docs/reports.md.

Speed (bench/bench_reports.py, a million journal rows): every case figure comes from one
pass over `cases`, which carries the approval, entry, submission, due and decision dates
(migration 0005), comparing ISO date text without parsing it; the journal is read once, for
the work per person and desk, grouped in SQL, with a payload parsed only on decisions.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, text

from workstation.domain.calendar import WorkingCalendar
from workstation.domain.clock import local_date
from workstation.domain.lifecycle import STEP_EVENTS, EventType
from workstation.journal.envelope import parse_instant
from workstation.reports.model import (
    DECISION_WORKING_DAYS,
    WINDOW_LIST_DAYS,
    DeskWork,
    Funnel,
    ReportData,
    ReportPeriod,
    StaffWork,
    WeekFigures,
    WindowEnding,
    masked_iin,
    week_of,
)
from workstation.security.roles import Role

_ONE_DAY = timedelta(days=1)
_CHUNK = 500  # bound parameters per IN list

# Every case that can count in the period: approved, entered, submitted or decided in it,
# whose window closes in it (a derived annulment is dated the day after window_end), or
# annulled since its first instant (updated_at is the time of a case's last applied event,
# and nothing applies after an annulment, so it is the annulment's time).
_CASES_SQL = """
SELECT approval_date, window_end, entry_date, state, updated_at,
       submitted_on, due_date, decided_on, decision
FROM cases
WHERE {city}
  (approval_date BETWEEN :start AND :end
   OR entry_date BETWEEN :start AND :end
   OR window_end BETWEEN :window_from AND :window_to
   OR submitted_on BETWEEN :start AND :end
   OR decided_on BETWEEN :start AND :end
   OR (state = 'annulled' AND updated_at >= :lo))
"""

# Work per person and desk: every applied event of the period but approvals and annulments
# (the migration service's systems make those, not staff), counted by kind. It reads the
# covering index ix_journal_report alone (migration 0006), never a payload. The rows are
# counted in Python: SQLite's GROUP BY sorts every row first, twice as slow over a year.
_WORK_SQL = """
SELECT actor_iin, workstation_id, type
FROM journal INDEXED BY ix_journal_report
WHERE recorded_at >= :lo AND recorded_at < :hi AND outcome = 'applied'
  AND type NOT IN ('ArrivalApproved', 'Annulled') {city}
"""
_CITY_CASES = "AND +case_id IN (SELECT case_id FROM cases WHERE city = :city)"

_WINDOW_SQL = """
SELECT case_id, surname, given_names, city, approval_date, window_end
FROM cases
WHERE state = 'approved' AND window_end BETWEEN :today AND :last {city}
ORDER BY window_end, case_id
"""

_STEP_TYPES = frozenset(str(t) for t in STEP_EVENTS)


@dataclass
class _WeekTally:
    approved: int = 0
    arrived: int = 0
    submitted: int = 0
    issued: int = 0
    refused: int = 0


@dataclass
class _Work:
    arrivals: int = 0
    steps: int = 0
    printed: int = 0
    submitted: int = 0
    reviews: int = 0
    decisions: int = 0
    total: int = 0


def centers(conn: Connection) -> tuple[str, ...]:
    """The centers (cities) this desk has cases of, in alphabetical order."""
    rows = conn.execute(text("SELECT DISTINCT city FROM cases ORDER BY city")).scalars()
    return tuple(str(city) for city in rows)


def build_report(
    conn: Connection,
    period: ReportPeriod,
    center: str | None,
    *,
    today: date,
    calendar: WorkingCalendar,
    generated_at: datetime,
    prepared_by: str = "",
) -> ReportData:
    """The report of `period` for `center` (a city; None: every city on this desk), as
    known on `today` (derived annulments up to that day; the 3-day list from it)."""
    figures = _CaseFigures(period, today, calendar)
    lo, hi = period.utc_bounds()
    params = {
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "window_from": (period.start - _ONE_DAY).isoformat(),
        "window_to": (period.end - _ONE_DAY).isoformat(),
        "lo": lo,
        "hi": hi,
        "city": center,
    }
    city = "city = :city AND" if center is not None else ""
    for row in _raw_rows(conn, _CASES_SQL.format(city=city), params):
        figures.add(*row)
    # The desk of one city needs no city filter on its journal: skip the lookups.
    filter_journal = center is not None and centers(conn) != (center,)
    staff, desks = _work(conn, params, _CITY_CASES if filter_journal else "")
    return ReportData(
        period=period,
        center=center,
        as_of=today,
        generated_at=generated_at,
        prepared_by=prepared_by,
        funnel=Funnel(
            approved=figures.approved,
            arrived=figures.arrived,
            annulled=figures.annulled,
            submitted=figures.submitted,
            issued=figures.issued,
            refused=figures.refused,
        ),
        median_days_to_arrival=_median(figures.to_arrival),
        median_days_to_decision=_median(figures.to_decision),
        decided=len(figures.to_decision),
        decided_in_time=figures.in_time,
        weeks=tuple(
            WeekFigures(monday, t.approved, t.arrived, t.submitted, t.issued, t.refused)
            for monday, t in figures.weeks.items()
        ),
        window_ending=_window_ending(conn, center, today),
        staff=staff,
        desks=desks,
    )


class _CaseFigures:
    """Tallies case rows. Dates stay ISO text (which sorts as dates) unless a difference
    or a week is needed: a year's report reads tens of thousands of rows."""

    def __init__(self, period: ReportPeriod, today: date, calendar: WorkingCalendar) -> None:
        self.start = period.start.isoformat()
        self.end = period.end.isoformat()
        # Derived annulments count up to the day of the report, not into the future.
        self.annul_end = min(period.end, today).isoformat()
        self.calendar = calendar
        self.weeks: dict[date, _WeekTally] = {monday: _WeekTally() for monday in period.weeks()}
        self._mondays: dict[str, date] = {}
        self.approved = self.arrived = self.annulled = 0
        self.submitted = self.issued = self.refused = self.in_time = 0
        self.to_arrival: list[int] = []
        self.to_decision: list[int] = []

    def _week(self, day: str) -> _WeekTally:
        monday = self._mondays.get(day)
        if monday is None:
            monday = self._mondays[day] = week_of(date.fromisoformat(day))
        return self.weeks[monday]

    def _in(self, day: str) -> bool:
        return self.start <= day <= self.end

    def add(
        self,
        approval: str,
        window_end: str,
        entry: str | None,
        state: str,
        updated_at: str,
        submitted_on: str | None,
        due_date: str | None,
        decided: str | None,
        decision: str | None,
    ) -> None:
        """One row of _CASES_SQL, its columns in that order."""
        if self._in(approval):
            self.approved += 1
            self._week(approval).approved += 1
        entered = entry is not None and entry <= window_end  # inside the arrival window
        if entry is not None and entered and self._in(entry):
            self.arrived += 1
            self._week(entry).arrived += 1
            self.to_arrival.append(_days_between(approval, entry))
        annulled_on = _annulled_on(state, window_end, entered, updated_at)
        if annulled_on is not None and self.start <= annulled_on <= self.annul_end:
            self.annulled += 1
        if submitted_on is not None and self._in(submitted_on):
            self.submitted += 1
            self._week(submitted_on).submitted += 1
        if decided is not None and decision in ("issued", "refused") and self._in(decided):
            tally = self._week(decided)
            if decision == "issued":
                self.issued += 1
                tally.issued += 1
            else:
                self.refused += 1
                tally.refused += 1
            if submitted_on is not None:
                self.to_decision.append(_days_between(submitted_on, decided))
                due = (
                    due_date
                    or self.calendar.add_working_days(
                        date.fromisoformat(submitted_on), DECISION_WORKING_DAYS
                    ).isoformat()
                )
                self.in_time += decided <= due


def _days_between(first: str, last: str) -> int:
    return (date.fromisoformat(last) - date.fromisoformat(first)).days


def _annulled_on(state: str, window_end: str, entered_in_time: bool, updated_at: str) -> str | None:
    """The day (ISO) a case became annulled, or None: the day after its window closed when no
    entry inside the window is known, or the day of its annulment (its last event), whichever
    came first."""
    candidates = []
    if state == "annulled":
        candidates.append(local_date(parse_instant(updated_at)).isoformat())
    if not entered_in_time and state in ("approved", "annulled"):
        candidates.append((date.fromisoformat(window_end) + _ONE_DAY).isoformat())
    return min(candidates) if candidates else None


def _work(
    conn: Connection, params: dict[str, Any], city_filter: str
) -> tuple[tuple[StaffWork, ...], tuple[DeskWork, ...]]:
    people: dict[str, _Work] = defaultdict(_Work)
    desks: dict[str, Counter[str]] = defaultdict(Counter)
    for (actor_iin, workstation_id, kind), n in _count_rows(
        conn, _WORK_SQL.format(city=city_filter), params
    ).items():
        work = people[actor_iin]
        work.total += n
        desk = desks[workstation_id]
        desk["events"] += n
        if kind == EventType.ARRIVAL_RECORDED:
            work.arrivals += n
            desk["arrivals"] += n
        elif kind in _STEP_TYPES:
            work.steps += n
        elif kind == EventType.APPLICATION_PRINTED:
            work.printed += n
        elif kind == EventType.APPLICATION_SUBMITTED:
            work.submitted += n
            desk["submitted"] += n
        elif kind == EventType.REVIEW_STARTED:
            work.reviews += n
        elif kind == EventType.DECISION_RECORDED:
            work.decisions += n
            desk["decided"] += n
    known = _staff_records(conn, sorted(people))
    staff = []
    for iin, work in people.items():
        record = known.get(iin)
        staff.append(
            StaffWork(
                iin=iin,
                name=record[0] if record else masked_iin(iin),
                role=record[1] if record else _guess_role(work),
                known=record is not None,
                arrivals=work.arrivals,
                steps=work.steps,
                printed=work.printed,
                submitted=work.submitted,
                reviews=work.reviews,
                decisions=work.decisions,
                total=work.total,
            )
        )
    staff.sort(key=lambda s: (-s.total, s.name))
    desk_rows = sorted(
        (
            DeskWork(ws, c["events"], c["arrivals"], c["submitted"], c["decided"])
            for ws, c in desks.items()
        ),
        key=lambda d: (-d.events, d.workstation_id),
    )
    return tuple(staff), tuple(desk_rows)


def _raw_rows(conn: Connection, sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The rows of `sql` as the driver's plain tuples (SQLAlchemy's row objects cost more
    than the query over a year's cases)."""
    dbapi = conn.connection.dbapi_connection
    assert dbapi is not None
    cursor: Any = dbapi.cursor()
    try:
        cursor.execute(sql, params)
        rows: list[tuple[Any, ...]] = cursor.fetchall()
        return rows
    finally:
        cursor.close()


def _count_rows(conn: Connection, sql: str, params: dict[str, Any]) -> Counter[tuple[Any, ...]]:
    """How often each row of `sql` occurs, counted straight off the driver's cursor (a year
    is a million rows)."""
    dbapi = conn.connection.dbapi_connection
    assert dbapi is not None
    cursor: Any = dbapi.cursor()
    try:
        cursor.execute(sql, params)
        counts: Counter[tuple[Any, ...]] = Counter(cursor)
        return counts
    finally:
        cursor.close()


def _staff_records(conn: Connection, iins: Sequence[str]) -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    query = text("SELECT iin, display_name, role FROM staff WHERE iin IN :iins").bindparams(
        bindparam("iins", expanding=True)
    )
    for first in range(0, len(iins), _CHUNK):
        for row in conn.execute(query, {"iins": list(iins[first : first + _CHUNK])}):
            found[row.iin] = (row.display_name, row.role)
    return found


def _guess_role(work: _Work) -> str | None:
    """The role of someone the desk has no staff record of, from what they did."""
    if work.reviews or work.decisions:
        return Role.MIGRATION_OFFICER.value
    if work.arrivals or work.steps or work.printed or work.submitted:
        return Role.CLERK.value
    return None


def _window_ending(conn: Connection, center: str | None, today: date) -> tuple[WindowEnding, ...]:
    city = "AND city = :city" if center is not None else ""
    rows = conn.execute(
        text(_WINDOW_SQL.format(city=city)),
        {
            "today": today.isoformat(),
            "last": (today + timedelta(days=WINDOW_LIST_DAYS)).isoformat(),
            "city": center,
        },
    )
    result = []
    for row in rows:
        window_end = _as_date(row.window_end)
        result.append(
            WindowEnding(
                case_id=row.case_id,
                surname=row.surname,
                given_names=row.given_names,
                city=row.city,
                approval_date=_as_date(row.approval_date),
                window_end=window_end,
                days_left=(window_end - today).days,
            )
        )
    return tuple(result)


def _as_date(value: Any) -> date:
    # text() returns SQLite's stored text; the typed table would give a date.
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None
