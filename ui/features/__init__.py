"""What a main window is made of, role by role.

A feature (submission, the review queue, the reports; next the administration screen)
declares its tabs and its actions, each action with the menu it goes in; `plan_for(role)`
decides from the role's permissions which features a window has, and `ui.main_window`
builds the window once from them. No feature edits the window after it is built: a feature
asks the window to show a case or a tab, and is told when a case is shown or changes arrive.

The cases (the worklist beside the case view, and the case actions) are in every window:
the window declares them with the same `Tab` and `Entry` as a feature does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from workstation.domain.actions import Action
from workstation.security.roles import Role, is_permitted
from workstation.services.context import Changes
from workstation.services.desk import CaseDetail

if TYPE_CHECKING:
    from ui.window import DeskWindow


class Menu(IntEnum):
    """The menus of the menu bar, in their order."""

    DESK = 1
    CASE = 2
    REPORTS = 3
    HELP = 4


@dataclass(frozen=True)
class Tab:
    """A tab of the window. With one tab there is no tab bar: its widget is the list."""

    widget: QWidget
    title: str
    order: int  # smaller first; the window opens on the first tab
    focus: Callable[[], None]  # where the keyboard goes when the window opens on the tab
    beside_case: bool = True  # a list of cases: the case view shows to its right
    # The widths of the list and the case view when the window opens on this tab.
    split: tuple[int, int] = (860, 500)


@dataclass(frozen=True)
class Entry:
    """An action of the window and its place: the menu (or none: a shortcut only), its
    order in that menu, whether a separator comes before it. With `enabled_when` the action
    is enabled only while a case is shown for which it says yes."""

    action: QAction
    menu: Menu | None
    order: int
    separator_before: bool = False
    enabled_when: Callable[[CaseDetail], bool] | None = None


class Feature:
    """A part of the window: its tabs and actions, and what it does when a case is shown or
    changes arrive. The base declares nothing and does nothing."""

    def tabs(self) -> Sequence[Tab]:
        return ()

    def entries(self) -> Sequence[Entry]:
        return ()

    def case_shown(self, detail: CaseDetail) -> None:
        """The window shows `detail` (from any list or feature)."""

    def changes_arrived(self, changes: Changes) -> None:
        """Something was recorded (here, or pulled from central)."""


def action(
    parent: QObject, text: str, slot: Callable[[], object], shortcut: str | None = None
) -> QAction:
    """An action of the window: `slot` runs on it (its checked flag is not passed on)."""
    made = QAction(text, parent)
    if shortcut:
        made.setShortcut(QKeySequence(shortcut))
    made.triggered.connect(lambda _checked=False: slot())
    return made


FeatureMaker = Callable[["DeskWindow"], Feature]


def _submission(window: DeskWindow) -> Feature:
    from ui.features.submission import SubmissionFeature

    return SubmissionFeature(window)


def _review(window: DeskWindow) -> Feature:
    from ui.features.review import ReviewFeature

    return ReviewFeature(window)


def _reports(window: DeskWindow) -> Feature:
    from ui.features.reports import ReportsFeature  # reportlab and QtCharts: not for a clerk

    return ReportsFeature(window)


@dataclass(frozen=True)
class Plan:
    """What a role's window is made of, besides the cases every window has."""

    features: tuple[FeatureMaker, ...]
    # The worklist's tab title: "All cases" beside the review queue, "Cases" otherwise.
    cases_title: str
    # The clerk's Ctrl+P prints the open case; a role that reviews has the review feature's
    # Ctrl+P (the application as it was printed) instead.
    prints_cases: bool


def plan_for(role: Role | None) -> Plan:
    """The features of `role`'s window, from what the role may do."""

    def may(action: Action) -> bool:
        return role is not None and is_permitted(role, action)

    features: list[FeatureMaker] = []
    if may(Action.SUBMIT_APPLICATION):
        features.append(_submission)
    if may(Action.REVIEW_APPLICATION):
        features.append(_review)
    if may(Action.VIEW_REPORTS):
        features.append(_reports)
    # The administration screen (staff, desk set-up) plugs in here, for MANAGE_STAFF.
    reviews = may(Action.REVIEW_APPLICATION)
    return Plan(
        features=tuple(features),
        cases_title=(
            QCoreApplication.translate("MainWindow", "All cases")
            if reviews
            else QCoreApplication.translate("MainWindow", "&Cases")
        ),
        prints_cases=not reviews,
    )
