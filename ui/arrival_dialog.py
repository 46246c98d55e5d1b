"""Record arrival: the border entry date and crossing point, checked by the case lifecycle."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ui import i18n
from ui.runner import Runner
from ui.widgets.date_field import DateField
from workstation.domain.lifecycle import TransitionRefused
from workstation.services.context import Changes
from workstation.services.desk import CaseDetail, ConfirmationNeeded, Desk

if TYPE_CHECKING:
    from ui.window import DeskWindow

# Where most applicants cross; the clerk may type any other point from the stamp. Not
# translated: the point is recorded as it is chosen (data, like an address).
COMMON_BORDER_POINTS = (
    "Astana International Airport (NQZ)",
    "Almaty International Airport (ALA)",
    "Shymkent Airport (CIT)",
    "Khorgos (road, China)",
    "Dostyk (rail, China)",
    "Zhibek Zholy (road, Uzbekistan)",
    "Kordai (road, Kyrgyzstan)",
    "Petropavlovsk (rail, Russia)",
)


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b91c1c;")
    label.setVisible(False)
    return label


class ArrivalDialog(QDialog):
    recorded = Signal(object)  # Changes

    def __init__(
        self,
        desk: Desk,
        runner: Runner,
        case_id: str,
        applicant: str,
        approval_date: date,
        window_end: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk, self._runner, self._case_id = desk, runner, case_id
        self.setWindowTitle(self.tr("Record arrival: {name}").format(name=applicant))
        self.setModal(True)

        intro = QLabel(
            self.tr(
                "Enter the date of entry stamped in the passport or on the migration card, "
                "not today's date. Approved on {approval}; entry allowed until {end}."
            ).format(approval=i18n.format_date(approval_date), end=i18n.format_date(window_end))
        )
        intro.setWordWrap(True)

        self.entry_date = DateField()
        self.entry_date.setObjectName("entryDate")
        self.entry_date_error = _error_label()
        self.entry_date_error.setObjectName("entryDateError")

        self.border_point = QComboBox()
        self.border_point.setObjectName("borderPoint")
        self.border_point.setEditable(True)
        self.border_point.addItems(COMMON_BORDER_POINTS)
        self.border_point.setCurrentIndex(-1)
        typed = self.border_point.lineEdit()
        assert typed is not None  # an editable combo box has one
        typed.setPlaceholderText(self.tr("Type or choose the crossing point"))
        self.border_point_error = _error_label()
        self.border_point_error.setObjectName("borderPointError")

        form = QFormLayout()
        form.addRow(self.tr("&Date of entry:"), self.entry_date)
        form.addRow("", self.entry_date_error)
        form.addRow(self.tr("&Border point:"), self.border_point)
        form.addRow("", self.border_point_error)

        self.general_error = _error_label()
        self.general_error.setObjectName("generalError")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveArrival")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

        self.entry_date.installEventFilter(self)
        self.entry_date.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter on the date moves on to the border point, as on the paper form.
        if (
            watched is self.entry_date
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.border_point.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def _clear_errors(self) -> None:
        for label in (self.entry_date_error, self.border_point_error, self.general_error):
            label.clear()
            label.setVisible(False)

    def _show_error(self, field: str | None, message: str) -> None:
        label = {
            "entry_date": self.entry_date_error,
            "border_point": self.border_point_error,
        }.get(field or "", self.general_error)
        label.setText(message)
        label.setVisible(True)
        target = {"entry_date": self.entry_date, "border_point": self.border_point}.get(field or "")
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self, confirm_annulment: bool = False) -> None:
        self._clear_errors()
        entry = self.entry_date.date()
        if entry is None:
            self._show_error(
                "entry_date", self.tr("Type the entry date as day.month.year, e.g. 05.11.2026.")
            )
            return
        point = self.border_point.currentText()
        desk, case_id = self._desk, self._case_id
        self.save_button.setEnabled(False)
        self._runner.command(
            lambda: desk.record_arrival(case_id, entry, point, confirm_annulment=confirm_annulment),
            self._saved,
            self._failed,
            initiator=self,
            label=self.tr("Recording the arrival…"),
        )

    def _saved(self, changes: Changes) -> None:
        self.save_button.setEnabled(True)
        self.recorded.emit(changes)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ConfirmationNeeded):
            answer = QMessageBox.question(
                self,
                self.tr("Annul the approval?"),
                self.tr("{reason}\n\nRecord this entry date and annul the case?").format(
                    reason=i18n.error_text(error)
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.save(confirm_annulment=True)
            else:
                self._show_error("entry_date", i18n.error_text(error))
            return
        if isinstance(error, TransitionRefused):
            self._show_error(error.field, i18n.error_text(error))
            return
        self._runner.show_error(error)


def open_arrival_dialog(window: DeskWindow, detail: CaseDetail) -> QDialog | None:
    """The arrival's step form: the window's one arrival dialog, as its Record arrival
    action opens it (`detail` is the case on screen, which the window reads itself)."""
    return window.record_arrival()
