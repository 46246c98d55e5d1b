"""The desk's local store: one encrypted SQLite file per desk, opened, migrated and handed out.

The file is a SQLCipher database (AES-256, HMAC-SHA512 per page; the WAL is encrypted the
same way). Its random 32-byte key is a raw key (`PRAGMA key = "x'...'"`, no passphrase
derivation) kept by workstation.security.dbkey: the OS credential store, or a 0600 key file
outside the data directory on hosts without one. Every new connection gets the key before
anything else runs, through the engine's `creator`. Temporary tables and sort spills stay
in memory (`temp_store=MEMORY`) so nothing of the database reaches the temp directory, and
SQL parameters are never put into error messages or logs (`hide_parameters`).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Connection, Engine, create_engine, event, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.pool import QueuePool

from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.security.dbkey import KEY_BYTES, DatabaseKeyUnusable, store_key
from workstation.security.private_files import open_private, private_dir, tighten
from workstation.store import schema
from workstation.store.models import desk_settings

log = logging.getLogger(__name__)

STORE_FILE = "desk.sqlite3"
_PLAIN_HEADER = b"SQLite format 3\x00"


class DataDirMissing(FileNotFoundError):
    """The data directory given for the desk does not exist."""


class StoreKeyWrong(DatabaseKeyUnusable):
    """The database key does not open this desk's database (or the file is damaged)."""


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the worklist read while sync writes; NORMAL sync is durable in WAL mode
    # against application crashes (a power cut may lose the last commit, never corrupt).
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    # Sorts and temporary tables in memory: no temp files with personal data in them.
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()


def _key_pragma(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError(f"a database key has {KEY_BYTES} bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def _connect_encrypted(path: Path, key: bytes) -> Any:
    connection = sqlcipher.connect(str(path), check_same_thread=False)
    # SQLCipher's own diagnostics go to stderr; a wrong key is reported as StoreKeyWrong.
    connection.execute("PRAGMA cipher_log_level = NONE")
    # The key must come before anything that reads the file.
    connection.execute(_key_pragma(key))
    return connection


def is_plain_sqlite(path: Path) -> bool:
    """Whether `path` is an unencrypted SQLite database (SQLCipher files start with salt)."""
    try:
        with path.open("rb") as file:
            return file.read(len(_PLAIN_HEADER)) == _PLAIN_HEADER
    except FileNotFoundError:
        return False


def encrypt_plain_store(path: Path, key: bytes) -> None:
    """Rewrite an unencrypted store (made before encryption existed) as an encrypted one.

    sqlcipher_export copies schema and rows into a new encrypted file, which then replaces
    the old one; the old WAL is checkpointed first so no committed change is lost.
    """
    partial_file = path.with_name(path.name + ".encrypting")
    partial_file.unlink(missing_ok=True)
    plain = sqlcipher.connect(str(path))
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        plain.execute(
            f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(partial_file),)
        )
        plain.execute("SELECT sqlcipher_export('encrypted')")
        plain.execute("DETACH DATABASE encrypted")
        plain.execute("PRAGMA journal_mode=DELETE")
    finally:
        plain.close()
    os.replace(partial_file, path)
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    log.warning(
        "The local database %s was not encrypted; it now is. Copies of the old file made "
        "before today (backups) are still readable.",
        path,
    )


def _keep_private(path: Path) -> None:
    """The store, its WAL and shared-memory file: mode 0600 (SQLite gives the files it makes
    beside the database the database file's mode, so the database file is made 0600 first)."""
    if not path.exists():
        os.close(open_private(path, os.O_WRONLY | os.O_CREAT))
    for suffix in ("", "-wal", "-shm", "-journal"):
        tighten(path.with_name(path.name + suffix))


class LocalStore:
    """Owns the engine; every unit of work is one transaction from `transaction()`."""

    def __init__(self, engine: Engine, path: Path | None) -> None:
        self.engine = engine
        self.path = path

    @classmethod
    def open(cls, data_dir: Path, *, create: bool = False, key: bytes | None = None) -> LocalStore:
        """Open (or with `create`, make) the encrypted store in `data_dir`.

        Without `key` the desk's own key is used (workstation.security.dbkey.store_key),
        made on first use. A key that does not open the file raises StoreKeyWrong.
        """
        if not data_dir.is_dir():
            if not create:
                raise DataDirMissing(
                    QT_TRANSLATE_NOOP(
                        "setup",
                        "The data directory {folder} does not exist. Create it, or leave out "
                        "--data-dir to use the default one.",
                    ).format(folder=str(data_dir))
                )
            private_dir(data_dir)
        path = data_dir / STORE_FILE
        exists = path.exists() and path.stat().st_size > 0
        plain = exists and is_plain_sqlite(path)
        if key is None:
            key, _where = store_key(data_dir, store_exists=exists and not plain)
        if plain:
            encrypt_plain_store(path, key)
        _keep_private(path)
        engine = create_engine(
            "sqlite://",
            module=sqlcipher,
            creator=partial(_connect_encrypted, path, key),
            poolclass=QueuePool,
            pool_size=2,
            hide_parameters=True,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        store = cls(engine, path)
        try:
            store.migrate()
        except Exception as error:
            engine.dispose()
            if _is_not_a_database(error):
                raise StoreKeyWrong(
                    QT_TRANSLATE_NOOP(
                        "setup",
                        "The local database {path} cannot be opened with this desk's key: the "
                        "key belongs to another database, or the file is damaged. Restore the "
                        "key (or the file) from the backup of this desk.",
                    ).format(path=str(path))
                ) from None
            raise
        return store

    @classmethod
    def in_memory(cls) -> LocalStore:
        """A private store for tests: one shared in-memory database."""
        from sqlalchemy.pool import StaticPool

        engine = create_engine(
            "sqlite://",
            poolclass=StaticPool,
            connect_args={"check_same_thread": False},
            hide_parameters=True,
        )
        store = cls(engine, None)
        store.migrate()
        return store

    def migrate(self) -> None:
        with self.engine.begin() as conn:
            if schema.current_revision(conn) != schema.HEAD:
                schema.upgrade(conn)

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def close(self) -> None:
        self.engine.dispose()


def get_setting(conn: Connection, name: str) -> str | None:
    return conn.execute(
        select(desk_settings.c.value).where(desk_settings.c.name == name)
    ).scalar_one_or_none()


def put_setting(conn: Connection, name: str, value: str) -> None:
    stmt = sqlite_insert(desk_settings).values(name=name, value=value)
    conn.execute(stmt.on_conflict_do_update(index_elements=["name"], set_={"value": value}))


def _is_not_a_database(error: BaseException) -> bool:
    # SQLCipher reports a wrong key the way SQLite reports a damaged file.
    text = str(getattr(error, "orig", None) or error)
    return "file is not a database" in text or "file is encrypted" in text
