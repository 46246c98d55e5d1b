"""A desk numbers its own events 1, 2, 3, ... with no holes (issue 15, point 8)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from workstation.domain.lifecycle import TransitionRefused
from workstation.journal.projector import event_from_row
from workstation.services.desk import Desk
from workstation.store.local import LocalStore
from workstation.store.models import journal
from workstation.sync.gaps import find_gaps


def test_own_events_are_numbered_without_holes(
    desk: Desk, store: LocalStore, book: object, make_approval: object
) -> None:
    approvals = [make_approval(n) for n in (1, 2)]  # type: ignore[operator]
    for approval in approvals:
        book.approve(approval)  # type: ignore[attr-defined]
    desk.record_arrival(approvals[0].case_id, date(2026, 3, 8), "Khorgos")
    with pytest.raises(TransitionRefused):  # refused: its number is rolled back with it
        desk.record_arrival(approvals[0].case_id, date(2031, 3, 8), "Khorgos")  # future
    desk.record_arrival(approvals[1].case_id, date(2026, 3, 8), "Khorgos")
    with store.reading() as conn:
        rows = conn.execute(
            select(journal).where(journal.c.origin == "local").order_by(journal.c.local_seq)
        ).all()
        assert [r.workstation_seq for r in rows] == [1, 2]
        assert find_gaps(conn) == []
    # The number is in the signed bytes, and the journal gives back the same bytes to push.
    event = event_from_row(rows[0])
    assert event.workstation_seq == 1
    assert b'"workstation_seq":1' in event.signed_bytes()
