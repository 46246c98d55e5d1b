"""The migration officer's review queue, and what the main window offers for submission and
review: `install_review(window)` adds them for the roles that may use them.

An officer's window opens on the queue (a tab beside "All cases"): submitted applications
of the desk's region, soonest due date first, working days left, overdue in red. Enter
or double-click opens a case for review (recorded once as `ReviewStarted`); Ctrl+Shift+E
decides it; Ctrl+P shows the application as the clerk printed it (viewing is audited).
A clerk gets Submit (Ctrl+Shift+S) on a printed case.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui import labels
from ui.i18n import error_text, format_number
from ui.runner import Runner
from workstation.domain.lifecycle import CaseState, TransitionRefused
from workstation.security.roles import Action, NotPermitted, is_permitted
from workstation.services.access import actor_role
from workstation.services.context import Changes
from workstation.services.desk import CaseDetail
from workstation.services.review import PAGE_SIZE, OpenedCase, ReviewDesk, ReviewPage, ReviewRow
from workstation.services.submission import SubmissionDesk

if TYPE_CHECKING:
    from ui.decision_dialog import DecisionDialog
    from ui.main_window import MainWindow

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


class ReviewFeatures:
    """What install_review added to a main window (kept on it as `window.review`)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        session = window.session
        self.submission = SubmissionDesk(window.desk.context)
        self.review = ReviewDesk(window.desk.context, city=session.identity.city)
        self.queue: ReviewQueuePanel | None = None
        self.tabs: QTabWidget | None = None
        self.decision_dialog: DecisionDialog | None = None
        self.message: QMessageBox | None = None

    def may(self, action: Action) -> bool:
        role = actor_role(self.window.session.actor)
        return role is not None and is_permitted(role, action)

    # Clerk: submission ----------------------------------------------------------------------

    def ask_submit(self) -> QMessageBox | None:
        """Ask the clerk to confirm, then submit the open case."""
        detail = self.window.case_view.detail
        if detail is None or not self.may(Action.SUBMIT_APPLICATION):
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

    # Officer: queue, opening, deciding, the printed form ------------------------------------

    def open_for_review(self, case_id: str) -> None:
        review = self.review
        self.window.runner.command(
            lambda: review.open_case(case_id),
            self._opened,
            initiator=self,
            changes=lambda opened: opened.changes,  # ReviewStarted, when it was recorded now
        )

    def _opened(self, opened: OpenedCase) -> None:
        self.window._show_case(opened.detail)

    def decide(self) -> DecisionDialog | None:
        from ui.decision_dialog import DecisionDialog

        detail: CaseDetail | None = self.window.case_view.detail
        if detail is None or not self.may(Action.DECIDE_APPLICATION):
            return None
        if detail.status.state not in {CaseState.SUBMITTED, CaseState.UNDER_REVIEW}:
            return None
        dialog = DecisionDialog(
            self.review, self.window.runner, detail.approval.case_id,
            detail.approval.full_name, self.window,
        )  # fmt: skip
        dialog.open()
        self.decision_dialog = dialog
        return dialog

    def view_application(self) -> QWidget | None:
        """The application as printed, for the officer (viewing is audited)."""
        from ui.print_preview import PrintPreview

        detail = self.window.case_view.detail
        if detail is None:
            return None
        dialog = PrintPreview(
            self.review.prints(), self.window.runner, detail.approval.case_id, "application",
            self.window,
        )  # fmt: skip
        dialog.open()
        self.window.print_dialog = dialog
        return dialog

    def on_changes(self, changes: Changes, _initiator: object = None) -> None:
        if self.queue is not None and changes.worklist:
            self.queue.model.refresh()

    def focus_queue(self) -> None:
        if self.tabs is not None and self.queue is not None:
            self.tabs.setCurrentWidget(self.queue)
            self.queue.table.setFocus()


def install_review(window: MainWindow) -> ReviewFeatures:
    """Add submission (clerks) and the review queue and decision (officers) to `window`."""
    features = ReviewFeatures(window)
    view = window.case_view
    view.may_submit = features.may(Action.SUBMIT_APPLICATION)
    view.may_decide = features.may(Action.DECIDE_APPLICATION)
    view.submit_requested.connect(features.ask_submit)
    view.decide_requested.connect(features.decide)
    case_menu = next(
        a.menu() for a in window.menuBar().actions() if window.print_action in a.menu().actions()
    )
    if view.may_submit:
        submit = QAction(
            QCoreApplication.translate("MainWindow", "&Submit to the migration service…"), window
        )
        submit.setShortcut(QKeySequence("Ctrl+Shift+S"))
        submit.triggered.connect(features.ask_submit)
        window.addAction(submit)
        case_menu.addAction(submit)
    if features.may(Action.REVIEW_APPLICATION):
        _install_queue(window, features, case_menu)
    window.changes.changed.connect(features.on_changes)
    return features


def _install_queue(window: MainWindow, features: ReviewFeatures, case_menu: Any) -> None:
    model = ReviewQueueModel(features.review, window.runner)
    queue = ReviewQueuePanel(model)
    splitter = window.centralWidget()
    assert isinstance(splitter, QSplitter)
    sizes = splitter.sizes()
    tabs = QTabWidget()
    tabs.setObjectName("officerTabs")
    tabs.addTab(queue, QCoreApplication.translate("MainWindow", "Review queue"))
    tabs.addTab(
        window.worklist, QCoreApplication.translate("MainWindow", "All cases")
    )  # takes it out of the splitter
    splitter.insertWidget(0, tabs)
    splitter.setSizes(sizes)
    features.queue, features.tabs = queue, tabs
    queue.case_selected.connect(window.open_case)
    queue.case_opened.connect(features.open_for_review)
    for text, keys, slot in (
        (
            QCoreApplication.translate("MainWindow", "&Review queue"),
            "Ctrl+Shift+V",
            features.focus_queue,
        ),
        (QCoreApplication.translate("MainWindow", "&Decide…"), "Ctrl+Shift+E", features.decide),
    ):
        action = QAction(text, window)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        window.addAction(action)
        case_menu.addAction(action)
    # The officer's Ctrl+P shows the application as it was printed (the clerk's Ctrl+P
    # prints a ready case, which an officer never has).
    window.print_action.triggered.disconnect()
    window.print_action.triggered.connect(features.view_application)
    window.print_action.setText(
        QCoreApplication.translate("MainWindow", "View the &printed application…")
    )
    model.refresh()
    queue.table.setFocus()
