"""The main window is composed once from the role's features: one tab bar when there is more
than one tab, menus in their order, and a role with several features gets them side by side
(not tabs inside tabs)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtWidgets import QTabWidget

from tests.ui.conftest import wait_idle
from workstation.journal.envelope import Actor
from workstation.security import roles
from workstation.security.roles import Action, Role
from workstation.services.setup import DeskSession

SUPERVISOR = Actor(iin="870707400011", name="DEMO SUPERVISOR", role="supervisor")


def menus(window: Any) -> dict[str, list[str]]:
    return {
        top.text(): [a.text() for a in top.menu().actions() if not a.isSeparator()]
        for top in window.menuBar().actions()
    }


def opened(qtbot: Any, session: DeskSession) -> Any:
    from ui.main_window import MainWindow

    window = MainWindow(session)
    window.show()
    wait_idle(qtbot, window, lambda: window.model.rowCount() > 0)
    return window


def closed(qtbot: Any, window: Any) -> None:
    wait_idle(qtbot, window)
    window.close()
    window.runner.shutdown()
    window.deleteLater()


@pytest.fixture
def reviewing_supervisor(
    qtbot: Any, desk_session: DeskSession, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Any]:
    """A role that both reviews and sees reports: no such role today, the next may be."""
    table = dict(roles.PERMISSIONS)
    table[Role.SUPERVISOR] = table[Role.SUPERVISOR] | {
        Action.REVIEW_APPLICATION,
        Action.DECIDE_APPLICATION,
    }
    monkeypatch.setattr(roles, "PERMISSIONS", table)
    window = opened(qtbot, replace(desk_session, actor=SUPERVISOR))
    yield window
    closed(qtbot, window)


def test_a_role_with_review_and_reports_gets_one_flat_tab_bar(
    qtbot: Any, reviewing_supervisor: Any
) -> None:
    from ui.features.reports import ReportsFeature
    from ui.features.review import ReviewFeature

    window = reviewing_supervisor
    [tabs] = window.findChildren(QTabWidget)  # no tab bar inside another
    assert tabs is window.tabs and tabs.objectName() == "mainTabs"
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "&Dashboard",
        "Review queue",
        "All cases",
    ]
    reports, review = window.feature(ReportsFeature), window.feature(ReviewFeature)
    assert tabs.currentWidget() is reports.panel  # the first tab, the figures
    assert not window.case_view.isVisible()  # the dashboard takes the whole width
    review.focus_queue()
    assert tabs.currentWidget() is review.queue and window.case_view.isVisible()
    assert list(menus(window)) == ["&Desk", "&Case", "&Reports", "&Help"]
    case_menu = menus(window)["&Case"]
    assert "View the &printed application…" in case_menu
    assert "&Print the application…" not in case_menu  # one Ctrl+P: the review feature's
    assert case_menu[-2:] == ["&Review queue", "&Decide…"]


def test_a_clerk_has_no_tab_bar(main_window: Any) -> None:
    assert main_window.findChildren(QTabWidget) == []
    assert main_window.tabs is None
    assert list(menus(main_window)) == ["&Desk", "&Case", "&Help"]


def test_find_a_case_brings_the_supervisor_to_the_cases_beside_the_case_view(
    qtbot: Any, desk_session: DeskSession
) -> None:
    window = opened(qtbot, replace(desk_session, actor=SUPERVISOR))
    try:
        assert not window.case_view.isVisible()  # on the dashboard
        window.find_action.trigger()
        assert window.tabs.currentWidget() is window.worklist
        assert window.case_view.isVisible()
        qtbot.waitUntil(lambda: window.worklist.search.hasFocus())
    finally:
        closed(qtbot, window)
