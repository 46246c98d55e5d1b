"""Append events to the local journal and apply them to the projections, in one transaction."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from workstation.domain import checklist, lifecycle
from workstation.domain.approval import ApprovedArrival, InvalidApproval
from workstation.domain.lifecycle import (
    CaseState,
    CaseStatus,
    EventType,
    ReapplyLocked,
    TransitionRefused,
)
from workstation.domain.names import search_key
from workstation.domain.programme import ProgrammeRules
from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.journal import review_projection
from workstation.journal.envelope import (
    Event,
    canonical_json,
    event_type_of,
    format_instant,
    parse_instant,
)
from workstation.store.models import case_steps, cases, journal

# A pulled event whose signature, certificate or signer's role does not check out is journalled
# refused with this prefix and never applied, not even when a replay decides the case again.
UNVERIFIED = "Signature check failed: "
# The refusal of an event made here that central's door refused: it stays applied on this
# desk, is not offered to central again, and shows in the quarantine list (sync.syncer).
CENTRAL_REFUSED = "Central refused it: "
# This desk's events still to send: made here, not pushed, not set aside after central
# refused them (their refusal starts with CENTRAL_REFUSED; local events have none else).
UNSENT = (journal.c.origin == "local") & journal.c.pushed.is_(False) & journal.c.refusal.is_(None)

# journal.signing.EventVerifier.problem: the reason an event may not be applied, or None.
Verify = Callable[[Event], str | None]

# The outcome of a pulled event kept unapplied until the desk can verify it (no trust store).
PENDING = "pending"


@dataclass(frozen=True)
class Applied:
    """What happened to one event: applied (with the state it led to) or refused (and why)."""

    event: Event
    applied: bool
    state: CaseState | None
    refusal: str | None = None
    duplicate: bool = False


# Statements record() runs for every event, built once: a statement made per call with the
# values inlined costs more to build and cache-key than to run (a first pull runs 100,000).
_STATUS = select(
    cases.c.state,
    cases.c.approval_date,
    cases.c.window_end,
    cases.c.entry_date,
    cases.c.annul_reason,
    cases.c.decision,
    cases.c.reapply_lock,
).where(cases.c.case_id == bindparam("case_id"))
_KNOWN = select(journal.c.local_seq, journal.c.central_seq).where(
    journal.c.event_id == bindparam("event_id")
)
_INSERT_JOURNAL = insert(journal)
_INSERT_CASE = insert(cases)


def load_status(conn: Connection, case_id: str) -> CaseStatus | None:
    row = conn.execute(_STATUS, {"case_id": case_id}).first()
    if row is None:
        return None
    return CaseStatus(
        state=CaseState(row.state),
        approval_date=row.approval_date,
        window_end=row.window_end,
        entry_date=row.entry_date,
        annul_reason=row.annul_reason,
        decision=row.decision,
        reapply_lock=row.reapply_lock,
    )


def recorded_steps(conn: Connection, case_id: str) -> dict[checklist.Step, dict[str, Any]]:
    """Each recorded step's current record (the `data` the checklist judges)."""
    rows = conn.execute(
        select(case_steps.c.step, case_steps.c.data).where(case_steps.c.case_id == case_id)
    )
    return {checklist.Step(r.step): json.loads(r.data) for r in rows}


def load_approval(conn: Connection, case_id: str) -> ApprovedArrival:
    raw: str = conn.execute(select(cases.c.approval).where(cases.c.case_id == case_id)).scalar_one()
    return ApprovedArrival.from_payload(json.loads(raw))


def decide(conn: Connection, event: Event, rules: ProgrammeRules) -> CaseStatus:
    """The state `event` leads to, or TransitionRefused: the lifecycle's word, nothing written."""
    status = load_status(conn, event.case_id)
    complete = False
    step = checklist.step_of(event.type, event.payload)
    if status is not None and event.type in lifecycle.STEP_EVENTS:
        steps = recorded_steps(conn, event.case_id)
        if step is not None:
            steps[step] = checklist.step_data(
                step, steps.get(step), event.type, event.payload, event.event_id
            )
        items = checklist.evaluate(
            steps, load_approval(conn, event.case_id), status.entry_date, event.local_date, rules
        )
        complete = checklist.is_complete(items)
    if event.type is EventType.ARRIVAL_APPROVED:
        try:
            ApprovedArrival.from_payload(event.payload)
        except InvalidApproval as exc:
            raise TransitionRefused(str(exc)) from exc
    return lifecycle.apply_event(
        status, event.type, event.payload, event.local_date, rules, complete
    )


def record(
    conn: Connection,
    event: Event,
    *,
    origin: str,
    rules: ProgrammeRules,
    central_seq: int | None = None,
    strict: bool = True,
    received_at: datetime | None = None,
) -> Applied:
    """Journal `event` and update the projections, inside the caller's transaction.

    strict (events made on this desk): a refusal raises and nothing is written.
    not strict (pulled events): a refused event is still journalled, flagged on its case,
    and shown; it is never silently dropped.
    An event already in the journal is not applied twice (pull and push are idempotent).
    """
    known = conn.execute(_KNOWN, {"event_id": event.event_id}).first()
    if known is not None:
        if central_seq is not None and known.central_seq is None:
            conn.execute(
                update(journal)
                .where(journal.c.local_seq == known.local_seq)
                .values(central_seq=central_seq, pushed=True)
            )
        return Applied(event, applied=True, state=None, duplicate=True)
    try:
        new_status = decide(conn, event, rules)
    except TransitionRefused as exc:
        if strict:
            raise
        _journal(conn, event, origin, central_seq, refusal=str(exc), received_at=received_at)
        _flag(conn, event, exc)
        return Applied(event, applied=False, state=None, refusal=str(exc))
    _journal(conn, event, origin, central_seq, refusal=None, received_at=received_at)
    _project(conn, event, new_status)
    _project_review(conn, event, new_status, rules)
    return Applied(event, applied=True, state=new_status.state)


def record_pulled(
    conn: Connection,
    batch: Sequence[tuple[int, Event]],
    rules: ProgrammeRules,
    verify: Verify | None = None,
    *,
    received: Mapping[str, datetime | None] | None = None,
    hold: bool = False,
) -> list[Applied]:
    """`record(conn, event, origin="central", central_seq=seq, strict=False)` for each pulled
    (seq, event) in order, with the same rows written and the same outcomes returned.

    The one difference is speed: an ArrivalApproved for a case this desk does not have yet
    (nearly every event of a first pull) is checked exactly as decide() checks it, and its
    journal and case rows wait to be written with one multi-row insert per table; anything
    else first writes what is waiting, then goes through record() itself.

    With `verify`, an event new to this desk is applied only if verify finds no problem;
    otherwise it is journalled refused (UNVERIFIED), its case flagged, and a refused
    approval is quarantined: it makes no case (services.quarantine lists it).
    With `hold` (a desk with nothing to verify with), an event new to this desk is only
    journalled, PENDING, and applied by apply_pending once the desk can verify it.
    `received` gives central's receipt time of each event id, journalled with it.
    """
    received = received or {}
    approvals = {e.case_id for _, e in batch if e.type is EventType.ARRIVAL_APPROVED}
    present = set(
        conn.execute(select(cases.c.case_id).where(cases.c.case_id.in_(approvals))).scalars()
    )
    seen = set(
        conn.execute(
            select(journal.c.event_id).where(journal.c.event_id.in_([e.event_id for _, e in batch]))
        ).scalars()
    )
    journal_rows: list[dict[str, Any]] = []
    case_rows: list[dict[str, Any]] = []
    results: list[Applied] = []

    def write_waiting() -> None:
        if journal_rows:
            conn.execute(_INSERT_JOURNAL, journal_rows)
            conn.execute(_INSERT_CASE, case_rows)
            review_projection.lock_new_approvals(conn, case_rows)  # one lookup per batch
            journal_rows.clear()
            case_rows.clear()

    known_before = frozenset(seen)
    for seq, event in batch:
        problem = None
        if hold and event.event_id not in seen:
            write_waiting()
            seen.add(event.event_id)
            _journal(conn, event, "central", seq, None, received.get(event.event_id), PENDING)
            results.append(Applied(event, applied=False, state=None, refusal=PENDING))
            continue
        if verify is not None and event.event_id not in known_before:
            problem = verify(event)
        if problem is not None:
            write_waiting()
            seen.add(event.event_id)
            refusal = UNVERIFIED + problem
            _journal(conn, event, "central", seq, refusal, received.get(event.event_id))
            _flag(conn, event, refusal)
            results.append(Applied(event, applied=False, state=None, refusal=refusal))
            continue
        new_case = (
            event.type is EventType.ARRIVAL_APPROVED
            and event.event_id not in seen
            and event.case_id not in present
        )
        status: CaseStatus | None = None
        if new_case:
            try:  # what decide() does for an approval of a case not on this desk
                approval = ApprovedArrival.from_payload(event.payload)
                status = lifecycle.apply_event(
                    None, event.type, event.payload, event.local_date, rules, False
                )
            except (InvalidApproval, TransitionRefused):
                status = None  # refused: record() journals the refusal and flags it
        seen.add(event.event_id)
        if status is None:
            write_waiting()
            outcome = record(
                conn,
                event,
                origin="central",
                rules=rules,
                central_seq=seq,
                strict=False,
                received_at=received.get(event.event_id),
            )
            if outcome.applied and event.type is EventType.ARRIVAL_APPROVED:
                present.add(event.case_id)
            results.append(outcome)
            continue
        payload = canonical_json(event.payload).decode("utf-8")
        stamp = format_instant(event.recorded_at)
        journal_rows.append(
            _journal_row(event, "central", seq, None, payload, stamp, received.get(event.event_id))
        )
        row = case_row(approval, status, stamp, event.payload, payload_json=payload)
        case_rows.append(row)
        present.add(event.case_id)
        results.append(Applied(event, applied=True, state=status.state))
    write_waiting()
    return results


# The flag of a case whose pulled event was refused; cases.flagged stores it in English.
NOT_APPLIED = QT_TRANSLATE_NOOP("lifecycle", "{type} from {desk} not applied: {reason}")


def _flag(conn: Connection, event: Event, refusal: TransitionRefused | str) -> None:
    """Mark the case so the clerk sees that a pulled event could not be applied."""
    if isinstance(refusal, ReapplyLocked):
        return  # the case is flagged with its re-application lock already
    conn.execute(
        update(cases)
        .where(cases.c.case_id == event.case_id)
        .values(
            flagged=NOT_APPLIED.format(
                type=str(event.type), desk=event.workstation_id, reason=str(refusal)
            )
        )
    )


def _journal(
    conn: Connection,
    event: Event,
    origin: str,
    central_seq: int | None,
    refusal: str | None,
    received_at: datetime | None = None,
    outcome: str | None = None,
) -> None:
    row = _journal_row(
        event,
        origin,
        central_seq,
        refusal,
        canonical_json(event.payload).decode("utf-8"),
        format_instant(event.recorded_at),
        received_at,
    )
    if outcome is not None:
        row["outcome"] = outcome
    conn.execute(_INSERT_JOURNAL, row)


def _journal_row(
    event: Event,
    origin: str,
    central_seq: int | None,
    refusal: str | None,
    payload: str,
    recorded_at: str,
    received_at: datetime | None = None,
) -> dict[str, Any]:
    return {
        "event_id": event.event_id,
        "case_id": event.case_id,
        "type": str(event.type),
        "payload": payload,
        "actor_iin": event.actor_iin,
        "actor_fingerprint": event.actor_fingerprint,
        "workstation_id": event.workstation_id,
        "recorded_at": recorded_at,
        "signature": event.signature,
        "origin": origin,
        "central_seq": central_seq,
        "pushed": origin == "central",
        "outcome": "refused" if refusal else "applied",
        "refusal": refusal,
        "workstation_seq": event.workstation_seq,
        "received_at": None if received_at is None else format_instant(received_at),
    }


def _project_review(
    conn: Connection, event: Event, status: CaseStatus, rules: ProgrammeRules
) -> None:
    """Submission and decision columns, and the re-application lock (review_projection);
    a case a refusal newly locks after work was recorded on it is replayed, so its later
    events are refused here as on a desk that saw the refusal first."""
    for case_id in review_projection.project(conn, event, status, rules):
        replay_case(conn, case_id, rules)


def _project(conn: Connection, event: Event, status: CaseStatus) -> None:
    stamp = format_instant(event.recorded_at)
    if event.type is EventType.ARRIVAL_APPROVED:
        approval = ApprovedArrival.from_payload(event.payload)
        conn.execute(_INSERT_CASE, case_row(approval, status, stamp, event.payload))
        return
    values: dict[str, Any] = {
        "state": str(status.state),
        "entry_date": status.entry_date,
        "annul_reason": status.annul_reason,
        "decision": status.decision,
        "updated_at": stamp,
        "event_count": cases.c.event_count + 1,
    }
    if event.type is EventType.ARRIVAL_RECORDED:
        values["border_point"] = event.payload.get("border_point")
    conn.execute(update(cases).where(cases.c.case_id == event.case_id).values(**values))
    step = checklist.step_of(event.type, event.payload)
    if step is not None:
        _record_step(conn, event, step, stamp)


def _record_step(conn: Connection, event: Event, step: checklist.Step, stamp: str) -> None:
    where = (case_steps.c.case_id == event.case_id) & (case_steps.c.step == str(step))
    previous = conn.execute(select(case_steps.c.data).where(where)).scalar_one_or_none()
    data = checklist.step_data(
        step,
        json.loads(previous) if previous is not None else None,
        event.type,
        event.payload,
        event.event_id,
    )
    values = {
        "event_id": event.event_id,
        "recorded_at": stamp,
        "actor_iin": event.actor_iin,
        "workstation_id": event.workstation_id,
        "data": canonical_json(data).decode("utf-8"),
    }
    changed = conn.execute(
        update(case_steps).where(where).values(versions=case_steps.c.versions + 1, **values)
    ).rowcount
    if not changed:
        conn.execute(
            insert(case_steps).values(case_id=event.case_id, step=str(step), versions=1, **values)
        )


def case_row(
    approval: ApprovedArrival,
    status: CaseStatus,
    stamp: str,
    payload: dict[str, Any],
    *,
    payload_json: str | None = None,  # canonical_json(payload), when the caller has it
) -> dict[str, Any]:
    return {
        "case_id": approval.case_id,
        "iin": approval.iin,
        "passport_number": approval.passport_number.upper(),
        "surname": approval.surname,
        "given_names": approval.given_names,
        "surname_cyr": approval.surname_cyr,
        "given_names_cyr": approval.given_names_cyr,
        "surname_key": search_key(approval.surname),
        "given_key": search_key(approval.given_names),
        "surname_cyr_key": search_key(approval.surname_cyr),
        "nationality": approval.nationality,
        "birth_date": approval.birth_date,
        "sex": approval.sex,
        "city": approval.city,
        "approval_number": approval.approval_number,
        "approval_date": approval.approval_date,
        "window_end": status.window_end,
        "state": str(status.state),
        "approval": canonical_json(payload).decode("utf-8")
        if payload_json is None
        else payload_json,
        "updated_at": stamp,
        "event_count": 1,
    }


def event_from_row(row: Any) -> Event:
    return Event(
        event_id=row.event_id,
        case_id=row.case_id,
        type=event_type_of(row.type),
        payload=json.loads(row.payload),
        actor_iin=row.actor_iin,
        actor_fingerprint=row.actor_fingerprint,
        workstation_id=row.workstation_id,
        recorded_at=parse_instant(row.recorded_at),
        signature=row.signature,
        workstation_seq=row.workstation_seq,
    )


def received_of(row: Any) -> datetime | None:
    """Central's receipt time of a journal row (None: made here, or pulled before 0007)."""
    return None if row.received_at is None else parse_instant(row.received_at)


# The order projections follow: central's order, then this desk's events central has not
# ordered yet (unsent, or sent and not pulled back), in the order they were made here.
CENTRAL_ORDER = (journal.c.central_seq.is_(None), journal.c.central_seq, journal.c.local_seq)


def rebuild_projections(conn: Connection, rules: ProgrammeRules) -> int:
    """Drop the projections and replay the whole journal in central order; returns events
    replayed. Each event's outcome is recomputed (and updated if the order changed it)."""
    conn.execute(delete(case_steps))
    conn.execute(delete(cases))
    rows = conn.execute(
        select(journal).where(journal.c.outcome != PENDING).order_by(*CENTRAL_ORDER)
    ).all()
    _replay(conn, rows, rules)
    return len(rows)


def replay_case(conn: Connection, case_id: str, rules: ProgrammeRules) -> int:
    """Rebuild one case's projections from its journal in central order (see sync: a pulled
    event that central orders before events already applied here). Returns events replayed."""
    conn.execute(delete(case_steps).where(case_steps.c.case_id == case_id))
    conn.execute(delete(cases).where(cases.c.case_id == case_id))
    rows = conn.execute(
        select(journal)
        .where(journal.c.case_id == case_id, journal.c.outcome != PENDING)
        .order_by(*CENTRAL_ORDER)
    ).all()
    _replay(conn, rows, rules)
    return len(rows)


def _replay(conn: Connection, rows: Sequence[Any], rules: ProgrammeRules) -> None:
    for row in rows:
        event = event_from_row(row)
        if row.outcome == "refused" and (row.refusal or "").startswith(UNVERIFIED):
            _flag(conn, event, row.refusal)  # never applied, whatever the order
            continue
        refusal: str | None = None
        try:
            status = decide(conn, event, rules)
        except TransitionRefused as exc:
            _flag(conn, event, exc)
            refusal = str(exc)
        else:
            _project(conn, event, status)
            _project_review(conn, event, status, rules)
        outcome = "refused" if refusal else "applied"
        if (row.outcome, row.refusal) != (outcome, refusal):
            conn.execute(
                update(journal)
                .where(journal.c.local_seq == row.local_seq)
                .values(outcome=outcome, refusal=refusal)
            )
