"""The supervisor's part of the window: the dashboard as the first tab (beside the cases),
the Reports menu and Ctrl+Shift+B. Imported only for a role that sees reports: the dashboard
loads reportlab and QtCharts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ui.dashboard import DashboardPanel
from ui.features import Entry, Feature, Menu, Tab, action
from workstation.services.reports import ReportDesk

if TYPE_CHECKING:
    from ui.window import DeskWindow

DASHBOARD_SHORTCUT = "Ctrl+Shift+B"


class ReportsFeature(Feature):
    def __init__(self, window: DeskWindow) -> None:
        self.window = window
        session = window.session
        reports = ReportDesk(session.context())
        self.panel = DashboardPanel(reports, window.runner, default_center=session.identity.city)
        self.dashboard_action = action(
            window,
            QCoreApplication.translate("MainWindow", "Supervisor &dashboard"),
            self.show_dashboard,
            DASHBOARD_SHORTCUT,
        )
        self.export_pdf_action = action(
            window,
            QCoreApplication.translate("MainWindow", "Export the report as &PDF…"),
            lambda: self.panel.ask_and_export("pdf"),
        )
        self.export_csv_action = action(
            window,
            QCoreApplication.translate("MainWindow", "Export the report as &CSV…"),
            lambda: self.panel.ask_and_export("csv"),
        )

    def tabs(self) -> Sequence[Tab]:
        title = QCoreApplication.translate("MainWindow", "&Dashboard")
        # A supervisor starts on the figures; the dashboard takes the whole width.
        return (Tab(self.panel, title, 10, self.panel.from_date.setFocus, beside_case=False),)

    def entries(self) -> Sequence[Entry]:
        return (
            Entry(self.dashboard_action, Menu.REPORTS, 10),
            Entry(self.export_pdf_action, Menu.REPORTS, 20),
            Entry(self.export_csv_action, Menu.REPORTS, 21),
        )

    def show_dashboard(self) -> None:
        self.window.show_tab(self.panel)
        self.panel.from_date.setFocus()
