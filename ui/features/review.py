"""The migration officer's part of the window: the review queue as the first tab (beside
"All cases"), opening a case for review (recorded once as `ReviewStarted`), the decision
(Ctrl+Shift+E) and the application as the clerk printed it (Ctrl+P; viewing is audited)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.features import Entry, Feature, Menu, Tab, action
from ui.review_queue import ReviewQueueModel, ReviewQueuePanel
from workstation.domain.actions import Action
from workstation.services.context import Changes
from workstation.services.review import OpenedCase, ReviewDesk

if TYPE_CHECKING:
    from ui.decision_dialog import DecisionDialog
    from ui.window import DeskWindow


class ReviewFeature(Feature):
    def __init__(self, window: DeskWindow) -> None:
        self.window = window
        session = window.session
        self.review = ReviewDesk(window.desk.context, city=session.identity.city)
        self.decides = window.may(Action.DECIDE_APPLICATION)
        self.queue = ReviewQueuePanel(ReviewQueueModel(self.review, window.runner))
        self.decision_dialog: DecisionDialog | None = None
        self.print_dialog: QWidget | None = None
        self.queue.case_selected.connect(window.open_case)
        self.queue.case_opened.connect(self.open_for_review)
        window.case_view.decide_requested.connect(self.decide)
        self.queue_action = action(
            window,
            QCoreApplication.translate("MainWindow", "&Review queue"),
            self.focus_queue,
            "Ctrl+Shift+V",
        )
        self.decide_action = action(
            window,
            QCoreApplication.translate("MainWindow", "&Decide…"),
            self.decide,
            "Ctrl+Shift+E",
        )
        # The officer's Ctrl+P: the application as it was printed (the clerk's Ctrl+P prints
        # a ready case, which an officer never has).
        self.view_printed_action = action(
            window,
            QCoreApplication.translate("MainWindow", "View the &printed application…"),
            self.view_application,
            "Ctrl+P",
        )
        self.queue.model.refresh()

    def tabs(self) -> Sequence[Tab]:
        title = QCoreApplication.translate("MainWindow", "Review queue")
        # A short queue and a long case: the officer reads the case, it gets the room.
        return (Tab(self.queue, title, 20, self.queue.table.setFocus, split=(484, 872)),)

    def entries(self) -> Sequence[Entry]:
        entries = [
            Entry(self.view_printed_action, Menu.CASE, 40, True, enabled_when=lambda _d: True),
            Entry(self.queue_action, Menu.CASE, 60),
        ]
        if self.decides:
            entries.append(Entry(self.decide_action, Menu.CASE, 61))
        return entries

    def changes_arrived(self, changes: Changes) -> None:
        if changes.worklist:
            self.queue.model.refresh()

    def focus_queue(self) -> None:
        self.window.show_tab(self.queue)
        self.queue.table.setFocus()

    def open_for_review(self, case_id: str) -> None:
        review = self.review
        self.window.runner.command(
            lambda: review.open_case(case_id),
            self._opened,
            initiator=self,
            changes=lambda opened: opened.changes,  # ReviewStarted, when it was recorded now
        )

    def _opened(self, opened: OpenedCase) -> None:
        self.window.show_case(opened.detail)

    def decide(self) -> DecisionDialog | None:
        """The decision dialog for the open case, if it waits for a decision."""
        from ui.decision_dialog import DecisionDialog

        detail = self.window.case_view.detail
        if detail is None or not self.decides or not detail.can_decide:
            return None
        dialog = DecisionDialog(
            self.review, self.window.runner, detail.approval.case_id,
            detail.approval.full_name, self.window,
        )  # fmt: skip
        dialog.open()
        self.decision_dialog = dialog
        return dialog

    def view_application(self) -> QWidget | None:
        """The application as printed, for the officer (viewing is audited)."""
        from ui.print_preview import PrintPreview

        detail = self.window.case_view.detail
        if detail is None:
            return None
        dialog = PrintPreview(
            self.review.prints(), self.window.runner, detail.approval.case_id, "application",
            self.window,
        )  # fmt: skip
        dialog.open()
        self.print_dialog = dialog
        return dialog
