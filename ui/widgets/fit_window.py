"""Keep a window at least as large as its layout needs, word-wrapped labels included.

Qt sizes a window from its layout's minimum size, which leaves out what word-wrapped labels
need at the window's actual width (their heightForWidth), and an explicit setMinimumWidth()
replaces the layout's minimum width altogether. A window opened at a width other than the one
its size hint was computed for (adjustSize() caps windows at 2/3 of the screen) then squeezes
its wrapped labels by a line or two, and longer translations cut off form labels.
`fit_to_layout(window)` raises the window's minimum width to the layout's and its minimum
height to what the layout needs at the current width, again whenever either changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class _FitToLayout(QObject):
    def __init__(self, window: QWidget, floor_width: int) -> None:
        super().__init__(window)
        self.floor_width = floor_width  # the window's own minimum width (e.g. 560), if any

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QWidget) and event.type() in (
            QEvent.Type.LayoutRequest,
            QEvent.Type.Resize,
            QEvent.Type.Show,
        ):
            fit(watched, self.floor_width)
        return False


def fit(window: QWidget, floor_width: int = 0) -> None:
    layout = window.layout()
    if layout is None:
        return
    width = max(floor_width, layout.totalMinimumSize().width())
    if window.minimumWidth() != width:
        window.setMinimumWidth(width)
    height = (
        layout.totalMinimumHeightForWidth(max(window.width(), width))
        if layout.hasHeightForWidth()
        else layout.totalMinimumSize().height()
    )
    if window.minimumHeight() != height:
        window.setMinimumHeight(height)


def fit_to_layout(window: QWidget) -> None:
    """Call once the window has its layout (and its own minimum width, if it sets one)."""
    window.installEventFilter(_FitToLayout(window, window.minimumWidth()))
    fit(window, window.minimumWidth())
