"""One notification after every change a use case makes; screens refresh from it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from workstation.services.context import Changes


class ChangeHub(QObject):
    # A workstation.services.context.Changes, and who made them: the screen that ran the command
    # (ui.runner.Runner.command), the background sync, or None. Listeners take both.
    changed = Signal(object, object)

    def publish(self, changes: Changes, initiator: object = None) -> None:
        self.changed.emit(changes, initiator)
