"""State duty: a receipt for the residence permit (4 MCI) or the card (0.2 MCI)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QWidget

from ui.i18n import format_number
from ui.runner import Runner
from ui.steps.step_form import StepForm, date_edit, display_date, open_step_form, set_date
from ui.widgets.fit_window import fit_to_layout
from workstation.domain.checklist import Step
from workstation.domain.programme import InvalidProgrammeConfig
from workstation.domain.steps import DutyKind
from workstation.services.desk import CaseDetail
from workstation.services.steps import CaseSteps, StepVersion

if TYPE_CHECKING:
    from ui.window import DeskWindow


class DutyForm(StepForm):
    def __init__(
        self,
        steps: CaseSteps,
        runner: Runner,
        detail: CaseDetail,
        kind: DutyKind,
        parent: QWidget | None = None,
    ) -> None:
        step = Step.DUTY_CARD if kind is DutyKind.CARD else Step.DUTY_PERMIT
        super().__init__(steps, runner, detail, step, self.tr("State duty"), parent)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Residence permit (4 MCI)"), DutyKind.PERMIT)
        self.kind.addItem(self.tr("Residence-permit card (0.2 MCI)"), DutyKind.CARD)
        self.kind.setCurrentIndex(1 if kind is DutyKind.CARD else 0)
        current = detail.steps.get(step)
        data = current.data if current else {}
        self.receipt_number = QLineEdit(str(data.get("receipt_number", "")))
        self.paid_on = date_edit(detail.today, "paid_on")
        set_date(self.paid_on, data.get("paid_on"))
        self.amount = QLineEdit(str(data.get("amount_kzt", "")))
        self.amount.setPlaceholderText(self.tr("Tenge, as on the receipt"))
        self.due = QLabel()
        self.due.setObjectName("due")
        self.due.setWordWrap(True)  # longer in Kazakh and Russian than the fields are wide

        self.add_field("kind", self.tr("&Duty:"), self.kind)
        self.add_field("receipt_number", self.tr("&Receipt number:"), self.receipt_number)
        self.add_field("paid_on", self.tr("&Payment date:"), self.paid_on)
        self.add_field("amount", self.tr("&Amount (KZT):"), self.amount)
        self.form.addRow("", self.due)
        self.kind.currentIndexChanged.connect(self._show_due)
        self.paid_on.textChanged.connect(self._show_due)
        self._show_due()
        self.receipt_number.setFocus()
        fit_to_layout(self)  # the due amount wraps: as high as it needs at the form's width
        self.load_history()

    def _show_due(self) -> None:
        rules = self.steps.context.rules
        kind = DutyKind(self.kind.currentData())
        paid_on = self.paid_on.date()
        year = paid_on.year if paid_on is not None else self.detail.today.year
        try:
            fee = rules.fee_kzt(str(kind), year)
        except InvalidProgrammeConfig:
            self.due.setText(self.tr("No MCI is configured for {year}.").format(year=year))
            return
        self.due.setText(
            self.tr("Due for a payment in {year}: {fee} KZT (MCI {mci})").format(
                year=year, fee=format_number(float(fee), 2), mci=format_number(rules.mci(year))
            )
        )

    def save(self) -> None:
        self.clear_errors()
        dates = self.typed_dates("paid_on")
        if dates is None:
            return
        kind = DutyKind(self.kind.currentData())
        number, paid_on, amount = self.receipt_number.text(), dates[0], self.amount.text()
        steps, case_id = self.steps, self.case_id
        self.submit(lambda: steps.record_duty(case_id, kind, number, paid_on, amount))

    def summarise(self, version: StepVersion) -> str:
        p = version.payload
        return self.tr("Receipt {number} of {date}: {amount} KZT").format(
            number=p.get("receipt_number", "?"),
            date=display_date(p.get("paid_on")),
            amount=_amount(p.get("amount_kzt", "?")),
        )


def _amount(value: object) -> str:
    """A recorded amount in tenge the local way; anything else as it was recorded."""
    try:
        return format_number(float(Decimal(str(value))), 2)
    except (InvalidOperation, ValueError):
        return str(value)


def _opener(kind: DutyKind):  # type: ignore[no-untyped-def]
    def open_duty_form(window: DeskWindow, detail: CaseDetail) -> QDialog | None:
        return open_step_form(
            lambda steps, runner, case, parent: DutyForm(steps, runner, case, kind, parent),
            window,
            detail,
        )

    return open_duty_form


open_permit_duty_form = _opener(DutyKind.PERMIT)
open_card_duty_form = _opener(DutyKind.CARD)
