"""Signed events across desks (issue 7, part 4), on PostgreSQL and SQLite centrals: a desk
applies what another desk's clerk signed, refuses what was changed at central, and
quarantines an approval without valid ministry and migration service signatures."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from tests.conftest import MakeApproval
from tests.integration.central_setup import CentralUnderTest, SyncingDesk, make_central
from workstation.domain.clock import FixedClock
from workstation.domain.programme import DEFAULT_RULES
from workstation.journal.certificates import known_fingerprints, remember_certificate
from workstation.journal.envelope import Actor
from workstation.journal.projector import UNVERIFIED
from workstation.journal.signing import EventSigner, SignerOrganisations, Verification
from workstation.security.eds import TrustStore, load_crls_from_dir, load_staff_key
from workstation.security.pki import (
    MIGRATION_BIN,
    MINISTRY_BIN,
    DemoKeyPool,
    DemoPki,
    make_demo_pki,
)
from workstation.security.roles import Role
from workstation.services.desk import Desk
from workstation.services.quarantine import quarantined_approvals
from workstation.services.staff import StaffRecord, put_staff
from workstation.store.models import cases, journal
from workstation.sync.central_schema import events
from workstation.sync.demo_seed import ApprovalSigners, approval_event
from workstation.sync.syncer import SyncReport, sync_once

# Today, not a fixed day: central stamps received_at with its own clock, and signatures
# are judged then (issue 15), so the desks' clock and the PKI must agree with it.
NOW = datetime.now(UTC).replace(hour=9, minute=0, second=0, microsecond=0) - timedelta(days=1)
TODAY = NOW.date()


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> DemoPki:
    keys = DemoKeyPool(tmp_path_factory.getbasetemp() / "demo-keys")
    return make_demo_pki(tmp_path_factory.mktemp("pki"), keys=keys, now=NOW - timedelta(days=2))


class VerifyingDesk(SyncingDesk):
    """A SyncingDesk whose clerk signs and whose pulls are verified."""

    def __init__(
        self,
        central: CentralUnderTest,
        branch: str,
        number: int,
        pki: DemoPki,
        data_dir: Path,
        clock: FixedClock,
        *,
        logged_in: bool = True,
    ) -> None:
        super().__init__(central, central.add_desk(branch, number), data_dir, clock)
        clerk = pki.staff_for(Role.CLERK)
        signer = EventSigner(load_staff_key(clerk.sign_p12.read_bytes(), pki.password))
        actor = Actor(clerk.iin, clerk.display_name, "clerk", signer.fingerprint, signer)
        self.desk = Desk(replace(self.desk.context, actor=actor))
        with self.store.transaction() as conn:
            if logged_in:
                remember_certificate(conn, signer.certificate, NOW)  # as a log-in does
            for member in pki.staff:
                put_staff(
                    conn,
                    StaffRecord(
                        member.iin, member.display_name, member.role.value, branch, self.city
                    ),
                    NOW,
                )
        self.verification = Verification(
            TrustStore.from_pem_dir(pki.trust_dir),
            SignerOrganisations(frozenset({MINISTRY_BIN}), frozenset({MIGRATION_BIN})),
            tuple(load_crls_from_dir(pki.directory / "crl")),
        )

    def sync(self, batch: int = 500) -> SyncReport:
        return sync_once(
            self.store,
            self.gateway,
            DEFAULT_RULES,
            city=self.city,
            batch=batch,
            verification=self.verification,
        )

    def row(self, event_id: str) -> Any:
        with self.store.reading() as conn:
            return conn.execute(select(journal).where(journal.c.event_id == event_id)).one()


@pytest.mark.parametrize("kind", ["postgresql", "sqlite"])
def test_signed_events_travel_and_forgeries_are_refused(
    kind: str,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    pki: DemoPki,
    make_approval: MakeApproval,
) -> None:
    central = make_central(kind, request, tmp_path)
    clock = FixedClock(NOW)
    signers = ApprovalSigners.from_files(pki.ministry.p12, pki.migration_service.p12, pki.password)
    central.admin.add_certificates(signers.certificates_der())
    approvals = [make_approval(n, approval_date=TODAY - timedelta(days=5)) for n in (1, 2, 3)]
    central.admin.push([(approval_event(a, signers), a.city) for a in approvals])
    # One approval whose data was changed after the ministry and migration service signed.
    forged = approval_event(make_approval(4, approval_date=TODAY - timedelta(days=5)), signers)
    forged = replace(forged, payload={**forged.payload, "passport_number": "N00000001"})
    central.admin.push([(forged, "Astana")])
    a = VerifyingDesk(central, "AST-1", 1, pki, tmp_path / "a", clock)
    b = VerifyingDesk(central, "AST-2", 2, pki, tmp_path / "b", clock, logged_in=False)
    try:
        first = a.sync()
        assert (first.applied, first.refused) == (3, 1)
        assert a.case_ids() == {x.case_id for x in approvals}
        with a.store.reading() as conn:
            assert [q.case_id for q in quarantined_approvals(conn)] == [forged.case_id]
        # Desk A's clerk records two arrivals; both are signed as they are made.
        one = a.desk.record_arrival(approvals[0].case_id, TODAY - timedelta(days=1), "Nurly Zhol")
        two = a.desk.record_arrival(approvals[1].case_id, TODAY - timedelta(days=1), "Nurly Zhol")
        assert a.row(one.event_ids[0]).signature
        assert a.sync().pushed == 2
        # Someone with write access to central changes the second arrival's date.
        with central.admin.connect() as conn, conn.begin():
            conn.execute(
                update(events)
                .where(events.c.event_id == two.event_ids[0])
                .values(payload='{"border_point":"Nurly Zhol","entry_date":"2026-03-01"}')
            )
        report = b.sync()
        assert b.row(one.event_ids[0]).outcome == "applied"
        refused = b.row(two.event_ids[0])
        assert refused.outcome == "refused" and refused.refusal.startswith(UNVERIFIED)
        assert "changed after signing" in refused.refusal
        with b.store.reading() as conn:
            flagged = conn.execute(
                select(cases.c.flagged, cases.c.state).where(
                    cases.c.case_id == approvals[1].case_id
                )
            ).one()
        assert flagged.state == "approved"  # the forged arrival did not move the case
        assert "Signature check failed" in (flagged.flagged or "")
        assert report.refused == 2  # the forged approval and the changed arrival
        # Desk B learnt the clerk's certificate from central (nobody logged in there).
        with b.store.reading() as conn:
            assert a.desk.context.actor.cert_fingerprint in known_fingerprints(conn)
            assert len(quarantined_approvals(conn)) == 1
    finally:
        a.close()
        b.close()
        central.close()
