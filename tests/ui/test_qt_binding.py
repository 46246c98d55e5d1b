"""Guards against Qt-binding bugs that once crashed the desk."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    ping = Signal()


def test_emitting_signals_keeps_references_to_true() -> None:
    # PySide6 6.12.0 released one reference to True on every emit(): after a few thousand
    # signals (one search keystroke emits several) Python aborted with "bool_dealloc",
    # at exit or mid-session. pyproject excludes that release; this catches a relapse.
    emitter = _Emitter()
    emitter.ping.connect(lambda: None)
    before = sys.getrefcount(True)
    for _ in range(2000):
        emitter.ping.emit()
    assert sys.getrefcount(True) >= before - 50
