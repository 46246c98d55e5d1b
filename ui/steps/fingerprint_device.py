"""Scanner work off the GUI thread: one device job at a time, plus the live preview stream.

A capture can take the applicant 10 seconds or more, so it must not sit on the Runner's single
database worker (every other screen would wait behind it): it runs on the runner's outside
lane (`ui.runner.Runner.run` with `outside=True`), which brings results back to the GUI thread.

Settings, until the settings screen exists, come from the environment:

- ``DNR_SBI_PORTS``: the ports to search for an SBI device service, "4501-4600" (the default)
  or a single port "4501".
- ``DNR_SBI_CA``: path of the device CA certificate (PEM) that scanner certificates must be
  issued by. Without it, signatures are still checked but not who signed.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal

from ui.runner import Runner
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


class ScannerJobs(QObject):
    """One scanner job at a time, plus the live preview, on the runner's outside lane; once
    closed, nothing more reaches the screen."""

    frame_arrived = Signal(object)  # bytes of one preview frame (JPEG or PNG)
    busy_changed = Signal(bool)

    def __init__(self, runner: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._busy = False
        self._closed = False
        self._stream_cancel: threading.Event | None = None

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
        self._runner.run(
            work,
            partial(self._deliver, on_success),
            partial(self._deliver, on_failure),
            outside=True,
        )
        return True

    def start_preview(self, client: SbiClient, device: DeviceInfo, slap: Slap) -> None:
        """Stream preview frames until stop_preview(); failures only end the preview."""
        self.stop_preview()
        cancel = threading.Event()
        self._stream_cancel = cancel

        def frames() -> Iterator[bytes]:
            for frame in client.stream(device, slap, cancel, timeout_s=120.0):
                if cancel.is_set():
                    return
                yield frame

        self._runner.stream_outside(frames, self._show_frame, self._preview_ended)

    def stop_preview(self) -> None:
        if self._stream_cancel is not None:
            self._stream_cancel.set()
            self._stream_cancel = None

    def close(self) -> None:
        """Stop delivering; calls still waiting on the scanner end on their own (cancel them
        first)."""
        self.stop_preview()
        self._closed = True

    def _alive(self) -> bool:
        # The screen may have been closed, or deleted, while the device answered.
        return not self._closed and shiboken6.isValid(self)

    def _show_frame(self, frame: bytes) -> None:
        if self._alive():
            self.frame_arrived.emit(frame)

    @staticmethod
    def _preview_ended(error: BaseException) -> None:
        if isinstance(error, SbiError | OSError | ValueError):
            log.info("live preview ended: %s", error)
        else:
            log.error("live preview failed", exc_info=error)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_changed.emit(busy)

    def _deliver(self, callback: Callable[[Any], None], value: Any) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_busy(False)
        if not self._closed:
            callback(value)
