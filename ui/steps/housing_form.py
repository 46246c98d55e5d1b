"""Housing agreement: a lease, own property or employer housing in the programme city."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QWidget

from ui.runner import Runner
from ui.steps.step_form import StepForm, date_edit, display_date, open_step_form, set_date
from ui.widgets.fit_window import fit_to_layout
from workstation.domain.checklist import Step
from workstation.domain.steps import HousingAgreement, HousingKind, LandlordType
from workstation.services.desk import CaseDetail
from workstation.services.steps import CaseSteps, StepVersion

if TYPE_CHECKING:
    from ui.window import DeskWindow

# The kinds as the form offers them and the history shows them.
KIND_LABELS = cast(
    "dict[HousingKind, str]",  # PySide6 types QT_TRANSLATE_NOOP as returning object
    {
        HousingKind.LEASE: QT_TRANSLATE_NOOP("HousingForm", "Lease"),
        HousingKind.OWNERSHIP: QT_TRANSLATE_NOOP("HousingForm", "Own property"),
        HousingKind.EMPLOYER: QT_TRANSLATE_NOOP("HousingForm", "Provided by the employer"),
    },
)


def kind_label(kind: object) -> str:
    """The housing kind in words; an unknown recorded value is shown as it is."""
    try:
        return QCoreApplication.translate("HousingForm", KIND_LABELS[HousingKind(str(kind))])
    except (KeyError, ValueError):
        return str(kind)


class HousingForm(StepForm):
    def __init__(
        self, steps: CaseSteps, runner: Runner, detail: CaseDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(steps, runner, detail, Step.HOUSING, self.tr("Housing agreement"), parent)
        city = detail.approval.city
        intro = QLabel(
            self.tr(
                "The dwelling must be in {city}, the programme city of this case, and the "
                "agreement must be in force today."
            ).format(city=city)
        )
        intro.setWordWrap(True)
        self.body.insertWidget(0, intro)
        current = detail.steps.get(Step.HOUSING)
        data: dict[str, Any] = current.data if current else {}

        def text(name: str, default: str = "") -> QLineEdit:
            value = data.get(name)
            return QLineEdit(str(value) if value else default)

        self.kind = QComboBox()
        for housing_kind in KIND_LABELS:
            self.kind.addItem(kind_label(housing_kind), housing_kind)
        self.landlord_type = QComboBox()
        self.landlord_type.addItem(self.tr("A person (IIN)"), LandlordType.INDIVIDUAL)
        self.landlord_type.addItem(self.tr("A company (BIN)"), LandlordType.COMPANY)
        self.landlord_id = text("landlord_id")
        self.landlord_id.setMaxLength(12)
        self.landlord_id.setPlaceholderText(self.tr("12 digits"))
        self.landlord_name = text("landlord_name")
        self.city = text("city", city)
        self.street = text("street")
        self.building = text("building")
        self.apartment = text("apartment")
        self.postcode = text("postcode")
        self.postcode.setPlaceholderText("010000 / Z05T3E4")
        self.number = text("number")
        self.signed_on = date_edit(None, "signed_on")
        self.valid_from = date_edit(None, "valid_from")
        self.valid_until = date_edit(None, "valid_until")
        self.owner_consent_shown = QComboBox()
        self.owner_consent_shown.addItem(self.tr("— choose —"), None)
        self.owner_consent_shown.addItem(self.tr("Yes, the owner's consent was shown"), True)
        self.owner_consent_shown.addItem(self.tr("No"), False)
        if current is not None:
            self._fill(data)

        # Tab order follows the paper agreement: what, who, where, which document, when.
        self.add_field("kind", self.tr("&Kind:"), self.kind)
        self.add_field("landlord_type", self.tr("Landlord &is:"), self.landlord_type)
        self.add_field("landlord_id", self.tr("Landlord's II&N / BIN:"), self.landlord_id)
        self.add_field("landlord_name", self.tr("Landlord's na&me:"), self.landlord_name)
        self.add_field("city", self.tr("&City:"), self.city)
        self.add_field("street", self.tr("&Street:"), self.street)
        self.add_field("building", self.tr("&Building:"), self.building)
        self.add_field("apartment", self.tr("A&partment:"), self.apartment)
        self.add_field("postcode", self.tr("P&ostcode:"), self.postcode)
        self.add_field("number", self.tr("Agreement n&umber:"), self.number)
        self.add_field("signed_on", self.tr("Agreement &date:"), self.signed_on)
        self.add_field("valid_from", self.tr("In force &from:"), self.valid_from)
        self.add_field("valid_until", self.tr("In force un&til:"), self.valid_until)
        self.add_field(
            "owner_consent_shown", self.tr("Owner's consent &shown:"), self.owner_consent_shown
        )
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.kind.setFocus()
        fit_to_layout(self)  # never narrower than the labels and fields need
        self.load_history()

    def _fill(self, data: dict[str, Any]) -> None:
        for combo, value in (
            (self.kind, data.get("kind")),
            (self.landlord_type, data.get("landlord_type")),
            (self.owner_consent_shown, data.get("owner_consent_shown")),
        ):
            index = combo.findData(value)
            if index >= 0:
                combo.setCurrentIndex(index)
        for edit, name in (
            (self.signed_on, "signed_on"),
            (self.valid_from, "valid_from"),
            (self.valid_until, "valid_until"),
        ):
            set_date(edit, data.get(name))

    def _kind_changed(self) -> None:
        # For own property the applicant is the owner: no landlord, consent or end date.
        tenant = self.kind.currentData() != HousingKind.OWNERSHIP
        for widget in (
            self.landlord_type,
            self.landlord_id,
            self.landlord_name,
            self.valid_until,
            self.owner_consent_shown,
        ):
            widget.setEnabled(tenant)

    def agreement(self) -> HousingAgreement | None:
        """The agreement as typed, or None (errors shown) while a date is not a date."""
        tenant = self.kind.currentData() != HousingKind.OWNERSHIP
        names = (
            ("signed_on", "valid_from", "valid_until") if tenant else ("signed_on", "valid_from")
        )
        dates = self.typed_dates(*names)
        if dates is None:
            return None
        return HousingAgreement(
            kind=HousingKind(self.kind.currentData()),
            city=self.city.text(),
            street=self.street.text(),
            building=self.building.text(),
            apartment=self.apartment.text(),
            postcode=self.postcode.text(),
            number=self.number.text(),
            signed_on=dates[0],
            valid_from=dates[1],
            valid_until=dates[2] if tenant else None,
            landlord_type=LandlordType(self.landlord_type.currentData()) if tenant else None,
            landlord_id=self.landlord_id.text() if tenant else "",
            landlord_name=self.landlord_name.text() if tenant else "",
            owner_consent_shown=self.owner_consent_shown.currentData() if tenant else None,
        )

    def save(self) -> None:
        self.clear_errors()
        agreement = self.agreement()
        if agreement is None:
            return
        steps, case_id = self.steps, self.case_id
        self.submit(lambda: steps.record_housing(case_id, agreement))

    def summarise(self, version: StepVersion) -> str:
        p = version.payload
        return self.tr("{kind} No. {number} of {date}, {city}, {street} {building}").format(
            kind=kind_label(p.get("kind", "?")),
            number=p.get("number", "?"),
            date=display_date(p.get("signed_on")),
            city=p.get("city", ""),
            street=p.get("street", ""),
            building=p.get("building", ""),
        )


def open_housing_form(window: DeskWindow, detail: CaseDetail) -> QDialog | None:
    return open_step_form(HousingForm, window, detail)
