"""The first run of a desk: connect it to central and name the staff trust store, or try the demo.

The dialog draws `workstation.services.first_run.FirstRun` (what is checked, tested and
written, and in which order) and runs its connection test on the runner's outside lane.
"Use demo mode" writes nothing: the application opens the demo desk for this run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtCore import Qt
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

from ui.i18n import error_text, text_of
from ui.runner import Runner
from ui.ui_settings import needs_first_run as needs_first_run  # where it lived before
from ui.widgets.fit_window import fit_to_layout
from workstation.i18n import Translatable
from workstation.services.first_run import (
    Checked,
    Entries,
    FirstRun,
    FolderCheck,
    SetupNotSaved,
    Stage,
)
from workstation.sync.gateway import CentralError

Choice = Literal["saved", "demo"]
ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"
WARN_STYLE = "color: #8a5300;"


class FirstRunDialog(QDialog):
    def __init__(
        self, data_dir: Path, config_file: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.flow = FirstRun(data_dir, config_file)
        self.data_dir = data_dir
        self.config_file = self.flow.config_file
        self.runner = Runner(self)
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
        self.city.addItems(list(self.flow.cities))
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

        defaults = self.flow.defaults()
        self.trust_dir = QLineEdit(defaults.trust_dir)
        self.crl_dir = QLineEdit(defaults.crl_dir)
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

    @property
    def choice(self) -> Choice | None:
        stage = self.flow.stage
        return "saved" if stage is Stage.SAVED else "demo" if stage is Stage.DEMO else None

    @property
    def saved_to(self) -> Path | None:
        return self.flow.saved_to

    def entries(self) -> Entries:
        return Entries(
            url=self.url.text(),
            password=self.password.text(),
            workstation_id=self.workstation_id.text(),
            city=self.city.currentText(),
            trust_dir=self.trust_dir.text(),
            crl_dir=self.crl_dir.text(),
        )

    # ---- actions ----------------------------------------------------------------------------

    def use_demo(self) -> None:
        self.flow.choose_demo()
        self.accept()

    def start_test(self) -> None:
        """Test the connection off the GUI thread; the result appears beside the button."""
        try:
            test = self.flow.begin_test(self.entries())
        except CentralError as exc:  # SettingsInvalid is one
            self._say(self.url_error, error_text(exc))
            self._say(self.test_result, "")
            return
        if test is None:
            return  # one is running
        self._say(self.url_error, "")
        self._say(self.test_result, self.tr("Connecting…"), ok=True)
        self.test_button.setEnabled(False)
        self.runner.run(test, self._connected, self._not_connected, outside=True)

    def _connected(self, message: Translatable) -> None:
        self._show_test(True, text_of(message))

    def _not_connected(self, error: BaseException) -> None:
        self._show_test(False, error_text(error))

    def _show_test(self, ok: bool, message: str) -> None:
        self.flow.end_test()
        self.test_button.setEnabled(True)
        self._say(self.test_result, message, ok=ok)

    def testing(self) -> bool:
        return self.flow.testing

    def show_checked(self, checked: Checked) -> None:
        """Every problem next to its field, what the folders hold next to theirs."""
        self._say(
            self.url_error, "" if checked.url_problem is None else error_text(checked.url_problem)
        )
        self._say(
            self.workstation_error,
            "" if checked.workstation_problem is None else text_of(checked.workstation_problem),
        )
        self._show_folder(
            self.trust_error,
            checked.trust,
            self.tr("%n CA certificate(s) found.", "", checked.trust.found),
        )
        if checked.crl.usable and not checked.crl.found:
            self._say(
                self.crl_error,
                self.tr(
                    "No .crl file yet: log-in is refused until the administrator puts the "
                    "current CRLs here."
                ),
                warn=True,
            )
        else:
            self._show_folder(
                self.crl_error, checked.crl, self.tr("%n CRL(s) found.", "", checked.crl.found)
            )

    def _show_folder(self, label: QLabel, folder: FolderCheck, found: str) -> None:
        if folder.problem is not None:
            self._say(label, text_of(folder.problem))
        else:
            self._say(label, found, ok=True)

    def save(self) -> bool:
        """Check every field, write the settings, accept; False (and messages) if refused."""
        self._say(self.save_error, "")
        checked = self.flow.check(self.entries())
        self.show_checked(checked)
        if checked.first_problem is not None:
            {
                "url": self.url,
                "workstation_id": self.workstation_id,
                "trust_dir": self.trust_dir,
                "crl_dir": self.crl_dir,
            }[checked.first_problem].setFocus()
            return False
        try:
            self.flow.save(checked)
        except SetupNotSaved as exc:
            self._say(self.save_error, error_text(exc))
            return False
        self.accept()
        return True

    def reject(self) -> None:
        if self.flow.stage is Stage.CHOOSING:
            self.flow.quit()
        super().reject()

    def done(self, result: int) -> None:
        self.runner.shutdown()  # a connection test still waiting ends on its own
        super().done(result)
