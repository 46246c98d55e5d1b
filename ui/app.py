"""Start the desk application: parse the GUI options, open the desk, show the main window."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow
from workstation import __version__
from workstation.domain.clock import SystemClock
from workstation.domain.programme import DEFAULT_RULES
from workstation.journal.envelope import Actor
from workstation.services.demo import open_demo_session
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
        "--demo", action="store_true", help="open a demo desk with sample approved arrivals"
    )
    parser.add_argument("--data-dir", type=Path, default=None, metavar="DIR")
    parser.add_argument(
        "--exit-when-shown",
        action="store_true",
        help=argparse.SUPPRESS,  # the start-up benchmark: print the time to a shown worklist
    )
    return parser


def open_session(args: argparse.Namespace) -> DeskSession:
    clock = SystemClock()
    if args.demo:
        return open_demo_session(args.data_dir or default_data_dir() / "demo", DEFAULT_RULES, clock)
    data_dir = args.data_dir or default_data_dir()
    store = LocalStore.open(data_dir, create=args.data_dir is None)
    return DeskSession(
        store=store,
        identity=desk_identity(store),
        # Until EDS log-in (security issue) the desk records events without a named actor.
        actor=Actor(iin="", name="", role="clerk"),
        rules=DEFAULT_RULES,
        clock=clock,
        central_url=saved_central_url(store),
    )


def run(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("DNR Workstation")
    app.setOrganizationName("DNR")
    try:
        session = open_session(args)
    except DataDirMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    window = MainWindow(session)
    window.show()
    if args.exit_when_shown:

        def report() -> None:
            elapsed = 1000 * (time.perf_counter() - STARTED)
            print(f"shown {elapsed:.0f} ms rows={window.model.rowCount()}", flush=True)
            window.close()
            app.quit()

        window.model.loaded.connect(lambda: QTimer.singleShot(0, report))
    elif session.central_url is not None:
        QTimer.singleShot(0, window.sync_now)
    code = app.exec()
    session.store.close()
    return int(code)
