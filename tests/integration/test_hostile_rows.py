"""A compromised central (a superuser writing any row) changes nothing on an honest desk
(issue 15, the desk's half): each hostile row is quarantined with its reason or refused for
its signature, the honest desk's syncs go on, and nothing that should not be is applied.

The door (test_hostile_central.py) keeps desk roles from writing such rows; these are the
rows that reach a desk anyway, through a compromised or buggy central.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select, text, update

from tests.conftest import MakeApproval
from tests.integration.central_setup import make_central
from tests.integration.test_signed_sync import NOW, TODAY, VerifyingDesk
from workstation.domain.clock import FixedClock
from workstation.domain.lifecycle import EventType
from workstation.journal.envelope import Actor, format_instant, new_event
from workstation.journal.projector import UNVERIFIED
from workstation.security.eds import StaffKey, load_staff_key, subject_iin_and_bin
from workstation.security.event_signing import EventSigner
from workstation.security.pki import DemoKeyPool, DemoPki, KeyPurpose, make_demo_pki
from workstation.security.roles import Role
from workstation.services.certificates import remember_certificate
from workstation.services.quarantine import quarantine_list
from workstation.store.models import cases, journal
from workstation.sync.central_schema import certificates, events
from workstation.sync.demo_seed import ApprovalSigners, approval_event
from workstation.sync.gaps import all_gaps

BACKENDS = ["postgresql", "sqlite"]


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> DemoPki:
    keys = DemoKeyPool(tmp_path_factory.getbasetemp() / "demo-keys")
    return make_demo_pki(tmp_path_factory.mktemp("pki"), keys=keys, now=NOW - timedelta(days=2))


def _row(**values: Any) -> dict[str, Any]:
    """A central events row as a superuser writes it: any of the columns wrong."""
    return {
        "event_id": values.pop("event_id"),
        "case_id": "DNR-AST-26-0000001",
        "city": "Astana",
        "type": "ArrivalRecorded",
        "payload": '{"border_point":"Khorgos","entry_date":"2026-03-09"}',
        "actor_iin": "910517400017",
        "actor_fingerprint": "ab" * 32,
        "workstation_id": "WS-ROGUE",
        "recorded_at": format_instant(NOW),
        "signature": None,
        "received_at": format_instant(NOW),
    } | values


def _states(desk: VerifyingDesk) -> dict[str, str]:
    with desk.store.reading() as conn:
        return {r.case_id: r.state for r in conn.execute(select(cases.c.case_id, cases.c.state))}


@pytest.mark.parametrize("kind", BACKENDS)
def test_malformed_rows_are_quarantined_and_the_desk_syncs_on(
    kind: str,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    pki: DemoPki,
    make_approval: MakeApproval,
) -> None:
    central = make_central(kind, request, tmp_path)
    signers = ApprovalSigners.from_files(pki.ministry.p12, pki.migration_service.p12, pki.password)
    central.admin.add_certificates(signers.certificates_der())
    first, last = (make_approval(n, approval_date=TODAY - timedelta(days=5)) for n in (1, 2))
    central.admin.push([(approval_event(first, signers), first.city)])
    hostile = [
        _row(event_id="00000000-0000-4000-8000-000000000001", payload="{not json"),
        _row(event_id="00000000-0000-4000-8000-000000000002", payload="42"),
        _row(event_id="00000000-0000-4000-8000-000000000003", payload="[1,2]"),
        _row(event_id="00000000-0000-4000-8000-000000000004", recorded_at="yesterday"),
        _row(event_id="00000000-0000-4000-8000-000000000005", received_at="now"),
    ]
    with central.admin.connect() as conn, conn.begin():
        # Central numbers events itself since c006; a superuser writes the numbers too.
        conn.execute(insert(events), [r | {"seq": n} for n, r in enumerate(hostile, 2)])
        if kind == "postgresql":
            conn.execute(text("UPDATE central_order SET last_seq = :n"), {"n": len(hostile) + 1})
        conn.execute(  # one certificate row of garbage: it once stopped every desk's sync
            insert(certificates).values(
                fingerprint="f" * 64, der=b"garbage", subject="CN=garbage", added_at="x"
            )
        )
    central.admin.push([(approval_event(last, signers), last.city)])
    desk = VerifyingDesk(central, "AST-1", 1, pki, tmp_path / "a", FixedClock(NOW))
    try:
        report = desk.sync()
        assert (report.applied, report.quarantined) == (2, 5)
        assert desk.case_ids() == {first.case_id, last.case_id}  # the pull went on past them
        with desk.store.reading() as conn:
            reasons = sorted(q.reason for q in quarantine_list(conn) if q.kind == "row")
        assert reasons == [
            "payload is not JSON (JSONDecodeError)",
            "payload is not a JSON object",
            "payload is not a JSON object",
            "received_at is not a canonical UTC instant",
            "recorded_at is not a canonical UTC instant",
        ]
        again = desk.sync()  # and every later sync succeeds, with nothing listed twice
        assert (again.pulled, again.quarantined) == (0, 0)
    finally:
        desk.close()
        central.close()


@pytest.mark.parametrize("kind", BACKENDS)
def test_backdated_auth_signed_and_unpermitted_events_apply_nowhere(
    kind: str,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    pki: DemoPki,
    make_approval: MakeApproval,
) -> None:
    central = make_central(kind, request, tmp_path)
    signers = ApprovalSigners.from_files(pki.ministry.p12, pki.migration_service.p12, pki.password)
    central.admin.add_certificates(signers.certificates_der())
    approvals = [make_approval(n, approval_date=TODAY - timedelta(days=5)) for n in range(1, 6)]
    central.admin.push([(approval_event(a, signers), a.city) for a in approvals])
    desk = VerifyingDesk(central, "AST-1", 1, pki, tmp_path / "a", FixedClock(NOW))
    try:
        assert desk.sync().applied == 5
        revoked, crl = pki.revoked_key(KeyPurpose.SIGN)  # revoked an hour before the PKI's day
        expired = pki.expired_key(KeyPurpose.SIGN)  # ended the day before
        clerk = pki.staff_for(Role.CLERK)
        auth = load_staff_key(clerk.auth_p12.read_bytes(), pki.password)
        sign = load_staff_key(clerk.sign_p12.read_bytes(), pki.password)
        made_at = pki.created_at
        forged = [
            # Signed with the revoked key, dated 30 minutes before the revocation.
            _made(revoked, approvals[0].case_id, made_at - timedelta(minutes=90)),
            # Signed with the expired key, dated the day before it expired.
            _made(expired, approvals[1].case_id, made_at - timedelta(days=2)),
            # Signed with the clerk's log-in (AUTH) key.
            _made(auth, approvals[2].case_id, NOW, iin=clerk.iin),
            # A decision signed by a clerk.
            _made(
                sign,
                approvals[3].case_id,
                NOW,
                iin=clerk.iin,
                event_type=EventType.DECISION_RECORDED,
                payload={"decision": "issued", "permit_number": "P-1"},
            ),
        ]
        with desk.store.transaction() as conn:
            for key in (revoked, expired, auth):
                remember_certificate(conn, key.certificate, NOW)
        # The desk's CRL of the issuing CA is the one that lists the revoked key.
        desk.verification = replace(
            desk.verification,
            crls=(*[c for c in desk.verification.crls if c.issuer != crl.issuer], crl),
        )
        central.admin.push([(e, "Astana") for e in forged])  # central stamps received_at now
        report = desk.sync()
        assert (report.applied, report.refused) == (0, 4)
        with desk.store.reading() as conn:
            refusals = {
                r.event_id: r.refusal
                for r in conn.execute(
                    select(journal.c.event_id, journal.c.refusal).where(
                        journal.c.event_id.in_([e.event_id for e in forged])
                    )
                )
            }
        assert all(r.startswith(UNVERIFIED) for r in refusals.values())
        assert "revoked" in refusals[forged[0].event_id]
        assert "expired" in refusals[forged[1].event_id]
        assert "nonRepudiation" in refusals[forged[2].event_id]
        assert "may not" in refusals[forged[3].event_id]
        assert set(_states(desk).values()) == {"approved"}  # nothing moved any case
    finally:
        desk.close()
        central.close()


def _made(
    key: Any,
    case_id: str,
    at: Any,
    *,
    iin: str | None = None,
    event_type: EventType = EventType.ARRIVAL_RECORDED,
    payload: dict[str, Any] | None = None,
) -> Any:
    staff_key = (
        key
        if isinstance(key, StaffKey)
        else StaffKey(key.private_key, key.certificate, tuple(key.chain))
    )
    signer = EventSigner(staff_key)
    actor_iin = iin or subject_iin_and_bin(signer.certificate)[0] or ""
    actor = Actor(actor_iin, "SOMEONE", "clerk", signer.fingerprint, signer)
    return new_event(
        case_id,
        event_type,
        payload or {"entry_date": (TODAY - timedelta(days=3)).isoformat(), "border_point": "X"},
        actor,
        "WS-ROGUE",
        FixedClock(at),
    )


@pytest.mark.parametrize("kind", BACKENDS)
def test_a_desk_without_a_trust_store_applies_nothing_until_it_has_one(
    kind: str,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    pki: DemoPki,
    make_approval: MakeApproval,
) -> None:
    central = make_central(kind, request, tmp_path)
    signers = ApprovalSigners.from_files(pki.ministry.p12, pki.migration_service.p12, pki.password)
    central.admin.add_certificates(signers.certificates_der())
    good = make_approval(1, approval_date=TODAY - timedelta(days=5))
    unsigned = approval_event(make_approval(2, approval_date=TODAY - timedelta(days=5)))
    central.admin.push([(approval_event(good, signers), good.city), (unsigned, "Astana")])
    desk = VerifyingDesk(central, "AST-1", 1, pki, tmp_path / "a", FixedClock(NOW))
    verification, desk.verification = desk.verification, None  # type: ignore[assignment]
    try:
        held = desk.sync()
        assert (held.applied, held.pending) == (0, 2) and desk.case_ids() == set()
        desk.verification = verification  # the trust store is set up: the next sync checks
        settled = desk.sync()
        assert (settled.settled, settled.refused) == (1, 1)
        assert desk.case_ids() == {good.case_id}
    finally:
        desk.close()
        central.close()


def test_a_row_moved_far_ahead_in_centrals_order_is_noticed(
    request: pytest.FixtureRequest, tmp_path: Path, pki: DemoPki, make_approval: MakeApproval
) -> None:
    """A superuser moves one event's seq far ahead: a desk's cursor jumps past every event
    central orders after, and those never reach it. The desk's own events are among them:
    it sees that central accepted them and never handed them back."""
    central = make_central("postgresql", request, tmp_path)
    signers = ApprovalSigners.from_files(pki.ministry.p12, pki.migration_service.p12, pki.password)
    central.admin.add_certificates(signers.certificates_der())
    approvals = [make_approval(n, approval_date=TODAY - timedelta(days=5)) for n in (1, 2)]
    central.admin.push([(approval_event(a, signers), a.city) for a in approvals])
    desk = VerifyingDesk(central, "AST-1", 1, pki, tmp_path / "a", FixedClock(NOW))
    workstation_id = desk.connection.workstation_id
    try:
        assert desk.sync().applied == 2
        with central.admin.connect() as conn, conn.begin():
            last = conn.execute(select(events.c.event_id).order_by(events.c.seq.desc())).first()
            assert last is not None
            conn.execute(update(events).where(events.c.event_id == last.event_id).values(seq=10**9))
        desk.sync()  # pulls the moved row: its cursor is now past everything to come
        desk.desk.record_arrival(approvals[0].case_id, TODAY - timedelta(days=1), "Khorgos")
        report = desk.sync()
        assert report.pushed == 1 and report.pulled == 0  # central's seq for it is < 10**9
        with desk.store.reading() as conn:
            gaps = all_gaps(conn, workstation_id)
        assert [(g.kind, g.missing) for g in gaps] == [("unreturned", 1)]
    finally:
        desk.close()
        central.close()
