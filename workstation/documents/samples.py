"""Realistic, fictitious cases for demo printing, the document benchmark and the tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

from workstation.documents.application import standard_enclosures
from workstation.documents.model import (
    Address,
    ApplicantName,
    ApplicationData,
    DocumentReference,
    DutyKind,
    DutyReceipt,
    HousingAgreement,
    HousingKind,
    MedicalCertificate,
    MedicalResult,
    Passport,
    ReceiptData,
    ServiceCenter,
    Sex,
)
from workstation.documents.receipt import receipt_for

# 60 and 150 characters: the lengths the form must wrap without cutting anything off.
LONG_SURNAME = "WOLFESCHLEGELSTEINHAUSENBERGERDORFFVONDERHEIDEALTENBURGERWAL"
LONG_STREET = (
    "проспект Мәңгілік Ел, жилой комплекс «Highvill Astana», блок C-1, подъезд 4, "
    "вход со стороны двора, напротив здания Министерства цифрового развития РК"
)

# IIN 900315300010 and BIN 150440012344 pass the check-digit algorithm of Decree No. 406.
_APPLICANT = ApplicantName(
    surname="SCHNEIDER",
    given_names="JOHANNES MAXIMILIAN",
    surname_cyrillic="ШНАЙДЕР",
    given_names_cyrillic="ЙОХАННЕС МАКСИМИЛИАН",
)


def sample_application() -> ApplicationData:
    """An Astana case with every step recorded and both duties paid (2025 rates)."""
    return ApplicationData(
        case_id="DNR-AST-2025-000417",
        applicant=_APPLICANT,
        birth_date=date(1990, 3, 15),
        birth_place="München, Deutschland",
        sex=Sex.MALE,
        citizenship="Германия (DEU)",
        iin="900315300010",
        passport=Passport(
            number="C01X00T47",
            issuing_state="DEU",
            issued_on=date(2021, 6, 2),
            expires_on=date(2031, 6, 1),
        ),
        address=Address(
            city="Астана",
            street="проспект Мәңгілік Ел",
            building="55/22",
            apartment="118",
            postcode="Z05T3E2",
        ),
        housing=HousingAgreement(
            kind=HousingKind.LEASE,
            landlord_name="ТОО «Нұрлы Үй Сервис»",
            landlord_id="150440012344",
            number="АР-2025/0388",
            signed_on=date(2025, 3, 3),
            valid_from=date(2025, 3, 3),
            valid_until=date(2026, 3, 2),
            owner_consent_shown=True,
        ),
        medical=MedicalCertificate(
            number="028-0056712",
            issued_on=date(2025, 3, 4),
            organisation="ГКП на ПХВ «Городская поликлиника № 4» акимата г. Астаны",
            result=MedicalResult.FIT,
        ),
        duty_receipts=(
            DutyReceipt(
                kind=DutyKind.RESIDENCE_PERMIT,
                receipt_number="KZ-0099817723",
                paid_on=date(2025, 3, 5),
                amount_kzt=Decimal("15728.00"),
            ),
            DutyReceipt(
                kind=DutyKind.PERMIT_CARD,
                receipt_number="KZ-0099817724",
                paid_on=date(2025, 3, 5),
                amount_kzt=Decimal("786.40"),
            ),
        ),
        preliminary_approval=DocumentReference(
            number="УМС-ДП-2025/1182", issued_on=date(2025, 2, 17)
        ),
        ministry_recommendation=DocumentReference(
            number="МЦРИАП-04-21/5567", issued_on=date(2025, 2, 10)
        ),
        service_center=ServiceCenter(name="ЦОН района Есиль", city="Астана"),
        clerk_name="Жұмабекова Айгерім Серікқызы",
        applied_on=date(2025, 3, 6),
        enclosed=standard_enclosures(
            {
                "passport_copy",
                "police_clearance",
                "proof_of_residence",
                "medical_certificate",
                "photo",
                "duty_receipt",
                "ministry_recommendation",
                "preliminary_approval",
            }
        ),
        fingerprints_statement=(
            "Дактилоскопиялық тіркеу жүргізілді, 10 саусақ / "
            "Дактилоскопическая регистрация проведена, 10 пальцев (06.03.2025)"
        ),
    )


def sample_application_long() -> ApplicationData:
    """The sample case with a 60-character surname and a 150-character street."""
    base = sample_application()
    return replace(
        base,
        applicant=replace(base.applicant, surname=LONG_SURNAME),
        address=replace(base.address, street=LONG_STREET),
    )


def sample_receipt(application: ApplicationData | None = None) -> ReceiptData:
    """The slip for the sample case, submitted at 10:42 Astana time on Thursday 6 March 2025.

    Three working days on is 12 March: 8 March fell on a Saturday, so Monday 10 March was off.
    """
    submitted = application if application is not None else sample_application()
    return receipt_for(
        submitted,
        submitted_at=datetime(2025, 3, 6, 5, 42, 17, tzinfo=UTC),
        decision_due=date(2025, 3, 12),
    )


__all__ = [
    "LONG_STREET",
    "LONG_SURNAME",
    "sample_application",
    "sample_application_long",
    "sample_receipt",
]
