"""The central gateway: connect, create or check the schema, push and pull events."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography import x509
from sqlalchemy import Connection, Engine, create_engine, func, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

from workstation.domain.clock import Clock
from workstation.domain.lifecycle import EventType
from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.journal.envelope import Event, canonical_json, format_instant
from workstation.security.eds import fingerprint_sha256
from workstation.store.schema import alembic_config
from workstation.sync.central_schema import (
    audit_entries,
    branches,
    certificates,
    events,
    workstations,
)
from workstation.sync.intake import CentralRow, parse_row

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


class CentralRefused(CentralError):
    """Central answered but refused: unknown role, wrong password, or no permission."""


class CentralSchemaMismatch(CentralError):
    pass


# What PostgreSQL says when it refuses a log-in (libpq gives no SQLSTATE for these).
_REFUSED_LOGIN = (
    "password authentication failed",
    "does not exist",  # role "x" does not exist, database "y" does not exist
    "permission denied for database",
    "is not permitted to log in",
    "pg_hba.conf",
    "too many connections for role",
    "no password supplied",
)
_INSUFFICIENT_PRIVILEGE = "42501"  # also raised for a row that breaks a row-level policy
# SQLite central: how long a writer waits for another desk's write to finish.
SQLITE_BUSY_SECONDS = 30


@dataclass(frozen=True)
class DeskBranch:
    """The branch a desk's database role belongs to, as central records it."""

    workstation_id: str
    branch_id: str
    city: str
    name: str


def _config(connection: Connection | None = None) -> Config:
    return alembic_config(connection, MIGRATIONS)


@cache  # the migration files do not change while the desk runs; sync asks on every round
def central_head() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def make_engine(url: str, password: str | None = None) -> Engine:
    """An engine for a central URL, or BadCentralUrl with an example of a good one.

    `password` (from the OS credential store) overrides any password in the URL, so the
    URL a desk keeps in its config file never needs one.
    """
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise BadCentralUrl(
            QT_TRANSLATE_NOOP(
                "sync",
                "{url} is not a database URL. Examples: sqlite:////var/lib/dnr/central.sqlite3, "
                "postgresql+psycopg://desk@central.example.kz/dnr",
            ).format(url=repr(url))
        ) from None
    backend = parsed.get_backend_name()
    if backend not in {"sqlite", "postgresql"}:
        raise BadCentralUrl(
            QT_TRANSLATE_NOOP(
                "sync", "Central must be PostgreSQL or SQLite, not {backend} (URL {url})."
            ).format(backend=repr(backend), url=repr(parsed))
        )
    if backend == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if password is not None:
        parsed = parsed.set(password=password)
    connect_args: dict[str, object] = {}
    if backend == "sqlite":
        if parsed.database not in (None, "", ":memory:"):
            folder = Path(parsed.database).expanduser().resolve().parent
            if not folder.is_dir():
                raise BadCentralUrl(
                    QT_TRANSLATE_NOOP(
                        "sync", "The folder for the central file does not exist: {folder}"
                    ).format(folder=str(folder))
                )
        # Desks sharing the file take turns writing; the default 5 s is short under load.
        connect_args["timeout"] = SQLITE_BUSY_SECONDS
    else:
        connect_args["connect_timeout"] = 10
    try:
        return create_engine(parsed, pool_pre_ping=True, connect_args=connect_args)
    except NoSuchModuleError:
        raise BadCentralUrl(
            QT_TRANSLATE_NOOP("sync", "No database driver for {driver}.").format(
                driver=repr(parsed.drivername)
            )
        ) from None


class CentralGateway:
    def __init__(
        self, url: str, *, password: str | None = None, clock: Clock | None = None
    ) -> None:
        """`clock`: central's clock (received_at); an embedded central may share the
        desk's (the demo, tests on a fixed clock); by default the system's."""
        self.url = url
        self.clock = clock
        self.engine = make_engine(url, password)
        self.dialect = self.engine.dialect.name

    def _now(self) -> datetime:
        return self.clock.now().astimezone(UTC) if self.clock else datetime.now(UTC)

    def connect(self) -> Connection:
        try:
            return self.engine.connect()
        except DBAPIError as exc:
            raise self._connect_error(exc) from exc

    def _connect_error(self, exc: DBAPIError) -> CentralError:
        reason = _server_message(exc)
        if self.dialect == "postgresql" and any(m in reason for m in _REFUSED_LOGIN):
            who = self.engine.url.username or "(no user name)"
            return CentralRefused(
                QT_TRANSLATE_NOOP(
                    "sync",
                    "Central refused the desk's credentials ({who} at {where}): {reason}. "
                    "Check the user name and the password kept in the credential store, or ask "
                    "the administrator to run `dnr-workstation central add-workstation` again.",
                ).format(
                    who=who,
                    where=f"{self.engine.url.host or 'localhost'}/{self.engine.url.database}",
                    reason=reason,
                )
            )
        return CentralUnreachable(
            QT_TRANSLATE_NOOP("sync", "Cannot reach central at {url}: {reason}").format(
                url=repr(self.engine.url), reason=reason
            )
        )

    @contextmanager
    def _session(self, *, write: bool = False) -> Iterator[Connection]:
        """A connection (in a transaction when `write`), with central's errors named."""
        with self.connect() as conn:
            try:
                if write:
                    with conn.begin():
                        yield conn
                else:
                    yield conn
            except DBAPIError as exc:
                if _sqlstate(exc) == _INSUFFICIENT_PRIVILEGE:
                    raise CentralRefused(
                        QT_TRANSLATE_NOOP(
                            "sync",
                            "Central refused {user}: {reason}. A desk's role may read and write "
                            "only its own branch's city: check the desk's city, or ask the "
                            "administrator.",
                        ).format(
                            user=repr(self.engine.url.username or "this user"),
                            reason=_server_message(exc),
                        )
                    ) from exc
                if isinstance(exc, OperationalError) or exc.connection_invalidated:
                    raise CentralUnreachable(
                        QT_TRANSLATE_NOOP(
                            "sync", "Lost the connection to central at {url}: {reason}"
                        ).format(url=repr(self.engine.url), reason=_server_message(exc))
                    ) from exc
                raise

    def init_schema(self) -> str:
        """Create or upgrade the central schema; returns the schema revision."""
        from alembic import command

        with self._session(write=True) as conn:
            command.upgrade(_config(conn), "head")
        return central_head()

    def check_schema(self) -> None:
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        with self._session() as conn:
            current = MigrationContext.configure(
                conn, opts={"version_table": VERSION_TABLE}
            ).get_current_revision()
        head = central_head()
        if current is None:
            raise CentralSchemaMismatch(
                QT_TRANSLATE_NOOP(
                    "sync",
                    "Central has no DNR schema yet. An administrator runs "
                    "`dnr-workstation central init URL` once.",
                )
            )
        if current != head:
            known = {s.revision for s in ScriptDirectory.from_config(_config()).walk_revisions()}
            if current in known:
                raise CentralSchemaMismatch(
                    QT_TRANSLATE_NOOP(
                        "sync",
                        "Central's schema ({current}) is older than this desk ({head}): "
                        "an administrator upgrades it with `dnr-workstation central init URL`.",
                    ).format(current=current, head=head)
                )
            raise CentralSchemaMismatch(
                QT_TRANSLATE_NOOP(
                    "sync",
                    "Central's schema ({current}) is newer than this desk knows ({head}): "
                    "update the desk application.",
                ).format(current=current, head=head)
            )

    def push(self, batch: Sequence[tuple[Event, str]]) -> int:
        """Insert (event, city) pairs; an event already there is skipped. Returns how many new.

        On PostgreSQL a transaction-scoped advisory lock serialises pushes, so identity
        values are handed out in commit order and pulls by "seq > cursor" never skip one
        (the lock needs no privilege, so a desk's role takes it too). SQLite serialises
        writers by itself. Under row-level security an event of another city is refused
        (CentralRefused), and so is an event id central already holds under a city this
        role cannot see: it would otherwise count as delivered while no desk of this
        branch could ever pull it.
        """
        if not batch:
            return 0
        now = format_instant(self._now())
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
                # The workstation's signed number, once central has the column (c006).
                **({"ws_seq": e.workstation_seq} if "ws_seq" in events.c else {}),
            }
            for e, city in batch
        ]
        with self._session(write=True) as conn:
            if self.dialect == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _SEQ_LOCK})
                pg = postgresql.insert(events).on_conflict_do_nothing(index_elements=["event_id"])
                inserted = conn.execute(pg.returning(events.c.event_id), rows).scalars().all()
            else:
                lite = sqlite.insert(events).on_conflict_do_nothing(index_elements=["event_id"])
                inserted = conn.execute(lite.returning(events.c.event_id), rows).scalars().all()
            if len(inserted) < len(rows) and self.dialect == "postgresql":
                self._check_already_there(conn, {e.event_id for e, _ in batch} - set(inserted))
        return len(inserted)

    def _check_already_there(self, conn: Connection, event_ids: set[str]) -> None:
        """The skipped events must be ones this role can see (and so pull back)."""
        visible = set(
            conn.execute(select(events.c.event_id).where(events.c.event_id.in_(event_ids)))
            .scalars()
            .all()
        )
        hidden = sorted(event_ids - visible)
        if hidden:
            raise CentralRefused(
                QT_TRANSLATE_NOOP(
                    "sync",
                    "Central already holds {count} of these event ids (first {first}) "
                    "under a branch this desk's role cannot see; nothing of the batch was "
                    "stored. Ask the administrator to check the desk's branch and city.",
                ).format(count=len(hidden), first=hidden[0])
            )

    def pull_rows(self, after_seq: int, city: str | None, limit: int) -> list[CentralRow]:
        """Rows after `after_seq` in central order (of `city`, or of every city this role
        may read), at most `limit`, unparsed: what central says is not trusted here."""
        query = select(events).where(events.c.seq > after_seq).order_by(events.c.seq).limit(limit)
        if city is not None:
            query = query.where(events.c.city == city)
        with self._session() as conn:
            return [CentralRow.of(r) for r in conn.execute(query).all()]

    def pull(self, after_seq: int, city: str | None, limit: int) -> list[tuple[int, Event]]:
        """`pull_rows` parsed; MalformedRow on the first row that does not parse."""
        return [parse_row(r) for r in self.pull_rows(after_seq, city, limit)]

    def certificate_fingerprints(self) -> set[str]:
        """The fingerprints of the signer certificates central holds."""
        with self._session() as conn:
            return set(conn.execute(select(certificates.c.fingerprint)).scalars())

    def certificates(self, fingerprints: set[str]) -> list[bytes]:
        """The DER of these certificates (those central has)."""
        if not fingerprints:
            return []
        with self._session() as conn:
            return list(
                conn.execute(
                    select(certificates.c.der).where(
                        certificates.c.fingerprint.in_(sorted(fingerprints))
                    )
                ).scalars()
            )

    def add_certificates(self, ders: Sequence[bytes]) -> int:
        """Store signer certificates central lacks (DER); returns how many were new."""
        now = format_instant(self._now())
        rows = []
        for der in ders:
            certificate = x509.load_der_x509_certificate(der)
            rows.append(
                {
                    "fingerprint": fingerprint_sha256(certificate),
                    "der": der,
                    "subject": certificate.subject.rfc4514_string(),
                    "added_at": now,
                }
            )
        if not rows:
            return 0
        with self._session(write=True) as conn:
            dialect = postgresql if self.dialect == "postgresql" else sqlite
            statement = dialect.insert(certificates).on_conflict_do_nothing(
                index_elements=["fingerprint"]
            )
            inserted = (
                conn.execute(statement.returning(certificates.c.fingerprint), rows).scalars().all()
            )
        return len(inserted)

    def push_audit(self, records: Sequence[dict[str, Any]]) -> int:
        """Store a desk's audit entries (AuditEntry.to_record()); an entry central holds
        already is skipped. Returns how many were new."""
        if not records:
            return 0
        now = format_instant(self._now())
        rows = [
            {
                "workstation_id": r["workstation_id"],
                "seq": r["seq"],
                "at": r["at"],
                "record": canonical_json(r).decode("utf-8"),
                "received_at": now,
            }
            for r in records
        ]
        with self._session(write=True) as conn:
            dialect = postgresql if self.dialect == "postgresql" else sqlite
            statement = dialect.insert(audit_entries).on_conflict_do_nothing(
                index_elements=["workstation_id", "seq"]
            )
            inserted = conn.execute(statement.returning(audit_entries.c.seq), rows).all()
        return len(inserted)

    def audit_records(self, workstation_id: str) -> list[dict[str, Any]]:
        """A desk's audit entries as central holds them, in chain order."""
        with self._session() as conn:
            texts = conn.execute(
                select(audit_entries.c.record)
                .where(audit_entries.c.workstation_id == workstation_id)
                .order_by(audit_entries.c.seq)
            ).scalars()
            return [json.loads(t) for t in texts]

    def desk_branch(self) -> DeskBranch | None:
        """The branch and city of the role this gateway logs in as (PostgreSQL desk roles);
        None for SQLite and for a role that is no workstation (the administrator)."""
        if self.dialect != "postgresql":
            return None
        query = (
            select(
                workstations.c.workstation_id,
                branches.c.branch_id,
                branches.c.city,
                branches.c.name,
            )
            .join(branches, branches.c.branch_id == workstations.c.branch_id)
            .where(workstations.c.db_role == func.current_user())
        )
        with self._session() as conn:
            row = conn.execute(query).first()
        if row is None:
            return None
        return DeskBranch(row.workstation_id, row.branch_id, row.city, row.name)

    def case_count(self) -> int:
        with self._session() as conn:
            return int(
                conn.execute(
                    select(func.count())
                    .select_from(events)
                    .where(events.c.type == str(EventType.ARRIVAL_APPROVED))
                ).scalar_one()
            )

    def dispose(self) -> None:
        self.engine.dispose()


def _server_message(exc: DBAPIError) -> str:
    """The server's own words, without libpq's "connection failed: ... FATAL:" wrapping."""
    text_ = str(exc.orig if exc.orig is not None else exc).strip()
    if not text_:
        return type(exc.orig or exc).__name__
    line = text_.splitlines()[0]
    for marker in ("FATAL:", "ERROR:"):
        if marker in line:
            line = line.split(marker, 1)[1]
    return line.strip()


def _sqlstate(exc: DBAPIError) -> str | None:
    code = getattr(exc.orig, "sqlstate", None)
    return code if isinstance(code, str) else None
