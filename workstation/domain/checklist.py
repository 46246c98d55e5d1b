"""The arrival checklist: which steps a case needs before its application can be printed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from workstation.domain.lifecycle import EventType


class Step(StrEnum):
    ARRIVAL = "arrival"
    PASSPORT = "passport"
    MEDICAL = "medical"
    FINGERPRINTS = "fingerprints"
    HOUSING = "housing"
    DUTY_PERMIT = "duty_permit"
    DUTY_CARD = "duty_card"


STEP_ORDER: tuple[Step, ...] = tuple(Step)

STEP_TITLES: Mapping[Step, str] = {
    Step.ARRIVAL: "Arrival in Kazakhstan",
    Step.PASSPORT: "Passport check",
    Step.MEDICAL: "Medical examination (form 028/u)",
    Step.FINGERPRINTS: "Fingerprints",
    Step.HOUSING: "Housing agreement",
    Step.DUTY_PERMIT: "State duty: residence permit",
    Step.DUTY_CARD: "State duty: residence card",
}


class StepStatus(StrEnum):
    MISSING = "missing"
    RECORDED = "recorded"
    NOT_REQUIRED = "not_required"


def step_of(event_type: EventType, payload: Mapping[str, Any]) -> Step | None:
    """The checklist step an event records, if it records one."""
    if event_type is EventType.DUTY_PAID:
        return Step.DUTY_CARD if payload.get("kind") == "card" else Step.DUTY_PERMIT
    return _STEP_BY_EVENT.get(event_type)


_STEP_BY_EVENT: Mapping[EventType, Step] = {
    EventType.ARRIVAL_RECORDED: Step.ARRIVAL,
    EventType.PASSPORT_CHECKED: Step.PASSPORT,
    EventType.MEDICAL_EXAM_RECORDED: Step.MEDICAL,
    EventType.FINGERPRINTS_CAPTURED: Step.FINGERPRINTS,
    EventType.HOUSING_RECORDED: Step.HOUSING,
}


@dataclass(frozen=True)
class ChecklistItem:
    step: Step
    status: StepStatus
    note: str = ""

    @property
    def title(self) -> str:
        return STEP_TITLES[self.step]

    @property
    def passes(self) -> bool:
        return self.status in {StepStatus.RECORDED, StepStatus.NOT_REQUIRED}


def age_on(birth_date: date, day: date) -> int:
    years = day.year - birth_date.year
    if (day.month, day.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def evaluate(
    recorded: frozenset[Step], birth_date: date, today: date, fingerprint_min_age: int
) -> tuple[ChecklistItem, ...]:
    items = []
    for step in STEP_ORDER:
        if step in recorded:
            items.append(ChecklistItem(step, StepStatus.RECORDED))
        elif step is Step.FINGERPRINTS and age_on(birth_date, today) < fingerprint_min_age:
            items.append(
                ChecklistItem(
                    step,
                    StepStatus.NOT_REQUIRED,
                    f"Not required: the applicant is under {fingerprint_min_age}.",
                )
            )
        else:
            items.append(ChecklistItem(step, StepStatus.MISSING))
    return tuple(items)


def is_complete(items: tuple[ChecklistItem, ...]) -> bool:
    return all(item.passes for item in items)
