"""The headless commands: central init and seed, sync, case show, and their error messages."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from workstation import cli
from workstation.domain.clock import FixedClock
from workstation.domain.programme import DEFAULT_RULES
from workstation.store.local import LocalStore
from workstation.store.models import cases
from workstation.sync.untrusted import settle_pending

TODAY = date(2026, 3, 10)


@pytest.fixture(autouse=True)
def fixed_time_and_no_home_data(
    monkeypatch: pytest.MonkeyPatch, fixed_clock: FixedClock, tmp_path: Path
) -> None:
    # The commands read the system clock; tests pin it. A command that forgot --data-dir
    # must not write into the developer's real data directory.
    monkeypatch.setattr(cli, "SystemClock", lambda: fixed_clock)
    monkeypatch.setattr(cli, "default_data_dir", lambda: tmp_path / "default-data-dir")


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'central.sqlite3'}"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_exit(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    """A command argparse refuses: it exits with code 2 and a usage message."""
    with pytest.raises(SystemExit) as exit_:
        cli.main(list(argv))
    return int(exit_.value.code or 0), capsys.readouterr().err


def trust_pending(data_dir: Path) -> int:
    """Apply what a desk without a trust store kept pending, as if each signature checked
    out (demo data is unsigned; the real check is tested in test_untrusted_pull)."""
    store = LocalStore.open(data_dir)
    try:
        with store.transaction() as conn:
            applied, refused = settle_pending(conn, DEFAULT_RULES, lambda _e, _r: None, 10**6)
        assert refused == 0
        return applied
    finally:
        store.close()


def desk_case_ids(data_dir: Path) -> list[str]:
    store = LocalStore.open(data_dir)
    try:
        with store.reading() as conn:
            return sorted(conn.execute(select(cases.c.case_id)).scalars())
    finally:
        store.close()


def test_central_init_twice(capsys: pytest.CaptureFixture[str], url: str) -> None:
    code, out, err = run(capsys, "central", "init", url)
    assert (code, err) == (0, "")
    assert out.startswith("central schema ready at revision c006")
    code, out, _ = run(capsys, "central", "init", url)
    assert code == 0 and "revision c006" in out


def test_seed_then_sync_then_show(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path
) -> None:
    run(capsys, "central", "init", url)
    code, out, _ = run(capsys, "central", "seed-demo", url, "--cases", "12", "--seed", "7")
    assert code == 0 and out.strip() == "added 12 demo approved arrivals (central now has 12)"
    code, out, _ = run(capsys, "central", "seed-demo", url, "--cases", "3", "--today", "2026-03-01")
    assert code == 0 and "central now has 15" in out

    data = tmp_path / "desk"
    data.mkdir()
    code, out, err = run(capsys, "sync", "--central", url, "--data-dir", str(data))
    assert (code, err) == (0, "")
    assert out.startswith("WS-") and "(all cities)" in out
    # A desk nobody set up for log-in has no trust store: nothing pulled is applied.
    assert "note: this desk has no trust store set up" in out
    assert "pulled 15: 0 applied, 0 refused, 15 kept unapplied until" in out
    assert desk_case_ids(data) == []
    code, out, _ = run(capsys, "sync", "--central", url, "--data-dir", str(data))
    assert code == 0 and "pulled 0: 0 applied" in out
    assert trust_pending(data) == 15

    case_id = desk_case_ids(data)[0]
    code, out, err = run(capsys, "case", "show", case_id, "--data-dir", str(data), "--json")
    assert (code, err) == (0, "")
    shown = json.loads(out)
    assert shown["case_id"] == case_id
    assert shown["state"] == "approved"
    window_end = date.fromisoformat(shown["window_end"])
    assert (window_end - date.fromisoformat(shown["approval_date"])).days == 30
    assert shown["days_left"] == (window_end - TODAY).days
    assert shown["effective_state"] == ("approved" if shown["days_left"] >= 0 else "annulled")
    assert [s["step"] for s in shown["steps"]][:2] == ["arrival", "passport"]
    assert {s["status"] for s in shown["steps"]} == {"missing"}

    code, out, _ = run(capsys, "case", "show", case_id, "--data-dir", str(data))
    assert code == 0
    assert out.splitlines()[0] == (
        f"{case_id}: {shown['effective_state']}, {shown['days_left']} day(s) left"
    )
    assert "missing  Arrival in Kazakhstan" in out


def test_sync_remembers_the_city(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path
) -> None:
    run(capsys, "central", "init", url)
    run(capsys, "central", "seed-demo", url, "--cases", "10", "--seed", "5")
    data = tmp_path / "almaty-desk"
    data.mkdir()
    code, out, _ = run(
        capsys, "sync", "--central", url, "--data-dir", str(data), "--city", "Almaty"
    )
    assert code == 0 and "(Almaty)" in out and "pulled 5: 0 applied" in out
    assert trust_pending(data) == 5
    assert all("-ALA-" in c for c in desk_case_ids(data))
    code, out, _ = run(capsys, "sync", "--central", url, "--data-dir", str(data))
    assert code == 0 and "(Almaty)" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["central", "init", "not a url"], "is not a database URL"),
        (["central", "init", "mysql://u@localhost/dnr"], "PostgreSQL or SQLite"),
        (["central", "init", "sqlite:////no/such/folder/c.sqlite3"], "does not exist"),
    ],
)
def test_bad_central_urls(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (1, "")
    assert err.startswith("error: ") and message in err


def test_sync_into_a_missing_data_directory(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path
) -> None:
    run(capsys, "central", "init", url)
    missing = tmp_path / "nowhere"
    code, _, err = run(capsys, "sync", "--central", url, "--data-dir", str(missing))
    assert code == 1 and err.startswith("error: The data directory") and str(missing) in err
    assert not missing.exists()


def test_sync_with_a_bad_url(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "sync", "--central", "nonsense", "--data-dir", str(tmp_path))
    assert code == 1 and err.startswith("error: ") and "not a database URL" in err


def test_sync_with_a_central_that_has_no_schema(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path
) -> None:
    code, _, err = run(capsys, "sync", "--central", url, "--data-dir", str(tmp_path))
    assert code == 1 and "central init" in err
    code, _, err = run(capsys, "central", "seed-demo", url, "--cases", "2")
    assert code == 1 and "no DNR schema" in err


def test_case_show_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "case", "show", "DNR-AST-26-0000404", "--data-dir", str(tmp_path))
    assert code == 1 and err.startswith("error: No case 'DNR-AST-26-0000404'")
    code, _, err = run(capsys, "case", "show", "X", "--data-dir", str(tmp_path / "gone"))
    assert code == 1 and err.startswith("error: The data directory")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["central", "seed-demo", "sqlite://", "--cases", "abc"], "expected a whole number"),
        (["central", "seed-demo", "sqlite://", "--cases", "0"], "expected 1 or more"),
        (
            ["central", "seed-demo", "sqlite://", "--cases", "2", "--today", "10.03.2026"],
            "expected a date like",
        ),
        (["central", "seed-demo", "sqlite://"], "--cases"),
        (["central"], "ACTION"),
        (["case", "show"], "CASE_ID"),
        ([], "name a command"),
    ],
)
def test_argparse_refusals(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, err = run_exit(capsys, *argv)
    assert code == 2 and message in err


def test_nothing_was_written_to_the_default_data_dir(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path
) -> None:
    run(capsys, "central", "init", url)
    data = tmp_path / "desk"
    data.mkdir()
    run(capsys, "sync", "--central", url, "--data-dir", str(data))
    assert not (tmp_path / "default-data-dir").exists()


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == "dnr-workstation 0.1.0"
