"""The worklist query: search as you type, filters and urgency order, one page at a time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, text

from workstation.domain.lifecycle import CaseState
from workstation.domain.names import prefix_upper_bound, search_key

PAGE_SIZE = 100
COUNT_CAP = 10_000


class StatusFilter(StrEnum):
    OPEN_AT_DESK = "open"  # default: what a clerk may still act on
    AWAITING_ARRIVAL = "awaiting_arrival"
    IN_PROGRESS = "in_progress"
    READY_TO_PRINT = "ready_to_print"
    PRINTED = "printed"
    WITH_MIGRATION_SERVICE = "with_migration_service"
    DECIDED = "decided"
    ANNULLED = "annulled"  # annulled, or the window closed with no entry recorded
    ALL = "all"


class DeadlineFilter(StrEnum):
    ANY = "any"
    WITHIN_3_DAYS = "3"
    WITHIN_7_DAYS = "7"
    WITHIN_14_DAYS = "14"


class SortOrder(StrEnum):
    URGENCY = "urgency"  # end of the arrival window, soonest first
    NAME = "name"


@dataclass(frozen=True)
class WorklistQuery:
    text: str = ""
    status: StatusFilter = StatusFilter.OPEN_AT_DESK
    deadline: DeadlineFilter = DeadlineFilter.ANY
    sort: SortOrder = SortOrder.URGENCY


@dataclass(frozen=True)
class WorklistRow:
    case_id: str
    surname: str
    given_names: str
    surname_cyr: str
    given_names_cyr: str
    iin: str
    passport_number: str
    nationality: str
    city: str
    state: CaseState
    approval_date: date
    window_end: date
    entry_date: date | None
    flagged: bool
    days_left: int  # calendar days to the end of the arrival window (negative: closed)

    @property
    def effective_state(self) -> CaseState:
        if self.state is CaseState.APPROVED and self.days_left < 0:
            return CaseState.ANNULLED
        return self.state


@dataclass(frozen=True)
class WorklistPage:
    rows: tuple[WorklistRow, ...]
    more: bool  # another page follows
    after: tuple[str, str] | None  # keyset cursor for the next page


_COLUMNS = (
    "case_id, surname, given_names, surname_cyr, given_names_cyr, iin, passport_number, "
    "nationality, city, state, approval_date, window_end, entry_date, flagged, surname_key"
)
_DESK_STATES = ("arrived", "steps_recorded", "printed")


def _status_sql(status: StatusFilter, params: dict[str, Any]) -> str:
    if status is StatusFilter.ALL:
        return ""
    if status is StatusFilter.OPEN_AT_DESK:
        return (
            "((state = 'approved' AND window_end >= :today) "
            "OR state IN ('arrived', 'steps_recorded', 'printed'))"
        )
    if status is StatusFilter.AWAITING_ARRIVAL:
        return "(state = 'approved' AND window_end >= :today)"
    if status is StatusFilter.ANNULLED:
        return "(state = 'annulled' OR (state = 'approved' AND window_end < :today))"
    states = {
        StatusFilter.IN_PROGRESS: ("arrived",),
        StatusFilter.READY_TO_PRINT: ("steps_recorded",),
        StatusFilter.PRINTED: ("printed",),
        StatusFilter.WITH_MIGRATION_SERVICE: ("submitted", "under_review"),
        StatusFilter.DECIDED: ("issued", "refused"),
    }[status]
    names = []
    for i, state in enumerate(states):
        params[f"st{i}"] = state
        names.append(f":st{i}")
    return f"state IN ({', '.join(names)})"


def _search_sql(raw: str, params: dict[str, Any]) -> str:
    """Each word must be the start of the IIN, passport number, or a Latin/Cyrillic name.

    Prefixes become range conditions (col >= p AND col < p+U+10FFFF) so SQLite walks the
    index instead of scanning a million rows.
    """
    clauses = []
    for i, word in enumerate(raw.split()[:4]):
        key = search_key(word)
        if not key:
            continue
        params[f"lo{i}"], params[f"hi{i}"] = key, prefix_upper_bound(key)
        cols = ["surname_key", "given_key", "surname_cyr_key"]
        if i == 0:
            cols += ["passport_number"] + (["iin"] if key.isdigit() else [])
        ranges = [f"({c} >= :lo{i} AND {c} < :hi{i})" for c in cols]
        clauses.append("(" + " OR ".join(ranges) + ")")
    return " AND ".join(clauses)


def _where(query: WorklistQuery, today: date, params: dict[str, Any]) -> list[str]:
    params["today"] = today
    parts = [p for p in (_status_sql(query.status, params), _search_sql(query.text, params)) if p]
    if query.deadline is not DeadlineFilter.ANY:
        params["deadline"] = today + timedelta(days=int(query.deadline))
        parts.append("(window_end >= :today AND window_end <= :deadline)")
    return parts


def fetch_page(
    conn: Connection,
    query: WorklistQuery,
    today: date,
    after: tuple[str, str] | None = None,
    limit: int = PAGE_SIZE,
) -> WorklistPage:
    params: dict[str, Any] = {"limit": limit + 1}
    parts = _where(query, today, params)
    key_column = "window_end" if query.sort is SortOrder.URGENCY else "surname_key"
    order = f"{key_column}, case_id"
    if after is not None:
        params["after_key"], params["after_id"] = after
        parts.append(f"({order}) > (:after_key, :after_id)")
    where = ("WHERE " + " AND ".join(parts)) if parts else ""
    sql = f"SELECT {_COLUMNS} FROM cases {where} ORDER BY {order} LIMIT :limit"
    result = conn.execute(text(sql), params).all()
    rows = tuple(_row(r, today) for r in result[:limit])
    more = len(result) > limit
    cursor = None
    if more:
        last = result[limit - 1]
        cursor = (str(getattr(last, key_column)), str(last.case_id))
    return WorklistPage(rows=rows, more=more, after=cursor)


def count(conn: Connection, query: WorklistQuery, today: date, cap: int = COUNT_CAP) -> int:
    """How many cases match, up to `cap` (the view says "10,000+" rather than count them all)."""
    params: dict[str, Any] = {"cap": cap + 1}
    parts = _where(query, today, params)
    where = ("WHERE " + " AND ".join(parts)) if parts else ""
    sql = f"SELECT count(*) FROM (SELECT 1 FROM cases {where} LIMIT :cap)"
    return int(conn.execute(text(sql), params).scalar_one())


def _row(r: Any, today: date) -> WorklistRow:
    window_end = _as_date(r.window_end)
    return WorklistRow(
        case_id=r.case_id,
        surname=r.surname,
        given_names=r.given_names,
        surname_cyr=r.surname_cyr,
        given_names_cyr=r.given_names_cyr,
        iin=r.iin,
        passport_number=r.passport_number,
        nationality=r.nationality,
        city=r.city,
        state=CaseState(r.state),
        approval_date=_as_date(r.approval_date),
        window_end=window_end,
        entry_date=_as_date(r.entry_date) if r.entry_date else None,
        flagged=bool(r.flagged),
        days_left=(window_end - today).days,
    )


def _as_date(value: Any) -> date:
    # text() queries return SQLite's stored ISO text, not SQLAlchemy's Date conversion.
    return value if isinstance(value, date) else date.fromisoformat(value)
