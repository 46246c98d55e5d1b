"""Rules of the desk's steps: passport cross-check, medical, housing, state duty, documents."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workstation.domain.iin import make_bin, make_iin
from workstation.domain.lifecycle import EventType
from workstation.domain.mrz import make_td3
from workstation.domain.programme import DEFAULT_RULES
from workstation.domain.steps import (
    DocumentKind,
    DutyKind,
    DutyPayment,
    HousingAgreement,
    HousingKind,
    LandlordType,
    MedicalExam,
    MedicalResult,
    PassportCheck,
    StepInvalid,
    check_document,
    check_passport,
    documents_after,
    duty_problems,
    housing_problems,
    media_type_of,
    medical_problems,
    parse_amount,
    present_documents,
)

TODAY = date(2026, 3, 10)
ENTRY = date(2026, 3, 8)
PDF = b"%PDF-1.7\n1 0 obj\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 20


def mrz_for(approval: Any, **overrides: Any) -> str:
    values: dict[str, Any] = {
        "surname": approval.surname,
        "given_names": approval.given_names,
        "document_number": approval.passport_number,
        "nationality": approval.nationality,
        "birth_date": approval.birth_date,
        "sex": approval.sex,
        "expiry_date": approval.passport_expiry,
        "issuing_state": approval.passport_issuing_state,
    }
    values.update(overrides)
    return make_td3(**values)


def fields_of(exc: pytest.ExceptionInfo[StepInvalid]) -> list[str]:
    return [p.field for p in exc.value.problems]


# Passport -----------------------------------------------------------------------------------


def test_a_matching_passport_is_checked(make_approval: Any) -> None:
    approval = make_approval(1)
    check = check_passport(mrz_for(approval), approval, TODAY, DEFAULT_RULES)
    assert check.number == approval.passport_number
    assert check.expires_on == approval.passport_expiry
    assert PassportCheck.from_payload(check.to_payload()) == check


def test_every_mismatch_is_shown_at_once(make_approval: Any) -> None:
    approval = make_approval(1)
    text = mrz_for(
        approval,
        document_number="ZZ9999999",
        nationality="DEU",
        birth_date=date(1991, 1, 15),
        sex="M",
        surname="PETROVA",
        given_names="MARIA",
        expiry_date=date(2031, 1, 1),
    )
    with pytest.raises(StepInvalid) as refused:
        check_passport(text, approval, TODAY, DEFAULT_RULES)
    assert set(fields_of(refused)) >= {
        "document_number",
        "nationality",
        "birth_date",
        "sex",
        "surname",
        "given_names",
        "expiry_date",
    }
    assert "new passport" in str(refused.value)


def test_hyphens_in_names_match_the_mrz_fillers(make_approval: Any) -> None:
    approval = make_approval(1, surname="SMITH-JONES", given_names="MARY ANN")
    check = check_passport(mrz_for(approval, surname="SMITH JONES"), approval, TODAY, DEFAULT_RULES)
    assert check.surname == "SMITH JONES"


def test_expired_and_soon_expiring_passports_are_flagged(make_approval: Any) -> None:
    expired = make_approval(1, passport_expiry=TODAY - timedelta(days=1))
    with pytest.raises(StepInvalid, match=r"expired on 09\.03\.2026") as refused:
        check_passport(mrz_for(expired), expired, TODAY, DEFAULT_RULES)
    assert fields_of(refused) == ["expiry_date"]
    soon = make_approval(2, passport_expiry=TODAY + timedelta(days=179))
    with pytest.raises(StepInvalid, match=r"in 179 days.*at least 180"):
        check_passport(mrz_for(soon), soon, TODAY, DEFAULT_RULES)
    enough = make_approval(3, passport_expiry=TODAY + timedelta(days=180))
    check_passport(mrz_for(enough), enough, TODAY, DEFAULT_RULES)


def test_an_unreadable_mrz_says_why(make_approval: Any) -> None:
    approval = make_approval(1)
    broken = mrz_for(approval)[:-1] + "0"  # wrong composite check digit (or a changed one)
    if broken == mrz_for(approval):
        broken = mrz_for(approval)[:-1] + "1"
    with pytest.raises(StepInvalid, match=r"cannot be read: .*composite") as refused:
        check_passport(broken, approval, TODAY, DEFAULT_RULES)
    assert fields_of(refused) == ["mrz"]


@given(
    number=st.from_regex(r"[A-Z0-9]{1,9}", fullmatch=True),
    birth=st.dates(date(1940, 1, 1), date(2008, 12, 31)),
)
def test_any_passport_made_from_the_case_matches_it(number: str, birth: date) -> None:
    from tests.conftest import _iin
    from workstation.domain.approval import ApprovedArrival

    approval = ApprovedArrival(
        case_id="C",
        approval_number="A",
        approval_date=date(2026, 3, 1),
        recommendation_number="R",
        recommendation_date=date(2026, 2, 1),
        city="Astana",
        iin=_iin(birth, "M", 1),
        surname="DOE",
        given_names="JOHN",
        sex="M",
        birth_date=birth,
        birth_place="X",
        nationality="GBR",
        passport_number=number,
        passport_issuing_state="GBR",
        passport_issue_date=date(2020, 1, 1),
        passport_expiry=date(2032, 1, 1),
    )
    check = check_passport(mrz_for(approval), approval, TODAY, DEFAULT_RULES)
    assert (check.number, check.birth_date) == (number, birth)


# Medical ------------------------------------------------------------------------------------


def exam(**overrides: Any) -> MedicalExam:
    values: dict[str, Any] = {
        "number": "028-77",
        "issued_on": ENTRY,
        "organisation": "Polyclinic 4",
        "doctor": "A. Seitkali",
        "result": MedicalResult.FIT,
    }
    values.update(overrides)
    return MedicalExam(**values)


def test_a_fresh_certificate_after_entry_is_valid() -> None:
    assert medical_problems(exam(), ENTRY, TODAY, DEFAULT_RULES) == []
    assert MedicalExam.from_payload(exam().to_payload()) == exam()


@pytest.mark.parametrize(
    ("issued", "words", "kind"),
    [
        (TODAY + timedelta(days=1), "in the future", "invalid"),
        (ENTRY - timedelta(days=1), "before the entry", "invalid"),
    ],
)
def test_certificate_dates_that_cannot_be_right(issued: date, words: str, kind: str) -> None:
    problems = medical_problems(exam(issued_on=issued), ENTRY, TODAY, DEFAULT_RULES)
    assert [(p.field, p.kind) for p in problems] == [("issued_on", kind)]
    assert words in problems[0].message


def test_a_certificate_older_than_180_days_is_expired() -> None:
    issued = date(2025, 9, 1)
    day_180 = issued + timedelta(days=180)
    assert medical_problems(exam(issued_on=issued), None, day_180, DEFAULT_RULES) == []
    problems = medical_problems(
        exam(issued_on=issued), None, day_180 + timedelta(days=1), DEFAULT_RULES
    )
    assert [(p.field, p.kind) for p in problems] == [("issued_on", "expired")]
    assert "181 days old" in problems[0].message


def test_not_fit_needs_the_doctors_words_and_every_missing_field_is_named() -> None:
    problems = medical_problems(
        exam(number=" ", organisation="", doctor="", result=MedicalResult.NOT_FIT),
        ENTRY,
        TODAY,
        DEFAULT_RULES,
    )
    assert [p.field for p in problems] == ["number", "organisation", "doctor", "remarks"]


# Housing ------------------------------------------------------------------------------------

LANDLORD = make_iin(date(1970, 2, 3), "F", 5)
COMPANY = make_bin(2015, 4, 4, 0, 1234)


def lease(**overrides: Any) -> HousingAgreement:
    values: dict[str, Any] = {
        "kind": HousingKind.LEASE,
        "city": "Astana",
        "street": "Kabanbay Batyr Ave",
        "building": "11",
        "apartment": "42",
        "postcode": "Z05T3E4",
        "number": "L-7",
        "signed_on": ENTRY,
        "valid_from": ENTRY,
        "valid_until": date(2027, 3, 7),
        "landlord_type": LandlordType.INDIVIDUAL,
        "landlord_id": LANDLORD,
        "landlord_name": "AMANOVA DANA",
        "owner_consent_shown": True,
    }
    values.update(overrides)
    return HousingAgreement(**values)


def test_a_lease_in_the_programme_city_is_valid() -> None:
    assert housing_problems(lease(), "Astana", TODAY) == []
    assert housing_problems(lease(postcode="010000"), "astana", TODAY) == []
    company = lease(landlord_type=LandlordType.COMPANY, landlord_id=COMPANY)
    assert housing_problems(company, "Astana", TODAY) == []
    assert HousingAgreement.from_payload(lease().to_payload()) == lease()


def test_own_property_needs_no_landlord_and_no_end() -> None:
    own = lease(
        kind=HousingKind.OWNERSHIP,
        valid_until=None,
        landlord_type=None,
        landlord_id="",
        landlord_name="",
        owner_consent_shown=None,
    )
    assert housing_problems(own, "Astana", TODAY) == []
    assert HousingAgreement.from_payload(own.to_payload()) == own


def test_landlord_numbers_go_through_the_core_parsers() -> None:
    bad_iin = lease(landlord_id=LANDLORD[:-1] + str((int(LANDLORD[-1]) + 1) % 10))
    [problem] = housing_problems(bad_iin, "Astana", TODAY)
    assert problem.field == "landlord_id" and "check digit" in problem.message
    # A BIN is not a person's IIN: digit 5 of this IIN is not an entity type.
    as_company = lease(landlord_type=LandlordType.COMPANY, landlord_id=LANDLORD)
    assert [p.field for p in housing_problems(as_company, "Astana", TODAY)] == ["landlord_id"]


def test_wrong_city_period_and_missing_answers_are_all_named() -> None:
    wrong = lease(
        city="Almaty",
        postcode="12345",
        valid_from=date(2026, 4, 1),
        valid_until=date(2026, 3, 31),
        owner_consent_shown=None,
        street="",
    )
    fields = [p.field for p in housing_problems(wrong, "Astana", TODAY)]
    assert fields == ["city", "street", "postcode", "owner_consent_shown", "valid_until"]


def test_a_lease_must_cover_today() -> None:
    future = lease(valid_from=TODAY + timedelta(days=1))
    assert [p.field for p in housing_problems(future, "Astana", TODAY)] == ["valid_from"]
    ended = lease(
        valid_from=date(2025, 1, 1),
        signed_on=date(2025, 1, 1),
        valid_until=TODAY - timedelta(days=1),
    )
    [problem] = housing_problems(ended, "Astana", TODAY)
    assert (problem.field, problem.kind) == ("valid_until", "expired")


# State duty ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "paid_on", "amount", "ok"),
    [
        (DutyKind.PERMIT, date(2026, 1, 5), "17300", True),
        (DutyKind.PERMIT, date(2026, 1, 5), "17299.99", False),
        (DutyKind.PERMIT, date(2025, 12, 30), "15728", True),  # 4 MCI of 2025
        (DutyKind.CARD, date(2026, 2, 1), "865", True),
        (DutyKind.CARD, date(2026, 2, 1), "786.40", False),  # the 2025 rate, paid in 2026
        (DutyKind.CARD, date(2025, 6, 1), "786,40", True),
    ],
)
def test_the_amount_is_checked_against_the_mci_of_the_payment_year(
    kind: DutyKind, paid_on: date, amount: str, ok: bool
) -> None:
    payment = DutyPayment(kind, "R-1", paid_on, parse_amount(amount))
    problems = duty_problems(payment, TODAY, DEFAULT_RULES)
    assert (problems == []) is ok
    if not ok:
        assert problems[0].field == "amount" and "Underpaid" in problems[0].message


def test_a_year_without_mci_and_a_future_payment_are_refused() -> None:
    old = DutyPayment(DutyKind.PERMIT, "R-1", date(2024, 12, 1), Decimal("20000"))
    [problem] = duty_problems(old, TODAY, DEFAULT_RULES)
    assert problem.field == "paid_on" and "No MCI is configured for 2024" in problem.message
    future = replace(old, paid_on=TODAY + timedelta(days=1))
    assert [p.field for p in duty_problems(future, TODAY, DEFAULT_RULES)] == ["paid_on"]


@pytest.mark.parametrize("text", ["17 300", "17300,00", "17\u00a0300.5", "0865"])
def test_amounts_typed_as_clerks_type_them(text: str) -> None:
    assert parse_amount(text) > 0


@pytest.mark.parametrize("text", ["", "abc", "1.234", "-5", "1e5", "17.300,00"])
def test_amounts_that_are_not_money(text: str) -> None:
    with pytest.raises(StepInvalid) as refused:
        parse_amount(text)
    assert fields_of(refused) == ["amount"]


def test_duty_payload_round_trip() -> None:
    payment = DutyPayment(DutyKind.CARD, "R-9", TODAY, Decimal("865.00"))
    assert payment.to_payload()["amount_kzt"] == "865.00"
    assert DutyPayment.from_payload(payment.to_payload()) == payment


# Documents ----------------------------------------------------------------------------------


def test_the_type_is_judged_by_content_not_name() -> None:
    assert (media_type_of(PDF), media_type_of(PNG), media_type_of(JPEG)) == (
        "application/pdf",
        "image/png",
        "image/jpeg",
    )
    assert check_document("police_clearance", "scan.png", PDF) == "application/pdf"
    with pytest.raises(StepInvalid, match="not a PDF, JPEG or PNG"):
        check_document("police_clearance", "scan.pdf", b"MZ\x90\x00 an exe")
    with pytest.raises(StepInvalid, match="photo must be a JPEG or PNG"):
        check_document("photo", "photo.jpg", PDF)


def test_size_limit_empty_files_and_unknown_kinds() -> None:
    with pytest.raises(StepInvalid, match="at most 1 MB"):
        check_document("passport_copy", "p.pdf", PDF + b"0" * 1048576, max_bytes=1048576)
    check_document("passport_copy", "p.pdf", PDF + b"0" * 100, max_bytes=1048576)
    with pytest.raises(StepInvalid, match="empty"):
        check_document("passport_copy", "p.pdf", b"")
    with pytest.raises(StepInvalid) as refused:
        check_document("diploma", "p.pdf", PDF)
    assert fields_of(refused) == ["kind"]


def test_the_documents_record_follows_attach_and_remove() -> None:
    data = documents_after(
        None, EventType.DOCUMENT_ATTACHED, {"attachment_id": "a1", "kind": "photo"}, "e1"
    )
    data = documents_after(
        data, EventType.DOCUMENT_ATTACHED, {"attachment_id": "a2", "kind": "police_clearance"}, "e2"
    )
    assert present_documents(data) == {DocumentKind.PHOTO, DocumentKind.POLICE_CLEARANCE}
    data = documents_after(data, EventType.DOCUMENT_REMOVED, {"attachment_id": "a1"}, "e3")
    assert present_documents(data) == {DocumentKind.POLICE_CLEARANCE}
    # A malformed pulled payload neither crashes nor counts as a document.
    data = documents_after(data, EventType.DOCUMENT_ATTACHED, {"document": "x"}, "e4")
    assert present_documents(data) == {DocumentKind.POLICE_CLEARANCE}
