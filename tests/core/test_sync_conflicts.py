"""Concurrent work on one case at several desks: everyone keeps every event, projections follow
central's order so all desks agree, and the case names the other desks' records."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from tests.core.test_sync_sqlite import DeskUnderTest, publish
from workstation.domain.checklist import Step
from workstation.domain.clock import FixedClock
from workstation.domain.programme import DEFAULT_RULES
from workstation.domain.steps import MedicalExam, MedicalResult
from workstation.journal.projector import rebuild_projections
from workstation.services.conflicts import step_conflicts
from workstation.services.steps import CaseSteps
from workstation.store.models import case_steps, cases, journal
from workstation.sync.gateway import CentralGateway

TODAY = date(2026, 3, 10)


@pytest.fixture
def central(tmp_path: Any) -> Iterator[CentralGateway]:
    gateway = CentralGateway(f"sqlite:///{tmp_path / 'central.sqlite3'}")
    gateway.init_schema()
    yield gateway
    gateway.dispose()


@pytest.fixture
def three(tmp_path: Any, fixed_clock: FixedClock) -> Iterator[list[DeskUnderTest]]:
    made = [DeskUnderTest(tmp_path / n, n, fixed_clock) for n in ("WS-A", "WS-B", "WS-C")]
    yield made
    for d in made:
        d.store.close()


def _exam(number: str) -> MedicalExam:
    return MedicalExam(number, TODAY, "City polyclinic No. 1", "A. DOCTOR", MedicalResult.FIT)


def _projections(d: DeskUnderTest) -> tuple[list[Any], list[Any], list[Any]]:
    with d.store.reading() as conn:
        return (
            [tuple(r) for r in conn.execute(select(cases).order_by(cases.c.case_id))],
            [
                tuple(r)
                for r in conn.execute(
                    select(case_steps).order_by(case_steps.c.case_id, case_steps.c.step)
                )
            ],
            sorted(
                tuple(r)
                for r in conn.execute(
                    select(journal.c.event_id, journal.c.central_seq, journal.c.outcome)
                )
            ),
        )


def test_the_same_step_at_two_desks_keeps_both_and_names_the_other(
    central: CentralGateway, three: list[DeskUnderTest], make_approval: Any
) -> None:
    a, b, _ = three
    approval = make_approval(1, approval_date=TODAY - timedelta(days=10))
    publish(central, approval)
    for d in (a, b):
        d.sync(central)
    a.desk.record_arrival(approval.case_id, TODAY - timedelta(days=3), "Khorgos")
    a.sync(central)
    b.sync(central)
    # Both desks record the medical exam while apart; B reaches central first, A second.
    CaseSteps(b.context).record_medical_exam(approval.case_id, _exam("028-B"))
    CaseSteps(a.context).record_medical_exam(approval.case_id, _exam("028-A"))
    b.sync(central)
    assert a.sync(central).replayed == 1  # B's exam sorts before A's own
    assert b.sync(central).replayed == 0  # A's exam comes after everything B has: no replay

    for d in (a, b):
        with d.store.reading() as conn:
            exams = conn.execute(
                select(journal.c.workstation_id, journal.c.outcome).where(
                    journal.c.type == "MedicalExamRecorded"
                )
            ).all()
            standing = conn.execute(
                select(case_steps.c.workstation_id, case_steps.c.data, case_steps.c.versions).where(
                    case_steps.c.step == str(Step.MEDICAL)
                )
            ).one()
            conflicts = step_conflicts(conn, approval.case_id)
        assert sorted(exams) == [("WS-A", "applied"), ("WS-B", "applied")]
        assert standing.workstation_id == "WS-A" and '"028-A"' in standing.data
        assert standing.versions == 2
        assert list(conflicts) == [Step.MEDICAL]  # the arrival was recorded at one desk only
        (other,) = conflicts[Step.MEDICAL]
        assert (other.workstation_id, other.applied, other.actor_iin) == (
            "WS-B",
            True,
            "910517400017",
        )
        assert other.central_seq is not None
    assert _projections(a) == _projections(b)
    detail = a.desk.case_detail(approval.case_id)
    assert [o.workstation_id for o in detail.conflicts[Step.MEDICAL]] == ["WS-B"]


def test_corrections_at_one_desk_are_no_conflict(
    central: CentralGateway, three: list[DeskUnderTest], make_approval: Any
) -> None:
    a, b, _ = three
    approval = make_approval(1, approval_date=TODAY - timedelta(days=10))
    publish(central, approval)
    a.sync(central)
    a.desk.record_arrival(approval.case_id, TODAY - timedelta(days=3), "Khorgos")
    a.desk.record_arrival(approval.case_id, TODAY - timedelta(days=2), "Khorgos")
    CaseSteps(a.context).record_medical_exam(approval.case_id, _exam("028-1"))
    a.sync(central)
    report = b.sync(central)
    assert (report.applied, report.replayed) == (4, 0)
    for d in (a, b):
        with d.store.reading() as conn:
            assert step_conflicts(conn, approval.case_id) == {}


def test_many_desks_working_apart_converge_in_central_order(
    central: CentralGateway, three: list[DeskUnderTest], make_approval: Any
) -> None:
    """Rounds of offline corrections of the arrival and the medical exam of a few cases at
    three desks, synced in shuffled orders: every desk ends with the same projections and
    outcomes, and they equal a rebuild of its journal in central order."""
    shuffle = random.Random(20260310)
    approvals = [make_approval(n, approval_date=TODAY - timedelta(days=12)) for n in (1, 2, 3)]
    publish(central, *approvals)
    for d in three:
        d.sync(central)
    for round_no in range(6):
        for d in three:
            for approval in shuffle.sample(approvals, 2):
                if shuffle.random() < 0.5:
                    entry = TODAY - timedelta(days=shuffle.randint(1, 9))
                    d.desk.record_arrival(approval.case_id, entry, f"Point {round_no}")
                else:
                    d.case(approval.case_id)  # the exam needs an arrival on this desk
                    if d.case(approval.case_id).entry_date is not None:
                        CaseSteps(d.context).record_medical_exam(
                            approval.case_id, _exam(f"028-{d.context.workstation_id}-{round_no}")
                        )
        for d in shuffle.sample(three, len(three)):
            d.sync(central, batch=shuffle.choice([1, 2, 500]))
    for _ in range(2):  # everyone has everything
        for d in three:
            d.sync(central)

    first = _projections(three[0])
    assert first[0] and first[1]
    for d in three[1:]:
        assert _projections(d) == first
    for d in three:
        with d.store.transaction() as conn:
            rebuild_projections(conn, DEFAULT_RULES)
        assert _projections(d) == first
