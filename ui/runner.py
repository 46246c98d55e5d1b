"""The one way screens run work off the GUI thread: a single database worker, results back on
the GUI thread, a progress dialog only when the work takes longer than half a second."""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from ui.i18n import error_text

log = logging.getLogger(__name__)
T = TypeVar("T")

PROGRESS_DELAY_MS = 500


@dataclass
class _Finished(Generic[T]):
    future: Future[T]
    on_success: Callable[[T], None]
    on_failure: Callable[[BaseException], None] | None
    dialog_timer: QTimer | None
    dialog: list[QProgressDialog]


class Runner(QObject):
    """Database work runs on one worker thread, in order, so no two use cases of this desk
    ever touch the store at once; the hop back to the GUI thread happens here and only here."""

    # The worker only says "something finished"; the results wait in a thread-safe queue,
    # so the GUI thread takes them in completion order and no result object is marshalled.
    _finished = Signal()
    busy_changed = Signal(bool)

    def __init__(self, parent_widget: QWidget | None = None) -> None:
        super().__init__()
        self._parent_widget = parent_widget
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="desk-db")
        self._pending = 0
        self._done: queue.SimpleQueue[_Finished[Any]] = queue.SimpleQueue()
        self._finished.connect(self._drain, Qt.ConnectionType.QueuedConnection)

    def set_parent_widget(self, widget: QWidget) -> None:
        self._parent_widget = widget

    @property
    def pending(self) -> int:
        return self._pending

    def run(
        self,
        work: Callable[[], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        label: str | None = None,
        cancel: threading.Event | None = None,
    ) -> Future[T]:
        """Run `work` on the worker. With `label`, a progress dialog appears if it takes over
        half a second; with `cancel` as well, the dialog's Cancel button sets that event."""
        timer: QTimer | None = None
        dialog: list[QProgressDialog] = []
        if label is not None:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda: dialog.append(self._show_progress(label, cancel)))
            timer.start(PROGRESS_DELAY_MS)
        future = self._executor.submit(work)
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        done = _Finished(future, on_success, on_failure, timer, dialog)
        future.add_done_callback(lambda _f: self._announce(done))
        return future

    def _announce(self, done: _Finished[Any]) -> None:
        self._done.put(done)
        self._finished.emit()

    def _drain(self) -> None:
        while True:
            try:
                done = self._done.get_nowait()
            except queue.Empty:
                return
            self._deliver(done)

    def _show_progress(self, label: str, cancel: threading.Event | None) -> QProgressDialog:
        dialog = QProgressDialog(
            label, self.tr("Cancel") if cancel else "", 0, 0, self._parent_widget
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        if cancel is None:
            dialog.setCancelButton(None)
        else:
            dialog.canceled.connect(cancel.set)
        dialog.show()
        return dialog

    def _deliver(self, done: _Finished[Any]) -> None:
        if done.dialog_timer is not None:
            done.dialog_timer.stop()
        for dialog in done.dialog:
            dialog.close()
            dialog.deleteLater()
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        error = done.future.exception()
        if error is None:
            done.on_success(done.future.result())
        elif done.on_failure is not None:
            done.on_failure(error)
        else:
            self.show_error(error)

    def show_error(self, error: BaseException) -> None:
        """Errors nobody expected: the message for the clerk, the details to the log."""
        log.error("background operation failed", exc_info=error)
        QMessageBox.warning(
            self._parent_widget,
            self.tr("Something went wrong"),
            error_text(error) or type(error).__name__,
        )

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
