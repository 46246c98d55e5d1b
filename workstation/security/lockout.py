"""Failed log-ins: what a failure is counted against, and the lock-out policy.

A key file's bytes are not its identity: one byte appended, or the same key re-exported,
gives other bytes. So failures are counted against identities a changed file cannot shed:

- `pfx:<hash>` for each password-protected secret in the file (the ciphertext of a shrouded
  key bag or of an encrypted safe, read without the password). Appending bytes, dropping the
  MAC or re-encoding the file keeps them; changing them breaks the file for every password.
  This is all a desk knows of a file whose password was never typed right on it.
- `cert:<issuer hash>:<serial>` and `iin:<IIN>` once the password has opened the file and its
  certificate chains to the desk's trust store (possession is then proven: the file's key
  matches that certificate). Failures after that point (expired, revoked, no staff record)
  count there, and so does a wrong password on a file this desk has seen open before
  (`services.login_lockout` remembers which secrets belong to which certificate). A re-export
  of a locked key opens, shows the same certificate and IIN, and is still locked.

A certificate read from a file that did not open, or that does not chain, proves nothing (anyone
can put another person's public certificate in a file): failures are never counted against its
IIN, so nobody can lock another person out with a forged file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography import x509

from workstation.security.eds import KeyLockedOut, subject_iin_and_bin

_MAX_NESTING = 4


# ---- what a failure counts against -------------------------------------------------------------


def key_material_ids(p12: bytes) -> tuple[str, ...]:
    """The ids of the password-protected secrets in a PKCS#12 file, known before its password.

    Any bytes are accepted: a file that is not a PKCS#12 structure (or holds no secret) is
    named by its SHA-256 (`file:<hash>`), which is all there is to count for it.
    """
    try:
        secrets = _secrets(p12)
    except Exception:  # hostile bytes: asn1crypto raises assorted errors, parsing lazily
        secrets = []
    if not secrets:
        return (f"file:{hashlib.sha256(p12).hexdigest()[:32]}",)
    return tuple(sorted({f"pfx:{hashlib.sha256(s).hexdigest()[:32]}" for s in secrets}))


def _secrets(p12: bytes) -> list[bytes]:
    from asn1crypto import cms as asn1_cms  # type: ignore[import-untyped]
    from asn1crypto import pkcs12 as asn1_pkcs12

    pfx = asn1_pkcs12.Pfx.load(p12, strict=False)  # trailing bytes are not part of the key
    found: list[bytes] = []
    for info in pfx.authenticated_safe:
        kind = info["content_type"].native
        if kind == "data":
            contents = asn1_pkcs12.SafeContents.load(bytes(info["content"].native))
            _bag_secrets(contents, found, 0)
        elif kind == "encrypted_data":
            encrypted = info["content"]
            if not isinstance(encrypted, asn1_cms.EncryptedData):
                continue
            found.append(bytes(encrypted["encrypted_content_info"]["encrypted_content"].native))
    return found


def _bag_secrets(contents: Any, found: list[bytes], depth: int) -> None:
    if depth > _MAX_NESTING:
        return
    for bag in contents:
        kind = bag["bag_id"].native
        if kind == "pkcs8_shrouded_key_bag":
            found.append(bytes(bag["bag_value"]["encrypted_data"].native))
        elif kind == "key_bag":  # a key with no password: the key itself is the secret
            found.append(bag["bag_value"].dump())
        elif kind == "safe_contents":
            _bag_secrets(bag["bag_value"], found, depth + 1)


def certificate_ids(certificate: x509.Certificate) -> tuple[str, ...]:
    """`cert:<issuer>:<serial>` and, when the subject names one, `iin:<IIN>`.

    Only for a certificate whose key opened and which chains to the trust store (see the
    module's doc)."""
    issuer = hashlib.sha256(certificate.issuer.public_bytes()).hexdigest()[:16]
    ids = [f"cert:{issuer}:{certificate.serial_number:x}"]
    iin, _ = subject_iin_and_bin(certificate)
    if iin:
        ids.append(f"iin:{iin}")
    return tuple(ids)


# ---- the policy ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Attempts:
    failures: int
    first_failure_at: datetime | None
    locked_until: datetime | None


class LoginGuard:
    """Limits failed log-ins per id: after `max_failures` failures within `window`, the id
    is locked for `lockout`. Pure policy: the caller supplies `now` and persists to_dict()."""

    def __init__(
        self,
        *,
        max_failures: int = 5,
        lockout: timedelta = timedelta(minutes=15),
        window: timedelta = timedelta(hours=1),
    ) -> None:
        if max_failures < 1:
            raise ValueError("max_failures must be at least 1")
        self.max_failures = max_failures
        self.lockout = lockout
        self.window = window
        self._attempts: dict[str, _Attempts] = {}

    def check(self, key_id: str, now: datetime) -> None:
        """Raise KeyLockedOut if `key_id` is locked at `now`."""
        self.check_all((key_id,), now)

    def check_all(self, ids: Iterable[str], now: datetime) -> None:
        """Raise KeyLockedOut (until the latest end) if any of `ids` is locked at `now`."""
        until = self.locked_until_any(ids, now)
        if until is not None:
            raise KeyLockedOut(until)

    def locked_until(self, key_id: str, now: datetime) -> datetime | None:
        return self.locked_until_any((key_id,), now)

    def locked_until_any(self, ids: Iterable[str], now: datetime) -> datetime | None:
        _require_aware(now)
        ends = [a.locked_until for a in (self._current(i, now) for i in ids) if a.locked_until]
        return max(ends) if ends else None

    def record_failure(self, key_id: str, now: datetime) -> int:
        """Count a failed attempt; return how many remain before the lock (0: locked now)."""
        _require_aware(now)
        attempts = self._current(key_id, now)
        if attempts.locked_until is not None:
            return 0
        failures = attempts.failures + 1
        first = attempts.first_failure_at or now
        if failures >= self.max_failures:
            self._attempts[key_id] = _Attempts(failures, first, now + self.lockout)
            return 0
        self._attempts[key_id] = _Attempts(failures, first, None)
        return self.max_failures - failures

    def record_failure_all(self, ids: Iterable[str], now: datetime) -> int:
        """Count one failed attempt against each id; the fewest attempts left of them."""
        return min((self.record_failure(i, now) for i in set(ids)), default=self.max_failures)

    def record_success(self, key_id: str) -> None:
        self._attempts.pop(key_id, None)

    def _current(self, key_id: str, now: datetime) -> _Attempts:
        attempts = self._attempts.get(key_id)
        if attempts is None:
            return _Attempts(0, None, None)
        expired_lock = attempts.locked_until is not None and now >= attempts.locked_until
        old_failures = (
            attempts.locked_until is None
            and attempts.first_failure_at is not None
            and now - attempts.first_failure_at > self.window
        )
        if expired_lock or old_failures:
            del self._attempts[key_id]
            return _Attempts(0, None, None)
        return attempts

    def forget_expired(self, now: datetime) -> None:
        """Drop ids whose failures no longer count (keeps the stored state small)."""
        for key_id in list(self._attempts):
            self._current(key_id, now)

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": 1,
            "keys": {
                key_id: {
                    "failures": a.failures,
                    "first_failure_at": _iso(a.first_failure_at),
                    "locked_until": _iso(a.locked_until),
                }
                for key_id, a in sorted(self._attempts.items())
            },
        }

    @classmethod
    def from_dict(
        cls,
        data: Mapping[str, Any],
        *,
        max_failures: int = 5,
        lockout: timedelta = timedelta(minutes=15),
        window: timedelta = timedelta(hours=1),
    ) -> LoginGuard:
        if data.get("version") != 1:
            raise ValueError(f"unknown log-in guard state version {data.get('version')!r}")
        guard = cls(max_failures=max_failures, lockout=lockout, window=window)
        for key_id, entry in data["keys"].items():
            guard._attempts[str(key_id)] = _Attempts(
                int(entry["failures"]),
                _from_iso(entry["first_failure_at"]),
                _from_iso(entry["locked_until"]),
            )
        return guard


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("pass an aware datetime (UTC), not a naive one")


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat()


def _from_iso(text: str | None) -> datetime | None:
    if text is None:
        return None
    moment = datetime.fromisoformat(text)
    _require_aware(moment)
    return moment
