"""Background sync in the window: status bar online/offline, queue, last sync, Sync now off the
GUI thread, progress of a long pull, and a case another desk also acted on."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import keyring
import pytest
from PySide6.QtGui import QKeySequence
from sqlalchemy import select

from tests.core.test_sync_config import MemoryKeyring
from tests.ui.conftest import wait_idle
from ui import sync_status
from ui.main_window import MainWindow
from ui.sync_status import SyncState
from workstation.domain.clock import FixedClock
from workstation.domain.lifecycle import CaseState
from workstation.domain.programme import DEFAULT_RULES
from workstation.journal.envelope import Actor
from workstation.services.context import DeskContext
from workstation.services.demo import open_demo_session
from workstation.services.desk import Desk
from workstation.services.setup import DeskSession, desk_identity
from workstation.store.local import LocalStore
from workstation.store.models import cases
from workstation.sync.gateway import CentralGateway
from workstation.sync.syncer import SyncRound, sync_once

# Nothing listens on port 1: the connection is refused at once, as when the network is down.
UNREACHABLE = "postgresql://desk_ast_01@127.0.0.1:1/dnr"


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    original = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(original)


def _idle(qtbot: Any, window: MainWindow) -> None:
    """Wait until no background job is left: pytest-qt deletes the window after the test
    body, before fixtures end, and a late result must not reach a deleted widget."""
    for _ in range(2):
        wait_idle(qtbot, window)
        qtbot.wait(20)


def _sync_and_wait(qtbot: Any, window: MainWindow) -> Any:
    with qtbot.waitSignal(window.background_sync.finished, timeout=30_000) as finished:
        assert window.sync_now()
    _idle(qtbot, window)
    return finished.args[0]


def _open_case(session: DeskSession) -> Any:
    """A case both desks can record an arrival on: approved, its window open for two more days
    and approved at least three days ago."""
    today = session.clock.today()
    with session.store.reading() as conn:
        return conn.execute(
            select(cases)
            .where(
                (cases.c.state == str(CaseState.APPROVED))
                & (cases.c.window_end >= today + timedelta(days=2))
                & (cases.c.approval_date <= today - timedelta(days=3))
            )
            .order_by(cases.c.case_id)
            .limit(1)
        ).one()


def test_offline_then_online(qtbot: Any, main_window: MainWindow, desk_session: DeskSession):
    status = main_window.sync_status
    qtbot.waitUntil(lambda: status.queue_label.text() == "Nothing to send")
    case = _open_case(desk_session)
    desk_session.desk().record_arrival(
        case.case_id, desk_session.clock.today() - timedelta(days=1), "Astana airport"
    )
    real_url = desk_session.central_url
    desk_session.central_url = UNREACHABLE

    outcome = _sync_and_wait(qtbot, main_window)
    assert isinstance(outcome, Exception)
    assert status.state is SyncState.OFFLINE
    assert status.state_label.text() == "● Offline"
    assert "Cannot reach central" in status.state_label.toolTip()
    assert not status.error_label.isVisible()  # offline is no error: the desk works on
    assert status.queue_label.text() == "1 event(s) to send"
    assert status.last_label.text() == "Not synced yet"
    assert main_window.sync_action.isEnabled()

    desk_session.central_url = real_url  # the network is back: the queue flushes
    report = _sync_and_wait(qtbot, main_window)
    assert (report.pushed, report.already_here) == (1, 1)
    assert status.state is SyncState.ONLINE and status.state_label.text() == "● Online"
    assert status.last_label.text() == "Last sync 11:30"  # the UI clock: 11:30 in Astana
    assert "Sent 1, received " in status.last_label.toolTip()
    assert status.queue_label.text() == "Nothing to send"


def test_a_refusal_is_named_in_the_status_bar(
    qtbot: Any, main_window: MainWindow, desk_session: DeskSession, tmp_path: Path
) -> None:
    empty = CentralGateway(f"sqlite:///{tmp_path / 'no-schema.sqlite3'}")
    empty.engine.connect().close()  # an empty database: no DNR schema
    empty.dispose()
    desk_session.central_url = str(empty.url)
    _sync_and_wait(qtbot, main_window)
    status = main_window.sync_status
    assert status.state is SyncState.REFUSED
    assert status.state_label.text() == "● Central refused"
    assert status.error_label.isVisible()
    assert "central init" in status.error_label.toolTip()


def test_sync_now_runs_off_the_gui_thread_one_round_at_a_time(
    qtbot: Any, main_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []
    real_step = SyncRound.step

    def step(self: SyncRound) -> bool:
        threads.append(threading.current_thread())
        return real_step(self)

    monkeypatch.setattr(SyncRound, "step", step)
    action = main_window.sync_action
    assert action.shortcut() == QKeySequence("F5")
    assert main_window.sync_status.sync_button.defaultAction() is action
    with qtbot.waitSignal(main_window.background_sync.finished, timeout=30_000):
        action.trigger()
        assert main_window.background_sync.running and not action.isEnabled()
        assert not main_window.sync_now()  # never two rounds at once
    _idle(qtbot, main_window)
    assert threads and threading.main_thread() not in threads
    assert len({t.name for t in threads}) == 1 and threads[0].name.startswith("desk-db")
    assert action.isEnabled()


def test_the_timer_syncs_again_after_the_interval(
    qtbot: Any, main_window: MainWindow, desk_session: DeskSession
) -> None:
    background = main_window.background_sync
    assert background.timer.interval() == 60_000  # the default, no settings file here
    assert background.timer.isActive()
    # Fire soon once; from the round's end on (finished comes before the re-arm) the pause
    # is long again, so no second round starts during the test.
    background.finished.connect(lambda _outcome: background.timer.setInterval(60_000))
    background.timer.setInterval(10)
    background.timer.start()
    with qtbot.waitSignal(background.finished, timeout=30_000) as finished:
        pass
    _idle(qtbot, main_window)
    assert finished.args[0].pulled == 0
    assert background.timer.isActive() and not background.running  # re-armed, waiting


def test_a_long_first_pull_shows_progress_and_fills_the_worklist(
    qtbot: Any, tmp_path: Path, ui_clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = open_demo_session(tmp_path / "fresh", DEFAULT_RULES, ui_clock, cases=45)
    monkeypatch.setattr(session, "start_sync", lambda: DeskSession.start_sync(session, batch=10))
    monkeypatch.setattr(sync_status, "PROGRESS_DELAY_MS", 0)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    shown: list[str] = []
    real_show = window.sync_status.show_progress

    def show_progress(*args: Any) -> None:
        real_show(*args)
        shown.append(window.sync_status.progress_label.text())

    monkeypatch.setattr(window.sync_status, "show_progress", show_progress)
    try:
        report = _sync_and_wait(qtbot, window)
        assert report.pulled == report.applied > 20  # the Astana half of 45 approvals
        assert "Receiving… 10 event(s)" in shown and "Receiving… 20 event(s)" in shown
        assert not window.sync_status.progress_bar.isVisible()
        qtbot.waitUntil(lambda: window.model.rowCount() > 0)
    finally:
        wait_idle(qtbot, window)
        window.runner.shutdown()
        session.store.close()


def test_the_case_view_shows_that_another_desk_acted(
    qtbot: Any, main_window: MainWindow, desk_session: DeskSession, tmp_path: Path
) -> None:
    case = _open_case(desk_session)
    today = desk_session.clock.today()
    url = desk_session.central_url
    assert url is not None
    # Desk B's clerk here signs nothing: what is tested is the conflict, not signatures.
    desk_session.verification = None
    desk_session.trust_unsigned = True
    other_store = LocalStore.open(tmp_path / "desk-b", create=True)
    central = CentralGateway(url)
    try:
        city = desk_identity(other_store, "Astana", settings=None).city
        other = Desk(
            DeskContext(
                other_store,
                actor=Actor(iin="880101300012", name="OTHER CLERK", role="clerk"),
                workstation_id="WS-B",
                rules=DEFAULT_RULES,
                clock=desk_session.clock,
            )
        )
        sync_once(other_store, central, DEFAULT_RULES, city=city, trust_unsigned=True)
        # Both desks record the arrival while apart; desk B reaches central first.
        other.record_arrival(case.case_id, today - timedelta(days=2), "Khorgos")
        desk_session.desk().record_arrival(case.case_id, today - timedelta(days=1), "Astana")
        sync_once(other_store, central, DEFAULT_RULES, city=city, trust_unsigned=True)
    finally:
        central.dispose()
        other_store.close()

    report = _sync_and_wait(qtbot, main_window)
    assert (report.pushed, report.applied, report.replayed) == (1, 1, 1)
    with qtbot.waitSignal(main_window.case_shown, timeout=10_000):
        main_window.open_case(case.case_id)
    _idle(qtbot, main_window)
    view = main_window.case_view
    assert view.detail is not None and view.detail.status.entry_date == today - timedelta(days=1)
    assert view.conflict_line.isVisible()
    assert "Another desk acted on this case" in view.conflict_line.text()
    assert "WS-B" in view.conflict_line.text()
    arrival = view.checklist.topLevelItem(0)
    assert arrival.childCount() == 1
    line = arrival.child(0)
    assert "Also recorded at desk WS-B on" in line.text(0) and "by IIN 880101300012" in line.text(0)
    assert line.isFirstColumnSpanned() and line.text(0).endswith(
        "superseded by a later record in central's order"
    )
