"""Screenshots of the desk's set-up screens: the first run and About (for the admin guide).

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/make_setup_screenshots.py

Writes docs/images/first-run.png (filled in, the connection tested against a throw-away SQLite
central, a trust-store folder with one root certificate) and docs/images/about.png and
about-licences.png. The folders shown are temporary ones, not this machine's.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
IMAGES = ROOT / "docs" / "images"


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def grab(widget: QWidget, name: str) -> Path:
    settle()
    screen = QApplication.primaryScreen()
    pixmap = screen.grabWindow(widget.winId())
    path = IMAGES / name
    pixmap.save(str(path))
    print(f"wrote {path.relative_to(ROOT)} ({pixmap.width()}x{pixmap.height()})")
    return path


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="dnr-setup-shots-"))
    os.environ["DNR_CONFIG"] = str(tmp / "config" / "desk.toml")
    os.environ["DNR_LOG_DIR"] = str(tmp / "logs")
    os.environ["DNR_WORKSTATION_KEY_DIR"] = str(tmp / "keys")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("DNR Workstation")

    from tests.ui.test_first_run import write_root_ca
    from ui.about import AboutDialog
    from ui.first_run import FirstRunDialog
    from workstation.sync.gateway import CentralGateway

    central = f"sqlite:///{tmp / 'central.sqlite3'}"
    gateway = CentralGateway(central)
    gateway.init_schema()
    gateway.engine.dispose()
    write_root_ca(tmp / "nca" / "trust")
    (tmp / "nca" / "crl").mkdir(parents=True)

    dialog = FirstRunDialog(tmp / "data")
    dialog.url.setText(central)
    dialog.workstation_id.setText("WS-AST-01")
    dialog.trust_dir.setText(str(tmp / "nca" / "trust"))
    dialog.crl_dir.setText(str(tmp / "nca" / "crl"))
    dialog.show()
    dialog.start_test()
    while dialog.testing():
        settle(50)
    dialog.show_checked(dialog.flow.check(dialog.entries()))  # what the folders hold
    dialog.adjustSize()
    grab(dialog, "first-run.png")
    dialog.close()

    about = AboutDialog(None, workstation_id="WS-AST-01", data_dir=tmp / "data")
    about.show()
    grab(about, "about.png")
    about.tabs.setCurrentIndex(1)
    grab(about, "about-licences.png")
    about.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
