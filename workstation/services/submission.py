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
from workstation.domain.actions import Action
from workstation.domain.calendar import WorkingCalendar, default_calendar
from workstation.domain.clock import Clock
from workstation.domain.decision import decision_due
from workstation.domain.lifecycle import CaseStatus, EventType, TransitionRefused
from workstation.domain.programme import ProgrammeRules
from workstation.domain.steps import joined
from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.journal.envelope import Actor, new_event
from workstation.journal.numbering import next_workstation_seq
from workstation.journal.projector import load_approval, load_status, record, recorded_steps
from workstation.services.access import require_actor
from workstation.services.desk import CaseNotFound, Changes, Desk
from workstation.services.printing import _last_print, checklist_reason
from workstation.store.local import LocalStore


class NotReadyToSubmit(TransitionRefused):
    """The case cannot be submitted now; `reasons` are the lines to show the clerk."""

    def __init__(self, message: str, reasons: tuple[str, ...] = ()) -> None:
        super().__init__(joined([message, *reasons], context="submission"))
        self.message = message
        self.reasons = reasons


class SubmissionDesk:
    """The clerk's submission use case over one local store (runs on the background runner)."""

    def __init__(
        self,
        store: LocalStore,
        *,
        actor: Actor,
        workstation_id: str,
        rules: ProgrammeRules,
        clock: Clock,
        calendar: WorkingCalendar | None = None,
    ) -> None:
        self.store = store
        self.actor = actor
        self.workstation_id = workstation_id
        self.rules = rules
        self.clock = clock
        self.calendar = calendar or default_calendar()

    @classmethod
    def for_desk(cls, desk: Desk, *, calendar: WorkingCalendar | None = None) -> SubmissionDesk:
        """Submission for the same store, person, desk, rules and clock as `desk`."""
        return cls(
            desk.store,
            actor=desk.actor,
            workstation_id=desk.workstation_id,
            rules=desk.rules,
            clock=desk.clock,
            calendar=calendar,
        )

    def due_date(self, submitted_on: date) -> date:
        """The day the migration service must decide by, for a submission on `submitted_on`."""
        return decision_due(submitted_on, self.rules.verification_working_days, self.calendar)

    def submit(self, case_id: str) -> Changes:
        """Submit the printed application of `case_id`; TransitionRefused (or NotReadyToSubmit)
        with the reason when it cannot be submitted, and then nothing is written."""
        require_actor(self.actor, Action.SUBMIT_APPLICATION)
        today = self.clock.today()
        with self.store.transaction() as conn:
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
            event = new_event(
                case_id,
                EventType.APPLICATION_SUBMITTED,
                {
                    "submitted_on": today.isoformat(),
                    "due_date": due.isoformat(),
                    "working_days": self.rules.verification_working_days,
                    "print_digest": printed.digest,
                },
                self.actor,
                self.workstation_id,
                self.clock,
                workstation_seq=next_workstation_seq(conn, self.workstation_id),
            )
            applied = record(conn, event, origin="local", rules=self.rules, strict=True)
        return Changes(
            case_ids=frozenset({case_id}),
            worklist=True,
            event_ids=(event.event_id,),
            state=applied.state,
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
            self.rules,
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
