"""The case lifecycle: every event in every state, the 30-day arrival window and its refusals."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workstation.domain import lifecycle
from workstation.domain.lifecycle import (
    CaseState,
    CaseStatus,
    EventType,
    TransitionRefused,
    apply_event,
    days_left,
    effective_state,
)
from workstation.domain.programme import DEFAULT_RULES, ProgrammeRules

APPROVAL = date(2026, 2, 1)
WINDOW_END = date(2026, 3, 3)  # 1 Feb + 30 calendar days
ENTRY = date(2026, 2, 10)
TODAY = date(2026, 3, 10)

S = CaseState


def status_in(state: CaseState) -> CaseStatus:
    entry = None if state is S.APPROVED else ENTRY
    return CaseStatus(state=state, approval_date=APPROVAL, window_end=WINDOW_END, entry_date=entry)


# Every event type with a valid payload; what each state turns into, or None for a refusal.
# STEP_INCOMPLETE / STEP_COMPLETE are step events with the checklist incomplete / complete.
ARRIVAL = {"entry_date": ENTRY.isoformat(), "border_point": "Astana airport"}
R = None  # refused
DESK = (S.ARRIVED, S.STEPS_RECORDED, S.PRINTED)
EXPECTED: dict[str, dict[CaseState, CaseState | None]] = {
    "ArrivalApproved": {s: R for s in S},
    "ArrivalRecorded": {
        **{s: R for s in S},
        S.APPROVED: S.ARRIVED,
        S.ARRIVED: S.ARRIVED,
        S.STEPS_RECORDED: S.STEPS_RECORDED,
        S.PRINTED: S.STEPS_RECORDED,  # the printed form shows the old date: print again
    },
    "step_incomplete": {**{s: R for s in S}, **{s: S.ARRIVED for s in DESK}},
    "step_complete": {**{s: R for s in S}, **{s: S.STEPS_RECORDED for s in DESK}},
    "ApplicationPrinted": {
        **{s: R for s in S},
        S.STEPS_RECORDED: S.PRINTED,
        S.PRINTED: S.PRINTED,
    },
    "ApplicationSubmitted": {**{s: R for s in S}, S.PRINTED: S.SUBMITTED},
    "ReviewStarted": {
        **{s: R for s in S},
        S.SUBMITTED: S.UNDER_REVIEW,
        S.UNDER_REVIEW: S.UNDER_REVIEW,
    },
    "issued": {**{s: R for s in S}, S.SUBMITTED: S.ISSUED, S.UNDER_REVIEW: S.ISSUED},
    "refused": {**{s: R for s in S}, S.SUBMITTED: S.REFUSED, S.UNDER_REVIEW: S.REFUSED},
    "Annulled": {
        **{s: S.ANNULLED for s in S},
        S.ISSUED: R,
        S.REFUSED: R,
        S.ANNULLED: R,
    },
}


def _event(name: str) -> tuple[EventType, dict[str, Any], bool]:
    if name == "step_incomplete":
        return EventType.MEDICAL_EXAM_RECORDED, {"result": "fit"}, False
    if name == "step_complete":
        return EventType.DUTY_PAID, {"kind": "card"}, True
    if name in {"issued", "refused"}:
        return EventType.DECISION_RECORDED, {"decision": name}, False
    payloads: dict[str, dict[str, Any]] = {
        "ArrivalApproved": {"approval_date": APPROVAL.isoformat()},
        "ArrivalRecorded": ARRIVAL,
        "Annulled": {"reason": "withdrawn by the applicant"},
    }
    return EventType(name), payloads.get(name, {}), False


MATRIX = [(name, state) for name in EXPECTED for state in S]


@pytest.mark.parametrize(("name", "state"), MATRIX, ids=[f"{n}-{s}" for n, s in MATRIX])
def test_every_event_in_every_state(name: str, state: CaseState) -> None:
    event_type, payload, complete = _event(name)
    expected = EXPECTED[name][state]
    before = status_in(state)
    if expected is None:
        with pytest.raises(TransitionRefused) as refused:
            apply_event(before, event_type, payload, TODAY, DEFAULT_RULES, complete)
        message = str(refused.value)
        # A clerk reads this: a sentence that says what is wrong, never a Python repr.
        assert len(message) > 20 and message.endswith("."), message
        assert "None" not in message and "CaseState" not in message
    else:
        after = apply_event(before, event_type, payload, TODAY, DEFAULT_RULES, complete)
        assert after.state is expected
        assert after.approval_date == APPROVAL and after.window_end == WINDOW_END


def test_happy_path_from_approval_to_issued() -> None:
    status = apply_event(
        None, EventType.ARRIVAL_APPROVED, {"approval_date": "2026-02-01"}, APPROVAL, DEFAULT_RULES
    )
    assert status == CaseStatus(S.APPROVED, APPROVAL, WINDOW_END)
    status = apply_event(status, EventType.ARRIVAL_RECORDED, ARRIVAL, ENTRY, DEFAULT_RULES)
    assert (status.state, status.entry_date) == (S.ARRIVED, ENTRY)
    status = apply_event(status, EventType.HOUSING_RECORDED, {}, ENTRY, DEFAULT_RULES, False)
    assert status.state is S.ARRIVED
    status = apply_event(status, EventType.DUTY_PAID, {}, ENTRY, DEFAULT_RULES, True)
    assert status.state is S.STEPS_RECORDED
    for event_type, state in [
        (EventType.APPLICATION_PRINTED, S.PRINTED),
        (EventType.APPLICATION_SUBMITTED, S.SUBMITTED),
        (EventType.REVIEW_STARTED, S.UNDER_REVIEW),
    ]:
        status = apply_event(status, event_type, {}, TODAY, DEFAULT_RULES)
        assert status.state is state
    status = apply_event(
        status, EventType.DECISION_RECORDED, {"decision": "issued"}, TODAY, DEFAULT_RULES
    )
    assert (status.state, status.decision) == (S.ISSUED, "issued")


def test_window_is_thirty_calendar_days_and_configurable() -> None:
    assert lifecycle.approve(APPROVAL, DEFAULT_RULES).window_end == WINDOW_END
    # A leap-year February: 1 Feb 2028 + 30 days is 2 March.
    assert lifecycle.approve(date(2028, 2, 1), DEFAULT_RULES).window_end == date(2028, 3, 2)
    longer = replace(DEFAULT_RULES, arrival_window_days=45)
    assert lifecycle.approve(APPROVAL, longer).window_end == date(2026, 3, 18)


def test_entry_on_the_last_day_of_the_window_counts() -> None:
    status = lifecycle.record_arrival(status_in(S.APPROVED), WINDOW_END, as_of=TODAY)
    assert status.state is S.ARRIVED
    assert lifecycle.check_late_entry(status_in(S.APPROVED), WINDOW_END) is None


def test_entry_on_the_approval_day_counts() -> None:
    status = lifecycle.record_arrival(status_in(S.APPROVED), APPROVAL, as_of=APPROVAL)
    assert (status.state, status.entry_date) == (S.ARRIVED, APPROVAL)


def test_entry_the_day_after_the_window_annuls_with_a_reason() -> None:
    late = WINDOW_END + timedelta(days=1)
    warning = lifecycle.check_late_entry(status_in(S.APPROVED), late)
    assert warning is not None and "03.03.2026" in warning and "annuls" in warning
    status = lifecycle.record_arrival(status_in(S.APPROVED), late, as_of=TODAY)
    assert status.state is S.ANNULLED
    assert status.entry_date == late
    assert status.annul_reason is not None
    assert "04.03.2026" in status.annul_reason and "03.03.2026" in status.annul_reason


def test_late_correction_of_the_entry_date_annuls_a_case_with_steps() -> None:
    status = lifecycle.record_arrival(
        status_in(S.STEPS_RECORDED), WINDOW_END + timedelta(days=2), as_of=TODAY
    )
    assert status.state is S.ANNULLED


def test_entry_before_the_approval_is_refused_on_the_entry_date_field() -> None:
    with pytest.raises(TransitionRefused) as refused:
        lifecycle.record_arrival(status_in(S.APPROVED), APPROVAL - timedelta(days=1), TODAY)
    assert refused.value.field == "entry_date"
    assert "31.01.2026" in str(refused.value) and "before the preliminary approval" in str(
        refused.value
    )


def test_entry_in_the_future_is_refused_on_the_entry_date_field() -> None:
    with pytest.raises(TransitionRefused) as refused:
        lifecycle.record_arrival(status_in(S.APPROVED), date(2026, 2, 20), as_of=date(2026, 2, 19))
    assert refused.value.field == "entry_date"
    assert "future" in str(refused.value)


def test_an_in_window_entry_is_still_recordable_after_the_window_closed() -> None:
    waiting = status_in(S.APPROVED)
    assert effective_state(waiting, TODAY) is S.ANNULLED  # shown as lapsed on the worklist
    arrived = lifecycle.record_arrival(waiting, date(2026, 3, 1), as_of=TODAY)
    assert arrived.state is S.ARRIVED
    assert effective_state(arrived, TODAY) is S.ARRIVED


def test_effective_state_and_days_left_around_the_window_end() -> None:
    waiting = status_in(S.APPROVED)
    assert (days_left(waiting, WINDOW_END), effective_state(waiting, WINDOW_END)) == (0, S.APPROVED)
    after = WINDOW_END + timedelta(days=1)
    assert (days_left(waiting, after), effective_state(waiting, after)) == (-1, S.ANNULLED)
    assert days_left(waiting, APPROVAL) == 30
    # The window only matters while no entry is known.
    for state in S:
        if state is not S.APPROVED:
            assert effective_state(status_in(state), after) is state


def test_refusals_name_what_to_do() -> None:
    with pytest.raises(TransitionRefused, match="Record the applicant's arrival first"):
        lifecycle.record_step(status_in(S.APPROVED), checklist_complete=True)
    with pytest.raises(TransitionRefused, match="already been submitted"):
        lifecycle.record_submission(status_in(S.SUBMITTED))
    with pytest.raises(TransitionRefused, match="expected issued or refused"):
        lifecycle.record_decision(status_in(S.SUBMITTED), "maybe")
    with pytest.raises(TransitionRefused, match="already been approved"):
        apply_event(status_in(S.APPROVED), EventType.ARRIVAL_APPROVED, {}, TODAY, DEFAULT_RULES)
    with pytest.raises(TransitionRefused, match="No approved arrival"):
        apply_event(None, EventType.ARRIVAL_RECORDED, ARRIVAL, TODAY, DEFAULT_RULES)
    with pytest.raises(TransitionRefused, match="Cannot print the application: the case is "):
        lifecycle.record_print(status_in(S.ARRIVED))


def test_annulment_keeps_its_reason() -> None:
    status = apply_event(
        status_in(S.ARRIVED),
        EventType.ANNULLED,
        {"reason": "passport revoked"},
        TODAY,
        DEFAULT_RULES,
    )
    assert (status.state, status.annul_reason) == (S.ANNULLED, "passport revoked")


@pytest.mark.parametrize(
    "payload",
    [{}, {"entry_date": "10.02.2026"}, {"entry_date": "2026-02-30"}, {"entry_date": None}],
    ids=["missing", "not-iso", "no-such-day", "null"],
)
def test_a_malformed_arrival_payload_is_a_refusal_not_a_crash(payload: dict[str, Any]) -> None:
    # Pulled events are applied with strict=False, which only catches TransitionRefused: any
    # other exception would abort the whole pull batch on every retry.
    with pytest.raises(TransitionRefused) as refused:
        apply_event(
            status_in(S.APPROVED), EventType.ARRIVAL_RECORDED, payload, TODAY, DEFAULT_RULES
        )
    assert refused.value.field == "entry_date"


@pytest.mark.parametrize("payload", [{}, {"approval_date": "1 Feb"}], ids=["missing", "not-iso"])
def test_a_malformed_approval_date_is_a_refusal_not_a_crash(payload: dict[str, Any]) -> None:
    with pytest.raises(TransitionRefused):
        apply_event(None, EventType.ARRIVAL_APPROVED, payload, TODAY, DEFAULT_RULES)


@settings(max_examples=200)
@given(
    approval_offset=st.integers(-400, 400),
    entry_offset=st.integers(-5, 60),
    as_of_offset=st.integers(0, 90),
    window=st.integers(1, 90),
)
def test_arrival_property(
    approval_offset: int, entry_offset: int, as_of_offset: int, window: int
) -> None:
    """Refused exactly when the entry is before the approval or after the recording day;
    otherwise annulled exactly when it falls after the window, else arrived."""
    rules = ProgrammeRules(arrival_window_days=window)
    approval = APPROVAL + timedelta(days=approval_offset)
    entry = approval + timedelta(days=entry_offset)
    as_of = approval + timedelta(days=as_of_offset)
    status = lifecycle.approve(approval, rules)
    if entry < approval or entry > as_of:
        with pytest.raises(TransitionRefused) as refused:
            lifecycle.record_arrival(status, entry, as_of)
        assert refused.value.field == "entry_date"
        return
    after = lifecycle.record_arrival(status, entry, as_of)
    late = entry_offset > window
    assert after.state is (S.ANNULLED if late else S.ARRIVED)
    assert (after.annul_reason is not None) is late
    assert (lifecycle.check_late_entry(status, entry) is not None) is late
    assert after.entry_date == entry
