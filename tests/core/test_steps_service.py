"""The step use cases: one transaction each, every problem at once, nothing written on refusal."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from workstation.domain.checklist import Step, StepStatus
from workstation.domain.lifecycle import CaseState, EventType, TransitionRefused
from workstation.domain.mrz import make_td3
from workstation.domain.steps import (
    DocumentKind,
    DutyKind,
    HousingAgreement,
    HousingKind,
    LandlordType,
    MedicalExam,
    MedicalResult,
    StepInvalid,
)
from workstation.journal.projector import rebuild_projections
from workstation.services.desk import Desk
from workstation.services.steps import CaseSteps, DocumentNotFound
from workstation.store.local import LocalStore
from workstation.store.models import attachments, case_steps, cases, journal

from .conftest import LANDLORD_IIN, CaseBook

TODAY = date(2026, 3, 10)
ENTRY = date(2026, 3, 8)
PDF = b"%PDF-1.4\n%scan\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def journal_count(store: LocalStore) -> int:
    with store.reading() as conn:
        return int(conn.execute(select(func.count()).select_from(journal)).scalar_one())


@pytest.fixture
def approval(book: CaseBook, make_approval: Any) -> Any:
    approval = make_approval(1, approval_date=date(2026, 3, 1))
    book.approve(approval)
    return approval


@pytest.fixture
def steps(desk: Desk) -> CaseSteps:
    return CaseSteps(desk.context, max_document_bytes=1024)


@pytest.fixture
def arrived(desk: Desk, approval: Any) -> str:
    desk.record_arrival(approval.case_id, ENTRY, "Astana airport")
    return str(approval.case_id)


def mrz(approval: Any, **overrides: Any) -> str:
    values: dict[str, Any] = {
        "surname": approval.surname,
        "given_names": approval.given_names,
        "document_number": approval.passport_number,
        "nationality": approval.nationality,
        "birth_date": approval.birth_date,
        "sex": approval.sex,
        "expiry_date": approval.passport_expiry,
    }
    values.update(overrides)
    return make_td3(**values)


EXAM = MedicalExam("028-5", ENTRY, "Polyclinic 4", "A. Seitkali", MedicalResult.FIT)
LEASE = HousingAgreement(
    kind=HousingKind.LEASE,
    city="Astana",
    street="Mangilik El",
    building="8",
    apartment="3",
    postcode="010000",
    number="L-9",
    signed_on=ENTRY,
    valid_from=ENTRY,
    valid_until=date(2027, 3, 1),
    landlord_type=LandlordType.INDIVIDUAL,
    landlord_id=LANDLORD_IIN,
    landlord_name="SERIKOV ARMAN",
    owner_consent_shown=False,
)


def test_steps_wait_for_the_arrival(steps: CaseSteps, approval: Any, desk: Desk) -> None:
    before = journal_count(desk.context.store)
    with pytest.raises(TransitionRefused, match="arrival first"):
        steps.record_medical_exam(approval.case_id, EXAM)
    assert journal_count(desk.context.store) == before


def test_the_passport_check_is_recorded_or_refused_with_every_mismatch(
    steps: CaseSteps, arrived: str, approval: Any, desk: Desk
) -> None:
    before = journal_count(desk.context.store)
    with pytest.raises(StepInvalid) as refused:
        steps.check_passport(arrived, mrz(approval, document_number="XX1", sex="M"))
    assert [p.field for p in refused.value.problems] == ["document_number", "sex"]
    assert journal_count(desk.context.store) == before
    changes = steps.check_passport(arrived, mrz(approval))
    assert changes.case_ids == {arrived} and changes.state is CaseState.ARRIVED
    detail = desk.case_detail(arrived)
    assert detail.steps[Step.PASSPORT].data["number"] == approval.passport_number
    assert {i.step: i.status for i in detail.checklist}[Step.PASSPORT] is StepStatus.RECORDED


def test_medical_exam_rules_run_against_the_entry_date(
    steps: CaseSteps, arrived: str, desk: Desk
) -> None:
    with pytest.raises(StepInvalid) as refused:
        steps.record_medical_exam(
            arrived, EXAM.__class__("", ENTRY - timedelta(days=1), "", "", MedicalResult.FIT)
        )
    assert [p.field for p in refused.value.problems] == [
        "number",
        "organisation",
        "doctor",
        "issued_on",
    ]
    steps.record_medical_exam(arrived, EXAM)
    assert desk.case_detail(arrived).steps[Step.MEDICAL].data["result"] == "fit"


def test_a_correction_supersedes_and_the_history_keeps_every_version(
    steps: CaseSteps, arrived: str, desk: Desk
) -> None:
    first = steps.record_medical_exam(arrived, EXAM)
    second = steps.record_medical_exam(
        arrived,
        EXAM.__class__(
            "028-6", ENTRY, "Polyclinic 4", "A. Seitkali", MedicalResult.NOT_FIT, "Active TB"
        ),
    )
    history = steps.step_history(arrived, Step.MEDICAL)
    assert [v.event_id for v in history] == [first.event_ids[0], second.event_ids[0]]
    assert [v.current for v in history] == [False, True]
    assert (
        history[0].payload["number"] == "028-5" and history[1].actor_iin == desk.context.actor.iin
    )
    item = {i.step: i for i in desk.case_detail(arrived).checklist}[Step.MEDICAL]
    assert item.status is StepStatus.INVALID and "blocks the submission" in item.note
    assert desk.case_detail(arrived).steps[Step.MEDICAL].versions == 2


def test_housing_is_checked_against_the_programme_city(
    steps: CaseSteps, arrived: str, desk: Desk
) -> None:
    from dataclasses import replace

    with pytest.raises(StepInvalid) as refused:
        steps.record_housing(arrived, replace(LEASE, city="Almaty", landlord_id="123"))
    assert [p.field for p in refused.value.problems] == ["city", "landlord_id"]
    steps.record_housing(arrived, LEASE)
    data = desk.case_detail(arrived).steps[Step.HOUSING].data
    assert (data["city"], data["owner_consent_shown"]) == ("Astana", False)


def test_duty_catches_an_underpayment_and_a_typed_amount(
    steps: CaseSteps, arrived: str, desk: Desk
) -> None:
    with pytest.raises(StepInvalid, match=r"Underpaid: 15728\.00 KZT paid, 17300\.00 KZT due"):
        steps.record_duty(arrived, DutyKind.PERMIT, "R-1", date(2026, 3, 9), "15 728")
    with pytest.raises(StepInvalid) as refused:
        steps.record_duty(arrived, DutyKind.CARD, " ", TODAY, "eight hundred")
    assert [p.field for p in refused.value.problems] == ["amount", "receipt_number"]
    steps.record_duty(arrived, DutyKind.PERMIT, "R-1", date(2026, 3, 9), "17 300")
    steps.record_duty(arrived, DutyKind.CARD, "R-2", date(2026, 3, 9), "865,00")
    detail = desk.case_detail(arrived)
    assert detail.steps[Step.DUTY_PERMIT].data["amount_kzt"] == "17300.00"
    assert detail.steps[Step.DUTY_CARD].data["amount_kzt"] == "865.00"


def test_documents_are_kept_in_the_store_and_removal_is_an_event(
    steps: CaseSteps, arrived: str, desk: Desk
) -> None:
    added = steps.attach_document(arrived, "police_clearance", "clearance.jpg", PDF)
    [document] = steps.documents(arrived)
    assert (document.kind, document.media_type, document.size) == (
        DocumentKind.POLICE_CLEARANCE,
        "application/pdf",
        len(PDF),
    )
    assert steps.document_content(document.attachment_id) == (document, PDF)
    with pytest.raises(StepInvalid, match=r"at most 0 MB|is 0\.0 MB"):
        steps.attach_document(arrived, "photo", "big.png", PNG + b"0" * 2048)
    with pytest.raises(StepInvalid, match="not a PDF, JPEG or PNG"):
        steps.attach_document(arrived, "photo", "photo.png", b"GIF89a....")
    removed = steps.remove_document(arrived, document.attachment_id)
    assert steps.documents(arrived) == []
    assert steps.documents(arrived, include_removed=True)[0].removed
    with pytest.raises(TransitionRefused, match="already been removed"):
        steps.remove_document(arrived, document.attachment_id)
    with pytest.raises(DocumentNotFound):
        steps.remove_document(arrived, "nope")
    history = steps.step_history(arrived, Step.DOCUMENTS)
    assert [v.type for v in history] == [EventType.DOCUMENT_ATTACHED, EventType.DOCUMENT_REMOVED]
    assert [v.event_id for v in history] == [added.event_ids[0], removed.event_ids[0]]
    with desk.context.store.reading() as conn:
        row = conn.execute(select(attachments)).one()
    assert row.removed_event_id == removed.event_ids[0]


def test_the_whole_desk_takes_a_case_to_ready_to_print(
    steps: CaseSteps, arrived: str, approval: Any, desk: Desk, store: LocalStore, rules: Any
) -> None:
    steps.check_passport(arrived, mrz(approval))
    steps.record_medical_exam(arrived, EXAM)
    with store.transaction() as conn:  # fingerprints are another form's work
        desk.context.record_event(conn, arrived, EventType.FINGERPRINTS_CAPTURED, {"fingers": 10})
    steps.record_housing(arrived, LEASE)
    steps.record_duty(arrived, DutyKind.PERMIT, "R-1", TODAY, "17300")
    last = steps.record_duty(arrived, DutyKind.CARD, "R-2", TODAY, "865")
    assert last.state is CaseState.ARRIVED  # documents still missing
    for kind in DocumentKind:
        content = PNG if kind is DocumentKind.PHOTO else PDF
        last = steps.attach_document(arrived, str(kind), f"{kind}.bin", content)
    assert last.state is CaseState.STEPS_RECORDED
    detail = desk.case_detail(arrived)
    assert all(item.passes for item in detail.checklist)
    # Removing a required document takes the case back to "arrived".
    photo = next(d for d in steps.documents(arrived) if d.kind is DocumentKind.PHOTO)
    assert steps.remove_document(arrived, photo.attachment_id).state is CaseState.ARRIVED
    # The projections rebuild to the same rows, documents list included.
    with store.reading() as conn:
        before = (conn.execute(select(cases)).all(), conn.execute(select(case_steps)).all())
    with store.transaction() as conn:
        rebuild_projections(conn, rules)
    with store.reading() as conn:
        after = (conn.execute(select(cases)).all(), conn.execute(select(case_steps)).all())
    assert before == after
