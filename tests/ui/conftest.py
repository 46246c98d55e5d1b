"""UI test fixtures: real widgets on the offscreen platform over a seeded desk of their own."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from shiboken6 import isValid

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from workstation.domain.clock import FixedClock
from workstation.domain.programme import DEFAULT_RULES
from workstation.services.demo import open_demo_session
from workstation.services.setup import DeskSession

# 11:30 in Astana on Saturday 21 November 2026.
UI_NOW = datetime(2026, 11, 21, 6, 30, tzinfo=UTC)
UI_TODAY = date(2026, 11, 21)


def wait_idle(
    qtbot: Any, window: Any, until: Callable[[], bool] | None = None, *, timeout: int = 10_000
) -> None:
    """Wait until the background work of `window` (a main window, or a Runner) is done: the
    runner has nothing pending, the worklist's search has run, and `until()` holds if given."""
    runner = getattr(window, "runner", window)
    worklist = getattr(window, "worklist", None)
    debounce = worklist._debounce if worklist is not None else None

    def idle() -> bool:
        # A closed window's search timer may be deleted already: it has no search to run.
        searching = debounce is not None and isValid(debounce) and debounce.isActive()
        if runner.pending or searching:
            return False
        return until is None or until()

    qtbot.waitUntil(idle, timeout=timeout)


@pytest.fixture
def ui_clock() -> FixedClock:
    return FixedClock(UI_NOW)


@pytest.fixture
def desk_session(tmp_path: Path, ui_clock: FixedClock) -> Iterator[DeskSession]:
    """A demo desk (Astana) with 80 seeded approvals, pulled before the window opens."""
    session = open_demo_session(tmp_path / "desk", DEFAULT_RULES, ui_clock, cases=80)
    session.sync()
    yield session
    session.store.close()


@pytest.fixture
def main_window(qtbot, desk_session: DeskSession):  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    window = MainWindow(desk_session)
    # Not qtbot.addWidget: pytest-qt closes its widgets before fixtures are torn down, and a
    # background result still on its way would then land on deleted widgets. Here the
    # window's work is finished first, then the window is closed.
    window.show()
    wait_idle(qtbot, window, lambda: window.model.rowCount() > 0)
    yield window
    wait_idle(qtbot, window)
    window.close()
    window.runner.shutdown()
    window.deleteLater()
