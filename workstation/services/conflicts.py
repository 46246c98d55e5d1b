"""Steps of a case that more than one desk recorded: what stands, and what the other desks did.

Two desks may record the same step of one case while apart (offline, or before either has
pulled the other's event). Both events stay in every journal; the projections follow
central's order (`journal.projector.CENTRAL_ORDER`), so the record that stands is the
latest valid one by that order, the same on every desk. This module names the others, so
the case view can say that another desk acted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, select

from workstation.domain import checklist
from workstation.domain.checklist import Step
from workstation.domain.lifecycle import EventType
from workstation.journal.envelope import parse_instant
from workstation.journal.projector import CENTRAL_ORDER
from workstation.store.models import case_steps, journal

# A step with a running record (the documents: each scan attached) is made of every desk's
# events, so none of them is a rival record of it.
_NOT_RIVALS = frozenset(spec.step for spec in checklist.SPECS if spec.fold is not None)


@dataclass(frozen=True)
class OtherDeskRecord:
    """A record of a step made at a desk other than the one whose record stands."""

    step: Step
    event_id: str
    workstation_id: str
    actor_iin: str
    recorded_at: datetime  # UTC
    central_seq: int | None  # None: not yet ordered by central (made here, not synced)
    applied: bool  # False: the lifecycle refused it in central order
    refusal: str | None


def step_conflicts(conn: Connection, case_id: str) -> dict[Step, tuple[OtherDeskRecord, ...]]:
    """For each step of `case_id` recorded at two or more desks, the records of the desks
    other than the standing record's, in central order. Steps one desk recorded (however
    often it corrected them) are not listed."""
    standing = {
        Step(r.step): (r.event_id, r.workstation_id)
        for r in conn.execute(
            select(case_steps.c.step, case_steps.c.event_id, case_steps.c.workstation_id).where(
                case_steps.c.case_id == case_id
            )
        )
    }
    by_step: dict[Step, list[OtherDeskRecord]] = {}
    rows = conn.execute(
        select(
            journal.c.event_id,
            journal.c.type,
            journal.c.payload,
            journal.c.workstation_id,
            journal.c.actor_iin,
            journal.c.recorded_at,
            journal.c.central_seq,
            journal.c.outcome,
            journal.c.refusal,
        )
        .where(journal.c.case_id == case_id)
        .order_by(*CENTRAL_ORDER)
    )
    for r in rows:
        try:
            event_type = EventType(r.type)
        except ValueError:  # a type from a newer desk: it records no step this desk knows
            continue
        step = checklist.step_of(event_type, json.loads(r.payload))
        if step is None or step in _NOT_RIVALS:
            continue
        by_step.setdefault(step, []).append(
            OtherDeskRecord(
                step=step,
                event_id=r.event_id,
                workstation_id=r.workstation_id,
                actor_iin=r.actor_iin,
                recorded_at=parse_instant(r.recorded_at),
                central_seq=r.central_seq,
                applied=r.outcome == "applied",
                refusal=r.refusal,
            )
        )
    conflicts: dict[Step, tuple[OtherDeskRecord, ...]] = {}
    for step, records in by_step.items():
        if len({r.workstation_id for r in records}) < 2:
            continue
        stands = standing.get(step)
        standing_desk = stands[1] if stands else None
        conflicts[step] = tuple(r for r in records if r.workstation_id != standing_desk)
    return conflicts
