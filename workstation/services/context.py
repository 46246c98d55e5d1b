"""What every use case of a desk works with, and the one way a command records an event.

A `DeskContext` is made once per logged-in session (`DeskSession.context()`) and handed to
each use-case class (Desk, CaseSteps, PrintDesk, SubmissionDesk, ReviewDesk, FingerprintDesk,
ReportDesk, StaffDirectory). `record_event` is the only place a command turns a payload into
a signed, numbered event, journals it strictly (a refusal raises and nothing is written) and
says what changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection

from workstation.domain.calendar import WorkingCalendar, default_calendar
from workstation.domain.clock import Clock
from workstation.domain.lifecycle import CaseState, EventType
from workstation.domain.programme import ProgrammeRules
from workstation.journal.envelope import Actor, new_event
from workstation.journal.numbering import next_workstation_seq
from workstation.journal.projector import record
from workstation.security.roles import Action
from workstation.services.access import require_actor
from workstation.services.audit import AuditLog
from workstation.store.local import LocalStore


@dataclass(frozen=True)
class Changes:
    """What a use case changed, so every screen can refresh from one notification."""

    case_ids: frozenset[str] = frozenset()
    worklist: bool = False
    event_ids: tuple[str, ...] = ()
    state: CaseState | None = None


@dataclass(frozen=True)
class DeskContext:
    """Who works, at which desk, over which store, under which rules, clock and calendar.

    `audit` is the desk's audit trail (None where nothing is audited: read-only support
    commands and tests of other things). Variants are `dataclasses.replace` copies, e.g. the
    same desk for another person or on another day.
    """

    store: LocalStore
    actor: Actor
    workstation_id: str
    rules: ProgrammeRules
    clock: Clock
    calendar: WorkingCalendar = field(default_factory=default_calendar)
    audit: AuditLog | None = None

    def require(self, action: Action) -> None:
        """Raise NotPermitted (or NoStaffRole) unless the actor's role may do `action`."""
        require_actor(self.actor, action)

    def today(self) -> date:
        """The Kazakhstan date on the desk's clock: the day every rule is judged on."""
        return self.clock.today()

    def record_event(
        self, conn: Connection, case_id: str, event_type: EventType, payload: dict[str, Any]
    ) -> Changes:
        """Sign, number and journal one event of this desk inside the caller's transaction.

        The lifecycle judges it through the projector: a refusal raises TransitionRefused and
        the caller's transaction rolls back with nothing written.
        """
        event = new_event(
            case_id,
            event_type,
            payload,
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


__all__ = ["Changes", "DeskContext"]
