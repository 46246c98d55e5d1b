"""Branches and workstations at central; on PostgreSQL each workstation gets its own role.

A branch is a service center in a city: cases are addressed to a city, and a desk pulls
its branch's city. On PostgreSQL `add_workstation` creates a LOGIN role for the desk with a
generated password that holds no privilege on central's tables: it may only call the door
functions of migration c006, which bind it to its workstation and its branch's city.
SQLite has no roles: there the rows are recorded and the desk connects with the file's URL.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, insert, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from workstation.domain.programme import DEFAULT_RULES
from workstation.sync.central_schema import branches, workstations
from workstation.sync.gateway import VERSION_TABLE, CentralError, CentralGateway

_BRANCH_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}")
_WORKSTATION_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_ROLE = re.compile(r"[a-z_][a-z0-9_]{0,62}")
ROLE_PREFIX = "dnr_"
# What a desk role may call (migration c006); it holds no privilege on any table.
DESK_FUNCTIONS = (
    "dnr_whoami()",
    "dnr_push_events(jsonb)",
    "dnr_pull_events(bigint, text, integer)",
    "dnr_certificate_fingerprints()",
    "dnr_certificates(text[])",
    "dnr_add_certificates(bytea[], text[])",
    "dnr_push_audit(jsonb)",
    "dnr_audit_records(text)",
)


class BranchSetupError(CentralError):
    """A branch or workstation cannot be added or removed; the message says why."""


@dataclass(frozen=True)
class Branch:
    branch_id: str
    city: str
    name: str


@dataclass(frozen=True)
class Workstation:
    workstation_id: str
    branch_id: str
    name: str
    db_role: str | None


@dataclass(frozen=True)
class DeskConnection:
    """What the administrator hands to the desk. The password (PostgreSQL only) is shown
    once; the desk keeps it in the OS credential store, never in a file."""

    workstation_id: str
    branch: Branch
    url: str  # without a password
    role: str | None
    password: str | None


def role_for(workstation_id: str) -> str:
    """The default PostgreSQL role name of a workstation: dnr_ + its id in lower case."""
    slug = re.sub(r"[^a-z0-9]+", "_", workstation_id.lower()).strip("_")
    return (ROLE_PREFIX + slug)[:63]


def add_branch(
    gateway: CentralGateway,
    branch_id: str,
    city: str,
    name: str,
    *,
    cities: tuple[str, ...] = DEFAULT_RULES.cities,
) -> Branch:
    if not _BRANCH_ID.fullmatch(branch_id):
        raise BranchSetupError(
            f"{branch_id!r} is not a usable branch id: 1 to 40 letters, digits, '.', '_' or "
            "'-', starting with a letter or digit (e.g. AST-1)."
        )
    if city not in cities:
        raise BranchSetupError(
            f"{city!r} is not a city of the programme; cases are addressed to one of: "
            f"{', '.join(cities)}."
        )
    name = " ".join(name.split())
    if not name or len(name) > 200:
        raise BranchSetupError("Give the branch a name of 1 to 200 characters.")
    gateway.check_schema()
    branch = Branch(branch_id, city, name)
    try:
        with gateway.connect() as conn, conn.begin():
            if _branch(conn, branch_id) is not None:
                raise _duplicate_branch(branch_id)
            conn.execute(insert(branches).values(branch_id=branch_id, city=city, name=name))
    except IntegrityError:  # added by someone else in the meantime
        raise _duplicate_branch(branch_id) from None
    except DBAPIError as exc:
        raise _refused("add a branch", exc) from exc
    return branch


def add_workstation(
    gateway: CentralGateway,
    branch_id: str,
    workstation_id: str,
    name: str | None = None,
    *,
    role: str | None = None,
) -> DeskConnection:
    """Record a workstation of `branch_id`; on PostgreSQL also create its LOGIN role with
    a fresh password and the least privileges sync needs, all in one transaction."""
    if not _WORKSTATION_ID.fullmatch(workstation_id):
        raise BranchSetupError(
            f"{workstation_id!r} is not a usable workstation id: 1 to 64 letters, digits, "
            "'.', '_' or '-', starting with a letter or digit (e.g. WS-AST-01)."
        )
    name = " ".join((name or workstation_id).split())
    if len(name) > 200:
        raise BranchSetupError("The workstation name is too long (at most 200 characters).")
    postgres = gateway.dialect == "postgresql"
    if postgres:
        role = role or role_for(workstation_id)
        if not _ROLE.fullmatch(role) or role.startswith("pg_"):
            raise BranchSetupError(
                f"{role!r} is not a usable role name: lower-case letters, digits and '_', "
                "at most 63, not starting with a digit or 'pg_'."
            )
    elif role is not None:
        raise BranchSetupError("A SQLite central has no database roles: leave out --role.")
    gateway.check_schema()
    password = secrets.token_urlsafe(24) if postgres else None
    try:
        with gateway.connect() as conn, conn.begin():
            branch = _branch(conn, branch_id)
            if branch is None:
                known = conn.execute(select(branches.c.branch_id)).scalars().all()
                raise BranchSetupError(
                    f"There is no branch {branch_id!r} at central"
                    + (f" (known: {', '.join(sorted(known))})" if known else "")
                    + ". Add it first with `dnr-workstation central add-branch`."
                )
            if _workstation(conn, workstation_id) is not None:
                raise _duplicate_workstation(workstation_id)
            if postgres:
                assert role is not None and password is not None
                _create_desk_role(conn, role, password)
            conn.execute(
                insert(workstations).values(
                    workstation_id=workstation_id, branch_id=branch_id, name=name, db_role=role
                )
            )
    except IntegrityError:
        raise _duplicate_workstation(workstation_id) from None
    except DBAPIError as exc:
        raise _refused("add a workstation", exc) from exc
    url = gateway.engine.url
    if postgres:
        url = url.set(username=role, password=None)
    return DeskConnection(
        workstation_id=workstation_id,
        branch=branch,
        url=url.render_as_string(hide_password=True),
        role=role,
        password=password,
    )


def remove_workstation(gateway: CentralGateway, workstation_id: str) -> Workstation:
    """Take a workstation off central (a desk retired or lost): its row goes and, on
    PostgreSQL, its role and every privilege the role held in this database."""
    gateway.check_schema()
    try:
        with gateway.connect() as conn, conn.begin():
            found = _workstation(conn, workstation_id)
            if found is None:
                raise BranchSetupError(f"There is no workstation {workstation_id!r} at central.")
            conn.execute(
                delete(workstations).where(workstations.c.workstation_id == found.workstation_id)
            )
            if gateway.dialect == "postgresql" and found.db_role:
                role = _quote(conn, found.db_role)
                conn.exec_driver_sql(f"DROP OWNED BY {role}")
                conn.exec_driver_sql(f"DROP ROLE {role}")
    except DBAPIError as exc:
        raise _refused("remove a workstation", exc) from exc
    return Workstation(found.workstation_id, found.branch_id, found.name, found.db_role)


def list_branches(gateway: CentralGateway) -> list[tuple[Branch, list[Workstation]]]:
    gateway.check_schema()
    with gateway.connect() as conn:
        rows = conn.execute(select(branches).order_by(branches.c.city, branches.c.branch_id))
        found: list[tuple[Branch, list[Workstation]]] = [
            (Branch(r.branch_id, r.city, r.name), []) for r in rows
        ]
        desks: dict[str, list[Workstation]] = {b.branch_id: w for b, w in found}
        for r in conn.execute(select(workstations).order_by(workstations.c.workstation_id)):
            desks.setdefault(r.branch_id, []).append(
                Workstation(r.workstation_id, r.branch_id, r.name, r.db_role)
            )
    return found


def _create_desk_role(conn: Connection, role: str, password: str) -> None:
    exists = conn.execute(
        text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}
    ).scalar_one_or_none()
    if exists:
        raise BranchSetupError(
            f"A role named {role!r} already exists on this PostgreSQL server (roles are shared "
            "by every database there). Choose another name with --role."
        )
    # The password reaches the server only as a SCRAM verifier made here (libpq's
    # PQencryptPasswordConn), so it never appears in a statement or a server log.
    verifier = _encrypt_password(conn, role, password)
    quoted = _quote(conn, role)
    database = _quote(conn, conn.execute(text("SELECT current_database()")).scalar_one())
    schema = _quote(conn, conn.execute(text("SELECT current_schema()")).scalar_one())
    for statement in (
        f"CREATE ROLE {quoted} LOGIN PASSWORD '{verifier}' NOSUPERUSER NOCREATEDB "
        "NOCREATEROLE NOREPLICATION NOBYPASSRLS",
        f"GRANT CONNECT ON DATABASE {database} TO {quoted}",
        f"GRANT USAGE ON SCHEMA {schema} TO {quoted}",
        # The schema version (a desk checks it) and the door's functions: nothing else.
        f"GRANT SELECT ON {VERSION_TABLE} TO {quoted}",
        f"GRANT EXECUTE ON FUNCTION {', '.join(DESK_FUNCTIONS)} TO {quoted}",
    ):
        conn.exec_driver_sql(statement)


def _encrypt_password(conn: Connection, role: str, password: str) -> str:
    raw: Any = conn.connection.dbapi_connection
    verifier: bytes = raw.pgconn.encrypt_password(password.encode(), role.encode(), None)
    text_ = verifier.decode("ascii")
    if "'" in text_ or "\\" in text_:  # a verifier is base64 and '$:'; never a quote
        raise BranchSetupError("The server produced an unexpected password verifier.")
    return text_


def _quote(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote_identifier(name)


def _branch(conn: Connection, branch_id: str) -> Branch | None:
    row = conn.execute(select(branches).where(branches.c.branch_id == branch_id)).first()
    return None if row is None else Branch(row.branch_id, row.city, row.name)


def _workstation(conn: Connection, workstation_id: str) -> Any:
    return conn.execute(
        select(workstations).where(workstations.c.workstation_id == workstation_id)
    ).first()


def _duplicate_branch(branch_id: str) -> BranchSetupError:
    return BranchSetupError(f"A branch {branch_id!r} already exists at central.")


def _duplicate_workstation(workstation_id: str) -> BranchSetupError:
    return BranchSetupError(
        f"A workstation {workstation_id!r} already exists at central. To give it a new "
        "password, remove it (`central remove-workstation`) and add it again."
    )


def _refused(what: str, exc: DBAPIError) -> CentralError:
    reason = str(exc.orig or exc).strip().splitlines()[0]
    return BranchSetupError(
        f"Central refused to {what}: {reason}. Run this as the owner of the central "
        "database, with the right to create roles (CREATEROLE) on PostgreSQL."
    )
