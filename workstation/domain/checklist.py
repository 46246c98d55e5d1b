"""The arrival checklist: which steps a case needs before its application can be printed.

Each step is declared once, as a `StepSpec` in `SPECS`: its title, the events that record it,
how its payload is read and judged (the rules and judges live in workstation.domain.steps),
when it is not required, the action recording it needs and the form that records it. The
projector, the services, the lifecycle's signer check, the form registry and the labels all
read these declarations.

Each step is judged from its current record (the payload of the latest event, or for the
documents the running list of attached scans) against the approved case on a given day, so
a step recorded valid may later show as expired (an old certificate, a lease that ended).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Generic, TypeVar

from workstation.domain import steps as rules_of
from workstation.domain.actions import Action
from workstation.domain.approval import ApprovedArrival
from workstation.domain.lifecycle import EventType
from workstation.domain.programme import ProgrammeRules
from workstation.domain.steps import Judged, OnDay, StepInvalid
from workstation.i18n import QT_TRANSLATE_NOOP, Template


class Step(StrEnum):
    ARRIVAL = "arrival"
    PASSPORT = "passport"
    MEDICAL = "medical"
    FINGERPRINTS = "fingerprints"
    HOUSING = "housing"
    DUTY_PERMIT = "duty_permit"
    DUTY_CARD = "duty_card"
    DOCUMENTS = "documents"


class StepStatus(StrEnum):
    MISSING = "missing"
    RECORDED = "recorded"
    NOT_REQUIRED = "not_required"
    INVALID = "invalid"  # recorded, but it does not meet a rule (or blocks submission)
    EXPIRED = "expired"  # recorded and valid once; time has run out on it


Record = TypeVar("Record")
# A step's running record after an event: (previous record, event type, payload, event id).
Fold = Callable[[Mapping[str, Any] | None, EventType, Mapping[str, Any], str], dict[str, Any]]


@dataclass(frozen=True)
class StepSpec(Generic[Record]):
    """Everything about one checklist step, in one place."""

    step: Step
    title: Template  # context "checklist"
    events: frozenset[EventType]  # the event types that record it
    permission: Action  # what recording it asks of the user's role
    # The function in ui that opens its form, as "module:function" (the core imports no ui):
    # (window, case detail) -> the dialog shown, or None.
    form: str
    # The payload read into the step's value (StepInvalid when it is malformed) and that
    # value judged on a day. A step without them passes once recorded.
    parse: Callable[[Mapping[str, Any]], Record] | None = None
    judge: Callable[[Record, OnDay], Judged] | None = None
    # When several steps share an event type: whether a payload records this one.
    selects: Callable[[Mapping[str, Any]], bool] | None = None
    # How an event changes the step's record; None: the record is the event's payload.
    fold: Fold | None = None
    # The record judged while no event has recorded the step (None: the step is missing).
    empty: Mapping[str, Any] | None = None
    # Why the step is not required of this applicant on the day (None: it is required).
    exemption: Callable[[OnDay], str | None] | None = None


SPECS: tuple[StepSpec[Any], ...] = (
    StepSpec(
        Step.ARRIVAL,
        QT_TRANSLATE_NOOP("checklist", "Arrival in Kazakhstan"),
        frozenset({EventType.ARRIVAL_RECORDED}),
        Action.RECORD_ARRIVAL,
        "ui.arrival_dialog:open_arrival_dialog",
    ),
    StepSpec(
        Step.PASSPORT,
        QT_TRANSLATE_NOOP("checklist", "Passport check"),
        frozenset({EventType.PASSPORT_CHECKED}),
        Action.RECORD_STEP,
        "ui.steps.passport_form:open_passport_form",
        parse=rules_of.PassportCheck.from_payload,
        judge=rules_of.judge_passport,
    ),
    StepSpec(
        Step.MEDICAL,
        QT_TRANSLATE_NOOP("checklist", "Medical examination (form 028/u)"),
        frozenset({EventType.MEDICAL_EXAM_RECORDED}),
        Action.RECORD_STEP,
        "ui.steps.medical_form:open_medical_form",
        parse=rules_of.MedicalExam.from_payload,
        judge=rules_of.judge_medical,
    ),
    StepSpec(
        Step.FINGERPRINTS,
        QT_TRANSLATE_NOOP("checklist", "Fingerprints"),
        frozenset({EventType.FINGERPRINTS_CAPTURED}),
        Action.CAPTURE_FINGERPRINTS,
        "ui.steps.fingerprint_screen:open_fingerprint_screen",
        exemption=rules_of.fingerprints_exemption,
    ),
    StepSpec(
        Step.HOUSING,
        QT_TRANSLATE_NOOP("checklist", "Housing agreement"),
        frozenset({EventType.HOUSING_RECORDED}),
        Action.RECORD_STEP,
        "ui.steps.housing_form:open_housing_form",
        parse=rules_of.HousingAgreement.from_payload,
        judge=rules_of.judge_housing,
    ),
    StepSpec(
        Step.DUTY_PERMIT,
        QT_TRANSLATE_NOOP("checklist", "State duty: residence permit"),
        frozenset({EventType.DUTY_PAID}),
        Action.RECORD_STEP,
        "ui.steps.duty_form:open_permit_duty_form",
        parse=rules_of.DutyPayment.from_payload,
        judge=rules_of.judge_duty,
        selects=rules_of.records_permit_duty,
    ),
    StepSpec(
        Step.DUTY_CARD,
        QT_TRANSLATE_NOOP("checklist", "State duty: residence card"),
        frozenset({EventType.DUTY_PAID}),
        Action.RECORD_STEP,
        "ui.steps.duty_form:open_card_duty_form",
        parse=rules_of.DutyPayment.from_payload,
        judge=rules_of.judge_duty,
        selects=rules_of.records_card_duty,
    ),
    StepSpec(
        Step.DOCUMENTS,
        QT_TRANSLATE_NOOP("checklist", "Documents"),
        frozenset({EventType.DOCUMENT_ATTACHED, EventType.DOCUMENT_REMOVED}),
        Action.RECORD_STEP,
        "ui.steps.documents_dialog:open_documents_dialog",
        parse=rules_of.present_documents,
        judge=rules_of.judge_documents,
        fold=rules_of.documents_after,
        empty=MappingProxyType({}),
    ),
)

_SPEC_OF: Mapping[Step, StepSpec[Any]] = MappingProxyType({spec.step: spec for spec in SPECS})
_SPECS_BY_EVENT: Mapping[EventType, tuple[StepSpec[Any], ...]] = MappingProxyType(
    {
        event_type: tuple(spec for spec in SPECS if event_type in spec.events)
        for event_type in EventType
        if any(event_type in spec.events for spec in SPECS)
    }
)

STEP_ORDER: tuple[Step, ...] = tuple(spec.step for spec in SPECS)


def spec_of(step: Step) -> StepSpec[Any]:
    return _SPEC_OF[step]


def title_of(step: Step) -> Template:
    """The step's name, translatable in context "checklist"."""
    return _SPEC_OF[step].title


def permission_of(step: Step) -> Action:
    """The action a user's role needs to record `step`."""
    return _SPEC_OF[step].permission


def recordable_steps(actions: Collection[Action]) -> frozenset[Step]:
    """The steps a role holding `actions` may record."""
    return frozenset(spec.step for spec in SPECS if spec.permission in actions)


def step_of(event_type: EventType, payload: Mapping[str, Any]) -> Step | None:
    """The checklist step an event records, if it records one."""
    for spec in _SPECS_BY_EVENT.get(event_type, ()):
        if spec.selects is None or spec.selects(payload):
            return spec.step
    return None


def step_data(
    step: Step,
    previous: Mapping[str, Any] | None,
    event_type: EventType,
    payload: Mapping[str, Any],
    event_id: str,
) -> dict[str, Any]:
    """A step's current record after an event: the event's payload, unless the step keeps a
    running record (the documents: the list of scans still attached)."""
    fold = _SPEC_OF[step].fold
    if fold is not None:
        return fold(previous, event_type, payload, event_id)
    return dict(payload)


@dataclass(frozen=True)
class ChecklistItem:
    step: Step
    status: StepStatus
    note: str = ""

    @property
    def title(self) -> str:
        return title_of(self.step)

    @property
    def passes(self) -> bool:
        return self.status in {StepStatus.RECORDED, StepStatus.NOT_REQUIRED}


def _judge(spec: StepSpec[Any], data: Mapping[str, Any], on: OnDay) -> ChecklistItem:
    if spec.parse is None or spec.judge is None:
        return ChecklistItem(spec.step, StepStatus.RECORDED)
    try:
        judged = spec.judge(spec.parse(data), on)
    except StepInvalid as exc:
        return ChecklistItem(
            spec.step,
            StepStatus.INVALID,
            QT_TRANSLATE_NOOP(
                "checklist", "The record is incomplete ({problem}). Record the step again."
            ).format(problem=exc.args[0]),
        )
    problems = judged.problems
    if not problems:
        return ChecklistItem(spec.step, StepStatus.RECORDED, judged.note)
    if all(p.kind == rules_of.MISSING for p in problems):
        status = StepStatus.MISSING
    elif all(p.kind == rules_of.EXPIRED for p in problems):
        status = StepStatus.EXPIRED
    else:
        status = StepStatus.INVALID
    return ChecklistItem(spec.step, status, rules_of.joined([p.message for p in problems]))


def evaluate(
    recorded: Mapping[Step, Mapping[str, Any]],
    approval: ApprovedArrival,
    entry_date: date | None,
    today: date,
    rules: ProgrammeRules,
) -> tuple[ChecklistItem, ...]:
    """Each step's state for an application printed `today`, from the steps' current records."""
    on = OnDay(approval, entry_date, today, rules)
    items = []
    for spec in SPECS:
        data = recorded.get(spec.step)
        exemption = spec.exemption(on) if data is None and spec.exemption is not None else None
        if exemption is not None:
            items.append(ChecklistItem(spec.step, StepStatus.NOT_REQUIRED, exemption))
            continue
        data = spec.empty if data is None else data
        if data is None:
            items.append(ChecklistItem(spec.step, StepStatus.MISSING))
        else:
            items.append(_judge(spec, data, on))
    return tuple(items)


def is_complete(items: tuple[ChecklistItem, ...]) -> bool:
    return all(item.passes for item in items)
