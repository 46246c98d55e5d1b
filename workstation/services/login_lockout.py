"""The desk's record of failed log-ins, kept in the local store (closing the app resets nothing).

What is counted against what: `workstation.security.lockout`. This module keeps the
LoginGuard state (setting `login_guard`) and which secrets of a key file belong to which
certificate and IIN (setting `login_known_keys`), learnt when a file opens with a certificate
that chains to the trust store, so that a wrong password on a known file counts against its
holder's certificate and IIN too.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from workstation.security.lockout import LoginGuard
from workstation.store.local import LocalStore, get_setting, put_setting

GUARD_SETTING = "login_guard"
KNOWN_SETTING = "login_known_keys"
_MAX_KNOWN = 1000  # key files remembered; the oldest is forgotten first


class LockoutBook:
    """Failures per id in the store; one transaction per change."""

    def __init__(
        self, store: LocalStore, *, max_failures: int, lockout: timedelta, window: timedelta
    ) -> None:
        self.store = store
        self.max_failures = max_failures
        self.lockout = lockout
        self.window = window

    def identities_of(self, material: Sequence[str]) -> tuple[str, ...]:
        """The certificate and IIN ids this desk has seen behind these secrets, if any."""
        with self.store.reading() as conn:
            known = _known(get_setting(conn, KNOWN_SETTING))
        found: list[str] = []
        for secret in material:
            for identity in known.get(secret, ()):
                if identity not in found:
                    found.append(identity)
        return tuple(found)

    def check(self, ids: Iterable[str], now: datetime) -> None:
        """Raise KeyLockedOut if any of `ids` is locked."""
        self._read().check_all(ids, now)

    def locked_until(self, ids: Iterable[str], now: datetime) -> datetime | None:
        return self._read().locked_until_any(ids, now)

    def failure(self, ids: Iterable[str], now: datetime) -> tuple[int, datetime | None]:
        """Count one failure against every id: (attempts left, locked until or None)."""
        ids = tuple(ids)
        with self.store.transaction() as conn:
            guard = self._guard(get_setting(conn, GUARD_SETTING))
            left = guard.record_failure_all(ids, now)
            guard.forget_expired(now)
            put_setting(conn, GUARD_SETTING, json.dumps(guard.to_dict(), sort_keys=True))
        return left, guard.locked_until_any(ids, now) if left == 0 else None

    def success(self, ids: Iterable[str]) -> None:
        with self.store.transaction() as conn:
            guard = self._guard(get_setting(conn, GUARD_SETTING))
            for key_id in ids:
                guard.record_success(key_id)
            put_setting(conn, GUARD_SETTING, json.dumps(guard.to_dict(), sort_keys=True))

    def learn(self, material: Sequence[str], identities: Sequence[str]) -> None:
        """Remember that these secrets belong to this certificate and IIN."""
        material = [m for m in material if m.startswith("pfx:")]
        if not material or not identities:
            return
        with self.store.transaction() as conn:
            known = _known(get_setting(conn, KNOWN_SETTING))
            if all(known.get(m) == list(identities) for m in material):
                return
            for secret in material:
                known.pop(secret, None)
                known[secret] = list(identities)
            while len(known) > _MAX_KNOWN:
                known.pop(next(iter(known)))
            put_setting(conn, KNOWN_SETTING, json.dumps(known))

    def _read(self) -> LoginGuard:
        with self.store.reading() as conn:
            return self._guard(get_setting(conn, GUARD_SETTING))

    def _guard(self, text: str | None) -> LoginGuard:
        if text:
            try:
                return LoginGuard.from_dict(
                    json.loads(text),
                    max_failures=self.max_failures,
                    lockout=self.lockout,
                    window=self.window,
                )
            except (ValueError, TypeError, KeyError, AttributeError):
                pass  # a damaged record must not stop every log-in: the count starts again
        return LoginGuard(max_failures=self.max_failures, lockout=self.lockout, window=self.window)


def _known(text: str | None) -> dict[str, list[str]]:
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): [str(i) for i in v] for k, v in data.items() if isinstance(v, list)}
