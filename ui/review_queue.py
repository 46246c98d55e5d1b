"""The migration officer's review queue: submitted applications of the desk's region,
soonest due date first, working days left, overdue in red (ui.features.review puts it in the
officer's window)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui import labels
from ui.i18n import format_number
from ui.paged_model import PagedModel
from ui.runner import Runner
from workstation.domain.lifecycle import CaseState
from workstation.services.review import PAGE_SIZE, ReviewDesk, ReviewPage, ReviewRow

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_COLOUR = QColor("#b91c1c")
DUE_TODAY_COLOUR = QColor("#b45309")
OK_COLOUR = QColor("#15803d")


class ReviewQueueModel(PagedModel[ReviewRow]):
    """The queue, a page at a time (keyset by due date), fetched as the view scrolls."""

    COLUMNS = ("days_left", "due", "name", "nationality", "state")

    def __init__(self, review: ReviewDesk, runner: Runner, page_size: int = PAGE_SIZE) -> None:
        super().__init__(runner, page_size)
        self._review = review

    def refresh(self) -> None:
        generation, review, size = self._new_generation(), self._review, self.page_size
        self._fetching = True
        self._runner.run(
            lambda: (review.queue_page(limit=size), review.queue_count()),
            lambda result: self._reset(generation, *result),
        )

    def next_page(self, after: Any) -> Callable[[], ReviewPage]:
        review, size = self._review, self.page_size
        return lambda: review.queue_page(after=after, limit=size)

    def headers(self) -> dict[str, str]:
        return {
            "days_left": self.tr("Days left"),
            "due": self.tr("Decide by"),
            "name": self.tr("Applicant"),
            "nationality": self.tr("Citizenship"),
            "state": self.tr("Status"),
        }

    def cell(self, row: ReviewRow, column: str, role: int) -> Any:
        if role == CASE_ID_ROLE:
            return row.case_id
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "days_left": days_left_text(row.working_days_left),
                "due": labels.format_date(row.due_date),
                "name": f"{row.surname} {row.given_names}",
                "nationality": row.nationality,
                "state": labels.state_label(row.state),
            }[column]
        if role == Qt.ItemDataRole.ForegroundRole and column in {"days_left", "due"}:
            if row.overdue:
                return OVERDUE_COLOUR
            return DUE_TODAY_COLOUR if row.working_days_left == 0 else OK_COLOUR
        if role == Qt.ItemDataRole.FontRole and row.state is CaseState.SUBMITTED:
            return self._bold  # not opened by an officer yet
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "days_left":
                return self.tr("Working days left to decide (working calendar)")
            return self.tr("{case} · IIN {iin} · {passport}").format(
                case=row.case_id, iin=row.iin, passport=row.passport_number
            )
        return None


def days_left_text(days: int) -> str:
    if days < 0:
        return QCoreApplication.translate("ReviewQueue", "overdue by %n day(s)", "", -days)
    if days == 0:
        return QCoreApplication.translate("ReviewQueue", "due today")
    return format_number(days)


class ReviewQueuePanel(QWidget):
    """The queue table with a count above it; Enter opens the case for review."""

    case_selected = Signal(str)
    case_opened = Signal(str)

    def __init__(self, model: ReviewQueueModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.count = QLabel()
        self.count.setObjectName("reviewCount")
        self.table = QTableView()
        self.table.setObjectName("reviewQueue")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.table.activated.connect(self._opened)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        model.loaded.connect(self._show_count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)

    def _show_count(self) -> None:
        self.count.setText(
            self.tr("%n application(s) waiting for a decision", "", self.model.total)
            if self.model.total
            else self.tr("No applications waiting for a decision.")
        )

    def _selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.case_selected.emit(self.model.row_at(current.row()).case_id)

    def _opened(self, index: QModelIndex) -> None:
        if index.isValid():
            self.case_opened.emit(self.model.row_at(index.row()).case_id)
