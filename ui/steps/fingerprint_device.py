"""Scanner work off the GUI thread: one device job at a time, plus the live preview stream.

A capture can take the applicant 10 seconds or more, so it must not sit on the Runner's single
database worker (every other screen would wait behind it). Each job gets its own short-lived
thread; results hop back to the GUI thread through one queued signal, here and only here.

Settings, until the settings screen exists, come from the environment:

- ``DNR_SBI_PORTS``: the ports to search for an SBI device service, "4501-4600" (the default)
  or a single port "4501".
- ``DNR_SBI_CA``: path of the device CA certificate (PEM) that scanner certificates must be
  issued by. Without it, signatures are still checked but not who signed.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from workstation.biometrics.sbi import (
    DEFAULT_PORTS,
    DeviceInfo,
    SbiClient,
    SbiError,
    Slap,
    trusted_ca_from_pem,
)
from workstation.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)


class ScannerSettingsInvalid(ValueError):
    """DNR_SBI_PORTS or DNR_SBI_CA cannot be used; the message names the variable."""


def sbi_client_from_environment(environ: Mapping[str, str] | None = None) -> SbiClient:
    env = os.environ if environ is None else environ
    ports: range = DEFAULT_PORTS
    text = env.get("DNR_SBI_PORTS", "").strip()
    if text:
        first, _, last = text.partition("-")
        try:
            low, high = int(first), int(last or first)
        except ValueError:
            raise ScannerSettingsInvalid(
                QT_TRANSLATE_NOOP(
                    "fingerprint_device",
                    'DNR_SBI_PORTS is "{text}"; write a port range like 4501-4600.',
                ).format(text=text)
            ) from None
        if not 1 <= low <= high <= 65535:
            raise ScannerSettingsInvalid(
                QT_TRANSLATE_NOOP(
                    "fingerprint_device", 'DNR_SBI_PORTS "{text}" is not a valid port range.'
                ).format(text=text)
            )
        ports = range(low, high + 1)
    trusted = None
    ca_path = env.get("DNR_SBI_CA", "").strip()
    if ca_path:
        try:
            trusted = trusted_ca_from_pem(Path(ca_path).read_bytes())
        except OSError as exc:
            raise ScannerSettingsInvalid(
                QT_TRANSLATE_NOOP(
                    "fingerprint_device", "DNR_SBI_CA: cannot read {path} ({reason})."
                ).format(path=ca_path, reason=exc.strerror)
            ) from exc
        except ValueError as exc:
            raise ScannerSettingsInvalid(
                QT_TRANSLATE_NOOP(
                    "fingerprint_device", "DNR_SBI_CA: {path} is not a PEM certificate."
                ).format(path=ca_path)
            ) from exc
    return SbiClient(ports=ports, trusted_ca=trusted)


@dataclass
class _Outcome:
    on_success: Callable[[Any], None]
    on_failure: Callable[[BaseException], None]
    result: Any = None
    error: BaseException | None = None


class ScannerJobs(QObject):
    """Runs scanner jobs on their own threads and delivers results on the GUI thread."""

    _delivered = Signal(object)  # an _Outcome; never leaves this class
    frame_arrived = Signal(object)  # bytes of one preview frame (JPEG or PNG)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._busy = False
        self._closed = False
        self._delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._stream_cancel: threading.Event | None = None
        self._threads: list[threading.Thread] = []

    @property
    def busy(self) -> bool:
        return self._busy

    def run(
        self,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
    ) -> bool:
        """Start ``work`` unless a job is running; False (nothing started) if one is."""
        if self._busy or self._closed:
            return False
        self._set_busy(True)
        outcome = _Outcome(on_success, on_failure)

        def body() -> None:
            try:
                outcome.result = work()
            except Exception as exc:  # delivered to on_failure on the GUI thread
                outcome.error = exc
            self._emit(self._delivered, outcome)

        self._start(body, "sbi-job")
        return True

    def start_preview(self, client: SbiClient, device: DeviceInfo, slap: Slap) -> None:
        """Stream preview frames until stop_preview(); failures only end the preview."""
        self.stop_preview()
        cancel = threading.Event()
        self._stream_cancel = cancel

        def body() -> None:
            try:
                for frame in client.stream(device, slap, cancel, timeout_s=120.0):
                    if cancel.is_set():
                        return
                    self._emit(self.frame_arrived, frame)
            except (SbiError, OSError, ValueError) as exc:
                log.info("live preview ended: %s", exc)

        self._start(body, "sbi-preview")

    def stop_preview(self) -> None:
        if self._stream_cancel is not None:
            self._stream_cancel.set()
            self._stream_cancel = None

    def close(self) -> None:
        """Stop delivering; threads still running end on their own (cancel them first)."""
        self.stop_preview()
        self._closed = True

    def wait(self, timeout_s: float = 5.0) -> None:
        for thread in list(self._threads):
            thread.join(timeout_s)

    def _start(self, body: Callable[[], None], name: str) -> None:
        self._threads = [t for t in self._threads if t.is_alive()]
        thread = threading.Thread(target=body, name=name, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _emit(self, signal: Any, value: object) -> None:
        # The screen may have been closed and deleted while the device answered.
        with contextlib.suppress(RuntimeError):
            if not self._closed:
                signal.emit(value)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_changed.emit(busy)

    def _deliver(self, outcome: _Outcome) -> None:
        self._set_busy(False)
        if self._closed:
            return
        if outcome.error is None:
            outcome.on_success(outcome.result)
        else:
            outcome.on_failure(outcome.error)
