"""Use cases of the clerk's desk: each is one local transaction and returns what changed."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select

from workstation.domain import checklist as steps_rules
from workstation.domain import lifecycle
from workstation.domain.approval import ApprovedArrival
from workstation.domain.checklist import ChecklistItem, Step
from workstation.domain.lifecycle import CaseState, CaseStatus, EventType, TransitionRefused
from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.journal.projector import load_status
from workstation.security.roles import Action
from workstation.services import worklist
from workstation.services.conflicts import OtherDeskRecord, step_conflicts
from workstation.services.context import Changes, DeskContext
from workstation.store.models import case_steps, cases, journal

BORDER_POINT_MAX = 120


class CaseNotFound(LookupError):
    def __init__(self, case_id: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "desk", "No case {case} on this desk. Check the id, or sync to pull it."
            ).format(case=repr(case_id))
        )
        self.case_id = case_id


class ConfirmationNeeded(Exception):
    """The action is legal but has a consequence the clerk must confirm first."""


@dataclass(frozen=True)
class StepRecord:
    step: Step
    data: dict[str, Any]
    recorded_at: str
    actor_iin: str
    workstation_id: str
    versions: int


@dataclass(frozen=True)
class HistoryEntry:
    event_id: str
    type: str
    recorded_at: str
    actor_iin: str
    workstation_id: str
    applied: bool
    refusal: str | None


@dataclass(frozen=True)
class CaseDetail:
    approval: ApprovedArrival
    status: CaseStatus
    effective_state: CaseState
    days_left: int
    today: date
    border_point: str | None
    flagged: str | None
    checklist: tuple[ChecklistItem, ...]
    steps: dict[Step, StepRecord] = field(default_factory=dict)
    history: tuple[HistoryEntry, ...] = ()
    # Steps another desk also recorded: the records that do not stand (services.conflicts).
    conflicts: dict[Step, tuple[OtherDeskRecord, ...]] = field(default_factory=dict)
    # Submission and decision (journal.review_projection).
    submitted_on: date | None = None
    due_date: date | None = None
    decided_on: date | None = None
    permit_number: str | None = None
    refusal_reason: str | None = None
    reapply_not_before: date | None = None

    @property
    def reapply_lock(self) -> str | None:
        """Why this approval may not be processed (a refusal of the person within a year)."""
        return self.status.reapply_lock

    @property
    def window_closed_without_entry(self) -> bool:
        return lifecycle.window_closed_without_entry(self.status, self.today)

    # What may be done with the case now, by the lifecycle's rules (whether the role may is
    # the UI's other question: a button or action shows when both say yes).

    @property
    def can_record_arrival(self) -> bool:
        """The border entry may be recorded, or corrected."""
        return not self.status.reapply_lock and self.status.state in lifecycle.ARRIVAL_STATES

    @property
    def can_record_steps(self) -> bool:
        """The applicant's steps (medical exam, fingerprints, ...) may be recorded or
        corrected: the case is at the desk."""
        return not self.status.reapply_lock and self.status.state in lifecycle.DESK_STATES

    @property
    def can_print(self) -> bool:
        """The application may be printed: every step is in order (or it was printed and
        may be printed again)."""
        return self.status.state in lifecycle.PRINTABLE_STATES

    @property
    def is_printed(self) -> bool:
        """The application is printed and the print stands (printing again is a reprint)."""
        return self.status.state is CaseState.PRINTED

    @property
    def printing_ahead(self) -> bool:
        """The case is at the desk and its application not printed yet."""
        return self.status.state in lifecycle.DESK_STATES and not self.is_printed

    @property
    def can_submit(self) -> bool:
        """The printed application may be submitted to the migration service."""
        return self.status.state is CaseState.PRINTED

    @property
    def can_decide(self) -> bool:
        """The migration service has the application: an officer may decide on it."""
        return self.status.state in lifecycle.DECIDABLE_STATES

    def to_json(self) -> dict[str, Any]:
        """The support view of `dnr-workstation case show --json`."""
        return {
            "case_id": self.approval.case_id,
            "state": str(self.status.state),
            "effective_state": str(self.effective_state),
            "approval_date": self.status.approval_date.isoformat(),
            "window_end": self.status.window_end.isoformat(),
            "days_left": self.days_left,
            "entry_date": self.status.entry_date.isoformat() if self.status.entry_date else None,
            "border_point": self.border_point,
            "annul_reason": self.status.annul_reason,
            "flagged": self.flagged,
            "city": self.approval.city,
            "steps": [
                {"step": str(i.step), "title": i.title, "status": str(i.status), "note": i.note}
                for i in self.checklist
            ],
            "events": len(self.history),
        }


class Desk:
    """The clerk's case use cases in one desk context. Thread-confined to the background runner."""

    def __init__(self, context: DeskContext) -> None:
        self.context = context

    # Queries -------------------------------------------------------------------------

    def worklist_page(
        self,
        query: worklist.WorklistQuery,
        after: tuple[str, str] | None = None,
        limit: int = worklist.PAGE_SIZE,
    ) -> worklist.WorklistPage:
        self.context.require(Action.VIEW_CASES)
        with self.context.store.reading() as conn:
            return worklist.fetch_page(conn, query, self.context.today(), after, limit)

    def worklist_count(self, query: worklist.WorklistQuery) -> int:
        self.context.require(Action.VIEW_CASES)
        with self.context.store.reading() as conn:
            return worklist.count(conn, query, self.context.today())

    def case_detail(self, case_id: str) -> CaseDetail:
        self.context.require(Action.VIEW_CASES)
        today = self.context.today()
        with self.context.store.reading() as conn:
            row = conn.execute(select(cases).where(cases.c.case_id == case_id)).first()
            if row is None:
                raise CaseNotFound(case_id)
            status = load_status(conn, case_id)
            assert status is not None
            step_rows = conn.execute(
                select(case_steps).where(case_steps.c.case_id == case_id)
            ).all()
            history_rows = conn.execute(
                select(journal).where(journal.c.case_id == case_id).order_by(journal.c.local_seq)
            ).all()
            conflicts = step_conflicts(conn, case_id)
        approval = ApprovedArrival.from_payload(json.loads(row.approval))
        steps = {
            Step(r.step): StepRecord(
                step=Step(r.step),
                data=json.loads(r.data),
                recorded_at=r.recorded_at,
                actor_iin=r.actor_iin,
                workstation_id=r.workstation_id,
                versions=r.versions,
            )
            for r in step_rows
        }
        items = steps_rules.evaluate(
            {step: record.data for step, record in steps.items()},
            approval,
            status.entry_date,
            today,
            self.context.rules,
        )
        return CaseDetail(
            approval=approval,
            status=status,
            effective_state=lifecycle.effective_state(status, today),
            days_left=lifecycle.days_left(status, today),
            today=today,
            border_point=row.border_point,
            flagged=row.flagged,
            checklist=items,
            steps=steps,
            history=tuple(
                HistoryEntry(
                    event_id=h.event_id,
                    type=h.type,
                    recorded_at=h.recorded_at,
                    actor_iin=h.actor_iin,
                    workstation_id=h.workstation_id,
                    applied=h.outcome == "applied",
                    refusal=h.refusal,
                )
                for h in history_rows
            ),
            conflicts=conflicts,
            submitted_on=row.submitted_on,
            due_date=row.due_date,
            decided_on=row.decided_on,
            permit_number=row.permit_number,
            refusal_reason=row.refusal_reason,
            reapply_not_before=row.reapply_not_before,
        )

    # Commands ------------------------------------------------------------------------

    def record_arrival(
        self,
        case_id: str,
        entry_date: date,
        border_point: str,
        *,
        confirm_annulment: bool = False,
    ) -> Changes:
        """Record the applicant's border entry (the stamp date, not the day at the desk).

        An entry after the window annuls the approval by law; the clerk must confirm that
        first (ConfirmationNeeded), so a typo in the date does not annul a case unasked.
        """
        self.context.require(Action.RECORD_ARRIVAL)
        border_point = " ".join(border_point.split())
        if not border_point:
            raise TransitionRefused(
                QT_TRANSLATE_NOOP(
                    "lifecycle",
                    "Enter the border crossing point from the entry stamp or migration card.",
                ),
                field="border_point",
            )
        if len(border_point) > BORDER_POINT_MAX:
            raise TransitionRefused(
                QT_TRANSLATE_NOOP(
                    "lifecycle", "The border point is too long (at most {max} characters)."
                ).format(max=BORDER_POINT_MAX),
                field="border_point",
            )
        with self.context.store.transaction() as conn:
            status = load_status(conn, case_id)
            if status is None:
                raise CaseNotFound(case_id)
            # Refusals come first: a date that can never be recorded (in the future, or a
            # case past the desk) must not be offered to the clerk as an annulment to confirm.
            lifecycle.record_arrival(status, entry_date, self.context.today())
            warning = lifecycle.check_late_entry(status, entry_date)
            if warning and not confirm_annulment:
                raise ConfirmationNeeded(warning)
            return self.context.record_event(
                conn,
                case_id,
                EventType.ARRIVAL_RECORDED,
                {"entry_date": entry_date.isoformat(), "border_point": border_point},
            )
