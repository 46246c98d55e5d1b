"""Choosing the desk's language: a chooser on the log-in screen and a menu in the window.

On the log-in screen the new language applies at once (the screen is made again in it); in
the window it is saved and applies the next time the desk starts, because a half-translated
window would be worse than waiting (see `ui.i18n`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QComboBox, QMenu, QMessageBox, QWidget

from ui.i18n import LANGUAGES, current_language, save_language


class LanguageChooser(QComboBox):
    """The three languages by their own names; `chosen` when the person picks another one."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageChooser")
        self.setToolTip(self.tr("Language of the desk"))
        for code, name in LANGUAGES.items():
            self.addItem(name, code)
        self.setCurrentIndex(list(LANGUAGES).index(current_language()))
        self.activated.connect(self._activated)

    def _activated(self, index: int) -> None:
        code = str(self.itemData(index))
        if code != current_language():
            save_language(code)
            self.chosen.emit(code)


def language_menu(parent: QWidget) -> QMenu:
    """Desk ▸ Language: the saved choice checked; a change applies at the next start."""
    menu = QMenu(QCoreApplication.translate("MainWindow", "&Language"), parent)
    menu.setObjectName("languageMenu")
    group = QActionGroup(menu)
    group.setExclusive(True)
    for code, name in LANGUAGES.items():
        action = QAction(name, menu)
        action.setObjectName(f"language_{code}")
        action.setCheckable(True)
        action.setChecked(code == current_language())
        action.setData(code)
        group.addAction(action)
        menu.addAction(action)
    group.triggered.connect(lambda action: _chosen(parent, str(action.data())))
    return menu


def _chosen(parent: QWidget, code: str) -> None:
    save_language(code)
    if code == current_language():
        return
    QMessageBox.information(
        parent,
        QCoreApplication.translate("MainWindow", "Language"),
        QCoreApplication.translate(
            "MainWindow", "DNR Workstation will open in {language} the next time it starts."
        ).format(language=LANGUAGES[code]),
    )
