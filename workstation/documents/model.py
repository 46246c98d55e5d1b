"""What the printed residence-permit application and acknowledgement slip are made from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum


class Sex(StrEnum):
    """Sex as written in the passport."""

    MALE = "M"
    FEMALE = "F"
    UNSPECIFIED = "X"  # ICAO 9303 allows X; some states issue it


class HousingKind(StrEnum):
    """How the applicant holds the dwelling in the programme city."""

    LEASE = "lease"
    OWNERSHIP = "ownership"
    EMPLOYER = "employer"  # housing provided by the employer


class MedicalResult(StrEnum):
    """The conclusion of the form 028/u certificate."""

    FIT = "fit"
    NOT_FIT = "not_fit"


class DutyKind(StrEnum):
    """Which state duty a receipt pays (Tax Code: 4 MCI for the permit, 0.2 MCI for the card)."""

    RESIDENCE_PERMIT = "residence_permit"
    PERMIT_CARD = "permit_card"


@dataclass(frozen=True)
class ApplicantName:
    """The applicant's names as in the passport, with the Cyrillic spelling when one is known."""

    surname: str
    given_names: str
    surname_cyrillic: str | None = None
    given_names_cyrillic: str | None = None


@dataclass(frozen=True)
class Passport:
    """The passport the application is made on."""

    number: str
    issuing_state: str
    issued_on: date
    expires_on: date


@dataclass(frozen=True)
class Address:
    """The applicant's address in the programme city."""

    city: str
    street: str
    building: str
    postcode: str
    apartment: str | None = None


@dataclass(frozen=True)
class HousingAgreement:
    """The lease or ownership document behind the address.

    ``landlord_id`` is the owner's IIN (a person) or BIN (a company); for own property the
    applicant is the owner. ``owner_consent_shown`` is None when no consent is needed.
    """

    kind: HousingKind
    landlord_name: str
    landlord_id: str
    number: str
    signed_on: date
    valid_from: date
    valid_until: date | None = None
    owner_consent_shown: bool | None = None


@dataclass(frozen=True)
class MedicalCertificate:
    """The form 028/u certificate."""

    number: str
    issued_on: date
    organisation: str
    result: MedicalResult
    remarks: str = ""


@dataclass(frozen=True)
class DutyReceipt:
    """One payment of state duty."""

    kind: DutyKind
    receipt_number: str
    paid_on: date
    amount_kzt: Decimal


@dataclass(frozen=True)
class DocumentReference:
    """A numbered, dated document issued by an authority (approval, recommendation)."""

    number: str
    issued_on: date


@dataclass(frozen=True)
class ServiceCenter:
    """The public service center (TsON) where the application is filed."""

    name: str
    city: str


@dataclass(frozen=True)
class EnclosedDocument:
    """One document the application lists as enclosed, and whether it was actually enclosed."""

    name: str
    present: bool


@dataclass(frozen=True)
class ApplicationData:
    """Everything printed on the residence-permit application for one case."""

    case_id: str
    applicant: ApplicantName
    birth_date: date
    birth_place: str
    sex: Sex
    citizenship: str
    iin: str | None
    passport: Passport
    address: Address
    housing: HousingAgreement
    medical: MedicalCertificate
    duty_receipts: tuple[DutyReceipt, ...]
    preliminary_approval: DocumentReference
    ministry_recommendation: DocumentReference
    service_center: ServiceCenter
    clerk_name: str
    applied_on: date
    enclosed: tuple[EnclosedDocument, ...]
    fingerprints_statement: str | None = None


@dataclass(frozen=True)
class ReceiptData:
    """Everything printed on the applicant's acknowledgement slip.

    ``submitted_at`` must be timezone-aware; it is printed in Kazakhstan time (UTC+5).
    ``decision_due`` comes from the working calendar; the slip only prints it.
    ``digest`` is ``submission_digest`` of the application that was submitted.
    """

    case_id: str
    applicant: ApplicantName
    passport_number: str
    submitted: tuple[str, ...]
    submitted_at: datetime
    service_center: ServiceCenter
    clerk_name: str
    decision_due: date
    digest: str
    signature_b64: str | None = None
