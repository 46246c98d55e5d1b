"""A tour of every screen of the desk, on a demo desk with a fixed clock (21 November 2026).

The tour opens each screen with the real widgets and the real services, one after another, and
calls `visit(name, top_level_widget)` once the screen is shown and settled (background work
done, painted). Screens that Qt shows in a nested event loop (the question before an arrival
annuls a case, Qt's own file dialog) are visited from inside that loop, which is why the tour
calls a visitor rather than being a generator.

    tour = Tour(app, tmp_dir)        # the demo desk, its DEMO PKI, the SBI simulator: once
    tour.walk(visit)                 # every screen; again after ui.i18n.install(other language)
    tour.close()

Used by tests/ui/test_translations.py (texts and clipping in each language) and by
docs/make_guide_screenshots.py (the guide's pictures). The desk's state stays the same from
one walk to the next: forms are opened and cancelled, never saved, so a second walk in another
language shows the same cases.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMenu,
    QMessageBox,
    QPushButton,
    QWidget,
)
from sqlalchemy import select

NOW = datetime(2026, 11, 21, 6, 30, tzinfo=UTC)  # 11:30 in Astana, Saturday
TODAY = date(2026, 11, 21)

# Every screen, in the order the tour shows them. "language-menu" is skipped (with a reason in
# Tour.skipped) while the main window has no action or menu named "languageMenu".
SCREENS: tuple[str, ...] = (
    "first-run",
    "file-dialog",
    "login",
    "worklist",
    "worklist-search",
    "case-view",
    "record-arrival",
    "arrival-annul-confirm",
    "passport",
    "medical",
    "fingerprints",
    "fingerprint-exception",
    "housing",
    "duty",
    "documents",
    "print-not-ready",
    "print-preview",
    "receipt-preview",
    "quarantine",
    "about",
    "about-licences",
    "shortcuts",
    "language-menu",
    "idle-lock",
    "review-queue",
    "case-view-review",
    "decision",
    "dashboard",
)

Visit = Callable[[str, QWidget], None]

# What the tour itself types into the forms and records: data, like the demo store's.
TOUR_DATA = (
    "City polyclinic No. 9",
    "ZH. ABENOVA",
    "Follow-up X-ray required",
    "Kabanbay Batyr Ave",
    "ASTANA RENT LLP",
    "Astana airport",
    "Astana International Airport (NQZ)",
    "Dostyk (rail, China)",
    "healing cut",
    "KASPI",
    "ivan",
    "passport.pdf",
    "photo.jpg",
)


def isolate_environment(folder: Path) -> None:
    """Keep the tour's settings, logs, keys and credential store out of the user's own."""
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["DNR_CONFIG"] = str(folder / "config" / "desk.toml")
    os.environ.setdefault("DNR_LOG_DIR", str(folder / "logs"))
    os.environ.setdefault("DNR_WORKSTATION_KEY_DIR", str(folder / "keys"))
    os.environ.setdefault("DNR_DEMO_KEY_CACHE", str(folder / "demo-keys"))
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")


def record_half_done(context: Any, approval: Any, entry: date) -> None:
    """Arrival, passport, a medical examination that is not fit, the permit duty, two
    documents: a case half done (the case view's and the step forms' pictures)."""
    from workstation.domain.steps import DocumentKind, DutyKind, MedicalExam, MedicalResult
    from workstation.services.stages import CaseSamples, Stage, sample_photo, take_case_to
    from workstation.services.steps import CaseSteps

    class HalfDone(CaseSamples):
        def medical_exam(self, day: date) -> MedicalExam:
            exam = super().medical_exam(entry)
            return replace(exam, result=MedicalResult.NOT_FIT, remarks="Follow-up X-ray required")

    samples = HalfDone(approval, entry)
    take_case_to(context, approval.case_id, Stage.PARTIAL, samples)
    steps = CaseSteps(context)
    receipt = samples.duty_receipt(DutyKind.PERMIT)
    steps.record_duty(approval.case_id, DutyKind.PERMIT, receipt, context.today(), "17300")
    for kind, name, content in (
        (DocumentKind.PASSPORT_COPY, "passport.pdf", b"%PDF-1.4\n%%EOF\n"),
        (DocumentKind.PHOTO, "photo.jpg", sample_photo()),
    ):
        steps.attach_document(approval.case_id, str(kind), name, content)


class TourError(RuntimeError):
    pass


class Tour:
    """The demo desk and the way to each of its screens (see the module's docstring)."""

    def __init__(self, app: QApplication, tmp_dir: Path, *, cases: int = 60) -> None:
        self.app = app
        self.tmp = Path(tmp_dir)
        self.cases = cases
        self.skipped: dict[str, str] = {}
        self.visited: list[str] = []
        self._stack = ExitStack()
        self._visit: Visit = lambda _name, _widget: None
        self._only: frozenset[str] | None = None
        # Qt's own dialogs, not the desktop's: their texts come from Qt's catalogues.
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
        self._prepare()

    # ---- the desk, once ------------------------------------------------------------------------

    def _prepare(self) -> None:
        from tests.sbi_simulator import running_simulator
        from workstation.domain.clock import FixedClock
        from workstation.domain.programme import DEFAULT_RULES
        from workstation.security.pki import DemoKeyPool
        from workstation.security.roles import Role
        from workstation.services.demo import open_demo_session
        from workstation.services.demo_login import prepare_demo_login
        from workstation.services.stages import CaseSamples, Stage, take_case_to
        from workstation.sync.demo_seed import approval_event, make_approvals
        from workstation.sync.gateway import CentralGateway

        self.clock = FixedClock(NOW)
        data = self.tmp / "desk"
        pool = DemoKeyPool()
        self.session = open_demo_session(
            data, DEFAULT_RULES, self.clock, cases=self.cases, keys=pool
        )
        self._stack.callback(self.session.store.close)
        self.demo = prepare_demo_login(self.session, data, keys=pool)
        self.service = self.demo.service
        self.session.verification = self.service.verification()
        # An approval at central that nobody signed: the desk refuses it (the quarantine).
        forged = next(iter(make_approvals(1, seed=99, today=TODAY, first_number=900)))
        self.forged = forged
        assert self.session.central_url is not None
        central = CentralGateway(self.session.central_url)
        try:
            central.push([(approval_event(forged), "Astana")])
        finally:
            central.dispose()
        self.session.sync()

        clerk = self.service.log_in(self.demo.pki.key_for(Role.CLERK).path, self.demo.pki.password)
        self.session.actor = clerk.actor
        context = self.session.context()
        fresh = self._fresh_approvals()
        if len(fresh) < 5:
            raise TourError("the demo desk has too few open cases for the tour")
        self.partly, self.ready = fresh[0], fresh[1]
        entry = TODAY - timedelta(days=2)
        record_half_done(context, self.partly, entry)
        take_case_to(context, self.ready.case_id, Stage.PRINTED, CaseSamples(self.ready, entry))
        self.submitted = []
        for approval in (fresh[2], fresh[3]):
            take_case_to(context, approval.case_id, Stage.SUBMITTED, CaseSamples(approval, entry))
            self.submitted.append(approval.case_id)
        self.awaiting = fresh[4]  # approved, waiting for its applicant: Record arrival

        (self.tmp / "sbi").mkdir(parents=True, exist_ok=True)
        sbi = self._stack.enter_context(running_simulator(self.tmp / "sbi", scan_ms=30))
        self.sbi_port = sbi[0]
        os.environ["DNR_SBI_PORTS"] = f"{sbi[0]}-{sbi[0]}"
        os.environ["DNR_SBI_CA"] = str(sbi[1])

        # The first-run screen's throw-away central and trust store (as the set-up pictures).
        from tests.ui.test_first_run import write_root_ca

        setup = self.tmp / "setup"
        self.setup_central = f"sqlite:///{setup / 'central.sqlite3'}"
        setup.mkdir(parents=True, exist_ok=True)
        gateway = CentralGateway(self.setup_central)
        gateway.init_schema()
        gateway.engine.dispose()
        write_root_ca(setup / "nca" / "trust")
        (setup / "nca" / "crl").mkdir(parents=True, exist_ok=True)
        self.setup_dir = setup

    def _fresh_approvals(self) -> list[Any]:
        """Approved cases in their window with adult applicants and long-valid passports."""
        from workstation.journal.projector import load_approval
        from workstation.store.models import cases

        with self.session.store.reading() as conn:
            ids = (
                conn.execute(
                    select(cases.c.case_id)
                    .where(cases.c.state == "approved", cases.c.window_end >= TODAY)
                    .where(cases.c.approval_date < TODAY - timedelta(days=2))
                    .order_by(cases.c.window_end.desc(), cases.c.case_id)
                )
                .scalars()
                .all()
            )
            approvals = [load_approval(conn, case_id) for case_id in ids]
        return [
            a
            for a in approvals
            if a.passport_expiry > TODAY + timedelta(days=400) and a.birth_date.year < 2006
        ]

    # ---- what is data (not translated) --------------------------------------------------------

    def data_texts(self) -> tuple[list[str], list[str]]:
        """What the tour can show that is data, not text of the desk: (phrases, names).

        Phrases are whole values (occupations, border points, the tour's own entries, e-mail
        addresses...): they count as data only where they appear whole. Names are values whose
        every word is data on its own: people's and places' names (written in capitals in the
        approvals), cities, codes, staff names, the libraries' and fonts' names, versions and
        licences (About), the system's names.
        """
        import getpass
        import platform

        from ui.arrival_dialog import COMMON_BORDER_POINTS
        from workstation.licences import font_licences, package_licences
        from workstation.store.models import cases

        phrases: list[str] = []
        names: list[str] = []

        def strings(value: object) -> Iterator[str]:
            if isinstance(value, str):
                yield value
            elif isinstance(value, dict):
                for item in value.values():
                    yield from strings(item)
            elif isinstance(value, list | tuple):
                for item in value:
                    yield from strings(item)

        with self.session.store.reading() as conn:
            approvals = [
                json.loads(raw) for raw in conn.execute(select(cases.c.approval)).scalars()
            ]
        approvals.append({k: str(v) for k, v in vars(self.forged).items()})
        for value in strings(approvals):
            (names if value == value.upper() else phrases).append(value)
        names.extend(k.display_name for k in self.demo.pki.keys)
        names.extend([self.session.identity.city or "", self.session.identity.workstation_id])
        names.extend(self.session.rules.cities)
        phrases.extend(COMMON_BORDER_POINTS)
        phrases.extend(TOUR_DATA)
        names.extend(str(self.tmp).split(os.sep))
        names.extend(str(Path.home()).split(os.sep))
        names.append(getpass.getuser())
        names.extend([platform.system(), platform.machine(), platform.python_implementation()])
        for row in package_licences():
            names.extend([row.name, row.version, row.licence])
        for font in font_licences():
            names.extend([font.file, font.family, font.version, font.licence])
        return [p for p in phrases if p], [n for n in names if n]

    # ---- walking ------------------------------------------------------------------------------

    def walk(self, visit: Visit, only: Iterable[str] | None = None) -> list[str]:
        """Show every screen (or those in `only`) and call `visit(name, widget)` on each."""
        self._visit = visit
        self._only = frozenset(only) if only is not None else None
        self.visited = []
        self.skipped = {}
        self.first_run()
        self.login()
        self.clerk_screens()
        self.officer_screens()
        self.supervisor_screens()
        for widget in QApplication.topLevelWidgets():  # nothing left over for the next walk
            if widget.isVisible():
                widget.close()
        self.settle(100)
        return self.visited

    def wanted(self, *names: str) -> bool:
        return self._only is None or any(n in self._only for n in names)

    def show(self, name: str, widget: QWidget, ms: int = 250) -> None:
        """The screen `name` is on: settle, then visit it."""
        if not self.wanted(name):
            return
        if not widget.isVisible():
            raise TourError(f"{name}: {type(widget).__name__} is not shown")
        self.settle(ms)
        self._visit(name, widget)
        self.visited.append(name)

    def skip(self, name: str, why: str) -> None:
        self.skipped[name] = why
        print(f"tour: {name} skipped: {why}")

    # ---- waiting ------------------------------------------------------------------------------

    def settle(self, ms: int = 200, window: Any = None) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        if window is not None:
            self.wait(lambda: window.runner.pending == 0)

    def wait(self, until: Callable[[], object], limit_s: float = 30.0, what: str = "") -> None:
        deadline = time.monotonic() + limit_s
        while not until():
            if time.monotonic() > deadline:
                raise TourError(f"timed out waiting: {what or until}")
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.002)

    def when_modal(
        self, kind: type[QWidget], act: Callable[[QWidget], None], limit_s: float = 30.0
    ) -> list[QWidget]:
        """Call `act(dialog)` once a modal `kind` is up, from inside its event loop (the
        code that opened it waits there). Returns a list that holds the dialog once seen."""
        seen: list[QWidget] = []
        timer = QTimer()
        started = time.monotonic()

        def poll() -> None:
            modal = QApplication.activeModalWidget()
            if isinstance(modal, kind) and modal.isVisible():
                timer.stop()
                seen.append(modal)
                act(modal)
            elif time.monotonic() - started > limit_s:
                timer.stop()

        timer.timeout.connect(poll)
        timer.start(50)
        self._timers = getattr(self, "_timers", [])
        self._timers.append(timer)
        return seen

    # ---- before the log-in --------------------------------------------------------------------

    def first_run(self) -> None:
        from ui.first_run import FirstRunDialog

        if not self.wanted("first-run", "file-dialog"):
            return
        setup = self.setup_dir
        dialog = FirstRunDialog(setup / "data", config_file=setup / "config" / "desk.toml")
        dialog.url.setText(self.setup_central)
        dialog.workstation_id.setText("WS-AST-01")
        dialog.trust_dir.setText(str(setup / "nca" / "trust"))
        dialog.crl_dir.setText(str(setup / "nca" / "crl"))
        dialog.show()
        dialog.start_test()
        self.wait(lambda: not dialog.testing(), what="the connection test")
        self.settle(100)
        dialog.show_checked(dialog.flow.check(dialog.entries()))  # what the folders hold
        dialog.adjustSize()
        self.show("first-run", dialog)

        if self.wanted("file-dialog"):
            browse = dialog.trust_dir.parentWidget().findChild(QPushButton)
            assert browse is not None

            def look(found: QWidget) -> None:
                self.show("file-dialog", found, 500)
                assert isinstance(found, QDialog)
                found.reject()

            seen = self.when_modal(QFileDialog, look)
            browse.click()  # Qt's own folder dialog, in a loop of its own until `look` closes it
            if not seen:
                self.skip("file-dialog", "no QFileDialog came up from Browse…")
        dialog.reject()
        dialog.deleteLater()

    def login(self) -> None:
        from ui.login_dialog import LoginDialog

        if not self.wanted("login"):
            return
        dialog = LoginDialog(
            self.service, demo_keys=self.demo.pki.keys, demo_password=self.demo.pki.password
        )
        dialog.show()
        self.show("login", dialog)
        dialog.reject()
        dialog.deleteLater()

    def log_in(self, role: Any) -> Any:
        key = self.demo.pki.key_for(role)
        return self.service.log_in(key.path, self.demo.pki.password)

    def open_window(self, role: Any) -> Any:
        from ui.main_window import MainWindow

        staff = self.log_in(role)
        self.session.actor = staff.actor
        window = MainWindow(self.session)
        window.show()
        self.wait(lambda: window.runner.pending == 0, what="the window's first load")
        finished: list[object] = []
        window.background_sync.finished.connect(finished.append)
        if window.sync_now():
            self.wait(lambda: bool(finished), what="the first sync")
        self.settle(300, window)
        return window, staff

    def close_window(self, window: Any) -> None:
        self.wait(lambda: window.runner.pending == 0)
        window.close()
        self.wait(lambda: not window.isVisible(), what="the window to close")
        window.runner.shutdown()
        window.deleteLater()
        self.settle(50)

    def open_case(self, window: Any, case_id: str) -> None:
        window.open_case(case_id)
        self.wait(
            lambda: window.case_view.case_id == case_id and window.runner.pending == 0,
            what=f"case {case_id}",
        )
        self.settle(100, window)

    def close_dialog(self, dialog: QWidget | None, window: Any) -> None:
        if dialog is None:
            return
        if isinstance(dialog, QDialog):
            dialog.reject()
        else:
            dialog.close()
        self.settle(50, window)

    # ---- the clerk -----------------------------------------------------------------------------

    CLERK_SCREENS = SCREENS[SCREENS.index("worklist") : SCREENS.index("review-queue")]

    def clerk_screens(self) -> None:
        from workstation.domain.checklist import Step
        from workstation.security.roles import Role

        if not self.wanted(*self.CLERK_SCREENS):
            return
        window, staff = self.open_window(Role.CLERK)
        try:
            self.show("worklist", window)
            if self.wanted("worklist-search"):
                window.worklist.search.setText("ivan")
                self.wait(lambda: not window.worklist._debounce.isActive())
                self.settle(300, window)
                self.show("worklist-search", window)
                window.worklist.search.clear()
                self.wait(lambda: not window.worklist._debounce.isActive())
                self.settle(200, window)

            self.open_case(window, self.partly.case_id)
            self.show("case-view", window)

            if self.wanted("record-arrival"):
                self.open_case(window, self.awaiting.case_id)
                dialog = window.record_arrival()
                if dialog is None:
                    self.skip("record-arrival", "Record arrival is not offered")
                else:
                    self.show("record-arrival", dialog)
                    self.close_dialog(dialog, window)
            if self.wanted("arrival-annul-confirm"):
                self.annul_question(window)

            self.open_case(window, self.partly.case_id)
            for name, step in (
                ("passport", Step.PASSPORT),
                ("medical", Step.MEDICAL),
            ):
                self.step_form(window, name, step)
            if self.wanted("fingerprints", "fingerprint-exception"):
                self.fingerprints(window)
            for name, step in (
                ("housing", Step.HOUSING),
                ("duty", Step.DUTY_CARD),
                ("documents", Step.DOCUMENTS),
            ):
                self.step_form(window, name, step)

            if self.wanted("print-not-ready"):
                dialog = window.print_preview()
                assert dialog is not None
                self.wait(lambda: dialog.pages.currentWidget() is dialog.reasons, what="reasons")
                self.show("print-not-ready", dialog, 400)
                self.close_dialog(dialog, window)
            if self.wanted("print-preview", "receipt-preview"):
                self.open_case(window, self.ready.case_id)
                dialog = window.print_preview()
                assert dialog is not None
                self.wait(lambda: dialog.document is not None, what="the application's PDF")
                self.show("print-preview", dialog, 800)
                self.close_dialog(dialog, window)
                dialog = window.print_preview("receipt")
                assert dialog is not None
                self.wait(lambda: dialog.document is not None, what="the receipt's PDF")
                self.show("receipt-preview", dialog, 800)
                self.close_dialog(dialog, window)

            if self.wanted("quarantine"):
                from ui.quarantine_dialog import QuarantineDialog

                status = window.sync_status
                if not status.quarantined:
                    self.skip("quarantine", "no refused approval on this desk")
                else:
                    dialog = QuarantineDialog(status.quarantined, window)
                    dialog.show()
                    self.show("quarantine", dialog)
                    self.close_dialog(dialog, window)
            if self.wanted("about", "about-licences"):
                from ui.dialogs import show_about

                about = show_about(window, self.session)
                self.show("about", about)
                about.tabs.setCurrentIndex(1)
                self.show("about-licences", about)
                self.close_dialog(about, window)
            if self.wanted("shortcuts"):
                from ui.dialogs import show_shortcuts

                box = show_shortcuts(window)
                self.show("shortcuts", box)
                box.close()
                self.settle(50)
            if self.wanted("language-menu"):
                self.language_menu(window)
            if self.wanted("idle-lock"):
                self.idle_lock(window, staff)
        finally:
            self.close_window(window)

    def step_form(self, window: Any, name: str, step: Any) -> None:
        if not self.wanted(name):
            return
        dialog = window.open_step(step)
        if dialog is None:
            self.skip(name, f"the case view does not offer {step}")
            return
        # The form loads the step's history on the runner: a fixed pause was too short for it
        # on a busy machine, and the picture came out without the history box.
        self.wait(lambda: window.runner.pending == 0, what=f"the {name} form's history")
        self.show(name, dialog)
        self.close_dialog(dialog, window)

    def annul_question(self, window: Any) -> None:
        """A case whose window has closed; an entry date after it annuls the approval, and the
        desk asks first (a QMessageBox in a loop of its own): seen, then answered No."""
        from workstation.services.worklist import StatusFilter

        panel = window.worklist
        panel.status_filter.setCurrentIndex(panel.status_filter.findData(StatusFilter.ANNULLED))
        self.wait(lambda: not panel._debounce.isActive())
        self.settle(200, window)
        if window.model.rowCount() == 0:
            self.skip("arrival-annul-confirm", "no case whose window has closed")
            return
        row = window.model.row_at(0)
        self.open_case(window, row.case_id)
        dialog = window.record_arrival()
        if dialog is None:
            self.skip("arrival-annul-confirm", "Record arrival is not offered on a closed window")
            return
        self.settle(100)
        late = row.window_end + timedelta(days=1)
        dialog.entry_date.setFocus()
        from PySide6.QtTest import QTest

        QTest.keyClicks(dialog.entry_date, late.strftime("%d%m%Y"))  # the dots are in the mask
        dialog.border_point.setEditText("Dostyk (rail, China)")

        def look(box: QWidget) -> None:
            self.show("arrival-annul-confirm", box, 300)
            assert isinstance(box, QMessageBox)
            no = box.button(QMessageBox.StandardButton.No)
            if no is not None:
                no.click()
            else:
                box.reject()

        seen = self.when_modal(QMessageBox, look)
        dialog.save_button.click()
        self.wait(lambda: bool(seen) and window.runner.pending == 0, 20, "the annul question")
        self.close_dialog(dialog, window)
        panel.status_filter.setCurrentIndex(0)
        self.wait(lambda: not panel._debounce.isActive())
        self.settle(200, window)

    def fingerprints(self, window: Any) -> None:
        """Three slaps from the simulator, a dry little finger tried again, and the exception
        dialog for it (as docs/make_fingerprint_screenshot.py); nothing is saved."""
        from tests.sbi_simulator import set_mode
        from ui.steps.fingerprint_screen import FingerprintScreen
        from workstation.biometrics.quality import ExceptionReason
        from workstation.biometrics.sbi import FingerPosition

        port = self.sbi_port
        set_mode(port, reset=True, scan_ms=30)
        window.fingerprint_action.trigger()
        screen = window.findChild(FingerprintScreen)
        if screen is None or not screen.isVisible():
            self.skip("fingerprints", "the capture screen did not open")
            return
        self.wait(lambda: screen.device is not None and screen.idle, what="the scanner")
        set_mode(
            port, low_quality_next=2, low_quality_fingers=["Left LittleFinger", "Right RingFinger"]
        )
        for _slap in range(3):
            screen.capture_next()
            self.wait(lambda: screen.idle, what="a slap")
        set_mode(port, low_quality_next=2, low_quality_fingers=["Left LittleFinger"])
        screen.hands.select(FingerPosition.LEFT_LITTLE)
        for _try in range(2):
            screen.retry_selected()
            self.wait(lambda: screen.idle, what="a retry")
        self.show("fingerprints", screen, 300)
        if self.wanted("fingerprint-exception"):
            dialog = screen.record_exception()
            if dialog is None:
                self.skip("fingerprint-exception", "no exception may be recorded")
            else:
                dialog.choose(ExceptionReason.INJURED, "healing cut")
                self.show("fingerprint-exception", dialog)
                dialog.reject()
                self.settle(50)
        screen.confirm_discard = lambda: True  # nothing saved: the next walk starts the same
        screen.reject()
        self.wait(lambda: not screen.isVisible() and window.runner.pending == 0)
        screen.deleteLater()

    def language_menu(self, window: Any) -> None:
        """The lead's language choice: a QMenu or QAction named "languageMenu"."""
        menu = window.findChild(QMenu, "languageMenu")
        action = window.findChild(QAction, "languageMenu")
        if menu is None and action is not None:
            menu = action.menu()
        if menu is None and action is None:
            self.skip("language-menu", 'no QMenu or QAction named "languageMenu" in the window')
            return
        if menu is not None:
            bar = window.menuBar()
            parent = next(
                (
                    top
                    for top in bar.actions()
                    if top.menu() is not None and menu.menuAction() in top.menu().actions()
                ),
                None,
            )
            if parent is not None:
                bar.setActiveAction(parent)
                self.settle(150)
                outer = parent.menu()
                outer.setActiveAction(menu.menuAction())
                self.settle(100)
                if not menu.isVisible():
                    rect = outer.actionGeometry(menu.menuAction())
                    menu.popup(outer.mapToGlobal(rect.topRight()))
            else:
                menu.popup(window.mapToGlobal(window.rect().center()))
            self.wait(menu.isVisible, 5, "the language menu")
            self.show("language-menu", window, 300)
            menu.close()
            if parent is not None:
                parent.menu().close()
            self.settle(100)
            return
        # An action that opens a chooser of its own.
        before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        action.trigger()
        self.settle(300)
        opened = [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and id(w) not in before and not isinstance(w, QMenu)
        ]
        if not opened:
            self.skip("language-menu", '"languageMenu" opened no window')
            return
        self.show("language-menu", opened[0])
        self.close_dialog(opened[0], window)

    def idle_lock(self, window: Any, staff: Any) -> None:
        from ui.idle_lock import IdleLock

        lock = IdleLock(window, self.service, staff, timedelta(minutes=10))
        try:
            dialog = lock.lock(idle=True)
            self.show("idle-lock", dialog)
            dialog.password.setText(self.demo.pki.password)
            dialog.submit()
            self.wait(lambda: not lock.is_locked, 10, "the unlock")
            self.settle(100)
        finally:
            lock.stop()

    # ---- the officer and the supervisor -----------------------------------------------------

    def officer_screens(self) -> None:
        from workstation.domain.lifecycle import CaseState
        from workstation.security.roles import Role

        if not self.wanted("review-queue", "case-view-review", "decision"):
            return
        window, _staff = self.open_window(Role.MIGRATION_OFFICER)
        try:
            from ui.features.review import ReviewFeature

            review = window.feature(ReviewFeature)
            if review is None:
                self.skip("review-queue", "the officer's window has no review queue")
                return
            queue = review.queue
            self.wait(lambda: queue.model.rowCount() >= 1, what="queue")
            self.show("review-queue", window)
            case_id = str(queue.model.row_at(0).case_id)
            queue.table.setCurrentIndex(queue.model.index(0, 0))
            review.open_for_review(case_id)
            self.wait(
                lambda: (
                    window.case_view.case_id == case_id
                    and window.case_view.detail.status.state is CaseState.UNDER_REVIEW
                    and window.runner.pending == 0
                ),
                what="the case under review",
            )
            self.show("case-view-review", window)
            if self.wanted("decision"):
                dialog = review.decide()
                if dialog is None:
                    self.skip("decision", "Decide is not offered")
                else:
                    self.show("decision", dialog)
                    self.close_dialog(dialog, window)
        finally:
            self.close_window(window)

    def supervisor_screens(self) -> None:
        from workstation.security.roles import Role

        if not self.wanted("dashboard"):
            return
        window, _staff = self.open_window(Role.SUPERVISOR)
        try:
            from ui.features.reports import ReportsFeature

            reports = window.feature(ReportsFeature)
            if reports is None:
                self.skip("dashboard", "the supervisor's window has no dashboard")
                return
            panel = reports.panel
            self.wait(lambda: panel.report is not None and window.runner.pending == 0)
            self.show("dashboard", window, 500)
        finally:
            self.close_window(window)

    # ---- the end ---------------------------------------------------------------------------

    def close(self) -> None:
        for timer in getattr(self, "_timers", []):
            timer.stop()
        self._stack.close()
