"""Staff EDS keys (NCA RK PKCS#12): loading and certificate checks (lock-out: security.lockout)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from cryptography.x509.verification import (
    Criticality,
    ExtensionPolicy,
    Policy,
    PolicyBuilder,
    Store,
    VerificationError,
)

from workstation.i18n import QT_TRANSLATE_NOOP

SigningPrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey

_IIN_SERIAL = re.compile(r"IIN(\d{12})")
_BIN_UNIT = re.compile(r"BIN(\d{12})")
_MAX_CHAIN_DEPTH = 6


# ---- errors: each message says what is wrong and what to do -------------------------------


class LoginRefused(Exception):
    """The desk refuses this key for log-in (or as a signer); the message is for the clerk."""


class KeyFileUnreadable(LoginRefused):
    def __init__(self, detail: str = "") -> None:
        message: str
        if detail:
            message = QT_TRANSLATE_NOOP(
                "login",
                "This file is not a usable EDS key file (PKCS#12): {detail}. "
                "Choose the AUTH_RSA256_....p12 file from your key folder.",
            ).format(detail=detail)
        else:
            message = QT_TRANSLATE_NOOP(
                "login",
                "This file is not a usable EDS key file (PKCS#12). "
                "Choose the AUTH_RSA256_....p12 file from your key folder.",
            )
        super().__init__(message)


class WrongPassword(LoginRefused):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "login",
                "The password for this key file is wrong. Check the keyboard layout and "
                "Caps Lock, then try again.",
            )
        )


class NotALoginKey(LoginRefused):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "login",
                "This is a signing key, not a log-in key. Choose the AUTH_RSA256_....p12 file "
                "from your key folder.",
            )
        )


class CertificateExpired(LoginRefused):
    """The certificate is outside its validity period (expired, or see the subclass)."""

    def __init__(self, not_after: datetime, message: str | None = None) -> None:
        self.not_after = not_after
        super().__init__(
            message
            or (
                QT_TRANSLATE_NOOP(
                    "login",
                    "Your EDS certificate expired on {date}. "
                    "Get a new key from NCA RK (pki.gov.kz) and log in with it.",
                ).format(date=not_after.date())
            )
        )


class CertificateNotYetValid(CertificateExpired):
    def __init__(self, not_before: datetime, not_after: datetime) -> None:
        self.not_before = not_before
        super().__init__(
            not_after,
            QT_TRANSLATE_NOOP(
                "login",
                "This EDS certificate is valid only from {time} UTC. "
                "Check the computer's date and time; if they are right, use your current key.",
            ).format(time=f"{not_before:%Y-%m-%d %H:%M}"),
        )


class CertificateRevoked(LoginRefused):
    def __init__(self, revoked_at: datetime, ca_name: str | None = None) -> None:
        """`ca_name`: the CA certificate revoked, or None for the staff member's own."""
        self.revoked_at = revoked_at
        if ca_name is None:
            message = QT_TRANSLATE_NOOP(
                "login",
                "Your EDS certificate was revoked on {date}. "
                "Use a new key from NCA RK (pki.gov.kz).",
            ).format(date=revoked_at.date())
        else:
            message = QT_TRANSLATE_NOOP(
                "login",
                "The CA certificate {ca} was revoked on {date}. "
                "Use a new key from NCA RK (pki.gov.kz).",
            ).format(ca=ca_name, date=revoked_at.date())
        super().__init__(message)


class UntrustedCertificate(LoginRefused):
    def __init__(self, issuer: str, detail: str) -> None:
        self.issuer = issuer
        self.detail = detail
        super().__init__(
            QT_TRANSLATE_NOOP(
                "login",
                "This certificate was not issued by a certification centre this desk trusts "
                "(issuer: {issuer}). Use your NCA RK key, or ask the administrator to check "
                "the trust store.",
            ).format(issuer=issuer)
        )


class NoIinInCertificate(LoginRefused):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "login",
                "This certificate carries no IIN (SERIALNUMBER=IIN...). Use your personal "
                "NCA RK key, not an organisation key.",
            )
        )


class CrlMissingOrStale(LoginRefused):
    def __init__(self, issuer: str, next_update: datetime | None) -> None:
        self.issuer = issuer
        self.next_update = next_update
        if next_update is None:
            message = QT_TRANSLATE_NOOP(
                "login",
                "The revocation list (CRL) of {issuer} is missing, so the desk cannot tell "
                "whether the certificate was revoked. Ask the administrator to update the CRLs.",
            ).format(issuer=issuer)
        else:
            message = QT_TRANSLATE_NOOP(
                "login",
                "The revocation list (CRL) of {issuer} is out of date (next update was due "
                "{time} UTC), so the desk cannot tell whether the certificate was revoked. "
                "Ask the administrator to update the CRLs.",
            ).format(issuer=issuer, time=f"{next_update:%Y-%m-%d %H:%M}")
        super().__init__(message)


class KeyLockedOut(LoginRefused):
    def __init__(self, until: datetime) -> None:
        self.until = until
        super().__init__(
            QT_TRANSLATE_NOOP(
                "login",
                "Too many wrong attempts with this key. It is locked until {time} UTC; "
                "try again then or ask a supervisor.",
            ).format(time=f"{until:%Y-%m-%d %H:%M}")
        )


class EmptyTrustStore(ValueError):
    def __init__(self, where: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "login",
                "No CA certificates found in {where}. Put the NCA RK root and issuing "
                "certificates (.pem, .crt or .cer) there.",
            ).format(where=where)
        )


# ---- keys ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class StaffKey:
    """A loaded EDS key: private key, its certificate, and the CA certificates in the file."""

    private_key: SigningPrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]

    @property
    def fingerprint_sha256(self) -> str:
        return fingerprint_sha256(self.certificate)


def fingerprint_sha256(certificate: x509.Certificate) -> str:
    """Lower-case hex SHA-256 of the DER certificate: how events name their actor."""
    return certificate.fingerprint(hashes.SHA256()).hex()


def load_staff_key(p12: bytes, password: str) -> StaffKey:
    """Open a PKCS#12 key file; raises WrongPassword or KeyFileUnreadable."""
    try:
        loaded = pkcs12.load_pkcs12(p12, password.encode("utf-8") if password else None)
    except ValueError as error:
        if _is_pkcs12_structure(p12):
            raise WrongPassword() from error
        raise KeyFileUnreadable() from error
    except Exception as error:  # malformed DER surfaces as assorted parser errors
        raise KeyFileUnreadable() from error
    if loaded.key is None or loaded.cert is None:
        raise KeyFileUnreadable(
            QT_TRANSLATE_NOOP("login", "it holds no private key and certificate")
        )
    key = loaded.key
    if not isinstance(key, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey)):
        raise KeyFileUnreadable(
            QT_TRANSLATE_NOOP("login", "only RSA and ECDSA keys are supported (GOST needs Kalkan)")
        )
    return StaffKey(
        private_key=key,
        certificate=loaded.cert.certificate,
        chain=tuple(extra.certificate for extra in loaded.additional_certs),
    )


def _is_pkcs12_structure(data: bytes) -> bool:
    # A PFX that parses but will not decrypt means the password is wrong, not the file.
    from asn1crypto import pkcs12 as asn1_pkcs12  # type: ignore[import-untyped]

    try:
        pfx = asn1_pkcs12.Pfx.load(data, strict=True)
        return bool(pfx["version"].native == "v3" and pfx["auth_safe"]["content_type"].native)
    except (ValueError, TypeError, KeyError):
        return False


# ---- trust store and CRLs ------------------------------------------------------------------


@dataclass(frozen=True)
class TrustStore:
    """The CA certificates this desk trusts (anchors) plus known intermediate CAs."""

    anchors: tuple[x509.Certificate, ...]
    intermediates: tuple[x509.Certificate, ...] = ()

    def __post_init__(self) -> None:
        if not self.anchors:
            raise EmptyTrustStore(QT_TRANSLATE_NOOP("login", "the trust store"))

    @classmethod
    def from_certs(cls, certificates: Iterable[x509.Certificate]) -> TrustStore:
        """Self-signed certificates become anchors; others are kept as intermediates."""
        anchors: list[x509.Certificate] = []
        intermediates: list[x509.Certificate] = []
        for certificate in certificates:
            (anchors if _is_self_signed(certificate) else intermediates).append(certificate)
        return cls(tuple(anchors), tuple(intermediates))

    @classmethod
    def from_pem_dir(cls, path: Path) -> TrustStore:
        """Read every .pem/.crt/.cer file (PEM bundles or DER) in `path`."""
        certificates: list[x509.Certificate] = []
        for file in sorted(path.iterdir()):
            if file.suffix.lower() in {".pem", ".crt", ".cer"} and file.is_file():
                certificates.extend(_load_certificates(file.read_bytes()))
        if not any(_is_self_signed(c) for c in certificates):
            raise EmptyTrustStore(str(path))
        return cls.from_certs(certificates)

    @property
    def store(self) -> Store:
        return Store(list(self.anchors))


def load_crls_from_dir(path: Path) -> list[x509.CertificateRevocationList]:
    """Read every .crl file (DER or PEM) in `path`."""
    crls = []
    for file in sorted(path.iterdir()):
        if file.suffix.lower() == ".crl" and file.is_file():
            data = file.read_bytes()
            if data.lstrip().startswith(b"-----BEGIN"):
                crls.append(x509.load_pem_x509_crl(data))
            else:
                crls.append(x509.load_der_x509_crl(data))
    return crls


def _load_certificates(data: bytes) -> list[x509.Certificate]:
    if b"-----BEGIN CERTIFICATE-----" in data:
        return x509.load_pem_x509_certificates(data)
    return [x509.load_der_x509_certificate(data)]


def _is_self_signed(certificate: x509.Certificate) -> bool:
    if certificate.subject != certificate.issuer:
        return False
    try:
        certificate.verify_directly_issued_by(certificate)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


class CrlAction(Enum):
    REFUSE = "refuse"
    WARN = "warn"


@dataclass(frozen=True)
class RevocationPolicy:
    """What to do when a CA's CRL is missing or past its nextUpdate (from the desk set-up)."""

    when_missing: CrlAction = CrlAction.REFUSE
    when_stale: CrlAction = CrlAction.REFUSE


# ---- certificate checks --------------------------------------------------------------------


@dataclass(frozen=True)
class VerifiedCertificate:
    """A certificate that chains to the trust store and was valid (and not revoked) at a time."""

    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]  # leaf first, trust anchor last
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class CertifiedIdentity:
    """Who a verified log-in certificate names; the lead maps `iin` to a staff record."""

    iin: str
    surname: str
    given_name: str
    common_name: str
    organisation: str | None
    bin: str | None
    fingerprint_sha256: str
    serial_number: int
    issuer: str
    not_before: datetime
    not_after: datetime
    policy_oids: tuple[str, ...]
    warnings: tuple[str, ...]


def verify_certificate(
    certificate: x509.Certificate,
    trust: TrustStore,
    crls: Sequence[x509.CertificateRevocationList],
    at: datetime,
    *,
    intermediates: Sequence[x509.Certificate] = (),
    revocation: RevocationPolicy | None = None,
) -> CertifiedIdentity:
    """Check a log-in certificate and read the identity in it.

    Order (so the clerk sees the most useful reason first): log-in purpose, validity
    period, chain to the trust store, revocation (CRL), IIN in SERIALNUMBER.
    """
    _require_login_purpose(certificate)
    verified = verify_signer_certificate(
        certificate, trust, crls, at, intermediates=intermediates, revocation=revocation
    )
    return _identity(certificate, verified.warnings)


def verify_staff_key(
    key: StaffKey,
    trust: TrustStore,
    crls: Sequence[x509.CertificateRevocationList],
    at: datetime,
    *,
    revocation: RevocationPolicy | None = None,
) -> CertifiedIdentity:
    """verify_certificate for a loaded key, using the CA certificates that came in its file."""
    return verify_certificate(
        key.certificate, trust, crls, at, intermediates=key.chain, revocation=revocation
    )


def verify_signer_certificate(
    certificate: x509.Certificate,
    trust: TrustStore,
    crls: Sequence[x509.CertificateRevocationList],
    at: datetime,
    *,
    intermediates: Sequence[x509.Certificate] = (),
    revocation: RevocationPolicy | None = None,
    check_revocation: bool = True,
) -> VerifiedCertificate:
    """Validity at `at`, chain to the trust store, and (optionally) CRLs; any key purpose."""
    _require_aware(at)
    not_before = certificate.not_valid_before_utc
    not_after = certificate.not_valid_after_utc
    if at < not_before:
        raise CertificateNotYetValid(not_before, not_after)
    if at > not_after:
        raise CertificateExpired(not_after)
    chain = _build_chain(certificate, trust, at, intermediates)
    warnings: tuple[str, ...] = ()
    if check_revocation:
        warnings = _check_revocation(chain, crls, at, revocation or RevocationPolicy())
    return VerifiedCertificate(certificate, chain, warnings)


def _build_chain(
    certificate: x509.Certificate,
    trust: TrustStore,
    at: datetime,
    intermediates: Sequence[x509.Certificate],
) -> tuple[x509.Certificate, ...]:
    # The client verifier's default leaf policy is the Web PKI one, which demands a
    # subjectAltName that NCA RK certificates do not have; the leaf policy is relaxed,
    # the CA policy still insists on basicConstraints cA=TRUE and keyCertSign, so a staff
    # certificate can never act as a CA.
    verifier = (
        PolicyBuilder()
        .store(trust.store)
        .time(at)
        .max_chain_depth(_MAX_CHAIN_DEPTH)
        .extension_policies(ca_policy=_CA_POLICY, ee_policy=ExtensionPolicy.permit_all())
        .build_client_verifier()
    )
    try:
        verified = verifier.verify(certificate, [*intermediates, *trust.intermediates])
    except VerificationError as error:
        raise UntrustedCertificate(certificate.issuer.rfc4514_string(), str(error)) from error
    return tuple(verified.chain)


def _ca_is_ca(policy: Policy, certificate: x509.Certificate, value: x509.BasicConstraints) -> None:
    if not value.ca:
        raise ValueError("basicConstraints cA is not set")


def _ca_may_sign_certificates(
    policy: Policy, certificate: x509.Certificate, value: x509.KeyUsage | None
) -> None:
    if value is not None and not value.key_cert_sign:
        raise ValueError("keyUsage lacks keyCertSign")


_CA_POLICY = (
    ExtensionPolicy.permit_all()
    .require_present(x509.BasicConstraints, Criticality.AGNOSTIC, _ca_is_ca)
    .may_be_present(x509.KeyUsage, Criticality.AGNOSTIC, _ca_may_sign_certificates)
)


def _check_revocation(
    chain: Sequence[x509.Certificate],
    crls: Sequence[x509.CertificateRevocationList],
    at: datetime,
    policy: RevocationPolicy,
) -> tuple[str, ...]:
    warnings: list[str] = []
    # Every certificate but the anchor needs its issuer's CRL; the anchor is trusted as is.
    for index, certificate in enumerate(chain[:-1]):
        issuer = chain[index + 1]
        issuer_name = _display_name(issuer.subject)
        usable = [crl for crl in crls if _crl_signed_by(crl, issuer)]
        if not usable:
            problem = CrlMissingOrStale(issuer_name, None)
            if policy.when_missing is CrlAction.REFUSE:
                raise problem
            warnings.append(problem.args[0])
            continue
        crl = max(usable, key=lambda c: c.last_update_utc)
        entry = crl.get_revoked_certificate_by_serial_number(certificate.serial_number)
        # A revocation after `at` does not undo a signature made before it.
        if entry is not None and entry.revocation_date_utc <= at:
            raise CertificateRevoked(entry.revocation_date_utc, None if index == 0 else issuer_name)
        next_update = crl.next_update_utc
        if next_update is not None and next_update < at:
            problem = CrlMissingOrStale(issuer_name, next_update)
            if policy.when_stale is CrlAction.REFUSE:
                raise problem
            warnings.append(problem.args[0])
    return tuple(warnings)


def _crl_signed_by(crl: x509.CertificateRevocationList, issuer: x509.Certificate) -> bool:
    public_key = issuer.public_key()
    if crl.issuer != issuer.subject or not isinstance(
        public_key, (rsa.RSAPublicKey, ec.EllipticCurvePublicKey)
    ):
        return False
    return crl.is_signature_valid(public_key)


def _require_login_purpose(certificate: x509.Certificate) -> None:
    try:
        usage = certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except x509.ExtensionNotFound:
        return  # no EKU restricts nothing (RFC 5280 4.2.1.12)
    if ExtendedKeyUsageOID.CLIENT_AUTH not in usage:
        raise NotALoginKey()


def _identity(certificate: x509.Certificate, warnings: tuple[str, ...]) -> CertifiedIdentity:
    subject = certificate.subject
    iin = None
    for value in _attributes(subject, NameOID.SERIAL_NUMBER):
        match = _IIN_SERIAL.fullmatch(value.strip())
        if match:
            iin = match.group(1)
    if iin is None:
        raise NoIinInCertificate()
    common_name = next(iter(_attributes(subject, NameOID.COMMON_NAME)), "")
    cn_parts = common_name.split(maxsplit=1)
    surname = next(iter(_attributes(subject, NameOID.SURNAME)), cn_parts[0] if cn_parts else "")
    given_name = next(
        iter(_attributes(subject, NameOID.GIVEN_NAME)), cn_parts[1] if len(cn_parts) > 1 else ""
    )
    bin_ = None
    for value in _attributes(subject, NameOID.ORGANIZATIONAL_UNIT_NAME):
        match = _BIN_UNIT.fullmatch(value.strip())
        if match:
            bin_ = match.group(1)
    try:
        usage = certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
        policy_oids = tuple(oid.dotted_string for oid in usage)
    except x509.ExtensionNotFound:
        policy_oids = ()
    return CertifiedIdentity(
        iin=iin,
        surname=surname,
        given_name=given_name,
        common_name=common_name,
        organisation=next(iter(_attributes(subject, NameOID.ORGANIZATION_NAME)), None),
        bin=bin_,
        fingerprint_sha256=fingerprint_sha256(certificate),
        serial_number=certificate.serial_number,
        issuer=certificate.issuer.rfc4514_string(),
        not_before=certificate.not_valid_before_utc,
        not_after=certificate.not_valid_after_utc,
        policy_oids=policy_oids,
        warnings=warnings,
    )


def subject_iin_and_bin(certificate: x509.Certificate) -> tuple[str | None, str | None]:
    """The IIN (SERIALNUMBER=IIN...) and the organisation's BIN (OU=BIN...) a certificate
    names, each None when absent (an organisation key has no IIN, a citizen's no BIN)."""
    subject = certificate.subject
    iin = bin_ = None
    for value in _attributes(subject, NameOID.SERIAL_NUMBER):
        match = _IIN_SERIAL.fullmatch(value.strip())
        if match:
            iin = match.group(1)
    for value in _attributes(subject, NameOID.ORGANIZATIONAL_UNIT_NAME):
        match = _BIN_UNIT.fullmatch(value.strip())
        if match:
            bin_ = match.group(1)
    return iin, bin_


def _attributes(name: x509.Name, oid: x509.ObjectIdentifier) -> list[str]:
    values = []
    for attribute in name.get_attributes_for_oid(oid):
        value = attribute.value
        values.append(value.decode("utf-8", "replace") if isinstance(value, bytes) else value)
    return values


def _display_name(name: x509.Name) -> str:
    common = _attributes(name, NameOID.COMMON_NAME)
    return common[0] if common else name.rfc4514_string()


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("pass an aware datetime (UTC), not a naive one")


def pem_bytes(certificate: x509.Certificate) -> bytes:
    """PEM of a certificate (for trust-store files and openssl)."""
    return certificate.public_bytes(serialization.Encoding.PEM)
