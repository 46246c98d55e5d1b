"""The checklist judges each step's current record against the case on a given day."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from workstation.domain.checklist import (
    ChecklistItem,
    Step,
    StepStatus,
    evaluate,
    is_complete,
    step_data,
)
from workstation.domain.lifecycle import EventType
from workstation.domain.programme import DEFAULT_RULES
from workstation.domain.steps import DocumentKind, documents_after

from .conftest import CaseBook

TODAY = date(2026, 3, 10)
ENTRY = date(2026, 3, 8)


def complete_records(book: CaseBook, case_id: str, day: date) -> dict[Step, dict[str, Any]]:
    records: dict[Step, dict[str, Any]] = {Step.ARRIVAL: {"entry_date": ENTRY.isoformat()}}
    for n, (event_type, payload) in enumerate(book.step_events(case_id, day)):
        from workstation.domain.checklist import step_of

        step = step_of(event_type, payload)
        assert step is not None
        records[step] = step_data(step, records.get(step), event_type, payload, f"e{n}")
    return records


def by_step(items: tuple[ChecklistItem, ...]) -> dict[Step, ChecklistItem]:
    return {item.step: item for item in items}


def test_nothing_recorded_is_all_missing_and_names_the_documents(make_approval: Any) -> None:
    items = evaluate({}, make_approval(1), None, TODAY, DEFAULT_RULES)
    assert [i.step for i in items] == list(Step)
    assert {i.status for i in items} == {StepStatus.MISSING}
    assert "Police clearance" in by_step(items)[Step.DOCUMENTS].note
    assert not is_complete(items)


def test_every_step_valid_is_complete(book: CaseBook, make_approval: Any) -> None:
    approval = make_approval(1)
    book.approve(approval)
    records = complete_records(book, approval.case_id, ENTRY)
    items = evaluate(records, approval, ENTRY, TODAY, DEFAULT_RULES)
    assert all(i.status is StepStatus.RECORDED for i in items), items
    assert is_complete(items)


def test_time_runs_out_on_a_certificate_and_a_lease(book: CaseBook, make_approval: Any) -> None:
    approval = make_approval(1, passport_expiry=date(2027, 6, 1))
    book.approve(approval)
    records = complete_records(book, approval.case_id, ENTRY)
    later = ENTRY + timedelta(days=181)
    items = by_step(evaluate(records, approval, ENTRY, later, DEFAULT_RULES))
    assert items[Step.MEDICAL].status is StepStatus.EXPIRED
    assert "181 days old" in items[Step.MEDICAL].note
    assert items[Step.HOUSING].status is StepStatus.RECORDED
    much_later = ENTRY + timedelta(days=366)
    items = by_step(evaluate(records, approval, ENTRY, much_later, DEFAULT_RULES))
    assert items[Step.HOUSING].status is StepStatus.EXPIRED
    # The passport now has fewer than 180 days left.
    assert items[Step.PASSPORT].status is StepStatus.EXPIRED
    assert not is_complete(tuple(items.values()))


def test_not_fit_fails_and_says_it_blocks_submission(book: CaseBook, make_approval: Any) -> None:
    approval = make_approval(1)
    book.approve(approval)
    records = complete_records(book, approval.case_id, ENTRY)
    records[Step.MEDICAL] = {**records[Step.MEDICAL], "result": "not_fit", "remarks": "TB"}
    item = by_step(evaluate(records, approval, ENTRY, TODAY, DEFAULT_RULES))[Step.MEDICAL]
    assert item.status is StepStatus.INVALID and not item.passes
    assert "blocks the submission" in item.note


def test_a_corrected_entry_date_invalidates_an_earlier_certificate(
    book: CaseBook, make_approval: Any
) -> None:
    approval = make_approval(1)
    book.approve(approval)
    records = complete_records(book, approval.case_id, ENTRY)
    item = by_step(evaluate(records, approval, ENTRY + timedelta(days=1), TODAY, DEFAULT_RULES))
    assert item[Step.MEDICAL].status is StepStatus.INVALID
    assert "before the entry" in item[Step.MEDICAL].note


def test_a_malformed_record_is_invalid_not_a_crash(make_approval: Any) -> None:
    records: dict[Step, dict[str, Any]] = {
        Step.PASSPORT: {},
        Step.HOUSING: {"kind": "castle"},
        Step.DUTY_PERMIT: {"kind": "permit", "amount_kzt": "lots"},
    }
    items = by_step(evaluate(records, make_approval(1), ENTRY, TODAY, DEFAULT_RULES))
    for step in records:
        assert items[step].status is StepStatus.INVALID
        assert "Record the step again" in items[step].note


def test_an_underpaid_duty_after_a_rate_change_is_invalid(
    book: CaseBook, make_approval: Any
) -> None:
    approval = make_approval(1)
    book.approve(approval)
    records = complete_records(book, approval.case_id, ENTRY)
    records[Step.DUTY_CARD] = {**records[Step.DUTY_CARD], "amount_kzt": "786.40"}
    item = by_step(evaluate(records, approval, ENTRY, TODAY, DEFAULT_RULES))[Step.DUTY_CARD]
    assert item.status is StepStatus.INVALID and "Underpaid" in item.note


def test_documents_pass_only_when_every_required_one_is_present(make_approval: Any) -> None:
    data: dict[str, Any] | None = None
    kinds = list(DocumentKind)
    for n, kind in enumerate(kinds):
        data = documents_after(
            data, EventType.DOCUMENT_ATTACHED, {"attachment_id": f"a{n}", "kind": kind}, f"e{n}"
        )
    approval = make_approval(1)
    assert by_step(evaluate({Step.DOCUMENTS: data or {}}, approval, ENTRY, TODAY, DEFAULT_RULES))[
        Step.DOCUMENTS
    ].passes
    data = documents_after(data, EventType.DOCUMENT_REMOVED, {"attachment_id": "a4"}, "e9")
    item = by_step(evaluate({Step.DOCUMENTS: data}, approval, ENTRY, TODAY, DEFAULT_RULES))[
        Step.DOCUMENTS
    ]
    assert item.status is StepStatus.MISSING and item.note == "Missing: Photo 35x45 mm."


def test_fingerprints_not_required_under_16_but_recorded_if_taken(make_approval: Any) -> None:
    child = make_approval(1, birth_date=date(2012, 6, 1))
    items = by_step(evaluate({}, child, ENTRY, TODAY, DEFAULT_RULES))
    assert items[Step.FINGERPRINTS].status is StepStatus.NOT_REQUIRED
    items = by_step(
        evaluate({Step.FINGERPRINTS: {"fingers": 10}}, child, ENTRY, TODAY, DEFAULT_RULES)
    )
    assert items[Step.FINGERPRINTS].status is StepStatus.RECORDED
