"""A table model that holds one result a page at a time: the first page on a reset, the next
as the view scrolls (Qt's canFetchMore/fetchMore), never all rows; an answer to an older
request that arrives late is dropped. The worklist and the officer's queue are two of them."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from ui.runner import Runner

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)


class Page(Protocol[R_co]):
    """A page of rows and the keyset position after its last row."""

    @property
    def rows(self) -> Sequence[R_co]: ...
    @property
    def after(self) -> Any: ...
    @property
    def more(self) -> bool: ...


class PagedModel(QAbstractTableModel, Generic[R]):
    """Rows of type R, a page at a time; a subclass names its COLUMNS, says how to fetch the
    page after a keyset position (`next_page`) and draws the cells."""

    COLUMNS: tuple[str, ...] = ()
    loaded = Signal()

    def __init__(self, runner: Runner, page_size: int) -> None:
        super().__init__()
        self._runner = runner
        self.page_size = page_size
        self._rows: list[R] = []
        self._after: Any = None
        self._more = False
        self._fetching = False
        self._generation = 0
        self.total = 0
        self._bold = QFont()
        self._bold.setBold(True)

    def next_page(self, after: Any) -> Callable[[], Page[R]]:
        """The store work that fetches the page after `after` (run on the runner)."""
        raise NotImplementedError

    def headers(self) -> Mapping[str, str]:
        """Each column's title, in the screen's language."""
        raise NotImplementedError

    def cell(self, row: R, column: str, role: int) -> Any:
        """What `row` shows in `column` for the item data `role` (None: nothing)."""
        raise NotImplementedError

    def _new_generation(self) -> int:
        """Start a new result: what arrives for an older one is dropped."""
        self._generation += 1
        return self._generation

    def _reset(self, generation: int, page: Page[R], total: int) -> None:
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
        generation = self._generation
        self._runner.run(self.next_page(self._after), lambda page: self._append(generation, page))

    def _append(self, generation: int, page: Page[R]) -> None:
        if generation != self._generation:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
        self._rows.extend(page.rows)
        self.endInsertRows()
        self._after, self._more, self._fetching = page.after, page.more, False

    def row_at(self, row: int) -> R:
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
        return self.headers()[self.COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.cell(self._rows[index.row()], self.COLUMNS[index.column()], role)
