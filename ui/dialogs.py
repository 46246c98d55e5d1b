"""Small dialogs of the main window: keyboard shortcuts and About."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.about import AboutDialog
from ui.about import show_about as open_about
from workstation.services.setup import DeskSession


def _tr(text: str) -> str:
    return QCoreApplication.translate("dialogs", text)


def shortcut_rows() -> list[tuple[str, str]]:
    return [
        ("Ctrl+F", _tr("Find a case: IIN, passport, surname or given name")),
        ("↓ / Page Down", _tr("From the search box into the list")),
        ("Enter", _tr("Open the highlighted case")),
        ("Ctrl+Shift+A", _tr("Record or correct the arrival of the open case")),
        ("Ctrl+Shift+F", _tr("Capture the fingerprints of the open case")),
        ("Ctrl+Shift+P", _tr("Check the passport (MRZ) of the open case")),
        ("Ctrl+Shift+M", _tr("Record the medical examination of the open case")),
        ("Ctrl+Shift+H", _tr("Record the housing agreement of the open case")),
        ("Ctrl+Shift+D", _tr("Record a state duty receipt of the open case")),
        ("Ctrl+Shift+O", _tr("Attach, view or remove the documents of the open case")),
        ("Ctrl+P", _tr("Preview and print the application of the open case")),
        ("Ctrl+Shift+R", _tr("Preview and print the applicant's receipt")),
        ("Esc", _tr("Back to the search box")),
        ("F5", _tr("Sync with central now")),
        ("Ctrl+L", _tr("Lock the desk (unlock with the same EDS key)")),
        ("F1", _tr("This list")),
        ("Ctrl+Q", _tr("Quit")),
    ]


def show_shortcuts(parent: QWidget) -> QMessageBox:
    rows = "".join(
        f"<tr><td><b>{k}</b></td><td>&nbsp;&nbsp;{v}</td></tr>" for k, v in shortcut_rows()
    )
    box = QMessageBox(parent)
    box.setWindowTitle(_tr("Keyboard shortcuts"))
    box.setText(f"<table>{rows}</table>")
    box.open()
    return box


def show_about(parent: QWidget, session: DeskSession) -> AboutDialog:
    """The About box (ui/about.py): version, Qt, Python, folders, log, licences."""
    return open_about(
        parent, workstation_id=session.identity.workstation_id, data_dir=session.store.path.parent
    )
