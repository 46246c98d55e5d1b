"""A refused applicant cannot re-apply for a year (DOMAIN.md, step 6): a new approval of the
same person (IIN, or passport number and nationality) is flagged on the desk and cannot be
processed, the same way whatever order a desk learns of the two events in."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import select, text

from tests.conftest import TODAY, MakeApproval
from tests.core.conftest import CaseBook
from tests.core.review_helpers import OFFICER, day, officer, submitted_case
from workstation.domain.decision import Decision, RefusalReason, decision_payload
from workstation.domain.lifecycle import CaseState, EventType, ReapplyLocked
from workstation.domain.steps import MedicalExam, MedicalResult
from workstation.journal.envelope import Event, new_event
from workstation.journal.projector import (
    event_from_row,
    load_approval,
    rebuild_projections,
    record_pulled,
)
from workstation.services.desk import Desk
from workstation.services.steps import CaseSteps
from workstation.store.local import LocalStore
from workstation.store.models import cases, journal
from workstation.sync.demo_seed import approval_event

REFUSED_ON = TODAY  # 10.03.2026: the lock runs to 10.03.2027


def refuse(book: CaseBook, desk: Desk, make_approval: MakeApproval, n: int, **kw: Any) -> str:
    case_id = submitted_case(book, desk.context, make_approval, n, **kw)
    officer(desk.context).decide(
        case_id, Decision.refused(RefusalReason.FALSE_INFORMATION, "Forged lease.")
    )
    return case_id


def row_of(store: LocalStore, case_id: str) -> Any:
    with store.reading() as conn:
        return conn.execute(select(cases).where(cases.c.case_id == case_id)).one()


def test_a_new_approval_with_the_refused_iin_is_flagged_and_cannot_be_processed(
    book: CaseBook, desk: Desk, make_approval: MakeApproval, store: LocalStore
) -> None:
    refused = refuse(book, desk, make_approval, 1)
    with store.reading() as conn:
        person = load_approval(conn, refused)
    again = make_approval(
        2, iin=person.iin, passport_number="XY7654321", approval_date=TODAY + timedelta(days=60)
    )
    book.approve(again)
    row = row_of(store, again.case_id)
    assert row.reapply_lock == row.flagged
    assert refused in row.flagged and "10.03.2026" in row.flagged and "same IIN" in row.flagged
    assert "from 10.03.2027" in row.flagged
    detail = desk.case_detail(again.case_id)
    assert detail.reapply_lock == row.flagged and not detail.can_record_arrival
    with pytest.raises(ReapplyLocked, match=f"case {refused} was refused on 10.03.2026"):
        desk.record_arrival(again.case_id, TODAY, "Astana airport")
    exam = MedicalExam("028-9", TODAY, "Clinic", "A. DOCTOR", MedicalResult.FIT)
    with pytest.raises(ReapplyLocked):
        CaseSteps(desk.context).record_medical_exam(again.case_id, exam)
    # Another desk's arrival for it is kept in the journal, refused, and the flag stays.
    pulled = book.make(
        again.case_id,
        EventType.ARRIVAL_RECORDED,
        {"entry_date": TODAY.isoformat(), "border_point": "Astana airport"},
        workstation_id="WS-OTHER",
    )
    outcome = book.pulled(pulled)
    assert not outcome.applied and "Re-application locked" in (outcome.refusal or "")
    after = row_of(store, again.case_id)
    assert after.state == "approved" and after.flagged == row.flagged


def test_the_same_passport_and_nationality_lock_and_another_nationality_does_not(
    book: CaseBook, desk: Desk, make_approval: MakeApproval, store: LocalStore
) -> None:
    refused = refuse(book, desk, make_approval, 1)
    with store.reading() as conn:
        person = load_approval(conn, refused)
    later = TODAY + timedelta(days=10)
    same = make_approval(2, passport_number=person.passport_number, approval_date=later)
    other_state = make_approval(
        3, passport_number=person.passport_number, nationality="DEU", approval_date=later
    )
    assert same.iin != person.iin
    book.approve(same)
    book.approve(other_state)
    assert "same passport number" in (row_of(store, same.case_id).reapply_lock or "")
    assert row_of(store, other_state.case_id).reapply_lock is None


@pytest.mark.parametrize(
    ("approved_on", "locked"),
    [
        (day("2026-03-09"), False),  # approved before the refusal: a parallel case
        (day("2026-03-10"), True),  # the day of the refusal
        (day("2027-03-09"), True),  # the last day of the year
        (day("2027-03-10"), False),  # reapply_not_before itself: allowed
        (day("2027-06-01"), False),
    ],
)
def test_the_lock_lasts_one_year_from_the_refusal(
    book: CaseBook,
    desk: Desk,
    make_approval: MakeApproval,
    store: LocalStore,
    approved_on: Any,
    locked: bool,
) -> None:
    refused = refuse(book, desk, make_approval, 1)
    with store.reading() as conn:
        person = load_approval(conn, refused)
    again = make_approval(2, iin=person.iin, approval_date=approved_on)
    book.approve(again)
    assert (row_of(store, again.case_id).reapply_lock is not None) is locked


def test_a_first_pull_checks_all_its_approvals_with_one_lookup_per_identifier(
    book: CaseBook, desk: Desk, make_approval: MakeApproval, store: LocalStore
) -> None:
    refused = refuse(book, desk, make_approval, 1)
    with store.reading() as conn:
        person = load_approval(conn, refused)
    approvals = [make_approval(n, approval_date=TODAY + timedelta(days=1)) for n in range(10, 210)]
    approvals[57] = make_approval(
        67, iin=person.iin, passport_number="QQ0000001", approval_date=TODAY + timedelta(days=1)
    )
    batch = [(1000 + i, approval_event(a)) for i, a in enumerate(approvals)]
    lookups: list[tuple[str, Any]] = []

    def seen(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if "reapply_not_before IS NOT NULL" in statement:
            lookups.append((statement, parameters))

    sa_event.listen(store.engine, "before_cursor_execute", seen)
    try:
        with store.transaction() as conn:
            results = record_pulled(conn, batch, desk.context.rules)
    finally:
        sa_event.remove(store.engine, "before_cursor_execute", seen)
    assert all(r.applied for r in results)
    assert len(lookups) == 2  # IINs, then passport numbers: not one per event
    with store.reading() as conn:
        locked = conn.execute(
            select(cases.c.case_id).where(cases.c.reapply_lock.is_not(None))
        ).scalars()
        assert list(locked) == [approvals[57].case_id]
        for statement, parameters in lookups:  # each walks an index, not the table
            plan = " ".join(
                str(r[-1])
                for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
            )
            assert "USING INDEX ix_cases_iin" in plan or "USING INDEX ix_cases_passport" in plan


def test_a_refusal_pulled_after_the_new_approval_locks_it_and_undoes_work_done_meanwhile(
    book: CaseBook, desk: Desk, make_approval: MakeApproval, store: LocalStore
) -> None:
    first = submitted_case(book, desk.context, make_approval, 1)
    with store.reading() as conn:
        person = load_approval(conn, first)
    again = make_approval(2, iin=person.iin, approval_date=TODAY)
    book.approve(again)
    desk.record_arrival(again.case_id, TODAY, "Astana airport")  # before the refusal is known
    assert row_of(store, again.case_id).state == "arrived"
    decision = new_event(
        first,
        EventType.DECISION_RECORDED,
        decision_payload(
            Decision.refused(RefusalReason.SECURITY_CHECK, "Not passed."), person, REFUSED_ON
        ),
        OFFICER,
        "WS-UMS-1",
        desk.context.clock,
    )
    assert book.pulled(decision).applied
    row = row_of(store, again.case_id)
    assert row.state == "approved" and row.entry_date is None
    assert first in row.reapply_lock and row.flagged == row.reapply_lock
    with store.reading() as conn:
        outcome = conn.execute(
            select(journal.c.outcome, journal.c.refusal).where(
                (journal.c.case_id == again.case_id)
                & (journal.c.type == str(EventType.ARRIVAL_RECORDED))
            )
        ).one()
    assert outcome.outcome == "refused" and outcome.refusal.startswith("Re-application locked")
    with store.reading() as conn:
        live = conn.execute(select(cases).order_by(cases.c.case_id)).all()
    with store.transaction() as conn:
        rebuild_projections(conn, desk.context.rules)
    with store.reading() as conn:
        assert conn.execute(select(cases).order_by(cases.c.case_id)).all() == live


def test_every_desk_reaches_the_same_lock_whatever_order_it_pulls_in(
    book: CaseBook,
    desk: Desk,
    make_approval: MakeApproval,
    store: LocalStore,
    tmp_path: Path,
) -> None:
    refused = refuse(book, desk, make_approval, 1)
    with store.reading() as conn:
        person = load_approval(conn, refused)
    again = make_approval(2, iin=person.iin, approval_date=TODAY + timedelta(days=3))
    book.approve(again)
    with store.reading() as conn:
        events = [
            event_from_row(r) for r in conn.execute(select(journal).order_by(journal.c.local_seq))
        ]
    new_approval = next(e for e in events if e.case_id == again.case_id)
    first_case = [e for e in events if e.case_id == refused]
    decision = first_case[-1]
    assert decision.type is EventType.DECISION_RECORDED
    orders: list[list[Event]] = [
        [*first_case, new_approval],
        [new_approval, *first_case],
        [*first_case[:-1], new_approval, decision],
    ]
    outcomes = []
    for n, order in enumerate(orders):
        other = LocalStore.open(tmp_path / f"desk-{n}", create=True)
        try:
            with other.transaction() as conn:
                record_pulled(conn, list(enumerate(order, start=1)), desk.context.rules)
            with other.reading() as conn:
                rows = conn.execute(
                    select(
                        cases.c.case_id, cases.c.state, cases.c.reapply_lock, cases.c.flagged
                    ).order_by(cases.c.case_id)
                ).all()
        finally:
            other.close()
        outcomes.append(rows)
    assert outcomes[0] == outcomes[1] == outcomes[2]
    locked = {r.case_id: r.reapply_lock for r in outcomes[0]}
    assert locked[refused] is None and refused in (locked[again.case_id] or "")
    assert {r.case_id: r.state for r in outcomes[0]} == {
        refused: str(CaseState.REFUSED),
        again.case_id: str(CaseState.APPROVED),
    }


def test_the_lock_lookup_ignores_an_empty_iin(
    book: CaseBook, desk: Desk, make_approval: MakeApproval, store: LocalStore
) -> None:
    refuse(book, desk, make_approval, 1, iin="")
    stranger = make_approval(2, iin="", approval_date=TODAY + timedelta(days=5))
    book.approve(stranger)
    assert row_of(store, stranger.case_id).reapply_lock is None
    with store.reading() as conn:  # the refused case is there, with its lock date
        assert (
            conn.execute(
                text("SELECT count(*) FROM cases WHERE reapply_not_before = '2027-03-10'")
            ).scalar_one()
            == 1
        )
