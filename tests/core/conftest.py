"""Core fixtures: a desk store in tmp_path, the clerk's desk context on a fixed clock (and a
Desk in it), and a case book that writes events through the real projector (approvals
arrive as pulled events)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from typing import Any

import pytest

from workstation.domain.approval import ApprovedArrival
from workstation.domain.clock import KAZAKHSTAN_TIME, FixedClock
from workstation.domain.iin import make_iin
from workstation.domain.lifecycle import EventType
from workstation.domain.programme import DEFAULT_RULES, ProgrammeRules
from workstation.domain.steps import (
    DocumentKind,
    DutyKind,
    DutyPayment,
    PassportCheck,
)
from workstation.journal.envelope import Actor, Event, new_event
from workstation.journal.projector import Applied, load_approval, record
from workstation.services.context import DeskContext
from workstation.services.desk import Desk
from workstation.services.stages import CaseSamples
from workstation.store.local import LocalStore
from workstation.sync.demo_seed import approval_event

CLERK = Actor(iin="910517400017", name="TEST CLERK", role="clerk", cert_fingerprint="ab" * 32)
WORKSTATION = "WS-TEST-1"
LANDLORD_IIN = make_iin(date(1975, 4, 2), "M", 17)


class CaseBook:
    """Writes events into a store the way the desk and the sync do, for setting up cases."""

    def __init__(self, store: LocalStore, rules: ProgrammeRules, clock: FixedClock) -> None:
        self.store = store
        self.rules = rules
        self.clock = clock

    def approve(self, approval: ApprovedArrival) -> Applied:
        """The approval as the desk receives it: pulled from central, not strict."""
        return self.pulled(approval_event(approval))

    def pulled(self, event: Event) -> Applied:
        with self.store.transaction() as conn:
            return record(conn, event, origin="central", rules=self.rules, strict=False)

    def make(
        self,
        case_id: str,
        event_type: EventType,
        payload: dict[str, Any] | None = None,
        *,
        on: date | None = None,
        workstation_id: str = WORKSTATION,
    ) -> Event:
        """A new event recorded at 11:00 Kazakhstan time on `on` (default: the clock's day)."""
        clock = self.clock
        if on is not None:
            clock = FixedClock(datetime.combine(on, time(11, 0), KAZAKHSTAN_TIME).astimezone(UTC))
        return new_event(case_id, event_type, payload or {}, CLERK, workstation_id, clock)

    def local(
        self,
        case_id: str,
        event_type: EventType,
        payload: dict[str, Any] | None = None,
        *,
        on: date | None = None,
    ) -> Applied:
        """An event made on this desk: strict, a refusal raises and writes nothing."""
        event = self.make(case_id, event_type, payload, on=on)
        with self.store.transaction() as conn:
            return record(conn, event, origin="local", rules=self.rules, strict=True)

    def arrive(self, case_id: str, entry: date, *, on: date | None = None) -> Applied:
        payload = {"entry_date": entry.isoformat(), "border_point": "Astana airport"}
        return self.local(case_id, EventType.ARRIVAL_RECORDED, payload, on=on)

    def step_events(self, case_id: str, day: date) -> list[tuple[EventType, dict[str, Any]]]:
        """Valid payloads of every checklist step after the arrival, in the paper form's order,
        with the values services.stages records (the documents' scans are not kept)."""
        with self.store.reading() as conn:
            approval = load_approval(conn, case_id)
        passport = PassportCheck(
            number=approval.passport_number,
            issuing_state=approval.passport_issuing_state,
            nationality=approval.nationality,
            surname=approval.surname,
            given_names=approval.given_names,
            birth_date=approval.birth_date,
            sex=approval.sex,
            expires_on=approval.passport_expiry,
        )
        samples = CaseSamples(approval, day)
        exam = samples.medical_exam(day)
        housing = samples.housing(day)
        events: list[tuple[EventType, dict[str, Any]]] = [
            (EventType.PASSPORT_CHECKED, passport.to_payload()),
            (EventType.MEDICAL_EXAM_RECORDED, exam.to_payload()),
            (EventType.FINGERPRINTS_CAPTURED, {"fingers": 10}),
            (EventType.HOUSING_RECORDED, housing.to_payload()),
        ]
        for kind in DutyKind:
            fee = self.rules.fee_kzt(str(kind), day.year)
            payment = DutyPayment(kind, samples.duty_receipt(kind), day, fee)
            events.append((EventType.DUTY_PAID, payment.to_payload()))
        for n, document in enumerate(DocumentKind):
            events.append(
                (
                    EventType.DOCUMENT_ATTACHED,
                    {
                        "attachment_id": f"{case_id}-doc-{n}",
                        "kind": str(document),
                        "filename": f"{document}.pdf",
                        "media_type": "application/pdf",
                        "size": 1000,
                    },
                )
            )
        return events

    def all_steps(self, case_id: str, *, on: date | None = None) -> None:
        """Record every checklist step after the arrival, valid on `on` (default: today)."""
        day = on or self.clock.today()
        for event_type, payload in self.step_events(case_id, day):
            self.local(case_id, event_type, payload, on=day)


@pytest.fixture
def rules() -> ProgrammeRules:
    return DEFAULT_RULES


@pytest.fixture
def store(tmp_path: Any) -> Iterator[LocalStore]:
    """A real file store (WAL, foreign keys, migrations), as a desk opens it."""
    opened = LocalStore.open(tmp_path / "desk", create=True)
    yield opened
    opened.close()


@pytest.fixture
def context(store: LocalStore, rules: ProgrammeRules, fixed_clock: FixedClock) -> DeskContext:
    """The clerk at WORKSTATION; other people or days: `dataclasses.replace(context, ...)`."""
    return DeskContext(
        store, actor=CLERK, workstation_id=WORKSTATION, rules=rules, clock=fixed_clock
    )


@pytest.fixture
def desk(context: DeskContext) -> Desk:
    return Desk(context)


@pytest.fixture
def book(store: LocalStore, rules: ProgrammeRules, fixed_clock: FixedClock) -> CaseBook:
    return CaseBook(store, rules, fixed_clock)
