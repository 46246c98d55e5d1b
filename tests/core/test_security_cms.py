"""Detached CMS signatures: our verify, refusals, and interoperability with the openssl binary."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

from workstation.security.canonical import canonical_json
from workstation.security.cms import (
    SignatureInvalid,
    SignatureProblem,
    sign_detached,
    verify_detached,
    verify_detached_signature,
)
from workstation.security.eds import StaffKey, TrustStore, load_staff_key
from workstation.security.pki import DemoKeyPool, DemoPki, KeyPurpose, make_demo_pki
from workstation.security.roles import Role

OPENSSL = shutil.which("openssl")
needs_openssl = pytest.mark.skipif(OPENSSL is None, reason="the openssl binary is not installed")

EVENT = canonical_json(
    {"type": "ArrivalRecorded", "case_id": "c-1", "payload": {"entered_on": "2025-03-01"}}
)


@pytest.fixture(scope="session")
def demo_pki(tmp_path_factory: pytest.TempPathFactory) -> DemoPki:
    keys = DemoKeyPool(tmp_path_factory.getbasetemp() / "demo-keys")
    return make_demo_pki(tmp_path_factory.mktemp("pki"), keys=keys)


@pytest.fixture(scope="session")
def trust(demo_pki: DemoPki) -> TrustStore:
    return TrustStore.from_pem_dir(demo_pki.trust_dir)


@pytest.fixture(scope="session")
def clerk_signing_key(demo_pki: DemoPki) -> StaffKey:
    member = demo_pki.staff_for(Role.CLERK)
    return load_staff_key(member.sign_p12.read_bytes(), member.password)


@pytest.fixture
def now(demo_pki: DemoPki) -> datetime:
    return demo_pki.created_at + timedelta(hours=1)


def _sign(key: StaffKey, data: bytes = EVENT) -> bytes:
    return sign_detached(data, key.private_key, key.certificate, key.chain)


def test_sign_then_verify_returns_the_signer(
    clerk_signing_key: StaffKey, trust: TrustStore, now: datetime
) -> None:
    signature = _sign(clerk_signing_key)
    assert signature[0] == 0x30  # DER SEQUENCE
    assert verify_detached(EVENT, signature, trust, now) == clerk_signing_key.certificate
    verified = verify_detached_signature(EVENT, signature, trust, now)
    assert verified.chain[-1] == trust.anchors[0]
    assert verified.signing_time is not None


def test_tampered_data_is_refused(
    clerk_signing_key: StaffKey, trust: TrustStore, now: datetime
) -> None:
    signature = _sign(clerk_signing_key)
    tampered = EVENT.replace(b"2025-03-01", b"2025-03-02")
    with pytest.raises(SignatureInvalid, match="changed after signing") as refused:
        verify_detached(tampered, signature, trust, now)
    assert refused.value.problem is SignatureProblem.TAMPERED


def test_changed_signature_value_is_refused(
    clerk_signing_key: StaffKey, trust: TrustStore, now: datetime
) -> None:
    signature = bytearray(_sign(clerk_signing_key))
    signature[-10] ^= 0x01  # the RSA signature value is the last field
    with pytest.raises(SignatureInvalid) as refused:
        verify_detached(EVENT, bytes(signature), trust, now)
    assert refused.value.problem is SignatureProblem.BAD_SIGNATURE


def test_garbage_is_refused_as_malformed(trust: TrustStore, now: datetime) -> None:
    with pytest.raises(SignatureInvalid) as refused:
        verify_detached(EVENT, b"\x30\x03\x02\x01\x01", trust, now)
    assert refused.value.problem is SignatureProblem.MALFORMED


def test_signer_from_an_untrusted_ca_is_refused(
    demo_pki: DemoPki, trust: TrustStore, now: datetime
) -> None:
    rogue = demo_pki.untrusted_key()
    signature = sign_detached(EVENT, rogue.private_key, rogue.certificate, rogue.chain)
    with pytest.raises(SignatureInvalid, match="trust store") as refused:
        verify_detached(EVENT, signature, trust, now)
    assert refused.value.problem is SignatureProblem.UNTRUSTED_SIGNER


def test_expired_signer_is_refused(demo_pki: DemoPki, trust: TrustStore, now: datetime) -> None:
    expired = demo_pki.expired_key(KeyPurpose.SIGN)
    signature = sign_detached(EVENT, expired.private_key, expired.certificate, expired.chain)
    with pytest.raises(SignatureInvalid, match="expired") as refused:
        verify_detached(EVENT, signature, trust, now)
    assert refused.value.problem is SignatureProblem.EXPIRED_SIGNER
    # The same signature was fine when the certificate was still valid.
    during = expired.certificate.not_valid_after_utc - timedelta(days=1)
    assert verify_detached(EVENT, signature, trust, during) == expired.certificate


def test_revoked_signer_is_refused_when_crls_are_given(
    demo_pki: DemoPki, trust: TrustStore, now: datetime
) -> None:
    revoked, crl = demo_pki.revoked_key(KeyPurpose.SIGN)
    signature = sign_detached(EVENT, revoked.private_key, revoked.certificate, revoked.chain)
    assert verify_detached(EVENT, signature, trust, now) == revoked.certificate  # no CRLs
    with pytest.raises(SignatureInvalid, match="revoked") as refused:
        verify_detached(EVENT, signature, trust, now, crls=[crl, demo_pki.crl(demo_pki.root)])
    assert refused.value.problem is SignatureProblem.REVOKED_SIGNER


@pytest.mark.parametrize("which", ["ministry", "migration_service"])
def test_ministry_and_migration_service_signatures_verify(
    demo_pki: DemoPki, trust: TrustStore, now: datetime, which: str
) -> None:
    signer = getattr(demo_pki, which)
    key = load_staff_key(signer.p12.read_bytes(), signer.password)
    certificate = verify_detached(EVENT, _sign(key), trust, now, crls=demo_pki.crls())
    assert certificate.fingerprint(hashes.SHA256()).hex() == signer.fingerprint_sha256


_SIGNING_USAGE = x509.KeyUsage(
    digital_signature=True,
    content_commitment=True,
    key_encipherment=False,
    data_encipherment=False,
    key_agreement=False,
    key_cert_sign=False,
    crl_sign=False,
    encipher_only=False,
    decipher_only=False,
)


def test_an_auth_key_never_signs(demo_pki: DemoPki, trust: TrustStore, now: datetime) -> None:
    """Issue 15, point 5: the log-in key's signature is refused; the signing key's passes."""
    clerk = demo_pki.staff_for(Role.CLERK)
    auth = demo_pki.issue_staff_key(clerk.iin, clerk.surname, clerk.given_name)
    with pytest.raises(SignatureInvalid, match="nonRepudiation") as refused:
        verify_detached(EVENT, _sign_with(auth), trust, now)
    assert refused.value.problem is SignatureProblem.WRONG_KEY_USAGE
    sign = demo_pki.issue_staff_key(
        clerk.iin, clerk.surname, clerk.given_name, purpose=KeyPurpose.SIGN
    )
    assert verify_detached(EVENT, _sign_with(sign), trust, now) == sign.certificate


def _sign_with(issued: Any) -> bytes:
    return sign_detached(EVENT, issued.private_key, issued.certificate, issued.chain)


def test_ecdsa_signer(demo_pki: DemoPki, trust: TrustStore, now: datetime) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(x509.NameOID.COMMON_NAME, "DEMO EC")]))
        .issuer_name(demo_pki.issuing.certificate.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_SIGNING_USAGE, critical=True)
        .sign(demo_pki.issuing.key, hashes.SHA256())
    )
    signature = sign_detached(EVENT, key, certificate, demo_pki.issuing.chain)
    assert verify_detached(EVENT, signature, trust, now) == certificate
    with pytest.raises(SignatureInvalid):
        verify_detached(EVENT + b"x", signature, trust, now)


# ---- openssl, both directions --------------------------------------------------------------


def _openssl(*args: str) -> subprocess.CompletedProcess[str]:
    assert OPENSSL is not None
    return subprocess.run([OPENSSL, *args], capture_output=True, text=True, check=False)


def _write_signer_files(key: StaffKey, directory: Path) -> tuple[Path, Path, Path]:
    cert = directory / "signer.pem"
    cert.write_bytes(key.certificate.public_bytes(serialization.Encoding.PEM))
    private = directory / "signer.key"
    private.write_bytes(
        key.private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    chain = directory / "chain.pem"
    chain.write_bytes(b"".join(c.public_bytes(serialization.Encoding.PEM) for c in key.chain))
    return cert, private, chain


@needs_openssl
def test_openssl_verifies_our_signature(
    demo_pki: DemoPki, clerk_signing_key: StaffKey, tmp_path: Path
) -> None:
    data = tmp_path / "event.json"
    data.write_bytes(EVENT)
    signature = tmp_path / "event.sig"
    signature.write_bytes(_sign(clerk_signing_key))
    verify = (
        "cms", "-verify", "-binary", "-inform", "DER", "-in", str(signature),
        "-content", str(data), "-CAfile", str(demo_pki.root_pem), "-purpose", "any",
        "-out", str(tmp_path / "out.bin"),
    )  # fmt: skip
    result = _openssl(*verify)
    assert result.returncode == 0, result.stderr
    assert "Verification successful" in result.stderr
    assert (tmp_path / "out.bin").read_bytes() == EVENT
    data.write_bytes(EVENT + b" ")
    assert _openssl(*verify).returncode != 0


@needs_openssl
@pytest.mark.parametrize(
    "extra",
    [(), ("-noattr",), ("-keyopt", "rsa_padding_mode:pss")],
    ids=["with-attributes", "no-attributes", "rsa-pss"],
)
def test_we_verify_an_openssl_signature(
    clerk_signing_key: StaffKey,
    trust: TrustStore,
    now: datetime,
    tmp_path: Path,
    extra: tuple[str, ...],
) -> None:
    cert, private, chain = _write_signer_files(clerk_signing_key, tmp_path)
    data = tmp_path / "document.bin"
    data.write_bytes(EVENT)
    signature = tmp_path / "document.sig"
    result = _openssl(
        "cms", "-sign", "-binary", "-in", str(data), "-signer", str(cert),
        "-inkey", str(private), "-certfile", str(chain), "-md", "sha256",
        "-outform", "DER", "-out", str(signature), *extra,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    der = signature.read_bytes()
    assert verify_detached(EVENT, der, trust, now) == clerk_signing_key.certificate
    with pytest.raises(SignatureInvalid):
        verify_detached(EVENT + b"\n", der, trust, now)


@needs_openssl
def test_openssl_signature_with_embedded_content_is_refused(
    clerk_signing_key: StaffKey, trust: TrustStore, now: datetime, tmp_path: Path
) -> None:
    cert, private, _ = _write_signer_files(clerk_signing_key, tmp_path)
    data = tmp_path / "document.bin"
    data.write_bytes(EVENT)
    signature = tmp_path / "document.sig"
    result = _openssl(
        "cms", "-sign", "-binary", "-nodetach", "-in", str(data), "-signer", str(cert),
        "-inkey", str(private), "-outform", "DER", "-out", str(signature),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    with pytest.raises(SignatureInvalid, match="detached") as refused:
        verify_detached(EVENT, signature.read_bytes(), trust, now)
    assert refused.value.problem is SignatureProblem.MALFORMED
