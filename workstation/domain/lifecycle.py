"""The case lifecycle: which event is legal in which state, and why not, with no UI in it.

The same rules run on the desk before an event is written and again on every desk when a
pulled event is applied, so all desks reach the same state from the same journal.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from workstation.domain.programme import ProgrammeRules
from workstation.i18n import QT_TRANSLATE_NOOP, Template


class CaseState(StrEnum):
    APPROVED = "approved"  # preliminary approval pulled; waiting for the applicant's entry
    ARRIVED = "arrived"  # border entry recorded; the desk's steps are being recorded
    STEPS_RECORDED = "steps_recorded"  # every step recorded and valid: ready to print
    PRINTED = "printed"
    SUBMITTED = "submitted"  # handed to the migration service, waiting for an officer
    UNDER_REVIEW = "under_review"
    ISSUED = "issued"
    REFUSED = "refused"
    ANNULLED = "annulled"


FINAL_STATES = frozenset({CaseState.ISSUED, CaseState.REFUSED, CaseState.ANNULLED})
# States in which the desk may still record or correct the applicant's steps.
DESK_STATES = frozenset({CaseState.ARRIVED, CaseState.STEPS_RECORDED, CaseState.PRINTED})
# States in which a border entry may be recorded or corrected.
ARRIVAL_STATES = frozenset({CaseState.APPROVED, *DESK_STATES})
# States in which the application may be printed: for the first time, or again.
PRINTABLE_STATES = frozenset({CaseState.STEPS_RECORDED, CaseState.PRINTED})
# States in which the migration service has the application and an officer may decide.
DECIDABLE_STATES = frozenset({CaseState.SUBMITTED, CaseState.UNDER_REVIEW})


class EventType(StrEnum):
    ARRIVAL_APPROVED = "ArrivalApproved"
    ARRIVAL_RECORDED = "ArrivalRecorded"
    PASSPORT_CHECKED = "PassportChecked"
    MEDICAL_EXAM_RECORDED = "MedicalExamRecorded"
    FINGERPRINTS_CAPTURED = "FingerprintsCaptured"
    HOUSING_RECORDED = "HousingRecorded"
    DUTY_PAID = "DutyPaid"
    DOCUMENT_ATTACHED = "DocumentAttached"
    DOCUMENT_REMOVED = "DocumentRemoved"
    APPLICATION_PRINTED = "ApplicationPrinted"
    APPLICATION_SUBMITTED = "ApplicationSubmitted"
    REVIEW_STARTED = "ReviewStarted"
    DECISION_RECORDED = "DecisionRecorded"
    ANNULLED = "Annulled"


STEP_EVENTS = frozenset(
    {
        EventType.PASSPORT_CHECKED,
        EventType.MEDICAL_EXAM_RECORDED,
        EventType.FINGERPRINTS_CAPTURED,
        EventType.HOUSING_RECORDED,
        EventType.DUTY_PAID,
        EventType.DOCUMENT_ATTACHED,
        EventType.DOCUMENT_REMOVED,
    }
)


# The annulment reason of an entry after the window; cases.annul_reason stores it in English.
LATE_ENTRY_ANNULS = QT_TRANSLATE_NOOP(
    "lifecycle",
    "Entered on {date}, after the arrival window closed on {closed}; the approval is annulled.",
)


class TransitionRefused(ValueError):
    """An event is not legal for the case now. `field` names the form field to blame, if any."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class ReapplyLocked(TransitionRefused):
    """The case is an approval of a person refused less than a year ago: nothing more may
    be recorded on it (DOMAIN.md, step 6). The message names the refusal and its date."""


@dataclass(frozen=True)
class CaseStatus:
    """What the lifecycle needs to know about a case; projections keep it per case."""

    state: CaseState
    approval_date: date
    window_end: date  # last calendar day on which the applicant may enter Kazakhstan
    entry_date: date | None = None
    annul_reason: str | None = None
    decision: str | None = None
    # Set when the approval re-applies within a year of a refusal (cases.reapply_lock).
    reapply_lock: str | None = None


def check_not_locked(status: CaseStatus) -> None:
    """ReapplyLocked if the case may not be processed because of an earlier refusal."""
    if status.reapply_lock:
        raise ReapplyLocked(status.reapply_lock)


def window_end(approval_date: date, rules: ProgrammeRules) -> date:
    return approval_date + timedelta(days=rules.arrival_window_days)


def days_left(status: CaseStatus, today: date) -> int:
    """Calendar days left to enter Kazakhstan; negative once the window has closed."""
    return (status.window_end - today).days


def window_closed_without_entry(status: CaseStatus, today: date) -> bool:
    """The approval lapses when no entry is known after the window (DOMAIN.md, step 3).

    It stays recordable: an applicant who crossed the border in time but reaches the desk
    later keeps the approval, so an in-window entry date still moves the case on.
    """
    return status.state is CaseState.APPROVED and today > status.window_end


def effective_state(status: CaseStatus, today: date) -> CaseState:
    if window_closed_without_entry(status, today):
        return CaseState.ANNULLED
    return status.state


def approve(approval_date: date, rules: ProgrammeRules) -> CaseStatus:
    return CaseStatus(
        state=CaseState.APPROVED,
        approval_date=approval_date,
        window_end=window_end(approval_date, rules),
    )


def record_arrival(status: CaseStatus, entry_date: date, as_of: date) -> CaseStatus:
    """Apply a border entry date recorded on `as_of` (the local date the event was made).

    An entry after the window does not refuse: it is a fact, and by law the approval is
    then annulled. An entry before the approval or in the future cannot be true: refused.
    """
    check_not_locked(status)
    if status.state not in ARRIVAL_STATES:
        raise TransitionRefused(
            QT_TRANSLATE_NOOP("lifecycle", "Cannot record the arrival: the case {state}.").format(
                state=describe_state(status.state)
            )
        )
    if entry_date > as_of:
        raise TransitionRefused(
            QT_TRANSLATE_NOOP(
                "lifecycle",
                "The entry date {date} is in the future. "
                "Enter the date stamped in the passport or on the migration card.",
            ).format(date=_fmt(entry_date)),
            field="entry_date",
        )
    if entry_date < status.approval_date:
        raise TransitionRefused(
            QT_TRANSLATE_NOOP(
                "lifecycle",
                "The entry date {date} is before the preliminary approval of {approved}. "
                "Only an entry after the approval counts: check the latest entry stamp.",
            ).format(date=_fmt(entry_date), approved=_fmt(status.approval_date)),
            field="entry_date",
        )
    if entry_date > status.window_end:
        return replace(
            status,
            state=CaseState.ANNULLED,
            entry_date=entry_date,
            # Stored in cases.annul_reason as this English text.
            annul_reason=LATE_ENTRY_ANNULS.format(
                date=_fmt(entry_date), closed=_fmt(status.window_end)
            ),
        )
    # A correction of the entry date after printing means the printed form is wrong.
    state = CaseState.ARRIVED if status.state is CaseState.APPROVED else status.state
    if state is CaseState.PRINTED:
        state = CaseState.STEPS_RECORDED
    return replace(status, state=state, entry_date=entry_date)


def check_late_entry(status: CaseStatus, entry_date: date) -> str | None:
    """The warning a clerk must confirm before recording an entry that annuls the case."""
    if entry_date > status.window_end:
        return QT_TRANSLATE_NOOP(
            "lifecycle",
            "The entry date is after the arrival window closed on {closed}. "
            "Recording it annuls the preliminary approval.",
        ).format(closed=_fmt(status.window_end))
    return None


def record_step(status: CaseStatus, checklist_complete: bool) -> CaseStatus:
    """A step (medical exam, housing, ...) recorded or corrected; its own rules ran before."""
    check_not_locked(status)
    if status.state not in DESK_STATES:
        if status.state is CaseState.APPROVED:
            raise TransitionRefused(
                QT_TRANSLATE_NOOP(
                    "lifecycle",
                    "Record the applicant's arrival first: steps can only be recorded "
                    "for an applicant who has entered Kazakhstan.",
                )
            )
        raise TransitionRefused(
            _not_now(
                QT_TRANSLATE_NOOP(
                    "lifecycle", "Cannot change the applicant's steps: the case {state}."
                ),
                status.state,
            )
        )
    state = CaseState.STEPS_RECORDED if checklist_complete else CaseState.ARRIVED
    return replace(status, state=state)


def record_print(status: CaseStatus) -> CaseStatus:
    if status.state not in PRINTABLE_STATES:
        raise TransitionRefused(
            _not_now(
                QT_TRANSLATE_NOOP("lifecycle", "Cannot print the application: the case {state}."),
                status.state,
            )
        )
    return replace(status, state=CaseState.PRINTED)


def record_submission(status: CaseStatus) -> CaseStatus:
    if status.state is not CaseState.PRINTED:
        if status.state in DECIDABLE_STATES:
            raise TransitionRefused(
                QT_TRANSLATE_NOOP("lifecycle", "The application has already been submitted.")
            )
        raise TransitionRefused(
            _not_now(
                QT_TRANSLATE_NOOP("lifecycle", "Cannot submit the application: the case {state}."),
                status.state,
            )
        )
    return replace(status, state=CaseState.SUBMITTED)


def record_review_started(status: CaseStatus) -> CaseStatus:
    if status.state not in DECIDABLE_STATES:
        raise TransitionRefused(
            _not_now(
                QT_TRANSLATE_NOOP("lifecycle", "Cannot review the application: the case {state}."),
                status.state,
            )
        )
    return replace(status, state=CaseState.UNDER_REVIEW)


def record_decision(status: CaseStatus, decision: str) -> CaseStatus:
    if status.state not in DECIDABLE_STATES:
        raise TransitionRefused(
            _not_now(
                QT_TRANSLATE_NOOP(
                    "lifecycle", "Cannot decide on the application: the case {state}."
                ),
                status.state,
            )
        )
    if decision not in {"issued", "refused"}:
        raise TransitionRefused(
            QT_TRANSLATE_NOOP(
                "lifecycle", "Unknown decision {decision}: expected issued or refused"
            ).format(decision=repr(decision))
        )
    state = CaseState.ISSUED if decision == "issued" else CaseState.REFUSED
    return replace(status, state=state, decision=decision)


def annul(status: CaseStatus, reason: str) -> CaseStatus:
    if status.state in FINAL_STATES:
        raise TransitionRefused(
            _not_now(
                QT_TRANSLATE_NOOP("lifecycle", "Cannot annul the case: the case {state}."),
                status.state,
            )
        )
    return replace(status, state=CaseState.ANNULLED, annul_reason=reason)


def apply_event(
    status: CaseStatus | None,
    event_type: EventType,
    payload: dict[str, Any],
    as_of: date,
    rules: ProgrammeRules,
    checklist_complete: bool = False,
) -> CaseStatus:
    """The one entry point projections use: the state after `event_type`, or a refusal."""
    if event_type is EventType.ARRIVAL_APPROVED:
        if status is not None:
            raise TransitionRefused(
                QT_TRANSLATE_NOOP("lifecycle", "This case has already been approved and pulled.")
            )
        return approve(_payload_date(payload, "approval_date"), rules)
    if status is None:
        raise TransitionRefused(
            QT_TRANSLATE_NOOP("lifecycle", "No approved arrival is known for this case yet.")
        )
    check_not_locked(status)
    if event_type is EventType.ARRIVAL_RECORDED:
        return record_arrival(status, _payload_date(payload, "entry_date"), as_of)
    if event_type in STEP_EVENTS:
        return record_step(status, checklist_complete)
    if event_type is EventType.APPLICATION_PRINTED:
        return record_print(status)
    if event_type is EventType.APPLICATION_SUBMITTED:
        return record_submission(status)
    if event_type is EventType.REVIEW_STARTED:
        return record_review_started(status)
    if event_type is EventType.DECISION_RECORDED:
        return record_decision(status, str(payload.get("decision")))
    if event_type is EventType.ANNULLED:
        return annul(status, str(payload.get("reason") or "annulled"))
    raise TransitionRefused(
        QT_TRANSLATE_NOOP(
            "lifecycle",
            "This desk cannot apply an event of type {type} (made by a newer version of "
            "DNR Workstation): it is kept and the case flagged. Update this desk.",
        ).format(type=str(event_type))
    )


def _payload_date(payload: dict[str, Any], name: str) -> date:
    # A malformed pulled event must be a refusal (journalled and flagged), never an
    # exception that aborts the pull batch on every retry.
    raw = payload.get(name)
    try:
        return date.fromisoformat(str(raw))
    except ValueError:
        raise TransitionRefused(
            QT_TRANSLATE_NOOP("lifecycle", "The event's {name} is not a date (got {raw}).").format(
                name=name.replace("_", " "), raw=repr(raw)
            ),
            field=name,
        ) from None


_STATE_WORDS: dict[CaseState, Template] = {
    CaseState.APPROVED: QT_TRANSLATE_NOOP("lifecycle", "is waiting for the applicant's arrival"),
    CaseState.ARRIVED: QT_TRANSLATE_NOOP("lifecycle", "is still collecting the applicant's steps"),
    CaseState.STEPS_RECORDED: QT_TRANSLATE_NOOP("lifecycle", "is ready to print"),
    CaseState.PRINTED: QT_TRANSLATE_NOOP("lifecycle", "has been printed"),
    CaseState.SUBMITTED: QT_TRANSLATE_NOOP(
        "lifecycle", "has been submitted to the migration service"
    ),
    CaseState.UNDER_REVIEW: QT_TRANSLATE_NOOP(
        "lifecycle", "is under review by the migration service"
    ),
    CaseState.ISSUED: QT_TRANSLATE_NOOP("lifecycle", "is closed: the permit was issued"),
    CaseState.REFUSED: QT_TRANSLATE_NOOP("lifecycle", "is closed: the application was refused"),
    CaseState.ANNULLED: QT_TRANSLATE_NOOP("lifecycle", "is annulled"),
}


def describe_state(state: CaseState) -> Template:
    """What the case is doing, to follow "the case ...": translatable (context "lifecycle")."""
    return _STATE_WORDS[state]


def _not_now(sentence: Template, state: CaseState) -> str:
    """`sentence` ("Cannot ...: the case {state}.") about a case in `state`."""
    return sentence.format(state=describe_state(state))


def _fmt(day: date) -> str:
    return f"{day:%d.%m.%Y}"
