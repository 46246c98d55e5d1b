"""The main window: the worklist beside the case view, the role's features (ui.features), menus,
shortcuts and the status bar."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QSplitter, QTabWidget, QWidget

from ui.case_view import CaseView
from ui.changes import ChangeHub
from ui.dialogs import show_about, show_shortcuts
from ui.features import Entry, Feature, Menu, Tab, plan_for
from ui.language import language_menu
from ui.runner import Runner
from ui.steps.registry import openers
from ui.sync_status import BackgroundSync, SyncStatusBar
from ui.window import DeskWindow
from ui.worklist_model import WorklistModel
from ui.worklist_panel import WorklistPanel
from workstation.domain.actions import Action
from workstation.domain.checklist import Step, permission_of
from workstation.security.roles import is_permitted
from workstation.services.access import actor_role
from workstation.services.context import Changes
from workstation.services.desk import CaseDetail
from workstation.services.setup import DeskSession

if TYPE_CHECKING:
    from ui.arrival_dialog import ArrivalDialog

F = TypeVar("F", bound=Feature)


class MainWindow(DeskWindow):
    """Built once from the role's features (ui.features.plan_for): the cases every role has,
    then each feature's tabs and actions; one tab bar when there is more than one tab."""

    case_shown = Signal(str)
    sync_finished = Signal()

    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.desk = session.desk()
        self.changes = ChangeHub()
        self.runner = Runner(self, self.changes)  # commands run through it publish their changes
        self.arrival_dialog: ArrivalDialog | None = None
        self._focus_action_after_open = False
        self.setWindowTitle(self._title())
        self.resize(1360, 820)
        plan = plan_for(actor_role(session.actor))

        self.model = WorklistModel(self.desk, self.runner, session.rules.urgent_days_left)
        self.worklist = WorklistPanel(self.model)
        self.case_view = CaseView()
        self.step_openers = openers()
        self.case_view.recordable_steps = frozenset(
            step for step in self.step_openers if self.may(permission_of(step))
        )
        self.case_view.may_record_arrival = self.may(permission_of(Step.ARRIVAL))
        self.case_view.may_print = self.may(Action.PRINT_APPLICATION)
        self.case_view.may_submit = self.may(Action.SUBMIT_APPLICATION)
        self.case_view.may_decide = self.may(Action.DECIDE_APPLICATION)

        entries = self._build_actions(plan.prints_cases)
        cases = Tab(self.worklist, plan.cases_title, 30, self.worklist.search.setFocus)
        self.features: tuple[Feature, ...] = tuple(make(self) for make in plan.features)
        for feature in self.features:
            entries.extend(feature.entries())
        self._entries = tuple(entries)
        self._tabs = tuple(
            sorted([cases, *(t for f in self.features for t in f.tabs())], key=lambda t: t.order)
        )
        self.tabs: QTabWidget | None = None
        self.setCentralWidget(self._compose_tabs())
        self._compose_menus()
        self._build_status_bar()

        self.worklist.case_selected.connect(self.open_case)
        self.worklist.case_opened.connect(self._open_and_focus)
        self.case_view.record_arrival_requested.connect(self.record_arrival)
        self.case_view.step_requested.connect(self.open_step)
        self.case_view.print_requested.connect(self.print_preview)
        self.changes.changed.connect(self._on_changes)
        self.model.loaded.connect(self._select_first_if_none)

        if self.may(Action.VIEW_CASES):
            self.worklist.apply_query()
        else:
            # An administrator sees no case data (the services refuse it): say so, load nothing.
            self.worklist.setEnabled(False)
            self.worklist.empty_hint.setText(self.tr("Your role does not see case data."))
            self.worklist.empty_hint.setVisible(True)
        self._tabs[0].focus()

    def feature(self, kind: type[F]) -> F | None:
        """This window's feature of `kind`, if its role has one."""
        return next((f for f in self.features if isinstance(f, kind)), None)

    def may(self, action: Action) -> bool:
        """Whether the logged-in role may do `action`: what it may not is not offered (the
        services check again)."""
        role = actor_role(self.session.actor)
        return role is not None and is_permitted(role, action)

    def _title(self) -> str:
        if self.session.demo:
            return self.tr("DNR Workstation — DEMO (sample data, not for real cases)")
        return self.tr("DNR Workstation")

    # Composition --------------------------------------------------------------------------

    def _compose_tabs(self) -> QSplitter:
        """The tabs (or the one list) on the left, the case view on the right while the
        current tab is a list of cases."""
        splitter = QSplitter(Qt.Orientation.Horizontal)
        if len(self._tabs) == 1:
            splitter.addWidget(self._tabs[0].widget)
        else:
            self.tabs = QTabWidget()
            self.tabs.setObjectName("mainTabs")
            for tab in self._tabs:
                self.tabs.addTab(tab.widget, tab.title)
            self.tabs.currentChanged.connect(self._tab_changed)
            splitter.addWidget(self.tabs)
        splitter.addWidget(self.case_view)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes(list(self._tabs[0].split))
        self._tab_changed(0)
        return splitter

    def _tab_changed(self, index: int) -> None:
        if 0 <= index < len(self._tabs):
            self.case_view.setVisible(self._tabs[index].beside_case)

    def show_tab(self, widget: QWidget) -> None:
        """Bring the tab of `widget` to the front (nothing to do without a tab bar)."""
        if self.tabs is not None:
            self.tabs.setCurrentWidget(widget)

    def _compose_menus(self) -> None:
        titles = {
            Menu.DESK: self.tr("&Desk"),
            Menu.CASE: self.tr("&Case"),
            Menu.REPORTS: self.tr("&Reports"),
            Menu.HELP: self.tr("&Help"),
        }
        for entry in self._entries:
            if entry.action.menu() is None:
                self.addAction(entry.action)  # its shortcut works wherever the focus is
            if entry.enabled_when is not None:
                entry.action.setEnabled(False)  # until a case is shown
        bar = self.menuBar()
        for menu in Menu:
            entries = sorted((e for e in self._entries if e.menu is menu), key=lambda e: e.order)
            if not entries:
                continue
            shown = bar.addMenu(titles[menu])
            for entry in entries:
                if entry.separator_before and shown.actions():
                    shown.addSeparator()
                shown.addAction(entry.action)

    # Menus and shortcuts ------------------------------------------------------------------

    def _action(
        self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str, slot: object
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        return action

    def _build_actions(self, prints_cases: bool) -> list[Entry]:
        """The window's own actions: the desk, the open case, help."""
        self.find_action = self._action(self.tr("&Find a case"), "Ctrl+F", self._find_case)
        self.sync_action = self._action(self.tr("&Sync now"), "F5", self.sync_now)
        self.sync_action.setToolTip(self.tr("Send this desk's events and receive new ones (F5)"))
        self.arrival_action = self._action(
            self.tr("Record &arrival…"), "Ctrl+Shift+A", self.record_arrival
        )
        self.fingerprint_action = self._action(
            self.tr("Capture &fingerprints…"),
            "Ctrl+Shift+F",
            lambda: self.open_step(Step.FINGERPRINTS),
        )
        # The step forms: enabled only while the open case is at the desk.
        self.step_actions: dict[Step, QAction] = {}
        for step, text, keys in (
            (Step.PASSPORT, self.tr("Check the &passport…"), "Ctrl+Shift+P"),
            (Step.MEDICAL, self.tr("&Medical examination…"), "Ctrl+Shift+M"),
            (Step.HOUSING, self.tr("&Housing agreement…"), "Ctrl+Shift+H"),
            (Step.DUTY_PERMIT, self.tr("State &duty…"), "Ctrl+Shift+D"),
            (Step.DOCUMENTS, self.tr("D&ocuments…"), "Ctrl+Shift+O"),
        ):
            self.step_actions[step] = self._action(
                text, keys, lambda _c=False, s=step: self._open_step_form(s)
            )
        quit_action = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        self.print_action: QAction | None = None
        if prints_cases:
            self.print_action = self._action(
                self.tr("&Print the application…"), "Ctrl+P", lambda: self.print_preview()
            )
        self.receipt_action = self._action(
            self.tr("Print the &receipt…"), "Ctrl+Shift+R", lambda: self.print_preview("receipt")
        )
        back_action = self._action(self.tr("Back to the &list"), "Esc", self.worklist.focus_search)
        shortcuts_action = self._action(
            self.tr("&Keyboard shortcuts"), "F1", lambda: show_shortcuts(self)
        )
        about_action = QAction(self.tr("&About DNR Workstation"), self)
        about_action.triggered.connect(lambda: show_about(self, self.session))

        may_arrive = self.may(permission_of(Step.ARRIVAL))
        may_capture = self.may(permission_of(Step.FINGERPRINTS))
        # Offered for any open case: the preview says why one cannot be printed yet.
        may_print = self.may(Action.PRINT_APPLICATION)
        entries = [
            Entry(self.find_action, Menu.DESK, 10),
            Entry(self.sync_action, Menu.DESK, 20),
            Entry(language_menu(self).menuAction(), Menu.DESK, 30, separator_before=True),
            Entry(quit_action, Menu.DESK, 40, separator_before=True),
            Entry(
                self.arrival_action,
                Menu.CASE,
                10,
                enabled_when=lambda d: d.can_record_arrival and may_arrive,
            ),
            Entry(
                self.fingerprint_action,
                Menu.CASE,
                20,
                enabled_when=lambda d: d.can_record_steps and may_capture,
            ),
            *(
                Entry(action, Menu.CASE, 30 + i, enabled_when=self._step_enabled(step))
                for i, (step, action) in enumerate(self.step_actions.items())
            ),
            Entry(self.receipt_action, Menu.CASE, 41, enabled_when=lambda _d: may_print),
            Entry(back_action, Menu.CASE, 50, separator_before=True),
            Entry(shortcuts_action, Menu.HELP, 10),
            Entry(about_action, Menu.HELP, 20),
        ]
        if self.print_action is not None:
            entries.append(
                Entry(self.print_action, Menu.CASE, 40, True, enabled_when=lambda _d: may_print)
            )
        return entries

    def _step_enabled(self, step: Step) -> Callable[[CaseDetail], bool]:
        """When a step's form is offered: the case is at the desk and the role may record it
        (the step's declaration names the permission)."""
        may = self.may(permission_of(step))
        return lambda detail: detail.can_record_steps and may

    def _find_case(self) -> None:
        self.show_tab(self.worklist)
        self.worklist.focus_search()

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        identity = self.session.identity
        who = self.session.actor.name or self.tr("not signed in")
        desk = QLabel(
            self.tr("Desk {id} · {city} · {who}").format(
                id=identity.workstation_id, city=identity.city or self.tr("all cities"), who=who
            )
        )
        desk.setObjectName("deskLabel")
        bar.addWidget(desk)
        if self.session.demo:
            demo = QLabel(self.tr("DEMO"))
            demo.setStyleSheet(
                "color: white; background: #b45309; padding: 1px 6px; border-radius: 3px;"
            )
            bar.addWidget(demo)
        self.sync_status = SyncStatusBar(self.sync_action)
        self.sync_status.setObjectName("syncStatus")
        bar.addPermanentWidget(self.sync_status)
        self.background_sync = BackgroundSync(
            self.session, self.runner, self.changes, self.sync_status, self
        )
        self.background_sync.running_changed.connect(
            lambda running: self.sync_action.setEnabled(not running)
        )
        self.background_sync.finished.connect(lambda _outcome: self.sync_finished.emit())
        self.background_sync.refresh_queue()
        self.background_sync.start_timer()

    # Cases ----------------------------------------------------------------------------------

    def open_case(self, case_id: str) -> None:
        desk = self.desk
        self.runner.run(lambda: desk.case_detail(case_id), self.show_case)

    def _open_and_focus(self, case_id: str) -> None:
        self.open_case(case_id)
        self._focus_action_after_open = True

    def show_case(self, detail: CaseDetail) -> None:
        """Show `detail` in the case view, and offer what may be done with it."""
        self.case_view.show_case(detail)
        for entry in self._entries:
            if entry.enabled_when is not None:
                entry.action.setEnabled(entry.enabled_when(detail))
        for feature in self.features:
            feature.case_shown(detail)
        if self._focus_action_after_open:
            self._focus_action_after_open = False
            if detail.can_record_arrival:
                self.case_view.record_arrival_button.setFocus()
        self.case_shown.emit(detail.approval.case_id)

    def _select_first_if_none(self) -> None:
        if self.case_view.detail is None and self.model.rowCount():
            self.worklist.table.setCurrentIndex(self.model.index(0, 0))

    def record_arrival(self) -> ArrivalDialog | None:
        detail = self.case_view.detail
        if detail is None or not detail.can_record_arrival:
            return None
        a = detail.approval
        from ui.arrival_dialog import ArrivalDialog  # on the first arrival recorded

        dialog = ArrivalDialog(
            self.desk,
            self.runner,
            a.case_id,
            f"{a.surname} {a.given_names}",
            detail.status.approval_date,
            detail.status.window_end,
            self,
        )
        dialog.finished.connect(lambda _r: self.worklist.table.setFocus())
        dialog.open()
        self.arrival_dialog = dialog
        return dialog

    def _open_step_form(self, step: Step) -> QDialog | None:
        detail = self.case_view.detail
        if step is Step.DUTY_PERMIT and detail is not None:
            # One shortcut for both receipts: the card's once the permit's is in order.
            passing = {item.step for item in detail.checklist if item.passes}
            if Step.DUTY_PERMIT in passing and Step.DUTY_CARD not in passing:
                step = Step.DUTY_CARD
        return self.open_step(step)

    def open_step(self, step: Step) -> QDialog | None:
        """Open the form that records `step` for the case on screen (from the checklist)."""
        detail = self.case_view.detail
        opener = self.step_openers.get(step)
        if detail is None or opener is None:
            return None
        return opener(self, detail)

    def print_preview(self, kind: str = "application") -> QDialog | None:
        """The print preview of the open case's application (or receipt)."""
        from ui.print_preview import PrintPreview  # loads QtPdf on first use, not at start-up
        from workstation.services.printing import PrintDesk

        detail = self.case_view.detail
        if detail is None:
            return None
        printer = PrintDesk(self.desk.context)
        dialog = PrintPreview(printer, self.runner, detail.approval.case_id, kind, self)
        dialog.finished.connect(lambda _r: self.worklist.table.setFocus())
        dialog.open()
        self.print_dialog = dialog
        return dialog

    def _on_changes(self, changes: Changes, _initiator: object = None) -> None:
        if changes.worklist:
            self.model.refresh()
        current = self.case_view.case_id
        if current is not None and current in changes.case_ids:
            self.open_case(current)
        self.background_sync.refresh_queue()
        for feature in self.features:
            feature.changes_arrived(changes)

    # Sync -------------------------------------------------------------------------------------

    def sync_now(self) -> bool:
        """Sync with central now, in the background; False if a sync is already running."""
        return self.background_sync.sync_now()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.background_sync.stop()  # no next batch; the one under way commits or not at all
        if self.runner.pending:
            # Let the database worker finish the transaction it is in; nothing is cut off.
            QTimer.singleShot(100, self.close)
            event.ignore()
            return
        self.runner.shutdown()
        event.accept()
