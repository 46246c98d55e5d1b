"""Set-up for the submission, review and re-application tests: cases carried to printed and
submitted through the real services, and a migration officer on the same desk."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from tests.conftest import TODAY, MakeApproval
from tests.core.conftest import CaseBook
from workstation.domain.clock import Clock
from workstation.journal.envelope import Actor
from workstation.services.context import DeskContext
from workstation.services.printing import PrintDesk
from workstation.services.review import ReviewDesk
from workstation.services.submission import SubmissionDesk

OFFICER = Actor(
    iin="870203300015", name="TEST OFFICER", role="migration_officer", cert_fingerprint="ef" * 32
)
SUPERVISOR = Actor(
    iin="800101300011", name="TEST SUPERVISOR", role="supervisor", cert_fingerprint="aa" * 32
)
ENTRY = TODAY - timedelta(days=2)


def printed_case(
    book: CaseBook, context: DeskContext, make_approval: MakeApproval, n: int, **kw: object
) -> str:
    """Approved, arrived, every step recorded and the application printed by the clerk."""
    approval = make_approval(n, **kw)
    book.approve(approval)
    book.arrive(approval.case_id, ENTRY)
    book.all_steps(approval.case_id)
    printer = PrintDesk(context)
    printer.record_printed(printer.application(approval.case_id), copies=1, channel="printer")
    return approval.case_id


def submitted_case(
    book: CaseBook, context: DeskContext, make_approval: MakeApproval, n: int, **kw: object
) -> str:
    case_id = printed_case(book, context, make_approval, n, **kw)
    SubmissionDesk(context).submit(case_id)
    return case_id


def officer(
    context: DeskContext, clock: Clock | None = None, city: str | None = "Astana"
) -> ReviewDesk:
    """The migration officer at the same desk (on `clock`, if given)."""
    return ReviewDesk(replace(context, actor=OFFICER, clock=clock or context.clock), city=city)


def day(text: str) -> date:
    return date.fromisoformat(text)
