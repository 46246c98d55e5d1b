"""Make the pictures of the supervisor's dashboard and report under Xvfb.

    xvfb-run -a -s "-screen 0 1500x1000x24" .venv/bin/python docs/make_report_pictures.py

A desk of about 3,000 cases walked through the lifecycle (bench/bench_reports.py's
generator, fixed seed, 21 November 2026) is opened by a supervisor; the dashboard is grabbed
(docs/images/dashboard.png) and its report exported as PDF in Russian, whose first two
pages become docs/images/report-p1.png and report-p2.png (pdftoppm).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_reports import build_report_store  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ui.features.reports import ReportsFeature  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from workstation.domain.clock import FixedClock  # noqa: E402
from workstation.domain.programme import DEFAULT_RULES  # noqa: E402
from workstation.journal.envelope import Actor  # noqa: E402
from workstation.services.setup import DeskSession, desk_identity  # noqa: E402
from workstation.store.local import LocalStore  # noqa: E402

OUT = ROOT / "docs" / "images"
TODAY = date(2026, 11, 21)
SUPERVISOR = Actor(iin="760512300027", name="NURPEISOVA SAULE", role="supervisor")


def settle(app: QApplication, window: MainWindow, ms: int = 600) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    while window.runner.pending:
        app.processEvents()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory(prefix="dnr-report-pictures-") as tmp:
        os.environ["DNR_CONFIG"] = str(Path(tmp) / "no-settings.toml")  # no central: no sync
        data_dir = Path(tmp) / "desk"
        build_report_store(data_dir, 40_000, TODAY, seed=21)
        store = LocalStore.open(data_dir)
        session = DeskSession(
            store=store,
            identity=desk_identity(store),
            actor=SUPERVISOR,
            rules=DEFAULT_RULES,
            clock=FixedClock(datetime(2026, 11, 21, 6, 30, tzinfo=UTC)),
        )
        window = MainWindow(session)
        window.resize(1480, 980)
        window.show()
        settle(app, window, 1200)
        reports = window.feature(ReportsFeature)
        assert reports is not None and reports.panel.report is not None
        panel = reports.panel
        panel.language.setCurrentIndex(panel.language.findData("ru"))
        OUT.mkdir(parents=True, exist_ok=True)
        screen = window.screen()
        screen.grabWindow(window.winId()).save(str(OUT / "dashboard.png"))
        pdf = Path(tmp) / "report.pdf"
        panel.export_to(pdf, "pdf")
        settle(app, window)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "2", str(pdf), str(OUT / "report-p")],
            check=True,
        )
        for n in (1, 2):  # pdftoppm numbers pages with as many digits as the last page needs
            made = sorted(OUT.glob(f"report-p-*{n}.png"))
            made[0].rename(OUT / f"report-p{n}.png")
        window.close()
        window.runner.shutdown()
        store.close()
    print("wrote", *(OUT / name for name in ("dashboard.png", "report-p1.png", "report-p2.png")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
