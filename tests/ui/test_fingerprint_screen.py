"""The fingerprint capture screen end to end: real widgets, the real SBI client, the simulator
running as its own process on 127.0.0.1, and the desk's real store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from sqlalchemy import func, select

from tests.sbi_simulator import free_port, running_simulator, set_mode
from tests.ui.conftest import wait_idle
from ui.main_window import MainWindow
from ui.runner import Runner
from ui.steps.fingerprint_device import ScannerSettingsInvalid, sbi_client_from_environment
from ui.steps.fingerprint_screen import FingerprintScreen
from workstation.biometrics.quality import ExceptionReason, FingerState
from workstation.biometrics.sbi import FingerPosition, SbiClient, Slap, trusted_ca_from_pem
from workstation.biometrics.simulator import FingerprintArt
from workstation.domain.checklist import Step, StepStatus
from workstation.domain.lifecycle import CaseState
from workstation.services.fingerprints import FingerprintDesk
from workstation.services.setup import DeskSession
from workstation.store.models import cases, fingerprint_prints, journal


@pytest.fixture(scope="module")
def simulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, Path]]:
    """The simulator, started through the desk's own command (dnr-workstation sbi-simulator)."""
    with running_simulator(tmp_path_factory.mktemp("sbi"), scan_ms=30, via_cli=True) as started:
        yield started


@pytest.fixture
def port(simulator: tuple[int, Path]) -> int:
    set_mode(simulator[0], reset=True, scan_ms=30)
    return simulator[0]


@pytest.fixture
def client(simulator: tuple[int, Path], port: int) -> SbiClient:
    return SbiClient(
        ports=[port],
        trusted_ca=trusted_ca_from_pem(simulator[1].read_bytes()),
        response_grace_s=1.0,
    )


def arrived_case(session: DeskSession, *, minor: bool = False) -> str:
    """A demo case whose applicant entered yesterday (16 or over unless ``minor``)."""
    today = session.clock.today()
    with session.store.reading() as conn:
        rows = conn.execute(
            select(cases.c.case_id, cases.c.birth_date)
            .where(cases.c.state == str(CaseState.APPROVED))
            .where(cases.c.approval_date < today - timedelta(days=1))
            .where(cases.c.window_end >= today)
            .order_by(cases.c.case_id)
        ).all()
    case_id = str(rows[0].case_id)
    desk = session.desk()
    desk.record_arrival(case_id, today - timedelta(days=1), "Astana International Airport")
    if minor:
        with session.store.transaction() as conn:
            conn.execute(
                cases.update()
                .where(cases.c.case_id == case_id)
                .values(birth_date=date(today.year - 12, 1, 1))
            )
    return case_id


@pytest.fixture
def runner(qtbot) -> Iterator[Runner]:  # type: ignore[no-untyped-def]
    made = Runner()
    yield made
    wait_idle(qtbot, made)
    made.shutdown()


def make_screen(qtbot, session, runner, client, *, birth=date(1990, 5, 1)):  # type: ignore[no-untyped-def]
    case_id = arrived_case(session)
    screen = FingerprintScreen(
        FingerprintDesk(session.context()),
        runner,
        client,
        case_id,
        "TEST APPLICANT",
        birth,
        session.clock.today(),
    )
    qtbot.addWidget(screen)
    screen.confirm_discard = lambda: True
    screen.show()
    qtbot.waitUntil(lambda: screen.idle)
    return screen


def stored(session: DeskSession, case_id: str) -> tuple[int, int]:
    with session.store.reading() as conn:
        prints = conn.execute(
            select(func.count())
            .select_from(fingerprint_prints)
            .where(fingerprint_prints.c.case_id == case_id)
        ).scalar_one()
        events = conn.execute(
            select(func.count())
            .select_from(journal)
            .where(journal.c.case_id == case_id, journal.c.type == "FingerprintsCaptured")
        ).scalar_one()
    return int(prints), int(events)


def press(qtbot, screen: FingerprintScreen, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    # Shortcuts go to the active window; a closed child dialog may leave none active here.
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    qtbot.keyClick(screen.hands, key)
    qtbot.waitUntil(lambda: screen.idle, timeout=10_000)


def test_three_slaps_from_the_case_menu_to_the_checklist(  # type: ignore[no-untyped-def]
    qtbot,
    main_window: MainWindow,
    simulator,
    port,
    monkeypatch,
) -> None:
    monkeypatch.setenv("DNR_SBI_PORTS", f"{port}-{port}")
    monkeypatch.setenv("DNR_SBI_CA", str(simulator[1]))
    case_id = arrived_case(main_window.session)
    with qtbot.waitSignal(main_window.case_shown):
        main_window.open_case(case_id)
    assert main_window.fingerprint_action.isEnabled()
    qtbot.keyClick(
        main_window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    screen = main_window.findChild(FingerprintScreen)
    assert screen is not None and screen.isVisible()
    qtbot.waitUntil(lambda: screen.device is not None and screen.idle)
    assert "SIM0000000001" in screen.device_label.text()
    assert "not verified" not in screen.device_label.text()
    assert "Left slap" in screen.next_label.text()
    assert not screen.save_button.isEnabled()

    for key, slap in ((Qt.Key.Key_Space, Slap.LEFT_SLAP), (Qt.Key.Key_Return, Slap.RIGHT_SLAP)):
        press(qtbot, screen, key)
        assert all(screen.ten_print.finger(f).passed for f in slap.fingers)
    assert "Both thumbs" in screen.next_label.text()
    assert not screen.save_button.isEnabled()
    press(qtbot, screen, Qt.Key.Key_Space)

    assert screen.ten_print.is_complete and screen.save_button.isEnabled()
    tile = screen.tiles[FingerPosition.RIGHT_THUMB]
    quality = screen.ten_print.finger(FingerPosition.RIGHT_THUMB).best_quality
    assert tile.quality.text() == f"Quality {quality} / 40"
    assert "#15803d" in tile.quality.styleSheet()
    assert tile.tries.text() == "Tries 1 of 3"
    assert not tile.image.pixmap().isNull()
    with qtbot.waitSignal(screen.recorded) as saved:
        qtbot.keyClick(screen.hands, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved.args[0].case_ids == {case_id}
    assert stored(main_window.session, case_id) == (10, 1)
    qtbot.waitUntil(
        lambda: (
            main_window.case_view.detail is not None
            and any(
                i.step is Step.FINGERPRINTS and i.status is StepStatus.RECORDED
                for i in main_window.case_view.detail.checklist
            )
        )
    )
    assert not screen.isVisible()


def test_poor_prints_are_retried_then_excused_and_the_best_try_is_kept(  # type: ignore[no-untyped-def]
    qtbot,
    desk_session,
    runner,
    client,
    port,
) -> None:
    screen = make_screen(qtbot, desk_session, runner, client)
    little, ring = FingerPosition.LEFT_LITTLE, FingerPosition.LEFT_RING
    set_mode(port, low_quality_next=3, low_quality_fingers=[little.value])
    press(qtbot, screen, Qt.Key.Key_Space)
    assert screen.ten_print.finger(little).state is FingerState.RETRY
    assert screen.selected is little  # the finger needing attention is selected
    assert "#b91c1c" in screen.tiles[little].quality.styleSheet()
    assert "Left little" in screen.message.text()
    assert screen.ten_print.finger(ring).passed

    # Injured needs all tries first; the dialog says so and keeps the finger open.
    dialog = screen.record_exception()
    assert dialog is not None
    dialog.choose(ExceptionReason.INJURED)
    dialog.ok_button.click()
    assert dialog.isVisible() and "Try Left LittleFinger 3 times" in dialog.error.text()
    dialog.reject()

    press(qtbot, screen, Qt.Key.Key_R)
    press(qtbot, screen, Qt.Key.Key_R)
    session = screen.ten_print.finger(little)
    assert session.tries == 3 and session.state is FingerState.NEEDS_EXCEPTION
    assert not screen.retry_button.isEnabled()
    assert screen.ten_print.finger(ring).tries == 1  # a retry asks for one finger only
    best = session.best_quality
    assert best is not None and best < 40

    qtbot.keyClick(screen.hands, Qt.Key.Key_E)
    dialog = screen.exception_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.choose(ExceptionReason.INJURED, "cut on the fingertip")
    dialog.ok_button.click()
    assert screen.ten_print.finger(little).state is FingerState.EXCEPTION

    # A finger that cannot be placed at all is excused before capture and not requested.
    thumb = FingerPosition.RIGHT_THUMB
    screen.hands.select(thumb)
    dialog = screen.record_exception()
    assert dialog is not None
    dialog.choose(ExceptionReason.AMPUTATED)
    dialog.ok_button.click()
    press(qtbot, screen, Qt.Key.Key_Space)
    press(qtbot, screen, Qt.Key.Key_Space)
    assert screen.ten_print.finger(thumb).tries == 0
    assert screen.ten_print.finger(FingerPosition.LEFT_THUMB).passed
    assert screen.save_button.isEnabled()

    with qtbot.waitSignal(screen.recorded):
        screen.save_button.click()
    record = FingerprintDesk(desk_session.context()).prints_of(screen.case_id)
    assert record is not None and len(record.prints) == 9
    kept = record.print_of(little)
    assert kept is not None and kept.quality == best
    assert record.exceptions[little].note == "cut on the fingertip"
    assert record.exceptions[thumb].reason is ExceptionReason.AMPUTATED


def test_a_long_capture_keeps_the_screen_live_and_cancel_leaves_nothing(  # type: ignore[no-untyped-def]
    qtbot,
    desk_session,
    runner,
    client,
    port,
) -> None:
    screen = make_screen(qtbot, desk_session, runner, client)
    set_mode(port, scan_ms=10_000)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    qtbot.keyClick(screen.hands, Qt.Key.Key_Space)
    assert screen.capturing and screen.cancel_capture_button.isVisible()
    # The GUI thread keeps running its timers and paints live preview frames meanwhile.
    qtbot.waitUntil(lambda: screen.frames_shown >= 3 and len(ticks) >= 5, timeout=8_000)
    assert screen.capturing
    qtbot.keyClick(screen.hands, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: screen.idle, timeout=5_000)
    timer.stop()
    assert not screen.capturing and screen.isVisible()
    assert "cancelled" in screen.message.text()
    assert all(s.tries == 0 for s in screen.ten_print.sessions)
    qtbot.keyClick(screen.hands, Qt.Key.Key_Escape)
    assert not screen.isVisible()
    assert stored(desk_session, screen.case_id) == (0, 0)


def test_a_print_can_be_imported_from_an_image_file(  # type: ignore[no-untyped-def]
    qtbot,
    desk_session,
    runner,
    client,
    tmp_path,
) -> None:
    screen = make_screen(qtbot, desk_session, runner, client)
    image = tmp_path / "left-index.png"
    image.write_bytes(FingerprintArt().png(FingerPosition.LEFT_INDEX, degraded=False))
    asked: list[FingerPosition] = []
    screen.choose_print_file = lambda position: asked.append(position) or image
    screen.hands.select(FingerPosition.LEFT_INDEX)
    press(qtbot, screen, Qt.Key.Key_I)
    assert asked == [FingerPosition.LEFT_INDEX]
    session = screen.ten_print.finger(FingerPosition.LEFT_INDEX)
    assert session.best is not None and session.best.imported and session.tries == 1
    assert "imported" in screen.tiles[FingerPosition.LEFT_INDEX].quality.text()

    not_an_image = tmp_path / "notes.png"
    not_an_image.write_text("hello")
    screen.choose_print_file = lambda _position: not_an_image
    screen.hands.select(FingerPosition.LEFT_MIDDLE)
    press(qtbot, screen, Qt.Key.Key_I)
    assert "not a PNG or JPEG" in screen.message.text()
    assert screen.ten_print.finger(FingerPosition.LEFT_MIDDLE).tries == 0


def test_under_sixteen_the_screen_says_why_and_captures_nothing(  # type: ignore[no-untyped-def]
    qtbot,
    desk_session,
    runner,
    client,
) -> None:
    today = desk_session.clock.today()
    screen = make_screen(qtbot, desk_session, runner, client, birth=date(today.year - 14, 1, 2))
    assert "not required" in screen.requirement_label.text()
    assert "14" in screen.requirement_label.text()
    for button in (screen.capture_button, screen.save_button, screen.import_button):
        assert not button.isEnabled()
    qtbot.keyClick(screen.hands, Qt.Key.Key_Space)
    assert not screen.capturing and screen.device is None


def test_without_a_scanner_the_clerk_is_told_what_to_do(qtbot, desk_session, runner) -> None:  # type: ignore[no-untyped-def]
    nobody = free_port()
    screen = make_screen(qtbot, desk_session, runner, SbiClient(ports=[nobody]))
    assert "No fingerprint scanner found" in screen.device_label.text()
    assert "import prints from files" in screen.device_label.text()
    press(qtbot, screen, Qt.Key.Key_Space)
    assert "No fingerprint scanner found" in screen.message.text()
    assert all(s.tries == 0 for s in screen.ten_print.sessions)


def test_arrow_keys_and_clicks_choose_the_finger(qtbot, desk_session, runner, client) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen(qtbot, desk_session, runner, client)
    screen.hands.select(FingerPosition.LEFT_LITTLE)
    qtbot.keyClick(screen.hands, Qt.Key.Key_Right)
    assert screen.selected is FingerPosition.LEFT_RING
    assert screen.selected_label.text().startswith("Left ring")
    qtbot.keyClick(screen.hands, Qt.Key.Key_Left)
    qtbot.keyClick(screen.hands, Qt.Key.Key_Left)
    assert screen.selected is FingerPosition.RIGHT_LITTLE
    qtbot.mouseClick(screen.tiles[FingerPosition.LEFT_THUMB], Qt.MouseButton.LeftButton)
    assert screen.selected is FingerPosition.LEFT_THUMB


def test_scanner_settings_come_from_the_environment(tmp_path: Path, simulator) -> None:  # type: ignore[no-untyped-def]
    client = sbi_client_from_environment(
        {"DNR_SBI_PORTS": "4510-4520", "DNR_SBI_CA": str(simulator[1])}
    )
    assert list(client.ports) == list(range(4510, 4521)) and client.trusted_ca is not None
    assert list(sbi_client_from_environment({}).ports) == list(range(4501, 4601))
    with pytest.raises(ScannerSettingsInvalid, match="DNR_SBI_PORTS"):
        sbi_client_from_environment({"DNR_SBI_PORTS": "many"})
    with pytest.raises(ScannerSettingsInvalid, match="DNR_SBI_CA"):
        sbi_client_from_environment({"DNR_SBI_CA": str(tmp_path / "missing.pem")})
