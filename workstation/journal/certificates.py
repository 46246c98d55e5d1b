"""The desk's registry of signer certificates (table `certificates`), which verifies events.

Filled at each log-in and from central at each sync (sync.certificate_exchange)."""

from __future__ import annotations

from datetime import datetime

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from sqlalchemy import Connection, insert, select

from workstation.journal.envelope import format_instant
from workstation.journal.signing import CertificateRegistry, EventVerifier, Verification
from workstation.security.eds import fingerprint_sha256
from workstation.security.roles import Role
from workstation.store.models import certificates, staff


def remember_certificate(conn: Connection, certificate: x509.Certificate, now: datetime) -> bool:
    """Add `certificate` to the registry; False when it was there already."""
    fingerprint = fingerprint_sha256(certificate)
    known = conn.execute(
        select(certificates.c.fingerprint).where(certificates.c.fingerprint == fingerprint)
    ).first()
    if known is not None:
        return False
    conn.execute(
        insert(certificates).values(
            fingerprint=fingerprint,
            der=certificate.public_bytes(serialization.Encoding.DER),
            subject=certificate.subject.rfc4514_string(),
            added_at=format_instant(now),
        )
    )
    return True


def remember_der(conn: Connection, ders: list[bytes], now: datetime) -> int:
    """Add certificates given as DER (pulled from central); how many were new. What does
    not parse as a certificate is skipped: central's rows are not trusted input, and one bad
    row must not stop any desk's sync (the certificate is only ever used once it chains to
    the trust store anyway)."""
    added = 0
    for der in ders:
        certificate = _certificate_or_none(der)
        if certificate is not None and remember_certificate(conn, certificate, now):
            added += 1
    return added


def _certificate_or_none(der: object) -> x509.Certificate | None:
    if not isinstance(der, bytes | bytearray | memoryview):
        return None
    try:
        certificate = x509.load_der_x509_certificate(bytes(der))
        fingerprint_sha256(certificate)  # some malformed certificates fail only here
        certificate.subject.rfc4514_string()
    except (ValueError, TypeError):
        return None
    return certificate


def known_fingerprints(conn: Connection) -> set[str]:
    return set(conn.execute(select(certificates.c.fingerprint)).scalars())


def load_registry(conn: Connection) -> CertificateRegistry:
    return CertificateRegistry(
        certificate
        for der in conn.execute(select(certificates.c.der)).scalars()
        if (certificate := _certificate_or_none(der)) is not None
    )


def certificate_by_fingerprint(conn: Connection, fingerprint: str) -> x509.Certificate | None:
    der = conn.execute(
        select(certificates.c.der).where(certificates.c.fingerprint == fingerprint)
    ).scalar()
    return None if der is None else x509.load_der_x509_certificate(der)


def staff_roles(conn: Connection) -> dict[str, Role]:
    """Each known staff member's role by IIN (inactive ones too: their earlier events stand)."""
    roles = {}
    for iin, role in conn.execute(select(staff.c.iin, staff.c.role)):
        try:
            roles[iin] = Role(role)
        except ValueError:
            continue  # an unknown role permits nothing: the organisation rule applies
    return roles


def build_verifier(conn: Connection, verification: Verification) -> EventVerifier:
    """The verifier of one sync round: the registry and staff list as they are now."""
    return verification.verifier(load_registry(conn), staff_roles(conn))
