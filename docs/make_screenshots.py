"""Make the user guide's screenshots from the running application under Xvfb.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/make_screenshots.py

A fixed date and seed make the pictures repeatable; each is a grab of the real window.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from tests.ui.tour import record_half_done  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from workstation.domain.approval import ApprovedArrival  # noqa: E402
from workstation.domain.clock import FixedClock  # noqa: E402
from workstation.domain.programme import DEFAULT_RULES  # noqa: E402
from workstation.services.demo import open_demo_session  # noqa: E402
from workstation.services.stages import CaseSamples, Stage, take_case_to  # noqa: E402
from workstation.store.models import cases  # noqa: E402

OUT = ROOT / "docs" / "images"
TODAY = date(2026, 11, 21)


def settle(app: QApplication, window: MainWindow, ms: int = 400) -> None:
    """Let queued background results arrive and the window repaint."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    while window.runner.pending:
        app.processEvents()


def grab(widget: QWidget, name: str) -> Path:
    screen = widget.screen()
    pixmap = screen.grabWindow(widget.winId())
    path = OUT / name
    pixmap.save(str(path))
    print(f"wrote {path} ({pixmap.width()}x{pixmap.height()})")
    return path


def _record_steps(window: MainWindow, approval: ApprovedArrival, *, complete: bool) -> None:
    """Take a demo case through the desk's use cases: every step, or a case half done."""
    entry = TODAY - timedelta(days=2)
    if complete:
        take_case_to(
            window.desk.context, approval.case_id, Stage.READY, CaseSamples(approval, entry)
        )
    else:
        record_half_done(window.desk.context, approval, entry)


def case_checklist_pictures(
    app: QApplication, window: MainWindow
) -> tuple[ApprovedArrival, ApprovedArrival]:
    """The case view with a complete checklist (ready to print) and an incomplete one."""
    settle(app, window)
    desk = window.desk
    with desk.context.store.reading() as conn:
        ids = (
            conn.execute(
                select(cases.c.case_id)
                .where(cases.c.state == "approved", cases.c.window_end >= TODAY)
                .where(cases.c.approval_date < TODAY - timedelta(days=2))
                .order_by(cases.c.window_end, cases.c.case_id)
            )
            .scalars()
            .all()
        )
    approvals = [
        a
        for a in (desk.case_detail(i).approval for i in ids)
        if a.passport_expiry > TODAY + timedelta(days=400) and a.birth_date.year < 2008
    ]
    for approval, complete, name in (
        (approvals[0], True, "case-complete.png"),
        (approvals[1], False, "case-incomplete.png"),
    ):
        _record_steps(window, approval, complete=complete)
        window.model.refresh()
        window.worklist.search.setText(approval.passport_number)
        settle(app, window, 600)
        window.open_case(approval.case_id)
        settle(app, window, 600)
        grab(window, name)
    window.worklist.search.clear()
    return approvals[0], approvals[1]


def print_pictures(
    app: QApplication, window: MainWindow, ready: ApprovedArrival, not_ready: ApprovedArrival
) -> None:
    """The print preview of a ready case, its printed pages, and a case not ready to print."""
    for approval, name in ((ready, "print-preview.png"), (not_ready, "print-not-ready.png")):
        window.open_case(approval.case_id)
        settle(app, window, 600)
        dialog = window.print_preview()
        assert dialog is not None
        settle(app, window, 1200)
        grab(dialog, name)
        document = getattr(dialog, "document", None)
        if document is not None:
            pdf = OUT / "printed-application.pdf"
            pdf.write_bytes(document.pdf)
            subprocess.run(
                ["pdftoppm", "-png", "-r", "80", str(pdf), str(OUT / "printed-application")],
                check=True,
            )
            pdf.unlink()
            dialog.save_to(str(OUT / "printed-application.tmp.pdf"))  # records the print
            settle(app, window, 600)
            (OUT / "printed-application.tmp.pdf").unlink()
            dialog.load("receipt")
            settle(app, window, 1200)
            grab(dialog, "print-receipt-preview.png")
        dialog.reject()


def main() -> int:
    app = QApplication(sys.argv[:1])
    clock = FixedClock(datetime(2026, 11, 21, 6, 30, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as tmp:
        session = open_demo_session(Path(tmp), DEFAULT_RULES, clock)
        window = MainWindow(session)
        window.show()
        window.sync_now()
        settle(app, window, 800)
        grab(window, "main-window.png")

        window.worklist.search.setText("ivan")
        settle(app, window, 600)
        grab(window, "worklist-search.png")

        window.worklist.search.clear()
        settle(app, window)
        dialog = window.record_arrival()
        settle(app, window)
        if dialog is not None:
            grab(dialog, "record-arrival.png")
            dialog.reject()
        ready, not_ready = case_checklist_pictures(app, window)
        print_pictures(app, window, ready, not_ready)
        window.close()
        session.store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
