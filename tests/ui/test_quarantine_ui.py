"""A pulled approval whose signatures do not check out is shown, not applied (issue 7)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from tests.ui.conftest import UI_NOW, wait_idle
from ui.main_window import MainWindow
from ui.quarantine_dialog import QuarantineDialog
from workstation.domain.clock import FixedClock
from workstation.domain.programme import DEFAULT_RULES
from workstation.services.demo import open_demo_session
from workstation.services.demo_login import prepare_demo_login
from workstation.store.models import cases
from workstation.sync.demo_seed import approval_event, make_approvals
from workstation.sync.gateway import CentralGateway


def test_a_forged_approval_is_listed_and_opens_no_case(qtbot: Any, tmp_path: Path) -> None:
    data = tmp_path / "desk"
    session = open_demo_session(data, DEFAULT_RULES, FixedClock(UI_NOW), cases=12)
    session.verification = prepare_demo_login(session, data).service.verification()
    # An approval at central that nobody signed.
    extra = list(make_approvals(1, seed=99, today=UI_NOW.date(), first_number=900))
    unsigned = approval_event(extra[0])
    assert session.central_url is not None
    central = CentralGateway(session.central_url)
    try:
        central.push([(unsigned, "Astana")])
    finally:
        central.dispose()
    window = MainWindow(session)
    window.show()
    try:
        with qtbot.waitSignal(window.background_sync.finished, timeout=30_000):
            window.sync_now()
        status = window.sync_status
        qtbot.waitUntil(lambda: status.quarantine_button.isVisible())
        assert status.quarantine_button.text() == "⚠ 1 approval(s) refused: signature"
        assert [q.case_id for q in status.quarantined] == [unsigned.case_id]
        with session.store.reading() as conn:  # no case was opened for it
            assert (
                conn.execute(
                    select(cases.c.case_id).where(cases.c.case_id == unsigned.case_id)
                ).first()
                is None
            )
            assert conn.execute(select(func.count()).select_from(cases)).scalar_one() > 0
        dialog = QuarantineDialog(status.quarantined, window)
        qtbot.addWidget(dialog)
        table = dialog.table
        assert table.rowCount() == 1
        assert table.item(0, 0).text() == unsigned.case_id
        assert table.item(0, 1).text() == unsigned.payload["approval_number"]
        assert table.item(0, 3).text() == "The event is not signed"
        QApplication.processEvents()
    finally:
        wait_idle(qtbot, window)
        window.close()
        window.runner.shutdown()
        session.store.close()


def test_an_event_central_refused_says_so_in_the_desks_language(qtbot: Any) -> None:
    from ui import i18n
    from workstation.services.quarantine import QuarantinedApproval

    refused = QuarantinedApproval(
        event_id="e1",
        case_id="DNR-AST-26-0000001",
        approval_number="",
        approval_date="",
        city="",
        recorded_at="2026-03-10T06:00:00.000000Z",
        reason="Event e1: workstation WS-A already gave number 1 to another event.",
        kind="sent",
        event_type="ArrivalRecorded",
    )
    before = QLocale()
    try:
        i18n.install("ru")
        dialog = QuarantineDialog([refused])
        qtbot.addWidget(dialog)
        reason = dialog.table.item(0, 3).text()
        assert reason.startswith("Центральная база отклонила событие этого рабочего места: ")
        assert "WS-A" in reason and "already gave" not in reason  # the door's text translated
    finally:
        i18n.uninstall()  # as the other UI tests expect: no catalogue installed
        QLocale.setDefault(before)
