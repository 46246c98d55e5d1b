"""Demo cases carried through every stage (issue 9, part 6): a desk that pulls them with
signature verification applies every event, the states cover the whole lifecycle, and every
desk event is signed by a demo staff key whose role may record it."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from workstation.domain.clock import FixedClock
from workstation.domain.lifecycle import EventType
from workstation.domain.programme import DEFAULT_RULES
from workstation.journal.signing import SignerOrganisations, Verification, action_for
from workstation.security.demo_setup import DemoLoginPki, ensure_demo_pki
from workstation.security.eds import TrustStore, load_crls_from_dir
from workstation.security.pki import MIGRATION_BIN, MINISTRY_BIN, DemoKeyPool
from workstation.security.roles import is_permitted
from workstation.services.demo_stages import DemoStage, StagedDemo, StageStaff, seed_stages
from workstation.services.staff import StaffRecord, put_staff
from workstation.store.local import LocalStore
from workstation.store.models import cases, journal
from workstation.sync.demo_seed import ApprovalSigners, seed_central
from workstation.sync.gateway import CentralGateway
from workstation.sync.syncer import SyncReport, sync_once

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
TODAY = date(2026, 3, 10)
CASES = 160


class Seeded:
    def __init__(self, root: Path, pki: DemoLoginPki, *, seed: int = 2026) -> None:
        self.pki = pki
        self.signers = ApprovalSigners.from_files(
            pki.ministry_p12, pki.migration_service_p12, pki.password
        )
        self.staff = StageStaff.from_pki(pki)
        # Central keeps the test's fixed clock (signatures are judged at its receipt time).
        self.gateway = CentralGateway(
            f"sqlite:///{root / 'central.sqlite3'}", clock=FixedClock(NOW)
        )
        self.gateway.init_schema()
        seed_central(self.gateway, CASES, seed=seed, today=TODAY, signers=self.signers)
        self.staged: StagedDemo = seed_stages(
            self.gateway, self.staff, seed=seed, today=TODAY, signers=self.signers, share=0.5
        )
        # A desk that verifies what it pulls, as a logged-in demo desk does.
        self.store = LocalStore.open(root / "desk", create=True, key=os.urandom(32))
        with self.store.transaction() as conn:
            for key in pki.staff_keys:
                assert key.iin is not None and key.role is not None
                record = StaffRecord(key.iin, key.display_name, key.role.value, "AST-1", "Astana")
                put_staff(conn, record, NOW)
        verification = Verification(
            TrustStore.from_pem_dir(pki.trust_dir),
            SignerOrganisations(frozenset({MINISTRY_BIN}), frozenset({MIGRATION_BIN})),
            tuple(load_crls_from_dir(pki.crl_dir)),
            max_delay=None,  # as the demo's log-in sets it: the staged history is backdated
        )
        self.report: SyncReport = sync_once(
            self.store, self.gateway, DEFAULT_RULES, city=None, verification=verification
        )

    def close(self) -> None:
        self.store.close()
        self.gateway.dispose()


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> DemoLoginPki:
    keys = DemoKeyPool(tmp_path_factory.getbasetemp() / "demo-keys")
    return ensure_demo_pki(tmp_path_factory.mktemp("pki"), NOW - timedelta(days=1), keys=keys)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory, pki: DemoLoginPki) -> Iterator[Seeded]:
    made = Seeded(tmp_path_factory.mktemp("stages"), pki)
    yield made
    made.close()


def test_a_verifying_desk_applies_every_staged_event(seeded: Seeded) -> None:
    report = seeded.report
    assert report.refused == 0
    assert report.applied == report.pulled
    assert report.pulled == CASES + seeded.staged.events + 1  # and the re-application
    assert seeded.staged.events > CASES  # a real share of the cases went past "approved"


def test_the_states_cover_the_whole_lifecycle(seeded: Seeded) -> None:
    with seeded.store.reading() as conn:
        rows = conn.execute(select(cases.c.state, cases.c.due_date)).all()
    states = {row.state for row in rows}
    assert {
        "approved", "arrived", "steps_recorded", "printed", "submitted",
        "under_review", "issued", "refused", "annulled",
    } <= states  # fmt: skip
    overdue = [r for r in rows if r.state == "under_review" and r.due_date < TODAY]
    assert overdue, "some cases wait past their decision date"
    assert set(seeded.staged.stages) == set(DemoStage)


def test_every_desk_event_is_signed_by_demo_staff_allowed_to_record_it(seeded: Seeded) -> None:
    roles = {k.iin: k.role for k in seeded.pki.staff_keys}
    signing = {k.fingerprint_sha256 for k in seeded.staff.keys}
    with seeded.store.reading() as conn:
        rows = conn.execute(
            select(journal.c.type, journal.c.actor_iin, journal.c.actor_fingerprint).where(
                journal.c.type != str(EventType.ARRIVAL_APPROVED)
            )
        ).all()
    assert len(rows) == seeded.staged.events
    for row in rows:
        role = roles[row.actor_iin]
        action = action_for(row.type)
        assert role is not None and action is not None
        assert is_permitted(role, action), (row.type, role)
        assert row.actor_fingerprint in signing
    types = {row.type for row in rows}
    assert {str(t) for t in EventType} - types == {
        str(EventType.ARRIVAL_APPROVED),
        str(EventType.DOCUMENT_REMOVED),
        str(EventType.ANNULLED),
    }


def test_dates_are_in_the_past_and_in_order(seeded: Seeded) -> None:
    with seeded.store.reading() as conn:
        rows = conn.execute(
            select(journal.c.case_id, journal.c.recorded_at, journal.c.type, journal.c.payload)
            .where(journal.c.type != str(EventType.ARRIVAL_APPROVED))
            .order_by(journal.c.local_seq)
        ).all()
    last: dict[str, str] = {}
    for row in rows:
        assert row.recorded_at[:10] < TODAY.isoformat()  # the staged work ends yesterday
        assert last.get(row.case_id, "") <= row.recorded_at, row.case_id
        last[row.case_id] = row.recorded_at
        if row.type == str(EventType.DECISION_RECORDED):
            assert json.loads(row.payload)["decided_on"] <= TODAY.isoformat()


def test_a_refused_person_reapplying_is_locked(seeded: Seeded) -> None:
    again = seeded.staged.reapplied_case
    assert again is not None
    with seeded.store.reading() as conn:
        row = conn.execute(
            select(cases.c.iin, cases.c.reapply_lock).where(cases.c.case_id == again)
        ).one()
        refused = conn.execute(
            select(cases.c.case_id).where((cases.c.iin == row.iin) & (cases.c.state == "refused"))
        ).all()
    assert refused
    assert row.reapply_lock


def test_seeding_is_deterministic_for_a_seed(
    tmp_path: Path, pki: DemoLoginPki, seeded: Seeded
) -> None:
    again = Seeded(tmp_path, pki)
    try:
        assert again.staged.stages == seeded.staged.stages
        assert again.staged.events == seeded.staged.events
        with again.store.reading() as a, seeded.store.reading() as b:
            query = select(cases.c.case_id, cases.c.state).order_by(cases.c.case_id)
            assert a.execute(query).all() == b.execute(query).all()
    finally:
        again.close()


def test_an_already_staged_central_is_not_staged_again(tmp_path: Path, pki: DemoLoginPki) -> None:
    staff = StageStaff.from_pki(pki)
    gateway = CentralGateway(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    try:
        gateway.init_schema()
        seed_central(gateway, 20, seed=1, today=TODAY)
        first = seed_stages(gateway, staff, seed=1, today=TODAY, share=1.0)
        second = seed_stages(gateway, staff, seed=1, today=TODAY, share=1.0)
        assert sum(first.stages.values()) > 0
        assert second.stages == {}
        assert second.events == 0
        assert first.reapplied_case is None  # without signers no approval is added
    finally:
        gateway.dispose()
