"""Documents: the scans an application carries, kept inside the store, viewed without temp files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import error_text, format_number
from ui.runner import Runner
from ui.steps.step_form import error_label, open_step_form
from workstation.domain.lifecycle import TransitionRefused
from workstation.domain.steps import PDF, REQUIRED_DOCUMENTS, DocumentKind, StepInvalid
from workstation.security.private_files import write_private
from workstation.services.context import Changes
from workstation.services.desk import CaseDetail
from workstation.services.steps import AttachedDocument, CaseSteps

if TYPE_CHECKING:
    from ui.window import DeskWindow

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ATTACHMENT_ROLE = Qt.ItemDataRole.UserRole + 2


KIND_LABELS = cast(
    "dict[DocumentKind, str]",  # PySide6 types QT_TRANSLATE_NOOP as returning object
    {
        DocumentKind.PASSPORT_COPY: QT_TRANSLATE_NOOP("documents", "Passport copy"),
        DocumentKind.POLICE_CLEARANCE: QT_TRANSLATE_NOOP("documents", "Police clearance"),
        DocumentKind.PROOF_OF_RESIDENCE: QT_TRANSLATE_NOOP("documents", "Proof of residence"),
        DocumentKind.MEDICAL_CERTIFICATE: QT_TRANSLATE_NOOP(
            "documents", "Medical certificate 028/u"
        ),
        DocumentKind.PHOTO: QT_TRANSLATE_NOOP("documents", "Photo 35×45 mm"),
        DocumentKind.DUTY_RECEIPT: QT_TRANSLATE_NOOP("documents", "State duty receipt"),
    },
)


def kind_label(kind: DocumentKind) -> str:
    return QCoreApplication.translate("documents", KIND_LABELS[kind])


class DocumentsDialog(QDialog):
    recorded = Signal(object)  # Changes, after each attach or removal

    def __init__(
        self, steps: CaseSteps, runner: Runner, detail: CaseDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.steps, self.runner = steps, runner
        self.case_id = detail.approval.case_id
        a = detail.approval
        self.setWindowTitle(self.tr("Documents: {name}").format(name=a.full_name))
        self.setModal(True)
        self.documents: list[AttachedDocument] = []
        intro = QLabel(
            self.tr(
                "Scans are kept inside the desk's encrypted store (PDF, JPEG or PNG, at most "
                "{mb} MB). Choose a row, then attach, view or remove."
            ).format(mb=format_number(steps.max_document_bytes // (1024 * 1024)))
        )
        intro.setWordWrap(True)

        self.table = QTreeWidget()
        self.table.setObjectName("documents")
        self.table.setColumnCount(3)
        self.table.setHeaderLabels([self.tr("Document"), self.tr("File"), self.tr("Type, size")])
        self.table.setRootIsDecorated(False)
        self.table.setColumnWidth(0, 230)
        self.table.setColumnWidth(1, 220)
        self.table.itemActivated.connect(lambda *_: self.view_selected())
        self.error = error_label()
        self.error.setObjectName("fileError")

        self.attach_button = QPushButton(self.tr("&Attach a scan…"))
        self.view_button = QPushButton(self.tr("&View"))
        self.save_copy_button = QPushButton(self.tr("Save a &copy as…"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.attach_button.clicked.connect(self.choose_and_attach)
        self.view_button.clicked.connect(self.view_selected)
        self.save_copy_button.clicked.connect(self.save_copy_of_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.remove_selected)
        row = QHBoxLayout()
        for button in (
            self.attach_button,
            self.view_button,
            self.save_copy_button,
            self.remove_button,
        ):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(720, 420)
        self.table.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.table.setFocus()
        self.reload()

    # The list ------------------------------------------------------------------------------

    def reload(self) -> None:
        steps, case_id = self.steps, self.case_id
        self.runner.run(lambda: steps.documents(case_id), self._show)

    def _show(self, documents: list[AttachedDocument]) -> None:
        selected = self.selected_kind()
        self.documents = documents
        self.table.clear()
        for kind in REQUIRED_DOCUMENTS:
            of_kind = [d for d in documents if d.kind is kind]
            rows: list[AttachedDocument | None] = list(of_kind) or [None]
            for document in rows:
                item = QTreeWidgetItem(
                    [
                        ("✔  " if document else "○  ") + kind_label(kind),
                        document.filename if document else self.tr("missing"),
                        self.tr("{type}, {size}").format(
                            type=_type_name(document.media_type), size=_size(document.size)
                        )
                        if document
                        else "",
                    ]
                )
                item.setForeground(0, QBrush(QColor("#15803d" if document else "#b45309")))
                item.setData(0, KIND_ROLE, kind)
                item.setData(0, ATTACHMENT_ROLE, document.attachment_id if document else None)
                self.table.addTopLevelItem(item)
                if kind is selected and self.table.currentItem() is None:
                    self.table.setCurrentItem(item)
        first = self.table.topLevelItem(0)
        if self.table.currentItem() is None and first is not None:
            self.table.setCurrentItem(first)
        self._update_buttons()

    def selected_kind(self) -> DocumentKind | None:
        item = self.table.currentItem()
        return DocumentKind(item.data(0, KIND_ROLE)) if item is not None else None

    def selected_document(self) -> AttachedDocument | None:
        item = self.table.currentItem()
        attachment_id = item.data(0, ATTACHMENT_ROLE) if item is not None else None
        return next((d for d in self.documents if d.attachment_id == attachment_id), None)

    def select_kind(self, kind: DocumentKind) -> None:
        for index in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(index)
            if item is not None and item.data(0, KIND_ROLE) == kind:
                self.table.setCurrentItem(item)
                return

    def _update_buttons(self) -> None:
        has_file = self.selected_document() is not None
        for button in (self.view_button, self.save_copy_button, self.remove_button):
            button.setEnabled(has_file)

    # Attach and remove ---------------------------------------------------------------------

    def choose_and_attach(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Attach a scan"),
            "",
            self.tr("Scans (*.pdf *.jpg *.jpeg *.png);;All files (*)"),
        )
        if path:
            self.attach_path(Path(path))

    def attach_path(self, path: Path) -> None:
        kind = self.selected_kind()
        if kind is None:
            return
        self.error.setVisible(False)
        steps, case_id = self.steps, self.case_id

        def attach() -> Changes:
            # Reading stays on the worker: a scan on a network share may be slow.
            return steps.attach_document(case_id, str(kind), path.name, path.read_bytes())

        self.runner.command(
            attach, self._changed, self._failed, initiator=self, label=self.tr("Attaching…")
        )

    def remove_selected(self) -> None:
        document = self.selected_document()
        if document is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove the document?"),
            self.tr("Remove {file} ({kind}) from the case? The removal is recorded.").format(
                file=document.filename, kind=kind_label(document.kind)
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        steps, case_id = self.steps, self.case_id
        self.runner.command(
            lambda: steps.remove_document(case_id, document.attachment_id),
            self._changed,
            self._failed,
            initiator=self,
        )

    def _changed(self, changes: Changes) -> None:
        self.recorded.emit(changes)
        self.reload()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, (StepInvalid, TransitionRefused, OSError)):
            self.error.setText(error_text(error))
            self.error.setVisible(True)
            return
        self.runner.show_error(error)

    # View and save a copy ------------------------------------------------------------------

    def view_selected(self) -> None:
        document = self.selected_document()
        if document is None:
            return
        steps = self.steps

        def load() -> tuple[AttachedDocument, bytes, int | None]:
            info, content = steps.document_content(document.attachment_id)
            pages = steps.page_count(content) if info.media_type == PDF else None
            return info, content, pages

        self.runner.run(load, lambda loaded: self._preview(*loaded))

    def _preview(self, document: AttachedDocument, content: bytes, pages: int | None) -> None:
        self.preview = DocumentPreview(document, content, pages, self)
        self.preview.save_copy_requested.connect(lambda: self.save_copy(document))
        self.preview.open()

    def save_copy_of_selected(self) -> None:
        document = self.selected_document()
        if document is not None:
            self.save_copy(document)

    def save_copy(self, document: AttachedDocument) -> None:
        # Only where the clerk says: personal data never goes to a temp file on its own.
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save a copy as"), document.filename
        )
        if path:
            self.save_copy_to(document, Path(path))

    def save_copy_to(self, document: AttachedDocument, path: Path) -> None:
        steps = self.steps

        def write() -> None:
            write_private(path, steps.document_content(document.attachment_id)[1])

        self.runner.run(write, lambda _none: None, self._failed)


class DocumentPreview(QDialog):
    """A scan shown from memory: images in a label, PDFs as page count plus Save a copy."""

    save_copy_requested = Signal()

    def __init__(
        self, document: AttachedDocument, content: bytes, pages: int | None, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("{kind}: {file}").format(kind=kind_label(document.kind), file=document.filename)
        )
        layout = QVBoxLayout(self)
        self.image = QLabel()
        self.image.setObjectName("preview")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if document.media_type == PDF:
            what = (
                self.tr("PDF document, %n page(s), {size}.", "", pages)
                if pages is not None
                else self.tr("PDF document, ? page(s), {size}.")
            )
            self.image.setText(
                what.format(size=_size(document.size))
                + "\n"
                + self.tr("PDFs are not shown here; save a copy to open it where you choose.")
            )
            layout.addWidget(self.image)
        else:
            pixmap = QPixmap()
            if pixmap.loadFromData(content):
                self.image.setPixmap(
                    pixmap.scaled(
                        640,
                        640,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
            else:
                self.image.setText(self.tr("This image cannot be shown; it may be damaged."))
            scroll = QScrollArea()
            scroll.setWidget(self.image)
            scroll.setWidgetResizable(True)
            layout.addWidget(scroll)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        save = buttons.addButton(
            self.tr("Save a &copy as…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        save.clicked.connect(self.save_copy_requested)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def _type_name(media_type: str) -> str:
    return {"application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG"}.get(
        media_type, media_type
    )


def _size(size: int) -> str:
    if size >= 1048576:
        return QCoreApplication.translate("documents", "{size} MB").format(
            size=format_number(size / 1048576, 1)
        )
    return QCoreApplication.translate("documents", "{size} KB").format(
        size=format_number(max(1, size // 1024))
    )


def open_documents_dialog(window: DeskWindow, detail: CaseDetail) -> QDialog | None:
    return open_step_form(DocumentsDialog, window, detail)
