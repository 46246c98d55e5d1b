"""Approvals a desk pulled but refused: a signature, certificate or signer that does not check
out. They make no case and nobody can work on them; the desk shows them so that the
supervisor can report them to the migration service, which must re-issue them."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Connection, select

from workstation.domain.lifecycle import EventType
from workstation.journal.projector import UNVERIFIED
from workstation.store.models import cases, journal


@dataclass(frozen=True)
class QuarantinedApproval:
    event_id: str
    case_id: str
    approval_number: str
    approval_date: str
    city: str
    recorded_at: str
    reason: str


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
