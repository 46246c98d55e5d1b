"""Small dialogs of the main window: keyboard shortcuts and About."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.about import AboutDialog
from ui.about import show_about as open_about
from workstation.services.setup import DeskSession


def _keys_rows() -> list[tuple[str, str]]:
    """Keys that are not menu actions: moving between the search box, the list and a case."""
    return [
        (
            "↓ / Page Down",
            QCoreApplication.translate("dialogs", "From the search box into the list"),
        ),
        ("Enter", QCoreApplication.translate("dialogs", "Open the highlighted case")),
        ("Esc", QCoreApplication.translate("dialogs", "Back to the search box")),
    ]


def _action_text(action: QAction) -> str:
    text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.rstrip("…").rstrip(".").strip()


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """Every shortcut this window has for its user's role, from its actions, in menu order;
    so the list is complete for clerk, officer and supervisor and in the desk's language."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    for action in window.findChildren(QAction):
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if not keys or keys in seen or not action.isVisible() or not action.text():
            continue
        seen.add(keys)
        rows.append((keys, _action_text(action)))
    return rows + _keys_rows()


def show_shortcuts(parent: QWidget) -> QMessageBox:
    rows = "".join(
        f"<tr><td><b>{html.escape(k)}</b></td><td>&nbsp;&nbsp;{html.escape(v)}</td></tr>"
        for k, v in shortcut_rows(parent)
    )
    box = QMessageBox(parent)
    box.setObjectName("shortcutsBox")
    box.setWindowTitle(QCoreApplication.translate("dialogs", "Keyboard shortcuts"))
    box.setText(f"<table>{rows}</table>")
    box.open()
    return box


def show_about(parent: QWidget, session: DeskSession) -> AboutDialog:
    """The About box (ui/about.py): version, Qt, Python, folders, log, licences."""
    store_path = session.store.path
    return open_about(
        parent,
        workstation_id=session.identity.workstation_id,
        data_dir=store_path.parent if store_path is not None else None,
    )
