"""Medical examination: the form 028/u certificate, checked for age, dates and result."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QWidget

from ui import labels
from ui.runner import Runner
from ui.steps.step_form import StepForm, date_edit, display_date, open_step_form, set_date
from workstation.domain.checklist import Step
from workstation.domain.steps import MedicalExam, MedicalResult
from workstation.services.desk import CaseDetail
from workstation.services.steps import CaseSteps, StepVersion

if TYPE_CHECKING:
    from ui.window import DeskWindow


class MedicalForm(StepForm):
    def __init__(
        self, steps: CaseSteps, runner: Runner, detail: CaseDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            steps, runner, detail, Step.MEDICAL, self.tr("Medical examination"), parent
        )
        rules = steps.context.rules
        entry = labels.format_date(detail.status.entry_date)
        intro = QLabel(
            self.tr(
                "Copy the certificate (form 028/u). It must be dated after the entry on {entry} "
                "and be at most {days} days old when the application is submitted."
            ).format(entry=entry, days=rules.medical_certificate_max_age_days)
        )
        intro.setWordWrap(True)
        self.body.insertWidget(0, intro)

        current = detail.steps.get(Step.MEDICAL)
        data = current.data if current else {}
        self.number = QLineEdit(str(data.get("number", "")))
        self.issued_on = date_edit(None, "issued_on")
        self.organisation = QLineEdit(str(data.get("organisation", "")))
        self.doctor = QLineEdit(str(data.get("doctor", "")))
        self.result_choice = QComboBox()
        self.result_choice.addItem(self.tr("Fit"), MedicalResult.FIT)
        self.result_choice.addItem(self.tr("Not fit"), MedicalResult.NOT_FIT)
        self.remarks = QLineEdit(str(data.get("remarks", "")))
        self.remarks.setPlaceholderText(self.tr("Required for “not fit”: what the doctor wrote"))
        if current is not None:
            self.result_choice.setCurrentIndex(
                1 if data.get("result") == MedicalResult.NOT_FIT else 0
            )
            set_date(self.issued_on, data.get("issued_on"))

        self.add_field("number", self.tr("Certificate &number:"), self.number)
        self.add_field("issued_on", self.tr("&Issue date:"), self.issued_on)
        self.add_field("organisation", self.tr("Medical &organisation:"), self.organisation)
        self.add_field("doctor", self.tr("&Doctor:"), self.doctor)
        self.add_field("result", self.tr("&Result:"), self.result_choice)
        self.add_field("remarks", self.tr("Re&marks:"), self.remarks)
        self.result_note = QLabel(
            self.tr("A “not fit” result is recorded, but it blocks the submission.")
        )
        self.result_note.setStyleSheet("color: #b45309;")
        self.result_note.setWordWrap(True)
        self.body.insertWidget(2, self.result_note)
        self.result_choice.currentIndexChanged.connect(self._result_changed)
        self._result_changed()
        self.number.setFocus()
        self.load_history()

    def _result_changed(self) -> None:
        self.result_note.setVisible(self.result_choice.currentData() == MedicalResult.NOT_FIT)

    def save(self) -> None:
        self.clear_errors()
        dates = self.typed_dates("issued_on")
        if dates is None:
            return
        exam = MedicalExam(
            number=self.number.text(),
            issued_on=dates[0],
            organisation=self.organisation.text(),
            doctor=self.doctor.text(),
            result=MedicalResult(self.result_choice.currentData()),
            remarks=self.remarks.text(),
        )
        steps, case_id = self.steps, self.case_id
        self.submit(lambda: steps.record_medical_exam(case_id, exam))

    def summarise(self, version: StepVersion) -> str:
        p = version.payload
        result = self.tr("fit") if p.get("result") == "fit" else self.tr("not fit")
        return self.tr("No. {number} of {date}, {result}").format(
            number=p.get("number", "?"), date=display_date(p.get("issued_on")), result=result
        )


def open_medical_form(window: DeskWindow, detail: CaseDetail) -> QDialog | None:
    return open_step_form(MedicalForm, window, detail)
