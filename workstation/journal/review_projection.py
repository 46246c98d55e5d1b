"""Projections of submission and decision, and the re-application lock (DOMAIN.md, step 6).

Called by journal.projector after an event is projected, on every desk and in every replay,
so the columns and the lock follow from the journal alone:

- `ApplicationSubmitted` sets `submitted_on` and `due_date` (the officer's queue sorts by it);
- `DecisionRecorded` sets `decided_on` and the permit number, or the refusal reason and
  `reapply_not_before`;
- an approval of a person (same IIN, or same passport number and nationality) refused on
  day D with `reapply_not_before` R, approved on a day A with D <= A < R, is locked:
  `cases.reapply_lock` and `cases.flagged` name the refusal and its date, and the lifecycle
  refuses every later event of that case (ReapplyLocked).

The lock does not depend on the order in which a desk learns of the two: a new approval
looks the refusals up when it is projected, and a refusal looks up approvals already there.
A case that was worked on before its refusal arrived is replayed, so its later events are
refused on this desk too, as they are on every desk that saw the refusal first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, bindparam, select, update

from workstation.domain import decision as rules_of
from workstation.domain.calendar import default_calendar
from workstation.domain.lifecycle import CaseState, CaseStatus, EventType
from workstation.domain.programme import ProgrammeRules
from workstation.journal.envelope import Event
from workstation.store.models import cases

# SQLite binds at most 32,766 parameters per statement; a pulled batch may be larger.
_CHUNK = 5_000

_LOCK = (
    update(cases)
    .where(cases.c.case_id == bindparam("locked_case"))
    .values(reapply_lock=bindparam("lock"), flagged=bindparam("lock"))
)


@dataclass(frozen=True)
class _Refusal:
    case_id: str
    iin: str
    passport_number: str
    nationality: str
    decided_on: date
    not_before: date


def project(conn: Connection, event: Event, status: CaseStatus, rules: ProgrammeRules) -> list[str]:
    """Update the review columns for an applied `event`; returns the ids of cases a refusal
    newly locked that already had events after their approval (the caller replays them)."""
    if event.type is EventType.ARRIVAL_APPROVED:
        row = conn.execute(
            select(
                cases.c.case_id,
                cases.c.iin,
                cases.c.passport_number,
                cases.c.nationality,
                cases.c.approval_date,
            ).where(cases.c.case_id == event.case_id)
        ).first()
        if row is not None:
            lock_new_approvals(conn, [dict(row._mapping)])
        return []
    values = _values(event, status, rules)
    if not values:
        return []
    conn.execute(update(cases).where(cases.c.case_id == event.case_id).values(**values))
    if status.state is CaseState.REFUSED and event.type is EventType.DECISION_RECORDED:
        return _lock_later_approvals(conn, event.case_id)
    return []


def lock_new_approvals(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> int:
    """Lock the just-inserted approvals among `rows` (case rows: case_id, iin,
    passport_number, nationality, approval_date) that re-apply within a year of a refusal.
    One indexed lookup for all of them; returns how many were locked."""
    if not rows:
        return 0
    iins = sorted({str(r["iin"]) for r in rows if r["iin"]})
    passports = sorted({str(r["passport_number"]) for r in rows if r["passport_number"]})
    refusals = _refusals(conn, iins, passports)
    if not refusals:
        return 0
    locks = []
    for row in rows:
        text = _lock_for(row, refusals)
        if text is not None:
            locks.append({"locked_case": row["case_id"], "lock": text})
    if locks:
        conn.execute(_LOCK, locks)
    return len(locks)


def _values(event: Event, status: CaseStatus, rules: ProgrammeRules) -> dict[str, Any]:
    payload = event.payload
    if event.type is EventType.APPLICATION_SUBMITTED:
        submitted = _date(payload.get("submitted_on")) or event.local_date
        due = _date(payload.get("due_date")) or rules_of.decision_due(
            submitted, rules.verification_working_days, default_calendar()
        )
        return {"submitted_on": submitted, "due_date": due}
    if event.type is EventType.DECISION_RECORDED:
        decided = _date(payload.get("decided_on")) or event.local_date
        if status.state is CaseState.ISSUED:
            number = payload.get("permit_number")
            return {"decided_on": decided, "permit_number": str(number) if number else None}
        not_before = _date(payload.get("reapply_not_before")) or rules_of.reapply_not_before(
            decided, rules.reapply_lock_years
        )
        reason = payload.get("reason_code")
        return {
            "decided_on": decided,
            "refusal_reason": str(reason)[:40] if reason else None,
            "reapply_not_before": not_before,
        }
    return {}


def _refusals(conn: Connection, iins: Sequence[str], passports: Sequence[str]) -> list[_Refusal]:
    """Refused cases of any of these IINs or passport numbers (ix_cases_iin, ix_cases_passport)."""
    found: dict[str, _Refusal] = {}
    columns = (
        cases.c.case_id,
        cases.c.iin,
        cases.c.passport_number,
        cases.c.nationality,
        cases.c.decided_on,
        cases.c.reapply_not_before,
    )
    for column, values in ((cases.c.iin, iins), (cases.c.passport_number, passports)):
        for start in range(0, len(values), _CHUNK):
            chunk = values[start : start + _CHUNK]
            query = select(*columns).where(
                column.in_(chunk) & cases.c.reapply_not_before.is_not(None)
            )
            for r in conn.execute(query):
                found[r.case_id] = _Refusal(
                    r.case_id,
                    r.iin,
                    r.passport_number,
                    r.nationality,
                    r.decided_on,
                    r.reapply_not_before,
                )
    return list(found.values())


def _lock_for(row: Mapping[str, Any], refusals: Iterable[_Refusal]) -> str | None:
    """The lock text for an approval row, from the refusal that locks it longest, or None."""
    approved = _as_date(row["approval_date"])
    best: tuple[_Refusal, str] | None = None
    for refusal in refusals:
        if refusal.case_id == row["case_id"]:
            continue
        if not refusal.decided_on <= approved < refusal.not_before:
            continue
        match = _match(row, refusal)
        if match is None:
            continue
        if best is None or (refusal.not_before, refusal.case_id) > (
            best[0].not_before,
            best[0].case_id,
        ):
            best = (refusal, match)
    if best is None:
        return None
    refusal, match = best
    return rules_of.reapply_lock_text(
        refusal.case_id, refusal.decided_on, refusal.not_before, match
    )


def _match(row: Mapping[str, Any], refusal: _Refusal) -> str | None:
    """Which identifier makes `row` the refused person: the IIN, or the passport number of
    the same nationality (numbers of different states may coincide)."""
    if row["iin"] and row["iin"] == refusal.iin:
        return "IIN"
    if (
        row["passport_number"]
        and row["passport_number"] == refusal.passport_number
        and row["nationality"] == refusal.nationality
    ):
        return "passport number"
    return None


def _lock_later_approvals(conn: Connection, refused_case: str) -> list[str]:
    refusal_row = conn.execute(
        select(
            cases.c.case_id,
            cases.c.iin,
            cases.c.passport_number,
            cases.c.nationality,
            cases.c.decided_on,
            cases.c.reapply_not_before,
        ).where(cases.c.case_id == refused_case)
    ).first()
    if refusal_row is None or refusal_row.reapply_not_before is None:
        return []
    refusal = _Refusal(*refusal_row)
    same_person = cases.c.passport_number == refusal.passport_number
    if refusal.iin:
        same_person = same_person | (cases.c.iin == refusal.iin)
    candidates = conn.execute(
        select(
            cases.c.case_id,
            cases.c.iin,
            cases.c.passport_number,
            cases.c.nationality,
            cases.c.approval_date,
            cases.c.event_count,
        ).where(
            same_person
            & (cases.c.case_id != refused_case)
            & cases.c.reapply_lock.is_(None)
            & (cases.c.approval_date >= refusal.decided_on)
            & (cases.c.approval_date < refusal.not_before)
        )
    ).all()
    locks, replay = [], []
    for row in candidates:
        text = _lock_for(dict(row._mapping), [refusal])
        if text is None:
            continue
        locks.append({"locked_case": row.case_id, "lock": text})
        if row.event_count > 1:
            replay.append(row.case_id)
    if locks:
        conn.execute(_LOCK, locks)
    return replay


def _date(value: object) -> date | None:
    # Hand-made or older payloads may lack a date; the projection then falls back.
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
