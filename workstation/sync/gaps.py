"""Holes in a workstation's own numbering of its events (issue 15, point 8).

Each workstation numbers its events 1, 2, 3, ... in the signed envelope
(Event.workstation_seq), and a workstation's events all belong to its own branch, so a desk
pulling that branch must see every number. A missing number is an event central lost,
withheld, or reordered past this desk's cursor: the desk says so (the status bar) instead of
waiting for it forever. An event quarantined here leaves a hole too, and is shown as one:
it was not applied.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from workstation.store.models import journal


@dataclass(frozen=True)
class Gap:
    """Numbers `first`..`last` of `workstation_id`'s events are missing on this desk."""

    workstation_id: str
    first: int
    last: int

    @property
    def missing(self) -> int:
        return self.last - self.first + 1


def find_gaps(conn: Connection, limit: int = 100) -> list[Gap]:
    """The holes in each workstation's numbers among the events this desk holds."""
    numbered = (
        select(
            journal.c.workstation_id,
            journal.c.workstation_seq,
            func.lag(journal.c.workstation_seq, 1, 0)
            .over(partition_by=journal.c.workstation_id, order_by=journal.c.workstation_seq)
            .label("previous"),
        )
        .where(journal.c.workstation_seq.is_not(None))
        .subquery()
    )
    rows = conn.execute(
        select(numbered.c.workstation_id, numbered.c.previous, numbered.c.workstation_seq)
        .where(numbered.c.workstation_seq - numbered.c.previous > 1)
        .order_by(numbered.c.workstation_id, numbered.c.workstation_seq)
        .limit(limit)
    ).all()
    return [Gap(r.workstation_id, r.previous + 1, r.workstation_seq - 1) for r in rows]
