"""Starting the app: the demo log-in screen with its DEMO keys, and the scripted log-in."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from tests.ui.conftest import UI_NOW
from ui.app import build_parser, data_dir_of, log_in, login_service, open_session
from ui.login_dialog import LoginDialog
from workstation.domain.clock import FixedClock
from workstation.domain.programme import DEFAULT_RULES
from workstation.security.demo_setup import DemoKeyKind, ensure_demo_pki
from workstation.security.pki import DEMO_PASSWORD, DemoKeyPool
from workstation.security.roles import Role
from workstation.services.audit import AuditLog
from workstation.services.demo import open_demo_session
from workstation.services.demo_login import DemoLogin, prepare_demo_login
from workstation.services.setup import DeskSession, desk_identity
from workstation.store.local import LocalStore


@pytest.fixture(scope="module")
def pool(tmp_path_factory: pytest.TempPathFactory) -> DemoKeyPool:
    return DemoKeyPool(tmp_path_factory.getbasetemp() / "demo-keys")


@pytest.fixture
def demo_session(tmp_path: Path) -> Iterator[DeskSession]:
    session = open_demo_session(tmp_path / "demo", DEFAULT_RULES, FixedClock(UI_NOW), cases=3)
    yield session
    session.store.close()


@pytest.fixture
def demo(demo_session: DeskSession, tmp_path: Path, pool: DemoKeyPool) -> DemoLogin:
    return prepare_demo_login(demo_session, tmp_path / "demo", keys=pool)


def demo_dialog(qtbot, demo: DemoLogin) -> LoginDialog:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(demo.service, demo_keys=demo.pki.keys, demo_password=demo.pki.password)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_demo_log_in_lists_the_demo_keys_labelled_demo(qtbot, demo: DemoLogin) -> None:  # type: ignore[no-untyped-def]
    dialog = demo_dialog(qtbot, demo)
    assert dialog.demo_list is not None
    labels = [dialog.demo_list.item(i).text() for i in range(dialog.demo_list.count())]
    assert len(labels) == len(demo.pki.keys) == 7
    assert all(label.startswith("DEMO · ") for label in labels)
    assert "DEMO · Clerk — ASANOVA AIGERIM" in labels
    banner = dialog.findChild(QLabel, "demoBanner")
    assert banner is not None and banner.isVisible() and banner.text() == "DEMO"
    assert dialog.demo_list.hasFocus() or dialog.focusWidget() is dialog.demo_list


@pytest.mark.parametrize("role", list(Role))
def test_choosing_a_demo_key_logs_in_with_its_role(qtbot, demo: DemoLogin, role: Role) -> None:  # type: ignore[no-untyped-def]
    dialog = demo_dialog(qtbot, demo)
    row = list(demo.pki.keys).index(demo.pki.key_for(role))
    dialog.choose_demo_key(row)
    assert dialog.key_path.text() == str(demo.pki.key_for(role).path)
    assert dialog.password.text() == demo.pki.password
    with qtbot.waitSignal(dialog.logged_in) as signal:
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert signal.args[0].role is role


def test_a_refused_demo_key_says_why(qtbot, demo: DemoLogin) -> None:  # type: ignore[no-untyped-def]
    dialog = demo_dialog(qtbot, demo)
    dialog.choose_demo_key(list(demo.pki.keys).index(demo.pki.key_of(DemoKeyKind.REVOKED)))
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert "was revoked on" in dialog.key_error.text()
    assert dialog.session is None


# ---- the application's start -----------------------------------------------------------------
# A real process each time (as a person or the start-up benchmark starts it): running the
# app's own event loop inside the test process would leave Qt state behind for later tests.

ROOT = Path(__file__).resolve().parents[2]


def _now_pki(data_dir: Path, pool: DemoKeyPool) -> Path:
    """The demo PKI for now (the app runs on the system clock), made with the shared key pool
    so the start does not spend seconds generating RSA keys; returns the clerk's key file."""
    pki = ensure_demo_pki(data_dir / "pki", datetime.now(UTC), keys=pool)
    return pki.key_for(Role.CLERK).path


def start_app(*args: str, password: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        input=None if password is None else password + "\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=180,
    )


def test_the_app_logs_in_before_it_shows_the_desk(tmp_path: Path, pool: DemoKeyPool) -> None:
    data_dir = tmp_path / "demo-app"
    key = _now_pki(data_dir, pool)
    argv = ["--demo", "--data-dir", str(data_dir), "--key", str(key), "--password-stdin"]
    refused = start_app(*argv, "--exit-when-shown", password="wrong")
    assert refused.returncode == 1 and "shown" not in refused.stdout
    assert "password for this key file is wrong" in refused.stderr
    shown = start_app(*argv, "--exit-when-shown", password=DEMO_PASSWORD)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("shown ")
    # Log-in, the failure before it and the log-out are in the desk's audit trail.
    store = LocalStore.open(data_dir)
    try:
        log = AuditLog(store, workstation_id=desk_identity(store).workstation_id,
                       clock=FixedClock(datetime.now(UTC)))  # fmt: skip
        actions = [e.action.value for e in log.entries()]
        assert [a for a in actions if a.startswith("log")] == ["login_failed", "login", "logout"]
        assert log.verify().ok
    finally:
        store.close()


def test_a_desk_without_a_trust_store_says_so(tmp_path: Path, pool: DemoKeyPool) -> None:
    key = _now_pki(tmp_path / "demo-app", pool)
    real = tmp_path / "real"
    real.mkdir()
    done = start_app("--data-dir", str(real), "--key", str(key), "--password-stdin",
                     password=DEMO_PASSWORD)  # fmt: skip
    assert done.returncode == 1
    assert "not set up for log-in" in done.stderr and "trust store folder" in done.stderr
    done = start_app("--data-dir", str(real), "--password-stdin", password="x")
    assert done.returncode == 1 and "needs --key" in done.stderr


def test_the_demo_start_offers_the_demo_keys_on_the_log_in_screen(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, pool: DemoKeyPool
) -> None:
    # The app's log-in step with the session, service and dialog the app makes for --demo.
    data_dir = tmp_path / "demo-app"
    _now_pki(data_dir, pool)
    args = build_parser().parse_args(["--demo", "--data-dir", str(data_dir)])
    session = open_session(args)
    try:
        service, demo = login_service(session, data_dir_of(args))
        assert demo is not None
        seen: list[list[str]] = []

        def log_in_as_supervisor() -> None:
            dialog = next(
                (w for w in QApplication.topLevelWidgets()
                 if isinstance(w, LoginDialog) and w.isVisible()), None,
            )  # fmt: skip
            if dialog is None:
                QTimer.singleShot(20, log_in_as_supervisor)
                return
            assert dialog.demo_list is not None
            seen.append([dialog.demo_list.item(i).text() for i in range(dialog.demo_list.count())])
            dialog.choose_demo_key(2)
            dialog.submit()

        QTimer.singleShot(0, log_in_as_supervisor)
        staff = log_in(service, demo, args, io.StringIO())
        assert staff is not None and staff.role is Role.SUPERVISOR
        assert seen and len(seen[0]) == 7 and all(label.startswith("DEMO") for label in seen[0])
    finally:
        session.store.close()
