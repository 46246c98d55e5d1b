"""The approvals this desk refused to apply (signature, certificate or signer not valid)."""

from __future__ import annotations

from collections.abc import Sequence

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

from workstation.services.quarantine import QuarantinedApproval


class QuarantineDialog(QDialog):
    """A read-only list: nobody can work on these cases until the migration service
    re-issues the approval with valid signatures."""

    def __init__(
        self, approvals: Sequence[QuarantinedApproval], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Refused approvals"))
        self.resize(900, 360)
        intro = QLabel(
            self.tr(
                "These approvals came from central but their signatures do not check out, so "
                "this desk did not apply them: no case was opened. Report them to the "
                "migration service with the approval number; a re-issued, correctly signed "
                "approval arrives with a normal sync."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(approvals), 4)
        self.table.setObjectName("quarantineTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Case"), self.tr("Approval"), self.tr("Approved on"), self.tr("Reason")]
        )
        for row, item in enumerate(approvals):
            for column, value in enumerate(
                (item.case_id, item.approval_number, item.approval_date, item.reason)
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
