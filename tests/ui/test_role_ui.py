"""What a role may not do is not offered on screen (the services refuse it as well)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from tests.ui.conftest import wait_idle
from workstation.journal.envelope import Actor
from workstation.services.setup import DeskSession


def test_a_supervisor_reads_cases_but_is_offered_no_recording_or_printing(
    qtbot: Any, desk_session: DeskSession
) -> None:
    from ui.main_window import MainWindow

    supervisor = Actor(iin="870707400011", name="DEMO SUPERVISOR", role="supervisor")
    window = MainWindow(replace(desk_session, actor=supervisor))
    window.show()
    wait_idle(qtbot, window, lambda: window.model.rowCount() > 0)
    window.worklist.table.setCurrentIndex(window.model.index(0, 0))
    wait_idle(qtbot, window, lambda: window.case_view.detail is not None)
    assert not window.arrival_action.isEnabled()
    assert not window.case_view.record_arrival_button.isVisible()
    assert not window.print_action.isEnabled() and not window.receipt_action.isEnabled()
    assert not any(action.isEnabled() for action in window.step_actions.values())
    assert not window.fingerprint_action.isEnabled()
    assert window.case_view.recordable_steps == frozenset()
    assert not window.case_view.may_print
    window.close()
    window.runner.shutdown()
    window.deleteLater()


def test_a_clerk_is_offered_the_desk_actions(qtbot: Any, main_window: Any) -> None:
    main_window.worklist.table.setCurrentIndex(main_window.model.index(0, 0))
    qtbot.waitUntil(lambda: main_window.case_view.detail is not None)
    wait_idle(qtbot, main_window)
    assert main_window.print_action.isEnabled()
    assert main_window.case_view.recordable_steps


def test_the_shortcut_list_names_every_shortcut_the_window_has(
    qtbot: Any, main_window: Any
) -> None:
    """Bug: F1 listed a fixed set: no Submit (Ctrl+Shift+S) or officer keys, and Ctrl+Q even
    where Quit has no key. Now it is read from the window's own actions."""
    from PySide6.QtGui import QAction, QKeySequence

    from ui.dialogs import shortcut_rows

    rows = dict(shortcut_rows(main_window))
    for action in main_window.findChildren(QAction):
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if keys:
            assert keys in rows, keys
    assert rows["Ctrl+P"] == "Print the application"
    assert rows["Ctrl+Shift+S"].startswith("Submit")
    assert "Esc" in rows and "Enter" in rows
