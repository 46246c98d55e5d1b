"""What this desk pulled and refused to apply: approvals and events whose signature,
certificate or signer is not valid, and central rows it cannot read."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui import i18n
from workstation.services.quarantine import QuarantinedApproval


def _date_text(value: str) -> str:
    """The approval date from the event (yyyy-mm-dd) the desk's way; as it is if not a date."""
    try:
        return i18n.format_date(date.fromisoformat(value))
    except ValueError:
        return value


class QuarantineDialog(QDialog):
    """A read-only list: nobody can work on these cases until the migration service
    re-issues the approval with valid signatures."""

    def __init__(
        self, approvals: Sequence[QuarantinedApproval], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Not applied, not sent"))
        self.resize(900, 360)
        intro = QLabel(
            self.tr(
                "What this desk did not take from central: approvals and events whose "
                "signatures do not check out, and rows it cannot read. None of them was "
                "applied; an approval here opened no case. Report approvals to the migration "
                "service with the approval number (a re-issued, correctly signed approval "
                "arrives with a normal sync), and the rest to the administrator. Events of "
                "this desk that central refused are listed too: they stay recorded here and "
                "are not sent again until the administrator has looked at them."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(approvals), 4)
        self.table.setObjectName("quarantineTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Case"),
                self.tr("Approval"),  # the approval number, or the event's type
                self.tr("Approved on"),
                self.tr("Reason"),
            ]
        )
        for row, item in enumerate(approvals):
            for column, value in enumerate(
                (
                    item.case_id,
                    item.approval_number if item.kind == "approval" else item.event_type,
                    _date_text(item.approval_date),
                    # Stored English (the journal's refusal): shown in the desk's language
                    # when a template of the catalogue fits it, else as it is.
                    self._reason(item),
                )
            ):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                self.table.setItem(row, column, cell)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def _reason(self, item: QuarantinedApproval) -> str:
        """The stored (English) reason in the desk's language when a template of the
        catalogue fits it; an event of this desk says that central refused it."""
        reason = i18n.stored_text(item.reason, *i18n.STORED_CONTEXTS)
        if item.kind == "sent":
            return self.tr("Central refused this desk's event: {reason}").format(reason=reason)
        return reason
