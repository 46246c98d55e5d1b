"""Rules of the desk's steps: passport check, medical exam, housing, state duty and documents.

Each step is a frozen value with `to_payload`/`from_payload` (the event's payload) and a
validator that returns every problem at once, so a form can show them all next to their
fields. Rules that depend on the day (a certificate's age, a lease still running, passport
validity) take `today`: a step recorded valid may later be judged expired by the checklist.
Each step's `judge_*` (what the checklist says of its record on a day) sits by its rules;
workstation.domain.checklist declares which judge, parser and event belong to which step.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from workstation.domain.approval import ApprovedArrival
from workstation.domain.iin import InvalidBIN, InvalidIIN, parse_bin, parse_iin
from workstation.domain.lifecycle import EventType
from workstation.domain.mrz import InvalidMRZ, PassportMRZ, parse_td3
from workstation.domain.programme import InvalidProgrammeConfig, ProgrammeRules
from workstation.i18n import QT_TRANSLATE_NOOP, Message, Template

TEXT_MAX = 200
INVALID = "invalid"
EXPIRED = "expired"
MISSING = "missing"  # something the step needs has not been brought yet (a scan)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a step: the form field to blame and what the clerk should do.

    `kind` is "expired" when the data was right once but time has run out on it, "missing"
    when part of the step has not been brought yet.
    """

    field: str
    message: str
    kind: str = INVALID


class StepInvalid(ValueError):
    """A step cannot be recorded; `problems` lists every reason, `field` the first field."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        if not problems:
            raise ValueError("StepInvalid needs at least one problem")
        super().__init__(joined([p.message for p in problems]))
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.field: str = self.problems[0].field


@dataclass(frozen=True)
class OnDay:
    """What a step's record is judged against: the approved case, its entry, the day."""

    approval: ApprovedArrival
    entry_date: date | None
    today: date
    rules: ProgrammeRules


@dataclass(frozen=True)
class Judged:
    """A step's record judged on a day: what is wrong with it now, or the note it shows."""

    problems: tuple[Problem, ...] = ()
    note: str = ""


def joined(messages: Sequence[str], separator: str = " ", context: str = "steps") -> str:
    """Texts one after another, each still translatable on its own (see workstation.i18n)."""
    if len(messages) == 1:
        return messages[0]
    names = [f"m{index}" for index in range(len(messages))]
    template = separator.join("{" + name + "}" for name in names)
    return Message(context, template, dict(zip(names, messages, strict=True)))


def _fmt(day: date) -> str:
    return f"{day:%d.%m.%Y}"


def _text(payload: Mapping[str, Any], name: str, problems: list[Problem]) -> str:
    value = payload.get(name, "")
    if not isinstance(value, str):
        problems.append(
            Problem(
                name,
                QT_TRANSLATE_NOOP("steps", "The recorded {name} is not text.").format(
                    name=name.replace("_", " ")
                ),
            )
        )
        return ""
    return value


def _day(payload: Mapping[str, Any], name: str, problems: list[Problem]) -> date:
    raw = payload.get(name)
    try:
        return date.fromisoformat(str(raw))
    except ValueError:
        problems.append(
            Problem(
                name,
                QT_TRANSLATE_NOOP("steps", "The recorded {name} is not a date.").format(
                    name=name.replace("_", " ")
                ),
            )
        )
        return date.min


def _optional_day(payload: Mapping[str, Any], name: str, problems: list[Problem]) -> date | None:
    return None if payload.get(name) in (None, "") else _day(payload, name, problems)


def _required(value: str, name: str, missing: Template, problems: list[Problem]) -> None:
    if not value.strip():
        problems.append(Problem(name, missing))
    elif len(value) > TEXT_MAX:
        problems.append(Problem(name, _too_long()))


def _too_long() -> str:
    return QT_TRANSLATE_NOOP("steps", "Too long: at most {max} characters.").format(max=TEXT_MAX)


def _raise_if(problems: list[Problem]) -> None:
    if problems:
        raise StepInvalid(problems)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


# Passport check ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PassportCheck:
    """The passport data read from the MRZ, recorded once it matched the approved case."""

    number: str
    issuing_state: str
    nationality: str
    surname: str
    given_names: str
    birth_date: date
    sex: str
    expires_on: date

    @classmethod
    def from_mrz(cls, mrz: PassportMRZ) -> PassportCheck:
        return cls(
            number=mrz.document_number,
            issuing_state=mrz.issuing_state,
            nationality=mrz.nationality,
            surname=mrz.surname,
            given_names=mrz.given_names,
            birth_date=mrz.birth_date,
            sex=mrz.sex,
            expires_on=mrz.expiry_date,
        )

    def to_payload(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "issuing_state": self.issuing_state,
            "nationality": self.nationality,
            "surname": self.surname,
            "given_names": self.given_names,
            "birth_date": self.birth_date.isoformat(),
            "sex": self.sex,
            "expires_on": self.expires_on.isoformat(),
        }

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> PassportCheck:
        p: list[Problem] = []
        check = cls(
            number=_text(payload, "number", p),
            issuing_state=_text(payload, "issuing_state", p),
            nationality=_text(payload, "nationality", p),
            surname=_text(payload, "surname", p),
            given_names=_text(payload, "given_names", p),
            birth_date=_day(payload, "birth_date", p),
            sex=_text(payload, "sex", p),
            expires_on=_day(payload, "expires_on", p),
        )
        if not check.number:
            p.append(
                Problem(
                    "number",
                    QT_TRANSLATE_NOOP(
                        "steps", "The recorded passport check has no passport number."
                    ),
                )
            )
        _raise_if(p)
        return check


def _mrz_name(text: str) -> str:
    """A name as the MRZ can hold it: A-Z words; hyphens and apostrophes become spaces."""
    return " ".join(re.sub(r"[^A-Z]+", " ", text.upper()).split())


def _names_match(mrz_name: str, approved: str, truncated: bool) -> bool:
    mrz, expected = _mrz_name(mrz_name), _mrz_name(approved)
    # A name longer than the 39 characters of the MRZ is cut there (ICAO 9303-3).
    return mrz == expected or (truncated and bool(mrz) and expected.startswith(mrz))


def passport_mismatches(check: PassportCheck, approval: ApprovedArrival) -> list[Problem]:
    """Every difference between the passport read and the approved case, one per field."""
    problems: list[Problem] = []

    def differ(field: str, sentence: Template, read: str, approved: str) -> None:
        problems.append(Problem(field, sentence.format(read=read, approved=approved)))

    approved_number = re.sub(r"\s+", "", approval.passport_number.upper())
    if check.number != approved_number:
        differ(
            "document_number",
            QT_TRANSLATE_NOOP(
                "steps",
                "Passport number: the passport says {read}, the approved case says {approved}. "
                "If the applicant has a new passport, the migration service must update the "
                "approval.",
            ),
            check.number,
            approved_number,
        )
    if check.issuing_state != approval.passport_issuing_state.upper():
        differ(
            "issuing_state",
            QT_TRANSLATE_NOOP(
                "steps",
                "Issuing state: the passport says {read}, the approved case says {approved}.",
            ),
            check.issuing_state,
            approval.passport_issuing_state,
        )
    if check.nationality != approval.nationality.upper():
        differ(
            "nationality",
            QT_TRANSLATE_NOOP(
                "steps", "Citizenship: the passport says {read}, the approved case says {approved}."
            ),
            check.nationality,
            approval.nationality,
        )
    if check.birth_date != approval.birth_date:
        differ(
            "birth_date",
            QT_TRANSLATE_NOOP(
                "steps", "Birth date: the passport says {read}, the approved case says {approved}."
            ),
            _fmt(check.birth_date),
            _fmt(approval.birth_date),
        )
    if check.sex != approval.sex.upper():
        differ(
            "sex",
            QT_TRANSLATE_NOOP(
                "steps", "Sex: the passport says {read}, the approved case says {approved}."
            ),
            check.sex,
            approval.sex,
        )
    truncated = len(_mrz_name(check.surname)) + len(_mrz_name(check.given_names)) + 2 >= 39
    if not _names_match(check.surname, approval.surname, truncated):
        differ(
            "surname",
            QT_TRANSLATE_NOOP(
                "steps", "Surname: the passport says {read}, the approved case says {approved}."
            ),
            check.surname,
            approval.surname,
        )
    if not _names_match(check.given_names, approval.given_names, truncated):
        differ(
            "given_names",
            QT_TRANSLATE_NOOP(
                "steps", "Given names: the passport says {read}, the approved case says {approved}."
            )
            if check.given_names
            else QT_TRANSLATE_NOOP(
                "steps",
                "Given names: the passport says (none), the approved case says {approved}.",
            ),
            check.given_names,
            approval.given_names,
        )
    if check.expires_on != approval.passport_expiry:
        differ(
            "expiry_date",
            QT_TRANSLATE_NOOP(
                "steps", "Expiry date: the passport says {read}, the approved case says {approved}."
            ),
            _fmt(check.expires_on),
            _fmt(approval.passport_expiry),
        )
    return problems


def passport_validity(expires_on: date, today: date, rules: ProgrammeRules) -> Problem | None:
    """An expired passport, or one valid for fewer days than the programme requires."""
    days = (expires_on - today).days
    if days < 0:
        return Problem(
            "expiry_date",
            QT_TRANSLATE_NOOP(
                "steps", "The passport expired on {date}. The applicant needs a valid passport."
            ).format(date=_fmt(expires_on)),
            EXPIRED,
        )
    if days < rules.passport_min_validity_days:
        return Problem(
            "expiry_date",
            QT_TRANSLATE_NOOP(
                "steps",
                "The passport expires on {date}, in {days} days; the programme needs "
                "at least {minimum} days of validity. "
                "The applicant must renew the passport first.",
            ).format(date=_fmt(expires_on), days=days, minimum=rules.passport_min_validity_days),
            EXPIRED,
        )
    return None


def check_passport(
    mrz_text: str, approval: ApprovedArrival, today: date, rules: ProgrammeRules
) -> PassportCheck:
    """Read the MRZ and cross-check it; StepInvalid lists every mismatch and validity issue."""
    try:
        mrz = parse_td3(mrz_text, today)
    except InvalidMRZ as exc:
        raise StepInvalid(
            [
                Problem(
                    "mrz",
                    QT_TRANSLATE_NOOP("steps", "The MRZ cannot be read: {reason}").format(
                        reason=exc.args[0] if exc.args else str(exc)
                    ),
                )
            ]
        ) from None
    check = PassportCheck.from_mrz(mrz)
    problems = passport_mismatches(check, approval)
    validity = passport_validity(check.expires_on, today, rules)
    if validity is not None:
        problems.append(validity)
    _raise_if(problems)
    return check


def judge_passport(check: PassportCheck, on: OnDay) -> Judged:
    problems = passport_mismatches(check, on.approval)
    validity = passport_validity(check.expires_on, on.today, on.rules)
    return Judged(tuple(problems + ([validity] if validity else [])))


# Medical examination ------------------------------------------------------------------------


class MedicalResult(StrEnum):
    FIT = "fit"
    NOT_FIT = "not_fit"


@dataclass(frozen=True)
class MedicalExam:
    """A medical certificate, form 028/u."""

    number: str
    issued_on: date
    organisation: str
    doctor: str
    result: MedicalResult
    remarks: str = ""

    def to_payload(self) -> dict[str, Any]:
        return {
            "number": self.number.strip(),
            "issued_on": self.issued_on.isoformat(),
            "organisation": self.organisation.strip(),
            "doctor": self.doctor.strip(),
            "result": str(self.result),
            "remarks": self.remarks.strip(),
        }

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> MedicalExam:
        p: list[Problem] = []
        raw_result = payload.get("result")
        try:
            result = MedicalResult(str(raw_result))
        except ValueError:
            p.append(
                Problem(
                    "result",
                    QT_TRANSLATE_NOOP(
                        "steps", "The recorded result {result} is not fit/not fit."
                    ).format(result=repr(raw_result)),
                )
            )
            result = MedicalResult.NOT_FIT
        exam = cls(
            number=_text(payload, "number", p),
            issued_on=_day(payload, "issued_on", p),
            organisation=_text(payload, "organisation", p),
            doctor=_text(payload, "doctor", p),
            result=result,
            remarks=_text(payload, "remarks", p),
        )
        _raise_if(p)
        return exam


def medical_problems(
    exam: MedicalExam, entry_date: date | None, today: date, rules: ProgrammeRules
) -> list[Problem]:
    """What is wrong with the certificate for an application submitted `today`.

    A "not fit" result is not a problem of the record: it is recorded, and the checklist
    says it blocks submission.
    """
    p: list[Problem] = []
    _required(exam.number, "number", QT_TRANSLATE_NOOP("steps", "Enter the certificate number."), p)
    _required(
        exam.organisation,
        "organisation",
        QT_TRANSLATE_NOOP("steps", "Enter the medical organisation that issued it."),
        p,
    )
    _required(exam.doctor, "doctor", QT_TRANSLATE_NOOP("steps", "Enter the doctor's name."), p)
    if exam.result is MedicalResult.NOT_FIT and not exam.remarks.strip():
        p.append(
            Problem(
                "remarks",
                QT_TRANSLATE_NOOP(
                    "steps", 'Write what the certificate says for a "not fit" result.'
                ),
            )
        )
    if exam.issued_on > today:
        p.append(
            Problem(
                "issued_on",
                QT_TRANSLATE_NOOP(
                    "steps",
                    "The certificate date {date} is in the future. "
                    "Enter the date printed on the certificate.",
                ).format(date=_fmt(exam.issued_on)),
            )
        )
    elif entry_date is not None and exam.issued_on < entry_date:
        p.append(
            Problem(
                "issued_on",
                QT_TRANSLATE_NOOP(
                    "steps",
                    "The certificate of {date} is dated before the entry on {entry}. "
                    "The examination must be done after entering Kazakhstan.",
                ).format(date=_fmt(exam.issued_on), entry=_fmt(entry_date)),
            )
        )
    else:
        age = (today - exam.issued_on).days
        limit = rules.medical_certificate_max_age_days
        if age > limit:
            p.append(
                Problem(
                    "issued_on",
                    QT_TRANSLATE_NOOP(
                        "steps",
                        "The certificate of {date} is {age} days old; at most "
                        "{limit} days are allowed at submission. A new examination is needed.",
                    ).format(date=_fmt(exam.issued_on), age=age, limit=limit),
                    EXPIRED,
                )
            )
    return p


def judge_medical(exam: MedicalExam, on: OnDay) -> Judged:
    problems = medical_problems(exam, on.entry_date, on.today, on.rules)
    if exam.result is MedicalResult.NOT_FIT:
        problems.append(
            Problem(
                "result",
                QT_TRANSLATE_NOOP(
                    "checklist", "Not fit for residence: this blocks the submission."
                ),
            )
        )
    note = QT_TRANSLATE_NOOP("checklist", "Certificate {number}").format(number=exam.number)
    return Judged(tuple(problems), note)


# Housing agreement --------------------------------------------------------------------------


class HousingKind(StrEnum):
    LEASE = "lease"
    OWNERSHIP = "ownership"
    EMPLOYER = "employer"


class LandlordType(StrEnum):
    INDIVIDUAL = "individual"
    COMPANY = "company"


# Kazpost codes: the six-digit ones still in use and the seven-character ones since 2015.
_POSTCODE_RE = re.compile(r"\d{6}|[A-Z]\d{2}[A-Z]\d[A-Z]\d")


@dataclass(frozen=True)
class HousingAgreement:
    """Where the applicant lives in the programme city, and on what title.

    For own property the applicant is the owner: no landlord, no consent, no end date.
    """

    kind: HousingKind
    city: str
    street: str
    building: str
    postcode: str
    number: str
    signed_on: date
    valid_from: date
    valid_until: date | None = None
    apartment: str = ""
    landlord_type: LandlordType | None = None
    landlord_id: str = ""
    landlord_name: str = ""
    owner_consent_shown: bool | None = None

    def to_payload(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind),
            "city": self.city.strip(),
            "street": self.street.strip(),
            "building": self.building.strip(),
            "apartment": self.apartment.strip(),
            "postcode": self.postcode.strip().upper(),
            "number": self.number.strip(),
            "signed_on": self.signed_on.isoformat(),
            "valid_from": self.valid_from.isoformat(),
            "valid_until": _iso(self.valid_until),
            "landlord_type": str(self.landlord_type) if self.landlord_type else None,
            "landlord_id": self.landlord_id.strip(),
            "landlord_name": self.landlord_name.strip(),
            "owner_consent_shown": self.owner_consent_shown,
        }

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> HousingAgreement:
        p: list[Problem] = []
        try:
            kind = HousingKind(str(payload.get("kind")))
        except ValueError:
            p.append(
                Problem(
                    "kind",
                    QT_TRANSLATE_NOOP(
                        "steps", "The recorded housing kind is not lease/own/employer."
                    ),
                )
            )
            kind = HousingKind.LEASE
        raw_type = payload.get("landlord_type")
        landlord_type = None
        if raw_type not in (None, ""):
            try:
                landlord_type = LandlordType(raw_type)
            except ValueError:
                p.append(
                    Problem(
                        "landlord_type",
                        QT_TRANSLATE_NOOP("steps", "The recorded landlord type is unknown."),
                    )
                )
        consent = payload.get("owner_consent_shown")
        agreement = cls(
            kind=kind,
            city=_text(payload, "city", p),
            street=_text(payload, "street", p),
            building=_text(payload, "building", p),
            postcode=_text(payload, "postcode", p),
            number=_text(payload, "number", p),
            signed_on=_day(payload, "signed_on", p),
            valid_from=_day(payload, "valid_from", p),
            valid_until=_optional_day(payload, "valid_until", p),
            apartment=_text(payload, "apartment", p),
            landlord_type=landlord_type,
            landlord_id=_text(payload, "landlord_id", p),
            landlord_name=_text(payload, "landlord_name", p),
            owner_consent_shown=consent if isinstance(consent, bool) else None,
        )
        _raise_if(p)
        return agreement

    @property
    def address(self) -> str:
        flat = f", apt. {self.apartment}" if self.apartment.strip() else ""
        return f"{self.postcode} {self.city}, {self.street} {self.building}{flat}"


def housing_problems(
    agreement: HousingAgreement, programme_city: str, today: date
) -> list[Problem]:
    p: list[Problem] = []
    if agreement.city.strip().casefold() != programme_city.casefold():
        p.append(
            Problem(
                "city",
                (
                    QT_TRANSLATE_NOOP(
                        "steps",
                        "The dwelling must be in the programme city {city}; "
                        "the agreement says {given}.",
                    ).format(city=programme_city, given=agreement.city.strip())
                    if agreement.city.strip()
                    else QT_TRANSLATE_NOOP(
                        "steps",
                        "The dwelling must be in the programme city {city}; "
                        "the agreement says (empty).",
                    ).format(city=programme_city)
                ),
            )
        )
    _required(agreement.street, "street", QT_TRANSLATE_NOOP("steps", "Enter the street."), p)
    _required(
        agreement.building, "building", QT_TRANSLATE_NOOP("steps", "Enter the building number."), p
    )
    if len(agreement.apartment) > TEXT_MAX:
        p.append(Problem("apartment", _too_long()))
    postcode = agreement.postcode.strip().upper()
    if not _POSTCODE_RE.fullmatch(postcode):
        p.append(
            Problem(
                "postcode",
                QT_TRANSLATE_NOOP(
                    "steps", "Enter the postcode: 6 digits (010000) or Kazpost's A00A0A0."
                ),
            )
        )
    _required(
        agreement.number,
        "number",
        QT_TRANSLATE_NOOP("steps", "Enter the agreement or title document number."),
        p,
    )
    if agreement.signed_on > today:
        p.append(
            Problem(
                "signed_on",
                QT_TRANSLATE_NOOP(
                    "steps",
                    "The agreement date {date} is in the future. Enter the date on the agreement.",
                ).format(date=_fmt(agreement.signed_on)),
            )
        )
    owner = agreement.kind is HousingKind.OWNERSHIP
    if not owner:
        _landlord_problems(agreement, today, p)
        if agreement.owner_consent_shown is None:
            p.append(
                Problem(
                    "owner_consent_shown",
                    QT_TRANSLATE_NOOP("steps", "Say whether the owner's consent was shown."),
                )
            )
        if agreement.valid_until is None:
            p.append(
                Problem(
                    "valid_until",
                    QT_TRANSLATE_NOOP("steps", "Enter the last day of the agreement."),
                )
            )
    if agreement.valid_until is not None and agreement.valid_from > agreement.valid_until:
        p.append(
            Problem(
                "valid_until",
                QT_TRANSLATE_NOOP(
                    "steps", "The agreement ends on {until}, before it starts on {start}."
                ).format(until=_fmt(agreement.valid_until), start=_fmt(agreement.valid_from)),
            )
        )
    elif agreement.valid_from > today:
        p.append(
            Problem(
                "valid_from",
                QT_TRANSLATE_NOOP(
                    "steps", "The agreement starts on {start}: it must already be in force today."
                ).format(start=_fmt(agreement.valid_from)),
            )
        )
    elif agreement.valid_until is not None and agreement.valid_until < today:
        p.append(
            Problem(
                "valid_until",
                QT_TRANSLATE_NOOP(
                    "steps", "The agreement ended on {until}. A current agreement is needed."
                ).format(until=_fmt(agreement.valid_until)),
                EXPIRED,
            )
        )
    return p


def _landlord_problems(agreement: HousingAgreement, today: date, p: list[Problem]) -> None:
    _required(
        agreement.landlord_name,
        "landlord_name",
        QT_TRANSLATE_NOOP("steps", "Enter the landlord's name."),
        p,
    )
    if agreement.landlord_type is LandlordType.INDIVIDUAL:
        try:
            parse_iin(agreement.landlord_id)
        except InvalidIIN as exc:
            p.append(Problem("landlord_id", _landlord(exc)))
    elif agreement.landlord_type is LandlordType.COMPANY:
        try:
            parse_bin(agreement.landlord_id, today)
        except InvalidBIN as exc:
            p.append(Problem("landlord_id", _landlord(exc)))
    else:
        p.append(
            Problem(
                "landlord_type",
                QT_TRANSLATE_NOOP("steps", "Choose whether the landlord is a person or a company."),
            )
        )


def _landlord(error: ValueError) -> str:
    return QT_TRANSLATE_NOOP("steps", "Landlord's {problem}").format(
        problem=error.args[0] if error.args else str(error)
    )


def judge_housing(agreement: HousingAgreement, on: OnDay) -> Judged:
    problems = housing_problems(agreement, on.approval.city, on.today)
    # The agreement date and start were checked when recorded; only the end can lapse.
    lapsing = [p for p in problems if p.field not in {"signed_on", "valid_from"}]
    return Judged(tuple(lapsing), agreement.address)


# State duty ---------------------------------------------------------------------------------


class DutyKind(StrEnum):
    PERMIT = "permit"  # residence permit: 4 MCI
    CARD = "card"  # residence-permit card: 0.2 MCI


@dataclass(frozen=True)
class DutyPayment:
    kind: DutyKind
    receipt_number: str
    paid_on: date
    amount_kzt: Decimal

    def to_payload(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind),
            "receipt_number": self.receipt_number.strip(),
            "paid_on": self.paid_on.isoformat(),
            "amount_kzt": f"{self.amount_kzt:.2f}",
        }

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> DutyPayment:
        p: list[Problem] = []
        try:
            kind = DutyKind(str(payload.get("kind")))
        except ValueError:
            p.append(
                Problem(
                    "kind", QT_TRANSLATE_NOOP("steps", "The recorded duty kind is not permit/card.")
                )
            )
            kind = DutyKind.PERMIT
        amount = Decimal(0)
        try:
            amount = parse_amount(str(payload.get("amount_kzt")))
        except StepInvalid as exc:
            p.extend(exc.problems)
        payment = cls(
            kind, _text(payload, "receipt_number", p), _day(payload, "paid_on", p), amount
        )
        _raise_if(p)
        return payment


def parse_amount(text: str) -> Decimal:
    """'17 300', '17300,00' or '17300.00' -> Decimal('17300.00'); StepInvalid otherwise."""
    cleaned = re.sub(r"[\s\u00a0]", "", text).replace(",", ".")
    problem = Problem(
        "amount",
        QT_TRANSLATE_NOOP(
            "steps", "Enter the amount in tenge as on the receipt, e.g. 17300 or 865.00."
        ),
    )
    if not re.fullmatch(r"\d+(\.\d{1,2})?", cleaned):
        raise StepInvalid([problem])
    try:
        return Decimal(cleaned).quantize(Decimal("0.01"))
    except InvalidOperation:
        raise StepInvalid([problem]) from None


def duty_problems(payment: DutyPayment, today: date, rules: ProgrammeRules) -> list[Problem]:
    p: list[Problem] = []
    _required(
        payment.receipt_number,
        "receipt_number",
        QT_TRANSLATE_NOOP("steps", "Enter the receipt number."),
        p,
    )
    if payment.paid_on > today:
        p.append(
            Problem(
                "paid_on",
                QT_TRANSLATE_NOOP(
                    "steps",
                    "The payment date {date} is in the future. Enter the date on the receipt.",
                ).format(date=_fmt(payment.paid_on)),
            )
        )
        return p
    try:
        due = rules.fee_kzt(str(payment.kind), payment.paid_on.year)
    except InvalidProgrammeConfig as exc:
        p.append(Problem("paid_on", exc.args[0] if exc.args else str(exc)))
        return p
    if payment.amount_kzt < due:
        p.append(
            Problem(
                "amount",
                QT_TRANSLATE_NOOP(
                    "steps",
                    "Underpaid: {paid} KZT paid, {due} KZT due in {year}. "
                    "The applicant must pay the difference.",
                ).format(
                    paid=f"{payment.amount_kzt:.2f}", due=f"{due:.2f}", year=payment.paid_on.year
                ),
            )
        )
    return p


def judge_duty(payment: DutyPayment, on: OnDay) -> Judged:
    problems = duty_problems(payment, on.today, on.rules)
    return Judged(tuple(problems), f"{payment.amount_kzt:.2f} KZT")


def records_card_duty(payload: Mapping[str, Any]) -> bool:
    """Whether a DutyPaid payload is the residence card's receipt (else the permit's)."""
    return payload.get("kind") == "card"


def records_permit_duty(payload: Mapping[str, Any]) -> bool:
    return not records_card_duty(payload)


# Documents ----------------------------------------------------------------------------------


class DocumentKind(StrEnum):
    PASSPORT_COPY = "passport_copy"
    POLICE_CLEARANCE = "police_clearance"
    PROOF_OF_RESIDENCE = "proof_of_residence"
    MEDICAL_CERTIFICATE = "medical_certificate"
    PHOTO = "photo"
    DUTY_RECEIPT = "duty_receipt"


REQUIRED_DOCUMENTS: tuple[DocumentKind, ...] = tuple(DocumentKind)

DOCUMENT_TITLES: Mapping[DocumentKind, str] = {
    DocumentKind.PASSPORT_COPY: QT_TRANSLATE_NOOP("steps", "Passport copy"),
    DocumentKind.POLICE_CLEARANCE: QT_TRANSLATE_NOOP("steps", "Police clearance"),
    DocumentKind.PROOF_OF_RESIDENCE: QT_TRANSLATE_NOOP("steps", "Proof of residence"),
    DocumentKind.MEDICAL_CERTIFICATE: QT_TRANSLATE_NOOP("steps", "Medical certificate 028/u"),
    DocumentKind.PHOTO: QT_TRANSLATE_NOOP("steps", "Photo 35x45 mm"),
    DocumentKind.DUTY_RECEIPT: QT_TRANSLATE_NOOP("steps", "State duty receipt"),
}

PDF, JPEG, PNG = "application/pdf", "image/jpeg", "image/png"
DEFAULT_MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
FILENAME_MAX = 255


def media_type_of(content: bytes) -> str | None:
    """The file's type from its first bytes (its name may say anything)."""
    if content.startswith(b"%PDF-"):
        return PDF
    if content.startswith(b"\xff\xd8\xff"):
        return JPEG
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    return None


def check_document(
    kind: str, filename: str, content: bytes, max_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES
) -> str:
    """The media type of a scan fit to attach, or StepInvalid saying why not."""
    p: list[Problem] = []
    try:
        document_kind = DocumentKind(kind)
    except ValueError:
        raise StepInvalid(
            [Problem("kind", QT_TRANSLATE_NOOP("steps", "Choose which document this scan is."))]
        ) from None
    if not filename.strip() or len(filename) > FILENAME_MAX:
        p.append(
            Problem(
                "file",
                QT_TRANSLATE_NOOP("steps", "The file needs a name of at most 255 characters."),
            )
        )
    if not content:
        p.append(
            Problem(
                "file", QT_TRANSLATE_NOOP("steps", "The file is empty. Scan the document again.")
            )
        )
    elif len(content) > max_bytes:
        p.append(
            Problem(
                "file",
                QT_TRANSLATE_NOOP(
                    "steps",
                    "The file is {size} MB; at most {limit} MB is allowed. "
                    "Scan at a lower resolution.",
                ).format(size=f"{len(content) / 1048576:.1f}", limit=f"{max_bytes / 1048576:.0f}"),
            )
        )
    media = media_type_of(content) if content else None
    if content and media is None:
        p.append(
            Problem(
                "file",
                QT_TRANSLATE_NOOP(
                    "steps",
                    "This file is not a PDF, JPEG or PNG (judged by its content, "
                    "not its name). Save the scan in one of these formats.",
                ),
            )
        )
    elif document_kind is DocumentKind.PHOTO and media == PDF:
        p.append(
            Problem(
                "file",
                QT_TRANSLATE_NOOP("steps", "The photo must be a JPEG or PNG image, not a PDF."),
            )
        )
    _raise_if(p)
    assert media is not None
    return media


def documents_after(
    previous: Mapping[str, Any] | None,
    event_type: EventType,
    payload: Mapping[str, Any],
    event_id: str,
) -> dict[str, Any]:
    """The case's present documents after a DocumentAttached/DocumentRemoved event.

    The projection keeps this running list (not just the last event), rebuilt in journal
    order; malformed pulled payloads are tolerated so one bad event cannot stop a replay.
    """
    documents: dict[str, Any] = dict((previous or {}).get("documents") or {})
    key = str(payload.get("attachment_id") or event_id)
    if event_type is EventType.DOCUMENT_ATTACHED:
        documents[key] = {
            name: payload.get(name) for name in ("kind", "filename", "media_type", "size")
        }
    elif event_type is EventType.DOCUMENT_REMOVED:
        documents.pop(key, None)
    return {"documents": documents}


def present_documents(data: Mapping[str, Any] | None) -> frozenset[DocumentKind]:
    kinds: set[DocumentKind] = set()
    for entry in ((data or {}).get("documents") or {}).values():
        kind = entry.get("kind") if isinstance(entry, Mapping) else None
        try:
            kinds.add(DocumentKind(str(kind)))
        except ValueError:
            continue
    return frozenset(kinds)


def judge_documents(present: frozenset[DocumentKind], on: OnDay) -> Judged:
    missing = [k for k in REQUIRED_DOCUMENTS if k not in present]
    if not missing:
        return Judged()
    names = joined([DOCUMENT_TITLES[k] for k in missing], ", ")
    message = QT_TRANSLATE_NOOP("checklist", "Missing: {names}.").format(names=names)
    return Judged((Problem("documents", message, MISSING),))


# Fingerprints -------------------------------------------------------------------------------


def age_on(birth_date: date, day: date) -> int:
    years = day.year - birth_date.year
    if (day.month, day.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def fingerprints_exemption(on: OnDay) -> str | None:
    """Why the applicant need not give fingerprints (a child), or None when they must."""
    if age_on(on.approval.birth_date, on.today) >= on.rules.fingerprint_min_age_years:
        return None
    return QT_TRANSLATE_NOOP("checklist", "Not required: the applicant is under {age}.").format(
        age=on.rules.fingerprint_min_age_years
    )
