"""The idle lock: after a time without keyboard or mouse input the desk hides every window and
asks for the same EDS key again; the lock screen's other way out is to log out."""

from __future__ import annotations

import time
from datetime import timedelta

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from ui.login_dialog import LoginDialog
from workstation.services.login import LoginService, StaffSession

# What counts as someone at the desk; paints, timers and focus changes do not.
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleLock(QObject):
    """Watches the application's input; locks `window` (and every other open window)."""

    locked = Signal()
    unlocked = Signal(object)  # the StaffSession, checked again
    logged_out = Signal()

    def __init__(
        self,
        window: QMainWindow,
        service: LoginService,
        session: StaffSession,
        idle: timedelta,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.service = service
        self.session = session
        self.idle_ms = max(1, int(idle.total_seconds() * 1000))
        self.dialog: LoginDialog | None = None
        self.ended = False  # logged out from the lock screen
        self._hidden: list[QWidget] = []
        self._last_input = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check_idle)
        self.lock_action = QAction(self.tr("&Lock the desk"), window)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.lock_action.triggered.connect(lambda: self.lock(idle=False))
        window.addAction(self.lock_action)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self._timer.start(self.idle_ms)

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self.dialog is None:
            # Only a time stamp here: this runs for every input event of the application.
            self._last_input = time.monotonic()
        return False

    def _check_idle(self) -> None:
        if self.dialog is not None:
            return
        idle_ms = int((time.monotonic() - self._last_input) * 1000)
        if idle_ms >= self.idle_ms:
            self.lock(idle=True)
        else:
            self._timer.start(self.idle_ms - idle_ms)

    def lock(self, *, idle: bool) -> LoginDialog:
        """Hide every window and show the unlock screen (Ctrl+L, or the idle timer)."""
        if self.dialog is not None:
            return self.dialog
        self._timer.stop()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._hidden = [w for w in app.topLevelWidgets() if w.isVisible()]
        for widget in self._hidden:
            widget.hide()
        self.service.record_lock(self.session, idle=idle)
        # No parent: the main window is hidden, and a child of a hidden window may not show.
        dialog = LoginDialog(self.service, locked=self.session)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.logged_in.connect(self._unlocked)
        dialog.logout_requested.connect(self._log_out)
        self.dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        self.locked.emit()
        return dialog

    def _unlocked(self, session: StaffSession) -> None:
        self.session = session
        self._close_dialog()
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self.window.activateWindow()
        self._last_input = time.monotonic()
        self._timer.start(self.idle_ms)
        self.unlocked.emit(session)

    def _log_out(self) -> None:
        self.service.record_logout(self.session)
        self.ended = True
        self._close_dialog()
        self._hidden = []
        self.logged_out.emit()

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def stop(self) -> None:
        """Stop watching (the desk is closing)."""
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
