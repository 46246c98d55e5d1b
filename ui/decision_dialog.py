"""The officer's decision: issue the permit or refuse with a reason from the list and an
explanation, then confirm; the decision is signed with the officer's key and cannot be
changed afterwards."""

from __future__ import annotations

from html import escape
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui import labels
from ui.i18n import error_text, text_of
from ui.runner import Runner
from workstation.domain.decision import (
    REASON_LABELS,
    Decision,
    DecisionInvalid,
    RefusalReason,
    permit_number,
    reapply_not_before,
)
from workstation.domain.lifecycle import TransitionRefused
from workstation.security.roles import NotPermitted
from workstation.services.context import Changes
from workstation.services.review import ReviewDesk

_ERROR_STYLE = "color: #b91c1c;"

# The refusal reasons in the officer's language (the core's REASON_LABELS are the English).
REASON_TEXTS = cast(
    "dict[RefusalReason, str]",  # PySide6 types QT_TRANSLATE_NOOP as returning object
    {
        RefusalReason.INVALID_DOCUMENTS: QT_TRANSLATE_NOOP(
            "DecisionDialog", "Documents invalid or incomplete"
        ),
        RefusalReason.FALSE_INFORMATION: QT_TRANSLATE_NOOP(
            "DecisionDialog", "False or inaccurate information"
        ),
        RefusalReason.MEDICAL_EXAM: QT_TRANSLATE_NOOP("DecisionDialog", "Medical examination"),
        RefusalReason.SECURITY_CHECK: QT_TRANSLATE_NOOP("DecisionDialog", "Security check"),
        RefusalReason.HOUSING_NOT_CONFIRMED: QT_TRANSLATE_NOOP(
            "DecisionDialog", "Housing not confirmed"
        ),
        RefusalReason.PROGRAMME_REQUIREMENTS: QT_TRANSLATE_NOOP(
            "DecisionDialog", "Programme requirements not met"
        ),
        RefusalReason.OTHER: QT_TRANSLATE_NOOP("DecisionDialog", "Other grounds"),
    },
)


def reason_label(reason: RefusalReason) -> str:
    """A refusal reason in the desk's language."""
    if reason in REASON_TEXTS:
        return QCoreApplication.translate("DecisionDialog", REASON_TEXTS[reason])
    return text_of(REASON_LABELS[reason])  # a reason the UI does not know yet: as the core has it


class DecisionDialog(QDialog):
    """Two pages: the decision form, then what will be recorded and a confirm button."""

    decided = Signal(object)  # Changes, after the decision was recorded

    def __init__(
        self,
        review: ReviewDesk,
        runner: Runner,
        case_id: str,
        applicant: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.review = review
        self.runner = runner
        self.case_id = case_id
        self._pending = Decision.issued()
        self.setWindowTitle(self.tr("Decision — {case}").format(case=case_id))
        self.setModal(True)
        self.resize(560, 420)

        heading = QLabel(f"<b>{escape(applicant)}</b> · {escape(case_id)}")
        heading.setTextFormat(Qt.TextFormat.RichText)

        self.issue = QRadioButton(self.tr("&Issue the residence permit"))
        self.issue.setObjectName("decisionIssue")
        self.refuse = QRadioButton(self.tr("&Refuse"))
        self.refuse.setObjectName("decisionRefuse")
        group = QButtonGroup(self)
        group.addButton(self.issue)
        group.addButton(self.refuse)
        self.reason = QComboBox()
        self.reason.setObjectName("refusalReason")
        self.reason.addItem(self.tr("— choose the reason —"), None)
        for code in REASON_LABELS:
            self.reason.addItem(reason_label(code), code)
        self.note = QPlainTextEdit()
        self.note.setObjectName("refusalNote")
        self.note.setPlaceholderText(
            self.tr("What the applicant reads: which document, what was found (required).")
        )
        self.note.setTabChangesFocus(True)
        self.reason_error = _error_label("reasonError")
        self.note_error = _error_label("noteError")
        self.error = _error_label("decisionError")

        form = QFormLayout()
        form.addRow(self.issue)
        form.addRow(self.refuse)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow("", self.reason_error)
        form.addRow(self.tr("Explanation:"), self.note)
        form.addRow("", self.note_error)
        self.continue_button = QPushButton(self.tr("&Continue…"))
        self.continue_button.setObjectName("decisionContinue")
        self.continue_button.setDefault(True)
        cancel = QPushButton(self.tr("Cancel"))
        # Enter is each page's action (Continue, then Sign and record), never Cancel or Back,
        # whichever button had focus last: Esc cancels.
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self.continue_button.clicked.connect(self.to_confirmation)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.continue_button)
        form_page = QWidget()
        form_layout = QVBoxLayout(form_page)
        form_layout.addWidget(heading)
        form_layout.addLayout(form)
        form_layout.addLayout(buttons)

        self.summary = QLabel()
        self.summary.setObjectName("decisionSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.confirm_button = QPushButton(self.tr("&Sign and record"))
        self.confirm_button.setObjectName("decisionConfirm")
        self.confirm_button.setShortcut(QKeySequence("Ctrl+Return"))
        back = QPushButton(self.tr("&Back"))
        back.setAutoDefault(False)
        back.clicked.connect(self.back_to_form)
        self.confirm_button.clicked.connect(self.confirm)
        self.confirm_error = _error_label("confirmError")
        confirm_buttons = QHBoxLayout()
        confirm_buttons.addWidget(self.confirm_error, 1)
        confirm_buttons.addWidget(back)
        confirm_buttons.addWidget(self.confirm_button)
        confirm_page = QWidget()
        confirm_layout = QVBoxLayout(confirm_page)
        confirm_layout.addWidget(self.summary, 1)
        confirm_layout.addLayout(confirm_buttons)

        self.pages = QStackedWidget()
        self.pages.addWidget(form_page)
        self.pages.addWidget(confirm_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        self.issue.toggled.connect(self._sync_fields)
        self.refuse.toggled.connect(self._sync_fields)
        self._sync_fields()
        self.issue.setFocus()

    # The form -------------------------------------------------------------------------------

    def _sync_fields(self) -> None:
        refusing = self.refuse.isChecked()
        self.reason.setEnabled(refusing)
        self.note.setEnabled(refusing)
        self.continue_button.setEnabled(self.issue.isChecked() or refusing)

    def decision(self) -> Decision:
        """The decision as the form holds it, or DecisionInvalid naming the field."""
        if self.issue.isChecked():
            return Decision.issued()
        if not self.refuse.isChecked():
            raise DecisionInvalid(self.tr("Choose: issue the permit, or refuse."))
        code = self.reason.currentData()
        if code is None:
            raise DecisionInvalid(self.tr("Choose the reason for the refusal."), field="reason")
        decision = Decision.refused(RefusalReason(code), self.note.toPlainText())
        decision.check()
        return decision

    def to_confirmation(self) -> None:
        for label in (self.reason_error, self.note_error, self.error):
            label.clear()
        try:
            decision = self.decision()
        except DecisionInvalid as exc:
            self._show_invalid(exc)
            return
        today = self.review.context.today()
        if decision.issue:
            what = self.tr(
                "<h3>Issue the residence permit</h3><p>Permit number <b>{number}</b>.</p>"
            ).format(number=permit_number(self.case_id, today))
        else:
            assert decision.reason is not None
            again = reapply_not_before(today, self.review.context.rules.reapply_lock_years)
            what = self.tr(
                "<h3>Refuse the application</h3><p>Reason: <b>{reason}</b></p><p>{note}</p>"
                "<p>The applicant may apply again from <b>{again}</b>; a new approval before "
                "then is blocked at every desk.</p>"
            ).format(
                reason=reason_label(decision.reason),
                note=escape(" ".join(decision.note.split())),
                again=labels.format_date(again),
            )
        self.summary.setText(
            what
            + self.tr(
                "<p>The decision is signed with your EDS key and cannot be changed. The "
                "applicant is notified in Kazakh, Russian and English.</p>"
            )
        )
        self._pending = decision
        self.pages.setCurrentIndex(1)
        self.confirm_button.setDefault(True)
        self.confirm_button.setFocus()

    def back_to_form(self) -> None:
        self.pages.setCurrentIndex(0)
        self.continue_button.setDefault(True)

    def _show_invalid(self, error: DecisionInvalid) -> None:
        target = {"reason": self.reason_error, "note": self.note_error}.get(
            error.field or "", self.error
        )
        target.setText(error_text(error))
        if error.field == "note":
            self.note.setFocus()
        elif error.field == "reason":
            self.reason.setFocus()

    # Recording ------------------------------------------------------------------------------

    def confirm(self) -> None:
        decision = self._pending
        review, case_id = self.review, self.case_id
        self.confirm_button.setEnabled(False)
        self.runner.command(
            lambda: review.decide(case_id, decision), self._recorded, self._refused, initiator=self
        )

    def _recorded(self, changes: Changes) -> None:
        self.decided.emit(changes)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.confirm_button.setEnabled(True)
        if isinstance(error, DecisionInvalid):
            self.back_to_form()
            self._show_invalid(error)
        elif isinstance(error, (TransitionRefused, NotPermitted, PermissionError, LookupError)):
            self.confirm_error.setText(error_text(error))
        else:
            self.runner.show_error(error)


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(_ERROR_STYLE)
    return label


__all__ = ["DecisionDialog"]
