"""Each checklist step is declared once (domain.checklist.SPECS) and everything agrees with
the declaration: the events that record it, the permission it asks and where its form is."""

from __future__ import annotations

import re
from typing import Any

import pytest

from workstation.domain.actions import Action
from workstation.domain.checklist import (
    SPECS,
    STEP_ORDER,
    Step,
    permission_of,
    recordable_steps,
    spec_of,
    step_of,
    title_of,
)
from workstation.domain.lifecycle import STEP_EVENTS, EventType
from workstation.journal.signing import action_for
from workstation.security.roles import PERMISSIONS, Role

# A payload that selects the step where several steps share an event type.
SELECTING: dict[Step, dict[str, Any]] = {
    Step.DUTY_PERMIT: {"kind": "permit"},
    Step.DUTY_CARD: {"kind": "card"},
}


def test_every_step_has_exactly_one_spec_in_the_steps_order() -> None:
    assert [spec.step for spec in SPECS] == list(Step)
    assert tuple(Step) == STEP_ORDER
    assert all(spec_of(step).step is step for step in Step)


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: str(s.step))
def test_each_event_of_a_spec_maps_back_to_its_step(spec: Any) -> None:
    assert spec.events
    for event_type in spec.events:
        assert step_of(event_type, SELECTING.get(spec.step, {})) is spec.step


def test_steps_sharing_an_event_each_select_their_payloads_and_ask_the_same_permission() -> None:
    for event_type in EventType:
        sharing = [spec for spec in SPECS if event_type in spec.events]
        if len(sharing) > 1:
            assert all(spec.selects is not None for spec in sharing), event_type
            assert len({spec.permission for spec in sharing}) == 1, event_type
            for spec in sharing:
                chosen = [s.step for s in sharing if s.selects(SELECTING[spec.step])]
                assert chosen == [spec.step]


def test_every_event_type_that_records_a_step_has_a_spec_and_no_other_does() -> None:
    declared = frozenset().union(*(spec.events for spec in SPECS))
    assert declared == STEP_EVENTS | {EventType.ARRIVAL_RECORDED}
    assert step_of(EventType.APPLICATION_PRINTED, {}) is None


def test_the_arrival_asks_record_arrival_and_fingerprints_their_capture() -> None:
    assert permission_of(Step.ARRIVAL) is Action.RECORD_ARRIVAL
    assert permission_of(Step.FINGERPRINTS) is Action.CAPTURE_FINGERPRINTS
    others = set(Step) - {Step.ARRIVAL, Step.FINGERPRINTS}
    assert {permission_of(step) for step in others} == {Action.RECORD_STEP}


def test_a_signed_step_event_asks_its_signer_for_the_steps_permission() -> None:
    for spec in SPECS:
        for event_type in spec.events:
            assert action_for(event_type) is spec.permission


def test_only_a_clerk_records_steps() -> None:
    assert recordable_steps(PERMISSIONS[Role.CLERK]) == frozenset(Step)
    for role in (Role.MIGRATION_OFFICER, Role.SUPERVISOR, Role.ADMINISTRATOR):
        assert recordable_steps(PERMISSIONS[role]) == frozenset()


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: str(s.step))
def test_a_spec_is_whole(spec: Any) -> None:
    assert title_of(spec.step).context == "checklist"
    # The core names a function of ui without importing it (tests/ui checks it resolves).
    assert re.fullmatch(r"ui(\.[a-z_]+)+:[a-z_]+", spec.form), spec.form
    assert (spec.parse is None) == (spec.judge is None)
