"""The log-in screen: EDS key file and password; in demo mode, the DEMO keys to choose from.

The same dialog unlocks an idle-locked desk (`LoginDialog.for_unlock`): then only the key of
the person who was logged in opens it, and the way out is to log out, not to cancel.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import error_text, text_of
from ui.language import LanguageChooser
from workstation.security.demo_setup import DemoKeyFile, DemoKeyKind
from workstation.security.eds import LoginRefused, WrongPassword
from workstation.services.login import LoginService, StaffSession

LANGUAGE_CHANGED = 2  # exec() result: the person chose another language, show the screen again
DEMO_STYLE = "color: white; background: #b45309; padding: 2px 8px; border-radius: 3px;"
ERROR_STYLE = "color: #b91c1c;"


def refusal_text(error: LoginRefused) -> str:
    """The refusal's message and its notes (attempts left), as the person at the desk reads it."""
    return error_text(error)


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setVisible(False)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class LoginDialog(QDialog):
    """Log in (or unlock) with a key file and its password; `session` is set on success."""

    logged_in = Signal(object)  # StaffSession
    logout_requested = Signal()

    def __init__(
        self,
        service: LoginService,
        *,
        demo_keys: Sequence[DemoKeyFile] = (),
        demo_password: str | None = None,
        key_file: Path | None = None,
        locked: StaffSession | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.locked = locked
        self.session: StaffSession | None = None
        self._demo_password = demo_password
        self.chosen_language: str | None = None
        unlocking = locked is not None
        self.setObjectName("unlockDialog" if unlocking else "loginDialog")
        self.setWindowTitle(
            self.tr("DNR Workstation — desk locked")
            if unlocking
            else self.tr("DNR Workstation — log in")
        )
        self.setModal(True)

        title = QLabel(
            self.tr("The desk is locked") if unlocking else self.tr("Log in with your EDS key")
        )
        title.setObjectName("loginTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.intro = intro = QLabel(
            self.tr(
                "Locked by {name} after a time without use. Unlock with the same key file "
                "and its password, or log out so someone else can log in."
            ).format(name=locked.display_name)
            if locked is not None
            else self.tr(
                "Choose your log-in key file from NCA RK (AUTH_RSA256_….p12) and type its "
                "password. The key is checked against this desk's trust store, revocation "
                "lists and staff records."
            )
        )
        intro.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        heading = QHBoxLayout()
        heading.addWidget(title, 1)
        self.language: LanguageChooser | None = None
        if not unlocking:  # the one who unlocks keeps the language the desk runs in
            self.language = LanguageChooser()
            self.language.chosen.connect(self._language_chosen)
            heading.addWidget(self.language, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(heading)
        layout.addWidget(intro)

        self.demo_list: QListWidget | None = None
        if demo_keys and not unlocking:
            box, self.demo_list = self._demo_box(demo_keys)
            layout.addWidget(box)

        self.key_path = QLineEdit()
        self.key_path.setObjectName("keyPath")
        self.key_path.setPlaceholderText(self.tr("Path to the key file (.p12)"))
        self.key_path.setMinimumWidth(460)
        self.choose_button = QPushButton(self.tr("&Choose…"))
        self.choose_button.setObjectName("chooseKey")
        self.choose_button.clicked.connect(self.choose_key_file)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_path, 1)
        key_row.addWidget(self.choose_button)
        self.key_error = _error_label("keyError")

        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_error = _error_label("passwordError")

        form = QFormLayout()
        key_label = QLabel(self.tr("&Key file:"))
        key_label.setBuddy(self.key_path)
        form.addRow(key_label, key_row)
        form.addRow("", self.key_error)
        password_label = QLabel(self.tr("&Password:"))
        password_label.setBuddy(self.password)
        form.addRow(password_label, self.password)
        form.addRow("", self.password_error)
        layout.addLayout(form)

        self.submit_button = QPushButton(self.tr("&Unlock") if unlocking else self.tr("&Log in"))
        self.submit_button.setObjectName("submitLogin")
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.submit)
        self.leave_button = QPushButton(self.tr("Log &out") if unlocking else self.tr("&Quit"))
        self.leave_button.setObjectName("leaveLogin")
        self.leave_button.setAutoDefault(False)
        self.leave_button.clicked.connect(self._leave)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.leave_button)
        buttons.addWidget(self.submit_button)
        layout.addLayout(buttons)

        self.key_path.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit)
        self.key_path.textEdited.connect(lambda _t: self._clear_errors())
        self.password.textEdited.connect(lambda _t: self._clear_errors())

        start = locked.key_file if locked is not None else key_file
        if start is not None:
            self.key_path.setText(str(start))
        if self.demo_list is not None and start is None:
            self.demo_list.setFocus()
        elif start is not None:
            self.password.setFocus()
        else:
            self.key_path.setFocus()

    def _language_chosen(self, code: str) -> None:
        # The caller makes the screen again in the new language (ui.app.log_in).
        self.chosen_language = code
        self.done(LANGUAGE_CHANGED)

    def _demo_label(self, key: DemoKeyFile) -> str:
        """The key's line in the demo list (DemoKeyFile.label, in the desk's language)."""
        if key.role is not None:
            role = text_of(key.role.label)
            role = role[:1].upper() + role[1:]  # "Clerk", "Оператор ЦОН"
            return self.tr("DEMO · {role} — {name}").format(role=role, name=key.display_name)
        refused = {
            DemoKeyKind.EXPIRED: self.tr("DEMO · expired key (refused) — {name}"),
            DemoKeyKind.REVOKED: self.tr("DEMO · revoked key (refused) — {name}"),
            DemoKeyKind.UNTRUSTED: self.tr("DEMO · key from an untrusted CA (refused) — {name}"),
        }[key.kind]
        return refused.format(name=key.display_name)

    def _demo_box(self, demo_keys: Sequence[DemoKeyFile]) -> tuple[QFrame, QListWidget]:
        box = QFrame()
        box.setObjectName("demoKeys")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        banner = QLabel(self.tr("DEMO"))
        banner.setObjectName("demoBanner")
        banner.setStyleSheet(DEMO_STYLE)
        explanation = QLabel(
            self.tr(
                "Demo keys made on this computer for trying the desk: they are NOT NCA RK "
                "keys and open only this demo desk. Password: {password}"
            ).format(password=self._demo_password or "")
        )
        explanation.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(banner, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(explanation, 1)
        demo_list = QListWidget()
        demo_list.setObjectName("demoKeyList")
        for key in demo_keys:
            item = QListWidgetItem(self._demo_label(key))
            item.setData(Qt.ItemDataRole.UserRole, str(key.path))
            item.setToolTip(str(key.path))
            demo_list.addItem(item)
        rows = min(len(demo_keys), 7)
        demo_list.setFixedHeight(demo_list.sizeHintForRow(0) * rows + 8)
        demo_list.currentItemChanged.connect(self._demo_key_chosen)
        demo_list.itemActivated.connect(lambda _item: self.submit())
        column = QVBoxLayout(box)
        column.addLayout(header)
        column.addWidget(demo_list)
        return box, demo_list

    # Actions --------------------------------------------------------------------------------

    def choose_demo_key(self, row: int) -> None:
        assert self.demo_list is not None
        self.demo_list.setCurrentRow(row)

    def _demo_key_chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        self.key_path.setText(str(item.data(Qt.ItemDataRole.UserRole)))
        if self._demo_password is not None:
            self.password.setText(self._demo_password)
        self._clear_errors()

    def choose_key_file(self) -> None:
        start = self.key_path.text().strip() or str(Path.home())
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose your EDS log-in key"),
            start,
            self.tr("EDS key files (*.p12 *.pfx);;All files (*)"),
        )
        if path:
            self.key_path.setText(path)
            self._clear_errors()
            self.password.setFocus()

    def submit(self) -> None:
        self._clear_errors()
        text = self.key_path.text().strip()
        if not text:
            self._show_error(self.key_error, self.tr("Choose your key file first."))
            self.key_path.setFocus()
            return
        if not self.password.text():
            self._show_error(self.password_error, self.tr("Type the password of the key file."))
            self.password.setFocus()
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if self.locked is not None:
                session = self.service.unlock(self.locked, Path(text), self.password.text())
            else:
                session = self.service.log_in(Path(text), self.password.text())
        except LoginRefused as error:
            self._refused(error)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.session = session
        self.password.clear()
        self.logged_in.emit(session)
        self.accept()

    def _refused(self, error: LoginRefused) -> None:
        # A wrong password is about the password field; everything else is about the key.
        self.password.clear()
        if isinstance(error, WrongPassword):
            self._show_error(self.password_error, refusal_text(error))
            self.password.setFocus()
        else:
            self._show_error(self.key_error, refusal_text(error))
            self.key_path.setFocus()
            self.key_path.selectAll()

    def _show_error(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(True)
        # A wrapped label's height depends on its width, which the minimum size does not
        # follow: grow the window to fit, instead of squeezing the key list.
        self.adjustSize()

    def _clear_errors(self) -> None:
        for label in (self.key_error, self.password_error):
            label.clear()
            label.setVisible(False)

    def _leave(self) -> None:
        if self.locked is not None:
            self.logout_requested.emit()
            self.done(QDialog.DialogCode.Rejected)
        else:
            self.reject()

    def reject(self) -> None:
        # A locked desk is left by logging out, never by closing the lock screen.
        if self.locked is None:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.locked is not None:
            event.ignore()
            return
        super().closeEvent(event)
