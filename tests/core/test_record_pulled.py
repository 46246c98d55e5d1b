"""record_pulled (the pull's batch path) writes exactly what record() per event writes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from workstation.domain.lifecycle import EventType
from workstation.domain.programme import DEFAULT_RULES
from workstation.journal.envelope import Actor, Event, new_event
from workstation.journal.projector import record, record_pulled
from workstation.store.local import LocalStore
from workstation.store.models import case_steps, cases, journal
from workstation.sync.demo_seed import approval_event

TODAY = date(2026, 3, 10)
CLERK = Actor(iin="910517400017", name="CLERK", role="clerk")


def _tables(store: LocalStore) -> dict[str, list[tuple[Any, ...]]]:
    with store.reading() as conn:
        return {
            t.name: [tuple(r) for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
            for t in (journal, cases, case_steps)
        }


def _mixed_batch(make_approval: Any, clock: Any) -> tuple[list[Event], list[tuple[int, Event]]]:
    """Events already on the desk, and a pulled batch with every kind of case in it."""
    approvals = [make_approval(n, approval_date=TODAY - timedelta(days=8)) for n in range(1, 7)]
    events = [approval_event(a) for a in approvals]
    already = [events[0], events[1]]  # the desk has these two cases already
    arrival = new_event(
        approvals[2].case_id,
        EventType.ARRIVAL_RECORDED,
        {"entry_date": (TODAY - timedelta(days=2)).isoformat(), "border_point": "Khorgos"},
        CLERK,
        "WS-OTHER",
        clock,
    )
    bad_arrival = new_event(
        "DNR-AST-26-9999999",
        EventType.ARRIVAL_RECORDED,
        {"entry_date": TODAY.isoformat(), "border_point": "Khorgos"},
        CLERK,
        "WS-OTHER",
        clock,
    )
    broken = approval_event(make_approval(7))
    broken = replace(broken, payload={**broken.payload, "birth_date": "15.01.1990"})
    second_approval = replace(events[3], event_id="0a0a0a0a-0000-4000-8000-00000000000a")
    pulled = [
        events[0],  # already here: a duplicate, gets its central seq
        events[2],
        arrival,  # for the case approved just before it in the same batch
        events[3],
        second_approval,  # a second approval of that case: refused
        events[1],  # duplicate again
        broken,  # an approval that does not validate: refused
        bad_arrival,  # a case nobody has: refused
        events[4],
        events[5],
    ]
    return already, [(100 + i, e) for i, e in enumerate(pulled)]


def test_record_pulled_writes_what_record_writes(make_approval: Any, fixed_clock: Any) -> None:
    already, batch = _mixed_batch(make_approval, fixed_clock)
    one_by_one, batched = LocalStore.in_memory(), LocalStore.in_memory()
    for store in (one_by_one, batched):
        with store.transaction() as conn:
            for event in already:
                record(conn, event, origin="central", rules=DEFAULT_RULES, strict=False)
    with one_by_one.transaction() as conn:
        expected = [
            record(conn, e, origin="central", rules=DEFAULT_RULES, central_seq=s, strict=False)
            for s, e in batch
        ]
    with batched.transaction() as conn:
        got = record_pulled(conn, batch, DEFAULT_RULES)
    assert got == expected
    assert [(o.applied, o.duplicate) for o in got] == [
        (True, True),
        (True, False),
        (True, False),
        (True, False),
        (False, False),
        (True, True),
        (False, False),
        (False, False),
        (True, False),
        (True, False),
    ]
    tables = _tables(batched)
    assert tables == _tables(one_by_one)
    assert len(tables["journal"]) == 2 + 8 and len(tables["cases"]) == 6
