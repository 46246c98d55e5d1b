"""The migration officer's review: the queue, opening a case, the printed form, the decision.

The queue is the submitted and under-review cases of the officer's region (the desk's
city, as the desk pulls it), soonest due date first, with the working days left before the
3-working-day deadline. Opening a submitted case records `ReviewStarted` once. The decision
(`DecisionRecorded`, signed by the officer) carries the permit number or the refusal with
its reason, explanation and re-application date, and the applicant's notification in
Kazakh, Russian and English with their contact, which central delivers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, func, select

from workstation.domain import lifecycle
from workstation.domain.clock import local_date
from workstation.domain.decision import (
    ISSUED,
    REFUSED,
    Decision,
    decision_payload,
    working_days_left,
)
from workstation.domain.lifecycle import CaseState, EventType
from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.journal.projector import load_approval, load_status
from workstation.security.audit import AuditAction
from workstation.security.roles import Action
from workstation.services.context import Changes, DeskContext
from workstation.services.desk import CaseDetail, CaseNotFound, Desk
from workstation.services.printing import (
    NotReadyToPrint,
    PrintDesk,
    PrintedDocument,
    PrintedFormChanged,
    _last_print,
)
from workstation.store.models import cases

PAGE_SIZE = 100
REVIEW_STATES = (str(CaseState.SUBMITTED), str(CaseState.UNDER_REVIEW))


@dataclass(frozen=True)
class ReviewRow:
    """One case in the officer's queue."""

    case_id: str
    surname: str
    given_names: str
    iin: str
    passport_number: str
    nationality: str
    city: str
    state: CaseState
    submitted_on: date | None
    due_date: date
    working_days_left: int  # 0 on the due date; negative once overdue

    @property
    def overdue(self) -> bool:
        return self.working_days_left < 0


@dataclass(frozen=True)
class ReviewPage:
    rows: tuple[ReviewRow, ...]
    more: bool
    after: tuple[date, str] | None  # keyset cursor (due date, case id) for the next page


@dataclass(frozen=True)
class OpenedCase:
    """A case opened for review: everything recorded, and what opening it recorded."""

    detail: CaseDetail
    changes: Changes  # empty unless ReviewStarted was recorded now


class ReviewDesk:
    """The migration officer's use cases in one desk context (on the background runner)."""

    def __init__(self, context: DeskContext, *, city: str | None) -> None:
        self.context = context
        self.city = city  # None: every city this desk holds (single-desk set-ups)

    # The queue -----------------------------------------------------------------------------

    def queue_page(
        self, after: tuple[date, str] | None = None, limit: int = PAGE_SIZE
    ) -> ReviewPage:
        """One page of the queue in due-date order (index ix_cases_state_due)."""
        self.context.require(Action.REVIEW_APPLICATION)
        today = self.context.today()
        query = (
            select(
                cases.c.case_id,
                cases.c.surname,
                cases.c.given_names,
                cases.c.iin,
                cases.c.passport_number,
                cases.c.nationality,
                cases.c.city,
                cases.c.state,
                cases.c.submitted_on,
                cases.c.due_date,
            )
            .where(self._in_queue())
            .order_by(cases.c.due_date, cases.c.case_id)
            .limit(limit + 1)
        )
        if after is not None:
            query = query.where(
                (cases.c.due_date > after[0])
                | ((cases.c.due_date == after[0]) & (cases.c.case_id > after[1]))
            )
        with self.context.store.reading() as conn:
            found = conn.execute(query).all()
        rows = tuple(
            ReviewRow(
                case_id=r.case_id,
                surname=r.surname,
                given_names=r.given_names,
                iin=r.iin,
                passport_number=r.passport_number,
                nationality=r.nationality,
                city=r.city,
                state=CaseState(r.state),
                submitted_on=r.submitted_on,
                due_date=r.due_date,
                working_days_left=working_days_left(today, r.due_date, self.context.calendar),
            )
            for r in found[:limit]
        )
        more = len(found) > limit
        return ReviewPage(rows, more, (rows[-1].due_date, rows[-1].case_id) if more else None)

    def queue_count(self) -> int:
        self.context.require(Action.REVIEW_APPLICATION)
        with self.context.store.reading() as conn:
            return int(
                conn.execute(
                    select(func.count()).select_from(cases).where(self._in_queue())
                ).scalar_one()
            )

    def _in_queue(self) -> Any:
        # A submitted case always has a due date (the projection falls back to computing it).
        condition = cases.c.state.in_(REVIEW_STATES) & cases.c.due_date.is_not(None)
        if self.city:
            condition = condition & (cases.c.city == self.city)
        return condition

    # Opening a case ------------------------------------------------------------------------

    def open_case(self, case_id: str) -> OpenedCase:
        """The case with everything recorded; a submitted case is marked under review
        (`ReviewStarted`, once: a case already under review records nothing)."""
        self.context.require(Action.REVIEW_APPLICATION)
        changes = Changes()
        with self.context.store.transaction() as conn:
            status = load_status(conn, case_id)
            if status is None:
                raise CaseNotFound(case_id)
            if status.state is CaseState.SUBMITTED:
                changes = self.context.record_event(
                    conn,
                    case_id,
                    EventType.REVIEW_STARTED,
                    {"started_on": self.context.today().isoformat()},
                )
        return OpenedCase(Desk(self.context).case_detail(case_id), changes)

    # The decision --------------------------------------------------------------------------

    def decide(self, case_id: str, decision: Decision) -> Changes:
        """Record the officer's decision. DecisionInvalid for a refusal without a reason or
        explanation; TransitionRefused when the case is not waiting for a decision."""
        self.context.require(Action.DECIDE_APPLICATION)
        today = self.context.today()
        with self.context.store.transaction() as conn:
            status = load_status(conn, case_id)
            if status is None:
                raise CaseNotFound(case_id)
            lifecycle.record_decision(status, ISSUED if decision.issue else REFUSED)
            payload = decision_payload(
                decision,
                load_approval(conn, case_id),
                today,
                reapply_lock_years=self.context.rules.reapply_lock_years,
            )
            return self.context.record_event(conn, case_id, EventType.DECISION_RECORDED, payload)

    # The printed application ---------------------------------------------------------------

    def prints(self) -> ReviewPrints:
        """The print preview's service for the officer: the application as it was printed."""
        return ReviewPrints(self.context)


class ReviewPrints(PrintDesk):
    """The submitted application exactly as the clerk printed it (same day, same clerk,
    same digest), for the officer's review. Viewing is audited (`view_document`); a copy
    the officer prints is audited as printed, and is no case event (the case does not
    change)."""

    def application(self, case_id: str) -> PrintedDocument:
        self.context.require(Action.REVIEW_APPLICATION)
        with self.context.store.reading() as conn:
            document = self._as_printed(conn, case_id)
        if self.context.audit is not None:
            self.context.audit.record(
                AuditAction.VIEW_DOCUMENT,
                self.context.actor,
                case_id,
                {"document": "application", "digest": document.digest},
            )
        return document

    def receipt(self, case_id: str) -> PrintedDocument:
        self.context.require(Action.REVIEW_APPLICATION)
        return super().receipt(case_id)

    def record_printed(self, document: PrintedDocument, *, copies: int, channel: str) -> Changes:
        self.context.require(Action.PRINT_APPLICATION)
        if self.context.audit is not None:
            self.context.audit.printed(
                self.context.actor,
                document.case_id,
                document.kind,
                copies=copies,
                details={"channel": channel, "digest": document.digest, "review_copy": True},
            )
        return Changes()

    def _as_printed(self, conn: Connection, case_id: str) -> PrintedDocument:
        status = load_status(conn, case_id)
        if status is None:
            raise CaseNotFound(case_id)
        printed = _last_print(conn, case_id)
        if printed is None:
            raise NotReadyToPrint(
                QT_TRANSLATE_NOOP(
                    "review",
                    "No printed application is recorded for this case on this desk: "
                    "the case {state}.",
                ).format(state=lifecycle.describe_state(status.state))
            )
        data = self._application_data(
            conn,
            case_id,
            local_date(printed.recorded_at),
            printed.clerk_name,
            check_ready=False,
        )
        from workstation.documents import submission_digest  # reportlab: on use, not at start

        if submission_digest(data) != printed.digest:
            raise PrintedFormChanged(
                QT_TRANSLATE_NOOP(
                    "review",
                    "The case's data differs from the application printed on {date}: "
                    "ask the service center.",
                ).format(date=f"{local_date(printed.recorded_at):%d.%m.%Y}")
            )
        from workstation.documents import render_application  # reportlab: on use, not at start

        return PrintedDocument(
            case_id, "application", render_application(data), printed.digest, printed.clerk_name
        )


__all__ = ["OpenedCase", "ReviewDesk", "ReviewPage", "ReviewPrints", "ReviewRow"]
