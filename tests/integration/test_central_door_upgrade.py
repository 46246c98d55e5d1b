"""Upgrading a central from c005 (desk roles writing tables under row-level security) to the
door of c006: the old desk roles lose every table privilege and keep syncing through the
functions, central's order goes on from the last seq, the rows a desk role could forge
before are dropped, and an audit chain central held goes on from its head."""

from __future__ import annotations

import hashlib
import json
import secrets
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.engine import make_url

from tests.certificates import self_signed_der
from tests.integration.central_setup import drop_roles
from workstation.domain.lifecycle import EventType
from workstation.journal.envelope import Event
from workstation.sync.gateway import CentralGateway, DoorRefused, _config, central_head

NOW = datetime(2026, 3, 10, 6, 0, tzinfo=UTC)
INSTANT = "2026-03-10T06:00:00.000000Z"
TABLES = ("events", "certificates", "audit_entries", "workstations", "branches")


class OldCentral:
    """A central at c005 with one Astana desk role made the way c005's code made it."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.admin = CentralGateway(url)
        with self.admin.engine.begin() as conn:
            command.upgrade(_config(conn), "c005")
        self.role = f"dnr_old_{secrets.token_hex(4)}"
        self.password = secrets.token_urlsafe(16)
        self.workstation = "WS-OLD-1"
        with self.admin.engine.begin() as conn:
            conn.execute(text("INSERT INTO branches VALUES ('AST-1', 'Astana', 'Astana 1')"))
            conn.execute(text("INSERT INTO branches VALUES ('ALA-1', 'Almaty', 'Almaty 1')"))
            conn.execute(
                text("INSERT INTO workstations VALUES (:ws, 'AST-1', 'old desk', :role)"),
                {"ws": self.workstation, "role": self.role},
            )
            database = conn.execute(text("SELECT current_database()")).scalar_one()
            sequence = conn.execute(
                text("SELECT pg_get_serial_sequence('events', 'seq')")
            ).scalar_one()
            for statement in (  # c005's _create_desk_role
                f"CREATE ROLE {self.role} LOGIN PASSWORD '{self.password}'",
                f'GRANT CONNECT ON DATABASE "{database}" TO {self.role}',
                f"GRANT USAGE ON SCHEMA public TO {self.role}",
                f"GRANT SELECT, INSERT ON events, certificates, audit_entries TO {self.role}",
                f"GRANT USAGE ON SEQUENCE {sequence} TO {self.role}",
                f"GRANT SELECT ON central_schema_version, workstations, branches TO {self.role}",
            ):
                conn.exec_driver_sql(statement)

    @property
    def desk_url(self) -> str:
        return make_url(self.url).set(username=self.role).render_as_string(hide_password=False)

    def sql(self) -> psycopg.Connection[Any]:
        url = make_url(self.url)
        return psycopg.connect(
            host=url.host, port=url.port, user=self.role, password=self.password,
            dbname=url.database, autocommit=True,
        )  # fmt: skip


@pytest.fixture
def old_central(empty_pg_url: str) -> Iterator[OldCentral]:
    made = OldCentral(empty_pg_url)
    yield made
    made.admin.dispose()
    drop_roles(empty_pg_url, [made.role])


def _event(n: int, case_id: str, workstation: str, **fields: Any) -> Event:
    values: dict[str, Any] = {
        "event_id": str(uuid.UUID(int=n, version=4)),
        "case_id": case_id,
        "type": EventType.ARRIVAL_RECORDED,
        "payload": {"n": n},
        "actor_iin": "910517400017",
        "actor_fingerprint": "",
        "workstation_id": workstation,
        "recorded_at": NOW,
    }
    return Event(**(values | fields))


def _insert_old(conn: psycopg.Connection[Any], n: int, case_id: str, kind: str) -> None:
    conn.execute(
        "INSERT INTO events (event_id, case_id, city, type, payload, actor_iin, "
        "actor_fingerprint, workstation_id, recorded_at, received_at) VALUES "
        "(%s, %s, 'Astana', %s, %s, '910517400017', '', 'WS-OLD-1', %s, %s)",
        (str(uuid.UUID(int=n, version=4)), case_id, kind, json.dumps({"n": n}), INSTANT, INSTANT),
    )


@pytest.mark.postgres
def test_an_old_central_and_its_desk_roles_go_through_the_door_after_upgrade(
    old_central: OldCentral, tmp_path: Path
) -> None:
    good, preempting = self_signed_der("GOOD", NOW), self_signed_der("OTHER", NOW)
    with old_central.sql() as conn:  # what the old desk role could do, and did
        _insert_old(conn, 1, "DNR-AST-26-0000001", "ArrivalApproved")
        _insert_old(conn, 2, "DNR-AST-26-0000001", "ArrivalRecorded")
        conn.execute(
            "INSERT INTO certificates VALUES (%s, %s, 'x', %s)",
            (hashlib.sha256(good).hexdigest(), good, INSTANT),
        )
        conn.execute(
            "INSERT INTO certificates VALUES (%s, 'garbage', 'x', %s)", ("a" * 64, INSTANT)
        )
        conn.execute(  # someone else's fingerprint over other DER
            "INSERT INTO certificates VALUES (%s, %s, 'x', %s)", ("b" * 64, preempting, INSTANT)
        )
        entry = {"seq": 1, "workstation_id": "WS-OLD-1", "at": INSTANT,
                 "prev_hash": "0" * 64, "entry_hash": "1" * 64}  # fmt: skip
        conn.execute(
            "INSERT INTO audit_entries VALUES ('WS-OLD-1', 1, %s, %s, %s)",
            (INSTANT, json.dumps(entry), INSTANT),
        )
    assert old_central.admin.init_schema() == central_head()

    with old_central.sql() as conn:
        for table in (*TABLES, "central_order"):
            for privilege in ("SELECT", "INSERT", "UPDATE", "DELETE"):
                allowed = conn.execute(
                    "SELECT has_table_privilege(current_user, %s, %s)", (table, privilege)
                ).fetchone()
                assert allowed == (False,), (table, privilege)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            _insert_old(conn, 3, "DNR-AST-26-0000001", "ArrivalRecorded")
    desk = CentralGateway(old_central.desk_url, password=old_central.password)
    try:
        desk.check_schema()
        assert desk.desk_branch() is not None
        assert [r.seq for r in desk.pull_rows(0, None, 10)] == [1, 2]
        assert desk.push([(_event(4, "DNR-AST-26-0000001", "WS-OLD-1"), "Astana")]) == 1
        assert [r.seq for r in desk.pull_rows(0, "Astana", 10)] == [1, 2, 3]  # no hole
        with pytest.raises(DoorRefused, match="names workstation WS-OTHER"):
            desk.push([(_event(5, "DNR-AST-26-0000001", "WS-OTHER"), "Astana")])
        # The forged certificate rows are gone; the honest one stays.
        assert desk.certificate_fingerprints() == {hashlib.sha256(good).hexdigest()}
        # The audit chain goes on from central's head, and only from there.
        nxt = {"seq": 2, "workstation_id": "WS-OLD-1", "at": INSTANT,
               "prev_hash": "1" * 64, "entry_hash": "2" * 64}  # fmt: skip
        with pytest.raises(DoorRefused, match="does not extend the chain"):
            desk.push_audit([nxt | {"prev_hash": "9" * 64}])
        assert desk.push_audit([nxt]) == 1
    finally:
        desk.dispose()


@pytest.mark.postgres
def test_the_door_goes_down_to_c005_and_up_again(old_central: OldCentral) -> None:
    old_central.admin.init_schema()
    with old_central.admin.engine.begin() as conn:
        command.downgrade(_config(conn), "c005")
    with old_central.sql() as conn:  # c005's grants are back, and the identity
        _insert_old(conn, 1, "DNR-AST-26-0000001", "ArrivalApproved")
    assert old_central.admin.init_schema() == central_head()
    desk = CentralGateway(old_central.desk_url, password=old_central.password)
    try:
        assert desk.push([(_event(2, "DNR-AST-26-0000001", "WS-OLD-1"), "Astana")]) == 1
        assert [r.seq for r in desk.pull_rows(0, None, 10)] == [1, 2]
    finally:
        desk.dispose()


@pytest.mark.postgres
def test_a_central_owned_by_a_createrole_administrator_gets_the_whole_door(
    pg_user: str, tmp_path: Path
) -> None:
    """The admin guide's set-up: the administrator owns the database and has CREATEROLE, but
    is no superuser. `central init` still makes the door, and desks sync through it."""
    from tests.integration.conftest import PG_HOST, PG_PORT
    from workstation.sync.branches import add_branch, add_workstation
    from workstation.sync.demo_seed import approval_event, make_approvals
    from workstation.sync.door import door_role

    token = secrets.token_hex(4)
    admin_role, database = f"dnr_adm_{token}", f"dnr_test_adm_{token}"
    superuser = psycopg.connect(host=PG_HOST, port=PG_PORT, user=pg_user, dbname="postgres",
                                autocommit=True)  # fmt: skip
    roles: list[str] = []
    try:
        superuser.execute(f"CREATE ROLE {admin_role} LOGIN CREATEROLE")
        superuser.execute(f"CREATE DATABASE {database} OWNER {admin_role}")
        url = f"postgresql+psycopg://{admin_role}@{PG_HOST}:{PG_PORT}/{database}"
        admin = CentralGateway(url)
        try:
            assert admin.init_schema() == central_head()
            add_branch(admin, "AST-1", "Astana", "Astana 1")
            approval = next(make_approvals(1, seed=1, today=NOW.date(), cities=("Astana",)))
            admin.push([(approval_event(approval), "Astana")])
            made = add_workstation(admin, "AST-1", f"WS-ADM-{token}")
            assert made.role is not None
            roles.append(made.role)
            desk = CentralGateway(made.url, password=made.password)
            try:
                mine = _event(2, approval.case_id, made.workstation_id)
                assert desk.push([(mine, "Astana")]) == 1
                assert [r.seq for r in desk.pull_rows(0, None, 10)] == [1, 2]
            finally:
                desk.dispose()
        finally:
            admin.dispose()
    finally:
        superuser.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
            (database,),
        )
        superuser.execute(f"DROP DATABASE IF EXISTS {database}")
        for role in [*roles, door_role(database), admin_role]:
            superuser.execute(f'DROP ROLE IF EXISTS "{role}"')
        superuser.close()
