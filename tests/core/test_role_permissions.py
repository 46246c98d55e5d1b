"""Every cell of the role x action table, against the real services: a role the table allows
succeeds, any other is refused with NotPermitted and nothing is written."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.conftest import TODAY, MakeApproval
from tests.core.conftest import WORKSTATION, CaseBook
from workstation.biometrics.sbi import CapturedPrint, FingerPosition
from workstation.biometrics.simulator import FingerprintArt
from workstation.domain.actions import Action
from workstation.domain.checklist import Step
from workstation.domain.clock import FixedClock
from workstation.domain.decision import Decision, RefusalReason
from workstation.domain.programme import ProgrammeRules
from workstation.domain.steps import MedicalExam, MedicalResult
from workstation.journal.envelope import Actor
from workstation.reports import ReportPeriod
from workstation.security.roles import PERMISSIONS, NotPermitted, Role, is_permitted
from workstation.services import stages
from workstation.services.access import NoStaffRole
from workstation.services.audit import AuditLog
from workstation.services.context import DeskContext
from workstation.services.desk import Desk
from workstation.services.desk_setup import DeskSetup
from workstation.services.fingerprints import FingerprintDesk
from workstation.services.printing import PrintDesk
from workstation.services.reports import ReportDesk
from workstation.services.review import ReviewDesk
from workstation.services.setup import DeskIdentity, DeskSession
from workstation.services.staff import StaffDirectory, StaffRecord
from workstation.services.steps import CaseSteps
from workstation.services.submission import SubmissionDesk
from workstation.services.worklist import WorklistQuery
from workstation.store.local import LocalStore, get_setting
from workstation.store.models import desk_settings, fingerprint_prints, journal, staff
from workstation.sync.gateway import CentralGateway

ENTRY = TODAY - timedelta(days=2)


class NoServiceYet(LookupError):
    """The action is in the table but no service does it yet."""


# Actions no service performs yet; each cell of them is a strict xfail, so adding the
# service (and its line in CALLS) without removing it here turns the test red.
NOT_YET: dict[Action, str] = {}


def actor_of(role: Role) -> Actor:
    return Actor(
        iin="880101300018", name=f"TEST {role.name}", role=role.value, cert_fingerprint="cd" * 32
    )


@functools.cache
def _png(position: FingerPosition) -> bytes:
    return FingerprintArt().png(position, degraded=False)


def ten_prints(clock: FixedClock) -> list[CapturedPrint]:
    return stages.ten_prints(clock.now())


@dataclass
class World:
    """A desk with one case in each state the actions need, and services for one actor."""

    store: LocalStore
    data_dir: Path
    rules: ProgrammeRules
    clock: FixedClock
    approved: str
    arrived: str
    printed_fingers: str
    ready: str
    printed: str = ""  # printed, waiting to be submitted
    submitted: str = ""  # submitted, waiting for the officer

    def context(self, actor: Actor) -> DeskContext:
        return DeskContext(
            self.store, actor=actor, workstation_id=WORKSTATION, rules=self.rules, clock=self.clock
        )

    def desk(self, actor: Actor) -> Desk:
        return Desk(self.context(actor))

    def fingerprints(self, actor: Actor) -> FingerprintDesk:
        return FingerprintDesk(self.context(actor))


@pytest.fixture
def world(
    store: LocalStore,
    book: CaseBook,
    make_approval: MakeApproval,
    rules: ProgrammeRules,
    fixed_clock: FixedClock,
    context: DeskContext,
    tmp_path: Path,
) -> World:
    ids = []
    for n in range(1, 7):
        approval = make_approval(n)
        book.approve(approval)
        ids.append(approval.case_id)
    approved, arrived, printed_fingers, ready, printed, submitted = ids
    for case_id in (arrived, printed_fingers, ready, printed, submitted):
        book.arrive(case_id, ENTRY)
    for case_id in (ready, printed, submitted):
        book.all_steps(case_id)
    for case_id in (printed, submitted):
        printer = PrintDesk(context)
        printer.record_printed(printer.application(case_id), copies=1, channel="printer")
    SubmissionDesk(context).submit(submitted)
    FingerprintDesk(context).record_fingerprints(printed_fingers, ten_prints(fixed_clock), {})
    return World(store, tmp_path / "desk", rules, fixed_clock, approved, arrived,
                 printed_fingers, ready, printed, submitted)  # fmt: skip


def _exam(day: date) -> MedicalExam:
    return MedicalExam("028-7", day, "City polyclinic No. 1", "A. DOCTOR", MedicalResult.FIT)


CALLS: dict[Action, Callable[[World, Actor], Any]] = {
    Action.VIEW_CASES: lambda w, a: w.desk(a).case_detail(w.approved),
    Action.RECORD_ARRIVAL: lambda w, a: w.desk(a).record_arrival(
        w.approved, ENTRY, "Astana International Airport (NQZ)"
    ),
    Action.RECORD_STEP: lambda w, a: CaseSteps(w.context(a)).record_medical_exam(
        w.arrived, _exam(w.clock.today())
    ),
    Action.CAPTURE_FINGERPRINTS: lambda w, a: w.fingerprints(a).record_fingerprints(
        w.arrived, ten_prints(w.clock), {}
    ),
    Action.VIEW_FINGERPRINTS: lambda w, a: w.fingerprints(a).prints_of(w.printed_fingers),
    Action.PRINT_APPLICATION: lambda w, a: PrintDesk(w.context(a)).application(w.ready),
    Action.SUBMIT_APPLICATION: lambda w, a: SubmissionDesk(w.context(a)).submit(w.printed),
    Action.REVIEW_APPLICATION: lambda w, a: ReviewDesk(w.context(a), city="Astana").open_case(
        w.submitted
    ),
    Action.DECIDE_APPLICATION: lambda w, a: ReviewDesk(w.context(a), city="Astana").decide(
        w.submitted, Decision.refused(RefusalReason.SECURITY_CHECK, "Not passed.")
    ),
    Action.MANAGE_SETUP: lambda w, a: DeskSetup(w.context(a), w.data_dir).connect_central(
        "sqlite:///central-elsewhere.sqlite3"
    ),
    Action.VIEW_AUDIT: lambda w, a: AuditLog(
        w.store, workstation_id=WORKSTATION, clock=w.clock
    ).entries(actor=a),
    Action.MANAGE_STAFF: lambda w, a: StaffDirectory(w.context(a)).put(
        StaffRecord("850304400015", "ASANOVA AIGERIM", "clerk", "TSON-AST-01", "Astana")
    ),
    Action.SYNC: lambda w, a: _sync(w, a),
    Action.VIEW_REPORTS: lambda w, a: ReportDesk(w.context(a)).report(
        ReportPeriod.month_of(w.clock.today()), None
    ),
}


def _sync(world: World, actor: Actor) -> Any:
    url = f"sqlite:///{world.data_dir.parent / 'central.sqlite3'}"
    gateway = CentralGateway(url)
    gateway.init_schema()
    gateway.dispose()
    session = DeskSession(
        world.store, DeskIdentity(WORKSTATION, "Astana"), actor, world.rules, world.clock,
        central_url=url,
    )  # fmt: skip
    report = session.sync()
    assert report.pushed > 0  # the desk's events reached central
    return report


def store_state(store: LocalStore) -> tuple[int, int, int, tuple[tuple[str, str], ...]]:
    with store.reading() as conn:
        events = conn.execute(select(func.count()).select_from(journal)).scalar_one()
        prints = conn.execute(select(func.count()).select_from(fingerprint_prints)).scalar_one()
        people = conn.execute(select(func.count()).select_from(staff)).scalar_one()
        settings = tuple(
            (r.name, r.value)
            for r in conn.execute(select(desk_settings).order_by(desk_settings.c.name))
        )
    return int(events), int(prints), int(people), settings


def _cell(role: Role, action: Action) -> Any:
    marks = []
    if action in NOT_YET:
        marks.append(pytest.mark.xfail(raises=NoServiceYet, strict=True, reason=NOT_YET[action]))
    verdict = "allowed" if is_permitted(role, action) else "refused"
    return pytest.param(role, action, marks=marks, id=f"{role.value}-{action.value}-{verdict}")


@pytest.mark.parametrize("role, action", [_cell(r, a) for r in Role for a in Action])
def test_every_cell_of_the_role_action_table(world: World, role: Role, action: Action) -> None:
    call = CALLS.get(action)
    if call is None:
        raise NoServiceYet(action)
    actor = actor_of(role)
    if is_permitted(role, action):
        result = call(world, actor)
        if action is Action.VIEW_FINGERPRINTS:
            assert result is not None and len(result.prints) == 10
    else:
        before = store_state(world.store)
        with pytest.raises(NotPermitted) as refused:
            call(world, actor)
        assert refused.value.role is role and refused.value.action is action
        assert str(refused.value).startswith("As a")  # a sentence for the person, not a code
        assert store_state(world.store) == before


def test_the_table_and_the_calls_cover_every_action() -> None:
    assert set(CALLS) | set(NOT_YET) == set(Action)
    assert not set(CALLS) & set(NOT_YET)
    assert set(PERMISSIONS) == set(Role)


def test_the_issue_rules_hold_in_the_table() -> None:
    # Supervisors read and report, never change case data; administrators see no biometrics
    # (and no case data at all); only clerks record.
    changes = {
        Action.RECORD_ARRIVAL,
        Action.RECORD_STEP,
        Action.CAPTURE_FINGERPRINTS,
        Action.SUBMIT_APPLICATION,
        Action.DECIDE_APPLICATION,
    }
    assert not PERMISSIONS[Role.SUPERVISOR] & changes
    assert not is_permitted(Role.ADMINISTRATOR, Action.VIEW_FINGERPRINTS)
    assert not is_permitted(Role.ADMINISTRATOR, Action.VIEW_CASES)
    assert is_permitted(Role.MIGRATION_OFFICER, Action.DECIDE_APPLICATION)


@pytest.mark.parametrize(
    "query",
    [
        lambda w, a: w.desk(a).worklist_page(WorklistQuery()),
        lambda w, a: w.desk(a).worklist_count(WorklistQuery()),
        lambda w, a: w.desk(a).case_detail(w.ready),
        lambda w, a: CaseSteps(w.context(a)).documents(w.ready),
        lambda w, a: CaseSteps(w.context(a)).step_history(w.ready, Step.MEDICAL),
        lambda w, a: w.fingerprints(a).capture_required(w.arrived),
    ],
    ids=["worklist", "count", "detail", "documents", "history", "capture-required"],
)
def test_an_administrator_reads_no_case_data(world: World, query: Any) -> None:
    with pytest.raises(NotPermitted):
        query(world, actor_of(Role.ADMINISTRATOR))
    query(world, actor_of(Role.SUPERVISOR))  # a reading role gets the same call through


@pytest.mark.parametrize(
    "change",
    [
        lambda w, a: CaseSteps(w.context(a)).record_medical_exam(w.arrived, _exam(w.clock.today())),
        lambda w, a: CaseSteps(w.context(a)).attach_document(
            w.arrived, "photo", "photo.png", _png(FingerPosition.LEFT_THUMB)
        ),
        lambda w, a: CaseSteps(w.context(a)).check_passport(w.arrived, "P<RUSIVANOVA<<ANNA"),
        lambda w, a: w.desk(a).record_arrival(w.approved, ENTRY, "Astana"),
    ],
    ids=["medical", "document", "passport", "arrival"],
)
def test_a_supervisor_changes_no_case_data(world: World, change: Any) -> None:
    before = store_state(world.store)
    with pytest.raises(NotPermitted, match="As a supervisor you may not"):
        change(world, actor_of(Role.SUPERVISOR))
    assert store_state(world.store) == before


def test_an_actor_without_a_staff_role_is_refused(world: World) -> None:
    nobody = Actor(iin="", name="", role="")
    with pytest.raises(NoStaffRole, match="Log in with your EDS key"):
        world.desk(nobody).case_detail(world.approved)
    with pytest.raises(PermissionError):
        world.fingerprints(nobody).prints_of(world.printed_fingers)


def test_setup_changes_are_kept_for_the_administrator(world: World) -> None:
    DeskSetup(world.context(actor_of(Role.ADMINISTRATOR)), world.data_dir).connect_central(
        "sqlite:///central-elsewhere.sqlite3"
    )
    with world.store.reading() as conn:
        assert get_setting(conn, "central_url") == "sqlite:///central-elsewhere.sqlite3"
