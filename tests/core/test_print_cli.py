"""`dnr-workstation print application|receipt`: logs in with an EDS key, writes the PDF,
records the print, and says why a case cannot be printed."""

from __future__ import annotations

import io
import json
import os
import stat
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from tests.core.conftest import CaseBook
from workstation.cli import main
from workstation.cli.print_cmd import EXIT_NOT_READY, PASSWORD_ENV
from workstation.domain.clock import SystemClock
from workstation.domain.lifecycle import CaseState, EventType
from workstation.domain.programme import DEFAULT_RULES
from workstation.security.pki import DEMO_PASSWORD, DemoKeyPool
from workstation.security.roles import Role
from workstation.services.demo import open_demo_session
from workstation.services.demo_login import DemoLogin, prepare_demo_login
from workstation.store.models import audit_log, cases, journal


@pytest.fixture
def desk(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    data_dir = tmp_path / "desk"
    session = open_demo_session(data_dir, DEFAULT_RULES, SystemClock(), cases=30)
    session.sync()
    keys = DemoKeyPool(tmp_path_factory.getbasetemp() / "demo-keys")
    login = prepare_demo_login(session, data_dir, keys=keys)
    yield session, login, data_dir
    session.store.close()


def approved_adult(session: Any) -> str:
    today = session.clock.today()
    with session.store.reading() as conn:
        rows = conn.execute(
            select(cases.c.case_id, cases.c.approval)
            .where(cases.c.state == str(CaseState.APPROVED))
            .where(cases.c.approval_date < today - timedelta(days=2))
            .where(cases.c.window_end >= today)
            .order_by(cases.c.case_id)
        ).all()
    for row in rows:
        approval = json.loads(row.approval)
        if approval["birth_date"] < "2006-01-01":
            return str(row.case_id)
    raise AssertionError("no suitable demo case")


def run(
    monkeypatch: pytest.MonkeyPatch,
    login: DemoLogin,
    data_dir: Path,
    *args: str,
    role: Role = Role.CLERK,
    password: str = DEMO_PASSWORD,
) -> int:
    monkeypatch.setenv(PASSWORD_ENV, password)
    key = login.pki.key_for(role).path
    return main([*args[:3], "--data-dir", str(data_dir), "--key", str(key), *args[3:]])


def test_a_ready_case_prints_to_a_file_and_the_print_is_recorded(
    desk: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: Any
) -> None:
    session, login, data_dir = desk
    case_id = approved_adult(session)
    book = CaseBook(session.store, session.rules, session.clock)
    book.arrive(case_id, session.clock.today() - timedelta(days=1))
    book.all_steps(case_id)
    out = tmp_path / "application.pdf"
    assert (
        run(monkeypatch, login, data_dir, "print", "application", case_id, "--out", str(out)) == 0
    )
    assert "written to" in capsys.readouterr().out
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert case_id in reader.pages[0].extract_text()
    with session.store.reading() as conn:
        row = conn.execute(
            select(journal.c.payload, journal.c.actor_iin).where(
                journal.c.type == str(EventType.APPLICATION_PRINTED)
            )
        ).one()
    assert json.loads(row.payload)["channel"] == "cli"
    assert row.actor_iin == login.pki.key_for(Role.CLERK).iin
    receipt = tmp_path / "receipt.pdf"
    assert (
        run(monkeypatch, login, data_dir, "print", "receipt", case_id, "--out", str(receipt)) == 0
    )
    assert receipt.read_bytes().startswith(b"%PDF-")
    assert not list(tmp_path.glob(".*.partial"))
    if os.name == "posix":  # the applicant's IIN, passport and names: the OS user's only
        assert {stat.S_IMODE(p.stat().st_mode) for p in (out, receipt)} == {0o600}


def test_a_case_not_ready_exits_2_with_the_reasons_and_writes_nothing(
    desk: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: Any
) -> None:
    session, login, data_dir = desk
    case_id = approved_adult(session)
    out = tmp_path / "application.pdf"
    code = run(monkeypatch, login, data_dir, "print", "application", case_id, "--out", str(out))
    assert code == EXIT_NOT_READY
    err = capsys.readouterr().err
    assert "cannot be printed" in err
    assert not out.exists()
    code = run(monkeypatch, login, data_dir, "print", "receipt", case_id, "--out", str(out))
    assert code == EXIT_NOT_READY
    assert "Print the application first" in capsys.readouterr().err


def test_a_wrong_password_or_a_supervisor_key_prints_nothing(
    desk: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: Any
) -> None:
    session, login, data_dir = desk
    case_id = approved_adult(session)
    out = tmp_path / "application.pdf"
    args = ("print", "application", case_id, "--out", str(out))
    assert run(monkeypatch, login, data_dir, *args, password="wrong") == 1
    assert "password" in capsys.readouterr().err.lower()
    assert run(monkeypatch, login, data_dir, *args, role=Role.SUPERVISOR) == 1
    assert "may not" in capsys.readouterr().err
    assert not out.exists()


def audit_actions(session: Any) -> list[str]:
    with session.store.reading() as conn:
        rows = conn.execute(select(audit_log.c.action).order_by(audit_log.c.seq)).all()
    return [row.action for row in rows if row.action != "desk_key_created"]


def test_log_ins_by_the_command_are_audited_and_say_the_tries_left(
    desk: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: Any
) -> None:
    session, login, data_dir = desk
    case_id = approved_adult(session)
    out = tmp_path / "application.pdf"
    args = ("print", "application", case_id, "--out", str(out))
    before = len(audit_actions(session))
    for left in (4, 3, 2, 1):
        assert run(monkeypatch, login, data_dir, *args, password="wrong") == 1
        assert f"{left} attempt" in capsys.readouterr().err
    assert run(monkeypatch, login, data_dir, *args, password="wrong") == 1
    assert "Too many wrong attempts" in capsys.readouterr().err
    assert run(monkeypatch, login, data_dir, *args) == 1  # the right password: still locked
    assert "Too many wrong attempts" in capsys.readouterr().err
    assert audit_actions(session)[before:] == [
        "login_failed", "login_failed", "login_failed", "login_failed", "key_locked_out",
        "login_failed",
    ]  # fmt: skip
    assert not out.exists()
    # A log-in that works is audited too.
    supervisor = ("print", "receipt", case_id, "--out", str(out))
    assert run(monkeypatch, login, data_dir, *supervisor, role=Role.MIGRATION_OFFICER) == 2
    assert audit_actions(session)[-1] == "login"
