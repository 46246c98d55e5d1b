"""The desk's local store: one SQLite file per desk, opened, migrated and handed out here."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.pool import QueuePool

from workstation.store import schema
from workstation.store.models import desk_settings

STORE_FILE = "desk.sqlite3"


class DataDirMissing(FileNotFoundError):
    """The data directory given for the desk does not exist."""


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the worklist read while sync writes; NORMAL sync is durable in WAL mode
    # against application crashes (a power cut may lose the last commit, never corrupt).
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


class LocalStore:
    """Owns the engine; every unit of work is one transaction from `transaction()`."""

    def __init__(self, engine: Engine, path: Path | None) -> None:
        self.engine = engine
        self.path = path

    @classmethod
    def open(cls, data_dir: Path, *, create: bool = False) -> LocalStore:
        if not data_dir.is_dir():
            if not create:
                raise DataDirMissing(
                    f"The data directory {data_dir} does not exist. Create it, or leave out "
                    "--data-dir to use the default one."
                )
            data_dir.mkdir(parents=True, exist_ok=True)
        path = data_dir / STORE_FILE
        engine = create_engine(
            f"sqlite:///{path}",
            poolclass=QueuePool,
            pool_size=2,
            connect_args={"check_same_thread": False},
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        store = cls(engine, path)
        store.migrate()
        return store

    @classmethod
    def in_memory(cls) -> LocalStore:
        """A private store for tests: one shared in-memory database."""
        from sqlalchemy.pool import StaticPool

        engine = create_engine(
            "sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False}
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
