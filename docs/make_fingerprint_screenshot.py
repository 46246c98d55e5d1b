"""Make docs/images/fingerprint-capture.png: the capture screen with real prints from the simulator.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/make_fingerprint_screenshot.py

The simulator runs as its own process (`dnr-workstation sbi-simulator`); the screen finds it
through DNR_SBI_PORTS and DNR_SBI_CA, as a desk would. It also prints how long the three slaps
took through the screen (wall clock, simulator scan time 200 ms per slap).
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ui.main_window import MainWindow  # noqa: E402
from ui.steps.fingerprint_screen import FingerprintScreen  # noqa: E402
from workstation.biometrics.quality import ExceptionReason  # noqa: E402
from workstation.biometrics.sbi import FingerPosition  # noqa: E402
from workstation.domain.clock import FixedClock  # noqa: E402
from workstation.domain.lifecycle import CaseState  # noqa: E402
from workstation.domain.programme import DEFAULT_RULES  # noqa: E402
from workstation.services.demo import open_demo_session  # noqa: E402
from workstation.store.models import cases  # noqa: E402

OUT = ROOT / "docs" / "images" / "fingerprint-capture.png"


def wait(app: QApplication, until: object, limit_s: float = 30.0) -> None:
    deadline = time.monotonic() + limit_s
    while not until():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not finish in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def pause(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def set_mode(port: int, **changes: object) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    conn.request("POST", "/simulator/mode", body=json.dumps(changes))
    conn.getresponse().read()
    conn.close()


def main() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    with tempfile.TemporaryDirectory() as tmp:
        ca = Path(tmp) / "device-ca.pem"
        command = [sys.executable, "-m", "workstation.cli", "sbi-simulator", "--port", str(port)]
        simulator = subprocess.Popen(
            [*command, "--ca-out", str(ca)], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        try:
            assert simulator.stdout is not None and "listening" in simulator.stdout.readline()
            os.environ["DNR_SBI_PORTS"] = f"{port}-{port}"
            os.environ["DNR_SBI_CA"] = str(ca)
            return shoot(Path(tmp), port)
        finally:
            simulator.terminate()
            simulator.wait(timeout=5)


def shoot(data_dir: Path, port: int) -> int:
    app = QApplication(sys.argv[:1])
    clock = FixedClock(datetime(2026, 11, 21, 6, 30, tzinfo=UTC))
    session = open_demo_session(data_dir / "desk", DEFAULT_RULES, clock, cases=60)
    session.sync()
    today = clock.today()
    with session.store.reading() as conn:
        case_id = conn.execute(
            cases.select()
            .with_only_columns(cases.c.case_id)
            .where(cases.c.state == str(CaseState.APPROVED))
            .where(cases.c.approval_date < today - timedelta(days=1))
            .where(cases.c.window_end >= today)
            .order_by(cases.c.case_id)
        ).scalar()
    session.desk().record_arrival(case_id, today - timedelta(days=1), "Astana airport (NQZ)")
    window = MainWindow(session)
    window.show()
    wait(app, lambda: window.model.rowCount() > 0 and window.runner.pending == 0)
    window.open_case(case_id)
    wait(app, lambda: window.case_view.case_id == case_id and window.runner.pending == 0)
    window.fingerprint_action.trigger()
    screen = window.findChild(FingerprintScreen)
    assert screen is not None
    wait(app, lambda: screen.device is not None and screen.idle)

    # A dry little finger on the left hand and a smudged right ring finger, as clerks meet them.
    set_mode(
        port, low_quality_next=2, low_quality_fingers=["Left LittleFinger", "Right RingFinger"]
    )
    started = time.monotonic()
    for _slap in range(3):
        screen.capture_next()
        wait(app, lambda: screen.idle)
    took = time.monotonic() - started
    print(f"3 slaps through the screen: {took:.2f} s")

    set_mode(port, low_quality_next=2, low_quality_fingers=["Left LittleFinger"])
    screen.hands.select(FingerPosition.LEFT_LITTLE)
    for _try in range(2):
        screen.retry_selected()
        wait(app, lambda: screen.idle)
    dialog = screen.record_exception()
    assert dialog is not None
    dialog.choose(ExceptionReason.INJURED, "healing cut")
    dialog.ok_button.click()
    screen.hands.select(FingerPosition.RIGHT_RING)
    screen.hands.setFocus(Qt.FocusReason.OtherFocusReason)
    pause(300)
    pixmap = screen.screen().grabWindow(screen.winId())
    pixmap.save(str(OUT))
    print(f"wrote {OUT} ({pixmap.width()}x{pixmap.height()})")
    screen.confirm_discard = lambda: True
    screen.reject()
    wait(app, lambda: window.runner.pending == 0)
    window.runner.shutdown()
    session.store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
