"""`dnr-workstation report`: logs in with an EDS key, only a supervisor gets a report, and
the exit status tells a written file (0) from a refusal (1) and a usage error (2)."""

from __future__ import annotations

import csv
import io
import os
import stat
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from workstation.cli import main
from workstation.cli.report import EXIT_USAGE, PASSWORD_ENV
from workstation.domain.clock import SystemClock
from workstation.domain.programme import DEFAULT_RULES
from workstation.reports import texts_for
from workstation.security.pki import DEMO_PASSWORD, DemoKeyPool
from workstation.security.roles import Role
from workstation.services.audit import AuditLog
from workstation.services.demo import open_demo_session
from workstation.services.demo_login import DemoLogin, prepare_demo_login


@pytest.fixture
def desk(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    data_dir = tmp_path / "desk"
    session = open_demo_session(data_dir, DEFAULT_RULES, SystemClock(), cases=30)
    session.sync()
    keys = DemoKeyPool(tmp_path_factory.getbasetemp() / "demo-keys")
    login = prepare_demo_login(session, data_dir, keys=keys)
    yield session, login, data_dir
    session.store.close()


def report(
    monkeypatch: pytest.MonkeyPatch,
    login: DemoLogin,
    data_dir: Path,
    *args: str,
    role: Role = Role.SUPERVISOR,
    password: str = DEMO_PASSWORD,
) -> int:
    monkeypatch.setenv(PASSWORD_ENV, password)
    key = login.pki.key_for(role).path
    return main(["report", "--data-dir", str(data_dir), "--key", str(key), *args])


def test_a_supervisor_writes_the_pdf_and_the_export_is_audited(
    desk: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: Any
) -> None:
    session, login, data_dir = desk
    out = tmp_path / "november.pdf"
    code = report(monkeypatch, login, data_dir, "--from", "2026-11-01", "--to", "2026-11-30",
                  "--format", "pdf", "--out", str(out), "--lang", "kk")  # fmt: skip
    assert code == 0
    assert "written to" in capsys.readouterr().out
    if os.name == "posix":  # names and IINs of applicants: the OS user's only
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = " ".join(PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text().split())
    assert texts_for("kk").title in text and "Astana" in text  # the desk's city by default
    audit = AuditLog(session.store, workstation_id=session.identity.workstation_id,
                     clock=session.clock)  # fmt: skip
    exports = [e for e in audit.entries() if e.action.value == "export"]
    assert exports and exports[-1].details["format"] == "pdf"
    assert exports[-1].subject == "report:2026-11-01..2026-11-30"


def test_csv_of_every_center_in_russian(
    desk: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _session, login, data_dir = desk
    out = tmp_path / "report.csv"
    today = SystemClock().today()  # the demo's approvals are of the last 45 days
    code = report(monkeypatch, login, data_dir, "--from", str(today - timedelta(days=60)),
                  "--to", str(today), "--center", "all", "--format", "csv", "--out", str(out),
                  "--lang", "ru")  # fmt: skip
    assert code == 0
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig")), delimiter=";"))
    t = texts_for("ru")
    assert rows[0] == [t.title]
    assert rows[2] == [t.center, t.all_centers]
    summary = {row[0]: row[1] for row in rows if len(row) == 2}
    assert int(summary[t.approved]) > 0  # the demo desk's approvals of the year


def test_a_clerk_gets_no_report(
    desk: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: Any
) -> None:
    _session, login, data_dir = desk
    out = tmp_path / "report.pdf"
    code = report(monkeypatch, login, data_dir, "--from", "2026-11-01", "--to", "2026-11-30",
                  "--format", "pdf", "--out", str(out), role=Role.CLERK)  # fmt: skip
    assert code == 1
    assert "As a clerk you may not view and print reports" in capsys.readouterr().err
    assert not out.exists()
    code = report(monkeypatch, login, data_dir, "--from", "2026-11-01", "--to", "2026-11-30",
                  "--format", "pdf", "--out", str(out), password="wrong")  # fmt: skip
    assert code == 1
    assert "password" in capsys.readouterr().err.lower()
    assert not out.exists()


def test_usage_errors_exit_2_with_the_reason(
    desk: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: Any
) -> None:
    _session, login, data_dir = desk
    out = tmp_path / "report.pdf"
    code = report(monkeypatch, login, data_dir, "--from", "2026-11-30", "--to", "2026-11-01",
                  "--format", "pdf", "--out", str(out))  # fmt: skip
    assert code == EXIT_USAGE
    assert "before it starts" in capsys.readouterr().err
    code = report(monkeypatch, login, data_dir, "--from", "2026-11-01", "--to", "2026-11-30",
                  "--center", "Shymkent", "--format", "pdf", "--out", str(out))  # fmt: skip
    assert code == EXIT_USAGE
    assert "no cases of the center 'Shymkent'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as bad_date:
        report(monkeypatch, login, data_dir, "--from", "1 Nov", "--to", "2026-11-30",
               "--format", "pdf", "--out", str(out))  # fmt: skip
    assert bad_date.value.code == 2
    assert "expected a date like 2026-11-01" in capsys.readouterr().err
    with pytest.raises(SystemExit) as bad_language:
        report(monkeypatch, login, data_dir, "--from", "2026-11-01", "--to", "2026-11-30",
               "--format", "pdf", "--out", str(out), "--lang", "de")  # fmt: skip
    assert bad_language.value.code == 2
    assert not out.exists()


def test_report_log_ins_are_audited_with_the_tries_left(
    desk: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: Any
) -> None:
    session, login, data_dir = desk
    out = tmp_path / "report.pdf"
    args = ("--from", "2026-11-01", "--to", "2026-11-30", "--format", "pdf", "--out", str(out))
    audit = AuditLog(session.store, workstation_id=session.identity.workstation_id,
                     clock=session.clock)  # fmt: skip
    before = len(audit.entries())
    assert report(monkeypatch, login, data_dir, *args, password="wrong") == 1
    assert "4 attempts left" in capsys.readouterr().err
    assert report(monkeypatch, login, data_dir, *args) == 0
    actions = [e.action.value for e in audit.entries()[before:]]
    assert [a for a in actions if a != "desk_key_created"][:2] == ["login_failed", "login"]
