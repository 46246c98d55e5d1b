"""Log-in key checks: every refusal the desk can give, trust store loading, lock-out."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from workstation.security.eds import (
    CertificateExpired,
    CertificateNotYetValid,
    CertificateRevoked,
    CrlAction,
    CrlMissingOrStale,
    EmptyTrustStore,
    KeyFileUnreadable,
    KeyLockedOut,
    LoginRefused,
    NoIinInCertificate,
    NotALoginKey,
    RevocationPolicy,
    StaffKey,
    TrustStore,
    UntrustedCertificate,
    WrongPassword,
    load_staff_key,
    verify_certificate,
    verify_staff_key,
)
from workstation.security.lockout import LoginGuard
from workstation.security.pki import (
    OID_EMPLOYEE,
    CertificateAuthority,
    DemoKeyPool,
    DemoPki,
    make_demo_pki,
)
from workstation.security.roles import Role


@pytest.fixture(scope="session")
def demo_pki(tmp_path_factory: pytest.TempPathFactory) -> DemoPki:
    keys = DemoKeyPool(tmp_path_factory.getbasetemp() / "demo-keys")
    return make_demo_pki(tmp_path_factory.mktemp("pki"), keys=keys)


@pytest.fixture(scope="session")
def trust(demo_pki: DemoPki) -> TrustStore:
    return TrustStore.from_pem_dir(demo_pki.trust_dir)


@pytest.fixture
def now(demo_pki: DemoPki) -> datetime:
    return demo_pki.created_at + timedelta(hours=1)


def _auth_key(demo_pki: DemoPki, role: Role) -> StaffKey:
    member = demo_pki.staff_for(role)
    return load_staff_key(member.auth_p12.read_bytes(), member.password)


# ---- loading -------------------------------------------------------------------------------


def test_load_staff_key_gives_key_certificate_and_chain(demo_pki: DemoPki) -> None:
    key = _auth_key(demo_pki, Role.CLERK)
    assert key.certificate.public_key() == key.private_key.public_key()
    assert key.chain == (demo_pki.issuing.certificate,)
    assert key.fingerprint_sha256 == demo_pki.staff_for(Role.CLERK).auth_fingerprint_sha256


def test_wrong_password_is_refused(demo_pki: DemoPki) -> None:
    member = demo_pki.staff_for(Role.CLERK)
    with pytest.raises(WrongPassword, match="password"):
        load_staff_key(member.auth_p12.read_bytes(), "654321")


def test_a_file_that_is_not_a_key_is_refused() -> None:
    with pytest.raises(KeyFileUnreadable, match="PKCS#12"):
        load_staff_key(b"%PDF-1.7 not a key", "123456")


def test_a_truncated_key_file_is_unreadable(demo_pki: DemoPki) -> None:
    data = demo_pki.staff_for(Role.CLERK).auth_p12.read_bytes()
    with pytest.raises(KeyFileUnreadable):
        load_staff_key(data[: len(data) // 2], "123456")


# ---- accepted log-ins ----------------------------------------------------------------------


@pytest.mark.parametrize("role", list(Role), ids=lambda role: role.value)
def test_each_demo_staff_key_logs_in(
    demo_pki: DemoPki, trust: TrustStore, now: datetime, role: Role
) -> None:
    member = demo_pki.staff_for(role)
    identity = verify_staff_key(_auth_key(demo_pki, role), trust, demo_pki.crls(), now)
    assert identity.iin == member.iin
    assert identity.surname == member.surname
    assert identity.given_name == member.given_name
    assert identity.common_name == member.display_name
    assert identity.bin is not None and identity.organisation is not None
    assert identity.fingerprint_sha256 == member.auth_fingerprint_sha256
    assert OID_EMPLOYEE.dotted_string in identity.policy_oids
    assert identity.warnings == ()


def test_cyrillic_names_are_read(demo_pki: DemoPki, trust: TrustStore, now: datetime) -> None:
    issued = demo_pki.issue_staff_key("870707400011", "ЖҰМАБАЕВА", "ӘЙГЕРІМ")
    identity = verify_certificate(
        issued.certificate, trust, demo_pki.crls(), now, intermediates=issued.chain
    )
    assert (identity.surname, identity.given_name) == ("ЖҰМАБАЕВА", "ӘЙГЕРІМ")


# ---- refusals ------------------------------------------------------------------------------


def test_every_refusal_is_a_login_refused() -> None:
    for error in (
        WrongPassword,
        KeyFileUnreadable,
        NotALoginKey,
        CertificateExpired,
        CertificateNotYetValid,
        CertificateRevoked,
        UntrustedCertificate,
        NoIinInCertificate,
        CrlMissingOrStale,
        KeyLockedOut,
    ):
        assert issubclass(error, LoginRefused)


def test_expired_certificate(demo_pki: DemoPki, trust: TrustStore, now: datetime) -> None:
    issued = demo_pki.expired_key()
    with pytest.raises(CertificateExpired, match="expired on") as refused:
        verify_certificate(
            issued.certificate, trust, demo_pki.crls(), now, intermediates=issued.chain
        )
    assert not isinstance(refused.value, CertificateNotYetValid)
    assert refused.value.not_after == issued.certificate.not_valid_after_utc


def test_not_yet_valid_certificate(demo_pki: DemoPki, trust: TrustStore, now: datetime) -> None:
    issued = demo_pki.not_yet_valid_key()
    with pytest.raises(CertificateNotYetValid, match="valid only from"):
        verify_certificate(
            issued.certificate, trust, demo_pki.crls(), now, intermediates=issued.chain
        )


def test_revoked_certificate(demo_pki: DemoPki, trust: TrustStore, now: datetime) -> None:
    issued, crl = demo_pki.revoked_key()
    crls = [crl, demo_pki.crl(demo_pki.root)]
    with pytest.raises(CertificateRevoked, match="revoked"):
        verify_certificate(issued.certificate, trust, crls, now, intermediates=issued.chain)


def test_revocation_after_the_checked_time_does_not_count(
    demo_pki: DemoPki, trust: TrustStore
) -> None:
    issued, crl = demo_pki.revoked_key()
    crls = [crl, demo_pki.crl(demo_pki.root)]
    before_revocation = demo_pki.created_at - timedelta(hours=2)
    identity = verify_certificate(
        issued.certificate, trust, crls, before_revocation, intermediates=issued.chain
    )
    assert identity.serial_number == issued.certificate.serial_number


def test_revoked_intermediate_ca_refuses_its_staff(
    demo_pki: DemoPki, trust: TrustStore, now: datetime
) -> None:
    root_crl = demo_pki.crl(
        demo_pki.root,
        [(demo_pki.issuing.certificate.serial_number, demo_pki.created_at - timedelta(hours=1))],
    )
    crls = [demo_pki.crl(), root_crl]
    with pytest.raises(CertificateRevoked, match="CA certificate"):
        verify_staff_key(_auth_key(demo_pki, Role.CLERK), trust, crls, now)


def test_certificate_from_an_untrusted_ca(
    demo_pki: DemoPki, trust: TrustStore, now: datetime
) -> None:
    issued = demo_pki.untrusted_key()
    rogue_crl = demo_pki.crl(demo_pki.rogue_ca())
    with pytest.raises(UntrustedCertificate, match="trust"):
        verify_certificate(
            issued.certificate, trust, [*demo_pki.crls(), rogue_crl], now, intermediates=()
        )


def test_a_staff_certificate_cannot_act_as_a_ca(
    demo_pki: DemoPki, trust: TrustStore, now: datetime
) -> None:
    clerk = _auth_key(demo_pki, Role.CLERK)
    assert isinstance(clerk.private_key, rsa.RSAPrivateKey)
    fake_ca = CertificateAuthority(
        clerk.private_key,
        clerk.certificate,
        (clerk.certificate, demo_pki.issuing.certificate),
    )
    forged = demo_pki.issue_staff_key("831122300059", "FORGED", "USER", issuer=fake_ca)
    with pytest.raises(UntrustedCertificate):
        verify_certificate(
            forged.certificate,
            trust,
            demo_pki.crls(),
            now,
            intermediates=[clerk.certificate, demo_pki.issuing.certificate],
        )


def test_certificate_without_iin(demo_pki: DemoPki, trust: TrustStore, now: datetime) -> None:
    issued = demo_pki.key_without_iin()
    with pytest.raises(NoIinInCertificate, match="IIN"):
        verify_certificate(
            issued.certificate, trust, demo_pki.crls(), now, intermediates=issued.chain
        )


def test_signing_key_is_not_a_log_in_key(
    demo_pki: DemoPki, trust: TrustStore, now: datetime
) -> None:
    member = demo_pki.staff_for(Role.CLERK)
    key = load_staff_key(member.sign_p12.read_bytes(), member.password)
    with pytest.raises(NotALoginKey, match="AUTH_RSA256_"):
        verify_staff_key(key, trust, demo_pki.crls(), now)


def test_missing_crl_refuses_or_warns(demo_pki: DemoPki, trust: TrustStore, now: datetime) -> None:
    key = _auth_key(demo_pki, Role.CLERK)
    only_root = [demo_pki.crl(demo_pki.root)]
    with pytest.raises(CrlMissingOrStale, match="missing"):
        verify_staff_key(key, trust, only_root, now)
    warn = RevocationPolicy(when_missing=CrlAction.WARN)
    identity = verify_staff_key(key, trust, only_root, now, revocation=warn)
    assert len(identity.warnings) == 1 and "missing" in identity.warnings[0]


def test_stale_crl_refuses_or_warns(demo_pki: DemoPki, trust: TrustStore) -> None:
    key = _auth_key(demo_pki, Role.CLERK)
    later = demo_pki.created_at + timedelta(days=8)  # the demo CRLs are good for 7 days
    with pytest.raises(CrlMissingOrStale, match="out of date"):
        verify_staff_key(key, trust, demo_pki.crls(), later)
    warn = RevocationPolicy(when_stale=CrlAction.WARN)
    identity = verify_staff_key(key, trust, demo_pki.crls(), later, revocation=warn)
    assert len(identity.warnings) == 2  # the issuing CA's CRL and the root's


def test_crl_signed_by_someone_else_is_not_used(
    demo_pki: DemoPki, trust: TrustStore, now: datetime
) -> None:
    # A rogue CA with the issuing CA's name publishes an empty CRL to hide a revocation.
    rogue = demo_pki.rogue_ca()
    impostor = CertificateAuthority(
        rogue.key,
        x509.CertificateBuilder()
        .subject_name(demo_pki.issuing.certificate.subject)
        .issuer_name(demo_pki.issuing.certificate.subject)
        .public_key(rogue.key.public_key())
        .serial_number(1)
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=1))
        .sign(rogue.key, hashes.SHA256()),
    )
    crls = [demo_pki.crl(impostor), demo_pki.crl(demo_pki.root)]
    with pytest.raises(CrlMissingOrStale):
        verify_staff_key(_auth_key(demo_pki, Role.CLERK), trust, crls, now)


def test_naive_time_is_a_programming_error(demo_pki: DemoPki, trust: TrustStore) -> None:
    with pytest.raises(ValueError, match="aware"):
        verify_staff_key(_auth_key(demo_pki, Role.CLERK), trust, demo_pki.crls(), datetime.now())


# ---- trust store ---------------------------------------------------------------------------


def test_trust_store_from_dir_splits_anchors_and_intermediates(demo_pki: DemoPki) -> None:
    store = TrustStore.from_pem_dir(demo_pki.trust_dir)
    assert store.anchors == (demo_pki.root.certificate,)
    assert store.intermediates == (demo_pki.issuing.certificate,)


def test_trust_store_reads_der_cer_files_and_completes_chains(
    demo_pki: DemoPki, tmp_path: Path, now: datetime
) -> None:
    (tmp_path / "root.cer").write_bytes(
        demo_pki.root.certificate.public_bytes(serialization.Encoding.DER)
    )
    (tmp_path / "nca_rsa.crt").write_bytes(
        demo_pki.issuing.certificate.public_bytes(serialization.Encoding.PEM)
    )
    (tmp_path / "readme.txt").write_text("not a certificate")
    store = TrustStore.from_pem_dir(tmp_path)
    # The key file's own chain is not passed: the store's intermediate completes it.
    key = _auth_key(demo_pki, Role.SUPERVISOR)
    identity = verify_certificate(key.certificate, store, demo_pki.crls(), now)
    assert identity.iin == demo_pki.staff_for(Role.SUPERVISOR).iin


def test_trust_store_with_root_only_needs_the_chain_from_the_key_file(
    demo_pki: DemoPki, now: datetime
) -> None:
    store = TrustStore.from_certs([demo_pki.root.certificate])
    key = _auth_key(demo_pki, Role.CLERK)
    with pytest.raises(UntrustedCertificate):
        verify_certificate(key.certificate, store, demo_pki.crls(), now)
    assert verify_staff_key(key, store, demo_pki.crls(), now).iin


def test_empty_trust_dir_is_refused(tmp_path: Path) -> None:
    with pytest.raises(EmptyTrustStore, match="NCA RK"):
        TrustStore.from_pem_dir(tmp_path)


# ---- lock-out ------------------------------------------------------------------------------

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def test_five_failures_lock_the_key_until_the_lockout_ends() -> None:
    guard = LoginGuard(lockout=timedelta(minutes=15))
    remaining = []
    for minute in range(5):
        guard.check("key-a", T0 + timedelta(minutes=minute))
        remaining.append(guard.record_failure("key-a", T0 + timedelta(minutes=minute)))
    assert remaining == [4, 3, 2, 1, 0]
    unlock = T0 + timedelta(minutes=4 + 15)
    with pytest.raises(KeyLockedOut) as locked:
        guard.check("key-a", T0 + timedelta(minutes=5))
    assert locked.value.until == unlock
    assert "locked until" in str(locked.value)
    with pytest.raises(KeyLockedOut):
        guard.check("key-a", unlock - timedelta(seconds=1))
    guard.check("key-b", T0 + timedelta(minutes=5))  # other keys are not affected
    guard.check("key-a", unlock)
    assert guard.record_failure("key-a", unlock) == 4  # the count starts again


def test_success_clears_failures() -> None:
    guard = LoginGuard()
    for _ in range(4):
        guard.record_failure("key-a", T0)
    guard.record_success("key-a")
    assert guard.record_failure("key-a", T0) == 4


def test_old_failures_are_forgotten_after_the_window() -> None:
    guard = LoginGuard(window=timedelta(hours=1))
    for _ in range(4):
        guard.record_failure("key-a", T0)
    assert guard.record_failure("key-a", T0 + timedelta(hours=2)) == 4


def test_guard_state_round_trips_through_a_dict() -> None:
    guard = LoginGuard()
    for _ in range(5):
        guard.record_failure("key-a", T0)
    guard.record_failure("key-b", T0)
    state = json.loads(json.dumps(guard.to_dict()))
    restored = LoginGuard.from_dict(state)
    with pytest.raises(KeyLockedOut):
        restored.check("key-a", T0 + timedelta(minutes=1))
    assert restored.record_failure("key-b", T0) == 3
    assert restored.locked_until("key-a", T0) == T0 + timedelta(minutes=15)


def test_guard_refuses_unknown_state_version() -> None:
    with pytest.raises(ValueError, match="version"):
        LoginGuard.from_dict({"version": 99, "keys": {}})
