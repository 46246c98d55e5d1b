"""Which form records which checklist step. The case view offers only steps listed here."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QDialog

from workstation.domain.checklist import Step
from workstation.services.desk import CaseDetail

if TYPE_CHECKING:
    from ui.main_window import MainWindow

# An opener shows the step's form for the case in the window (non-blocking) and returns it,
# or None when the step cannot be recorded for this case now.
StepOpener = Callable[["MainWindow", CaseDetail], QDialog | None]


def _arrival(window: MainWindow, detail: CaseDetail) -> QDialog | None:
    return window.record_arrival()


def _on_first_use(module: str, function: str) -> StepOpener:
    """Import a form's module when the clerk first opens it, not at start-up (the forms,
    the scanner client and pypdf add a quarter of a second to a cold start)."""

    def open_form(window: MainWindow, detail: CaseDetail) -> QDialog | None:
        opener = cast(StepOpener, getattr(importlib.import_module(module), function))
        return opener(window, detail)

    return open_form


def openers() -> dict[Step, StepOpener]:
    return {
        Step.ARRIVAL: _arrival,
        Step.FINGERPRINTS: _on_first_use("ui.steps.fingerprint_screen", "open_fingerprint_screen"),
        Step.PASSPORT: _on_first_use("ui.steps.passport_form", "open_passport_form"),
        Step.MEDICAL: _on_first_use("ui.steps.medical_form", "open_medical_form"),
        Step.HOUSING: _on_first_use("ui.steps.housing_form", "open_housing_form"),
        Step.DUTY_PERMIT: _on_first_use("ui.steps.duty_form", "open_permit_duty_form"),
        Step.DUTY_CARD: _on_first_use("ui.steps.duty_form", "open_card_duty_form"),
        Step.DOCUMENTS: _on_first_use("ui.steps.documents_dialog", "open_documents_dialog"),
    }
