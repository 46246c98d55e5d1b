"""The central gateway: connect, create or check the schema, push and pull events."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, func, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from workstation.domain.lifecycle import EventType
from workstation.journal.envelope import Event, canonical_json, format_instant, parse_instant
from workstation.store.schema import alembic_config
from workstation.sync.central_schema import events

if TYPE_CHECKING:  # Alembic is imported when a schema is checked, not when the desk starts
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
VERSION_TABLE = "central_schema_version"
# One lock id for "assigning central sequence numbers" (PostgreSQL advisory lock).
_SEQ_LOCK = 0x444E52  # "DNR"


class CentralError(Exception):
    """Central cannot be used; the message says what to do."""


class BadCentralUrl(CentralError):
    pass


class CentralUnreachable(CentralError):
    pass


class CentralSchemaMismatch(CentralError):
    pass


def _config(connection: Connection | None = None) -> Config:
    return alembic_config(connection, MIGRATIONS)


@cache  # the migration files do not change while the desk runs; sync asks on every round
def central_head() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def make_engine(url: str) -> Engine:
    """An engine for a central URL, or BadCentralUrl with an example of a good one."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise BadCentralUrl(
            f"{url!r} is not a database URL. Examples: sqlite:////var/lib/dnr/central.sqlite3, "
            "postgresql+psycopg://desk@central.example.kz/dnr"
        ) from None
    backend = parsed.get_backend_name()
    if backend not in {"sqlite", "postgresql"}:
        raise BadCentralUrl(
            f"Central must be PostgreSQL or SQLite, not {backend!r} (URL {parsed!r})."
        )
    if backend == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if backend == "sqlite" and parsed.database not in (None, "", ":memory:"):
        folder = Path(parsed.database).expanduser().resolve().parent
        if not folder.is_dir():
            raise BadCentralUrl(f"The folder for the central file does not exist: {folder}")
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except NoSuchModuleError:
        raise BadCentralUrl(f"No database driver for {parsed.drivername!r}.") from None


class CentralGateway:
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.dialect = self.engine.dialect.name

    def _connect(self) -> Connection:
        try:
            return self.engine.connect()
        except DBAPIError as exc:
            raise CentralUnreachable(
                f"Cannot reach central at {self.engine.url!r}: {_first_line(exc)}"
            ) from exc

    def init_schema(self) -> str:
        """Create or upgrade the central schema; returns the schema revision."""
        from alembic import command

        with self._connect() as conn, conn.begin():
            command.upgrade(_config(conn), "head")
        return central_head()

    def check_schema(self) -> None:
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        with self._connect() as conn:
            current = MigrationContext.configure(
                conn, opts={"version_table": VERSION_TABLE}
            ).get_current_revision()
        head = central_head()
        if current is None:
            raise CentralSchemaMismatch(
                "Central has no DNR schema yet. An administrator runs "
                "`dnr-workstation central init URL` once."
            )
        if current != head:
            known = {s.revision for s in ScriptDirectory.from_config(_config()).walk_revisions()}
            if current in known:
                raise CentralSchemaMismatch(
                    f"Central's schema ({current}) is older than this desk ({head}): "
                    "an administrator upgrades it with `dnr-workstation central init URL`."
                )
            raise CentralSchemaMismatch(
                f"Central's schema ({current}) is newer than this desk knows ({head}): "
                "update the desk application."
            )

    def push(self, batch: Sequence[tuple[Event, str]]) -> int:
        """Insert (event, city) pairs; an event already there is skipped. Returns how many new.

        On PostgreSQL a transaction-scoped advisory lock serialises pushes, so identity
        values are handed out in commit order and pulls by "seq > cursor" never skip one.
        SQLite serialises writers by itself.
        """
        if not batch:
            return 0
        now = format_instant(datetime.now(UTC))
        rows = [
            {
                "event_id": e.event_id,
                "case_id": e.case_id,
                "city": city,
                "type": str(e.type),
                "payload": canonical_json(e.payload).decode("utf-8"),
                "actor_iin": e.actor_iin,
                "actor_fingerprint": e.actor_fingerprint,
                "workstation_id": e.workstation_id,
                "recorded_at": format_instant(e.recorded_at),
                "signature": e.signature,
                "received_at": now,
            }
            for e, city in batch
        ]
        with self._connect() as conn, conn.begin():
            if self.dialect == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _SEQ_LOCK})
                pg = postgresql.insert(events).on_conflict_do_nothing(index_elements=["event_id"])
                inserted = conn.execute(pg.returning(events.c.seq), rows).all()
            else:
                lite = sqlite.insert(events).on_conflict_do_nothing(index_elements=["event_id"])
                inserted = conn.execute(lite.returning(events.c.seq), rows).all()
        return len(inserted)

    def pull(self, after_seq: int, city: str | None, limit: int) -> list[tuple[int, Event]]:
        query = select(events).where(events.c.seq > after_seq).order_by(events.c.seq).limit(limit)
        if city is not None:
            query = query.where(events.c.city == city)
        with self._connect() as conn:
            rows = conn.execute(query).all()
        return [
            (
                int(r.seq),
                Event(
                    event_id=r.event_id,
                    case_id=r.case_id,
                    type=EventType(r.type),
                    payload=json.loads(r.payload),
                    actor_iin=r.actor_iin,
                    actor_fingerprint=r.actor_fingerprint,
                    workstation_id=r.workstation_id,
                    recorded_at=parse_instant(r.recorded_at),
                    signature=r.signature,
                ),
            )
            for r in rows
        ]

    def case_count(self) -> int:
        with self._connect() as conn:
            return int(
                conn.execute(
                    select(func.count())
                    .select_from(events)
                    .where(events.c.type == str(EventType.ARRIVAL_APPROVED))
                ).scalar_one()
            )

    def dispose(self) -> None:
        self.engine.dispose()


def _first_line(exc: BaseException) -> str:
    return (
        str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else type(exc).__name__
    )
