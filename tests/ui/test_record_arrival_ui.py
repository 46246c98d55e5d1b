"""Record arrival from the case view, as a clerk does: shortcut, typed date, Enter, errors."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from tests.ui.conftest import wait_idle
from ui.arrival_dialog import ArrivalDialog
from ui.main_window import MainWindow
from workstation.domain.lifecycle import CaseState
from workstation.services.worklist import WorklistRow
from workstation.store.models import journal


def _journal_size(window: MainWindow) -> int:
    with window.session.store.reading() as conn:
        return int(conn.execute(select(func.count()).select_from(journal)).scalar_one())


def _open_first_awaiting(qtbot, window: MainWindow) -> WorklistRow:  # type: ignore[no-untyped-def]
    row = window.model.row_at(0)
    assert row.state is CaseState.APPROVED
    with qtbot.waitSignal(window.case_shown):
        window.open_case(row.case_id)
    return row


def _dialog(qtbot, window: MainWindow) -> ArrivalDialog:  # type: ignore[no-untyped-def]
    qtbot.keyClick(
        window,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: window.arrival_dialog is not None and window.arrival_dialog.isVisible())
    assert window.arrival_dialog is not None
    return window.arrival_dialog


def _type_date(qtbot, dialog: ArrivalDialog, value: date) -> None:  # type: ignore[no-untyped-def]
    edit = dialog.entry_date
    edit.setFocus()
    qtbot.keyClicks(edit, value.strftime("%d%m%Y"))  # the dots are in the mask
    assert edit.date() == value


def _wait_idle(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    wait_idle(qtbot, window)


def test_record_arrival_with_the_keyboard_updates_list_and_case(
    qtbot, main_window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    row = _open_first_awaiting(qtbot, main_window)
    dialog = _dialog(qtbot, main_window)
    entry = row.approval_date + timedelta(days=2)
    _type_date(qtbot, dialog, entry)
    qtbot.keyClick(dialog.entry_date, Qt.Key.Key_Return)  # Enter moves on to the border point
    assert dialog.focusWidget() in (dialog.border_point, dialog.border_point.lineEdit())
    qtbot.keyClicks(dialog.border_point.lineEdit(), "Khorgos (road, China)")
    with qtbot.waitSignal(main_window.case_shown, timeout=3000):
        qtbot.keyClick(dialog.border_point.lineEdit(), Qt.Key.Key_Return)
    _wait_idle(qtbot, main_window)
    assert not dialog.isVisible()
    detail = main_window.case_view.detail
    assert detail is not None and detail.status.state is CaseState.ARRIVED
    assert detail.status.entry_date == entry
    assert "Entered on" in main_window.case_view.window_line.text()
    # The default filter keeps arrived cases; the list now shows the case as arrived.
    states = {
        main_window.model.row_at(r).case_id: main_window.model.row_at(r).state
        for r in range(main_window.model.rowCount())
    }
    assert states[row.case_id] is CaseState.ARRIVED


def test_future_entry_is_refused_next_to_the_date_and_nothing_saved(
    qtbot, main_window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    _open_first_awaiting(qtbot, main_window)
    before = _journal_size(main_window)
    dialog = _dialog(qtbot, main_window)
    _type_date(qtbot, dialog, main_window.session.clock.today() + timedelta(days=1))
    dialog.border_point.setEditText("Astana International Airport (NQZ)")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, main_window)
    assert dialog.isVisible()
    assert dialog.entry_date_error.isVisible()
    assert "in the future" in dialog.entry_date_error.text()
    assert _journal_size(main_window) == before


def test_entry_before_the_approval_is_refused(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    row = _open_first_awaiting(qtbot, main_window)
    dialog = _dialog(qtbot, main_window)
    _type_date(qtbot, dialog, row.approval_date - timedelta(days=1))
    dialog.border_point.setEditText("Astana International Airport (NQZ)")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, main_window)
    assert "before the preliminary approval" in dialog.entry_date_error.text()


def test_missing_border_point_is_asked_for_next_to_the_field(
    qtbot, main_window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    row = _open_first_awaiting(qtbot, main_window)
    dialog = _dialog(qtbot, main_window)
    _type_date(qtbot, dialog, row.approval_date)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, main_window)
    assert dialog.border_point_error.isVisible()
    assert "border crossing point" in dialog.border_point_error.text()
    assert not dialog.entry_date_error.isVisible()


def test_incomplete_date_is_explained(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _open_first_awaiting(qtbot, main_window)
    dialog = _dialog(qtbot, main_window)
    dialog.entry_date.setFocus()
    qtbot.keyClicks(dialog.entry_date, "3102")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "day.month.year" in dialog.entry_date_error.text()


def test_escape_cancels_without_saving(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _open_first_awaiting(qtbot, main_window)
    before = _journal_size(main_window)
    dialog = _dialog(qtbot, main_window)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert _journal_size(main_window) == before


@pytest.mark.parametrize(
    ("answer", "annulled"),
    [(QMessageBox.StandardButton.No, False), (QMessageBox.StandardButton.Yes, True)],
)
def test_late_entry_asks_before_annulling(
    qtbot, main_window: MainWindow, monkeypatch, answer, annulled
) -> None:  # type: ignore[no-untyped-def]
    # A case whose window has closed: entry after it annuls the approval, after a question.
    panel = main_window.worklist
    from workstation.services.worklist import StatusFilter

    panel.status_filter.setCurrentIndex(panel.status_filter.findData(StatusFilter.ANNULLED))
    _wait_idle(qtbot, main_window)
    row = main_window.model.row_at(0)
    with qtbot.waitSignal(main_window.case_shown):
        main_window.open_case(row.case_id)
    assert "window closed" in main_window.case_view.window_line.text()
    asked: list[str] = []

    def fake_question(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(args[2])
        return answer

    monkeypatch.setattr(QMessageBox, "question", fake_question)
    before = _journal_size(main_window)
    dialog = _dialog(qtbot, main_window)
    _type_date(qtbot, dialog, row.window_end + timedelta(days=1))
    dialog.border_point.setEditText("Dostyk (rail, China)")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, main_window)
    wait_idle(qtbot, main_window)
    assert asked and "annuls" in asked[0]
    if annulled:
        assert _journal_size(main_window) == before + 1
        qtbot.waitUntil(
            lambda: (
                main_window.case_view.detail is not None
                and main_window.case_view.detail.status.state is CaseState.ANNULLED
            )
        )
        assert "annulled" in main_window.case_view.flag_line.text()
    else:
        assert _journal_size(main_window) == before
        assert dialog.isVisible() and dialog.entry_date_error.isVisible()


def test_in_window_entry_still_recordable_after_window_closed(
    qtbot, main_window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    from workstation.services.worklist import StatusFilter

    panel = main_window.worklist
    panel.status_filter.setCurrentIndex(panel.status_filter.findData(StatusFilter.ANNULLED))
    _wait_idle(qtbot, main_window)
    row = main_window.model.row_at(0)
    with qtbot.waitSignal(main_window.case_shown):
        main_window.open_case(row.case_id)
    dialog = _dialog(qtbot, main_window)
    _type_date(qtbot, dialog, row.window_end)
    dialog.border_point.setEditText("Kordai (road, Kyrgyzstan)")
    with qtbot.waitSignal(dialog.recorded):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, main_window)
    qtbot.waitUntil(
        lambda: (
            main_window.case_view.detail is not None
            and main_window.case_view.detail.status.state is CaseState.ARRIVED
        )
    )
