"""A DEMO public-key infrastructure shaped like NCA RK, for demo mode and tests ONLY.

Every certificate made here carries "DEMO" in O (and in the CA names), so a demo key can
never be mistaken for a real one. The real trust store comes from NCA RK (pki.gov.kz).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import Enum
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from workstation.security.roles import Role

DEMO_PASSWORD = "123456"  # the password NCA RK uses for its published test keys

# NCA RK policy OIDs placed in extended key usage (DOMAIN.md, "Electronic digital signature").
OID_INDIVIDUAL = x509.ObjectIdentifier("1.2.398.3.3.4.1.1")
OID_LEGAL_ENTITY = x509.ObjectIdentifier("1.2.398.3.3.4.1.2")
OID_EMPLOYEE = x509.ObjectIdentifier("1.2.398.3.3.4.1.2.5")

ROOT_NAME = "DEMO NCA RK ROOT"
ISSUING_NAME = "DEMO NCA RK (RSA)"
ROGUE_NAME = "DEMO ROGUE CA (NOT TRUSTED)"

# Valid IINs (12 digits, check digit per Decree No. 406; 910512300405 needs the second pass).
_STAFF: tuple[tuple[Role, str, str, str], ...] = (
    (Role.CLERK, "850304400015", "ASANOVA", "AIGERIM"),
    (Role.MIGRATION_OFFICER, "901115300016", "BEKOV", "NURLAN"),
    (Role.SUPERVISOR, "780622400019", "SEITOVA", "GULNARA"),
    (Role.ADMINISTRATOR, "881209300010", "ZHUMABAEV", "DANIYAR"),
)
MINISTRY_SIGNER_IIN = "920718300015"
MIGRATION_SIGNER_IIN = "750203400015"
SPARE_IINS = ("910512300405", "870707400011", "831122300059")

# Valid BINs (digit 5 in 4..6, digit 6 in 0..3, same check digit as the IIN).
TSON_BIN = "070540001236"
MINISTRY_BIN = "230240000013"
MIGRATION_BIN = "991240000013"

TSON_ORG = "DEMO TSON ASTANA"
MINISTRY_ORG = "DEMO MINISTRY OF AI AND DIGITAL DEVELOPMENT"
MIGRATION_ORG = "DEMO MIGRATION SERVICE UMS DP"


class KeyPurpose(Enum):
    """NCA RK issues two keys per person: one to log in, one to sign."""

    AUTH = "AUTH_RSA256"
    SIGN = "RSA256"


class DemoKeyPool:
    """RSA keys by name, generated once and optionally kept on disk.

    Generating RSA keys is the slow part of making a PKI; tests and the demo reuse a pool
    (and a cache directory between runs) so the same name always gives the same key.
    """

    def __init__(self, cache_dir: Path | None = None, key_size: int = 2048) -> None:
        # $DNR_DEMO_KEY_CACHE: where test runs and screenshot scripts keep demo keys
        # between demo desks (each demo PKI made without a pool would make 15 RSA keys).
        cached = os.environ.get("DNR_DEMO_KEY_CACHE")
        self._cache_dir = cache_dir or (Path(cached) if cached else None)
        self._key_size = key_size
        self._keys: dict[str, rsa.RSAPrivateKey] = {}

    def key(self, name: str) -> rsa.RSAPrivateKey:
        if name in self._keys:
            return self._keys[name]
        key = self._load_cached(name) or rsa.generate_private_key(65537, self._key_size)
        self._store_cached(name, key)
        self._keys[name] = key
        return key

    def _cache_path(self, name: str) -> Path | None:
        if self._cache_dir is None:
            return None
        return self._cache_dir / f"{name}-{self._key_size}.pem"

    def _load_cached(self, name: str) -> rsa.RSAPrivateKey | None:
        path = self._cache_path(name)
        if path is None or not path.exists():
            return None
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        return key if isinstance(key, rsa.RSAPrivateKey) else None

    def _store_cached(self, name: str, key: rsa.RSAPrivateKey) -> None:
        path = self._cache_path(name)
        if path is None or path.exists():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(pem)


@dataclass(frozen=True)
class CertificateAuthority:
    """A CA's key and certificate (demo only)."""

    key: rsa.RSAPrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()


@dataclass(frozen=True)
class IssuedKey:
    """One key file as NCA would hand it out: PKCS#12 bytes plus what went into it."""

    purpose: KeyPurpose
    private_key: rsa.RSAPrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]
    p12: bytes
    password: str

    @property
    def file_name(self) -> str:
        # NCA names files <PURPOSE>_<40 hex>.p12; we use the SHA-1 of the certificate.
        digest = self.certificate.fingerprint(hashes.SHA1()).hex()
        return f"{self.purpose.value}_{digest}.p12"

    @property
    def fingerprint_sha256(self) -> str:
        return self.certificate.fingerprint(hashes.SHA256()).hex()

    def save(self, directory: Path) -> Path:
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / self.file_name
        path.write_bytes(self.p12)
        return path


@dataclass(frozen=True)
class DemoStaff:
    """A demo staff member: what the lead needs for a staff record and the demo log-in."""

    role: Role
    iin: str
    surname: str
    given_name: str
    auth_p12: Path
    sign_p12: Path
    password: str
    auth_fingerprint_sha256: str
    sign_fingerprint_sha256: str

    @property
    def display_name(self) -> str:
        return f"{self.surname} {self.given_name}"


@dataclass(frozen=True)
class DemoSigner:
    """A demo organisation signing key (ministry, migration service, the desk)."""

    organisation: str
    bin: str
    iin: str | None
    p12: Path
    password: str
    fingerprint_sha256: str


@dataclass(frozen=True)
class DemoPki:
    """Everything make_demo_pki wrote, plus the CA keys so tests can issue more."""

    directory: Path
    password: str
    trust_dir: Path
    root_pem: Path
    issuing_pem: Path
    crl_files: tuple[Path, ...]
    staff: tuple[DemoStaff, ...]
    ministry: DemoSigner
    migration_service: DemoSigner
    desk: DemoSigner
    root: CertificateAuthority
    issuing: CertificateAuthority
    created_at: datetime
    keys: DemoKeyPool = field(repr=False, compare=False)

    def staff_for(self, role: Role) -> DemoStaff:
        for member in self.staff:
            if member.role is role:
                return member
        raise KeyError(role)

    def issue_staff_key(
        self,
        iin: str | None,
        surname: str,
        given_name: str,
        *,
        purpose: KeyPurpose = KeyPurpose.AUTH,
        not_before: datetime | None = None,
        not_after: datetime | None = None,
        issuer: CertificateAuthority | None = None,
        key_name: str | None = None,
    ) -> IssuedKey:
        """Issue one more staff key (for tests: expired, not yet valid, no IIN, rogue CA)."""
        start = not_before or self.created_at - timedelta(days=1)
        end = not_after or start + timedelta(days=365)
        return _issue_person_key(
            issuer or self.issuing,
            self.keys.key(key_name or f"spare-{purpose.value}"),
            _person_name(iin, surname, given_name, TSON_ORG, TSON_BIN),
            purpose,
            start,
            end,
            self.password,
        )

    def expired_key(self, purpose: KeyPurpose = KeyPurpose.AUTH) -> IssuedKey:
        """A log-in (or signing) key whose certificate ended yesterday."""
        return self.issue_staff_key(
            SPARE_IINS[0],
            "OMAROV",
            "TIMUR",
            purpose=purpose,
            not_before=self.created_at - timedelta(days=400),
            not_after=self.created_at - timedelta(days=1),
        )

    def not_yet_valid_key(self) -> IssuedKey:
        """A log-in key whose certificate starts in ten days."""
        return self.issue_staff_key(
            SPARE_IINS[1],
            "KASYMOVA",
            "DANA",
            not_before=self.created_at + timedelta(days=10),
            not_after=self.created_at + timedelta(days=375),
        )

    def key_without_iin(self) -> IssuedKey:
        """A log-in key whose subject has no SERIALNUMBER=IIN..."""
        return self.issue_staff_key(None, "NOIIN", "PERSON", key_name="staff-noiin")

    def rogue_ca(self) -> CertificateAuthority:
        """A CA that is not in the trust store, with the same look as the real one."""
        key = self.keys.key("rogue-ca")
        certificate = _ca_certificate(
            key, ROGUE_NAME, key, None, self.created_at - timedelta(days=730), 3650
        )
        return CertificateAuthority(key, certificate)

    def untrusted_key(self) -> IssuedKey:
        """The clerk's name and IIN on a key issued by a CA the desk does not trust."""
        clerk = self.staff_for(Role.CLERK)
        return self.issue_staff_key(
            clerk.iin, clerk.surname, clerk.given_name, issuer=self.rogue_ca(), key_name="rogue"
        )

    def revoked_key(
        self, purpose: KeyPurpose = KeyPurpose.AUTH
    ) -> tuple[IssuedKey, x509.CertificateRevocationList]:
        """A log-in (or signing) key and a fresh CRL of the issuing CA that lists it as
        revoked."""
        issued = self.issue_staff_key(SPARE_IINS[2], "ISAEV", "ARMAN", purpose=purpose)
        revoked_at = self.created_at - timedelta(hours=1)
        crl = make_crl(
            self.issuing, [(issued.certificate.serial_number, revoked_at)], self.created_at
        )
        return issued, crl

    def crl(
        self,
        authority: CertificateAuthority | None = None,
        revoked: Sequence[tuple[int, datetime]] = (),
        *,
        last_update: datetime | None = None,
        next_update: datetime | None = None,
    ) -> x509.CertificateRevocationList:
        """A CRL from `authority` (the issuing CA by default)."""
        return make_crl(
            authority or self.issuing,
            revoked,
            last_update or self.created_at,
            next_update=next_update,
        )

    def crls(self) -> list[x509.CertificateRevocationList]:
        """The current (empty) CRLs of the root and the issuing CA, as saved on disk."""
        return [x509.load_der_x509_crl(path.read_bytes()) for path in sorted(self.crl_files)]


def make_demo_pki(
    directory: Path,
    password: str = DEMO_PASSWORD,
    *,
    keys: DemoKeyPool | None = None,
    now: datetime | None = None,
) -> DemoPki:
    """Write a demo NCA-like PKI under `directory` and describe it.

    Layout: trust/ (root.pem, issuing.pem), crl/ (root.crl, issuing.crl, DER),
    staff/<role>/AUTH_RSA256_*.p12 and RSA256_*.p12 (separate log-in and signing keys,
    as NCA issues them), mdai/, migration_service/ and desk/ with RSA256_*.p12.
    """
    keys = keys or DemoKeyPool()
    created_at = (now or datetime.now(UTC)).replace(microsecond=0)
    # Keys valid from half a year back: demo data (approvals, desk work) is dated up to
    # months before the PKI is made, and a signature must fall within its key's validity.
    start = created_at - timedelta(days=180)
    # The CAs predate the staff keys by two years, so expired staff keys fall inside them.
    ca_start = created_at - timedelta(days=730)

    root_key = keys.key("root-ca")
    root = CertificateAuthority(
        root_key, _ca_certificate(root_key, ROOT_NAME, root_key, None, ca_start, 3650)
    )
    issuing_key = keys.key("issuing-ca")
    issuing_cert = _ca_certificate(
        issuing_key, ISSUING_NAME, root_key, root.certificate, ca_start, 3000
    )
    issuing = CertificateAuthority(issuing_key, issuing_cert, (issuing_cert,))

    trust_dir = directory / "trust"
    trust_dir.mkdir(parents=True, exist_ok=True)
    root_pem = trust_dir / "root.pem"
    root_pem.write_bytes(root.certificate.public_bytes(serialization.Encoding.PEM))
    issuing_pem = trust_dir / "issuing.pem"
    issuing_pem.write_bytes(issuing_cert.public_bytes(serialization.Encoding.PEM))

    crl_dir = directory / "crl"
    crl_dir.mkdir(parents=True, exist_ok=True)
    crl_files = []
    for name, authority in (("root", root), ("issuing", issuing)):
        path = crl_dir / f"{name}.crl"
        path.write_bytes(
            make_crl(authority, [], created_at).public_bytes(serialization.Encoding.DER)
        )
        crl_files.append(path)

    end = created_at + timedelta(days=364)
    staff = []
    for role, iin, surname, given_name in _STAFF:
        subject = _person_name(iin, surname, given_name, TSON_ORG, TSON_BIN)
        auth = _issue_person_key(
            issuing, keys.key(f"{role.value}-auth"), subject, KeyPurpose.AUTH, start, end, password
        )
        sign = _issue_person_key(
            issuing, keys.key(f"{role.value}-sign"), subject, KeyPurpose.SIGN, start, end, password
        )
        folder = directory / "staff" / role.value
        staff.append(
            DemoStaff(
                role=role,
                iin=iin,
                surname=surname,
                given_name=given_name,
                auth_p12=auth.save(folder),
                sign_p12=sign.save(folder),
                password=password,
                auth_fingerprint_sha256=auth.fingerprint_sha256,
                sign_fingerprint_sha256=sign.fingerprint_sha256,
            )
        )

    def organisation_signer(
        folder: str, organisation: str, bin_: str, iin: str | None, person: tuple[str, str]
    ) -> DemoSigner:
        subject = _person_name(iin, person[0], person[1], organisation, bin_)
        issued = _issue_person_key(
            issuing, keys.key(f"{folder}-sign"), subject, KeyPurpose.SIGN, start, end, password
        )
        return DemoSigner(
            organisation=organisation,
            bin=bin_,
            iin=iin,
            p12=issued.save(directory / folder),
            password=password,
            fingerprint_sha256=issued.fingerprint_sha256,
        )

    return DemoPki(
        directory=directory,
        password=password,
        trust_dir=trust_dir,
        root_pem=root_pem,
        issuing_pem=issuing_pem,
        crl_files=tuple(crl_files),
        staff=tuple(staff),
        ministry=organisation_signer(
            "mdai", MINISTRY_ORG, MINISTRY_BIN, MINISTRY_SIGNER_IIN, ("TOKTAROV", "ERLAN")
        ),
        migration_service=organisation_signer(
            "migration_service",
            MIGRATION_ORG,
            MIGRATION_BIN,
            MIGRATION_SIGNER_IIN,
            ("ALIEVA", "SAULE"),
        ),
        # The desk signs its audit log with the service centre's organisation key (no IIN).
        desk=organisation_signer("desk", TSON_ORG, TSON_BIN, None, ("DESK", "AST-01")),
        root=root,
        issuing=issuing,
        created_at=created_at,
        keys=keys,
    )


def make_crl(
    authority: CertificateAuthority,
    revoked: Sequence[tuple[int, datetime]],
    last_update: datetime,
    *,
    next_update: datetime | None = None,
) -> x509.CertificateRevocationList:
    """A CRL signed by `authority` listing (serial number, revocation time) pairs."""
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(authority.certificate.subject)
        .last_update(last_update)
        .next_update(next_update or last_update + timedelta(days=7))
        .add_extension(x509.CRLNumber(int(last_update.timestamp())), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(authority.key.public_key()),
            critical=False,
        )
    )
    for serial, when in revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(when).build()
        )
    return builder.sign(authority.key, hashes.SHA256())


def _person_name(
    iin: str | None, surname: str, given_name: str, organisation: str, bin_: str
) -> x509.Name:
    # The attribute order follows NCA RK certificates.
    attributes = [
        x509.NameAttribute(NameOID.COMMON_NAME, f"{surname} {given_name}"),
        x509.NameAttribute(NameOID.SURNAME, surname),
        x509.NameAttribute(NameOID.GIVEN_NAME, given_name),
    ]
    if iin is not None:
        attributes.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, f"IIN{iin}"))
    attributes += [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, f"BIN{bin_}"),
    ]
    return x509.Name(attributes)


def demo_name(common_name: str) -> x509.Name:
    """The subject of a DEMO authority: the name, organisation DEMO NCA RK, country KZ."""
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "DEMO NCA RK"),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
        ]
    )


def issue_certificate(
    key: rsa.RSAPrivateKey,
    subject: x509.Name,
    issuer_name: x509.Name,
    issuer_key: rsa.RSAPrivateKey,
    not_before: datetime,
    not_after: datetime,
    *,
    ca: bool,
    signing: bool = False,
    content_commitment: bool = False,
    key_encipherment: bool = False,
    extended: x509.ExtendedKeyUsage | None = None,
    extended_critical: bool = False,
) -> x509.Certificate:
    """A certificate of the demo PKI: basic constraints and key usage (critical), the
    extended key usage when given, subject and authority key ids; signed SHA-256. A CA's key
    usage is certificate and CRL signing; an end entity's is what the flags say."""
    usage = x509.KeyUsage(
        digital_signature=signing,
        content_commitment=content_commitment,
        key_encipherment=key_encipherment,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(usage, critical=True)
    )
    if extended is not None:
        builder = builder.add_extension(extended, critical=extended_critical)
    builder = builder.add_extension(
        x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False
    ).add_extension(
        x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
        critical=False,
    )
    return builder.sign(issuer_key, hashes.SHA256())


def _ca_certificate(
    key: rsa.RSAPrivateKey,
    common_name: str,
    issuer_key: rsa.RSAPrivateKey,
    issuer: x509.Certificate | None,
    not_before: datetime,
    days: int,
) -> x509.Certificate:
    subject = demo_name(common_name)
    return issue_certificate(
        key,
        subject,
        issuer.subject if issuer else subject,
        issuer_key,
        not_before,
        not_before + timedelta(days=days),
        ca=True,
    )


def _issue_person_key(
    issuer: CertificateAuthority,
    key: rsa.RSAPrivateKey,
    subject: x509.Name,
    purpose: KeyPurpose,
    not_before: datetime,
    not_after: datetime,
    password: str,
) -> IssuedKey:
    is_auth = purpose is KeyPurpose.AUTH
    policy_oids = [OID_LEGAL_ENTITY, OID_EMPLOYEE]
    purpose_oid = (
        ExtendedKeyUsageOID.CLIENT_AUTH if is_auth else ExtendedKeyUsageOID.EMAIL_PROTECTION
    )
    certificate = issue_certificate(
        key,
        subject,
        issuer.certificate.subject,
        issuer.key,
        not_before,
        not_after,
        ca=False,
        signing=True,
        content_commitment=not is_auth,
        key_encipherment=is_auth,
        extended=x509.ExtendedKeyUsage([purpose_oid, *policy_oids]),
    )
    chain = issuer.chain
    p12 = pkcs12.serialize_key_and_certificates(
        name=hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER))
        .hexdigest()[:16]
        .encode(),
        key=key,
        cert=certificate,
        cas=list(chain) or None,
        encryption_algorithm=serialization.BestAvailableEncryption(password.encode()),
    )
    return IssuedKey(purpose, key, certificate, chain, p12, password)
