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
from workstation.services.review import ReviewDesk
from workstation.services.stages import CaseSamples, Stage, take_case_to

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
    take_case_to(context, approval.case_id, Stage.PRINTED, CaseSamples(approval, ENTRY))
    return approval.case_id


def submitted_case(
    book: CaseBook, context: DeskContext, make_approval: MakeApproval, n: int, **kw: object
) -> str:
    """Printed (as `printed_case`) and submitted to the migration service."""
    approval = make_approval(n, **kw)
    book.approve(approval)
    take_case_to(context, approval.case_id, Stage.SUBMITTED, CaseSamples(approval, ENTRY))
    return approval.case_id


def officer(
    context: DeskContext, clock: Clock | None = None, city: str | None = "Astana"
) -> ReviewDesk:
    """The migration officer at the same desk (on `clock`, if given)."""
    return ReviewDesk(replace(context, actor=OFFICER, clock=clock or context.clock), city=city)


def day(text: str) -> date:
    return date.fromisoformat(text)
