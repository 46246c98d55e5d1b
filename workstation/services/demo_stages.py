"""Demo cases carried through the desk's stages, so the demo has work in every state.

A share of the approvals at central is taken through a throwaway desk store with the REAL
services (arrival, steps, printing, submission, the officer's review and decision), each
stage clocked on a plausible past day and every event signed by the demo staff's signing
key, exactly as a desk makes them. The desk's journal is then pushed to central and the
staff signing certificates given to it, so any desk that pulls (verifying or not) applies
it all. Demo mode, benchmarks and tests only.
"""

from __future__ import annotations

import json
import random
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from enum import Enum
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from sqlalchemy import func, select

from workstation.domain.approval import ApprovedArrival
from workstation.domain.calendar import default_calendar
from workstation.domain.clock import KAZAKHSTAN_TIME, FixedClock
from workstation.domain.decision import Decision, RefusalReason
from workstation.domain.iin import make_iin
from workstation.domain.lifecycle import EventType, window_end
from workstation.domain.programme import DEFAULT_RULES, ProgrammeRules
from workstation.domain.steps import (
    DutyKind,
    HousingAgreement,
    HousingKind,
    LandlordType,
    MedicalExam,
    MedicalResult,
)
from workstation.journal.envelope import Actor
from workstation.journal.signing import EventSigner
from workstation.security.demo_setup import DemoLoginPki
from workstation.security.eds import StaffKey, load_staff_key
from workstation.security.roles import Role
from workstation.services.context import DeskContext
from workstation.services.stages import CaseSamples, Desks, Move, Stage, take_case_to
from workstation.store.local import LocalStore
from workstation.store.models import journal
from workstation.sync.demo_seed import ApprovalSigners, approval_event
from workstation.sync.gateway import CentralGateway
from workstation.sync.syncer import sync_once

DEMO_STAGE_SHARE = 0.25  # of the approvals at central, carried past "approved"
STAGE_DESK = "WS-DEMO-SEED"  # the throwaway desk's id on the events it makes
LANDLORD_IIN = make_iin(date(1975, 4, 2), "M", 17)


class DemoStage(Enum):
    """How far a demo case is carried (the state it ends in, or how it got there)."""

    ARRIVED = "arrived"
    PARTIAL = "partially recorded"
    STEPS = "steps recorded"
    PRINTED = "printed"
    SUBMITTED = "submitted"
    UNDER_REVIEW = "under review"
    OVERDUE = "under review, overdue"
    ISSUED = "issued"
    REFUSED = "refused"
    ANNULLED = "annulled by a late entry"

    @property
    def goal(self) -> Stage:
        """The stage the case is taken to (an overdue case is under review, submitted early)."""
        if self is DemoStage.OVERDUE:
            return Stage.UNDER_REVIEW
        return Stage(self.value)


# The mix of staged cases, and the days each stage needs after the approval at the least.
_MIX: tuple[tuple[DemoStage, int], ...] = (
    (DemoStage.ARRIVED, 14),
    (DemoStage.PARTIAL, 12),
    (DemoStage.STEPS, 12),
    (DemoStage.PRINTED, 8),
    (DemoStage.SUBMITTED, 10),
    (DemoStage.UNDER_REVIEW, 8),
    (DemoStage.OVERDUE, 5),
    (DemoStage.ISSUED, 16),
    (DemoStage.REFUSED, 7),
    (DemoStage.ANNULLED, 5),
)
_MIN_DAYS = {
    DemoStage.ARRIVED: 1,
    DemoStage.PARTIAL: 2,
    DemoStage.STEPS: 3,
    DemoStage.PRINTED: 4,
    DemoStage.SUBMITTED: 4,
    DemoStage.UNDER_REVIEW: 6,
    DemoStage.OVERDUE: 16,
    DemoStage.ISSUED: 10,
    DemoStage.REFUSED: 10,
}


@dataclass(frozen=True)
class StageStaff:
    """The demo clerk and migration officer who sign the staged cases' events."""

    clerk: Actor
    officer: Actor
    keys: tuple[StaffKey, ...]

    @classmethod
    def from_pki(cls, pki: DemoLoginPki) -> StageStaff:
        clerk_key, clerk = _actor(pki, Role.CLERK)
        officer_key, officer = _actor(pki, Role.MIGRATION_OFFICER)
        return cls(clerk, officer, (clerk_key, officer_key))

    def certificates_der(self) -> list[bytes]:
        return [k.certificate.public_bytes(serialization.Encoding.DER) for k in self.keys]


def _actor(pki: DemoLoginPki, role: Role) -> tuple[StaffKey, Actor]:
    """The staff member's SIGNING key: it lies beside the log-in (AUTH_) key, same password."""
    login = pki.key_for(role)
    found = sorted(
        p for p in login.path.parent.glob("RSA256_*.p12") if not p.name.startswith("AUTH_")
    )
    if not found or login.iin is None:
        raise FileNotFoundError(f"no demo signing key for the {role.label} in {login.path.parent}")
    key = load_staff_key(found[0].read_bytes(), pki.password)
    signer = EventSigner(key)
    return key, Actor(login.iin, login.display_name, role.value, signer.fingerprint, signer)


@dataclass(frozen=True)
class StagedDemo:
    """What seeding the stages did: cases per stage, events pushed, the re-application."""

    stages: dict[DemoStage, int]
    events: int
    reapplied_case: str | None


def seed_stages(
    gateway: CentralGateway,
    staff: StageStaff,
    *,
    seed: int,
    today: date,
    signers: ApprovalSigners | None = None,
    share: float = DEMO_STAGE_SHARE,
    rules: ProgrammeRules = DEFAULT_RULES,
) -> StagedDemo:
    """Carry `share` of central's untouched approvals through the desk's stages (chosen and
    dated deterministically from `seed` and `today`) and push the events to central. With
    `signers`, one refused person also gets a later approval (the re-application lock)."""
    gateway.add_certificates(staff.certificates_der())
    with tempfile.TemporaryDirectory(prefix="dnr-demo-stages-") as tmp:
        # A random database key: the throwaway store never touches the OS keyring.
        store = LocalStore.open(Path(tmp), create=True, key=random.randbytes(32))
        try:
            # Its own seeded central, pulled into a throwaway store to stage cases on.
            sync_once(store, gateway, rules, city=None, trust_unsigned=True)
            approvals = _untouched_approvals(store)
            # The staged work ends yesterday: nothing is dated after the real clock.
            yesterday = today - timedelta(days=1)
            stager = _Stager(store, staff, rules, random.Random(seed), yesterday)
            done = stager.run(approvals, share)
            pushed = sync_once(store, gateway, rules, city=None, trust_unsigned=True).pushed
        finally:
            store.close()
    reapplied = None
    if signers is not None and stager.refused:
        reapplied = _reapply(gateway, stager.refused[0], today, signers)
    return StagedDemo(dict(Counter(done)), pushed, reapplied)


def _untouched_approvals(store: LocalStore) -> list[ApprovedArrival]:
    """Approvals nothing has been recorded on yet, in case-id order."""
    with store.reading() as conn:
        counts: dict[str, int] = dict(
            conn.execute(select(journal.c.case_id, func.count()).group_by(journal.c.case_id)).all()
        )
        rows = conn.execute(
            select(journal.c.payload).where(journal.c.type == str(EventType.ARRIVAL_APPROVED))
        ).scalars()
        approvals = [ApprovedArrival.from_payload(json.loads(p)) for p in rows]
    return sorted((a for a in approvals if counts.get(a.case_id) == 1), key=lambda a: a.case_id)


class _Stager:
    def __init__(
        self,
        store: LocalStore,
        staff: StageStaff,
        rules: ProgrammeRules,
        rng: random.Random,
        today: date,
    ) -> None:
        self.store = store
        self.staff = staff
        self.rules = rules
        self.rng = rng
        self.today = today
        self.calendar = default_calendar()
        self.refused: list[ApprovedArrival] = []
        self._last: datetime | None = None  # the case's latest event so far

    def run(self, approvals: Sequence[ApprovedArrival], share: float) -> list[DemoStage]:
        chosen = [a for a in approvals if self.rng.random() < share]
        done = []
        for approval in chosen:
            stage = self._plan(approval)
            if stage is not None:
                self._carry(approval, stage)
                done.append(stage)
        return done

    def _plan(self, approval: ApprovedArrival) -> DemoStage | None:
        age = (self.today - approval.approval_date).days
        if window_end(approval.approval_date, self.rules) < self.today - timedelta(days=1):
            # The window has closed: an applicant who entered late annuls the approval;
            # others came in time (some of them are decided by now) or never came.
            late = [
                (DemoStage.ANNULLED, 5),
                (DemoStage.ISSUED, 8),
                (DemoStage.REFUSED, 3),
                (DemoStage.OVERDUE, 2),
            ]
            if approval.passport_expiry < self.today + timedelta(days=200):
                late = late[:1]
            return self.rng.choices([s for s, _ in late], [w for _, w in late])[0]
        if age < _MIN_DAYS[DemoStage.ARRIVED]:
            return None  # approved today: nobody has come yet
        if approval.passport_expiry < self.today + timedelta(days=200):
            return DemoStage.ARRIVED  # the passport check would (rightly) refuse it: renew first
        fits = [(s, w) for s, w in _MIX if s in _MIN_DAYS and age >= _MIN_DAYS[s]]
        if not fits:
            return None
        return self.rng.choices([s for s, _ in fits], [w for _, w in fits])[0]

    # ---- one case --------------------------------------------------------------------------

    def _context(self, actor: Actor, day: date) -> DeskContext:
        """The desk with its clock at a working hour of `day`, after the case's last event."""
        at = time(self.rng.randint(9, 12), self.rng.randint(0, 59))
        when = datetime.combine(min(day, self.today), at, KAZAKHSTAN_TIME).astimezone(UTC)
        if self._last is not None and when <= self._last:
            when = self._last + timedelta(minutes=self.rng.randint(2, 12))
        self._last = when
        return DeskContext(
            self.store,
            actor=actor,
            workstation_id=STAGE_DESK,
            rules=self.rules,
            clock=FixedClock(when),
            calendar=self.calendar,
        )

    def _carry(self, approval: ApprovedArrival, stage: DemoStage) -> None:
        self._last = None
        rng = self.rng
        if stage is DemoStage.ANNULLED:
            end = window_end(approval.approval_date, self.rules)
            entry = end + timedelta(days=rng.randint(1, max(1, (self.today - end).days)))
            entry = min(entry, self.today)
            samples = _DemoSamples(approval, entry, "Astana airport", rng, self.rules)
            desks = _DemoDays(self, entry, entry)
            take_case_to(desks, approval.case_id, Stage.ANNULLED, samples)
            return
        # The day the clerk finishes the desk's work, and the days before it.
        last_desk_day = self._last_desk_day(approval, stage)
        entry = approval.approval_date + timedelta(
            days=rng.randint(0, max(0, min(5, (last_desk_day - approval.approval_date).days - 2)))
        )
        arrived = min(entry + timedelta(days=rng.randint(0, 2)), last_desk_day)
        point = rng.choice(("Astana airport", "Almaty airport", "Khorgos", "Zhana Zhol"))
        samples = _DemoSamples(approval, entry, point, rng, self.rules)
        take_case_to(_DemoDays(self, arrived, last_desk_day), approval.case_id, stage.goal, samples)
        if stage is DemoStage.REFUSED:
            self.refused.append(approval)

    def _last_desk_day(self, approval: ApprovedArrival, stage: DemoStage) -> date:
        """The day the desk's work on the case ends (submission, when it gets that far)."""
        if stage is DemoStage.OVERDUE:  # submitted at least 5 working days ago
            latest = self._before_working_days(self.today, 5 + self.rng.randint(0, 3))
        elif stage in {DemoStage.ISSUED, DemoStage.REFUSED}:  # decided 1-4 working days later
            latest = self._before_working_days(self.today, 4)
        elif stage is DemoStage.UNDER_REVIEW:  # submitted recently: the deadline is still ahead
            latest = self.today - timedelta(days=self.rng.randint(0, 1))
        else:
            latest = self.today
        end = window_end(approval.approval_date, self.rules)
        earliest = approval.approval_date + timedelta(days=_MIN_DAYS.get(stage, 1) // 2)
        latest = min(latest, end + timedelta(days=20))
        if latest <= earliest:
            return max(latest, approval.approval_date)
        return latest - timedelta(days=self.rng.randint(0, min(6, (latest - earliest).days)))

    def after_working_days(self, day: date, n: int) -> date:
        for _ in range(n):
            day += timedelta(days=1)
            while not self.calendar.is_working_day(day):
                day += timedelta(days=1)
        return min(day, self.today)

    def _before_working_days(self, day: date, n: int) -> date:
        for _ in range(n):
            day -= timedelta(days=1)
            while not self.calendar.is_working_day(day):
                day -= timedelta(days=1)
        return day


class _DemoDays(Desks):
    """Each move on a plausible day: arrival, then the steps, the desk's last day (printing
    and submission), the officer opening the case and deciding it a few working days on."""

    def __init__(
        self, stager: _Stager, arrived: date, last_desk_day: date, steps_day: date | None = None
    ) -> None:
        super().__init__(stager._context(stager.staff.clerk, arrived), stager.staff.officer)
        self.stager = stager
        self.arrived = arrived
        self.last_desk_day = last_desk_day
        self.steps_day = steps_day
        self.opened = last_desk_day
        self.current: DeskContext | None = None

    def at(self, move: Move) -> DeskContext:
        stager, rng, clerk = self.stager, self.stager.rng, self.stager.staff.clerk
        if move is Move.ARRIVAL:
            self.current = self.clerk
        elif move is Move.PASSPORT:
            if self.steps_day is None:
                span = max(0, (self.last_desk_day - self.arrived).days)
                self.steps_day = self.arrived + timedelta(days=rng.randint(0, span))
            self.current = stager._context(clerk, self.steps_day)
        elif move in {Move.FINGERPRINTS, Move.HOUSING}:
            assert self.steps_day is not None
            self.current = stager._context(clerk, self.steps_day)
        elif move in {Move.PRINT, Move.SUBMIT}:
            self.current = stager._context(clerk, self.last_desk_day)
        elif move is Move.OPEN:
            self.opened = stager.after_working_days(self.last_desk_day, rng.randint(0, 1))
            self.current = stager._context(stager.staff.officer, self.opened)
        elif move is Move.DECIDE:
            later = stager.after_working_days(self.last_desk_day, rng.randint(1, 4))
            self.current = stager._context(stager.staff.officer, max(self.opened, later))
        assert self.current is not None  # the medical, duty and documents: the same desk
        return self.current


class _DemoSamples(CaseSamples):
    """The clinics, addresses, receipts and refusals of the demo, drawn from its random."""

    def __init__(
        self,
        approval: ApprovedArrival,
        entry: date,
        border_point: str,
        rng: random.Random,
        rules: ProgrammeRules,
    ) -> None:
        super().__init__(approval, entry, border_point)
        self.rng = rng
        self.rules = rules

    def medical_exam(self, day: date) -> MedicalExam:
        clinic = self.rng.choice(("City polyclinic No. 1", "City polyclinic No. 4"))
        return MedicalExam(f"028-{self.rng.randint(1000, 9999)}", day, clinic, "A. DOCTOR",
                           MedicalResult.FIT)  # fmt: skip

    def housing(self, day: date) -> HousingAgreement:
        street = self.rng.choice(("Kabanbay Batyr Ave", "Turan Ave", "Abay Ave", "Dostyk St"))
        return HousingAgreement(
            kind=HousingKind.LEASE,
            city=self.approval.city,
            street=street,
            building=str(self.rng.randint(1, 120)),
            apartment=str(self.rng.randint(1, 300)),
            postcode="010000" if self.approval.city == "Astana" else "050000",
            number=f"L-{self.rng.randint(100, 999)}",
            signed_on=day,
            valid_from=day,
            valid_until=day + timedelta(days=365),
            landlord_type=LandlordType.INDIVIDUAL,
            landlord_id=LANDLORD_IIN,
            landlord_name="SERIKOV ARMAN",
            owner_consent_shown=True,
        )

    def duty_receipt(self, kind: DutyKind) -> str:
        return f"KZ{self.rng.randrange(10**9):09d}"

    def decision(self, issue: bool) -> Decision:
        if issue:
            return Decision.issued()
        reason = self.rng.choice(
            (RefusalReason.INVALID_DOCUMENTS, RefusalReason.HOUSING_NOT_CONFIRMED)
        )
        return Decision.refused(reason, "Demo refusal: see the case file.")


def _reapply(
    gateway: CentralGateway, refused: ApprovedArrival, today: date, signers: ApprovalSigners
) -> str:
    """A later approval for the refused person: the desk shows it locked (DOMAIN.md, step 6)."""
    number = gateway.case_count() + 1
    city_code = refused.case_id.split("-")[1]
    again = replace(
        refused,
        case_id=f"DNR-{city_code}-{today:%y}-{number:07d}",
        approval_number=f"UMS-{today:%Y}-{number:06d}",
        approval_date=today,
        recommendation_number=f"MDAI-{today:%Y}-{number:06d}",
        recommendation_date=today - timedelta(days=7),
    )
    gateway.push([(approval_event(again, signers), again.city)])
    return again.case_id
