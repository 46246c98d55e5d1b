"""The desk's own signing key for the audit trail, made at first start.

A desk has no EDS key of its own from NCA RK yet, so at first start it makes:
- a desk CA: a self-signed certificate (cA=TRUE, keyCertSign) whose private key is used once
  to issue the signing certificate and then thrown away, so no second certificate can ever be
  issued under it;
- a desk signing key (ECDSA P-256) with a certificate from that CA, for detached CMS.
Both certificates live in the encrypted local store (desk_settings), the signing key there
too but sealed with a secret kept outside the store (services.audit_key), so the database key
alone cannot sign. The desk CA certificate is the trust anchor `audit verify` checks entries
against, and its SHA-256 fingerprint is what an auditor compares with the one central
recorded for the desk.

The chain and the signed head catch on the desk every change made without the desk key: raw
SQL, file edits with the database key. What a holder of the desk key can still do (cut or
rewrite entries not yet sent) central's copy catches once they were sent (docs/security.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from workstation.security.eds import SigningPrivateKey, TrustStore, fingerprint_sha256

# Entries are checked against the certificate's validity at their own time; a clock that is
# set back a few weeks after the key was made must not make new entries unverifiable.
_BACKDATE = timedelta(days=30)
_VALIDITY = timedelta(days=20 * 366)  # the life of a desk, far beyond the 3-year retention


@dataclass(frozen=True)
class DeskKey:
    """The desk's audit signing key, its certificate and the desk CA it chains to."""

    private_key: SigningPrivateKey
    certificate: x509.Certificate
    ca_certificate: x509.Certificate

    @property
    def chain(self) -> tuple[x509.Certificate, ...]:
        return (self.ca_certificate,)

    @property
    def ca_fingerprint(self) -> str:
        return fingerprint_sha256(self.ca_certificate)

    @property
    def fingerprint(self) -> str:
        return fingerprint_sha256(self.certificate)

    def trust(self) -> TrustStore:
        return TrustStore.from_certs([self.ca_certificate])

    def to_pem(self) -> tuple[str, str, str]:
        """(private key PKCS#8, certificate, CA certificate), PEM text for the store."""
        key = self.private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),  # the caller seals it (services.audit_key)
        )
        return (
            key.decode("ascii"),
            self.certificate.public_bytes(serialization.Encoding.PEM).decode("ascii"),
            self.ca_certificate.public_bytes(serialization.Encoding.PEM).decode("ascii"),
        )

    @classmethod
    def from_pem(cls, key_pem: str, cert_pem: str, ca_pem: str) -> DeskKey:
        key = serialization.load_pem_private_key(key_pem.encode("ascii"), password=None)
        if not isinstance(key, ec.EllipticCurvePrivateKey):
            raise ValueError("the stored desk key is not an ECDSA key")
        certificate = x509.load_pem_x509_certificate(cert_pem.encode("ascii"))
        # ca_pem keeps every desk CA this desk ever had; the key's own is its issuer.
        cas = x509.load_pem_x509_certificates(ca_pem.encode("ascii"))
        issuer = next((ca for ca in cas if ca.subject == certificate.issuer), None)
        if issuer is None:
            raise ValueError("the stored desk CA certificate does not match the desk key")
        return cls(key, certificate, issuer)


def make_desk_key(workstation_id: str, now: datetime) -> DeskKey:
    """A new desk CA and signing key for `workstation_id` (see the module docstring)."""
    not_before = now - _BACKDATE
    not_after = now + _VALIDITY
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name(f"DNR DESK AUDIT CA {workstation_id}", workstation_id)
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(cert_sign=True), critical=True)
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    desk_key = ec.generate_private_key(ec.SECP256R1())
    desk_cert = (
        x509.CertificateBuilder()
        .subject_name(_name(f"DNR DESK AUDIT {workstation_id}", workstation_id))
        .issuer_name(ca_name)
        .public_key(desk_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(cert_sign=False), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(desk_key.public_key()), critical=False
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    del ca_key  # never stored: the desk CA issues exactly one certificate
    return DeskKey(desk_key, desk_cert, ca_cert)


def trust_from_pem(pems: Sequence[str]) -> TrustStore:
    """A trust store of desk CA certificates (PEM text, possibly several per string)."""
    certificates: list[x509.Certificate] = []
    for pem in pems:
        certificates.extend(x509.load_pem_x509_certificates(pem.encode("ascii")))
    return TrustStore.from_certs(certificates)


def _name(common_name: str, workstation_id: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "DNR WORKSTATION"),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, workstation_id),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
        ]
    )


def _key_usage(*, cert_sign: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not cert_sign,
        content_commitment=not cert_sign,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=cert_sign,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
