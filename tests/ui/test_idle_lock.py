"""The idle lock over the real main window: it locks, hides the desk, unlocks with the same key."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import UI_NOW, wait_idle
from tests.ui.test_login import attempt, seed_staff
from ui.idle_lock import IdleLock
from ui.main_window import MainWindow
from workstation.domain.clock import FixedClock
from workstation.security.audit import AuditAction
from workstation.security.pki import DemoKeyPool, DemoPki, make_demo_pki
from workstation.security.roles import Role
from workstation.services.login import LoginEvent, LoginService, LoginSettings, StaffSession
from workstation.services.setup import DeskSession


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> DemoPki:
    keys = DemoKeyPool(tmp_path_factory.getbasetemp() / "demo-keys")
    return make_demo_pki(tmp_path_factory.mktemp("pki"), keys=keys, now=UI_NOW - timedelta(hours=1))


@pytest.fixture
def audit() -> list[LoginEvent]:
    return []


@pytest.fixture
def service(
    desk_session: DeskSession, pki: DemoPki, ui_clock: FixedClock, tmp_path: Path,
    audit: list[LoginEvent],
) -> LoginService:  # fmt: skip
    seed_staff(desk_session.store, pki, ui_clock)
    crl_dir = tmp_path / "crl"
    crl_dir.mkdir()
    for crl in pki.crl_files:
        shutil.copy(crl, crl_dir / crl.name)
    return LoginService(
        desk_session.store, LoginSettings(pki.trust_dir, crl_dir), desk_city="Astana",
        clock=ui_clock, audit=audit.append,
    )  # fmt: skip


@pytest.fixture
def clerk(service: LoginService, pki: DemoPki) -> StaffSession:
    return service.log_in(pki.staff_for(Role.CLERK).auth_p12, pki.password)


def make_window(qtbot, desk_session: DeskSession, clerk: StaffSession) -> MainWindow:  # type: ignore[no-untyped-def]
    desk_session.actor = clerk.actor
    window = MainWindow(desk_session)
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot, window, lambda: window.model.rowCount() > 0)
    return window


@pytest.fixture
def window(qtbot, desk_session: DeskSession, clerk: StaffSession) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, desk_session, clerk)
    yield window
    wait_idle(qtbot, window)
    window.runner.shutdown()


@pytest.fixture
def lock_after(window: MainWindow, service: LoginService, clerk: StaffSession):  # type: ignore[no-untyped-def]
    made: list[IdleLock] = []

    def make(idle: timedelta) -> IdleLock:
        lock = IdleLock(window, service, clerk, idle)
        made.append(lock)
        return lock

    yield make
    for lock in made:
        lock.stop()
        if lock.dialog is not None:
            lock.dialog.deleteLater()


def test_an_idle_desk_locks_and_unlocks_only_with_the_same_key(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, lock_after, pki: DemoPki, audit: list[LoginEvent]
) -> None:
    lock = lock_after(timedelta(milliseconds=300))
    with qtbot.waitSignal(lock.locked, timeout=10_000):
        pass
    assert lock.is_locked and lock.dialog is not None
    dialog = lock.dialog
    assert window.isHidden()  # no case data on screen while nobody is at the desk
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert visible == [dialog]
    assert dialog.objectName() == "unlockDialog"
    assert "Locked by ASANOVA AIGERIM" in dialog.intro.text()
    assert dialog.key_path.text() == str(pki.staff_for(Role.CLERK).auth_p12)
    assert AuditAction.LOCK in [e.action for e in audit]

    # Another member of staff, even with a valid key, cannot take over the session.
    attempt(qtbot, dialog, pki.staff_for(Role.SUPERVISOR).auth_p12, pki.password)
    assert "only that person's key unlocks it" in dialog.key_error.text()
    assert lock.is_locked and window.isHidden()
    # Closing the lock screen is not a way in.
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()
    assert lock.is_locked and dialog.isVisible()
    # A wrong password is refused next to the password.
    attempt(qtbot, dialog, pki.staff_for(Role.CLERK).auth_p12, "111111")
    assert "password" in dialog.password_error.text()
    assert lock.is_locked

    with qtbot.waitSignal(lock.unlocked) as unlocked:
        attempt(qtbot, dialog, pki.staff_for(Role.CLERK).auth_p12, pki.password)
    assert unlocked.args[0].actor.iin == pki.staff_for(Role.CLERK).iin
    assert not lock.is_locked
    assert window.isVisible()
    actions = [e.action for e in audit]
    assert actions[-1] is AuditAction.UNLOCK
    assert actions.count(AuditAction.LOGIN_FAILED) == 2


def test_ctrl_l_locks_at_once_and_the_lock_screen_can_log_out(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, lock_after, audit: list[LoginEvent]
) -> None:
    lock = lock_after(timedelta(minutes=10))
    window.activateWindow()
    lock.lock_action.trigger()
    assert lock.is_locked and window.isHidden()
    assert audit[-1].action is AuditAction.LOCK and audit[-1].details == {"idle": False}
    assert lock.dialog is not None
    with qtbot.waitSignal(lock.logged_out):
        qtbot.mouseClick(lock.dialog.leave_button, Qt.MouseButton.LeftButton)
    assert lock.ended and not lock.is_locked
    assert audit[-1].action is AuditAction.LOGOUT


def test_input_keeps_the_desk_unlocked(qtbot, window: MainWindow, lock_after) -> None:  # type: ignore[no-untyped-def]
    lock = lock_after(timedelta(minutes=10))
    before = lock._last_input
    time.sleep(0.01)
    qtbot.keyClicks(window.worklist.search, "a")
    assert lock._last_input > before
    # The timer fires at the idle time after the last input it knows of: not yet idle.
    lock._check_idle()
    assert not lock.is_locked
    # Ten minutes without input since then: idle.
    lock._last_input -= 600
    lock._check_idle()
    assert lock.is_locked


def test_a_revoked_key_no_longer_unlocks(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, lock_after, pki: DemoPki, service: LoginService
) -> None:
    from cryptography.hazmat.primitives import serialization

    lock = lock_after(timedelta(minutes=10))
    dialog = lock.lock(idle=True)
    clerk = pki.staff_for(Role.CLERK)
    serial = lock.session.identity.serial_number
    crl = pki.crl(revoked=[(serial, UI_NOW - timedelta(minutes=1))], last_update=UI_NOW)
    (service.settings.crl_dir / "issuing.crl").write_bytes(
        crl.public_bytes(serialization.Encoding.DER)
    )
    attempt(qtbot, dialog, clerk.auth_p12, pki.password)
    assert "was revoked" in dialog.key_error.text()
    assert lock.is_locked


def test_an_administrator_gets_no_case_list(  # type: ignore[no-untyped-def]
    qtbot, desk_session: DeskSession, service: LoginService, pki: DemoPki
) -> None:
    admin = service.log_in(pki.staff_for(Role.ADMINISTRATOR).auth_p12, pki.password)
    desk_session.actor = admin.actor
    window = MainWindow(desk_session)
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot, window)
    assert window.model.rowCount() == 0
    assert not window.worklist.isEnabled()
    assert window.worklist.empty_hint.text() == "Your role does not see case data."
    window.runner.shutdown()
