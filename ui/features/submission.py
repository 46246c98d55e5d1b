"""The clerk's submission: Submit (Ctrl+Shift+S) hands a printed case to the migration
service, after a confirmation that names its due date."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from ui import labels
from ui.features import Entry, Feature, Menu, action
from ui.i18n import error_text
from workstation.domain.lifecycle import TransitionRefused
from workstation.security.roles import NotPermitted
from workstation.services.submission import SubmissionDesk

if TYPE_CHECKING:
    from ui.window import DeskWindow


class SubmissionFeature(Feature):
    def __init__(self, window: DeskWindow) -> None:
        self.window = window
        self.submission = SubmissionDesk(window.desk.context)
        self.message: QMessageBox | None = None
        self.submit_action = action(
            window,
            QCoreApplication.translate("MainWindow", "&Submit to the migration service…"),
            self.ask_submit,
            "Ctrl+Shift+S",
        )
        window.case_view.submit_requested.connect(self.ask_submit)

    def entries(self) -> Sequence[Entry]:
        return (Entry(self.submit_action, Menu.CASE, 60),)

    def ask_submit(self) -> QMessageBox | None:
        """Ask the clerk to confirm, then submit the open case."""
        detail = self.window.case_view.detail
        if detail is None:
            return None
        due = self.submission.due_date(self.window.desk.context.today())
        box = QMessageBox(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("MainWindow", "Submit the application"),
            QCoreApplication.translate(
                "MainWindow",
                "Submit the printed application of {name} to the migration service? It "
                "decides by {due} (3 working days).",
            ).format(name=detail.approval.full_name, due=labels.format_date(due)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setObjectName("submitConfirm")
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.accepted.connect(lambda: self.submit(detail.approval.case_id))
        box.open()
        self.message = box
        return box

    def submit(self, case_id: str) -> None:
        submission = self.submission
        self.window.runner.command(
            lambda: submission.submit(case_id), None, self._refused, initiator=self
        )

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, (TransitionRefused, NotPermitted, PermissionError, LookupError)):
            self.window.runner.show_error(error)
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("MainWindow", "Not submitted"),
            error_text(error),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setObjectName("submitRefused")
        box.open()
        self.message = box
