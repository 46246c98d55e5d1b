"""Printing a case: the form is built from the recorded steps, the checklist is judged again
at print time, printing is an event, and the receipt belongs to the form that was printed."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from tests.conftest import TODAY, MakeApproval
from tests.core.conftest import CLERK, WORKSTATION, CaseBook
from workstation.domain.clock import FixedClock
from workstation.domain.lifecycle import CaseState, EventType
from workstation.journal.envelope import Actor
from workstation.security.roles import NotPermitted
from workstation.services.context import DeskContext
from workstation.services.desk import CaseNotFound
from workstation.services.printing import (
    NotReadyToPrint,
    PrintDesk,
    PrintedFormChanged,
    citizenship,
    fingerprints_statement,
)
from workstation.store.local import LocalStore
from workstation.store.models import cases, journal

ENTRY = TODAY - timedelta(days=2)


@pytest.fixture
def printer(context: DeskContext) -> PrintDesk:
    return PrintDesk(context)


def ready_case(book: CaseBook, make_approval: MakeApproval, n: int = 1, **kw: Any) -> str:
    approval = make_approval(n, **kw)
    book.approve(approval)
    book.arrive(approval.case_id, ENTRY)
    book.all_steps(approval.case_id)
    return approval.case_id


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def state_of(store: LocalStore, case_id: str) -> str:
    with store.reading() as conn:
        return str(conn.execute(select(cases.c.state).where(cases.c.case_id == case_id)).scalar())


def test_the_form_carries_the_case_as_recorded(
    printer: PrintDesk, book: CaseBook, make_approval: MakeApproval
) -> None:
    case_id = ready_case(
        book, make_approval, surname="MÜLLER-LÜDENSCHEIDT", nationality="DEU",
        surname_cyr="МЮЛЛЕР", given_names_cyr="АННА",
    )  # fmt: skip
    document = printer.application(case_id)
    text = " ".join(pdf_text(document.pdf).split())
    approval = make_approval(1)
    for value in (
        case_id,
        "MÜLLER-LÜDENSCHEIDT",
        "МЮЛЛЕР АННА",
        approval.iin,
        approval.passport_number,
        "Германия (DEU)",
        "10.03.2026",  # the day it is printed
        approval.approval_number,
        approval.recommendation_number,
        "Kabanbay Batyr Ave",  # the values services.stages.CaseSamples records
        "ASTANA RENT LLP",
        "028/u-55120",
        "City polyclinic No. 9",
        "KASPI-0091-2231",
        "KASPI-0091-2232",
        "ЦОН г. Астана",
        CLERK.name,
    ):
        assert value in text, value
    assert document.suggested_file_name == f"{case_id}-application.pdf"


def test_a_case_with_a_missing_step_is_not_printed_and_says_which(
    printer: PrintDesk, book: CaseBook, make_approval: MakeApproval
) -> None:
    approval = make_approval(2)
    book.approve(approval)
    book.arrive(approval.case_id, ENTRY)
    with pytest.raises(NotReadyToPrint) as refused:
        printer.application(approval.case_id)
    assert "arrived" not in refused.value.message  # says what to do, not the state name
    assert any(reason.startswith("Passport") for reason in refused.value.reasons)
    assert any("Medical" in reason for reason in refused.value.reasons)


def test_a_certificate_that_lapsed_since_it_was_recorded_blocks_printing(
    store: LocalStore,
    context: DeskContext,
    book: CaseBook,
    make_approval: MakeApproval,
) -> None:
    case_id = ready_case(book, make_approval, 3)
    later = FixedClock(book.clock.now() + timedelta(days=400))  # lease and certificate lapsed
    printer = PrintDesk(replace(context, clock=later))
    with pytest.raises(NotReadyToPrint) as refused:
        printer.application(case_id)
    assert refused.value.reasons
    assert state_of(store, case_id) == CaseState.STEPS_RECORDED  # nothing written


def test_an_unknown_case_is_named(printer: PrintDesk) -> None:
    with pytest.raises(CaseNotFound):
        printer.application("DNR-AST-26-9999999")


def test_printing_is_recorded_with_who_and_when_and_reprints_too(
    store: LocalStore, printer: PrintDesk, book: CaseBook, make_approval: MakeApproval
) -> None:
    case_id = ready_case(book, make_approval, 4)
    document = printer.application(case_id)
    changes = printer.record_printed(document, copies=1, channel="printer")
    assert changes.state is CaseState.PRINTED
    again = printer.application(case_id)
    assert again.digest == document.digest  # same data, same form
    printer.record_printed(again, copies=2, channel="pdf")
    with store.reading() as conn:
        rows = conn.execute(
            select(journal.c.payload, journal.c.actor_iin, journal.c.recorded_at)
            .where(journal.c.type == str(EventType.APPLICATION_PRINTED))
            .order_by(journal.c.local_seq)
        ).all()
    payloads = [json.loads(r.payload) for r in rows]
    assert [p["reprint"] for p in payloads] == [False, True]
    assert [p["channel"] for p in payloads] == ["printer", "pdf"]
    assert payloads[1]["copies"] == 2
    assert all(r.actor_iin == CLERK.iin and r.recorded_at for r in rows)
    assert payloads[0]["digest"] == document.digest
    assert state_of(store, case_id) == CaseState.PRINTED


def test_a_form_changed_while_the_preview_was_open_is_not_recorded_as_printed(
    store: LocalStore, printer: PrintDesk, book: CaseBook, make_approval: MakeApproval
) -> None:
    case_id = ready_case(book, make_approval, 5)
    preview = printer.application(case_id)
    events = dict(book.step_events(case_id, TODAY))
    medical = dict(events[EventType.MEDICAL_EXAM_RECORDED], number="028-2")
    book.local(case_id, EventType.MEDICAL_EXAM_RECORDED, medical)
    with pytest.raises(PrintedFormChanged):
        printer.record_printed(preview, copies=1, channel="printer")
    assert state_of(store, case_id) == CaseState.STEPS_RECORDED


def test_the_receipt_matches_the_printed_form_and_gives_the_decision_date(
    context: DeskContext,
    printer: PrintDesk,
    book: CaseBook,
    make_approval: MakeApproval,
) -> None:
    case_id = ready_case(book, make_approval, 6)
    with pytest.raises(NotReadyToPrint):
        printer.receipt(case_id)
    document = printer.application(case_id)
    printer.record_printed(document, copies=1, channel="printer")
    # Printed the next day: the receipt still carries the form of the day it was printed.
    next_day = FixedClock(book.clock.now() + timedelta(days=1))
    later = PrintDesk(replace(context, clock=next_day))
    receipt = later.receipt(case_id)
    assert receipt.digest == document.digest
    text = " ".join(pdf_text(receipt.pdf).split())
    # Tuesday 10 March 2026 + 3 working days = Friday 13 March.
    assert "13.03.2026" in text
    assert case_id in text


def test_the_decision_date_skips_weekends_and_holidays(
    printer: PrintDesk, book: CaseBook, make_approval: MakeApproval
) -> None:
    from datetime import UTC, datetime

    case_id = ready_case(book, make_approval, 7)
    document = printer.application(case_id)
    data_day = date(2026, 3, 20)  # Friday; 21-25 March are Nauryz holidays and a weekend
    receipt = printer.receipt_data(
        _data(printer, case_id, document), datetime(2026, 3, 20, 9, 0, tzinfo=UTC)
    )
    assert receipt.submitted_at.date() == data_day
    assert receipt.decision_due == date(2026, 3, 30)


def _data(printer: PrintDesk, case_id: str, document: Any) -> Any:
    with printer.context.store.reading() as conn:
        return printer._application_data(conn, case_id, TODAY, document.clerk_name)


def test_a_supervisor_may_not_print(
    context: DeskContext, book: CaseBook, make_approval: MakeApproval
) -> None:
    case_id = ready_case(book, make_approval, 8)
    supervisor = Actor(iin="870707400011", name="SUPERVISOR", role="supervisor")
    printer = PrintDesk(replace(context, actor=supervisor))
    with pytest.raises(NotPermitted):
        printer.application(case_id)


def test_country_names_and_fingerprint_statements() -> None:
    assert citizenship("deu") == "Германия (DEU)"
    assert citizenship("RUS") == "Российская Федерация (RUS)"
    assert citizenship("XXQ") == "XXQ"
    assert fingerprints_statement(None) is None
    fingers = [
        {"position": "right_thumb", "sha256": "ab", "captured_at": "2026-03-09T20:00:00.000000Z"},
        {"position": "left_thumb", "exception": {"reason": "amputated"}},
    ]
    statement = fingerprints_statement({"fingers": fingers})
    assert statement is not None
    assert "1 пальцев (10.03.2026)" in statement  # 01:00 in Astana on the 10th
    assert "1 пальцев не снято" in statement


def test_printing_the_application_and_the_receipt_goes_to_the_audit_trail(
    store: LocalStore, context: DeskContext, fixed_clock: FixedClock,
    book: CaseBook, make_approval: MakeApproval,
) -> None:  # fmt: skip
    from workstation.security.audit import AuditAction
    from workstation.services.audit import AuditLog

    audit = AuditLog(store, workstation_id=WORKSTATION, clock=fixed_clock)
    printer = PrintDesk(replace(context, audit=audit))
    case_id = ready_case(book, make_approval, 9)
    printer.record_printed(printer.application(case_id), copies=2, channel="printer")
    printer.record_receipt_printed(printer.receipt(case_id), copies=1, channel="printer")
    entries = [e for e in audit.newest(10) if e.action is AuditAction.PRINT]
    assert sorted(e.details["document"] for e in entries) == ["application", "receipt"]
    assert all(e.subject == case_id and e.actor_iin == CLERK.iin for e in entries)
    assert audit.verify().ok
