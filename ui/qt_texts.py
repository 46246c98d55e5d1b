"""Texts of Qt's own dialogs that Qt's catalogue for a desk language lacks.

Qt ships qtbase_kk.qm and qtbase_ru.qm, but the Russian one has no "&Look in:" or "Files of
&type:" (the labels of its file dialog; it has them only without the accelerator). Marking
them here puts them in the desk's catalogue under Qt's context; the desk's translator is
asked before Qt's, so the file dialog is whole in Russian. The Kazakh entries repeat Qt's.
Nothing calls this module's names; lupdate reads the literals.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

FILE_DIALOG = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
