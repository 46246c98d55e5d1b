"""One notification after every change a use case makes; screens refresh from it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from workstation.services.context import Changes


class ChangeHub(QObject):
    changed = Signal(object)  # a workstation.services.context.Changes

    def publish(self, changes: Changes) -> None:
        self.changed.emit(changes)
