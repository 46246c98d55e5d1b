"""Translatable words for the core's states, steps and filters, and how dates are shown."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from workstation.domain.checklist import Step, StepStatus
from workstation.domain.lifecycle import CaseState
from workstation.services.worklist import DeadlineFilter, StatusFilter


def _tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def state_label(state: CaseState) -> str:
    return {
        CaseState.APPROVED: _tr("Awaiting arrival"),
        CaseState.ARRIVED: _tr("Arrived: steps in progress"),
        CaseState.STEPS_RECORDED: _tr("Ready to print"),
        CaseState.PRINTED: _tr("Printed"),
        CaseState.SUBMITTED: _tr("Submitted"),
        CaseState.UNDER_REVIEW: _tr("Under review"),
        CaseState.ISSUED: _tr("Permit issued"),
        CaseState.REFUSED: _tr("Refused"),
        CaseState.ANNULLED: _tr("Annulled"),
    }[state]


def window_closed_label() -> str:
    return _tr("Window closed: no entry recorded")


def step_label(step: Step) -> str:
    return {
        Step.ARRIVAL: _tr("Arrival in Kazakhstan"),
        Step.PASSPORT: _tr("Passport check"),
        Step.MEDICAL: _tr("Medical examination (form 028/u)"),
        Step.FINGERPRINTS: _tr("Fingerprints"),
        Step.HOUSING: _tr("Housing agreement"),
        Step.DUTY_PERMIT: _tr("State duty: residence permit"),
        Step.DUTY_CARD: _tr("State duty: residence card"),
        Step.DOCUMENTS: _tr("Documents"),
    }[step]


def step_status_label(status: StepStatus) -> str:
    return {
        StepStatus.MISSING: _tr("Missing"),
        StepStatus.RECORDED: _tr("Recorded"),
        StepStatus.NOT_REQUIRED: _tr("Not required"),
        StepStatus.INVALID: _tr("Invalid"),
        StepStatus.EXPIRED: _tr("Expired"),
    }[status]


def status_filter_label(value: StatusFilter) -> str:
    return {
        StatusFilter.OPEN_AT_DESK: _tr("Open at the desk"),
        StatusFilter.AWAITING_ARRIVAL: _tr("Awaiting arrival"),
        StatusFilter.IN_PROGRESS: _tr("Arrived: steps in progress"),
        StatusFilter.READY_TO_PRINT: _tr("Ready to print"),
        StatusFilter.PRINTED: _tr("Printed"),
        StatusFilter.WITH_MIGRATION_SERVICE: _tr("With the migration service"),
        StatusFilter.DECIDED: _tr("Decided"),
        StatusFilter.ANNULLED: _tr("Annulled or window closed"),
        StatusFilter.ALL: _tr("All cases"),
    }[value]


def deadline_filter_label(value: DeadlineFilter) -> str:
    return {
        DeadlineFilter.ANY: _tr("Any days left"),
        DeadlineFilter.WITHIN_3_DAYS: _tr("3 days or fewer"),
        DeadlineFilter.WITHIN_7_DAYS: _tr("7 days or fewer"),
        DeadlineFilter.WITHIN_14_DAYS: _tr("14 days or fewer"),
    }[value]


def format_date(value: date | None) -> str:
    # Kazakhstan writes dates day first with dots, in all three languages of the desk.
    return value.strftime("%d.%m.%Y") if value else ""


def days_left_text(days: int) -> str:
    if days < 0:
        return _tr("closed")
    if days == 0:
        return _tr("last day")
    return str(days)


# Colours for days left in the arrival window: closed, urgent (3 days or fewer), more.
CLOSED_COLOUR = QColor("#6b7280")
URGENT_COLOUR = QColor("#b91c1c")
SOON_COLOUR = QColor("#b45309")
OK_COLOUR = QColor("#15803d")


def days_left_colour(days: int, urgent_days: int) -> QColor:
    if days < 0:
        return CLOSED_COLOUR
    if days <= urgent_days:
        return URGENT_COLOUR
    if days <= 7:
        return SOON_COLOUR
    return OK_COLOUR
