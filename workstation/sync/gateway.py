"""The central gateway: connect, create or check the schema, push and pull events."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

from workstation.domain.lifecycle import EventType
from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.journal.envelope import Event, canonical_json, format_instant
from workstation.store.schema import alembic_config
from workstation.sync import door, door_sqlite
from workstation.sync.central_schema import events
from workstation.sync.intake import CentralRow, parse_row

if TYPE_CHECKING:  # Alembic is imported when a schema is checked, not when the desk starts
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
VERSION_TABLE = "central_schema_version"
# The SQLSTATE of a refusal at central's door (migration c006, dnr_refuse).
_DOOR_REFUSED = "DNR01"


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


class DoorRefused(CentralRefused):
    """Central refused a batch at its door (workstation.sync.door): nothing of the batch
    was stored. `event_id` names the event that was refused, when one was."""

    def __init__(self, refusal: door.DoorRefusal) -> None:
        super().__init__(refusal.message)
        self.code = refusal.code
        self.params = refusal.params
        self.event_id = refusal.event_id


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
    def __init__(self, url: str, *, password: str | None = None) -> None:
        self.url = url
        self.engine = make_engine(url, password)
        self.dialect = self.engine.dialect.name

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
            except door.DoorRefusal as refusal:
                raise DoorRefused(refusal) from None
            except DBAPIError as exc:
                if _sqlstate(exc) == _DOOR_REFUSED:
                    raise DoorRefused(_refusal_of(exc)) from exc
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
        """Send (event, city) pairs; an event central holds already is skipped. Returns how
        many were new.

        Central checks the batch at its door (workstation.sync.door; on PostgreSQL the
        function dnr_push_events of migration c006, bound to this desk's role): one bad
        event refuses the whole batch with DoorRefused naming it, and nothing is stored.
        Central numbers the new events in commit order, so pulls by "seq > cursor" never
        skip one, and stamps `received_at` with its own clock.
        """
        if not batch:
            return 0
        rows: list[dict[str, Any]] = [
            {
                "event_id": e.event_id,
                "case_id": e.case_id,
                "city": city,
                "type": str(e.type),
                "payload": canonical_json(e.payload).decode("utf-8")
                if e.payload_json is None
                else e.payload_json,
                "actor_iin": e.actor_iin,
                "actor_fingerprint": e.actor_fingerprint,
                "workstation_id": e.workstation_id,
                "recorded_at": format_instant(e.recorded_at),
                "signature": e.signature,
                "ws_seq": e.workstation_seq,
            }
            for e, city in batch
        ]
        with self._session(write=True) as conn:
            if self.dialect != "postgresql":
                now = format_instant(datetime.now(UTC))
                return door_sqlite.push_events(conn, rows, now)
            sent = json.dumps(
                [
                    r
                    | {
                        "signature": None
                        if r["signature"] is None
                        else base64.b64encode(r["signature"]).decode("ascii")
                    }
                    for r in rows
                ],
                ensure_ascii=False,
            )
            inserted = conn.execute(
                text("SELECT * FROM dnr_push_events(CAST(:batch AS jsonb))"), {"batch": sent}
            ).scalars()
            return len(list(inserted))

    def pull_rows(self, after_seq: int, city: str | None, limit: int) -> list[CentralRow]:
        """Rows after `after_seq` in central order (of `city`, or of every city this role
        may read), at most `limit`, unparsed: what central says is not trusted here."""
        with self._session() as conn:
            if self.dialect == "postgresql":
                found = conn.execute(
                    text("SELECT * FROM dnr_pull_events(:after, :city, :limit)"),
                    {"after": after_seq, "city": city, "limit": limit},
                )
            else:
                query = (
                    select(events).where(events.c.seq > after_seq).order_by(events.c.seq)
                ).limit(limit)
                if city is not None:
                    query = query.where(events.c.city == city)
                found = conn.execute(query)
            return [CentralRow.of(r) for r in found.all()]

    def pull(self, after_seq: int, city: str | None, limit: int) -> list[tuple[int, Event]]:
        """`pull_rows` parsed; MalformedRow on the first row that does not parse."""
        return [parse_row(r) for r in self.pull_rows(after_seq, city, limit)]

    def certificate_fingerprints(self) -> set[str]:
        """The fingerprints of the signer certificates central holds."""
        with self._session() as conn:
            if self.dialect == "postgresql":
                found = conn.execute(text("SELECT * FROM dnr_certificate_fingerprints()"))
            else:
                found = conn.execute(text("SELECT fingerprint FROM certificates"))
            return set(found.scalars())

    def certificates(self, fingerprints: set[str]) -> list[bytes]:
        """The DER of these certificates (those central has)."""
        if not fingerprints:
            return []
        wanted = sorted(fingerprints)
        with self._session() as conn:
            if self.dialect == "postgresql":
                found = conn.execute(
                    text("SELECT * FROM dnr_certificates(CAST(:wanted AS text[]))"),
                    {"wanted": wanted},
                )
                return [bytes(d) for d in found.scalars()]
            return door_sqlite.certificates(conn, wanted)

    def add_certificates(self, ders: Sequence[bytes]) -> int:
        """Store signer certificates central lacks (DER); returns how many were new.
        Central computes each one's fingerprint itself and refuses DER that does not parse."""
        if not ders:
            return 0
        with self._session(write=True) as conn:
            checked = [door.certificate_row(d, n) for n, d in enumerate(ders, 1)]
            if self.dialect != "postgresql":
                now = format_instant(datetime.now(UTC))
                return door_sqlite.add_certificates(conn, list(ders), checked, now)
            return int(
                conn.execute(
                    text(
                        "SELECT dnr_add_certificates(CAST(:ders AS bytea[]), "
                        "CAST(:subjects AS text[]))"
                    ),
                    {"ders": [bytes(d) for d in ders], "subjects": [s for _, s in checked]},
                ).scalar_one()
            )

    def push_audit(self, records: Sequence[dict[str, Any]]) -> int:
        """Store a desk's audit entries (AuditEntry.to_record()); an entry central holds
        already is skipped. Central refuses (DoorRefused) entries that do not extend the
        chain it holds for the workstation. Returns how many were new."""
        if not records:
            return 0
        with self._session(write=True) as conn:
            if self.dialect != "postgresql":
                now = format_instant(datetime.now(UTC))
                return door_sqlite.push_audit(conn, records, now)
            texts = [canonical_json(r).decode("utf-8") for r in records]
            return int(
                conn.execute(
                    text("SELECT dnr_push_audit(CAST(:records AS jsonb))"),
                    {"records": json.dumps(texts, ensure_ascii=False)},
                ).scalar_one()
            )

    def audit_records(self, workstation_id: str) -> list[dict[str, Any]]:
        """A desk's audit entries as central holds them, in chain order."""
        with self._session() as conn:
            if self.dialect == "postgresql":
                texts = conn.execute(
                    text("SELECT * FROM dnr_audit_records(:ws)"), {"ws": workstation_id}
                ).scalars()
            else:
                texts = conn.execute(
                    text(
                        "SELECT record FROM audit_entries WHERE workstation_id = :ws ORDER BY seq"
                    ),
                    {"ws": workstation_id},
                ).scalars()
            return [json.loads(t) for t in texts]

    def desk_branch(self) -> DeskBranch | None:
        """The branch and city of the role this gateway logs in as (PostgreSQL desk roles);
        None for SQLite and for a role that is no workstation (the administrator)."""
        if self.dialect != "postgresql":
            return None
        with self._session() as conn:
            row = conn.execute(text("SELECT * FROM dnr_whoami()")).first()
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


def _refusal_of(exc: DBAPIError) -> door.DoorRefusal:
    """The door's refusal from PostgreSQL's error: MESSAGE is the code, HINT its values."""
    diag = getattr(exc.orig, "diag", None)
    code = getattr(diag, "message_primary", None) or "unknown"
    try:
        params = json.loads(getattr(diag, "message_hint", None) or "{}")
    except ValueError:
        params = {}
    if not isinstance(params, dict):
        params = {}
    return door.DoorRefusal(str(code), **{str(k): v for k, v in params.items()})


def _sqlstate(exc: DBAPIError) -> str | None:
    code = getattr(exc.orig, "sqlstate", None)
    return code if isinstance(code, str) else None
