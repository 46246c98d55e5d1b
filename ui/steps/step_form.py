"""What every step form shares: errors under their fields, Enter saves, Esc cancels, the
work on the runner, and the step's history (who recorded which version, and when)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import error_text, format_date, format_datetime, text_of
from ui.runner import Runner
from ui.widgets.date_field import DateField
from workstation.domain.checklist import Step
from workstation.domain.clock import KAZAKHSTAN_TIME
from workstation.domain.lifecycle import TransitionRefused
from workstation.domain.steps import StepInvalid
from workstation.journal.envelope import parse_instant
from workstation.services.context import Changes
from workstation.services.desk import CaseDetail
from workstation.services.steps import CaseSteps, StepVersion

if TYPE_CHECKING:
    from ui.window import DeskWindow

FormMaker = Callable[[CaseSteps, Runner, CaseDetail, QWidget], QDialog]


def error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b91c1c;")
    label.setVisible(False)
    return label


def date_edit(day: date | None, name: str) -> DateField:
    """A date field that takes typed dates, dd.mm.yyyy, with the dots already there."""
    edit = DateField(day)
    edit.setObjectName(name)
    return edit


def set_date(edit: DateField, iso: object) -> None:
    """Put a recorded ISO date into a field; an unreadable one leaves the field as it is."""
    try:
        edit.set_date(date.fromisoformat(str(iso)))
    except ValueError:
        return


def display_date(iso: object) -> str:
    try:
        return format_date(date.fromisoformat(str(iso)))
    except ValueError:
        return str(iso)


class StepForm(QDialog):
    """A modal form over the case: nothing is saved until the service accepts the whole step."""

    recorded = Signal(object)  # Changes

    def __init__(
        self,
        steps: CaseSteps,
        runner: Runner,
        detail: CaseDetail,
        step: Step,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.steps, self.runner, self.detail, self.step = steps, runner, detail, step
        self.case_id = detail.approval.case_id
        a = detail.approval
        self.setWindowTitle(
            QCoreApplication.translate("StepForm", "{title}: {name}").format(
                title=title, name=f"{a.surname} {a.given_names}"
            )
        )
        self.setModal(True)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.form = QFormLayout()
        self.general_error = error_label()
        self.general_error.setObjectName("generalError")

        self.history = QTreeWidget()
        self.history.setObjectName("history")
        self.history.setColumnCount(3)
        self.history.setHeaderLabels(
            [
                QCoreApplication.translate("StepForm", "Recorded"),
                QCoreApplication.translate("StepForm", "By"),
                QCoreApplication.translate("StepForm", "What"),
            ]
        )
        self.history.setRootIsDecorated(False)
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.history.setMaximumHeight(110)
        self.history.setColumnWidth(0, 130)
        self.history_box = QGroupBox(QCoreApplication.translate("StepForm", "History of this step"))
        QVBoxLayout(self.history_box).addWidget(self.history)
        self.history_box.setVisible(False)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)
        self.body.addWidget(self.general_error)
        self.body.addWidget(self.history_box)
        self.body.addWidget(self.buttons)
        self.setMinimumWidth(560)

    # Building ------------------------------------------------------------------------------

    def add_field(self, name: str, label: str, widget: QWidget) -> QWidget:
        """A row in tab order with its own error line under it."""
        widget.setObjectName(name)
        error = error_label()
        error.setObjectName(f"{name}Error")
        self.form.addRow(label, widget)
        self.form.addRow("", error)
        self.fields[name] = widget
        self.errors[name] = error
        return widget

    def load_history(self) -> None:
        steps, case_id, step = self.steps, self.case_id, self.step
        self.runner.run(lambda: steps.step_history(case_id, step), self._show_history)

    def _show_history(self, versions: list[StepVersion]) -> None:
        self.history.clear()
        for version in reversed(versions):  # newest first
            when = parse_instant(version.recorded_at).astimezone(KAZAKHSTAN_TIME)
            what = self.summarise(version)
            if not version.current:
                what = QCoreApplication.translate("StepForm", "superseded: {what}").format(
                    what=what
                )
            row = QTreeWidgetItem([format_datetime(when), version.actor_iin, what])
            row.setToolTip(2, what)
            self.history.addTopLevelItem(row)
        self.history_box.setVisible(bool(versions))

    def summarise(self, version: StepVersion) -> str:
        return ", ".join(str(v) for v in version.payload.values() if v not in (None, ""))

    # Saving --------------------------------------------------------------------------------

    def clear_errors(self) -> None:
        for label in (*self.errors.values(), self.general_error):
            label.clear()
            label.setVisible(False)

    def show_problem(self, field: str | None, message: str) -> None:
        label = self.errors.get(field or "")
        if label is None:
            label = self.general_error
            if label.text():
                message = label.text() + "\n" + message
        elif label.text():
            message = label.text() + " " + message
        label.setText(message)
        label.setVisible(True)

    def typed_dates(self, *names: str) -> list[date] | None:
        """The dates typed in these fields, or None after saying under each which is not one."""
        values: list[date] = []
        for name in names:
            field = self.fields[name]
            value = field.date() if isinstance(field, DateField) else None
            if value is None:
                self.show_problem(
                    name,
                    QCoreApplication.translate(
                        "StepForm", "Type the date as day.month.year, e.g. 05.11.2026."
                    ),
                )
            else:
                values.append(value)
        return values if len(values) == len(names) else None

    def submit(self, work: Callable[[], Changes]) -> None:
        self.save_button.setEnabled(False)
        self.runner.command(
            work,
            self._saved,
            self._failed,
            initiator=self,
            label=QCoreApplication.translate("StepForm", "Saving…"),
        )

    def save(self) -> None:
        raise NotImplementedError

    def _saved(self, changes: Changes) -> None:
        self.save_button.setEnabled(True)
        self.recorded.emit(changes)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, StepInvalid):
            for problem in error.problems:
                self.show_problem(problem.field, text_of(problem.message))
            self.focus_field(error.field)
            return
        if isinstance(error, TransitionRefused):
            self.show_problem(error.field, error_text(error))
            self.focus_field(error.field)
            return
        self.runner.show_error(error)

    def focus_field(self, field: str | None) -> None:
        widget = self.fields.get(field or "")
        if widget is not None and widget.isEnabled():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)


def open_step_form(make: FormMaker, window: DeskWindow, detail: CaseDetail) -> QDialog | None:
    """Open a step's form for the case on screen (non-blocking), or None when the case is not
    at the desk: what every step's opener does, with the form `make` builds."""
    if not detail.can_record_steps:
        return None
    form = make(CaseSteps(window.desk.context), window.runner, detail, window)
    form.open()
    return form
