"""What CaseDetail says may be done with a case now, state by state, and that each answer is
the lifecycle's own: the screens ask the detail and never test states themselves."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest

from workstation.domain import lifecycle
from workstation.domain.lifecycle import CaseState, CaseStatus, TransitionRefused
from workstation.services.desk import CaseDetail

APPROVED_ON = date(2026, 3, 1)
TODAY = date(2026, 3, 10)

# state: (arrival, steps, print, printed, printing ahead, submit, decide)
EXPECTED = {
    CaseState.APPROVED: (True, False, False, False, False, False, False),
    CaseState.ARRIVED: (True, True, False, False, True, False, False),
    CaseState.STEPS_RECORDED: (True, True, True, False, True, False, False),
    CaseState.PRINTED: (True, True, True, True, False, True, False),
    CaseState.SUBMITTED: (False, False, False, False, False, False, True),
    CaseState.UNDER_REVIEW: (False, False, False, False, False, False, True),
    CaseState.ISSUED: (False, False, False, False, False, False, False),
    CaseState.REFUSED: (False, False, False, False, False, False, False),
    CaseState.ANNULLED: (False, False, False, False, False, False, False),
}


def detail_in(make_approval: Any, state: CaseState, *, lock: str | None = None) -> CaseDetail:
    status = CaseStatus(
        state=state,
        approval_date=APPROVED_ON,
        window_end=APPROVED_ON + timedelta(days=30),
        entry_date=None if state is CaseState.APPROVED else APPROVED_ON + timedelta(days=2),
        reapply_lock=lock,
    )
    return CaseDetail(
        approval=make_approval(1, approval_date=APPROVED_ON),
        status=status,
        effective_state=lifecycle.effective_state(status, TODAY),
        days_left=lifecycle.days_left(status, TODAY),
        today=TODAY,
        border_point=None,
        flagged=lock,
        checklist=(),
    )


def answers(detail: CaseDetail) -> tuple[bool, ...]:
    return (
        detail.can_record_arrival,
        detail.can_record_steps,
        detail.can_print,
        detail.is_printed,
        detail.printing_ahead,
        detail.can_submit,
        detail.can_decide,
    )


def test_every_state_has_an_expected_answer() -> None:
    assert set(EXPECTED) == set(CaseState)


@pytest.mark.parametrize("state", list(CaseState))
def test_what_may_be_done_in_each_state(make_approval: Any, state: CaseState) -> None:
    assert answers(detail_in(make_approval, state)) == EXPECTED[state]


def test_a_re_application_lock_stops_the_arrival_and_the_steps(make_approval: Any) -> None:
    for state in (CaseState.APPROVED, CaseState.ARRIVED, CaseState.STEPS_RECORDED):
        detail = detail_in(make_approval, state, lock="Re-application locked")
        assert not detail.can_record_arrival and not detail.can_record_steps


def _allowed(transition: Callable[[CaseStatus], object], status: CaseStatus) -> bool:
    try:
        transition(status)
    except TransitionRefused:
        return False
    return True


TRANSITIONS: dict[str, Callable[[CaseStatus], object]] = {
    "can_record_arrival": lambda s: lifecycle.record_arrival(s, s.approval_date, TODAY),
    "can_record_steps": lambda s: lifecycle.record_step(s, checklist_complete=False),
    "can_print": lifecycle.record_print,
    "can_submit": lifecycle.record_submission,
    "can_decide": lambda s: lifecycle.record_decision(s, "issued"),
}


@pytest.mark.parametrize("answer", sorted(TRANSITIONS))
@pytest.mark.parametrize("lock", [None, "Re-application locked"])
def test_each_answer_is_what_the_lifecycle_would_accept(
    make_approval: Any, answer: str, lock: str | None
) -> None:
    for state in CaseState:
        detail = detail_in(make_approval, state, lock=lock)
        accepted = _allowed(TRANSITIONS[answer], detail.status)
        assert getattr(detail, answer) is accepted, (answer, state, lock)
