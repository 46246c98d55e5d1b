"""Record why a finger has no print of the required quality (amputated, injured, ...)."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import error_text
from ui.widgets.hand_diagram import finger_name
from workstation.biometrics.quality import (
    CaptureRuleBroken,
    ExceptionReason,
    FingerCaptureSession,
)

REASON_LABELS = cast(
    "dict[ExceptionReason, str]",  # PySide6 types QT_TRANSLATE_NOOP as returning object
    {
        ExceptionReason.AMPUTATED: QT_TRANSLATE_NOOP(
            "fingerprint_exception", "Amputated (finger missing)"
        ),
        ExceptionReason.INJURED: QT_TRANSLATE_NOOP("fingerprint_exception", "Injured"),
        ExceptionReason.BANDAGED: QT_TRANSLATE_NOOP(
            "fingerprint_exception", "Bandaged or in a cast"
        ),
        ExceptionReason.OTHER: QT_TRANSLATE_NOOP(
            "fingerprint_exception", "Other (describe in the note)"
        ),
    },
)


def reason_label(reason: ExceptionReason) -> str:
    return QCoreApplication.translate("fingerprint_exception", REASON_LABELS[reason])


class FingerExceptionDialog(QDialog):
    """Choose a reason (and a note); the quality policy decides whether it is allowed now."""

    decided = Signal(object)  # the updated FingerCaptureSession

    def __init__(self, session: FingerCaptureSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(
            self.tr("Exception for {finger}").format(finger=finger_name(session.position))
        )
        self.setModal(True)
        intro = QLabel(
            self.tr(
                "Amputated and bandaged fingers may be excused before capture. Injured and "
                "other need {n} tries first; the best try is kept with the exception."
            ).format(n=session.max_tries)
        )
        intro.setWordWrap(True)
        self.reason = QComboBox()
        self.reason.setObjectName("exceptionReason")
        for reason in ExceptionReason:
            self.reason.addItem(reason_label(reason), reason)
        self.note = QLineEdit()
        self.note.setObjectName("exceptionNote")
        self.note.setMaxLength(200)
        self.note.setPlaceholderText(self.tr("Required for Other"))
        self.error = QLabel()
        self.error.setObjectName("exceptionError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b91c1c;")
        self.error.setVisible(False)
        if session.exception is not None:
            self.reason.setCurrentIndex(list(ExceptionReason).index(session.exception.reason))
            self.note.setText(session.exception.note)

        form = QFormLayout()
        form.addRow(self.tr("&Reason:"), self.reason)
        form.addRow(self.tr("&Note:"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Record exception"))
        self.remove_button: QPushButton | None = None
        if session.exception is not None:
            self.remove_button = buttons.addButton(
                self.tr("Remove exception"), QDialogButtonBox.ButtonRole.DestructiveRole
            )
            self.remove_button.setObjectName("removeException")
            self.remove_button.clicked.connect(self._remove)
        buttons.accepted.connect(self._record)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self.reason.setFocus()

    def choose(self, reason: ExceptionReason, note: str = "") -> None:
        self.reason.setCurrentIndex(list(ExceptionReason).index(reason))
        self.note.setText(note)

    def _record(self) -> None:
        reason = self.reason.currentData()
        assert isinstance(reason, ExceptionReason)
        base = self.session.clear_exception()
        try:
            updated = base.record_exception(reason, self.note.text())
        except CaptureRuleBroken as exc:
            self.error.setText(error_text(exc))
            self.error.setVisible(True)
            return
        self.decided.emit(updated)
        self.accept()

    def _remove(self) -> None:
        self.decided.emit(self.session.clear_exception())
        self.accept()
