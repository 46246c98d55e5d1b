"""The one way screens run work off the GUI thread, in two lanes, results back on the GUI thread
through one queue, a progress dialog only when the work takes longer than half a second.

- The store lane: database work on a single worker, in order (`run`, `command`).
- The outside lane: calls that wait on something outside the desk, a scanner's capture or
  live preview, the first run's connection test (`run(..., outside=True)`,
  `stream_outside`). Each gets a thread of its own, so a scanner the applicant keeps waiting
  never holds up the store.

A command is store work that returns what it changed (`workstation.services.context.Changes`):
the runner publishes that to the window's `ChangeHub`, with the object that ran it as the
initiator, so no screen wires its result to the hub by hand.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from ui.changes import ChangeHub
from ui.i18n import error_text
from workstation.services.context import Changes

log = logging.getLogger(__name__)
T = TypeVar("T")

PROGRESS_DELAY_MS = 500
NOTHING_CHANGED = Changes()


@dataclass
class _Finished(Generic[T]):
    future: Future[T]
    on_success: Callable[[T], None]
    on_failure: Callable[[BaseException], None] | None
    dialog_timer: QTimer | None
    dialog: list[QProgressDialog]
    store: bool  # which lane: the store's count is what `pending` says


class Runner(QObject):
    """Store work runs on one worker thread, in order, so no two use cases of this desk ever
    touch the store at once; calls outside run beside it; the hop back to the GUI thread
    happens here and only here."""

    # A worker only says "something is ready"; what to run waits in a thread-safe queue, so
    # the GUI thread takes results and stream items in the order they came, and no result
    # object is marshalled.
    _finished = Signal()
    busy_changed = Signal(bool)  # the store lane started or stopped working

    def __init__(self, parent_widget: QWidget | None = None, changes: ChangeHub | None = None):
        super().__init__()
        self._parent_widget = parent_widget
        self._changes = changes
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="desk-db")
        self._pending = 0
        self._outside = 0
        self._closed = False
        self._ready: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._finished.connect(self._drain, Qt.ConnectionType.QueuedConnection)

    def set_parent_widget(self, widget: QWidget) -> None:
        self._parent_widget = widget

    @property
    def pending(self) -> int:
        """Store work started and not yet delivered."""
        return self._pending

    @property
    def outside_pending(self) -> int:
        """Calls and streams outside started and not yet delivered."""
        return self._outside

    # The store lane ---------------------------------------------------------------------------

    def run(
        self,
        work: Callable[[], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        label: str | None = None,
        cancel: threading.Event | None = None,
        outside: bool = False,
    ) -> Future[T]:
        """Run `work` on the store's worker, or with `outside` (a call that waits on a device
        or the network) on a thread of its own beside it. With `label`, a progress dialog
        appears if it takes over half a second; with `cancel` as well, the dialog's Cancel
        button sets that event. Either way the result comes back on the GUI thread."""
        if not outside:
            future = self._executor.submit(work)
            self._track(future, on_success, on_failure, label, cancel, store=True)
            return future
        future = Future()
        self._track(future, on_success, on_failure, label, cancel, store=False)
        # A daemon thread: a device that never answers must not keep the application open.
        thread = threading.Thread(
            target=_settle, args=(future, work), name="desk-outside", daemon=True
        )
        thread.start()
        return future

    @overload
    def command(
        self,
        work: Callable[[], Changes],
        on_done: Callable[[Changes], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        initiator: object,
        label: str | None = None,
    ) -> Future[Changes]: ...

    @overload
    def command(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        initiator: object,
        changes: Callable[[T], Changes],
        label: str | None = None,
    ) -> Future[T]: ...

    def command(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        initiator: object,
        changes: Callable[[Any], Changes] | None = None,
        label: str | None = None,
    ) -> Future[Any]:
        """Run a use case that changes the store: `on_done` gets its result, then what it
        changed (the result, or `changes(result)`) goes to the window's hub with `initiator`,
        which may ignore its own echo. Nothing is published when it failed or changed nothing."""

        def done(result: Any) -> None:
            try:
                if on_done is not None:
                    on_done(result)
            finally:
                self._publish(result if changes is None else changes(result), initiator)

        return self.run(work, done, on_failure, label=label)

    def _publish(self, changes: Changes, initiator: object) -> None:
        if self._changes is not None and changes != NOTHING_CHANGED:
            self._changes.publish(changes, initiator)

    # The outside lane -------------------------------------------------------------------------

    def stream_outside(
        self,
        items: Callable[[], Iterable[T]],
        on_item: Callable[[T], None],
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> Future[None]:
        """Iterate `items()` outside (a scanner's live frames) and hand each item to `on_item`
        on the GUI thread, in order; the stream ends when the iterable does."""

        def body() -> None:
            for item in items():
                if self._closed:
                    return
                self._announce(partial(on_item, item))

        return self.run(body, _ignore, on_failure, outside=True)

    # Delivery on the GUI thread ---------------------------------------------------------------

    def _track(
        self,
        future: Future[T],
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None] | None,
        label: str | None,
        cancel: threading.Event | None,
        *,
        store: bool,
    ) -> None:
        timer: QTimer | None = None
        dialog: list[QProgressDialog] = []
        if label is not None:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda: dialog.append(self._show_progress(label, cancel)))
            timer.start(PROGRESS_DELAY_MS)
        if store:
            self._pending += 1
            if self._pending == 1:
                self.busy_changed.emit(True)
        else:
            self._outside += 1
        done = _Finished(future, on_success, on_failure, timer, dialog, store)
        future.add_done_callback(lambda _f: self._announce(partial(self._deliver, done)))

    def _announce(self, delivery: Callable[[], None]) -> None:
        if self._closed:
            return
        self._ready.put(delivery)
        # A call outside may answer while the application is already tearing the runner down.
        with contextlib.suppress(RuntimeError):
            self._finished.emit()

    def _drain(self) -> None:
        while not self._closed:
            try:
                delivery = self._ready.get_nowait()
            except queue.Empty:
                return
            delivery()

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
        if done.store:
            self._pending -= 1
            if self._pending == 0:
                self.busy_changed.emit(False)
        else:
            self._outside -= 1
        if done.future.cancelled():
            return
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
        """Let the store transaction under way finish and drop the work still waiting; calls
        outside end on their own (cancel them first). Nothing is delivered any more."""
        self._closed = True
        self._executor.shutdown(wait=True, cancel_futures=True)


def _settle(future: Future[T], work: Callable[[], T]) -> None:
    if not future.set_running_or_notify_cancel():
        return
    try:
        result = work()
    except BaseException as exc:  # delivered to on_failure on the GUI thread, as in `run`
        future.set_exception(exc)
    else:
        future.set_result(result)


def _ignore(_value: object) -> None:
    return None
