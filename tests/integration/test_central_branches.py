"""Branches, desk roles and row-level security at central; the `central` admin commands."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.engine import make_url

from tests.integration.central_setup import BACKENDS, CentralUnderTest, make_central
from workstation import cli
from workstation.domain.lifecycle import EventType
from workstation.journal.envelope import Event
from workstation.sync.branches import BranchSetupError, add_branch, add_workstation, role_for
from workstation.sync.demo_seed import approval_event
from workstation.sync.gateway import (
    CentralGateway,
    CentralRefused,
    CentralSchemaMismatch,
    DoorRefused,
    _config,
    central_head,
)

TODAY = date(2026, 3, 10)


@pytest.fixture
def pg_central(make_pg_database: Any) -> Iterator[CentralUnderTest]:
    made = CentralUnderTest("postgresql", make_pg_database())
    yield made
    made.close()


@pytest.fixture(
    params=[
        pytest.param(k, marks=pytest.mark.postgres) if k == "postgresql" else k for k in BACKENDS
    ]
)
def central(request: Any, tmp_path: Path) -> Iterator[CentralUnderTest]:
    made = make_central(request.param, request, tmp_path)
    yield made
    made.close()


def _seed_both_cities(central: CentralUnderTest, make_approval: Any) -> None:
    items = [make_approval(n) for n in (1, 2, 3)] + [
        make_approval(n, city="Almaty", case_id=f"DNR-ALA-26-{n:07d}") for n in (4, 5)
    ]
    central.admin.push([(approval_event(a), a.city) for a in items])


def _raw(central: CentralUnderTest, desk: Any) -> psycopg.Connection[Any]:
    """A plain psycopg connection as the desk's role, with the password it was given."""
    url = make_url(desk.url)
    return psycopg.connect(
        host=url.host,
        port=url.port,
        user=url.username,
        password=desk.password,
        dbname=url.database,
        autocommit=True,
    )


# --- row-level security (PostgreSQL) -----------------------------------------------------


def desk_event(desk: Any, case_id: str, n: int = 1, **fields: Any) -> Event:
    """An unsigned ArrivalRecorded event as the desk `desk` (a DeskConnection) makes one."""
    values: dict[str, Any] = {
        "event_id": str(uuid.UUID(int=n, version=4)),
        "case_id": case_id,
        "type": EventType.ARRIVAL_RECORDED,
        "payload": {"n": n},
        "actor_iin": "910517400017",
        "actor_fingerprint": "",
        "workstation_id": desk.workstation_id,
        "recorded_at": datetime(2026, 3, 10, 6, 0, tzinfo=UTC),
    }
    return Event(**(values | fields))


@pytest.mark.postgres
def test_a_desk_role_reaches_no_table_only_its_citys_rows_through_the_door(
    pg_central: CentralUnderTest, make_approval: Any
) -> None:
    _seed_both_cities(pg_central, make_approval)
    astana = pg_central.add_desk("AST-1", 1)
    pg_central.add_desk("ALA-1", 2)
    with _raw(pg_central, astana) as conn:
        rows = conn.execute("SELECT city FROM dnr_pull_events(0, NULL, 100)").fetchall()
        assert rows == [("Astana",)] * 3
        with pytest.raises(psycopg.DatabaseError, match="pull_city"):
            conn.execute("SELECT * FROM dnr_pull_events(0, 'Almaty', 100)")
        assert conn.execute("SELECT workstation_id FROM dnr_whoami()").fetchall() == [
            (astana.workstation_id,)
        ]
        for forbidden in (
            "SELECT count(*) FROM events",
            "SELECT * FROM workstations",
            "SELECT * FROM branches",
            "SELECT * FROM certificates",
            "SELECT * FROM audit_entries",
            "INSERT INTO events (seq) VALUES (1)",
            "UPDATE events SET city = 'Astana'",
            "DELETE FROM events",
            "INSERT INTO branches VALUES ('X', 'Almaty', 'X')",
            "UPDATE workstations SET branch_id = 'ALA-1'",
            "CREATE TABLE mine (x int)",
            "SELECT dnr_refuse('x', '{}')",
            "SELECT * FROM dnr_binding()",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(forbidden)
    with pg_central.admin.engine.connect() as admin:
        cities = admin.execute(text("SELECT city, count(*) FROM events GROUP BY city")).all()
    assert dict(cities) == {"Astana": 3, "Almaty": 2}  # the administrator sees everything


@pytest.mark.postgres
def test_push_of_another_citys_event_is_refused_and_nothing_of_the_batch_stays(
    pg_central: CentralUnderTest, make_approval: Any
) -> None:
    _seed_both_cities(pg_central, make_approval)
    made = pg_central.add_desk("AST-1", 1)
    desk = pg_central.gateway(made)
    ours = desk_event(made, "DNR-AST-26-0000001", 1)
    theirs = desk_event(made, "DNR-ALA-26-0000004", 2)
    with pytest.raises(DoorRefused, match="this desk's branch is in Astana") as refused:
        desk.push([(ours, "Astana"), (theirs, "Almaty")])
    assert refused.value.event_id == theirs.event_id
    assert len(pg_central.city_events("Astana")) == 3  # the approvals alone
    assert desk.push([(ours, "Astana")]) == 1


@pytest.mark.postgres
def test_an_event_id_held_in_another_city_is_neither_leaked_nor_taken_as_delivered(
    pg_central: CentralUnderTest, make_approval: Any
) -> None:
    secret = approval_event(make_approval(7, city="Almaty", case_id="DNR-ALA-26-0000007"))
    pg_central.admin.push([(secret, "Almaty")])
    pg_central.admin.push([(approval_event(make_approval(8)), "Astana")])
    made = pg_central.add_desk("AST-1", 1)
    desk = pg_central.gateway(made)
    mine = desk_event(made, "DNR-AST-26-0000008", 8)
    clash = desk_event(made, "DNR-AST-26-0000008", 9, event_id=secret.event_id)
    with pytest.raises(DoorRefused) as refused:
        desk.push([(mine, "Astana"), (clash, "Astana")])
    message = str(refused.value)
    assert "already holds another event" in message and secret.event_id in message
    assert secret.case_id not in message and "Almaty" not in message
    # the other city's row stays invisible; the whole batch was rolled back
    assert [e.case_id for _, e in desk.pull(0, None, 100)] == ["DNR-AST-26-0000008"]
    assert len(pg_central.city_events("Astana")) == 1
    assert desk.push([(mine, "Astana")]) == 1
    assert desk.push([(mine, "Astana")]) == 0  # its own retried event is fine


@pytest.mark.postgres
def test_a_desk_role_cannot_administer_central(pg_central: CentralUnderTest) -> None:
    desk = pg_central.gateway(pg_central.add_desk("AST-1", 1))
    with pytest.raises(BranchSetupError, match="refused to add a branch"):
        add_branch(desk, "AST-9", "Astana", "Rogue branch")
    with pytest.raises(BranchSetupError, match="refused to add a workstation"):
        add_workstation(desk, "ALA-1", "WS-ROGUE")  # it cannot even read the branches


@pytest.mark.postgres
def test_unknown_credentials_are_refused_clearly(pg_central: CentralUnderTest) -> None:
    url = make_url(pg_central.url).set(username="dnr_nobody_at_all")
    gateway = CentralGateway(url.render_as_string(hide_password=False), password="wrong")
    try:
        with pytest.raises(CentralRefused, match="refused the desk's credentials"):
            gateway.check_schema()
    finally:
        gateway.dispose()


@pytest.mark.postgres
def test_a_removed_workstation_can_no_longer_sync(
    pg_central: CentralUnderTest, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    desk = pg_central.add_desk("AST-1", 1)
    assert cli.main(["sync", "--central", pg_central.desk_url_with_password(desk),
                     "--data-dir", str(tmp_path), "--city", "Astana"]) == 0  # fmt: skip
    capsys.readouterr()
    code = cli.main(
        ["central", "remove-workstation", pg_central.url, "--workstation-id", desk.workstation_id]
    )
    out, _ = capsys.readouterr()
    assert code == 0 and f"database role {desk.role} dropped" in out
    code = cli.main(["sync", "--central", pg_central.desk_url_with_password(desk),
                     "--data-dir", str(tmp_path), "--city", "Astana"])  # fmt: skip
    _, err = capsys.readouterr()
    assert code == 1
    assert "error: Central refused the desk's credentials" in err and "does not exist" in err


@pytest.mark.postgres
def test_a_desk_is_told_when_central_is_older_than_it(pg_central: CentralUnderTest) -> None:
    desk = pg_central.gateway(pg_central.add_desk("AST-1", 1))
    desk.check_schema()
    with pg_central.admin.engine.begin() as conn:
        conn.execute(text("UPDATE central_schema_version SET version_num = 'c001'"))
    with pytest.raises(CentralSchemaMismatch, match="older than this desk"):
        desk.check_schema()
    with pg_central.admin.engine.begin() as conn:
        conn.execute(text("UPDATE central_schema_version SET version_num = 'c999'"))
    with pytest.raises(CentralSchemaMismatch, match="newer than this desk"):
        desk.check_schema()


@pytest.mark.postgres
def test_migrations_go_down_and_up_again(pg_central: CentralUnderTest) -> None:
    pg_central.add_desk("AST-1", 1)
    with pg_central.admin.engine.begin() as conn:
        command.downgrade(_config(conn), "c001")
        assert not conn.execute(
            text("SELECT relrowsecurity FROM pg_class WHERE relname = 'events'")
        ).scalar_one()
    assert pg_central.admin.init_schema() == central_head()
    with pg_central.admin.engine.connect() as conn:
        policies = conn.execute(text("SELECT policyname FROM pg_policies ORDER BY 1")).scalars()
        assert list(policies) == [
            "desk_own_branch",
            "desk_own_workstation",
            "desk_read_own_audit",
            "desk_read_own_city",
            "desk_write_own_audit",
            "desk_write_own_city",
            *["door_all"] * 4,
        ]


@pytest.mark.postgres
def test_a_role_that_exists_on_the_server_is_not_taken_over(
    pg_central: CentralUnderTest, make_pg_database: Any
) -> None:
    other = CentralUnderTest("postgresql", make_pg_database())  # another central, same server
    try:
        taken = other.add_desk("AST-1", 1)
        with pytest.raises(BranchSetupError, match="already exists on this PostgreSQL server"):
            add_workstation(pg_central.admin, "AST-1", taken.workstation_id)
        made = add_workstation(
            pg_central.admin, "AST-1", taken.workstation_id, role=f"{taken.role}_b"
        )
        pg_central.roles.append(f"{taken.role}_b")
        assert made.role == f"{taken.role}_b"
    finally:
        other.close()


# --- the admin commands, on both back ends -----------------------------------------------


def test_add_branch_and_workstation_through_the_cli(
    central: CentralUnderTest, capsys: pytest.CaptureFixture[str], make_approval: Any
) -> None:
    url = central.url
    ws = f"WS-{central.token}-CLI"

    def run(*argv: str) -> tuple[int, str, str]:
        code = cli.main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    assert run("central", "init", url)[0] == 0  # again: nothing changes
    code, out, err = run(
        "central", "add-branch", url, "--branch-id", "ALA-2", "--city", "Almaty",
        "--name", "Almaty PSC 2",
    )  # fmt: skip
    assert (code, err) == (0, "") and "branch ALA-2 added: Almaty PSC 2, Almaty" in out
    code, out, err = run(
        "central", "add-workstation", url, "--branch-id", "ALA-2", "--workstation-id", ws,
        "--name", "Window 3",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert f"workstation {ws} added to branch ALA-2 (Almaty PSC 2, Almaty)" in out
    desk_url = re.search(r"central URL: +(\S+)", out)
    assert desk_url is not None
    if central.postgres:
        role = role_for(ws)
        central.roles.append(role)
        password = re.search(r"password: +(\S+)", out)
        assert password is not None and len(password.group(1)) >= 32
        assert out.count(password.group(1)) == 1  # printed once, never inside the URL
        assert desk_url.group(1) == make_url(url).set(username=role).render_as_string()
        assert "credential store" in out
        gateway = CentralGateway(desk_url.group(1), password=password.group(1))
        try:
            gateway.check_schema()
            branch = gateway.desk_branch()
            assert branch is not None and (branch.branch_id, branch.city) == ("ALA-2", "Almaty")
        finally:
            gateway.dispose()
    else:
        assert desk_url.group(1) == url and "no database roles" in out

    code, out, _ = run("central", "list", url)
    assert code == 0 and "ALA-2  Almaty  Almaty PSC 2" in out and f"{ws}  Window 3" in out

    failures = [
        (["add-workstation", url, "--branch-id", "NOPE", "--workstation-id", "WS-1"],
         "There is no branch 'NOPE'"),
        (["add-workstation", url, "--branch-id", "ALA-2", "--workstation-id", ws],
         f"A workstation '{ws}' already exists"),
        (["add-branch", url, "--branch-id", "ALA-2", "--city", "Almaty", "--name", "x"],
         "A branch 'ALA-2' already exists"),
        (["add-branch", url, "--branch-id", "SHY-1", "--city", "Shymkent", "--name", "x"],
         "'Shymkent' is not a city of the programme"),
        (["add-branch", url, "--branch-id", "a b", "--city", "Almaty", "--name", "x"],
         "not a usable branch id"),
        (["add-workstation", url, "--branch-id", "ALA-2", "--workstation-id", "WS 1"],
         "not a usable workstation id"),
        (["add-branch", "mysql://u@h/db", "--branch-id", "X", "--city", "Almaty", "--name", "x"],
         "must be PostgreSQL or SQLite"),
        (["add-workstation", "not a url", "--branch-id", "X", "--workstation-id", "W"],
         "is not a database URL"),
    ]  # fmt: skip
    for argv, message in failures:
        code, _, err = run("central", *argv)
        assert code == 1 and err.startswith("error: ") and message in err, (argv, err)
    if not central.postgres:
        code, _, err = run(
            "central", "add-workstation", url, "--branch-id", "ALA-2", "--workstation-id",
            "WS-2", "--role", "dnr_x",
        )  # fmt: skip
        assert code == 1 and "has no database roles" in err


def test_the_admin_commands_need_a_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    code = cli.main(["central", "add-branch", url, "--branch-id", "A", "--city", "Astana",
                     "--name", "A"])  # fmt: skip
    _, err = capsys.readouterr()
    assert code == 1 and "central init" in err
