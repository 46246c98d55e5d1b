"""Start the desk application: parse the GUI options, open the desk, log in, show the window."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog

from ui.i18n import LANGUAGES, chosen_language, install, pseudo_requested
from ui.idle_lock import IdleLock
from ui.login_dialog import LANGUAGE_CHANGED, LoginDialog, refusal_text
from ui.main_window import MainWindow
from ui.ui_settings import demo_remembered, needs_first_run, remember_demo
from workstation import __version__, logs
from workstation.domain.clock import SystemClock
from workstation.domain.programme import DEFAULT_RULES
from workstation.journal.envelope import Actor
from workstation.resources import resource_path
from workstation.security import safelog
from workstation.security.demo_setup import DemoLoginPki
from workstation.security.eds import LoginRefused
from workstation.security.roles import Role
from workstation.services.login import (
    LoginService,
    StaffSession,
    load_login_settings,
)
from workstation.services.setup import (
    DeskSession,
    default_data_dir,
    desk_identity,
    saved_central_url,
)
from workstation.store.local import DataDirMissing, LocalStore

STARTED = time.perf_counter()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dnr-workstation",
        description=(
            "Open the DNR Workstation desk. Headless commands: "
            "`dnr-workstation central|sync|case --help`."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a demo desk with sample approved arrivals and DEMO log-in keys",
    )
    parser.add_argument("--data-dir", type=Path, default=None, metavar="DIR")
    parser.add_argument(
        "--key",
        type=Path,
        default=None,
        metavar="FILE",
        help="the EDS log-in key file (.p12) to start with",
    )
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help=(
            "read the key's password from the first line of standard input and log in with "
            "--key without the log-in screen (scripts and tests; the same checks apply)"
        ),
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help=(
            "check this installation: open the demo desk (in --data-dir if given), log in as "
            "the demo clerk, wait for the first sync, check fonts, PDF, drivers, print one "
            "line and exit (0 when all is well)"
        ),
    )
    parser.add_argument(
        "--language",
        choices=sorted(LANGUAGES),
        default=None,
        help="the language of the desk for this run (kk, ru, en); otherwise the one chosen in "
        "the desk (saved in ui.ini), else the system's",
    )
    parser.add_argument(
        "--pseudo",
        action="store_true",
        help="pseudo-translation: every text 40%% longer and accented, to check layouts",
    )
    parser.add_argument(
        "--exit-when-shown",
        action="store_true",
        help=argparse.SUPPRESS,  # the start-up benchmark: print the time to a shown worklist
    )
    return parser


def data_dir_of(args: argparse.Namespace) -> Path:
    if args.data_dir is not None:
        return Path(args.data_dir)
    return default_data_dir() / "demo" if args.demo else default_data_dir()


def open_session(args: argparse.Namespace) -> DeskSession:
    clock = SystemClock()
    data_dir = data_dir_of(args)
    if args.demo:
        from workstation.services.demo import DEMO_STAGE_SHARE, open_demo_session  # demo only

        return open_demo_session(
            data_dir, DEFAULT_RULES, clock, stage_share=DEMO_STAGE_SHARE, tsa=True
        )
    store = LocalStore.open(data_dir, create=args.data_dir is None)
    return DeskSession(
        store=store,
        identity=desk_identity(store),
        # Nobody until the log-in: the services refuse an actor without a staff role.
        actor=Actor(iin="", name="", role=""),
        rules=DEFAULT_RULES,
        clock=clock,
        central_url=saved_central_url(store),
    )


def login_service(session: DeskSession, data_dir: Path) -> tuple[LoginService, DemoLoginPki | None]:
    """The log-in of this desk; in demo mode the demo PKI too (and only in demo mode)."""
    audit = session.audit_log().record_event  # log-ins, failures, locks: Decree 832
    if session.demo:
        from workstation.services.demo_login import prepare_demo_login  # demo only

        demo = prepare_demo_login(session, data_dir, audit=audit)
        return demo.service, demo.pki
    service = LoginService(
        session.store,
        load_login_settings(session.store, data_dir),
        desk_city=session.identity.city,
        clock=session.clock,
        audit=audit,
    )
    return service, None


def log_in(
    service: LoginService,
    demo: DemoLoginPki | None,
    args: argparse.Namespace,
    stdin: TextIO,
) -> StaffSession | None:
    """The logged-in staff member, or None if the person quit or the key was refused."""
    if args.password_stdin:
        if args.key is None:
            print("error: --password-stdin needs --key FILE", file=sys.stderr)
            return None
        password = stdin.readline().rstrip("\r\n")
        try:
            return service.log_in(args.key, password)
        except LoginRefused as refused:
            print(f"error: {refusal_text(refused)}", file=sys.stderr)
            return None
    while True:
        dialog = LoginDialog(
            service,
            demo_keys=demo.keys if demo else (),
            demo_password=demo.password if demo else None,
            key_file=args.key,
        )
        dialog.show()
        result = dialog.exec()
        if result == LANGUAGE_CHANGED and dialog.chosen_language is not None:
            # The log-in screen is the only one open: make it again in the new language.
            install(dialog.chosen_language, args.pseudo or pseudo_requested())
            args.key = Path(dialog.key_path.text()) if dialog.key_path.text() else args.key
            continue
        if result != QDialog.DialogCode.Accepted:
            return None
        return dialog.session


def run(argv: Sequence[str], stdin: TextIO | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.demo = args.demo or args.smoke
    start_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("DNR Workstation")
    app.setOrganizationName("DNR")
    app.setDesktopFileName("dnr-workstation")  # the Linux desktop entry (its icon, its name)
    app.setWindowIcon(QIcon(str(resource_path("icons", "dnr-workstation.svg"))))
    install(chosen_language(args.language), args.pseudo or pseudo_requested())
    scripted = args.password_stdin or args.exit_when_shown
    args.demo = args.demo or (args.data_dir is None and not scripted and demo_remembered())
    if needs_first_run(args.demo, scripted, data_dir_of(args)):
        from ui.first_run import FirstRunDialog  # only on a desk not set up yet

        first_run = FirstRunDialog(data_dir_of(args))
        if first_run.exec() != QDialog.DialogCode.Accepted:
            return 0
        args.demo = first_run.choice == "demo"
        if args.demo:
            remember_demo()
    try:
        session = open_session(args)
    except DataDirMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    try:
        service, demo = login_service(session, data_dir_of(args))
        staff: StaffSession | None
        if args.smoke and demo is not None:  # the demo clerk, without the log-in screen
            staff = service.log_in(demo.key_for(Role.CLERK).path, demo.password)
        else:
            staff = log_in(service, demo, args, stdin or sys.stdin)
        if staff is None:
            return 1 if args.password_stdin else 0
        session.actor = staff.actor
        session.verification = service.verification()  # pulled events are checked with it
        window = MainWindow(session)
        lock = IdleLock(window, service, staff, service.settings.idle_lock)
        lock.logged_out.connect(lambda: _close_and_quit(app, window))
        window.show()
        if args.smoke:
            from ui.smoke import SmokeRun  # the installation check only
        smoke = (
            SmokeRun(
                window.background_sync.finished,
                window.model.rowCount,
                lambda: _close_and_quit(app, window),
                STARTED,
            )
            if args.smoke
            else None
        )
        if args.exit_when_shown:

            def report() -> None:
                elapsed = 1000 * (time.perf_counter() - STARTED)
                print(f"shown {elapsed:.0f} ms rows={window.model.rowCount()}", flush=True)
                _close_and_quit(app, window)

            window.model.loaded.connect(lambda: QTimer.singleShot(0, report))
        elif session.central_url is not None:
            QTimer.singleShot(0, window.sync_now)
        code = app.exec()
        lock.stop()
        if not lock.ended:
            service.record_logout(lock.session)
        return smoke.code if smoke is not None else int(code)
    finally:
        session.store.close()


def start_logging() -> None:
    """The rotated log file in the platform's log folder, through safelog's redaction; if
    the folder cannot be written, warnings still go to stderr and the desk starts."""
    try:
        logs.install()
    except logs.LogSetupFailed as exc:
        safelog.install(logging.WARNING)
        logging.getLogger(__name__).warning("%s", exc)


def _close_and_quit(app: QApplication, window: MainWindow) -> None:
    # The window waits for the database worker to finish before it closes; quit after it.
    if window.close():
        app.quit()
    else:
        QTimer.singleShot(100, lambda: _close_and_quit(app, window))
