"""Demo cases carried through the desk's stages, so the demo has work in every state.

A share of the approvals at central is taken through a throwaway desk store with the REAL
services (arrival, steps, printing, submission, the officer's review and decision), each
stage clocked on a plausible past day and every event signed by the demo staff's signing
key, exactly as a desk makes them. The desk's journal is then pushed to central and the
staff signing certificates given to it, so any desk that pulls (verifying or not) applies
it all. Demo mode, benchmarks and tests only.
"""

from __future__ import annotations

import functools
import io
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
from PIL import Image
from sqlalchemy import func, select

from workstation.biometrics.sbi import CapturedPrint, FingerPosition
from workstation.domain.approval import ApprovedArrival
from workstation.domain.calendar import default_calendar
from workstation.domain.clock import KAZAKHSTAN_TIME, FixedClock
from workstation.domain.decision import Decision, RefusalReason
from workstation.domain.iin import make_iin
from workstation.domain.lifecycle import EventType, window_end
from workstation.domain.mrz import make_td3
from workstation.domain.programme import DEFAULT_RULES, ProgrammeRules
from workstation.domain.steps import (
    DocumentKind,
    DutyKind,
    HousingAgreement,
    HousingKind,
    LandlordType,
    MedicalExam,
    MedicalResult,
)
from workstation.journal.envelope import Actor
from workstation.security.demo_setup import DemoLoginPki
from workstation.security.eds import StaffKey, load_staff_key
from workstation.security.event_signing import EventSigner
from workstation.security.roles import Role
from workstation.services.context import DeskContext
from workstation.services.desk import Desk
from workstation.services.fingerprints import FingerprintDesk
from workstation.services.printing import PrintDesk
from workstation.services.review import ReviewDesk
from workstation.services.steps import CaseSteps
from workstation.services.submission import SubmissionDesk
from workstation.store.local import LocalStore
from workstation.store.models import journal
from workstation.sync.demo_seed import ApprovalSigners, approval_event
from workstation.sync.gateway import CentralGateway
from workstation.sync.syncer import sync_once

DEMO_STAGE_SHARE = 0.25  # of the approvals at central, carried past "approved"
STAGE_DESK = "WS-DEMO-SEED"  # the throwaway desk's id on the events it makes
LANDLORD_IIN = make_iin(date(1975, 4, 2), "M", 17)
_PDF = b"%PDF-1.4\n% demo scan\n"
_PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


class Stage(Enum):
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


# The mix of staged cases, and the days each stage needs after the approval at the least.
_MIX: tuple[tuple[Stage, int], ...] = (
    (Stage.ARRIVED, 14),
    (Stage.PARTIAL, 12),
    (Stage.STEPS, 12),
    (Stage.PRINTED, 8),
    (Stage.SUBMITTED, 10),
    (Stage.UNDER_REVIEW, 8),
    (Stage.OVERDUE, 5),
    (Stage.ISSUED, 16),
    (Stage.REFUSED, 7),
    (Stage.ANNULLED, 5),
)
_MIN_DAYS = {
    Stage.ARRIVED: 1,
    Stage.PARTIAL: 2,
    Stage.STEPS: 3,
    Stage.PRINTED: 4,
    Stage.SUBMITTED: 4,
    Stage.UNDER_REVIEW: 6,
    Stage.OVERDUE: 16,
    Stage.ISSUED: 10,
    Stage.REFUSED: 10,
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

    stages: dict[Stage, int]
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

    def run(self, approvals: Sequence[ApprovedArrival], share: float) -> list[Stage]:
        chosen = [a for a in approvals if self.rng.random() < share]
        done = []
        for approval in chosen:
            stage = self._plan(approval)
            if stage is not None:
                self._carry(approval, stage)
                done.append(stage)
        return done

    def _plan(self, approval: ApprovedArrival) -> Stage | None:
        age = (self.today - approval.approval_date).days
        if window_end(approval.approval_date, self.rules) < self.today - timedelta(days=1):
            # The window has closed: an applicant who entered late annuls the approval;
            # others came in time (some of them are decided by now) or never came.
            late = [(Stage.ANNULLED, 5), (Stage.ISSUED, 8), (Stage.REFUSED, 3), (Stage.OVERDUE, 2)]
            if approval.passport_expiry < self.today + timedelta(days=200):
                late = late[:1]
            return self.rng.choices([s for s, _ in late], [w for _, w in late])[0]
        if age < _MIN_DAYS[Stage.ARRIVED]:
            return None  # approved today: nobody has come yet
        if approval.passport_expiry < self.today + timedelta(days=200):
            return Stage.ARRIVED  # the passport check would (rightly) refuse it: renew first
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

    def _carry(self, approval: ApprovedArrival, stage: Stage) -> None:
        self._last = None
        case_id = approval.case_id
        rng = self.rng
        clerk = self.staff.clerk
        if stage is Stage.ANNULLED:
            end = window_end(approval.approval_date, self.rules)
            entry = end + timedelta(days=rng.randint(1, max(1, (self.today - end).days)))
            entry = min(entry, self.today)
            Desk(self._context(clerk, entry)).record_arrival(
                case_id, entry, "Astana airport", confirm_annulment=True
            )
            return
        # The day the clerk finishes the desk's work, and the days before it.
        last_desk_day = self._last_desk_day(approval, stage)
        entry = approval.approval_date + timedelta(
            days=rng.randint(0, max(0, min(5, (last_desk_day - approval.approval_date).days - 2)))
        )
        arrived = min(entry + timedelta(days=rng.randint(0, 2)), last_desk_day)
        point = rng.choice(("Astana airport", "Almaty airport", "Khorgos", "Zhana Zhol"))
        Desk(self._context(clerk, arrived)).record_arrival(case_id, entry, point)
        if stage is Stage.ARRIVED:
            return
        steps_day = arrived + timedelta(days=rng.randint(0, max(0, (last_desk_day - arrived).days)))
        self._steps(approval, steps_day, partial=stage is Stage.PARTIAL)
        if stage in {Stage.PARTIAL, Stage.STEPS}:
            return
        printer = PrintDesk(self._context(clerk, last_desk_day))
        printer.record_printed(printer.application(case_id), copies=1, channel="printer")
        if stage is Stage.PRINTED:
            return
        SubmissionDesk(self._context(clerk, last_desk_day)).submit(case_id)
        if stage is Stage.SUBMITTED:
            return
        opened = self._after_working_days(last_desk_day, rng.randint(0, 1))
        officer = ReviewDesk(self._context(self.staff.officer, opened), city=None)
        officer.open_case(case_id)
        if stage in {Stage.UNDER_REVIEW, Stage.OVERDUE}:
            return
        decided = max(opened, self._after_working_days(last_desk_day, rng.randint(1, 4)))
        officer = ReviewDesk(self._context(self.staff.officer, decided), city=None)
        if stage is Stage.ISSUED:
            officer.decide(case_id, Decision.issued())
            return
        reason = rng.choice((RefusalReason.INVALID_DOCUMENTS, RefusalReason.HOUSING_NOT_CONFIRMED))
        officer.decide(case_id, Decision.refused(reason, "Demo refusal: see the case file."))
        self.refused.append(approval)

    def _last_desk_day(self, approval: ApprovedArrival, stage: Stage) -> date:
        """The day the desk's work on the case ends (submission, when it gets that far)."""
        if stage is Stage.OVERDUE:  # submitted at least 5 working days ago
            latest = self._before_working_days(self.today, 5 + self.rng.randint(0, 3))
        elif stage in {Stage.ISSUED, Stage.REFUSED}:  # decided 1-4 working days later
            latest = self._before_working_days(self.today, 4)
        elif stage is Stage.UNDER_REVIEW:  # submitted recently: the deadline is still ahead
            latest = self.today - timedelta(days=self.rng.randint(0, 1))
        else:
            latest = self.today
        end = window_end(approval.approval_date, self.rules)
        earliest = approval.approval_date + timedelta(days=_MIN_DAYS.get(stage, 1) // 2)
        latest = min(latest, end + timedelta(days=20))
        if latest <= earliest:
            return max(latest, approval.approval_date)
        return latest - timedelta(days=self.rng.randint(0, min(6, (latest - earliest).days)))

    def _after_working_days(self, day: date, n: int) -> date:
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

    def _steps(self, approval: ApprovedArrival, day: date, *, partial: bool) -> None:
        """Every checklist step through the desk's services (only some when `partial`)."""
        case_id = approval.case_id
        clerk = self.staff.clerk
        steps = CaseSteps(self._context(clerk, day))
        mrz = make_td3(
            surname=approval.surname.replace("-", " "),
            given_names=approval.given_names,
            document_number=approval.passport_number,
            nationality=approval.nationality,
            birth_date=approval.birth_date,
            sex=approval.sex,
            expiry_date=approval.passport_expiry,
            issuing_state=approval.passport_issuing_state,
        )
        steps.check_passport(case_id, mrz)
        clinic = self.rng.choice(("City polyclinic No. 1", "City polyclinic No. 4"))
        exam = MedicalExam(f"028-{self.rng.randint(1000, 9999)}", day, clinic, "A. DOCTOR",
                           MedicalResult.FIT)  # fmt: skip
        steps.record_medical_exam(case_id, exam)
        if partial:
            return
        prints = FingerprintDesk(self._context(clerk, day))
        prints.record_fingerprints(case_id, _ten_prints(prints.context.clock.now()), {})
        steps = CaseSteps(self._context(clerk, day))
        steps.record_housing(case_id, self._housing(approval, day))
        for kind in DutyKind:
            fee = self.rules.fee_kzt(str(kind), day.year)
            steps.record_duty(case_id, kind, f"KZ{self.rng.randrange(10**9):09d}", day, str(fee))
        for document in DocumentKind:
            content, name = (
                (_PNG, "photo.png") if document is DocumentKind.PHOTO else (_PDF, f"{document}.pdf")
            )
            steps.attach_document(case_id, str(document), name, content)

    def _housing(self, approval: ApprovedArrival, day: date) -> HousingAgreement:
        street = self.rng.choice(("Kabanbay Batyr Ave", "Turan Ave", "Abay Ave", "Dostyk St"))
        return HousingAgreement(
            kind=HousingKind.LEASE,
            city=approval.city,
            street=street,
            building=str(self.rng.randint(1, 120)),
            apartment=str(self.rng.randint(1, 300)),
            postcode="010000" if approval.city == "Astana" else "050000",
            number=f"L-{self.rng.randint(100, 999)}",
            signed_on=day,
            valid_from=day,
            valid_until=day + timedelta(days=365),
            landlord_type=LandlordType.INDIVIDUAL,
            landlord_id=LANDLORD_IIN,
            landlord_name="SERIKOV ARMAN",
            owner_consent_shown=True,
        )


@functools.cache
def _finger_png(position: FingerPosition) -> bytes:
    """A small grey placeholder per finger: the images stay in the throwaway store (only
    their digests travel in the event), so drawing real ridge art would be wasted time."""
    out = io.BytesIO()
    shade = 40 + 20 * list(FingerPosition).index(position)
    Image.new("L", (16, 16), shade).save(out, format="PNG")
    return out.getvalue()


def _ten_prints(at: datetime) -> list[CapturedPrint]:
    return [
        CapturedPrint(
            position=p,
            image_png=_finger_png(p),
            quality=80,
            device_id="1",
            device_serial="SIM0000000001",
            captured_at=at,
        )
        for p in FingerPosition
    ]


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
