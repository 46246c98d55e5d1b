"""What a desk pulled but did not apply, shown in its quarantine list.

- Approvals refused for a signature, certificate or signer that does not check out: they
  make no case and nobody can work on them; the supervisor reports them to the migration
  service, which must re-issue them.
- Other pulled events refused for their signatures (their cases are flagged too).
- Central rows that did not parse or could not be processed (sync.untrusted): the pull
  went on past them; an administrator looks at central.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Connection, or_, select

from workstation.domain.lifecycle import EventType
from workstation.journal.projector import CENTRAL_REFUSED, UNVERIFIED
from workstation.store.models import cases, journal, pulled_rejects


@dataclass(frozen=True)
class QuarantinedApproval:
    event_id: str
    case_id: str
    approval_number: str
    approval_date: str
    city: str
    recorded_at: str
    reason: str
    # "approval", "event" (another type), "row" (did not parse), or "sent" (an event of
    # this desk that central refused)
    kind: str = "approval"
    event_type: str = str(EventType.ARRIVAL_APPROVED)


def quarantined_approvals(conn: Connection) -> list[QuarantinedApproval]:
    """Refused approvals with no case on this desk, newest first."""
    rows = conn.execute(
        select(
            journal.c.event_id,
            journal.c.case_id,
            journal.c.payload,
            journal.c.recorded_at,
            journal.c.refusal,
        )
        .where(
            journal.c.type == str(EventType.ARRIVAL_APPROVED),
            journal.c.outcome == "refused",
            journal.c.case_id.not_in(select(cases.c.case_id)),
        )
        .order_by(journal.c.local_seq.desc())
    ).all()
    result = []
    for row in rows:
        try:
            payload = json.loads(row.payload)
        except ValueError:
            payload = {}
        if not isinstance(payload, dict):
            payload = {}
        refusal = row.refusal or ""
        result.append(
            QuarantinedApproval(
                event_id=row.event_id,
                case_id=row.case_id,
                approval_number=str(payload.get("approval_number", "")),
                approval_date=str(payload.get("approval_date", "")),
                city=str(payload.get("city", "")),
                recorded_at=row.recorded_at,
                reason=refusal.removeprefix(UNVERIFIED),
            )
        )
    return result


def quarantine_list(conn: Connection, limit: int = 1000) -> list[QuarantinedApproval]:
    """Everything the quarantine list shows: refused approvals first, then other events
    refused for their signatures, then central rows the desk could not take."""
    result = quarantined_approvals(conn)
    shown = {q.event_id for q in result}
    events = conn.execute(
        select(
            journal.c.event_id,
            journal.c.case_id,
            journal.c.type,
            journal.c.recorded_at,
            journal.c.refusal,
        )
        .where(
            or_(
                (journal.c.origin == "central")
                & (journal.c.outcome == "refused")
                & journal.c.refusal.like(UNVERIFIED + "%"),
                # Made here and refused by central's door: kept back from the push.
                (journal.c.origin == "local") & journal.c.refusal.like(CENTRAL_REFUSED + "%"),
            )
        )
        .order_by(journal.c.local_seq.desc())
        .limit(limit)
    ).all()
    for row in events:
        if row.event_id in shown:
            continue
        result.append(
            QuarantinedApproval(
                event_id=row.event_id,
                case_id=row.case_id,
                approval_number="",
                approval_date="",
                city="",
                recorded_at=row.recorded_at,
                reason=(row.refusal or "").removeprefix(UNVERIFIED).removeprefix(CENTRAL_REFUSED),
                kind="sent" if (row.refusal or "").startswith(CENTRAL_REFUSED) else "event",
                event_type=row.type,
            )
        )
    rejects = conn.execute(
        select(pulled_rejects).order_by(pulled_rejects.c.reject_id.desc()).limit(limit)
    ).all()
    for row in rejects:
        result.append(
            QuarantinedApproval(
                event_id=row.event_id or "",
                case_id=row.case_id or "",
                approval_number="",
                approval_date="",
                city="",
                recorded_at=row.quarantined_at,
                reason=row.reason,
                kind="row",
                event_type=row.type or "",
            )
        )
    return result
