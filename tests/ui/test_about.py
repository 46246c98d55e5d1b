"""About: versions of the desk, Qt and Python; its folders and log; licences of libraries, fonts."""

from __future__ import annotations

import os
import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion

from ui.about import AboutDialog
from ui.dialogs import show_about
from workstation import __version__
from workstation.sync.config import config_path


def about(qtbot, **kwargs: object) -> AboutDialog:  # type: ignore[no-untyped-def]
    dialog = AboutDialog(None, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_about_names_the_versions_and_the_folders(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = about(qtbot, workstation_id="WS-AST-01", data_dir=tmp_path / "desk")
    facts = dialog.facts
    assert facts["Version"].startswith(__version__)
    assert facts["Qt / PySide6"] == f"Qt {qVersion()}, PySide6 {pyside_version}"
    assert facts["Python"].startswith(platform.python_version())
    assert facts["Desk"] == "WS-AST-01"
    assert facts["Data"] == str(tmp_path / "desk")
    assert facts["Log file"] == str(Path(os.environ["DNR_LOG_DIR"]) / "dnr-workstation.log")
    assert facts["Settings file"] == str(config_path())


def test_about_lists_pyside6_and_the_other_libraries_with_licences(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = about(qtbot)
    table = dialog.libraries
    names = table.column(0)
    row = names.index("PySide6_Essentials")
    assert table.cell(row, 1) == pyside_version
    assert table.cell(row, 2).startswith("LGPL-3.0")
    for needed in ("SQLAlchemy", "reportlab", "cryptography", "keyring", "Python"):
        assert needed in names
    assert table.cell(names.index("SQLAlchemy"), 2) == "MIT"
    # Selecting a library shows its licence text; Qt's is the LGPL shipped in resources/.
    table.table.selectRow(names.index("SQLAlchemy"))
    assert "Permission is hereby granted" in table.text.toPlainText()
    table.table.selectRow(names.index("Qt (in PySide6)"))
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in table.text.toPlainText()


def test_about_lists_the_fonts_with_their_licence_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = about(qtbot)
    fonts = dialog.fonts
    files = fonts.column(0)
    assert {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansCondensed.ttf"} <= set(files)
    row = files.index("DejaVuSans.ttf")
    assert fonts.cell(row, 1) == "DejaVu Sans"
    assert fonts.cell(row, 3).startswith("Bitstream Vera Fonts licence")
    fonts.table.selectRow(row)
    text = fonts.text.toPlainText()
    assert "Bitstream Vera" in text and "DejaVu" in text


def test_help_about_in_the_window_shows_this_desk(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    dialog = show_about(main_window, main_window.session)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, AboutDialog) and dialog.isVisible()
    assert dialog.facts["Desk"] == main_window.session.identity.workstation_id
    assert dialog.facts["Data"] == str(main_window.session.store.path.parent)
