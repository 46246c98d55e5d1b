"""Make the user guide's screenshots from the running application under Xvfb.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/make_screenshots.py

A fixed date and seed make the pictures repeatable; each is a grab of the real window.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ui.main_window import MainWindow  # noqa: E402
from workstation.domain.clock import FixedClock  # noqa: E402
from workstation.domain.programme import DEFAULT_RULES  # noqa: E402
from workstation.services.demo import open_demo_session  # noqa: E402

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
        window.close()
        session.store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
