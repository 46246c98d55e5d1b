"""The case view: who the applicant is, what was approved, and the checklist of steps."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui import i18n, labels
from workstation.domain.checklist import Step, StepStatus
from workstation.domain.clock import KAZAKHSTAN_TIME
from workstation.domain.lifecycle import CaseState
from workstation.journal.envelope import parse_instant
from workstation.services.conflicts import OtherDeskRecord
from workstation.services.desk import CaseDetail

_STATUS_MARK = {
    StepStatus.RECORDED: "✔",
    StepStatus.MISSING: "○",
    StepStatus.NOT_REQUIRED: "–",
    StepStatus.INVALID: "✖",
    StepStatus.EXPIRED: "⌛",
}
_STATUS_COLOUR = {
    StepStatus.RECORDED: "#15803d",
    StepStatus.MISSING: "#b45309",
    StepStatus.NOT_REQUIRED: "#6b7280",
    StepStatus.INVALID: "#b91c1c",
    StepStatus.EXPIRED: "#b91c1c",
}

_CONFLICT_COLOUR = "#92400e"


def _value_label() -> QLabel:
    label = QLabel()
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


STEP_ROLE = Qt.ItemDataRole.UserRole + 1


class CaseView(QWidget):
    record_arrival_requested = Signal()
    print_requested = Signal()
    step_requested = Signal(object)  # a workstation.domain.checklist.Step
    submit_requested = Signal()  # the clerk submits a printed case (ui.review_queue)
    decide_requested = Signal()  # the officer decides a submitted case (ui.review_queue)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: CaseDetail | None = None
        self.recordable_steps: frozenset[Step] = frozenset()

        self.empty = QLabel(
            self.tr("Choose a case in the list (Enter opens it) to see the applicant and steps.")
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setObjectName("caseEmpty")

        self.name = QLabel()
        self.name.setObjectName("caseName")
        self.name.setStyleSheet("font-size: 17pt; font-weight: 600;")
        self.name.setWordWrap(True)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("caseSubtitle")
        self.status_badge = QLabel()
        self.status_badge.setObjectName("caseStatus")
        self.window_line = QLabel()
        self.window_line.setObjectName("caseWindow")
        self.window_line.setWordWrap(True)
        self.flag_line = QLabel()
        self.flag_line.setObjectName("caseFlag")
        self.flag_line.setWordWrap(True)
        self.flag_line.setStyleSheet("color: #b91c1c;")
        # Another desk recorded a step of this case too (services.conflicts).
        self.conflict_line = QLabel()
        self.conflict_line.setObjectName("caseConflict")
        self.conflict_line.setWordWrap(True)
        self.conflict_line.setStyleSheet(
            "color: #92400e; background: #fef3c7; border-radius: 4px; padding: 4px 8px;"
        )

        self.record_arrival_button = QPushButton(self.tr("Record &arrival…"))
        self.record_arrival_button.setObjectName("recordArrival")
        self.record_arrival_button.setToolTip(self.tr("Record the border entry (Ctrl+Shift+A)"))
        self.record_arrival_button.clicked.connect(self.record_arrival_requested)
        # Shown once every step is in order, to roles that may print (the print service
        # checks too).
        self.print_button = QPushButton(self.tr("&Print application…"))
        self.print_button.setObjectName("printApplication")
        self.print_button.setToolTip(self.tr("Preview and print the application (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_requested)
        # What the role may do; the main window sets it (the services check the role too).
        self.may_record_arrival = True
        self.may_print = True
        # Submission (clerk) and decision (officer): ui.features.submission and .review.
        self.submit_button = QPushButton(self.tr("&Submit…"))
        self.submit_button.setObjectName("submitApplication")
        self.submit_button.setToolTip(
            self.tr("Submit the printed application to the migration service (Ctrl+Shift+S)")
        )
        self.submit_button.clicked.connect(self.submit_requested)
        self.decide_button = QPushButton(self.tr("&Decide…"))
        self.decide_button.setObjectName("decideApplication")
        self.decide_button.setToolTip(self.tr("Issue the permit or refuse (Ctrl+Shift+E)"))
        self.decide_button.clicked.connect(self.decide_requested)
        self.may_submit = False
        self.may_decide = False
        # Submitted, due, decided: one line under the status.
        self.review_line = QLabel()
        self.review_line.setObjectName("caseReview")
        self.review_line.setWordWrap(True)
        self.review_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.fields: dict[str, QLabel] = {}
        person = QGroupBox(self.tr("Applicant"))
        person_form = QFormLayout(person)
        # A narrow pane or long labels (Kazakh, Russian): a value goes under its label.
        person_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for key, title in (
            ("iin", self.tr("IIN:")),
            ("birth", self.tr("Born:")),
            ("sex", self.tr("Sex:")),
            ("nationality", self.tr("Citizenship:")),
            ("passport", self.tr("Passport:")),
            ("occupation", self.tr("Occupation:")),
            ("contact", self.tr("Contact:")),
        ):
            self.fields[key] = _value_label()
            person_form.addRow(title, self.fields[key])
        approval = QGroupBox(self.tr("Preliminary approval"))
        approval_form = QFormLayout(approval)
        approval_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for key, title in (
            ("approval", self.tr("Approval:")),
            ("recommendation", self.tr("Ministry recommendation:")),
            ("city", self.tr("Programme city:")),
            ("entry", self.tr("Entry:")),
            ("case_id", self.tr("Case:")),
        ):
            self.fields[key] = _value_label()
            approval_form.addRow(title, self.fields[key])

        self.checklist = QTreeWidget()
        self.checklist.setObjectName("checklist")
        self.checklist.setColumnCount(3)
        self.checklist.setHeaderLabels([self.tr("Step"), self.tr("State"), self.tr("Recorded")])
        self.checklist.setRootIsDecorated(False)
        self.checklist.itemActivated.connect(self._step_activated)
        # The state as wide as its longest text, the date column as wide as a date or its
        # title; the step takes what is left. A note is cut in its cell (in full in the
        # tooltip and below the tree).
        self.checklist.setUniformRowHeights(True)
        columns = self.checklist.header()
        columns.setStretchLastSection(False)
        columns.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        columns.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        columns.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        date_width = self.checklist.fontMetrics().horizontalAdvance(
            i18n.format_date(date(2000, 12, 28))
        )
        columns.resizeSection(2, max(date_width + 16, columns.sectionSizeHint(2)))
        self.checklist.setMinimumHeight(190)
        # What still stands between the case and printing, in full (the tree cuts notes).
        self.checklist_notes = QLabel()
        self.checklist_notes.setObjectName("checklistNotes")
        self.checklist_notes.setWordWrap(True)
        self.checklist_notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        checklist_box = QGroupBox(self.tr("Checklist"))
        checklist_layout = QVBoxLayout(checklist_box)
        checklist_layout.addWidget(self.checklist)
        checklist_layout.addWidget(self.checklist_notes)

        header = QVBoxLayout()
        title_row = QHBoxLayout()
        title_row.addWidget(self.name, 1)
        title_row.addWidget(self.record_arrival_button, 0, Qt.AlignmentFlag.AlignTop)
        title_row.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignTop)
        title_row.addWidget(self.submit_button, 0, Qt.AlignmentFlag.AlignTop)
        title_row.addWidget(self.decide_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(title_row)
        header.addWidget(self.subtitle)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_badge)
        status_row.addWidget(self.window_line, 1)
        header.addLayout(status_row)
        header.addWidget(self.review_line)
        header.addWidget(self.flag_line)
        header.addWidget(self.conflict_line)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(header)
        body_layout.addWidget(person)
        body_layout.addWidget(approval)
        body_layout.addWidget(checklist_box, 1)
        scroll = QScrollArea()
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body = scroll

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.body)
        self.body.setVisible(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    @property
    def case_id(self) -> str | None:
        return self.detail.approval.case_id if self.detail else None

    def clear(self) -> None:
        self.detail = None
        self.body.setVisible(False)
        self.empty.setVisible(True)

    def show_case(self, detail: CaseDetail) -> None:
        self.detail = detail
        a, status = detail.approval, detail.status
        self.empty.setVisible(False)
        self.body.setVisible(True)
        self.name.setText(f"{a.surname} {a.given_names}")
        cyrillic = f"{a.surname_cyr} {a.given_names_cyr}".strip()
        self.subtitle.setText(cyrillic)
        self.subtitle.setVisible(bool(cyrillic))

        state = detail.effective_state
        text = (
            labels.window_closed_label()
            if detail.window_closed_without_entry
            else labels.state_label(state)
        )
        colour = "#b91c1c" if state in {CaseState.ANNULLED, CaseState.REFUSED} else "#1d4ed8"
        self.status_badge.setText(text)
        self.status_badge.setStyleSheet(
            f"color: white; background: {colour}; border-radius: 4px; padding: 2px 8px;"
        )
        self.window_line.setText(self._window_text(detail))
        reason = i18n.stored_text(
            status.annul_reason or detail.flagged or "", *i18n.STORED_CONTEXTS
        )
        self.flag_line.setText(reason)
        self.flag_line.setVisible(bool(reason))
        # A re-application lock stops all work on the case: a banner, not a line.
        self.flag_line.setStyleSheet(
            "color: white; background: #b91c1c; font-weight: 600; border-radius: 4px; "
            "padding: 6px 8px;"
            if detail.reapply_lock
            else "color: #b91c1c;"
        )
        review = review_text(detail)
        self.review_line.setText(review)
        self.review_line.setVisible(bool(review))
        # What the role may do and what the case can have done now (CaseDetail asks the
        # lifecycle): a button shows when both say yes.
        self.submit_button.setVisible(self.may_submit and detail.can_submit)
        self.decide_button.setVisible(self.may_decide and detail.can_decide)
        self.record_arrival_button.setVisible(self.may_record_arrival and detail.can_record_arrival)
        self.print_button.setVisible(self.may_print and detail.can_print)
        self.print_button.setText(
            self.tr("Re&print application…")
            if detail.is_printed
            else self.tr("&Print application…")
        )
        self.record_arrival_button.setText(
            self.tr("Correct &arrival…") if status.entry_date else self.tr("Record &arrival…")
        )

        sex = {"M": self.tr("male"), "F": self.tr("female")}.get(a.sex, a.sex)
        values = {
            "iin": a.iin,
            "birth": f"{i18n.format_date(a.birth_date)}, {a.birth_place}",
            "sex": sex,
            "nationality": a.nationality,
            "passport": self.tr("{number} ({state}), valid until {expiry}").format(
                number=a.passport_number,
                state=a.passport_issuing_state,
                expiry=i18n.format_date(a.passport_expiry),
            ),
            "occupation": a.occupation,
            "contact": " · ".join(x for x in (a.email, a.phone) if x),
            "approval": f"{a.approval_number}, {i18n.format_date(a.approval_date)}",
            "recommendation": (
                f"{a.recommendation_number}, {i18n.format_date(a.recommendation_date)}"
            ),
            "city": a.city,
            "entry": (
                self.tr("{date} at {point}").format(
                    date=i18n.format_date(status.entry_date), point=detail.border_point or ""
                )
                if status.entry_date
                else self.tr("not recorded yet")
            ),
            "case_id": a.case_id,
        }
        for key, value in values.items():
            self.fields[key].setText(value)

        self.checklist.clear()
        for item in detail.checklist:
            record = detail.steps.get(item.step)
            when = ""
            if record is not None:
                day = i18n.format_date(
                    parse_instant(record.recorded_at).astimezone(KAZAKHSTAN_TIME).date()
                )
                # Each scan added or removed is a version of the documents, not a correction.
                if record.versions > 1 and item.step is not Step.DOCUMENTS:
                    when = self.tr("{date} (corrected {n}×)").format(
                        date=day, n=i18n.format_number(record.versions - 1)
                    )
                else:
                    when = day
            note = i18n.text_of(item.note) if item.note else ""
            row = QTreeWidgetItem(
                [
                    f"{_STATUS_MARK[item.status]}  {labels.step_label(item.step)}",
                    labels.step_status_label(item.status),
                    # A failing step says why (at a glance); a passing one says when.
                    note if not item.passes and note else when or note,
                ]
            )
            row.setForeground(0, QBrush(QColor(_STATUS_COLOUR[item.status])))
            row.setForeground(1, QBrush(QColor(_STATUS_COLOUR[item.status])))
            if note:
                row.setToolTip(2, note)
            row.setData(0, STEP_ROLE, item.step)
            if item.step in self.recordable_steps:
                row.setToolTip(0, self.tr("Enter or double-click to record this step"))
            self.checklist.addTopLevelItem(row)
            for other in detail.conflicts.get(item.step, ()):
                child = self._other_desk_row(other, item.step)
                row.addChild(child)
                child.setFirstColumnSpanned(True)  # one line across the step's columns
            row.setExpanded(True)
        self._show_conflicts(detail)
        failing = [
            f"• {labels.step_label(item.step)}: "
            + (i18n.text_of(item.note) if item.note else labels.step_status_label(item.status))
            for item in detail.checklist
            if not item.passes
        ]
        if failing:
            notes = self.tr("Still needed before printing:") + "\n" + "\n".join(failing)
        elif detail.printing_ahead:
            notes = self.tr("Every step is in order: the application can be printed.")
        else:  # printed, submitted or decided: printing is behind this case
            notes = self.tr("Every step is in order.")
        self.checklist_notes.setText(notes)
        self.checklist_notes.setStyleSheet(
            f"color: {_STATUS_COLOUR[StepStatus.MISSING if failing else StepStatus.RECORDED]};"
        )

    def _other_desk_row(self, other: OtherDeskRecord, step: Step) -> QTreeWidgetItem:
        when = other.recorded_at.astimezone(KAZAKHSTAN_TIME)
        values = {
            "desk": other.workstation_id,
            "date": i18n.format_date(when.date()),
            "time": when.strftime("%H:%M"),
            "iin": other.actor_iin or "",
            "why": i18n.text_of(other.refusal or ""),
        }
        # Whole sentences, one per case: a translation may order the parts differently.
        if other.applied and other.actor_iin:
            template = self.tr(
                "Also recorded at desk {desk} on {date} {time} by IIN {iin} — superseded by a "
                "later record in central's order"
            )
        elif other.applied:
            template = self.tr(
                "Also recorded at desk {desk} on {date} {time} — superseded by a later record "
                "in central's order"
            )
        elif other.actor_iin:
            template = self.tr(
                "Also recorded at desk {desk} on {date} {time} by IIN {iin} — not applied: {why}"
            )
        else:
            template = self.tr("Also recorded at desk {desk} on {date} {time} — not applied: {why}")
        text = template.format(**values)
        child = QTreeWidgetItem([f"    ↳ {text}"])
        child.setForeground(0, QBrush(QColor(_CONFLICT_COLOUR)))
        child.setToolTip(0, text)
        child.setData(0, STEP_ROLE, step)
        return child

    def _show_conflicts(self, detail: CaseDetail) -> None:
        desks = sorted({o.workstation_id for records in detail.conflicts.values() for o in records})
        if not desks:
            self.conflict_line.setVisible(False)
            return
        steps = ", ".join(labels.step_label(step) for step in detail.conflicts)
        self.conflict_line.setText(
            self.tr(
                "Another desk acted on this case: {steps} also recorded at {desks}. The latest "
                "valid record in central's order stands; the others are kept in the history."
            ).format(steps=steps, desks=", ".join(desks))
        )
        self.conflict_line.setVisible(True)

    def _step_activated(self, row: QTreeWidgetItem, _column: int) -> None:
        step = row.data(0, STEP_ROLE)
        if step in self.recordable_steps:
            self.step_requested.emit(step)

    def _window_text(self, detail: CaseDetail) -> str:
        status = detail.status
        end = i18n.format_date(status.window_end)
        if status.entry_date is not None:
            return self.tr("Entered on {date}.").format(date=i18n.format_date(status.entry_date))
        if detail.days_left < 0:
            return self.tr(
                "The 30-day arrival window closed on {end}. If the applicant entered by then, "
                "record the entry date: the case continues."
            ).format(end=end)
        if detail.days_left == 0:
            return self.tr("Today is the last day to enter Kazakhstan ({end}).").format(end=end)
        return self.tr(
            "%n day(s) left to enter Kazakhstan (until {end}).", "", detail.days_left
        ).format(end=end)


def review_text(detail: CaseDetail) -> str:
    """Submission and decision in one line: due date, permit number or refusal."""
    if detail.decided_on is not None and detail.permit_number:
        return QCoreApplication.translate("CaseView", "Permit issued on {date}: {number}.").format(
            date=i18n.format_date(detail.decided_on), number=detail.permit_number
        )
    if detail.decided_on is not None and detail.status.state is CaseState.REFUSED:
        return QCoreApplication.translate(
            "CaseView", "Refused on {date}; a new application is possible from {again}."
        ).format(
            date=i18n.format_date(detail.decided_on),
            again=i18n.format_date(detail.reapply_not_before),
        )
    if detail.submitted_on is not None and detail.due_date is not None:
        return QCoreApplication.translate(
            "CaseView", "Submitted on {date}; the migration service decides by {due}."
        ).format(date=i18n.format_date(detail.submitted_on), due=i18n.format_date(detail.due_date))
    return ""
