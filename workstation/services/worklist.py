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
COUNT_CAP = 1_000


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


# Each status filter is a union of "slices" that an index on (state, window_end, case_id)
# returns already in urgency order; the page merges the slices. One OR over states would
# make SQLite walk the whole urgency index past every closed window (0.5 s at 1M cases).
_OPEN_APPROVED = "state = 'approved' AND window_end >= :today"
_CLOSED_APPROVED = "state = 'approved' AND window_end < :today"
_SLICES: dict[StatusFilter, tuple[str, ...]] = {
    StatusFilter.OPEN_AT_DESK: (
        _OPEN_APPROVED,
        "state = 'arrived'",
        "state = 'steps_recorded'",
        "state = 'printed'",
    ),
    StatusFilter.AWAITING_ARRIVAL: (_OPEN_APPROVED,),
    StatusFilter.IN_PROGRESS: ("state = 'arrived'",),
    StatusFilter.READY_TO_PRINT: ("state = 'steps_recorded'",),
    StatusFilter.PRINTED: ("state = 'printed'",),
    StatusFilter.WITH_MIGRATION_SERVICE: ("state = 'submitted'", "state = 'under_review'"),
    StatusFilter.DECIDED: ("state = 'issued'", "state = 'refused'"),
    StatusFilter.ANNULLED: ("state = 'annulled'", _CLOSED_APPROVED),
    StatusFilter.ALL: ("",),
}
# Above this many matches a search is "broad" (one letter, say): walking the order index
# and filtering finds a page sooner than collecting every match and sorting it.
BROAD_MATCHES = 500


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


def _filters(query: WorklistQuery, today: date, params: dict[str, Any]) -> list[str]:
    """Search and deadline conditions (everything but the status slice)."""
    params["today"] = today
    parts = [p for p in (_search_sql(query.text, params),) if p]
    if query.deadline is not DeadlineFilter.ANY:
        params["deadline"] = today + timedelta(days=int(query.deadline))
        parts.append("(window_end >= :today AND window_end <= :deadline)")
    return parts


def _slice_sql(slice_: str, filters: list[str], extra: str = "") -> str:
    parts = [p for p in (slice_, *filters, extra) if p]
    return ("WHERE " + " AND ".join(f"({p})" for p in parts)) if parts else ""


def _index_hint(query: WorklistQuery, slice_: str) -> str:
    if query.sort is SortOrder.NAME:
        return "INDEXED BY ix_cases_surname_key"
    return "INDEXED BY ix_cases_state_urgency" if slice_ else "INDEXED BY ix_cases_urgency"


def fetch_page(
    conn: Connection,
    query: WorklistQuery,
    today: date,
    after: tuple[str, str] | None = None,
    limit: int = PAGE_SIZE,
) -> WorklistPage:
    params: dict[str, Any] = {}
    filters = _filters(query, today, params)
    key_column = "window_end" if query.sort is SortOrder.URGENCY else "surname_key"
    order = f"{key_column}, case_id"
    keyset = ""
    if after is not None:
        params["after_key"], params["after_id"] = after
        keyset = f"({order}) > (:after_key, :after_id)"
    broad = bool(filters) and count(conn, query, today, cap=BROAD_MATCHES) > BROAD_MATCHES
    found: list[Any] = []
    for slice_ in _SLICES[query.status]:
        hint = _index_hint(query, slice_) if broad or not filters else ""
        if filters and not broad:
            # A narrow search: make state and window unusable as index keys (unary +), so
            # SQLite fetches the few matches through the search indexes and sorts them.
            slice_ = slice_.replace("state =", "+state =").replace("window_end ", "+window_end ")
        # LIMIT is a literal: bound as a parameter, SQLite plans for an unknown limit and
        # may scan the whole order index even for a search that matches three rows.
        sql = (
            f"SELECT {_COLUMNS} FROM cases {hint} {_slice_sql(slice_, filters, keyset)} "
            f"ORDER BY {order} LIMIT {int(limit) + 1}"
        )
        found.extend(conn.execute(text(sql), params).all())
    found.sort(key=lambda r: (str(getattr(r, key_column)), str(r.case_id)))
    result = found[: limit + 1]
    rows = tuple(_row(r, today) for r in result[:limit])
    more = len(result) > limit
    cursor = None
    if more:
        last = result[limit - 1]
        cursor = (str(getattr(last, key_column)), str(last.case_id))
    return WorklistPage(rows=rows, more=more, after=cursor)


def count(conn: Connection, query: WorklistQuery, today: date, cap: int = COUNT_CAP) -> int:
    """How many cases match; past `cap` it stops and returns cap + 1 (the view says
    "more than cap") rather than count a million rows on every keystroke."""
    params: dict[str, Any] = {}
    filters = _filters(query, today, params)
    total = 0
    for slice_ in _SLICES[query.status]:
        sql = (
            f"SELECT count(*) FROM (SELECT 1 FROM cases {_slice_sql(slice_, filters)} "
            f"LIMIT {int(cap) + 1 - total})"
        )
        total += int(conn.execute(text(sql), params).scalar_one())
        if total > cap:
            return cap + 1
    return total


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
