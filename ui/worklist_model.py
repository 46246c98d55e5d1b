"""The worklist table model: one page of cases at a time from the local store, never all rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from ui import i18n, labels
from ui.runner import Runner
from workstation.domain.lifecycle import CaseState
from workstation.services.desk import Desk
from workstation.services.worklist import PAGE_SIZE, WorklistPage, WorklistQuery, WorklistRow

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Loaded:
    """A fresh result: the first page and how many cases match (up to the cap)."""

    generation: int
    query: WorklistQuery
    page: WorklistPage
    total: int


class WorklistModel(QAbstractTableModel):
    # The case id is in the case view and the tooltip; the list keeps its width for names.
    COLUMNS = ("days_left", "name", "iin", "passport", "nationality", "status")
    loaded = Signal()

    def __init__(
        self, desk: Desk, runner: Runner, urgent_days: int = 3, page_size: int = PAGE_SIZE
    ) -> None:
        super().__init__()
        self.page_size = page_size
        self._desk = desk
        self._runner = runner
        self._urgent_days = urgent_days
        self._rows: list[WorklistRow] = []
        self._query = WorklistQuery()
        self._after: tuple[str, str] | None = None
        self._more = False
        self._fetching = False
        self._generation = 0
        self.total = 0
        self._bold = QFont()
        self._bold.setBold(True)

    # Loading ---------------------------------------------------------------------------

    @property
    def query(self) -> WorklistQuery:
        return self._query

    def set_query(self, query: WorklistQuery) -> None:
        """Ask for a new result; an answer to an older query that arrives late is dropped."""
        self._generation += 1
        self._query = query
        generation, desk, size = self._generation, self._desk, self.page_size
        self._runner.run(lambda: load(desk, query, generation, size), self.apply)

    def refresh(self) -> None:
        self.set_query(self._query)

    def apply(self, result: Loaded) -> None:
        if result.generation != self._generation:
            return
        self.beginResetModel()
        self._rows = list(result.page.rows)
        self._after = result.page.after
        self._more = result.page.more
        self._fetching = False
        self.total = result.total
        self.endResetModel()
        self.loaded.emit()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation, query, after, desk = self._generation, self._query, self._after, self._desk
        size = self.page_size
        self._runner.run(lambda: (generation, desk.worklist_page(query, after, size)), self._append)

    def _append(self, result: tuple[int, WorklistPage]) -> None:
        generation, page = result
        if generation != self._generation:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
        self._rows.extend(page.rows)
        self.endInsertRows()
        self._after, self._more, self._fetching = page.after, page.more, False

    # Qt model interface -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def row_at(self, row: int) -> WorklistRow:
        return self._rows[row]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            "days_left": self.tr("Days left"),
            "name": self.tr("Name"),
            "iin": self.tr("IIN"),
            "passport": self.tr("Passport"),
            "nationality": self.tr("Citizenship"),
            "status": self.tr("Status"),
        }[self.COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == CASE_ID_ROLE:
            return row.case_id
        if role == Qt.ItemDataRole.ForegroundRole and column == "days_left":
            if row.state is CaseState.APPROVED:
                return labels.days_left_colour(row.days_left, self._urgent_days)
            return None
        if role == Qt.ItemDataRole.FontRole and column == "days_left":
            return self._bold if 0 <= row.days_left <= self._urgent_days else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "days_left":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        return None

    def _display(self, row: WorklistRow, column: str) -> str:
        if column == "days_left":
            if row.state is not CaseState.APPROVED:
                return "" if row.entry_date is None else "✓"
            return labels.days_left_text(row.days_left)
        if column == "name":
            latin = f"{row.surname} {row.given_names}"
            cyrillic = f"{row.surname_cyr} {row.given_names_cyr}".strip()
            return f"{latin} ({cyrillic})" if cyrillic else latin
        if column == "iin":
            return row.iin
        if column == "passport":
            return row.passport_number
        if column == "nationality":
            return row.nationality
        if column == "status":
            text = (
                labels.window_closed_label()
                if row.state is CaseState.APPROVED and row.days_left < 0
                else labels.state_label(row.state)
            )
            return f"⚠ {text}" if row.flagged else text
        raise KeyError(column)

    def _tooltip(self, row: WorklistRow) -> str:
        if row.state is CaseState.APPROVED:
            text = self.tr("Approved {approval}; entry allowed until {end}").format(
                approval=i18n.format_date(row.approval_date),
                end=i18n.format_date(row.window_end),
            )
        elif row.entry_date is not None:
            text = self.tr("Entered Kazakhstan on {date}").format(
                date=i18n.format_date(row.entry_date)
            )
        else:
            text = labels.state_label(row.state)
        return f"{row.case_id} · {row.city}\n{text}"


def load(desk: Desk, query: WorklistQuery, generation: int, page_size: int = PAGE_SIZE) -> Loaded:
    """The worker-thread half of a fresh query (also what the benchmark times)."""
    page = desk.worklist_page(query, None, page_size)
    total = len(page.rows) if not page.more else desk.worklist_count(query)
    return Loaded(generation, query, page, total)
