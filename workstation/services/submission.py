"""The clerk submits a printed application to the migration service (issue 9, part 1).

Submitting is the `ApplicationSubmitted` event, signed by the clerk like every event the
desk makes. It carries the submission day and the day the migration service must decide
by: that day plus the programme's verification period in working days (3 by default),
counted on the Kazakhstan working calendar (holidays, transferred days off, working
weekend days). The projection keeps both on the case, so the officer's queue sorts by it.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection

from workstation.domain import checklist as checklist_rules
from workstation.domain import lifecycle
from workstation.domain.decision import decision_due
from workstation.domain.lifecycle import CaseStatus, EventType, TransitionRefused
from workstation.domain.steps import joined
from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.journal.projector import load_approval, load_status, recorded_steps
from workstation.security.roles import Action
from workstation.services.context import Changes, DeskContext
from workstation.services.desk import CaseNotFound
from workstation.services.printing import _last_print, checklist_reason


class NotReadyToSubmit(TransitionRefused):
    """The case cannot be submitted now; `reasons` are the lines to show the clerk."""

    def __init__(self, message: str, reasons: tuple[str, ...] = ()) -> None:
        super().__init__(joined([message, *reasons], context="submission"))
        self.message = message
        self.reasons = reasons


class SubmissionDesk:
    """The clerk's submission use case in one desk context (runs on the background runner)."""

    def __init__(self, context: DeskContext) -> None:
        self.context = context

    def due_date(self, submitted_on: date) -> date:
        """The day the migration service must decide by, for a submission on `submitted_on`."""
        return decision_due(
            submitted_on, self.context.rules.verification_working_days, self.context.calendar
        )

    def submit(self, case_id: str) -> Changes:
        """Submit the printed application of `case_id`; TransitionRefused (or NotReadyToSubmit)
        with the reason when it cannot be submitted, and then nothing is written."""
        self.context.require(Action.SUBMIT_APPLICATION)
        today = self.context.today()
        with self.context.store.transaction() as conn:
            status = load_status(conn, case_id)
            if status is None:
                raise CaseNotFound(case_id)
            lifecycle.record_submission(status)  # "already submitted", "not printed", a lock
            self._check_still_valid(conn, case_id, status, today)
            printed = _last_print(conn, case_id)
            if printed is None:  # printed on another desk whose event is not here yet
                raise NotReadyToSubmit(
                    QT_TRANSLATE_NOOP(
                        "submission",
                        "No printed application is recorded for this case on this desk: sync, "
                        "or print the application again.",
                    )
                )
            due = self.due_date(today)
            return self.context.record_event(
                conn,
                case_id,
                EventType.APPLICATION_SUBMITTED,
                {
                    "submitted_on": today.isoformat(),
                    "due_date": due.isoformat(),
                    "working_days": self.context.rules.verification_working_days,
                    "print_digest": printed.digest,
                },
            )

    def _check_still_valid(
        self, conn: Connection, case_id: str, status: CaseStatus, today: date
    ) -> None:
        # A certificate may lapse between printing and handing in (the medical certificate
        # must be at most 180 days old at submission): judge the checklist again today.
        items = checklist_rules.evaluate(
            recorded_steps(conn, case_id),
            load_approval(conn, case_id),
            status.entry_date,
            today,
            self.context.rules,
        )
        failing = [item for item in items if not item.passes]
        if failing:
            raise NotReadyToSubmit(
                QT_TRANSLATE_NOOP(
                    "submission",
                    "The application cannot be submitted: since it was printed, the checklist "
                    "no longer passes. Record the step again, then print and submit.",
                ),
                tuple(checklist_reason(item) for item in failing),
            )


__all__ = ["NotReadyToSubmit", "SubmissionDesk"]
