"""Sync against an embedded SQLite central: idempotent push and pull, two desks, cursors."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, text, update

from workstation.domain.clock import FixedClock
from workstation.domain.lifecycle import CaseState, EventType
from workstation.domain.programme import DEFAULT_RULES
from workstation.journal.envelope import Actor, new_event
from workstation.journal.projector import load_status, rebuild_projections
from workstation.services.context import DeskContext
from workstation.services.desk import Desk
from workstation.services.setup import desk_identity
from workstation.store.local import LocalStore, get_setting
from workstation.store.models import cases, journal
from workstation.sync.central_schema import events
from workstation.sync.demo_seed import approval_event, seed_central
from workstation.sync.gateway import BadCentralUrl, CentralGateway, CentralSchemaMismatch
from workstation.sync.syncer import SyncCancelled, cursor_name, queue_length, sync_once

TODAY = date(2026, 3, 10)


@pytest.fixture
def central(tmp_path: Any) -> Iterator[CentralGateway]:
    gateway = CentralGateway(f"sqlite:///{tmp_path / 'central.sqlite3'}")
    gateway.init_schema()
    yield gateway
    gateway.dispose()


class DeskUnderTest:
    """One desk: its own data directory, store, workstation id and clerk."""

    def __init__(self, data_dir: Any, name: str, clock: FixedClock, city: str | None = None):
        self.store = LocalStore.open(data_dir, create=True)
        self.city = desk_identity(self.store, city).city
        actor = Actor(iin="910517400017", name=f"CLERK {name}", role="clerk")
        self.context = DeskContext(
            self.store, actor=actor, workstation_id=name, rules=DEFAULT_RULES, clock=clock
        )
        self.desk = Desk(self.context)

    def sync(self, central: CentralGateway, **kwargs: Any) -> Any:
        kwargs.setdefault("trust_unsigned", True)
        return sync_once(self.store, central, DEFAULT_RULES, city=self.city, **kwargs)

    def case(self, case_id: str) -> Any:
        with self.store.reading() as conn:
            return conn.execute(select(cases).where(cases.c.case_id == case_id)).one()

    def case_ids(self) -> set[str]:
        with self.store.reading() as conn:
            return set(conn.execute(select(cases.c.case_id)).scalars())


@pytest.fixture
def desks(tmp_path: Any, fixed_clock: FixedClock) -> Iterator[tuple[DeskUnderTest, ...]]:
    made = (
        DeskUnderTest(tmp_path / "desk-a", "WS-A", fixed_clock),
        DeskUnderTest(tmp_path / "desk-b", "WS-B", fixed_clock),
    )
    yield made
    for d in made:
        d.store.close()


def central_events(central: CentralGateway) -> int:
    with central.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(events)).scalar_one())


def publish(central: CentralGateway, *approvals: Any) -> None:
    """The migration service publishes approvals to central."""
    central.push([(approval_event(a), a.city) for a in approvals])


def test_schema_is_created_once_and_checked(tmp_path: Any) -> None:
    gateway = CentralGateway(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    with pytest.raises(CentralSchemaMismatch, match="central init"):
        gateway.check_schema()
    first = gateway.init_schema()
    assert gateway.init_schema() == first  # running init again changes nothing
    gateway.check_schema()
    with gateway.engine.begin() as conn:
        conn.execute(text("UPDATE central_schema_version SET version_num = 'z999'"))
    with pytest.raises(CentralSchemaMismatch, match="newer"):
        gateway.check_schema()
    gateway.dispose()


@pytest.mark.parametrize(
    "url", ["not a url", "mysql://u@localhost/dnr", "sqlite:////no/such/folder/central.sqlite3"]
)
def test_a_bad_central_url_is_named(url: str) -> None:
    with pytest.raises(BadCentralUrl):
        CentralGateway(url)


def test_pull_is_idempotent(central: CentralGateway, desks: Any) -> None:
    a, _ = desks
    assert seed_central(central, 10, seed=1, today=TODAY) == 10
    first = a.sync(central)
    assert (first.pulled, first.applied, first.refused, first.pushed) == (10, 10, 0, 0)
    assert len(a.case_ids()) == 10
    again = a.sync(central)
    assert (again.pulled, again.applied, again.already_here) == (0, 0, 0)
    assert again.cursor == first.cursor
    with a.store.reading() as conn:
        assert get_setting(conn, cursor_name(a.city)) == str(first.cursor)
        assert conn.execute(select(func.count()).select_from(journal)).scalar_one() == 10


def test_the_same_event_pushed_twice_is_stored_once(central: CentralGateway, make_approval: Any):
    batch = [(approval_event(make_approval(n)), "Astana") for n in range(1, 4)]
    assert central.push(batch) == 3
    assert central.push(batch) == 0
    assert central.push([*batch[1:], (approval_event(make_approval(4)), "Astana")]) == 1
    assert central_events(central) == 4


def test_an_event_made_on_one_desk_reaches_another(
    central: CentralGateway, desks: Any, make_approval: Any
) -> None:
    a, b = desks
    approval = make_approval(1, approval_date=TODAY - timedelta(days=6))
    publish(central, approval, make_approval(2))
    a.sync(central)
    changes = a.desk.record_arrival(approval.case_id, TODAY - timedelta(days=2), "Khorgos")
    assert queue_length(a.store) == 1

    pushed = a.sync(central)
    assert (pushed.pushed, pushed.pushed_again, pushed.pulled, pushed.already_here) == (1, 0, 1, 1)
    assert queue_length(a.store) == 0
    with a.store.reading() as conn:
        mine = conn.execute(select(journal).where(journal.c.event_id == changes.event_ids[0])).one()
    assert mine.pushed and mine.central_seq == pushed.cursor and mine.origin == "local"

    pulled = b.sync(central)
    assert (pulled.pulled, pulled.applied, pulled.refused) == (3, 3, 0)
    on_b = b.case(approval.case_id)
    assert (on_b.state, on_b.entry_date, on_b.border_point) == (
        "arrived",
        TODAY - timedelta(days=2),
        "Khorgos",
    )
    with b.store.reading() as conn:
        copy = conn.execute(select(journal).where(journal.c.event_id == changes.event_ids[0])).one()
    assert (copy.origin, copy.workstation_id, copy.outcome) == ("central", "WS-A", "applied")
    assert queue_length(b.store) == 0  # a pulled event is never pushed back
    assert b.sync(central).pulled == 0


def test_a_retried_push_counts_as_pushed_again(
    central: CentralGateway, desks: Any, make_approval: Any
) -> None:
    a, _ = desks
    approval = make_approval(1)
    publish(central, approval)
    a.sync(central)
    a.desk.record_arrival(approval.case_id, TODAY - timedelta(days=1), "Astana airport")
    assert a.sync(central).pushed == 1
    # The desk crashed after central took the batch but before it marked the events sent.
    with a.store.transaction() as conn:
        conn.execute(update(journal).where(journal.c.origin == "local").values(pushed=False))
    report = a.sync(central)
    assert (report.pushed, report.pushed_again) == (0, 1)
    assert "1 already at central" in report.summary()
    assert central_events(central) == 2


def test_a_desk_pulls_only_its_city(
    central: CentralGateway, tmp_path: Any, fixed_clock: FixedClock, make_approval: Any
) -> None:
    astana = [make_approval(n, city="Astana") for n in (1, 2, 3)]
    almaty = [make_approval(n, city="Almaty") for n in (4, 5)]
    publish(central, *astana, *almaty)
    everywhere = DeskUnderTest(tmp_path / "all", "WS-ALL", fixed_clock)
    almaty_desk = DeskUnderTest(tmp_path / "ala", "WS-ALA", fixed_clock, city="Almaty")
    assert almaty_desk.sync(central).pulled == 2
    assert almaty_desk.case_ids() == {a.case_id for a in almaty}
    # An Astana desk's event stays in Astana; an Almaty desk's reaches Almaty.
    everywhere.sync(central)
    everywhere.desk.record_arrival(astana[0].case_id, TODAY, "Astana airport")
    everywhere.desk.record_arrival(almaty[0].case_id, TODAY, "Almaty airport")
    everywhere.sync(central)
    report = almaty_desk.sync(central)
    assert (report.pulled, report.applied) == (1, 1)
    assert almaty_desk.case(almaty[0].case_id).state == "arrived"
    for d in (everywhere, almaty_desk):
        d.store.close()


def test_a_conflicting_pulled_event_is_kept_refused_and_flagged(
    central: CentralGateway, desks: Any, make_approval: Any
) -> None:
    a, b = desks
    approval = make_approval(1, approval_date=TODAY - timedelta(days=35))  # window shut 5.03
    publish(central, approval)
    a.sync(central)
    b.sync(central)
    # Offline, desk A records a late entry (annulled); desk B an entry within the window.
    a.desk.record_arrival(
        approval.case_id, TODAY - timedelta(days=2), "Khorgos", confirm_annulment=True
    )
    b.desk.record_arrival(approval.case_id, TODAY - timedelta(days=6), "Astana airport")
    assert a.sync(central).pushed == 1  # central orders A's annulment first
    on_b = b.sync(central)
    assert (on_b.pushed, on_b.pulled, on_b.refused, on_b.replayed) == (1, 2, 0, 1)
    assert b.case(approval.case_id).state == "annulled"
    assert b.case(approval.case_id).flagged.startswith("ArrivalRecorded from WS-B not applied")
    report = a.sync(central)
    assert (report.pushed, report.pulled, report.refused, report.replayed) == (0, 1, 1, 0)
    on_a = a.case(approval.case_id)
    assert on_a.state == "annulled"
    assert on_a.flagged.startswith("ArrivalRecorded from WS-B not applied")
    for desk in (a, b):
        with desk.store.reading() as conn:
            refused = conn.execute(select(journal).where(journal.c.outcome == "refused")).one()
        assert refused.workstation_id == "WS-B" and refused.refusal


def test_central_order_decides_between_two_offline_arrivals(
    central: CentralGateway, desks: Any, make_approval: Any
) -> None:
    a, b = desks
    approval = make_approval(1, approval_date=TODAY - timedelta(days=35))
    publish(central, approval)
    a.sync(central)
    b.sync(central)
    a.desk.record_arrival(
        approval.case_id, TODAY - timedelta(days=2), "Khorgos", confirm_annulment=True
    )
    b.desk.record_arrival(approval.case_id, TODAY - timedelta(days=6), "Astana airport")
    assert b.sync(central).pushed == 1  # central orders B's entry first, A's annulment after
    # A had applied its own annulment first; B's entry sorts before it, so A replays the case
    # in central order: B's entry stands, then A's late entry annuls. Nothing is refused.
    report = a.sync(central)
    assert (report.pushed, report.pulled, report.applied, report.refused) == (1, 2, 1, 0)
    assert report.replayed == 1 and "1 case(s) re-applied in central order" in report.summary()
    assert b.sync(central).applied == 1
    for desk in (a, b):
        case = desk.case(approval.case_id)
        assert (case.state, case.entry_date, case.flagged) == (
            "annulled",
            TODAY - timedelta(days=2),
            None,
        )
        with desk.store.reading() as conn:
            outcomes = conn.execute(select(journal.c.outcome)).scalars().all()
        assert set(outcomes) == {"applied"}


def test_a_malformed_pulled_event_does_not_block_the_sync(
    central: CentralGateway, desks: Any, make_approval: Any, fixed_clock: FixedClock
) -> None:
    a, _ = desks
    first, second = make_approval(1), make_approval(2)
    publish(central, first)
    bad = new_event(
        first.case_id,
        EventType.ARRIVAL_RECORDED,
        {"entry_date": "yesterday"},
        Actor("910517400017", "X", "clerk"),
        "WS-OLD",
        fixed_clock,
    )
    central.push([(bad, "Astana")])
    publish(central, second)
    report = a.sync(central)
    assert (report.pulled, report.applied, report.refused) == (3, 2, 1)
    assert a.case_ids() == {first.case_id, second.case_id}
    assert a.case(first.case_id).flagged is not None
    assert a.sync(central).pulled == 0  # not retried forever


def test_a_cancelled_pull_keeps_what_it_committed(central: CentralGateway, desks: Any) -> None:
    a, _ = desks
    seed_central(central, 7, seed=3, today=TODAY)
    cancel = threading.Event()
    seen: list[tuple[str, int]] = []

    def progress(stage: str, done: int) -> None:
        seen.append((stage, done))
        cancel.set()

    with pytest.raises(SyncCancelled):
        a.sync(central, progress=progress, cancel=cancel, batch=2)
    assert seen == [("pull", 2)]
    assert len(a.case_ids()) == 2
    rest = a.sync(central, batch=2)
    assert (rest.pulled, rest.applied, rest.already_here) == (5, 5, 0)
    assert len(a.case_ids()) == 7


def test_push_and_pull_in_batches(central: CentralGateway, desks: Any, make_approval: Any):
    a, b = desks
    approvals = [make_approval(n, approval_date=TODAY - timedelta(days=3)) for n in range(1, 8)]
    publish(central, *approvals)
    a.sync(central, batch=3)
    for approval in approvals:
        a.desk.record_arrival(approval.case_id, TODAY - timedelta(days=1), "Khorgos")
    report = a.sync(central, batch=3)
    assert (report.pushed, report.already_here) == (7, 7)
    assert b.sync(central, batch=3).applied == 14
    assert {b.case(x.case_id).state for x in approvals} == {"arrived"}


def test_two_desks_converge_after_concurrent_corrections(
    central: CentralGateway, desks: Any, make_approval: Any
) -> None:
    a, b = desks
    approval = make_approval(1, approval_date=TODAY - timedelta(days=10))
    publish(central, approval)
    a.sync(central)
    b.sync(central)
    a.desk.record_arrival(approval.case_id, TODAY - timedelta(days=8), "Khorgos")
    b.desk.record_arrival(approval.case_id, TODAY - timedelta(days=7), "Khorgos")
    a.sync(central)
    b.sync(central)
    a.sync(central)
    with a.store.reading() as ca, b.store.reading() as cb:
        on_a, on_b = load_status(ca, approval.case_id), load_status(cb, approval.case_id)
    assert on_a is not None and on_b is not None
    assert on_a.entry_date == on_b.entry_date


def test_a_pulled_approval_for_a_known_case_is_refused(
    central: CentralGateway, desks: Any, make_approval: Any
) -> None:
    a, _ = desks
    approval = make_approval(1)
    publish(central, approval)
    duplicate = replace(approval_event(approval), event_id="6a1e2b3c-0000-4000-8000-000000000002")
    central.push([(duplicate, "Astana")])
    report = a.sync(central)
    assert (report.applied, report.refused) == (1, 1)
    assert a.case(approval.case_id).state == str(CaseState.APPROVED)


def test_a_desk_that_changes_city_gets_all_of_the_new_city(
    central: CentralGateway, tmp_path: Any, fixed_clock: FixedClock, make_approval: Any
) -> None:
    almaty = [make_approval(n, city="Almaty") for n in (1, 2)]
    astana = [make_approval(n, city="Astana") for n in (3, 4)]
    publish(central, *almaty, *astana)
    moved = DeskUnderTest(tmp_path / "moved", "WS-MOVED", fixed_clock, city="Astana")
    try:
        assert moved.sync(central).pulled == 2
        moved.city = desk_identity(moved.store, "Almaty").city  # set up for the wrong city
        moved.sync(central)
        assert {a.case_id for a in almaty} <= moved.case_ids()
    finally:
        moved.store.close()


def test_an_unknown_event_type_does_not_stop_the_sync(
    central: CentralGateway, desks: Any, make_approval: Any
) -> None:
    a, _ = desks
    first, second = make_approval(1), make_approval(2)
    publish(central, first)
    with central.engine.begin() as conn:
        conn.execute(
            events.insert().values(
                event_id="9c9c9c9c-0000-4000-8000-000000000009",
                case_id=first.case_id,
                city="Astana",
                type="BiometricConsentRecorded",
                payload="{}",
                actor_iin="910517400017",
                actor_fingerprint="",
                workstation_id="WS-NEWER",
                recorded_at="2026-03-10T06:00:00.000000Z",
                received_at="2026-03-10T06:00:00.000000Z",
            )
        )
    publish(central, second)
    report = a.sync(central)
    assert (report.pulled, report.applied, report.refused) == (3, 2, 1)
    # Kept, flagged and explained; a later rebuild does not choke on it either.
    with a.store.reading() as conn:
        refusal = conn.execute(
            select(journal.c.refusal).where(journal.c.type == "BiometricConsentRecorded")
        ).scalar_one()
        flagged = conn.execute(
            select(cases.c.flagged).where(cases.c.case_id == first.case_id)
        ).scalar_one()
    assert "newer version" in refusal and flagged
    with a.store.transaction() as conn:
        rebuild_projections(conn, DEFAULT_RULES)


def test_a_long_pull_grows_its_batches_while_steps_stay_short(
    central: CentralGateway, desks: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workstation.sync import syncer

    a, b = desks
    seed_central(central, 6000, seed=5, today=TODAY)
    monkeypatch.setattr(syncer, "STEP_TARGET_S", 1e6)  # every step counts as quick
    round_ = syncer.SyncRound(a.store, central, DEFAULT_RULES, city=None, trust_unsigned=True)
    sizes = []
    while round_.step():
        if round_.stage is syncer.Stage.PULL and round_.moved:
            sizes.append(round_.pulled - sum(sizes))
    assert sizes[:4] == [500, 1000, 2000, 2500]  # doubling, until central ran out
    assert round_.pulled == central_events(central) == len(a.case_ids())
    fixed = syncer.SyncRound(
        b.store, central, DEFAULT_RULES, city=None, batch=700, trust_unsigned=True
    )
    steps = 0
    while fixed.step():
        steps += fixed.moved and fixed.stage is syncer.Stage.PULL
    assert steps == -(-6000 // 700)  # a fixed batch stays fixed


def test_an_event_central_refuses_is_set_aside_and_the_rest_of_the_queue_goes(
    central: CentralGateway, desks: Any, make_approval: Any, tmp_path: Any, fixed_clock: Any
) -> None:
    """Issue 15: one event central's door refuses does not hold back the desk's queue; it
    is kept, listed with central's reason, and not offered again. Here a second desk was
    set up under the first one's workstation id (a copied installation): its first number
    is one central holds already."""
    from workstation.services.quarantine import quarantine_list

    a, _ = desks
    first, second, third = make_approval(1), make_approval(2), make_approval(3)
    publish(central, first, second, third)
    a.sync(central)
    a.desk.record_arrival(first.case_id, TODAY - timedelta(days=1), "Khorgos")
    assert a.sync(central).pushed == 1
    copy = DeskUnderTest(tmp_path / "copy", "WS-A", fixed_clock)
    try:
        copy.sync(central)
        copy.desk.record_arrival(second.case_id, TODAY - timedelta(days=1), "Khorgos")
        copy.desk.record_arrival(third.case_id, TODAY - timedelta(days=1), "Khorgos")
        report = copy.sync(central)
        assert (report.set_aside, report.pushed) == (1, 1)
        assert "refused by central and set aside" in report.summary()
        assert queue_length(copy.store) == 0
        with copy.store.reading() as conn:
            listed = [q for q in quarantine_list(conn) if q.case_id == second.case_id]
        assert len(listed) == 1
        assert listed[0].kind == "sent"
        assert listed[0].reason == (
            f"Event {listed[0].event_id}: workstation WS-A already gave number 1 to another event."
        )
        assert copy.case(second.case_id).state == str(CaseState.ARRIVED)  # still applied here
        again = copy.sync(central)
        assert (again.set_aside, again.pushed) == (0, 0)
    finally:
        copy.store.close()
