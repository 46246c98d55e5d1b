"""The worklist screen: search as you type, status and deadline filters, the case table."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui import i18n, labels
from ui.worklist_model import CASE_ID_ROLE, WorklistModel
from workstation.services.worklist import COUNT_CAP, DeadlineFilter, StatusFilter, WorklistQuery

SEARCH_DELAY_MS = 150


class WorklistPanel(QWidget):
    case_opened = Signal(str)  # Enter or double-click on a row
    case_selected = Signal(str)

    def __init__(self, model: WorklistModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(
            self.tr("Search: IIN, passport number, surname or given name (Latin or Cyrillic)")
        )
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        for value in StatusFilter:
            self.status_filter.addItem(labels.status_filter_label(value), value)
        self.deadline_filter = QComboBox()
        self.deadline_filter.setObjectName("deadlineFilter")
        for deadline in DeadlineFilter:
            self.deadline_filter.addItem(labels.deadline_filter_label(deadline), deadline)
        self.count_label = QLabel()
        self.count_label.setObjectName("caseCount")
        self.empty_hint = QLabel(
            self.tr(
                "No case matches. Check the spelling or the number, choose “All cases” in "
                "Status, or sync (F5) to pull new approvals."
            )
        )
        self.empty_hint.setObjectName("emptyHint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setStyleSheet("color: #6b7280; padding: 24px;")
        self.empty_hint.setVisible(False)

        self.table = QTableView()
        self.table.setObjectName("worklist")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(False)  # urgency order comes from the store
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        # Every column as wide as its header and its cells (in any language); the name takes
        # what is left.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(model.COLUMNS.index("name"), QHeaderView.ResizeMode.Stretch)

        filters = QHBoxLayout()
        status_label = QLabel(self.tr("&Status:"))
        status_label.setBuddy(self.status_filter)
        deadline_label = QLabel(self.tr("&Days left:"))
        deadline_label.setBuddy(self.deadline_filter)
        filters.addWidget(status_label)
        filters.addWidget(self.status_filter)
        filters.addSpacing(12)
        filters.addWidget(deadline_label)
        filters.addWidget(self.deadline_filter)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.apply_query)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self._open_first)
        self.search.installEventFilter(self)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.apply_query())
        self.deadline_filter.currentIndexChanged.connect(lambda _i: self.apply_query())
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        model.loaded.connect(self._show_count)
        model.rowsInserted.connect(lambda *_: self._show_count())

    def current_query(self) -> WorklistQuery:
        return WorklistQuery(
            text=self.search.text(),
            status=StatusFilter(self.status_filter.currentData()),
            deadline=DeadlineFilter(self.deadline_filter.currentData()),
        )

    def apply_query(self) -> None:
        self._debounce.stop()
        self.model.set_query(self.current_query())

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _show_count(self) -> None:
        total = self.model.total
        self.empty_hint.setVisible(total == 0)
        if total > COUNT_CAP:
            text = self.tr("more than {n} cases").format(n=i18n.format_number(COUNT_CAP))
        else:
            text = self.tr("%Ln case(s)", "", total)  # %Ln: the number the locale's way
        self.count_label.setText(text)

    def _open_first(self) -> None:
        """Enter in the search box opens the highlighted case, or the first one."""
        if self._debounce.isActive():
            self.apply_query()
            return
        current = self.table.currentIndex()
        row = current.row() if current.isValid() else 0
        if self.model.rowCount() > row:
            self._open_index(self.model.index(row, 0))

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.case_opened.emit(self.model.data(index, CASE_ID_ROLE))

    def _selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.case_selected.emit(self.model.data(current, CASE_ID_ROLE))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down arrow from the search box walks into the list without leaving the keyboard.
        if watched is self.search and isinstance(event, QKeyEvent):
            key = event.key()
            if (
                event.type() == QEvent.Type.KeyPress
                and key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
                and self.model.rowCount()
            ):
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                if not self.table.currentIndex().isValid():
                    self.table.setCurrentIndex(self.model.index(0, 0))
                return True
        return super().eventFilter(watched, event)
