"""About DNR Workstation: version, Qt and Python, the desk's folders and log, and the licences
of every bundled library and font with their texts (workstation.licences makes the lists)."""

from __future__ import annotations

import platform
import sys
from importlib import metadata
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workstation import __version__
from workstation.appdirs import desk_folders
from workstation.licences import (
    FontLicence,
    PackageLicence,
    font_licences,
    licence_text,
    package_licences,
)
from workstation.logs import log_file
from workstation.resources import resource_path


def _package_texts(row: PackageLicence) -> str:
    """The licence texts of one library: its own files, or the shipped ones for Python/Qt."""
    parts: list[str] = []
    try:
        dist: metadata.Distribution | None = metadata.distribution(row.name)
    except metadata.PackageNotFoundError:
        dist = None
    for name in row.licence_files:
        text = licence_text(dist, name) if dist is not None else None
        if text is None:
            shipped = resource_path("licences", name)
            text = shipped.read_text(encoding="utf-8") if shipped.is_file() else None
        if text:
            parts.append(f"==== {name} ====\n\n{text.strip()}\n")
    if not parts:
        return QCoreApplication.translate(
            "AboutDialog", "{name} {version}: {licence}. The package ships no licence text."
        ).format(name=row.name, version=row.version, licence=row.licence)
    return "\n".join(parts)


def _font_text(row: FontLicence) -> str:
    if row.licence_file is None or not row.licence_file.is_file():
        return f"{row.file}: {row.licence}. {row.licence_url}"
    return row.licence_file.read_text(encoding="utf-8")


class _LicenceTable(QWidget):
    """A table of (columns...) rows and, under it, the licence text of the selected row."""

    def __init__(self, headers: list[str], rows: list[tuple[list[str], str]]) -> None:
        super().__init__()
        self.texts = [text for _cells, text in rows]
        self.table = QTableWidget(len(rows), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        for r, (cells, _text) in enumerate(rows):
            for c, value in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.table.currentCellChanged.connect(lambda row, *_: self._show(row))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.text)
        splitter.setSizes([260, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        if rows:
            self.table.selectRow(0)
            self._show(0)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.texts):
            self.text.setPlainText(self.texts[row])

    def cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def column(self, column: int) -> list[str]:
        return [self.cell(r, column) for r in range(self.table.rowCount())]


class AboutDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        workstation_id: str | None = None,
        data_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About DNR Workstation"))
        self.resize(820, 600)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._about_tab(workstation_id, data_dir), self.tr("&About"))
        self.libraries = _LicenceTable(
            [self.tr("Library"), self.tr("Version"), self.tr("Licence")],
            [([r.name, r.version, r.licence], _package_texts(r)) for r in package_licences()],
        )
        self.tabs.addTab(self.libraries, self.tr("&Libraries"))
        self.fonts = _LicenceTable(
            [self.tr("Font file"), self.tr("Family"), self.tr("Version"), self.tr("Licence")],
            [([f.file, f.family, f.version, f.licence], _font_text(f)) for f in font_licences()],
        )
        self.tabs.addTab(self.fonts, self.tr("&Fonts"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def _about_tab(self, workstation_id: str | None, data_dir: Path | None) -> QWidget:
        tab = QWidget()
        icon = QLabel()
        icon.setPixmap(QIcon(str(resource_path("icons", "dnr-workstation.svg"))).pixmap(96, 96))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        build = self.tr("bundle") if getattr(sys, "frozen", False) else self.tr("from source")
        folders = desk_folders(data_dir)
        rows = [
            (self.tr("Version"), f"{__version__} ({build})"),
            (self.tr("Desk"), workstation_id or "—"),
            (self.tr("Qt / PySide6"), f"Qt {qVersion()}, PySide6 {pyside_version}"),
            (
                self.tr("Python"),
                f"{platform.python_version()} ({platform.python_implementation()})",
            ),
            (self.tr("System"), f"{platform.system()} {platform.release()} {platform.machine()}"),
            (self.tr("Data"), str(folders.data)),
            (self.tr("Settings file"), str(folders.config_file)),
            (self.tr("Key files (fallback)"), str(folders.key_dir)),
            (self.tr("Log file"), str(log_file(folders.log_dir))),
        ]
        self.facts = dict(rows)
        table = "".join(
            f"<tr><td><b>{name}</b></td><td>&nbsp;&nbsp;{_escape(value)}</td></tr>"
            for name, value in rows
        )
        text = QLabel(
            self.tr(
                "<h2>DNR Workstation</h2><p>Digital Nomad Residency desk for the public "
                "service centres of Kazakhstan.</p>"
            )
            + f"<table>{table}</table>"
            + self.tr(
                "<p>The libraries and fonts shipped with the desk and their licences are "
                "listed under <i>Libraries</i> and <i>Fonts</i>; their licence texts are "
                "shown there.</p>"
            )
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout = QHBoxLayout(tab)
        layout.addWidget(icon)
        layout.addWidget(text, 1)
        return tab


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def show_about(
    parent: QWidget | None, *, workstation_id: str | None = None, data_dir: Path | None = None
) -> AboutDialog:
    dialog = AboutDialog(parent, workstation_id=workstation_id, data_dir=data_dir)
    dialog.open()
    return dialog
