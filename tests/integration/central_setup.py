"""A central (PostgreSQL or SQLite) with branches and desk roles, and desks that sync with it.

Shared by the sync tests that run the same scenarios against both central back ends.
PostgreSQL roles belong to the whole server, not to one database, so every role made here
has a random part in its name and is dropped when the test ends.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import select
from sqlalchemy.engine import make_url

from workstation.domain.clock import FixedClock
from workstation.domain.programme import DEFAULT_RULES
from workstation.journal.envelope import Actor
from workstation.services.context import DeskContext
from workstation.services.desk import Desk
from workstation.services.setup import desk_identity
from workstation.store.local import LocalStore, get_setting
from workstation.store.models import cases, journal
from workstation.sync.branches import DeskConnection, add_branch, add_workstation
from workstation.sync.central_schema import events
from workstation.sync.gateway import CentralGateway
from workstation.sync.syncer import SyncReport, cursor_name, sync_once

BACKENDS = ("postgresql", "sqlite")
# Two branches in Astana and one in Almaty.
BRANCHES = (("AST-1", "Astana"), ("AST-2", "Astana"), ("ALA-1", "Almaty"))


@dataclass
class CentralUnderTest:
    kind: str
    url: str  # the administrator's
    admin: CentralGateway = field(init=False)
    token: str = field(default_factory=lambda: secrets.token_hex(3))
    roles: list[str] = field(default_factory=list)
    gateways: list[CentralGateway] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.admin = CentralGateway(self.url)
        self.admin.init_schema()
        for branch_id, city in BRANCHES:
            add_branch(self.admin, branch_id, city, f"{city} service center {branch_id}")

    @property
    def postgres(self) -> bool:
        return self.kind == "postgresql"

    def add_desk(self, branch_id: str, number: int) -> DeskConnection:
        made = add_workstation(self.admin, branch_id, f"WS-{self.token}-{number}")
        if made.role:
            self.roles.append(made.role)
        return made

    def gateway(self, desk: DeskConnection) -> CentralGateway:
        made = CentralGateway(desk.url, password=desk.password)
        self.gateways.append(made)
        return made

    def desk_url_with_password(self, desk: DeskConnection) -> str:
        """For a subprocess: the desk's URL with its password in it."""
        url = make_url(desk.url)
        if desk.password:
            url = url.set(password=desk.password)
        return url.render_as_string(hide_password=False)

    def city_events(self, city: str) -> dict[str, int]:
        """event id -> central seq, read as the administrator (no row-level security)."""
        with self.admin.engine.connect() as conn:
            rows = conn.execute(
                select(events.c.event_id, events.c.seq).where(events.c.city == city)
            )
            return {r.event_id: int(r.seq) for r in rows}

    def close(self) -> None:
        for g in self.gateways:
            g.dispose()
        self.admin.dispose()
        if self.postgres and self.roles:
            drop_roles(self.url, self.roles)


def drop_roles(url: str, roles: list[str]) -> None:
    parsed = make_url(url)
    params = {"host": parsed.host, "port": parsed.port, "user": parsed.username}
    with psycopg.connect(**params, dbname=parsed.database, autocommit=True) as conn:
        for role in roles:
            if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone():
                continue  # removed by the test itself
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
                (role,),
            )
            conn.execute(f'DROP OWNED BY "{role}"')
            conn.execute(f'DROP ROLE IF EXISTS "{role}"')


def make_central(kind: str, request: Any, tmp_path: Path) -> CentralUnderTest:
    if kind == "postgresql":
        url = request.getfixturevalue("make_pg_database")()
    else:
        url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    return CentralUnderTest(kind, url)


CLERK = Actor(iin="910517400017", name="SYNC CLERK", role="clerk")


class SyncingDesk:
    """One desk with its own store, its own central connection and its branch's city."""

    def __init__(
        self,
        central: CentralUnderTest,
        connection: DeskConnection,
        data_dir: Path,
        clock: FixedClock,
    ) -> None:
        self.connection = connection
        self.city = connection.branch.city
        self.data_dir = data_dir
        self.store = LocalStore.open(data_dir, create=True)
        desk_identity(self.store, self.city)
        self.gateway = central.gateway(connection)
        self.desk = Desk(
            DeskContext(
                self.store,
                actor=CLERK,
                workstation_id=connection.workstation_id,
                rules=DEFAULT_RULES,
                clock=clock,
            )
        )

    def sync(self, batch: int = 500) -> SyncReport:
        return sync_once(
            self.store,
            self.gateway,
            DEFAULT_RULES,
            city=self.city,
            batch=batch,
            trust_unsigned=True,
        )

    def case_ids(self) -> set[str]:
        with self.store.reading() as conn:
            return set(conn.execute(select(cases.c.case_id)).scalars())

    def journal(self) -> list[Any]:
        with self.store.reading() as conn:
            return list(conn.execute(select(journal).order_by(journal.c.local_seq)))

    def cursor(self) -> int:
        with self.store.reading() as conn:
            return int(get_setting(conn, cursor_name(self.city)) or 0)

    def close(self) -> None:
        self.store.close()


def assert_desk_has_its_city_exactly_once(desk: SyncingDesk, central: CentralUnderTest) -> None:
    """Every event central holds for the desk's city is in the desk's journal once, with
    central's seq; nothing of another city is; the cursor is at the city's last event."""
    expected = central.city_events(desk.city)
    rows = desk.journal()
    ids = [r.event_id for r in rows]
    assert len(ids) == len(set(ids)), "an event is in the journal twice"
    assert set(ids) == set(expected), (
        f"missing {sorted(set(expected) - set(ids))[:5]}, "
        f"extra {sorted(set(ids) - set(expected))[:5]}"
    )
    assert {r.event_id: r.central_seq for r in rows} == expected
    assert all(r.pushed for r in rows)
    assert desk.cursor() == max(expected.values(), default=0)
