"""Passport check: the MRZ read (or typed), cross-checked against the approved case."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFontDatabase, QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit, QWidget

from ui import labels
from ui.runner import Runner
from ui.steps.step_form import StepForm, display_date, open_step_form
from ui.widgets.fit_window import fit_to_layout
from workstation.domain.checklist import Step
from workstation.domain.mrz import LINE_LENGTH
from workstation.services.desk import CaseDetail
from workstation.services.steps import CaseSteps, StepVersion

if TYPE_CHECKING:
    from ui.window import DeskWindow


class PassportForm(StepForm):
    def __init__(
        self, steps: CaseSteps, runner: Runner, detail: CaseDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(steps, runner, detail, Step.PASSPORT, self.tr("Passport check"), parent)
        a = detail.approval
        intro = QLabel(
            self.tr(
                "Read the passport in the reader, or type both MRZ lines (44 characters each). "
                "The desk compares it with the approved case: {number}, {nationality}, born "
                "{birth}, valid until {expiry}."
            ).format(
                number=a.passport_number,
                nationality=a.nationality,
                birth=labels.format_date(a.birth_date),
                expiry=labels.format_date(a.passport_expiry),
            )
        )
        intro.setWordWrap(True)
        self.body.insertWidget(0, intro)

        self.mrz = QPlainTextEdit()
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.mrz.setFont(font)
        self.mrz.setTabChangesFocus(True)
        self.mrz.setPlaceholderText("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C3…")
        self.mrz.setFixedHeight(self.mrz.fontMetrics().lineSpacing() * 3 + 16)
        self.mrz.setMinimumWidth(self.mrz.fontMetrics().horizontalAdvance("M" * 46))
        self.add_field("mrz", self.tr("&MRZ:"), self.mrz)
        self.mrz.installEventFilter(self)
        self.mrz.setFocus()
        fit_to_layout(self)  # the intro wraps: as high as it needs at the form's width
        self.load_history()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A reader types line 1, Enter, line 2, Enter: the second Enter (or Enter on a
        # complete MRZ) checks and saves; Ctrl+Enter always does.
        if (
            watched is self.mrz
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            lines = [line for line in self.mrz.toPlainText().split("\n") if line.strip()]
            complete = len(lines) >= 2 or (
                len(lines) == 1 and len(lines[0].strip()) == 2 * LINE_LENGTH
            )
            if complete or event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.save()
                return True
        return super().eventFilter(watched, event)

    def show_problem(self, field: str | None, message: str) -> None:
        if field is None:
            super().show_problem(field, message)
            return
        label = self.errors["mrz"]  # every mismatch of the passport goes under the MRZ
        label.setText(f"{label.text()}\n• {message}" if label.text() else f"• {message}")
        label.setVisible(True)

    def focus_field(self, field: str | None) -> None:
        self.mrz.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        self.clear_errors()
        text = self.mrz.toPlainText()
        steps, case_id = self.steps, self.case_id
        self.submit(lambda: steps.check_passport(case_id, text))

    def summarise(self, version: StepVersion) -> str:
        p = version.payload
        return self.tr("Passport {number}, valid until {expiry}: matches the case").format(
            number=p.get("number", "?"), expiry=display_date(p.get("expires_on"))
        )


def open_passport_form(window: DeskWindow, detail: CaseDetail) -> QDialog | None:
    return open_step_form(PassportForm, window, detail)
