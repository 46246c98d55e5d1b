"""Signed events (issue 7, part 4): made signed, applied only when signature, certificate and
role check out; approvals need the ministry's and the migration service's signatures."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import cast

import pytest
from sqlalchemy import select

from tests.conftest import MakeApproval
from workstation.domain.clock import FixedClock
from workstation.domain.lifecycle import EventType
from workstation.domain.programme import DEFAULT_RULES
from workstation.journal.envelope import Actor, Event, new_event
from workstation.journal.projector import UNVERIFIED, record_pulled
from workstation.journal.signing import (
    CertificateRegistry,
    EventSigner,
    EventVerifier,
    SignerOrganisations,
)
from workstation.security.eds import StaffKey, TrustStore, load_crls_from_dir, load_staff_key
from workstation.security.pki import (
    MIGRATION_BIN,
    MINISTRY_BIN,
    DemoKeyPool,
    DemoPki,
    KeyPurpose,
    make_demo_pki,
)
from workstation.security.roles import Role
from workstation.services.quarantine import quarantined_approvals
from workstation.store.local import LocalStore
from workstation.store.models import cases, journal
from workstation.sync.demo_seed import ApprovalSigners, approval_event

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
ORGS = SignerOrganisations(frozenset({MINISTRY_BIN}), frozenset({MIGRATION_BIN}))


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> DemoPki:
    keys = DemoKeyPool(tmp_path_factory.getbasetemp() / "demo-keys")
    return make_demo_pki(tmp_path_factory.mktemp("pki"), keys=keys, now=NOW - timedelta(days=2))


def _key(path: Path, pki: DemoPki) -> StaffKey:
    return load_staff_key(path.read_bytes(), pki.password)


@pytest.fixture(scope="module")
def signers(pki: DemoPki) -> ApprovalSigners:
    return ApprovalSigners.from_files(pki.ministry.p12, pki.migration_service.p12, pki.password)


def _actor(pki: DemoPki, role: Role) -> Actor:
    member = pki.staff_for(role)
    signer = EventSigner(_key(member.sign_p12, pki))
    return Actor(member.iin, member.display_name, role.value, signer.fingerprint, signer)


def _verifier(pki: DemoPki, signers: ApprovalSigners, *extra: StaffKey) -> EventVerifier:
    registry = CertificateRegistry(
        [
            signers.ministry.certificate,
            signers.migration_service.certificate,
            *(_key(m.sign_p12, pki).certificate for m in pki.staff),
            *(k.certificate for k in extra),
        ]
    )
    roles = {m.iin: m.role for m in pki.staff}
    return EventVerifier(
        TrustStore.from_pem_dir(pki.trust_dir),
        registry,
        ORGS,
        roles,
        crls=load_crls_from_dir(pki.directory / "crl"),
    )


def _event(actor: Actor, event_type: EventType, payload: dict[str, object] | None = None) -> Event:
    return new_event(
        "DNR-AST-26-0000001",
        event_type,
        payload or {"entry_date": "2026-03-09", "border_point": "Nurly Zhol"},
        actor,
        "AST-01",
        FixedClock(NOW),
    )


def test_an_event_made_by_a_signing_actor_is_signed_and_checks_out(
    pki: DemoPki, signers: ApprovalSigners
) -> None:
    event = _event(_actor(pki, Role.CLERK), EventType.ARRIVAL_RECORDED)
    assert event.signature is not None and len(event.signature) < 800  # no certificates in it
    assert _verifier(pki, signers).problem(event) is None


def test_a_tampered_payload_is_refused(pki: DemoPki, signers: ApprovalSigners) -> None:
    event = _event(_actor(pki, Role.CLERK), EventType.ARRIVAL_RECORDED)
    forged = replace(event, payload={**event.payload, "entry_date": "2026-03-01"})
    problem = _verifier(pki, signers).problem(forged)
    assert problem is not None and "changed after signing" in problem


def test_an_event_signed_by_someone_else_than_its_actor_is_refused(
    pki: DemoPki, signers: ApprovalSigners
) -> None:
    clerk = _actor(pki, Role.CLERK)
    officer = _actor(pki, Role.MIGRATION_OFFICER)
    event = _event(clerk, EventType.ARRIVAL_RECORDED)
    # The officer's signature over the clerk's event: a wrong signer.
    assert officer.signer is not None
    forged = replace(event, signature=officer.signer.sign(event.signed_bytes()))
    problem = _verifier(pki, signers).problem(forged)
    assert problem is not None and "not the one the event names" in problem


@pytest.mark.parametrize(
    ("role", "event_type", "payload"),
    [
        (Role.SUPERVISOR, EventType.ARRIVAL_RECORDED, None),
        (Role.CLERK, EventType.DECISION_RECORDED, {"decision": "issued"}),
        (Role.ADMINISTRATOR, EventType.FINGERPRINTS_CAPTURED, {"prints": []}),
    ],
)
def test_a_certificate_of_the_wrong_role_is_refused(
    pki: DemoPki,
    signers: ApprovalSigners,
    role: Role,
    event_type: EventType,
    payload: dict[str, object] | None,
) -> None:
    event = _event(_actor(pki, role), event_type, payload)
    problem = _verifier(pki, signers).problem(event)
    assert problem is not None and "role does not permit" in problem


def test_an_unknown_staff_member_needs_the_right_organisation(
    pki: DemoPki, signers: ApprovalSigners
) -> None:
    """Staff this desk's list does not hold: a decision needs the migration service's key."""
    issued = pki.issue_staff_key(
        "870707400011", "KASYMOVA", "DANA", purpose=KeyPurpose.SIGN, key_name="other-branch"
    )
    key = load_staff_key(issued.p12, pki.password)
    signer = EventSigner(key)
    stranger = Actor("870707400011", "KASYMOVA DANA", "clerk", signer.fingerprint, signer)
    verifier = _verifier(pki, signers, key)
    assert verifier.problem(_event(stranger, EventType.ARRIVAL_RECORDED)) is None
    decision = _event(stranger, EventType.DECISION_RECORDED, {"decision": "issued"})
    problem = verifier.problem(decision)
    assert problem is not None and "Only a migration officer" in problem


def test_an_unsigned_event_and_an_unknown_certificate_are_refused(
    pki: DemoPki, signers: ApprovalSigners
) -> None:
    event = _event(_actor(pki, Role.CLERK), EventType.ARRIVAL_RECORDED)
    assert _verifier(pki, signers).problem(replace(event, signature=None)) == (
        "The event is not signed"
    )
    bare = EventVerifier(TrustStore.from_pem_dir(pki.trust_dir), CertificateRegistry(), ORGS, {})
    problem = bare.problem(event)
    assert problem is not None and "not known to this desk" in problem


def test_an_approval_signed_by_the_ministry_and_the_migration_service_checks_out(
    pki: DemoPki, signers: ApprovalSigners, make_approval: MakeApproval
) -> None:
    event = approval_event(make_approval(1), signers)
    assert _verifier(pki, signers).problem(event) is None


def test_an_approval_signed_by_an_untrusted_key_is_refused(
    pki: DemoPki, signers: ApprovalSigners, make_approval: MakeApproval
) -> None:
    rogue = pki.rogue_ca()
    issued = pki.issue_staff_key(
        "920718300015",
        "TOKTAROV",
        "ERLAN",
        purpose=KeyPurpose.SIGN,
        issuer=rogue,
        key_name="rogue-ministry",
        not_before=NOW - timedelta(days=200),
    )
    fake_ministry = load_staff_key(issued.p12, pki.password)
    forged = approval_event(
        make_approval(2), ApprovalSigners(fake_ministry, signers.migration_service)
    )
    problem = _verifier(pki, signers, fake_ministry).problem(forged)
    assert problem is not None and "does not chain to the trust store" in problem


def test_an_approval_missing_the_ministry_signature_is_refused(
    pki: DemoPki, signers: ApprovalSigners, make_approval: MakeApproval
) -> None:
    half = approval_event(
        make_approval(3), ApprovalSigners(signers.migration_service, signers.migration_service)
    )
    problem = _verifier(pki, signers).problem(half)
    assert problem is not None and "not signed by the ministry" in problem


def test_a_refused_approval_is_quarantined_not_applied(
    tmp_path: Path, pki: DemoPki, signers: ApprovalSigners, make_approval: MakeApproval
) -> None:
    good = approval_event(make_approval(4), signers)
    bad = approval_event(make_approval(5), signers)
    bad = replace(bad, payload={**bad.payload, "surname": "FORGED"})
    store = LocalStore.open(tmp_path / "desk", create=True)
    try:
        verifier = _verifier(pki, signers)
        with store.transaction() as conn:
            outcomes = record_pulled(conn, [(1, good), (2, bad)], DEFAULT_RULES, verifier.problem)
        assert [o.applied for o in outcomes] == [True, False]
        with store.reading() as conn:
            assert set(conn.execute(select(cases.c.case_id)).scalars()) == {good.case_id}
            refusal = conn.execute(
                select(journal.c.refusal).where(journal.c.event_id == bad.event_id)
            ).scalar_one()
            quarantined = quarantined_approvals(conn)
        assert refusal.startswith(UNVERIFIED)
        assert [q.case_id for q in quarantined] == [bad.case_id]
        assert quarantined[0].approval_number == bad.payload["approval_number"]
        assert "changed after signing" in quarantined[0].reason
    finally:
        store.close()


def test_revoked_signer_after_the_event_still_stands_before_it_does_not(
    pki: DemoPki, signers: ApprovalSigners
) -> None:
    clerk = _actor(pki, Role.CLERK)
    assert clerk.signer is not None
    event = _event(clerk, EventType.ARRIVAL_RECORDED)
    certificate = clerk.signer.certificate  # type: ignore[attr-defined]
    revoked_at = NOW + timedelta(hours=1)
    crl = pki.crl(revoked=[(certificate.serial_number, revoked_at)], last_update=NOW)
    verifier = _verifier(pki, signers)
    verifier.crls = [*[c for c in verifier.crls if c.issuer != crl.issuer], crl]
    assert verifier.problem(event) is None  # signed before the revocation
    later = new_event(
        event.case_id,
        event.type,
        event.payload,
        clerk,
        "AST-01",
        FixedClock(NOW + timedelta(hours=2)),
    )
    problem = verifier.problem(later)
    assert problem is not None and "revoked" in problem


def test_day_cache_does_not_hide_a_certificate_that_expired_that_day(
    pki: DemoPki, signers: ApprovalSigners
) -> None:
    """The cache is keyed by day unless the instant matters (validity, CRL)."""
    clerk = _actor(pki, Role.CLERK)
    assert clerk.signer is not None
    end = clerk.signer.certificate.not_valid_after_utc  # type: ignore[attr-defined]
    verifier = _verifier(pki, signers)
    verifier.crls = []  # the demo CRLs would be stale a year on; validity is what is tested
    before = new_event(
        "DNR-AST-26-0000001",
        EventType.ARRIVAL_RECORDED,
        {"entry_date": "2026-03-09"},
        clerk,
        "AST-01",
        FixedClock(end - timedelta(seconds=30)),
    )
    after = new_event(
        "DNR-AST-26-0000001",
        EventType.ARRIVAL_RECORDED,
        {"entry_date": "2026-03-09"},
        clerk,
        "AST-01",
        FixedClock(end + timedelta(seconds=30)),
    )
    assert verifier.problem(before) is None
    problem = verifier.problem(after)
    assert problem is not None and "expired" in problem


# ---- issue 15: the time an event is judged at, the signing key only, fail closed -----------


def test_a_backdated_event_is_judged_when_central_received_it(
    pki: DemoPki, signers: ApprovalSigners
) -> None:
    """A signature made after the revocation, dated before it: recorded_at says it stands,
    central's received_at says it does not."""
    clerk = _actor(pki, Role.CLERK)
    assert clerk.signer is not None
    certificate = clerk.signer.certificate  # type: ignore[attr-defined]
    revoked_at = NOW + timedelta(hours=1)
    crl = pki.crl(revoked=[(certificate.serial_number, revoked_at)], last_update=NOW)
    verifier = _verifier(pki, signers)
    verifier.crls = [*[c for c in verifier.crls if c.issuer != crl.issuer], crl]
    backdated = _event(clerk, EventType.ARRIVAL_RECORDED)  # dated 30 min before revocation...
    received = revoked_at + timedelta(minutes=30)  # ...but central got it after
    assert verifier.problem(backdated) is None  # the signer's own date alone: it passes
    problem = verifier.problem(backdated, received_at=received)
    assert problem is not None and "revoked" in problem
    assert verifier.problem(backdated, received_at=NOW + timedelta(minutes=1)) is None


def test_an_expired_key_backdated_before_its_expiry_is_refused(
    pki: DemoPki, signers: ApprovalSigners
) -> None:
    clerk = _actor(pki, Role.CLERK)
    assert clerk.signer is not None
    end = clerk.signer.certificate.not_valid_after_utc  # type: ignore[attr-defined]
    verifier = _verifier(pki, signers)
    verifier.crls = []
    backdated = new_event(
        "DNR-AST-26-0000001",
        EventType.ARRIVAL_RECORDED,
        {"entry_date": "2026-03-09"},
        clerk,
        "AST-01",
        FixedClock(end - timedelta(days=1)),
    )
    problem = verifier.problem(backdated, received_at=end + timedelta(days=1))
    assert problem is not None and "expired" in problem


@pytest.mark.parametrize(
    ("received", "flagged"),
    [
        (timedelta(minutes=-10), "after central received it"),  # dated in central's future
        (timedelta(days=8), "more than 168 hours before"),  # a week and a day late
        (timedelta(minutes=-2), None),  # a desk clock two minutes fast: tolerated
        (timedelta(days=6), None),  # a desk offline for six days
    ],
)
def test_an_event_whose_own_time_central_contradicts_is_flagged(
    pki: DemoPki, signers: ApprovalSigners, received: timedelta, flagged: str | None
) -> None:
    event = _event(_actor(pki, Role.CLERK), EventType.ARRIVAL_RECORDED)
    verifier = _verifier(pki, signers)
    verifier.crls = []
    problem = verifier.problem(event, received_at=event.recorded_at + received)
    if flagged is None:
        assert problem is None
    else:
        assert problem is not None and flagged in problem


def test_the_maximum_delay_is_a_setting(pki: DemoPki, signers: ApprovalSigners) -> None:
    event = _event(_actor(pki, Role.CLERK), EventType.ARRIVAL_RECORDED)
    verifier = _verifier(pki, signers)
    verifier.crls = []
    verifier.max_delay = timedelta(hours=72)
    late = event.recorded_at + timedelta(hours=73)
    assert "more than 72 hours" in (verifier.problem(event, received_at=late) or "")
    verifier.max_delay = None  # off (the demo, whose history is backdated)
    assert verifier.problem(event, received_at=late) is None


def test_an_event_signed_with_the_log_in_key_is_refused(
    pki: DemoPki, signers: ApprovalSigners
) -> None:
    member = pki.staff_for(Role.CLERK)
    auth = _key(member.auth_p12, pki)
    signer = EventSigner(auth)
    actor = Actor(member.iin, member.display_name, "clerk", signer.fingerprint, signer)
    event = _event(actor, EventType.ARRIVAL_RECORDED)
    problem = _verifier(pki, signers, auth).problem(event)
    assert problem is not None and "nonRepudiation" in problem


def test_an_event_type_with_no_permission_mapping_is_refused(
    pki: DemoPki, signers: ApprovalSigners
) -> None:
    """Fail closed: a type no role is mapped to is not 'someone else's business'."""
    event = _event(_actor(pki, Role.CLERK), cast(EventType, "CaseDeleted"), {"why": "because"})
    problem = _verifier(pki, signers).problem(event)
    assert problem is not None and "no permission mapping" in problem


def test_a_signature_that_cannot_be_examined_is_a_problem_not_a_crash(
    pki: DemoPki, signers: ApprovalSigners
) -> None:
    event = _event(_actor(pki, Role.CLERK), EventType.ARRIVAL_RECORDED)
    for garbage in (b"\x30\x80", b"\x00" * 5, b"\x30\x03\x02\x01\x01", bytes(range(256))):
        assert _verifier(pki, signers).problem(replace(event, signature=garbage)) is not None
