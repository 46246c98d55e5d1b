"""The status bar shows holes in other desks' numbering instead of waiting (issue 15, point 8)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction

from ui.sync_status import SyncStatusBar
from workstation.sync.gaps import Gap


def test_a_gap_is_shown_in_the_status_bar(qtbot: Any) -> None:
    action = QAction("Sync now")
    bar = SyncStatusBar(action)
    qtbot.addWidget(bar)
    bar.show()
    bar.show_gaps([])
    assert not bar.gap_label.isVisible()
    bar.show_gaps([Gap("WS-ALA-01", 3, 4), Gap("WS-ALA-02", 1, 1)])
    assert bar.gap_label.isVisible()
    assert bar.gap_label.text() == "⚠ 3 event(s) missing from central"
    assert "WS-ALA-01: events 3 to 4 not received" in bar.gap_label.toolTip()
