"""The migration officer's review queue: submitted applications of the desk's region,
soonest due date first, working days left, overdue in red (ui.features.review puts it in the
officer's window)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
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
from ui.runner import Runner
from workstation.domain.lifecycle import CaseState
from workstation.services.review import PAGE_SIZE, ReviewDesk, ReviewPage, ReviewRow

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
OVERDUE_COLOUR = QColor("#b91c1c")
DUE_TODAY_COLOUR = QColor("#b45309")
OK_COLOUR = QColor("#15803d")


class ReviewQueueModel(QAbstractTableModel):
    """The queue, a page at a time (keyset by due date), fetched as the view scrolls."""

    COLUMNS = ("days_left", "due", "name", "nationality", "state")
    loaded = Signal()

    def __init__(self, review: ReviewDesk, runner: Runner, page_size: int = PAGE_SIZE) -> None:
        super().__init__()
        self._review = review
        self._runner = runner
        self.page_size = page_size
        self._rows: list[ReviewRow] = []
        self._after: Any = None
        self._more = False
        self._fetching = False
        self._generation = 0
        self.total = 0
        self._bold = QFont()
        self._bold.setBold(True)

    def refresh(self) -> None:
        self._generation += 1
        generation, review, size = self._generation, self._review, self.page_size
        self._fetching = True
        self._runner.run(
            lambda: (review.queue_page(limit=size), review.queue_count()),
            lambda result: self._reset(generation, *result),
        )

    def _reset(self, generation: int, page: ReviewPage, total: int) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._rows = list(page.rows)
        self._after, self._more, self._fetching = page.after, page.more, False
        self.total = total
        self.endResetModel()
        self.loaded.emit()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation, review, after, size = (
            self._generation,
            self._review,
            self._after,
            self.page_size,
        )
        self._runner.run(
            lambda: review.queue_page(after=after, limit=size),
            lambda page: self._append(generation, page),
        )

    def _append(self, generation: int, page: ReviewPage) -> None:
        if generation != self._generation:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
        self._rows.extend(page.rows)
        self.endInsertRows()
        self._after, self._more, self._fetching = page.after, page.more, False

    def row_at(self, row: int) -> ReviewRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            "days_left": self.tr("Days left"),
            "due": self.tr("Decide by"),
            "name": self.tr("Applicant"),
            "nationality": self.tr("Citizenship"),
            "state": self.tr("Status"),
        }[self.COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
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
