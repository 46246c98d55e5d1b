"""The arrival checklist: which steps a case needs before its application can be printed.

Each step is judged from its current record (the payload of the latest event, or for the
documents the running list of attached scans) against the approved case on a given day, so
a step recorded valid may later show as expired (an old certificate, a lease that ended).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from workstation.domain import steps as rules_of
from workstation.domain.approval import ApprovedArrival
from workstation.domain.lifecycle import EventType
from workstation.domain.programme import ProgrammeRules
from workstation.domain.steps import Problem, StepInvalid
from workstation.i18n import QT_TRANSLATE_NOOP


class Step(StrEnum):
    ARRIVAL = "arrival"
    PASSPORT = "passport"
    MEDICAL = "medical"
    FINGERPRINTS = "fingerprints"
    HOUSING = "housing"
    DUTY_PERMIT = "duty_permit"
    DUTY_CARD = "duty_card"
    DOCUMENTS = "documents"


STEP_ORDER: tuple[Step, ...] = tuple(Step)

STEP_TITLES: Mapping[Step, str] = {
    Step.ARRIVAL: QT_TRANSLATE_NOOP("checklist", "Arrival in Kazakhstan"),
    Step.PASSPORT: QT_TRANSLATE_NOOP("checklist", "Passport check"),
    Step.MEDICAL: QT_TRANSLATE_NOOP("checklist", "Medical examination (form 028/u)"),
    Step.FINGERPRINTS: QT_TRANSLATE_NOOP("checklist", "Fingerprints"),
    Step.HOUSING: QT_TRANSLATE_NOOP("checklist", "Housing agreement"),
    Step.DUTY_PERMIT: QT_TRANSLATE_NOOP("checklist", "State duty: residence permit"),
    Step.DUTY_CARD: QT_TRANSLATE_NOOP("checklist", "State duty: residence card"),
    Step.DOCUMENTS: QT_TRANSLATE_NOOP("checklist", "Documents"),
}


class StepStatus(StrEnum):
    MISSING = "missing"
    RECORDED = "recorded"
    NOT_REQUIRED = "not_required"
    INVALID = "invalid"  # recorded, but it does not meet a rule (or blocks submission)
    EXPIRED = "expired"  # recorded and valid once; time has run out on it


DOCUMENT_EVENTS = frozenset({EventType.DOCUMENT_ATTACHED, EventType.DOCUMENT_REMOVED})


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
    EventType.DOCUMENT_ATTACHED: Step.DOCUMENTS,
    EventType.DOCUMENT_REMOVED: Step.DOCUMENTS,
}


def step_data(
    step: Step,
    previous: Mapping[str, Any] | None,
    event_type: EventType,
    payload: Mapping[str, Any],
    event_id: str,
) -> dict[str, Any]:
    """A step's current record after an event: the event's payload, except for documents,
    whose record is the list of scans still attached."""
    if step is Step.DOCUMENTS:
        return rules_of.documents_after(previous, event_type, payload, event_id)
    return dict(payload)


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


def _judged(step: Step, problems: list[Problem], ok_note: str = "") -> ChecklistItem:
    if not problems:
        return ChecklistItem(step, StepStatus.RECORDED, ok_note)
    expired = all(p.kind == rules_of.EXPIRED for p in problems)
    status = StepStatus.EXPIRED if expired else StepStatus.INVALID
    return ChecklistItem(step, status, rules_of.joined([p.message for p in problems]))


def _judge(
    step: Step,
    data: Mapping[str, Any],
    approval: ApprovedArrival,
    entry_date: date | None,
    today: date,
    rules: ProgrammeRules,
) -> ChecklistItem:
    try:
        if step is Step.PASSPORT:
            check = rules_of.PassportCheck.from_payload(data)
            problems = rules_of.passport_mismatches(check, approval)
            validity = rules_of.passport_validity(check.expires_on, today, rules)
            return _judged(step, problems + ([validity] if validity else []))
        if step is Step.MEDICAL:
            exam = rules_of.MedicalExam.from_payload(data)
            problems = rules_of.medical_problems(exam, entry_date, today, rules)
            if exam.result is rules_of.MedicalResult.NOT_FIT:
                problems.append(
                    Problem(
                        "result",
                        QT_TRANSLATE_NOOP(
                            "checklist", "Not fit for residence: this blocks the submission."
                        ),
                    )
                )
            return _judged(
                step,
                problems,
                QT_TRANSLATE_NOOP("checklist", "Certificate {number}").format(number=exam.number),
            )
        if step is Step.HOUSING:
            agreement = rules_of.HousingAgreement.from_payload(data)
            problems = rules_of.housing_problems(agreement, approval.city, today)
            # The agreement date and start were checked when recorded; only the end can lapse.
            lapsing = [p for p in problems if p.field not in {"signed_on", "valid_from"}]
            return _judged(step, lapsing, agreement.address)
        if step in {Step.DUTY_PERMIT, Step.DUTY_CARD}:
            payment = rules_of.DutyPayment.from_payload(data)
            problems = rules_of.duty_problems(payment, today, rules)
            return _judged(step, problems, f"{payment.amount_kzt:.2f} KZT")
        if step is Step.DOCUMENTS:
            present = rules_of.present_documents(data)
            missing = [k for k in rules_of.REQUIRED_DOCUMENTS if k not in present]
            if not missing:
                return ChecklistItem(step, StepStatus.RECORDED)
            names = rules_of.joined([rules_of.DOCUMENT_TITLES[k] for k in missing], ", ")
            return ChecklistItem(
                step,
                StepStatus.MISSING,
                QT_TRANSLATE_NOOP("checklist", "Missing: {names}.").format(names=names),
            )
    except StepInvalid as exc:
        return ChecklistItem(
            step,
            StepStatus.INVALID,
            QT_TRANSLATE_NOOP(
                "checklist", "The record is incomplete ({problem}). Record the step again."
            ).format(problem=exc.args[0]),
        )
    return ChecklistItem(step, StepStatus.RECORDED)


def evaluate(
    recorded: Mapping[Step, Mapping[str, Any]],
    approval: ApprovedArrival,
    entry_date: date | None,
    today: date,
    rules: ProgrammeRules,
) -> tuple[ChecklistItem, ...]:
    """Each step's state for an application printed `today`, from the steps' current records."""
    items = []
    for step in STEP_ORDER:
        data = recorded.get(step)
        too_young = age_on(approval.birth_date, today) < rules.fingerprint_min_age_years
        if step is Step.FINGERPRINTS and data is None and too_young:
            items.append(
                ChecklistItem(
                    step,
                    StepStatus.NOT_REQUIRED,
                    QT_TRANSLATE_NOOP(
                        "checklist", "Not required: the applicant is under {age}."
                    ).format(age=rules.fingerprint_min_age_years),
                )
            )
        elif data is None:
            missing_note = ""
            if step is Step.DOCUMENTS:
                missing_note = _judge(step, {}, approval, entry_date, today, rules).note
            items.append(ChecklistItem(step, StepStatus.MISSING, missing_note))
        else:
            items.append(_judge(step, data, approval, entry_date, today, rules))
    return tuple(items)


def is_complete(items: tuple[ChecklistItem, ...]) -> bool:
    return all(item.passes for item in items)
