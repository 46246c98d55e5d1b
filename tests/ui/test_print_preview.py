"""The print preview on real widgets: a ready case shows its PDF pages and prints, a case
that is not ready says why, and printing is recorded on the case."""

from __future__ import annotations

import io
import json
import os
import stat
from datetime import timedelta
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import select

from tests.core.conftest import CaseBook
from tests.ui.conftest import UI_TODAY, wait_idle
from workstation.domain.lifecycle import CaseState, EventType
from workstation.services.setup import DeskSession
from workstation.services.stages import Stage, take_case_to
from workstation.store.models import cases, journal

ENTRY = UI_TODAY - timedelta(days=2)


def approved_adult(session: DeskSession) -> str:
    """An approved case whose window is open and whose applicant is an adult."""
    with session.store.reading() as conn:
        rows = conn.execute(
            select(cases.c.case_id, cases.c.approval)
            .where(cases.c.state == str(CaseState.APPROVED))
            .where(cases.c.approval_date < ENTRY)
            .where(cases.c.window_end >= UI_TODAY)
            .order_by(cases.c.case_id)
        ).all()
    for row in rows:
        approval = json.loads(row.approval)
        if approval["birth_date"] < "2006-01-01" and approval["passport_expiry"] > "2028-01-01":
            return str(row.case_id)
    raise AssertionError("the demo seed has no suitable case")


def ready_case(session: DeskSession) -> str:
    case_id = approved_adult(session)
    take_case_to(session.context(), case_id, Stage.READY, entry=ENTRY)
    return case_id


def open_case(qtbot: Any, window: Any, case_id: str) -> None:
    window.open_case(case_id)
    wait_idle(qtbot, window, lambda: window.case_view.case_id == case_id)


def preview_of(qtbot: Any, window: Any) -> Any:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(window, "print_dialog", None) is not None)
    return window.print_dialog


def printed_events(session: DeskSession, case_id: str) -> list[dict[str, Any]]:
    with session.store.reading() as conn:
        payloads = conn.execute(
            select(journal.c.payload)
            .where(journal.c.case_id == case_id)
            .where(journal.c.type == str(EventType.APPLICATION_PRINTED))
            .order_by(journal.c.local_seq)
        ).scalars()
        return [json.loads(p) for p in payloads]


def test_a_ready_case_previews_its_pages_prints_and_hands_out_the_receipt(
    qtbot: Any, main_window: Any, desk_session: DeskSession, tmp_path: Path
) -> None:
    case_id = ready_case(desk_session)
    open_case(qtbot, main_window, case_id)
    preview = preview_of(qtbot, main_window)
    qtbot.waitUntil(lambda: preview.document is not None, timeout=10_000)
    assert preview.document.kind == "application"
    assert preview.pages.currentWidget() is preview.view
    assert preview.pdf.pageCount() >= 1
    assert preview.print_button.isEnabled() and preview.save_button.isEnabled()
    assert case_id in preview.windowTitle()

    # Qt's print dialog, set to print to a PDF file, as a clerk without a printer would.
    out = tmp_path / "printed.pdf"
    dialog = preview.open_print_dialog()
    assert dialog is not None and dialog.isVisible()
    # This machine has no printer: the dialog offers "Print to File (PDF)", named after
    # the case; the clerk types where the file goes.
    file_name = dialog.findChild(QLineEdit, "filename")
    assert file_name.text().endswith(f"{case_id}-application.pdf")
    file_name.setText(str(out))
    with qtbot.waitSignal(preview.printed, timeout=10_000):
        dialog.accept()
    assert len(PdfReader(io.BytesIO(out.read_bytes())).pages) == preview.pdf.pageCount()
    [event] = printed_events(desk_session, case_id)
    assert event["channel"] == "pdf" and event["reprint"] is False
    qtbot.waitUntil(lambda: main_window.case_view.detail.status.state is CaseState.PRINTED)

    # The receipt, from the same dialog, saved as a file.
    preview.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is preview)
    with qtbot.waitSignal(preview.document_shown, timeout=10_000) as shown:
        qtbot.keyClick(preview, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert shown.args == ["receipt"]
    receipt = tmp_path / "receipt.pdf"
    preview.save_to(str(receipt))
    if os.name == "posix":  # the applicant's data: the desk's OS user only
        assert stat.S_IMODE(receipt.stat().st_mode) == 0o600
    text = PdfReader(io.BytesIO(receipt.read_bytes())).pages[0].extract_text()
    assert case_id in text
    assert len(printed_events(desk_session, case_id)) == 1  # a receipt is not a reprint
    preview.reject()


def test_a_case_not_ready_shows_the_checklist_instead_of_a_preview(
    qtbot: Any, main_window: Any, desk_session: DeskSession
) -> None:
    case_id = approved_adult(desk_session)
    book = CaseBook(desk_session.store, desk_session.rules, desk_session.clock)  # type: ignore[arg-type]
    book.arrive(case_id, ENTRY)
    open_case(qtbot, main_window, case_id)
    preview = preview_of(qtbot, main_window)
    qtbot.waitUntil(lambda: preview.pages.currentWidget() is preview.reasons)
    text = preview.reasons.text()
    assert "cannot be printed yet" in text
    assert "Passport" in text and "Medical" in text
    assert not preview.print_button.isEnabled() and not preview.save_button.isEnabled()
    assert preview.open_print_dialog() is None
    assert not main_window.case_view.print_button.isVisible()  # offered once ready
    assert printed_events(desk_session, case_id) == []
    preview.reject()


def test_a_reprint_saved_as_a_file_is_recorded_as_a_reprint(
    qtbot: Any, main_window: Any, desk_session: DeskSession, tmp_path: Path
) -> None:
    case_id = ready_case(desk_session)
    open_case(qtbot, main_window, case_id)
    button = main_window.case_view.print_button
    assert button.isVisible() and "Print" in button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    first = main_window.print_dialog
    for attempt in range(2):
        preview = first if attempt == 0 else main_window.print_preview()
        qtbot.waitUntil(lambda p=preview: p.document is not None)
        with qtbot.waitSignal(preview.printed, timeout=10_000):
            preview.save_to(str(tmp_path / f"copy-{attempt}.pdf"))
        preview.reject()
    events = printed_events(desk_session, case_id)
    assert [e["reprint"] for e in events] == [False, True]
    assert [e["channel"] for e in events] == ["file", "file"]
    qtbot.waitUntil(lambda: main_window.case_view.print_button.text().startswith("Re&print"))
    assert (tmp_path / "copy-1.pdf").read_bytes().startswith(b"%PDF-")
