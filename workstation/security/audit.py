"""The Decree 832 audit trail as pure logic: hash-chained, desk-signed entries and their check.

Each entry's hash is SHA-256(previous entry hash || canonical bytes of the entry), and the
canonical bytes (which include the previous hash) carry a detached CMS signature by the
desk key. CMS rather than a raw signature: the signer certificate travels with the entry,
the same trust-store and validity checks as for journal events apply, and an auditor can
check any exported entry with `openssl cms -verify` without our software.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import Enum
from types import MappingProxyType
from typing import Any

from cryptography import x509

from workstation.security.canonical import canonical_datetime, canonical_json
from workstation.security.cms import SignatureInvalid, sign_detached, verify_detached
from workstation.security.eds import SigningPrivateKey, TrustStore

GENESIS_HASH = "0" * 64
_FORMAT = 1


class AuditAction(Enum):
    """What a person (or the desk) did that the law wants logged."""

    LOGIN = "login"
    LOGOUT = "logout"
    LOGIN_FAILED = "login_failed"
    KEY_LOCKED_OUT = "key_locked_out"
    LOCK = "lock"
    UNLOCK = "unlock"
    VIEW_FINGERPRINTS = "view_fingerprints"
    # An officer opened a submitted application (the printed form) to review it.
    VIEW_DOCUMENT = "view_document"
    PRINT = "print"
    EXPORT = "export"
    ROLE_CHANGE = "role_change"
    STAFF_CHANGE = "staff_change"
    TRUST_STORE_CHANGE = "trust_store_change"
    SETUP_CHANGE = "setup_change"
    SYNC = "sync"
    AUDIT_VERIFIED = "audit_verified"
    DESK_KEY_CREATED = "desk_key_created"  # the first entry of a desk: its signing key
    # Written by the desk itself when, at an append, the stored head was not one it signed
    # for the newest entry (entries cut, the head rewritten): the break stays in the chain.
    HEAD_REWRITTEN = "audit_head_rewritten"
    # Never written: what a stored action that is not one of the above reads back as, so
    # the entry fails its hash check ("changed") instead of stopping the check.
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class AuditEntry:
    """One audit record. `subject` is a case id or similar handle, never personal data."""

    seq: int
    at: datetime
    actor_iin: str | None
    actor_fingerprint: str | None
    workstation_id: str
    action: AuditAction
    subject: str
    details: Mapping[str, Any]
    prev_hash: str
    entry_hash: str
    signature: bytes = field(repr=False)

    def signed_bytes(self) -> bytes:
        """The canonical bytes that the hash and the signature cover."""
        return canonical_json(
            {
                "format": _FORMAT,
                "seq": self.seq,
                "at": self.at,
                "actor_iin": self.actor_iin,
                "actor_fingerprint": self.actor_fingerprint,
                "workstation_id": self.workstation_id,
                "action": self.action.value,
                "subject": self.subject,
                "details": self.details,
                "prev_hash": self.prev_hash,
            }
        )

    def computed_hash(self) -> str:
        return _chain_hash(self.prev_hash, self.signed_bytes())

    def to_record(self) -> dict[str, Any]:
        """A plain dict for storage (the lead's audit table) and export."""
        return {
            "seq": self.seq,
            "at": canonical_datetime(self.at),
            "actor_iin": self.actor_iin,
            "actor_fingerprint": self.actor_fingerprint,
            "workstation_id": self.workstation_id,
            "action": self.action.value,
            "subject": self.subject,
            "details": dict(self.details),
            "prev_hash": self.prev_hash,
            "entry_hash": self.entry_hash,
            "signature": base64.b64encode(self.signature).decode("ascii"),
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> AuditEntry:
        at = datetime.fromisoformat(str(record["at"]).replace("Z", "+00:00"))
        return cls(
            seq=int(record["seq"]),
            at=at,
            actor_iin=record["actor_iin"],
            actor_fingerprint=record["actor_fingerprint"],
            workstation_id=str(record["workstation_id"]),
            action=AuditAction(record["action"]),
            subject=str(record["subject"]),
            details=MappingProxyType(dict(record["details"])),
            prev_hash=str(record["prev_hash"]),
            entry_hash=str(record["entry_hash"]),
            signature=base64.b64decode(record["signature"]),
        )


def append(
    prev: AuditEntry | None,
    *,
    at: datetime,
    actor_iin: str | None,
    actor_fingerprint: str | None,
    workstation_id: str,
    action: AuditAction,
    subject: str = "",
    details: Mapping[str, Any] | None = None,
    desk_key: SigningPrivateKey,
    desk_cert: x509.Certificate,
    desk_chain: Sequence[x509.Certificate] = (),
    after: AuditHead | None = None,
) -> AuditEntry:
    """Make the entry that follows `prev` (None for the first), hashed and signed; with
    `after` (a signed head naming a later entry than `prev`), the one that follows that."""
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("audit time must be an aware datetime (UTC)")
    # Round-trip through the canonical form so a stored entry re-hashes to the same value.
    frozen_details: Mapping[str, Any] = MappingProxyType(dict(details or {}))
    canonical_json(frozen_details)  # refuse what cannot be hashed the same way everywhere
    if after is not None:
        seq, prev_hash = after.seq + 1, after.entry_hash
    else:
        seq = 1 if prev is None else prev.seq + 1
        prev_hash = GENESIS_HASH if prev is None else prev.entry_hash
    unsigned = AuditEntry(
        seq=seq,
        at=at.astimezone(UTC),
        actor_iin=actor_iin,
        actor_fingerprint=actor_fingerprint,
        workstation_id=workstation_id,
        action=action,
        subject=subject,
        details=frozen_details,
        prev_hash=prev_hash,
        entry_hash="",
        signature=b"",
    )
    body = unsigned.signed_bytes()
    return replace(
        unsigned,
        entry_hash=_chain_hash(unsigned.prev_hash, body),
        signature=sign_detached(body, desk_key, desk_cert, desk_chain),
    )


class ChainBreak(Enum):
    CHANGED = "changed"
    DELETED = "deleted"
    REORDERED = "reordered"
    LINK_BROKEN = "link_broken"
    BAD_SIGNATURE = "bad_signature"


@dataclass(frozen=True)
class ChainReport:
    """The outcome of verify_chain; on failure it names the first broken link."""

    checked: int
    broken_at_seq: int | None = None
    broken_at_index: int | None = None
    kind: ChainBreak | None = None
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.kind is None


def verify_chain(
    entries: Sequence[AuditEntry],
    trust: TrustStore,
    *,
    crls: Sequence[x509.CertificateRevocationList] = (),
    after: AuditEntry | None = None,
) -> ChainReport:
    """Check entries in stored order; `after` is an already verified entry they continue.

    Without `after` the chain must start at seq 1 from the genesis hash, so losing the
    oldest entries is caught too.
    """
    expected_seq = 1 if after is None else after.seq + 1
    expected_prev = GENESIS_HASH if after is None else after.entry_hash
    for index, entry in enumerate(entries):

        def broken(
            kind: ChainBreak, message: str, seq: int = entry.seq, index: int = index
        ) -> ChainReport:
            return ChainReport(index, seq, index, kind, message)

        if entry.seq != expected_seq:
            if entry.seq > expected_seq and all(e.seq != expected_seq for e in entries[index:]):
                missing = (
                    f"{expected_seq}"
                    if entry.seq == expected_seq + 1
                    else f"{expected_seq}-{entry.seq - 1}"
                )
                return broken(
                    ChainBreak.DELETED,
                    f"Audit entries {missing} are missing before entry {entry.seq}: deleted.",
                    expected_seq,
                )
            return broken(
                ChainBreak.REORDERED,
                f"Entry {entry.seq} stands where entry {expected_seq} should be: "
                "entries were reordered.",
                expected_seq,
            )
        if entry.computed_hash() != entry.entry_hash:
            return broken(
                ChainBreak.CHANGED, f"Entry {entry.seq} was changed after it was written."
            )
        if entry.prev_hash != expected_prev:
            return broken(
                ChainBreak.LINK_BROKEN,
                f"Entry {entry.seq} does not follow entry {entry.seq - 1}: "
                "an entry was replaced or inserted.",
            )
        try:
            verify_detached(entry.signed_bytes(), entry.signature, trust, entry.at, crls=crls)
        except SignatureInvalid as error:
            return broken(
                ChainBreak.BAD_SIGNATURE, f"Entry {entry.seq} has a bad signature: {error}"
            )
        expected_seq = entry.seq + 1
        expected_prev = entry.entry_hash
    return ChainReport(len(entries))


# ---- the signed head -------------------------------------------------------------------------
# The newest entry's number and hash, signed by the desk key at every append. Cutting entries
# off the end leaves an intact chain; the signed head still names them, and only the desk key
# can sign a shorter one.


@dataclass(frozen=True)
class AuditHead:
    seq: int
    entry_hash: str
    signature: bytes = field(default=b"", repr=False)

    def signed_bytes(self) -> bytes:
        return head_bytes(self.seq, self.entry_hash)

    def to_text(self) -> str:
        """`<seq>:<hash>:<base64 CMS>`, as kept in the store."""
        return f"{self.seq}:{self.entry_hash}:{base64.b64encode(self.signature).decode('ascii')}"

    @classmethod
    def from_text(cls, text: str) -> AuditHead:
        """Read a stored head; a head of before signatures (`<seq>:<hash>`) has none.
        ValueError for anything else."""
        parts = text.split(":")
        if len(parts) not in (2, 3) or not parts[0].isdigit():
            raise ValueError("not an audit head")
        signature = base64.b64decode(parts[2], validate=True) if len(parts) == 3 else b""
        return cls(int(parts[0]), parts[1], signature)


def head_bytes(seq: int, entry_hash: str) -> bytes:
    return canonical_json({"format": _FORMAT, "audit_head": {"seq": seq, "entry_hash": entry_hash}})


def sign_head(
    entry: AuditEntry, desk_key: SigningPrivateKey, desk_cert: x509.Certificate
) -> AuditHead:
    """The head naming `entry`, signed by the desk key."""
    body = head_bytes(entry.seq, entry.entry_hash)
    return AuditHead(entry.seq, entry.entry_hash, sign_detached(body, desk_key, desk_cert))


def head_problem(head: AuditHead, trust: TrustStore, at: datetime) -> str | None:
    """Why the head's signature does not hold (None: it does)."""
    if not head.signature:
        return "The audit head is not signed: its signature was removed."
    try:
        verify_detached(head.signed_bytes(), head.signature, trust, at)
    except SignatureInvalid as error:
        return f"The audit head's signature does not verify ({error}): the head was rewritten."
    return None


def _chain_hash(prev_hash: str, body: bytes) -> str:
    try:
        previous = bytes.fromhex(prev_hash)
    except ValueError:
        previous = prev_hash.encode("utf-8")  # a damaged hash must still give a (wrong) hash
    return hashlib.sha256(previous + body).hexdigest()
