"""The local database key: kept in the OS credential store, or in a 0600 file on headless hosts.

Where the key lives, in order:
1. the OS credential store through `keyring` (Windows Credential Manager, macOS Keychain,
   Secret Service on Linux desktops), if it holds a key for (service, account);
2. the fallback key file `<fallback_dir>/<service>-<account>.key`, if it exists (a desk set
   up while no credential store worked keeps using that file; it is never moved silently);
3. otherwise a new random 32-byte key goes into the credential store, and when no usable
   store exists (headless Linux: keyring's fail backend raises, the null backend forgets)
   into a new fallback file created with O_CREAT|O_EXCL and mode 0600, with a warning.
The key itself never appears in logs or error messages.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
from pathlib import Path, PurePath

import keyring
import platformdirs

from workstation.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

KEY_BYTES = 32
SERVICE = "dnr-workstation"
APP_NAME = "dnr-workstation"  # as workstation.services.setup (which this layer cannot import)
APP_AUTHOR = "DNR"
KEY_DIR_ENV = "DNR_WORKSTATION_KEY_DIR"
STORE_ID_FILE = "desk.id"
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")
_ACCOUNT = re.compile(r"local-db-[0-9a-f]{16}")
_warned: set[Path] = set()  # key files already warned about in this process


class DatabaseKeyUnusable(RuntimeError):
    """The stored database key cannot be used safely; the message says how to fix it."""


def get_or_create_db_key(
    service: str, account: str, fallback_dir: Path, *, what: str = "database key"
) -> tuple[bytes, str]:
    """Return (key, where it lives) for the local database of (service, account); `what`
    names the secret in the log (the audit's desk key secret is kept the same way)."""
    found, backend_problem = _find(service, account, fallback_dir, what)
    if found is not None:
        return found
    fallback = fallback_key_path(service, account, fallback_dir)
    key = secrets.token_bytes(KEY_BYTES)
    if backend_problem is None:
        backend_problem = _write_keyring(service, account, key.hex())
        if backend_problem is None:
            return key, _keyring_label()
    log.warning(
        "No usable OS credential store (%s); the %s is kept in %s (mode 0600).",
        backend_problem,
        what,
        fallback,
    )
    return _create_key_file(fallback, key), f"key file {fallback}"


def find_db_key(
    service: str, account: str, fallback_dir: Path, *, what: str = "database key"
) -> tuple[bytes, str] | None:
    """The existing key of (service, account) and where it lives, or None; never makes one."""
    return _find(service, account, fallback_dir, what)[0]


def _find(
    service: str, account: str, fallback_dir: Path, what: str = "database key"
) -> tuple[tuple[bytes, str] | None, str | None]:
    """((key, where) or None, why the credential store is unusable or None)."""
    stored, backend_problem = _read_keyring(service, account)
    if stored is not None:
        where = QT_TRANSLATE_NOOP("setup", "the OS credential store ({entry})").format(
            entry=f"{service}/{account}"
        )
        return (_decode(stored, where), _keyring_label()), None
    fallback = fallback_key_path(service, account, fallback_dir)
    if fallback.exists():
        key = _read_key_file(fallback)
        if fallback not in _warned:
            _warned.add(fallback)
            log.warning(
                "The %s is read from the file %s, not from an OS credential store: "
                "it protects the data from other users of this computer, not from someone "
                "who has the disk. Use full-disk encryption on this host.",
                what,
                fallback,
            )
        return (key, f"key file {fallback}"), backend_problem
    return None, backend_problem


def default_key_dir() -> Path:
    """Where fallback key files go: $DNR_WORKSTATION_KEY_DIR, else `keys` in the user's
    config folder, never inside the data folder.

    Deliberately not the data directory, so a copy or backup of the data directory does
    not carry the key that opens it. On Windows the config and data folders are one
    (%LOCALAPPDATA%\\DNR\\dnr-workstation), so the keys go beside it:
    %LOCALAPPDATA%\\DNR\\dnr-workstation-keys.
    """
    override = os.environ.get(KEY_DIR_ENV)
    if override:
        return Path(override)
    return Path(platform_key_dir(_config_dir(), _data_dir()))


def platform_key_dir(config_dir: PurePath, data_dir: PurePath) -> PurePath:
    """`config_dir`/keys, or a sibling of `data_dir` when that would be inside it."""
    keys = config_dir / "keys"
    if keys.is_relative_to(data_dir):
        return data_dir.parent / f"{data_dir.name}-keys"
    return keys


def _config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def _data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def _move_from_old_key_dir(account: str, key_dir: Path) -> None:
    """Versions before this one kept Windows key files in the data folder's keys/: move such
    a file out of the data folder (once, with a warning), so that the key is found again and
    a copy of the data folder no longer carries it."""
    if os.environ.get(KEY_DIR_ENV):
        return
    old_dir = _config_dir() / "keys"
    if old_dir == key_dir:
        return
    old = fallback_key_path(SERVICE, account, old_dir)
    new = fallback_key_path(SERVICE, account, key_dir)
    if not old.exists() or new.exists():
        return
    key_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.replace(old, new)
    log.warning("The database key file was moved out of the data folder, to %s.", new)


def store_key(data_dir: Path, *, store_exists: bool) -> tuple[bytes, str]:
    """The key of the desk database in `data_dir`: found, or made when the store is new.

    The data directory holds a small file (`desk.id`, no secret in it) naming the key's
    account in the credential store, so the directory can be moved without losing its key.
    An existing encrypted store whose key cannot be found is an error, never a new key.
    """
    id_file = data_dir / STORE_ID_FILE
    key_dir = default_key_dir()
    if id_file.exists():
        account = id_file.read_text(encoding="ascii", errors="replace").strip()
        if not _ACCOUNT.fullmatch(account):
            raise DatabaseKeyUnusable(
                QT_TRANSLATE_NOOP(
                    "setup", "The file {file} is damaged. Restore it from the backup of this desk."
                ).format(file=str(id_file))
            )
        _move_from_old_key_dir(account, key_dir)
        found = find_db_key(SERVICE, account, key_dir)
        if found is not None:
            return found
        if store_exists:
            raise DatabaseKeyUnusable(
                QT_TRANSLATE_NOOP(
                    "setup",
                    "The key of the local database in {folder} is neither in the OS credential "
                    "store ({entry}) nor in {key_folder}. The database was made by "
                    "another user or on another computer: log in as that user, restore the key, "
                    "or ask the administrator to set this desk up again.",
                ).format(
                    folder=str(data_dir), entry=f"{SERVICE}/{account}", key_folder=str(key_dir)
                )
            )
        return get_or_create_db_key(SERVICE, account, key_dir)
    if store_exists:
        raise DatabaseKeyUnusable(
            QT_TRANSLATE_NOOP(
                "setup",
                "The local database in {folder} is encrypted but {file}, which names its "
                "key, is missing. Restore it from the backup of this desk.",
            ).format(folder=str(data_dir), file=str(id_file))
        )
    account = f"local-db-{secrets.token_hex(8)}"
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        fd = os.open(id_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process of this desk got there first
        return store_key(data_dir, store_exists=store_exists)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(account + "\n")
    return get_or_create_db_key(SERVICE, account, key_dir)


def fallback_key_path(service: str, account: str, fallback_dir: Path) -> Path:
    """Where the fallback key file for (service, account) lives."""
    return fallback_dir / f"{_SAFE.sub('_', service)}-{_SAFE.sub('_', account)}.key"


def _keyring_label() -> str:
    backend = keyring.get_keyring()
    return f"OS credential store ({type(backend).__module__}.{type(backend).__name__})"


def _read_keyring(service: str, account: str) -> tuple[str | None, str | None]:
    try:
        value = keyring.get_password(service, account)
    # Backends raise keyring.errors.KeyringError but also their own transport errors (D-Bus,
    # locked collections); any of them means "no usable store", never a crash at start-up.
    except Exception as error:
        return None, type(error).__name__
    return (value if isinstance(value, str) else None), None


def _write_keyring(service: str, account: str, value: str) -> str | None:
    try:
        keyring.set_password(service, account, value)
        read_back = keyring.get_password(service, account)
    except Exception as error:  # same reasoning as in _read_keyring
        return type(error).__name__
    if read_back != value:
        return f"{type(keyring.get_keyring()).__name__} did not keep the key"
    return None


def _decode(stored: str, where: str) -> bytes:
    try:
        key = bytes.fromhex(stored.strip())
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        raise DatabaseKeyUnusable(
            QT_TRANSLATE_NOOP(
                "setup",
                "The database key in {where} is damaged. Restore it from the backup "
                "or ask the administrator to re-create the local database.",
            ).format(where=where)
        )
    return key


def _read_key_file(path: Path) -> bytes:
    if os.name == "posix" and path.stat().st_mode & 0o077:
        raise DatabaseKeyUnusable(
            QT_TRANSLATE_NOOP(
                "setup",
                "The database key file {path} can be read by other users. "
                "Run: chmod 600 '{path}' and start again.",
            ).format(path=str(path))
        )
    return _decode(
        path.read_text(encoding="ascii", errors="replace"),
        QT_TRANSLATE_NOOP("setup", "file {path}").format(path=str(path)),
    )


def _create_key_file(path: Path, key: bytes) -> bytes:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        # Another process of this desk created it first; both must use the same key.
        return _read_key_file(path)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(key.hex() + "\n")
        out.flush()
        os.fsync(out.fileno())
    return key
