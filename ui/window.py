"""What a screen the window is composed of may ask of the window: its session and use cases,
the runner, the case view and the worklist, and to show a case or a tab.

Features (ui.features) and the step forms (ui.steps) are typed against this, not against
ui.main_window, so the window imports them and they never import it back.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from ui.case_view import CaseView
from ui.runner import Runner
from ui.worklist_panel import WorklistPanel
from workstation.domain.actions import Action
from workstation.services.desk import CaseDetail, Desk
from workstation.services.setup import DeskSession


class DeskWindow(QMainWindow):
    """The main window as its parts see it (ui.main_window.MainWindow is the one there is)."""

    session: DeskSession
    desk: Desk
    runner: Runner
    case_view: CaseView
    worklist: WorklistPanel

    def may(self, action: Action) -> bool:
        """Whether the logged-in role may do `action`."""
        raise NotImplementedError

    def open_case(self, case_id: str) -> None:
        """Load the case and show it in the case view."""
        raise NotImplementedError

    def show_case(self, detail: CaseDetail) -> None:
        """Show a case already loaded."""
        raise NotImplementedError

    def show_tab(self, widget: QWidget) -> None:
        """Bring the tab holding `widget` to the front."""
        raise NotImplementedError

    def record_arrival(self) -> QDialog | None:
        """Open the arrival form for the case on screen, if it can be recorded."""
        raise NotImplementedError
