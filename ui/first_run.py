"""The first run of a desk: connect it to central and name the staff trust store, or try the demo.

Shown when the application starts without `--demo` on a computer that has no desk settings
file (`workstation.sync.config.config_path()`) and no desk store yet. Saving writes, in this
order, so that a failure half-way leaves the desk "not set up" and the dialog comes again:

1. the log-in settings (trust store and CRL folders) and the desk's id and city into the
   desk's local store (made here, encrypted, as on any first start);
2. the central password, if one is given, into the OS credential store;
3. the settings file (central URL without password, workstation id, city).

"Use demo mode" writes nothing: the application opens the demo desk for this run.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import error_text
from ui.ui_settings import needs_first_run as needs_first_run  # where it lived before
from ui.widgets.fit_window import fit_to_layout
from workstation.domain.programme import DEFAULT_RULES
from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.security.dbkey import DatabaseKeyUnusable
from workstation.security.eds import EmptyTrustStore, TrustStore, load_crls_from_dir
from workstation.services.login import LoginSettings, save_login_settings
from workstation.services.setup import desk_identity
from workstation.store.local import LocalStore
from workstation.sync.config import (
    DEFAULT_SYNC_INTERVAL_S,
    ConnectionSettings,
    SettingsInvalid,
    config_path,
    save_password,
    save_settings,
    split_password,
)
from workstation.sync.gateway import CentralError, CentralGateway, make_engine

Choice = Literal["saved", "demo"]
ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"
WARN_STYLE = "color: #8a5300;"


def check_central_url(url: str) -> tuple[str, str | None]:
    """(the URL without password, the password in it or None); SettingsInvalid or
    CentralError with a message for the person at the desk when it cannot be used."""
    text = url.strip()
    if not text:
        raise SettingsInvalid(
            QT_TRANSLATE_NOOP(
                "FirstRunDialog",
                "Enter the central database URL, e.g. "
                "postgresql://desk_ast_01@central.example.kz/dnr.",
            )
        )
    bare, password = split_password(text)  # SettingsInvalid: not a URL at all
    make_engine(bare).dispose()  # BadCentralUrl: not PostgreSQL or SQLite, no driver, no folder
    return bare, password


def try_connection(url: str, password: str | None) -> str:
    """Connect to central and check its schema; the result in words, or CentralError."""
    gateway = CentralGateway(url, password=password)
    try:
        gateway.check_schema()
    finally:
        gateway.engine.dispose()
    return QCoreApplication.translate(
        "FirstRunDialog", "Connected: central answers and its schema matches this version."
    )


class FirstRunDialog(QDialog):
    _tested = Signal(bool, str)

    def __init__(
        self, data_dir: Path, config_file: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.config_file = config_path(config_file)
        self.choice: Choice | None = None
        self.saved_to: Path | None = None
        self.setWindowTitle(self.tr("Set up this desk"))
        self.setMinimumWidth(640)

        intro = QLabel(
            self.tr(
                "<b>This computer has no desk settings yet.</b><br>Connect the desk to the "
                "central database and name the folders of the staff trust store, or try the "
                "application with sample data in demo mode. The settings are saved in "
                "{file}."
            ).format(file=self.config_file)
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.url = QLineEdit()
        self.url.setPlaceholderText("postgresql://desk_ast_01@central.example.kz/dnr")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("kept in the OS credential store"))
        self.workstation_id = QLineEdit()
        self.workstation_id.setPlaceholderText(self.tr("as registered at central, e.g. WS-AST-01"))
        self.city = QComboBox()
        self.city.addItems(list(DEFAULT_RULES.cities))
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.clicked.connect(self.start_test)
        self.url_error = self._message_label()
        self.workstation_error = self._message_label()
        self.test_result = self._message_label()

        central = QGroupBox(self.tr("Central database"))
        central_form = QFormLayout(central)
        central_form.addRow(self.tr("&URL:"), self.url)
        central_form.addRow("", self.url_error)
        central_form.addRow(self.tr("&Password:"), self.password)
        central_form.addRow(self.tr("&Workstation id:"), self.workstation_id)
        central_form.addRow("", self.workstation_error)
        central_form.addRow(self.tr("&City of the branch:"), self.city)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        central_form.addRow("", test_row)

        defaults = LoginSettings.defaults_for(data_dir)
        self.trust_dir = QLineEdit(str(defaults.trust_dir))
        self.crl_dir = QLineEdit(str(defaults.crl_dir))
        self.trust_error = self._message_label()
        self.crl_error = self._message_label()
        staff = QGroupBox(self.tr("Staff log-in (NCA RK certificates)"))
        staff_form = QFormLayout(staff)
        staff_form.addRow(self.tr("T&rust store folder:"), self._with_browse(self.trust_dir))
        staff_form.addRow("", self.trust_error)
        staff_form.addRow(self.tr("C&RL folder:"), self._with_browse(self.crl_dir))
        staff_form.addRow("", self.crl_error)

        self.save_error = self._message_label()
        self.demo_button = QPushButton(self.tr("Use &demo mode"))
        self.demo_button.clicked.connect(self.use_demo)
        self.quit_button = QPushButton(self.tr("&Quit"))
        self.quit_button.clicked.connect(self.reject)
        self.save_button = QPushButton(self.tr("&Save and start"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(central)
        layout.addWidget(staff)
        layout.addWidget(self.save_error)
        layout.addLayout(buttons)
        fit_to_layout(self)  # the intro wraps: as high as it needs at the dialog's width
        self._tested.connect(self._show_test, Qt.ConnectionType.QueuedConnection)
        self._test_thread: threading.Thread | None = None
        self.url.setFocus()

    # ---- building ----------------------------------------------------------------------------

    def _message_label(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        return label

    def _with_browse(self, field: QLineEdit) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(field, 1)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(lambda: self._browse(field))
        row.addWidget(browse)
        return box

    def _browse(self, field: QLineEdit) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"), field.text())
        if folder:
            field.setText(folder)

    @staticmethod
    def _say(label: QLabel, text: str, *, ok: bool = False, warn: bool = False) -> None:
        label.setText(text)
        label.setStyleSheet(WARN_STYLE if warn else OK_STYLE if ok else ERROR_STYLE)
        label.setVisible(bool(text))

    # ---- actions ----------------------------------------------------------------------------

    def use_demo(self) -> None:
        self.choice = "demo"
        self.accept()

    def start_test(self) -> None:
        """Test the connection off the GUI thread; the result appears beside the button."""
        if self._test_thread is not None and self._test_thread.is_alive():
            return
        try:
            url, in_url = check_central_url(self.url.text())
        except (SettingsInvalid, CentralError) as exc:
            self._say(self.url_error, error_text(exc))
            self._say(self.test_result, "")
            return
        self._say(self.url_error, "")
        self._say(self.test_result, self.tr("Connecting…"), ok=True)
        self.test_button.setEnabled(False)
        password = self.password.text() or in_url

        def work() -> None:
            try:
                self._tested.emit(True, try_connection(url, password))
            except CentralError as exc:
                self._tested.emit(False, error_text(exc))
            except Exception as exc:  # a driver's own error: name it, the desk stays up
                self._tested.emit(
                    False,
                    QCoreApplication.translate(
                        "FirstRunDialog", "Could not connect ({kind}): {reason}"
                    ).format(kind=type(exc).__name__, reason=exc),
                )

        self._test_thread = threading.Thread(target=work, name="first-run-test", daemon=True)
        self._test_thread.start()

    def _show_test(self, ok: bool, message: str) -> None:
        self.test_button.setEnabled(True)
        self._say(self.test_result, message, ok=ok)

    def testing(self) -> bool:
        return self._test_thread is not None and self._test_thread.is_alive()

    def _check_folders(self) -> tuple[Path | None, Path | None]:
        trust = Path(self.trust_dir.text().strip()).expanduser()
        crl = Path(self.crl_dir.text().strip()).expanduser()
        trust_ok: Path | None = None
        crl_ok: Path | None = None
        if not self.trust_dir.text().strip() or not trust.is_dir():
            self._say(
                self.trust_error, self.tr("The folder {path} does not exist.").format(path=trust)
            )
        else:
            try:
                store = TrustStore.from_pem_dir(trust)
            except EmptyTrustStore:
                self._say(
                    self.trust_error,
                    self.tr(
                        "{path} holds no root certificate: copy the NCA RK root and issuing CA "
                        "certificates (.pem, .crt or .cer) into it."
                    ).format(path=trust),
                )
            except (OSError, ValueError) as exc:
                self._say(
                    self.trust_error,
                    self.tr("A certificate in {path} cannot be read ({kind}).").format(
                        path=trust, kind=type(exc).__name__
                    ),
                )
            else:
                count = len(store.anchors) + len(store.intermediates)
                self._say(
                    self.trust_error,
                    self.tr("%n CA certificate(s) found.", "", count),
                    ok=True,
                )
                trust_ok = trust
        if not self.crl_dir.text().strip() or not crl.is_dir():
            self._say(self.crl_error, self.tr("The folder {path} does not exist.").format(path=crl))
        else:
            try:
                crls = load_crls_from_dir(crl)
            except (OSError, ValueError) as exc:
                self._say(
                    self.crl_error,
                    self.tr("A CRL in {path} cannot be read ({kind}).").format(
                        path=crl, kind=type(exc).__name__
                    ),
                )
            else:
                note = (
                    self.tr("%n CRL(s) found.", "", len(crls))
                    if crls
                    else self.tr(
                        "No .crl file yet: log-in is refused until the administrator puts the "
                        "current CRLs here."
                    )
                )
                self._say(self.crl_error, note, ok=bool(crls), warn=not crls)
                crl_ok = crl
        return trust_ok, crl_ok

    def _check_workstation_id(self, url: str | None) -> bool:
        """A PostgreSQL central knows each desk by the id `central add-workstation` gave it:
        its row-level security refuses a desk under another id, so one made up here would
        fail every sync. An embedded (SQLite) central takes any id."""
        needed = url is not None and url.startswith("postgresql")
        if needed and not self.workstation_id.text().strip():
            self._say(
                self.workstation_error,
                self.tr(
                    "Enter the workstation id the administrator registered at central "
                    "(central add-workstation): central accepts this desk's work only under it."
                ),
            )
            return False
        self._say(self.workstation_error, "")
        return True

    def save(self) -> bool:
        """Check every field, write the settings, accept; False (and messages) if refused."""
        self._say(self.save_error, "")
        url: str | None = None
        in_url: str | None = None
        try:
            url, in_url = check_central_url(self.url.text())
            self._say(self.url_error, "")
        except (SettingsInvalid, CentralError) as exc:
            self._say(self.url_error, error_text(exc))
        workstation_ok = self._check_workstation_id(url)
        trust, crl = self._check_folders()
        if url is None or not workstation_ok or trust is None or crl is None:
            if url is None:
                self.url.setFocus()
            elif not workstation_ok:
                self.workstation_id.setFocus()
            else:
                (self.trust_dir if trust is None else self.crl_dir).setFocus()
            return False
        settings = ConnectionSettings(
            central_url=url,
            workstation_id=self.workstation_id.text().strip() or None,
            city=self.city.currentText() or None,
            sync_interval_s=DEFAULT_SYNC_INTERVAL_S,
        )
        password = self.password.text() or in_url
        try:
            store = LocalStore.open(self.data_dir, create=True)
            try:
                save_login_settings(store, LoginSettings(trust_dir=trust, crl_dir=crl))
                identity = desk_identity(store, settings.city, settings=settings)
            finally:
                store.close()
            if password:
                save_password(url, password)
            self.saved_to = save_settings(
                ConnectionSettings(
                    central_url=url,
                    workstation_id=identity.workstation_id,
                    city=identity.city,
                    sync_interval_s=settings.sync_interval_s,
                ),
                self.config_file,
            )
        except (SettingsInvalid, DatabaseKeyUnusable) as exc:
            self._say(self.save_error, error_text(exc))
            return False
        except OSError as exc:
            self._say(
                self.save_error,
                self.tr("The settings could not be written: {reason}.").format(
                    reason=exc.strerror or type(exc).__name__
                ),
            )
            return False
        self.choice = "saved"
        self.accept()
        return True
