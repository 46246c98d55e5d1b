"""Preview of the real PDF (QtPdf), then Qt's print dialog or a saved file.

The preview shows the very bytes that are printed or saved. A case that cannot be printed
shows why (the checklist lines) instead of a preview. Printing or saving the application is
recorded on the case (`ApplicationPrinted`), reprints too; the receipt is printed from the
same dialog once the application is.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, QStandardPaths, Qt, Signal
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import error_text, text_of
from ui.runner import Runner
from workstation.domain.clock import KAZAKHSTAN_TIME
from workstation.security.private_files import tighten, write_private
from workstation.security.roles import NotPermitted
from workstation.services.context import Changes
from workstation.services.desk import CaseNotFound
from workstation.services.printing import (
    NotReadyToPrint,
    PrintDesk,
    PrintedDocument,
    PrintedFormChanged,
)

# Pages go to the printer as images of this resolution: sharp on paper, and an A4 page
# stays ~35 MB in memory (the printer's own 1200 dpi would need over 500 MB a page).
PRINT_DPI = 300
_EXPECTED = (NotReadyToPrint, PrintedFormChanged, NotPermitted, CaseNotFound, PermissionError)


class PrintPreview(QDialog):
    """The preview of one case's application or receipt, with Print and Save."""

    printed = Signal(object)  # Changes, after the application's printing was recorded
    document_shown = Signal(str)  # "application" or "receipt"
    refused = Signal(str)

    def __init__(
        self,
        printer_desk: PrintDesk,
        runner: Runner,
        case_id: str,
        kind: str = "application",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.printer_desk = printer_desk
        self.runner = runner
        self.case_id = case_id
        self.kind = kind
        self.document: PrintedDocument | None = None
        self.print_dialog: QPrintDialog | None = None
        self.save_dialog: QFileDialog | None = None
        self._buffer: QBuffer | None = None
        self.setModal(True)
        self._fit_to_screen()

        self.pdf = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setObjectName("pdfView")

        self.reasons = QLabel()
        self.reasons.setObjectName("notReady")
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        self.reasons.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.reasons.setMargin(24)
        self.loading = QLabel(self.tr("Preparing the document…"))
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        for page in (self.loading, self.view, self.reasons):
            self.pages.addWidget(page)

        self.info = QLabel()
        self.info.setObjectName("printInfo")
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_button.setToolTip(self.tr("Print (Ctrl+P)"))
        self.save_button = QPushButton(self.tr("&Save PDF…"))
        self.save_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_button.setToolTip(self.tr("Save as a PDF file (Ctrl+S)"))
        self.receipt_button = QPushButton()
        close = QPushButton(self.tr("Close"))
        self.print_button.clicked.connect(self.open_print_dialog)
        self.save_button.clicked.connect(self.open_save_dialog)
        self.receipt_button.clicked.connect(self._switch_document)
        close.clicked.connect(self.reject)
        for key, zoom in (("Ctrl++", 1.25), ("Ctrl+=", 1.25), ("Ctrl+-", 0.8)):
            QShortcut(QKeySequence(key), self, lambda z=zoom: self._zoom(z))
        QShortcut(QKeySequence("Ctrl+0"), self, self._fit_width)

        buttons = QHBoxLayout()
        buttons.addWidget(self.info, 1)
        for button in (self.receipt_button, self.save_button, self.print_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.load(kind)

    def _fit_to_screen(self) -> None:
        """A4 is tall: as high as the screen allows, wide enough to read a line of the form."""
        screen = (self.parentWidget() or self).screen()
        available = screen.availableGeometry() if screen is not None else None
        height = min(1000, int(available.height() * 0.92)) if available else 900
        self.resize(max(720, int(height * 0.85)), height)

    # Loading ------------------------------------------------------------------------------

    def load(self, kind: str) -> None:
        self.kind = kind
        self.document = None
        self._set_buttons(ready=False)
        self.pages.setCurrentWidget(self.loading)
        self.setWindowTitle(self._title())
        desk, case_id = self.printer_desk, self.case_id
        work: Callable[[], PrintedDocument] = (
            (lambda: desk.application(case_id))
            if kind == "application"
            else (lambda: desk.receipt(case_id))
        )
        self.runner.run(work, self._show_document, self._show_refusal)

    def _title(self) -> str:
        if self.kind == "application":
            return self.tr("Application — {case}").format(case=self.case_id)
        return self.tr("Receipt — {case}").format(case=self.case_id)

    def _show_document(self, document: PrintedDocument) -> None:
        self.document = document
        self.pdf.close()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(document.pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf.load(self._buffer)
        self.pages.setCurrentWidget(self.view)
        self._set_buttons(ready=True)
        self.info.setText(
            self.tr("%n page(s). Check the form, then print it.", "", self.pdf.pageCount())
        )
        self.print_button.setFocus()
        self.document_shown.emit(document.kind)

    def _show_refusal(self, error: BaseException) -> None:
        if not isinstance(error, _EXPECTED):
            self.runner.show_error(error)
            self.reject()
            return
        if isinstance(error, NotReadyToPrint):
            heading = text_of(error.message)
            lines: tuple[str, ...] = tuple(text_of(reason) for reason in error.reasons)
        else:
            heading, lines = error_text(error), ()
        items = "".join(f"<li>{escape(line)}</li>" for line in lines)
        self.reasons.setText(
            f"<h3>{escape(self._cannot_print())}</h3><p>{escape(heading)}</p>"
            + (f"<ul>{items}</ul>" if items else "")
        )
        self.pages.setCurrentWidget(self.reasons)
        self._set_buttons(ready=False)
        self.info.setText("")
        self.refused.emit(str(error))

    def _cannot_print(self) -> str:
        if self.kind == "application":
            return self.tr("This application cannot be printed yet")
        return self.tr("The receipt cannot be printed yet")

    def _set_buttons(self, *, ready: bool) -> None:
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)
        to_receipt = self.kind == "application"
        self.receipt_button.setText(self.tr("&Receipt") if to_receipt else self.tr("&Application"))
        self.receipt_button.setShortcut(QKeySequence("Ctrl+R"))
        self.receipt_button.setToolTip(
            self.tr("Show the applicant's receipt (Ctrl+R)")
            if to_receipt
            else self.tr("Back to the application (Ctrl+R)")
        )

    def _switch_document(self) -> None:
        self.load("receipt" if self.kind == "application" else "application")

    # Printing and saving -----------------------------------------------------------------

    def open_print_dialog(self) -> QPrintDialog | None:
        if self.document is None:
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.document.suggested_file_name)
        printer.setFromTo(1, self.pdf.pageCount())
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:  # no printer installed
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
            printer.setOutputFileName(str(Path(folder) / self.document.suggested_file_name))
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.accepted.connect(lambda: self.print_to(printer))
        self.print_dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()  # not exec(): the desk keeps painting; QPrintDialog.open() wants a slot
        return dialog

    def print_to(self, printer: QPrinter) -> None:
        """Draw the pages on `printer` (as the print dialog set it up) and record it."""
        document = self.document
        if document is None:
            return
        first, last = printer.fromPage(), printer.toPage()
        if first == 0:  # "all pages"
            first, last = 1, self.pdf.pageCount()
        painter = QPainter()
        if not painter.begin(printer):
            self.info.setText(self.tr("The printer could not be opened. Check it and retry."))
            return
        try:
            for number in range(first - 1, min(last, self.pdf.pageCount())):
                if number > first - 1:
                    printer.newPage()
                points = self.pdf.pagePointSize(number)
                size = QSize(
                    round(points.width() * PRINT_DPI / 72), round(points.height() * PRINT_DPI / 72)
                )
                image = self.pdf.render(number, size)
                painter.drawImage(painter.viewport(), image)
        finally:
            painter.end()
        to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
        if to_file and printer.outputFileName():
            tighten(Path(printer.outputFileName()))  # Qt wrote it with the umask's mode
        self._record(document, printer.copyCount(), "pdf" if to_file else "printer")

    def open_save_dialog(self) -> QFileDialog | None:
        if self.document is None:
            return None
        dialog = QFileDialog(self, self.tr("Save the PDF"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF documents (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(self.document.suggested_file_name)
        dialog.fileSelected.connect(self.save_to)
        self.save_dialog = dialog
        dialog.open()
        return dialog

    def save_to(self, path: str) -> None:
        document = self.document
        if document is None or not path:
            return
        try:
            write_private(Path(path), document.pdf)
        except OSError as exc:
            self.info.setText(self.tr("Not saved: {reason}").format(reason=exc.strerror or exc))
            return
        self._record(document, 1, "file")

    def _record(self, document: PrintedDocument, copies: int, channel: str) -> None:
        desk = self.printer_desk
        if document.kind != "application":
            self.runner.run(
                lambda: desk.record_receipt_printed(document, copies=copies, channel=channel),
                lambda _none: self.info.setText(
                    self.tr("Receipt printed. Hand it to the applicant.")
                ),
                self._show_refusal,
            )
            return
        self.runner.command(
            lambda: desk.record_printed(document, copies=copies, channel=channel),
            self._recorded,
            self._show_refusal,
            initiator=self,
        )

    def _recorded(self, changes: Changes) -> None:
        from datetime import datetime

        now = datetime.now(KAZAKHSTAN_TIME).strftime("%H:%M")
        self.info.setText(
            self.tr("Printed at {time} and recorded on the case. Next: the receipt.").format(
                time=now
            )
        )
        self.receipt_button.setFocus()
        self.printed.emit(changes)

    # Zoom -------------------------------------------------------------------------------

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(4.0, self.view.zoomFactor() * factor)))

    def _fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
