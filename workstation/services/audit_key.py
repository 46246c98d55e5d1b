"""The desk key's private half is sealed with a secret kept outside the store.

The store is encrypted with the database key; had the desk key lain in it in the clear,
whoever holds the database key (a backup operator, a support engineer given it to repair a
store) could sign audit entries and the audit head like the desk. So the desk key is kept
in the store sealed (AES-256-GCM) with a second secret, the *desk key secret*, which lives
where the database key lives (the OS credential store, or the fallback key folder) under
its own account `audit-<desk account>`. The database key alone then opens the store but
cannot sign: cutting or rewriting entries shows.

A store with no file (tests' in-memory stores) has no account: its key stays unsealed.
"""

from __future__ import annotations

import base64
import os
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from workstation.security.dbkey import (
    SERVICE,
    STORE_ID_FILE,
    default_key_dir,
    find_db_key,
    get_or_create_db_key,
)
from workstation.store.local import LocalStore

SEALED = "sealed:v1:"
_AAD = b"dnr-workstation desk audit key"
_WHAT = "desk key secret (audit)"


class DeskKeyUnavailable(Exception):
    """The sealed desk key cannot be opened here (its secret is gone, or it was damaged)."""


def is_sealed(stored: str) -> bool:
    return stored.startswith(SEALED)


def desk_key_secret(store: LocalStore, *, create: bool) -> bytes | None:
    """The desk key secret of this store's desk; None for a store without a desk account
    (in memory), or when it does not exist and `create` is false."""
    account = _account(store.path)
    if account is None:
        return None
    if create:
        return get_or_create_db_key(SERVICE, account, default_key_dir(), what=_WHAT)[0]
    found = find_db_key(SERVICE, account, default_key_dir(), what=_WHAT)
    return found[0] if found is not None else None


def seal(key_pem: str, secret: bytes) -> str:
    nonce = os.urandom(12)
    sealed = AESGCM(secret).encrypt(nonce, key_pem.encode("ascii"), _AAD)
    return SEALED + base64.b64encode(nonce + sealed).decode("ascii")


def unseal(stored: str, secret: bytes | None) -> str:
    """The private key PEM from a sealed setting; DeskKeyUnavailable if it cannot be."""
    if secret is None:
        raise DeskKeyUnavailable("the desk key secret is not on this computer")
    try:
        raw = base64.b64decode(stored[len(SEALED) :], validate=True)
        return AESGCM(secret).decrypt(raw[:12], raw[12:], _AAD).decode("ascii")
    except (ValueError, InvalidTag, UnicodeDecodeError):
        raise DeskKeyUnavailable("the sealed desk key does not open with its secret") from None


def _account(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        desk_account = (path.parent / STORE_ID_FILE).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return f"audit-{desk_account}" if desk_account else None
