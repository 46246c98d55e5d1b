"""The desk's use cases: recording the border entry, confirmations, refusals, the case view."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from workstation.domain.checklist import Step, StepStatus
from workstation.domain.clock import FixedClock
from workstation.domain.lifecycle import CaseState, EventType, TransitionRefused
from workstation.journal.envelope import Actor
from workstation.services import worklist
from workstation.services.context import DeskContext
from workstation.services.desk import CaseNotFound, ConfirmationNeeded, Desk
from workstation.store.local import LocalStore
from workstation.store.models import journal

TODAY = date(2026, 3, 10)


def journal_count(store: LocalStore) -> int:
    with store.reading() as conn:
        return int(conn.execute(select(func.count()).select_from(journal)).scalar_one())


@pytest.fixture
def case_id(book: Any, make_approval: Any) -> str:
    """A case approved on 1 March 2026: its window ends on 31 March."""
    approval = make_approval(1, approval_date=date(2026, 3, 1))
    book.approve(approval)
    return str(approval.case_id)


def test_recording_the_arrival(desk: Desk, case_id: str) -> None:
    changes = desk.record_arrival(case_id, date(2026, 3, 8), "  Astana   airport ")
    assert changes.case_ids == frozenset({case_id}) and changes.worklist
    assert changes.state is CaseState.ARRIVED and len(changes.event_ids) == 1
    detail = desk.case_detail(case_id)
    assert detail.status.state is CaseState.ARRIVED
    assert detail.status.entry_date == date(2026, 3, 8)
    assert detail.border_point == "Astana airport"  # spaces tidied as typed on a keyboard
    arrival = detail.steps[Step.ARRIVAL]
    assert arrival.data == {"entry_date": "2026-03-08", "border_point": "Astana airport"}
    assert (arrival.actor_iin, arrival.workstation_id) == ("910517400017", "WS-TEST-1")
    assert [h.type for h in detail.history] == ["ArrivalApproved", "ArrivalRecorded"]
    assert detail.history[-1].event_id == changes.event_ids[0]
    statuses = {item.step: item.status for item in detail.checklist}
    assert statuses[Step.ARRIVAL] is StepStatus.RECORDED
    assert statuses[Step.MEDICAL] is StepStatus.MISSING


def test_days_left_follow_the_clock(desk: Desk, case_id: str, fixed_clock: FixedClock) -> None:
    assert desk.case_detail(case_id).days_left == 21
    fixed_clock.advance(timedelta(days=21))
    detail = desk.case_detail(case_id)
    assert (detail.days_left, detail.effective_state) == (0, CaseState.APPROVED)
    fixed_clock.advance(timedelta(days=1))
    detail = desk.case_detail(case_id)
    assert (detail.days_left, detail.effective_state) == (-1, CaseState.ANNULLED)


def test_a_late_entry_needs_confirmation_then_annuls(
    desk: Desk, case_id: str, fixed_clock: FixedClock
) -> None:
    fixed_clock.advance(timedelta(days=30))  # now 9 April
    before = journal_count(desk.context.store)
    with pytest.raises(ConfirmationNeeded, match=r"31\.03\.2026"):
        desk.record_arrival(case_id, date(2026, 4, 2), "Khorgos")
    assert journal_count(desk.context.store) == before  # nothing happens until the clerk confirms
    changes = desk.record_arrival(case_id, date(2026, 4, 2), "Khorgos", confirm_annulment=True)
    assert changes.state is CaseState.ANNULLED
    detail = desk.case_detail(case_id)
    assert detail.status.state is CaseState.ANNULLED
    assert detail.status.annul_reason is not None and "02.04.2026" in detail.status.annul_reason
    assert not detail.can_record_arrival


def test_window_closed_without_entry_still_takes_an_in_window_date(
    desk: Desk, case_id: str, fixed_clock: FixedClock
) -> None:
    fixed_clock.advance(timedelta(days=25))  # 4 April: the window closed on 31 March
    detail = desk.case_detail(case_id)
    assert detail.status.state is CaseState.APPROVED
    assert detail.effective_state is CaseState.ANNULLED
    assert detail.window_closed_without_entry and detail.can_record_arrival
    # The applicant crossed the border on 30 March and reaches the desk today.
    changes = desk.record_arrival(case_id, date(2026, 3, 30), "Astana airport")
    assert changes.state is CaseState.ARRIVED
    detail = desk.case_detail(case_id)
    assert detail.effective_state is CaseState.ARRIVED and not detail.window_closed_without_entry


def test_entry_before_the_approval_is_refused(desk: Desk, case_id: str) -> None:
    before = journal_count(desk.context.store)
    with pytest.raises(TransitionRefused) as refused:
        desk.record_arrival(case_id, date(2026, 2, 28), "Astana airport")
    assert refused.value.field == "entry_date"
    assert journal_count(desk.context.store) == before


def test_entry_in_the_future_is_refused(desk: Desk, case_id: str) -> None:
    with pytest.raises(TransitionRefused) as refused:
        desk.record_arrival(case_id, TODAY + timedelta(days=1), "Astana airport")
    assert refused.value.field == "entry_date"


def test_a_future_date_past_the_window_is_refused_not_offered_for_confirmation(
    desk: Desk, case_id: str, fixed_clock: FixedClock
) -> None:
    # A typo such as 20.04 for 02.04: the date cannot be true, so the clerk must not be asked
    # to confirm an annulment that would then be refused anyway.
    fixed_clock.advance(timedelta(days=25))  # 4 April
    with pytest.raises(TransitionRefused) as refused:
        desk.record_arrival(case_id, date(2026, 4, 20), "Astana airport")
    assert refused.value.field == "entry_date"


def test_a_late_date_for_a_submitted_case_is_refused_not_offered_for_confirmation(
    desk: Desk, book: Any, case_id: str, fixed_clock: FixedClock
) -> None:
    book.arrive(case_id, date(2026, 3, 8))
    book.all_steps(case_id)
    book.local(case_id, EventType.APPLICATION_PRINTED)
    book.local(case_id, EventType.APPLICATION_SUBMITTED)
    fixed_clock.advance(timedelta(days=30))
    with pytest.raises(TransitionRefused, match="submitted"):
        desk.record_arrival(case_id, date(2026, 4, 2), "Khorgos")


def test_the_entry_date_is_judged_on_the_kazakhstan_calendar(
    store: LocalStore, book: Any, case_id: str, rules: Any
) -> None:
    # 20:30 UTC on 9 March is already 01:30 on 10 March in Kazakhstan: 10 March is not future.
    late_evening_utc = FixedClock(datetime(2026, 3, 9, 20, 30, tzinfo=UTC))
    night_desk = Desk(
        DeskContext(
            store,
            actor=Actor(iin="910517400017", name="NIGHT CLERK", role="clerk"),
            workstation_id="WS-NIGHT",
            rules=rules,
            clock=late_evening_utc,
        )
    )
    changes = night_desk.record_arrival(case_id, date(2026, 3, 10), "Astana airport")
    assert changes.state is CaseState.ARRIVED


@pytest.mark.parametrize(
    ("border_point", "message"),
    [("", "border crossing point"), ("   ", "border crossing point"), ("x" * 121, "too long")],
)
def test_the_border_point_is_required_and_bounded(
    desk: Desk, case_id: str, border_point: str, message: str
) -> None:
    with pytest.raises(TransitionRefused, match=message) as refused:
        desk.record_arrival(case_id, date(2026, 3, 8), border_point)
    assert refused.value.field == "border_point"


def test_an_unknown_case_says_what_to_do(desk: Desk) -> None:
    with pytest.raises(CaseNotFound, match="sync") as missing:
        desk.record_arrival("DNR-AST-26-0000404", date(2026, 3, 8), "Astana airport")
    assert missing.value.case_id == "DNR-AST-26-0000404"
    with pytest.raises(CaseNotFound):
        desk.case_detail("DNR-AST-26-0000404")


def test_case_json_for_support(desk: Desk, case_id: str) -> None:
    desk.record_arrival(case_id, date(2026, 3, 8), "Astana airport")
    data = desk.case_detail(case_id).to_json()
    assert data["case_id"] == case_id
    assert (data["state"], data["effective_state"]) == ("arrived", "arrived")
    assert (data["approval_date"], data["window_end"]) == ("2026-03-01", "2026-03-31")
    assert (data["days_left"], data["entry_date"]) == (21, "2026-03-08")
    assert data["events"] == 2
    assert [s["step"] for s in data["steps"]] == [
        "arrival",
        "passport",
        "medical",
        "fingerprints",
        "housing",
        "duty_permit",
        "duty_card",
        "documents",
    ]
    assert data["steps"][0]["status"] == "recorded"


def test_worklist_through_the_desk(desk: Desk, book: Any, make_approval: Any) -> None:
    for n in range(1, 6):
        book.approve(make_approval(n, approval_date=TODAY - timedelta(days=n)))
    page = desk.worklist_page(worklist.WorklistQuery())
    assert [r.days_left for r in page.rows] == [25, 26, 27, 28, 29]
    assert desk.worklist_count(worklist.WorklistQuery()) == 5
