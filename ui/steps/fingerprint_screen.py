"""Capture an applicant's ten fingerprints with an SBI scanner (or image files), then save them.

Keyboard: Space or Enter captures the next slap, R retries the selected finger, E records an
exception for it, I imports it from an image file, ← → choose a finger, Esc cancels a running
capture (or closes). The scanner is found through ``sbi_client_from_environment`` (see
``ui.steps.fingerprint_device`` for DNR_SBI_PORTS and DNR_SBI_CA); tests inject a client.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import error_text, text_of
from ui.runner import Runner
from ui.steps.fingerprint_device import (
    ScannerJobs,
    ScannerSettingsInvalid,
    sbi_client_from_environment,
)
from ui.steps.fingerprint_exception import FingerExceptionDialog
from ui.widgets.finger_tiles import FingerTiles, PrintPreview
from ui.widgets.hand_diagram import (
    BELOW_COLOUR,
    HandDiagram,
    finger_name,
    slap_name,
    slap_short_name,
    state_text,
)
from workstation.biometrics.file_import import import_print_file
from workstation.biometrics.quality import FingerCaptureSession, TenPrintSet, capture_required
from workstation.biometrics.sbi import (
    CaptureCancelled,
    CapturedPrint,
    DeviceInfo,
    FingerPosition,
    NoDeviceFound,
    SbiClient,
    SbiError,
    Slap,
    SlapCapture,
)
from workstation.domain.lifecycle import TransitionRefused
from workstation.services.context import Changes
from workstation.services.desk import CaseDetail
from workstation.services.fingerprints import FingerprintDesk, FingerprintsRefused

if TYPE_CHECKING:
    from ui.window import DeskWindow

CAPTURE_TIMEOUT_S = 30.0


class FingerprintScreen(QDialog):
    recorded = Signal(object)  # Changes

    def __init__(
        self,
        service: FingerprintDesk,
        runner: Runner,
        client: SbiClient,
        case_id: str,
        applicant: str,
        birth_date: date,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service, self.runner, self.client, self.case_id = service, runner, client, case_id
        self.ten_print: TenPrintSet = service.policy.new_ten_print()
        self.device: DeviceInfo | None = None
        self.chain_hash: str | None = None
        self.frames_shown = 0
        self._capture_cancel: threading.Event | None = None
        self._saving = False
        self.exception_dialog: FingerExceptionDialog | None = None
        self.required, self.requirement = capture_required(
            birth_date, today, service.context.rules.fingerprint_min_age_years
        )
        # Seams for the two questions that would block a test: which file, and discard?
        self.choose_print_file: Callable[[FingerPosition], Path | None] = self._ask_for_file
        self.confirm_discard: Callable[[], bool] = self._ask_discard
        self.jobs = ScannerJobs(runner, self)
        self.jobs.frame_arrived.connect(self._show_frame)
        self.jobs.busy_changed.connect(lambda _busy: self._refresh())

        self.setWindowTitle(self.tr("Fingerprints: {name}").format(name=applicant))
        self._build(applicant)
        self._shortcuts()
        self.hands.finger_selected.connect(self._select)
        self._refresh()
        self._select(self._next_finger() or FingerPosition.LEFT_INDEX)
        self.hands.setFocus()
        if self.required:
            self.search_scanner()

    # Layout ---------------------------------------------------------------------------------

    def _build(self, applicant: str) -> None:
        name = QLabel(applicant)
        name.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.requirement_label = QLabel(text_of(self.requirement))
        self.requirement_label.setObjectName("requirement")
        self.requirement_label.setWordWrap(True)
        if not self.required:
            self.requirement_label.setStyleSheet("color: #b45309; font-weight: 600;")
        self.device_label = QLabel()
        self.device_label.setObjectName("deviceStatus")
        self.device_label.setWordWrap(True)
        self.search_button = self._button(self.tr("Search for scanner"), self.search_scanner)
        device_row = QHBoxLayout()
        device_row.addWidget(self.device_label, 1)
        device_row.addWidget(self.search_button)

        self.hands = HandDiagram()
        self.next_label = QLabel()
        self.next_label.setObjectName("nextSlap")
        self.next_label.setStyleSheet("font-size: 12pt; font-weight: 600; color: #1d4ed8;")
        self.next_label.setWordWrap(True)
        self.preview = PrintPreview()
        self.selected_label = QLabel()
        self.selected_label.setObjectName("selectedFinger")
        self.selected_label.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(self.hands)
        left.addWidget(self.next_label)
        left.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)
        left.addWidget(self.selected_label)
        left.addStretch(1)

        self.prints = FingerTiles()
        self.prints.finger_clicked.connect(self.hands.select)
        self.tiles = self.prints.tiles

        middle = QHBoxLayout()
        middle.addLayout(left, 0)
        middle.addWidget(self.prints, 1)

        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.capture_button = self._button(self.tr("&Capture slap (Space)"), self.capture_next)
        self.retry_button = self._button(self.tr("&Retry finger (R)"), self.retry_selected)
        self.exception_button = self._button(self.tr("&Exception… (E)"), self.record_exception)
        self.import_button = self._button(self.tr("&Import file… (I)"), self.import_selected)
        self.cancel_capture_button = self._button(self.tr("Cancel capture (Esc)"), self.reject)
        self.save_button = self._button(self.tr("&Save fingerprints"), self.save)
        self.save_button.setObjectName("saveFingerprints")
        self.close_button = self._button(self.tr("Close"), self.reject)
        buttons = QHBoxLayout()
        for button in (
            self.capture_button,
            self.retry_button,
            self.exception_button,
            self.import_button,
            self.cancel_capture_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(name)
        layout.addWidget(self.requirement_label)
        layout.addLayout(device_row)
        layout.addLayout(middle, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(1180, 760)

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _shortcuts(self) -> None:
        for key, slot in (
            (Qt.Key.Key_Space, self.capture_next),
            (Qt.Key.Key_Return, self.capture_next),
            (Qt.Key.Key_Enter, self.capture_next),
            (Qt.Key.Key_R, self.retry_selected),
            (Qt.Key.Key_E, self.record_exception),
            (Qt.Key.Key_I, self.import_selected),
            (QKeySequence.StandardKey.Save, self.save),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # State shown ----------------------------------------------------------------------------

    @property
    def capturing(self) -> bool:
        return self._capture_cancel is not None

    @property
    def idle(self) -> bool:
        return not self.jobs.busy and not self._saving

    def next_slap(self) -> Slap | None:
        """The first slap not yet placed on the scanner; once all were, the first to retry."""
        ten = self.ten_print
        fresh = (s for s in Slap if any(ten.finger(f).tries == 0 for f in ten.still_to_capture(s)))
        return next(fresh, None) or next((s for s in Slap if ten.still_to_capture(s)), None)

    def _next_finger(self) -> FingerPosition | None:
        slap = self.next_slap()
        return self.ten_print.still_to_capture(slap)[0] if slap else None

    @property
    def selected(self) -> FingerPosition:
        return self.hands.selected

    def _session(self) -> FingerCaptureSession:
        return self.ten_print.finger(self.selected)

    def _refresh(self) -> None:
        ten = self.ten_print
        self.hands.set_states({s.position: s.state for s in ten.sessions})
        slap = self.next_slap()
        self.hands.set_next_slap(slap)
        if not self.required:
            self.next_label.setText(self.tr("No capture needed."))
        elif self.capturing:
            self.next_label.setText(self.tr("Capturing… keep the fingers flat on the glass."))
        elif slap is not None:
            wanted = ten.still_to_capture(slap)
            if all(ten.finger(f).tries for f in wanted):
                names = ", ".join(finger_name(f) for f in wanted)
                text = self.tr("Next: {slap} again, for {names}").format(
                    slap=slap_short_name(slap), names=names
                )
            else:
                text = self.tr("Next: {slap}").format(slap=slap_name(slap))
            self.next_label.setText(text)
        elif ten.is_complete:
            self.next_label.setText(self.tr("All ten fingers done: save (Ctrl+S)."))
        else:
            self.next_label.setText(self.tr("Record an exception for each red finger (E)."))
        session = self._session()
        idle, required = self.idle, self.required
        self.capture_button.setEnabled(required and idle and slap is not None)
        self.retry_button.setEnabled(required and idle and session.may_try_again)
        self.exception_button.setEnabled(required and idle and not session.passed)
        self.import_button.setEnabled(required and idle and session.may_try_again)
        self.cancel_capture_button.setVisible(self.capturing)
        self.search_button.setEnabled(required and idle)
        self.save_button.setEnabled(required and idle and ten.is_complete)
        self.close_button.setEnabled(not self._saving)
        self._show_selected()

    def _show_selected(self) -> None:
        session = self._session()
        self.prints.show_set(self.ten_print, session.position)
        quality = "—" if session.best_quality is None else str(session.best_quality)
        self.selected_label.setText(
            self.tr("{finger}: quality {q} (needs {t}), try {n} of {max}. {state}").format(
                finger=finger_name(session.position),
                q=quality,
                t=session.threshold,
                n=session.tries,
                max=session.max_tries,
                state=state_text(session),
            )
        )
        if not self.capturing:
            self.preview.show_print(session.best)

    def _select(self, position: FingerPosition) -> None:
        if position is not self.hands.selected:
            self.hands.select(position)
            return
        self._refresh()

    def _say(self, text: str, problem: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {BELOW_COLOUR};" if problem else "")

    def _show_frame(self, frame: object) -> None:
        if self.capturing and isinstance(frame, bytes) and self.preview.show_frame(frame):
            self.frames_shown += 1

    # The scanner ----------------------------------------------------------------------------

    def search_scanner(self) -> None:
        self.device_label.setText(self.tr("Searching for a fingerprint scanner…"))
        client = self.client
        self.jobs.run(client.find_finger_scanner, self._found, self._not_found)

    def _found(self, device: DeviceInfo) -> None:
        self.device = device
        text = self.tr("Scanner {make} {model}, serial {serial} (port {port})").format(
            make=device.make, model=device.model, serial=device.serial, port=device.port
        )
        if self.client.trusted_ca is None:
            text += " · " + self.tr("no device CA configured: the scanner is not verified")
        self.device_label.setText(text)
        self.device_label.setStyleSheet("")

    def _not_found(self, error: BaseException) -> None:
        self.device = None
        self.device_label.setText(
            error_text(error) + " " + self.tr("Or import prints from files (I).")
        )
        self.device_label.setStyleSheet(f"color: {BELOW_COLOUR};")

    def capture_next(self) -> None:
        slap = self.next_slap()
        if not self.required or not self.idle:
            return
        if slap is None:
            self._say(self.tr("No slap left to capture. Retry (R) or record exceptions (E)."))
            return
        self._capture(slap, self.ten_print.still_to_capture(slap))

    def retry_selected(self) -> None:
        session = self._session()
        if not self.required or not self.idle:
            return
        if not session.may_try_again:
            self._say(state_text(session), problem=True)
            return
        self._capture(session.position.slap, (session.position,))

    def _capture(self, slap: Slap, fingers: tuple[FingerPosition, ...]) -> None:
        client, known, chain = self.client, self.device, self.chain_hash
        excepted = self.ten_print.exceptions_for(slap)
        score = self.service.policy.thresholds[slap]
        cancel = threading.Event()

        def work() -> tuple[DeviceInfo, SlapCapture]:
            device = known or client.find_finger_scanner()
            capture = client.capture_slap(
                device,
                slap,
                exceptions=excepted,
                fingers=fingers,
                previous_hash=chain,
                requested_score=score,
                timeout_s=CAPTURE_TIMEOUT_S,
                cancel=cancel,
            )
            return device, capture

        if not self.jobs.run(work, self._captured, self._capture_failed):
            return
        self._capture_cancel = cancel
        self.frames_shown = 0
        self.preview.setText(self.tr("Waiting for the scanner…"))
        self._say(
            {
                Slap.LEFT_SLAP: self.tr(
                    "Place the left slap (four fingers of the left hand) on the scanner. "
                    "Esc cancels."
                ),
                Slap.RIGHT_SLAP: self.tr(
                    "Place the right slap (four fingers of the right hand) on the scanner. "
                    "Esc cancels."
                ),
                Slap.THUMBS: self.tr("Place both thumbs on the scanner. Esc cancels."),
            }[slap]
        )
        if known is not None:
            self.jobs.start_preview(client, known, slap)
        self._refresh()

    def _end_capture(self) -> None:
        self._capture_cancel = None
        self.jobs.stop_preview()

    def _captured(self, result: tuple[DeviceInfo, SlapCapture]) -> None:
        self._end_capture()
        if self.device is None:
            self._found(result[0])
        capture = result[1]
        self.chain_hash = capture.chain_hash
        ten = self.ten_print.record_prints(capture.prints)
        # A finger the scanner could not read was still presented: it uses up a try, so an
        # unreadable finger reaches the point where an exception may be recorded.
        for missing in capture.missing:
            session = ten.finger(missing.position)
            if session.may_try_again:
                ten = ten.with_finger(replace(session, tries=session.tries + 1))
        self.ten_print = ten
        lines = [
            self.tr("{slap}: %n print(s) captured.", "", len(capture.prints)).format(
                slap=slap_short_name(capture.slap)
            )
        ]
        low = [p for p in capture.prints if not ten.finger(p.position).passed]
        if low:
            names = ", ".join(finger_name(p.position) for p in low)
            lines.append(self.tr("Below threshold: {names}; retry (R).").format(names=names))
        for missing in capture.missing:
            lines.append(
                self.tr("{finger} not read ({reason}).").format(
                    finger=finger_name(missing.position), reason=text_of(missing.reason)
                )
            )
        self._say(" ".join(lines), problem=bool(low or capture.missing))
        attention = [
            f
            for f in capture.slap.fingers
            if not ten.finger(f).is_complete and f in {p.position for p in capture.prints}
        ] + [m.position for m in capture.missing]
        self._select(attention[0] if attention else self._next_finger() or self.selected)
        self._refresh()

    def _capture_failed(self, error: BaseException) -> None:
        self._end_capture()
        if isinstance(error, CaptureCancelled):
            self._say(self.tr("Capture cancelled; no try was counted."))
        elif isinstance(error, SbiError):
            if isinstance(error, NoDeviceFound):
                self._not_found(error)
            self._say(error_text(error), problem=True)
        else:
            self.runner.show_error(error)
        self._refresh()

    # Exceptions and files ---------------------------------------------------------------------

    def record_exception(self) -> FingerExceptionDialog | None:
        session = self._session()
        if not self.required or not self.idle:
            return None
        if session.passed:
            self._say(state_text(session), problem=False)
            return None
        dialog = FingerExceptionDialog(session, self)
        dialog.decided.connect(self._exception_decided)
        dialog.open()
        self.exception_dialog = dialog
        return dialog

    def _exception_decided(self, session: FingerCaptureSession) -> None:
        self.ten_print = self.ten_print.with_finger(session)
        self._say("")
        self._refresh()

    def import_selected(self) -> None:
        session = self._session()
        if not self.required or not self.idle or not session.may_try_again:
            return
        path = self.choose_print_file(session.position)
        if path is None:
            return
        position = session.position
        self._say(self.tr("Reading {file}…").format(file=path.name))
        self.jobs.run(lambda: import_print_file(path, position), self._imported, self._not_imported)

    def _imported(self, captured: CapturedPrint) -> None:
        session = self.ten_print.finger(captured.position)
        self.ten_print = self.ten_print.with_finger(session.record_try(captured))
        self._say(
            self.tr("{finger} imported from a file, estimated quality {q}.").format(
                finger=finger_name(captured.position), q=captured.quality
            )
        )
        self._refresh()

    def _not_imported(self, error: BaseException) -> None:
        if isinstance(error, ValueError):
            self._say(error_text(error), problem=True)
        else:
            self.runner.show_error(error)

    def _ask_for_file(self, position: FingerPosition) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import the print of {finger}").format(finger=finger_name(position)),
            "",
            self.tr("Fingerprint images (*.png *.jpg *.jpeg)"),
        )
        return Path(name) if name else None

    # Save and close ---------------------------------------------------------------------------

    def save(self) -> None:
        if not self.required or not self.idle or not self.ten_print.is_complete:
            return
        service, case_id, ten = self.service, self.case_id, self.ten_print
        self._saving = True
        self._refresh()
        self.runner.command(
            lambda: service.record_ten_print(case_id, ten),
            self._saved,
            self._save_failed,
            initiator=self,
            label=self.tr("Saving the fingerprints…"),
        )

    def _saved(self, changes: Changes) -> None:
        self._saving = False
        self.recorded.emit(changes)
        self.ten_print = self.service.policy.new_ten_print()  # saved: nothing left to discard
        self.accept()

    def _save_failed(self, error: BaseException) -> None:
        self._saving = False
        self._refresh()
        if isinstance(error, FingerprintsRefused | TransitionRefused):
            self._say(error_text(error), problem=True)
            return
        self.runner.show_error(error)

    def has_unsaved_prints(self) -> bool:
        return any(s.tries or s.exception for s in self.ten_print.sessions)

    def _ask_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Discard the prints?"),
            self.tr("The prints captured here are not saved. Close and discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        if self._capture_cancel is not None:
            self._capture_cancel.set()
            self._say(self.tr("Cancelling the capture…"))
            return
        if self._saving:
            return  # the save is one short transaction: let it finish rather than cut it
        if self.has_unsaved_prints() and not self.confirm_discard():
            return
        super().reject()

    def done(self, result: int) -> None:
        if self._capture_cancel is not None:
            self._capture_cancel.set()
        self.jobs.close()
        super().done(result)


def open_fingerprint_screen(window: DeskWindow, detail: CaseDetail) -> QDialog | None:
    """The step opener: the capture screen for the case on screen, if it is at the desk."""
    if not detail.can_record_steps:
        return None
    try:
        client = sbi_client_from_environment()
    except ScannerSettingsInvalid as exc:
        QMessageBox.warning(
            window, QCoreApplication.translate("MainWindow", "Scanner settings"), error_text(exc)
        )
        return None
    a = detail.approval
    screen = FingerprintScreen(
        FingerprintDesk(window.desk.context),
        window.runner,
        client,
        a.case_id,
        f"{a.surname} {a.given_names}",
        a.birth_date,
        detail.today,
        window,
    )
    screen.finished.connect(lambda _r: window.worklist.table.setFocus())
    screen.open()
    return screen
