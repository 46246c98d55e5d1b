"""Translatable words for the core's states, steps and filters, and how dates are shown."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from ui import i18n
from workstation.domain.checklist import Step, StepStatus, title_of
from workstation.domain.lifecycle import CaseState
from workstation.services.worklist import DeadlineFilter, StatusFilter


def state_label(state: CaseState) -> str:
    return {
        CaseState.APPROVED: QCoreApplication.translate("labels", "Awaiting arrival"),
        CaseState.ARRIVED: QCoreApplication.translate("labels", "Arrived: steps in progress"),
        CaseState.STEPS_RECORDED: QCoreApplication.translate("labels", "Ready to print"),
        CaseState.PRINTED: QCoreApplication.translate("labels", "Printed"),
        CaseState.SUBMITTED: QCoreApplication.translate("labels", "Submitted"),
        CaseState.UNDER_REVIEW: QCoreApplication.translate("labels", "Under review"),
        CaseState.ISSUED: QCoreApplication.translate("labels", "Permit issued"),
        CaseState.REFUSED: QCoreApplication.translate("labels", "Refused"),
        CaseState.ANNULLED: QCoreApplication.translate("labels", "Annulled"),
    }[state]


def window_closed_label() -> str:
    return QCoreApplication.translate("labels", "Window closed: no entry recorded")


def step_label(step: Step) -> str:
    """The step's title from its declaration (translated in context "checklist")."""
    return i18n.text_of(title_of(step))


def step_status_label(status: StepStatus) -> str:
    return {
        StepStatus.MISSING: QCoreApplication.translate("labels", "Missing"),
        StepStatus.RECORDED: QCoreApplication.translate("labels", "Recorded"),
        StepStatus.NOT_REQUIRED: QCoreApplication.translate("labels", "Not required"),
        StepStatus.INVALID: QCoreApplication.translate("labels", "Invalid"),
        StepStatus.EXPIRED: QCoreApplication.translate("labels", "Expired"),
    }[status]


def status_filter_label(value: StatusFilter) -> str:
    return {
        StatusFilter.OPEN_AT_DESK: QCoreApplication.translate("labels", "Open at the desk"),
        StatusFilter.AWAITING_ARRIVAL: QCoreApplication.translate("labels", "Awaiting arrival"),
        StatusFilter.IN_PROGRESS: QCoreApplication.translate(
            "labels", "Arrived: steps in progress"
        ),
        StatusFilter.READY_TO_PRINT: QCoreApplication.translate("labels", "Ready to print"),
        StatusFilter.PRINTED: QCoreApplication.translate("labels", "Printed"),
        StatusFilter.WITH_MIGRATION_SERVICE: QCoreApplication.translate(
            "labels", "With the migration service"
        ),
        StatusFilter.DECIDED: QCoreApplication.translate("labels", "Decided"),
        StatusFilter.ANNULLED: QCoreApplication.translate("labels", "Annulled or window closed"),
        StatusFilter.ALL: QCoreApplication.translate("labels", "All cases"),
    }[value]


def deadline_filter_label(value: DeadlineFilter) -> str:
    return {
        DeadlineFilter.ANY: QCoreApplication.translate("labels", "Any days left"),
        DeadlineFilter.WITHIN_3_DAYS: QCoreApplication.translate("labels", "3 days or fewer"),
        DeadlineFilter.WITHIN_7_DAYS: QCoreApplication.translate("labels", "7 days or fewer"),
        DeadlineFilter.WITHIN_14_DAYS: QCoreApplication.translate("labels", "14 days or fewer"),
    }[value]


def format_date(value: date | None) -> str:
    """The date the desk's way (dd.mm.yyyy in all three languages): see `ui.i18n.format_date`."""
    return i18n.format_date(value)


def days_left_text(days: int) -> str:
    if days < 0:
        return QCoreApplication.translate("labels", "closed")
    if days == 0:
        return QCoreApplication.translate("labels", "last day")
    return i18n.format_number(days)


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
