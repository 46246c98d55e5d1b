"""The DEMO PKI materialised in a demo desk's data folder, kept usable between runs.

Demo mode ONLY: `make_demo_pki` writes the trust store, CRLs and key files once; a manifest
(`demo-pki.json`) remembers which file is whose, so the same key files are offered on every
start. The two demo CA keys are kept beside them (unencrypted: they sign nothing real) so the
CRLs, which go stale after 7 days, can be re-issued; when the staff keys near the end of their
year the whole PKI is made again.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from workstation.security.pki import (
    DEMO_PASSWORD,
    CertificateAuthority,
    DemoKeyPool,
    IssuedKey,
    make_crl,
    make_demo_pki,
)
from workstation.security.roles import Role

MANIFEST = "demo-pki.json"
_FORMAT = 1
# Re-issue a CRL a day before its nextUpdate, so a desk left running does not go stale.
CRL_REFRESH_MARGIN = timedelta(days=1)
# Make the PKI again when the staff keys have less than this left.
RENEW_MARGIN = timedelta(days=2)
# Folders of the PKI that a renewal replaces (nothing else in the data folder is touched).
_OWNED = ("trust", "crl", "ca", "staff", "refusals", "mdai", "migration_service", "desk")


class DemoKeyKind(Enum):
    STAFF = "staff"
    EXPIRED = "expired"
    REVOKED = "revoked"
    UNTRUSTED = "untrusted"


@dataclass(frozen=True)
class DemoKeyFile:
    """A demo log-in key offered on the demo log-in screen."""

    kind: DemoKeyKind
    path: Path
    display_name: str
    iin: str | None
    role: Role | None  # staff keys only
    fingerprint_sha256: str

    @property
    def label(self) -> str:
        """What the log-in screen shows; always says DEMO."""
        if self.role is not None:
            return f"DEMO · {self.role.label.capitalize()} — {self.display_name}"
        refused = {
            DemoKeyKind.EXPIRED: "expired key",
            DemoKeyKind.REVOKED: "revoked key",
            DemoKeyKind.UNTRUSTED: "key from an untrusted CA",
        }[self.kind]
        return f"DEMO · {refused} (refused) — {self.display_name}"


@dataclass(frozen=True)
class DemoLoginPki:
    """A demo PKI on disk: where the desk's trust store, CRLs and key files are."""

    directory: Path
    password: str
    trust_dir: Path
    crl_dir: Path
    keys: tuple[DemoKeyFile, ...]
    ministry_p12: Path
    migration_service_p12: Path
    desk_p12: Path
    created_at: datetime
    valid_until: datetime

    @property
    def staff_keys(self) -> tuple[DemoKeyFile, ...]:
        return tuple(k for k in self.keys if k.kind is DemoKeyKind.STAFF)

    def key_for(self, role: Role) -> DemoKeyFile:
        for key in self.keys:
            if key.role is role:
                return key
        raise KeyError(role)

    def key_of(self, kind: DemoKeyKind) -> DemoKeyFile:
        for key in self.keys:
            if key.kind is kind:
                return key
        raise KeyError(kind)


def ensure_demo_pki(
    directory: Path, now: datetime | None = None, *, keys: DemoKeyPool | None = None
) -> DemoLoginPki:
    """The demo PKI under `directory`: made on first use (or when its keys near their end),
    read back otherwise; its CRLs are re-issued when they are about to go stale."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    loaded = _load(directory)
    if loaded is None or loaded.valid_until - now < RENEW_MARGIN or loaded.created_at > now:
        loaded = _make(directory, now, keys)
    refresh_demo_crls(loaded, now)
    return loaded


def refresh_demo_crls(pki: DemoLoginPki, now: datetime) -> bool:
    """Re-issue the demo CRLs that are stale or about to be; True if any was re-issued."""
    manifest = json.loads((pki.directory / MANIFEST).read_text(encoding="utf-8"))
    revoked = [(int(serial), datetime.fromisoformat(at)) for serial, at in manifest["revoked"]]
    renewed = False
    for name in ("root", "issuing"):
        path = pki.crl_dir / f"{name}.crl"
        current = x509.load_der_x509_crl(path.read_bytes()) if path.exists() else None
        next_update = current.next_update_utc if current is not None else None
        if next_update is not None and next_update - now > CRL_REFRESH_MARGIN:
            continue
        authority = _authority(pki.directory, name)
        listed = revoked if name == "issuing" else []
        crl = make_crl(authority, listed, now.replace(microsecond=0))
        _write(path, crl.public_bytes(serialization.Encoding.DER))
        renewed = True
    return renewed


# ---- making and reading ----------------------------------------------------------------------


def _make(directory: Path, now: datetime, keys: DemoKeyPool | None) -> DemoLoginPki:
    for name in _OWNED:
        shutil.rmtree(directory / name, ignore_errors=True)
    directory.mkdir(parents=True, exist_ok=True)
    pki = make_demo_pki(directory, DEMO_PASSWORD, keys=keys or DemoKeyPool(), now=now)
    _save_ca_key(directory / "ca" / "root.key.pem", pki.root.key)
    _save_ca_key(directory / "ca" / "issuing.key.pem", pki.issuing.key)

    refusals = directory / "refusals"
    expired = pki.expired_key()
    revoked, _crl = pki.revoked_key()
    untrusted = pki.untrusted_key()
    entries = [
        _entry(directory, DemoKeyKind.STAFF, member.auth_p12, member.display_name, member.iin,
               member.role, member.auth_fingerprint_sha256)
        for member in pki.staff
    ]  # fmt: skip
    for kind, issued in (
        (DemoKeyKind.EXPIRED, expired),
        (DemoKeyKind.REVOKED, revoked),
        (DemoKeyKind.UNTRUSTED, untrusted),
    ):
        entries.append(_issued_entry(directory, kind, issued, refusals / kind.value))
    valid_until = min(
        x509.load_der_x509_certificate(_cert_der(member.auth_p12)).not_valid_after_utc
        for member in pki.staff
    )
    manifest = {
        "format": _FORMAT,
        "created_at": pki.created_at.isoformat(),
        "valid_until": valid_until.isoformat(),
        "password": pki.password,
        "keys": entries,
        "ministry": _relative(directory, pki.ministry.p12),
        "migration_service": _relative(directory, pki.migration_service.p12),
        "desk": _relative(directory, pki.desk.p12),
        "revoked": [
            [revoked.certificate.serial_number, (pki.created_at - timedelta(hours=1)).isoformat()]
        ],
    }
    _write(directory / MANIFEST, json.dumps(manifest, indent=2, sort_keys=True).encode())
    loaded = _load(directory)
    assert loaded is not None
    # make_demo_pki wrote empty CRLs; the issuing CA's must list the revoked demo key.
    (loaded.crl_dir / "issuing.crl").unlink()
    refresh_demo_crls(loaded, now)
    return loaded


def _load(directory: Path) -> DemoLoginPki | None:
    path = directory / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if manifest.get("format") != _FORMAT:
        return None
    keys = tuple(
        DemoKeyFile(
            kind=DemoKeyKind(entry["kind"]),
            path=directory / entry["path"],
            display_name=entry["name"],
            iin=entry["iin"],
            role=Role(entry["role"]) if entry["role"] else None,
            fingerprint_sha256=entry["fingerprint"],
        )
        for entry in manifest["keys"]
    )
    if not all(key.path.is_file() for key in keys):
        return None
    return DemoLoginPki(
        directory=directory,
        password=manifest["password"],
        trust_dir=directory / "trust",
        crl_dir=directory / "crl",
        keys=keys,
        ministry_p12=directory / manifest["ministry"],
        migration_service_p12=directory / manifest["migration_service"],
        desk_p12=directory / manifest["desk"],
        created_at=datetime.fromisoformat(manifest["created_at"]),
        valid_until=datetime.fromisoformat(manifest["valid_until"]),
    )


def _entry(
    directory: Path,
    kind: DemoKeyKind,
    path: Path,
    name: str,
    iin: str | None,
    role: Role | None,
    fingerprint: str,
) -> dict[str, object]:
    return {
        "kind": kind.value,
        "path": _relative(directory, path),
        "name": name,
        "iin": iin,
        "role": role.value if role else None,
        "fingerprint": fingerprint,
    }


def _issued_entry(
    directory: Path, kind: DemoKeyKind, issued: IssuedKey, folder: Path
) -> dict[str, object]:
    subject = issued.certificate.subject
    names = subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    serials = subject.get_attributes_for_oid(x509.NameOID.SERIAL_NUMBER)
    iin = str(serials[0].value).removeprefix("IIN") if serials else None
    name = str(names[0].value) if names else ""
    return _entry(directory, kind, issued.save(folder), name, iin, None, issued.fingerprint_sha256)


def _cert_der(p12_path: Path) -> bytes:
    from cryptography.hazmat.primitives.serialization import pkcs12

    loaded = pkcs12.load_pkcs12(p12_path.read_bytes(), DEMO_PASSWORD.encode())
    assert loaded.cert is not None
    return loaded.cert.certificate.public_bytes(serialization.Encoding.DER)


def _authority(directory: Path, name: str) -> CertificateAuthority:
    key = serialization.load_pem_private_key(
        (directory / "ca" / f"{name}.key.pem").read_bytes(), password=None
    )
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError(f"the demo {name} CA key is not an RSA key")
    certificate = x509.load_pem_x509_certificate((directory / "trust" / f"{name}.pem").read_bytes())
    return CertificateAuthority(key, certificate)


def _save_ca_key(path: Path, key: rsa.RSAPrivateKey) -> None:
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    _write(path, pem, mode=0o600)


def _write(path: Path, data: bytes, *, mode: int = 0o644) -> None:
    # Write-then-rename: a desk that reads the CRL folder never sees half a file.
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.replace(partial, path)


def _relative(directory: Path, path: Path) -> str:
    return path.relative_to(directory).as_posix()
