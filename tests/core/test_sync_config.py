"""Connection settings: a TOML file without the password, the password in the credential store."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from tests.memory_keyring import MemoryKeyring
from workstation import cli
from workstation.domain.clock import FixedClock
from workstation.domain.programme import DEFAULT_RULES
from workstation.journal.envelope import Actor
from workstation.services import setup
from workstation.services.setup import DeskSession, desk_identity, saved_central_url
from workstation.store.local import LocalStore
from workstation.sync.config import (
    CONFIG_ENV,
    KEYRING_SERVICE,
    ConnectionSettings,
    SettingsInvalid,
    config_path,
    connection_password,
    load_settings,
    save_password,
    save_settings,
)
from workstation.sync.demo_seed import seed_central
from workstation.sync.gateway import CentralGateway
from workstation.sync.syncer import SyncReport

SECRET = "Kókterek-2026!"
PG_URL = "postgresql://desk_ast_01@central.example.kz:5432/dnr"


@pytest.fixture
def settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config" / "desk.toml"
    monkeypatch.setenv(CONFIG_ENV, str(path))
    return path


def test_the_env_var_or_an_argument_moves_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(CONFIG_ENV)
    assert config_path().name == "desk.toml" and "dnr-workstation" in str(config_path())
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "a.toml"))
    assert config_path() == tmp_path / "a.toml"
    assert config_path(tmp_path / "b.toml") == tmp_path / "b.toml"


def test_settings_round_trip_and_the_file_is_private(settings_file: Path) -> None:
    assert load_settings() is None
    settings = ConnectionSettings(PG_URL, "WS-AST-01", "Astana", sync_interval_s=90)
    assert save_settings(settings) == settings_file
    assert load_settings() == settings
    assert load_settings().user == "desk_ast_01"  # type: ignore[union-attr]
    text = settings_file.read_text(encoding="utf-8")
    assert 'url = "postgresql://central.example.kz:5432/dnr"' in text
    assert 'user = "desk_ast_01"' in text and "interval_seconds = 90" in text
    assert stat.S_IMODE(settings_file.stat().st_mode) == 0o600


def test_a_hand_written_file_with_defaults(settings_file: Path) -> None:
    settings_file.parent.mkdir()
    settings_file.write_text('[central]\nurl = "sqlite:////srv/dnr/central.sqlite3"\n')
    assert load_settings() == ConnectionSettings("sqlite:////srv/dnr/central.sqlite3")
    assert load_settings().sync_interval_s == 60  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[central]\nurl = "postgresql://desk:pw@host/dnr"\n', "contains a password"),
        ("[central\nurl = 1", "not valid TOML"),
        ("[desk]\ncity = 'Astana'\n", "name no central database"),
        ('[central]\nurl = "nonsense"\n', "not a database URL"),
        ('[central]\nurl = "sqlite://"\n[sync]\ninterval_seconds = 1\n', "from 5 to 86400"),
        ('[central]\nurl = "sqlite://"\n[sync]\ninterval_seconds = "60"\n', "whole number"),
        ('[central]\nurl = "sqlite://"\n[desk]\ncity = 7\n', "must be text"),
        ('central = "sqlite://"\n', "must be a table"),
    ],
)
def test_an_unusable_file_is_named_with_the_fix(
    settings_file: Path, content: str, message: str
) -> None:
    settings_file.parent.mkdir()
    settings_file.write_text(content)
    with pytest.raises(SettingsInvalid, match=message) as raised:
        load_settings()
    assert str(settings_file) in str(raised.value)


def test_a_password_never_goes_into_the_file(settings_file: Path) -> None:
    with pytest.raises(SettingsInvalid, match="credential store"):
        save_settings(ConnectionSettings("postgresql://desk:pw@host/dnr"))
    assert not settings_file.exists()


def test_the_password_is_kept_in_the_credential_store(memory_keyring: MemoryKeyring) -> None:
    where = save_password(PG_URL, SECRET)
    assert KEYRING_SERVICE in where
    assert memory_keyring.secrets[(KEYRING_SERVICE, PG_URL)] == SECRET
    assert connection_password(PG_URL) == SECRET
    # A password given in the URL (a command line) wins over the stored one.
    assert connection_password(PG_URL.replace("desk_ast_01@", "desk_ast_01:other@")) == "other"
    assert connection_password("postgresql://central.example.kz/dnr") is None  # no user


def test_a_store_that_keeps_nothing_is_an_error_not_a_file() -> None:
    original = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        with pytest.raises(SettingsInvalid, match="never written to the settings file"):
            save_password(PG_URL, SECRET)
        assert connection_password(PG_URL) is None  # the desk still tries, without one
    finally:
        keyring.set_keyring(original)


def test_the_session_connects_with_the_stored_password(
    settings_file: Path, memory_keyring: MemoryKeyring, tmp_path: Path, fixed_clock: FixedClock
) -> None:
    save_settings(ConnectionSettings(PG_URL, "WS-AST-07", "Almaty", sync_interval_s=45))
    save_password(PG_URL, SECRET)
    assert SECRET not in settings_file.read_text(encoding="utf-8")

    store = LocalStore.open(tmp_path / "desk", create=True)
    try:
        identity = desk_identity(store)
        assert identity == setup.DeskIdentity("WS-AST-07", "Almaty")
        assert saved_central_url(store) == PG_URL
        session = DeskSession(
            store=store,
            identity=identity,
            actor=Actor("", "", "clerk"),
            rules=DEFAULT_RULES,
            clock=fixed_clock,
            central_url=saved_central_url(store),
        )
        assert session.sync_interval() == 45
        round_ = session.start_sync()  # makes the engine; connects only when stepped
        try:
            url = round_.gateway.engine.url
            assert (url.username, url.password, url.host) == (
                "desk_ast_01",
                SECRET,
                "central.example.kz",
            )
        finally:
            round_.close()
    finally:
        store.close()


def test_a_session_without_central_says_how_to_configure_one(
    tmp_path: Path, fixed_clock: FixedClock, settings_file: Path
) -> None:
    store = LocalStore.open(tmp_path / "desk", create=True)
    try:
        session = DeskSession(
            store, desk_identity(store), Actor("", "", "clerk"), DEFAULT_RULES, fixed_clock
        )
        with pytest.raises(SettingsInvalid, match="no central database configured") as raised:
            session.sync()
        assert str(settings_file) in str(raised.value)
        settings_file.parent.mkdir()
        settings_file.write_text("[central]\nurl = 5\n")
        with pytest.raises(SettingsInvalid, match="must be text"):
            session.sync()
        assert session.sync_interval() == 60  # a broken file does not stop the desk
    finally:
        store.close()


# The command line -------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def sqlite_central(tmp_path: Path) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    gateway = CentralGateway(url)
    gateway.init_schema()
    seed_central(gateway, 6, seed=11, today=date(2026, 3, 10))
    gateway.dispose()
    yield url


def test_sync_saves_its_settings_then_runs_from_them(
    capsys: pytest.CaptureFixture[str],
    settings_file: Path,
    memory_keyring: MemoryKeyring,
    sqlite_central: str,
    tmp_path: Path,
) -> None:
    data = tmp_path / "desk"
    data.mkdir()
    code, out, err = run(
        capsys,
        "sync",
        "--central",
        sqlite_central,
        "--data-dir",
        str(data),
        "--city",
        "Almaty",
        "--interval",
        "120",
        "--save",
    )
    assert (code, err) == (0, "")
    first, saved_line, note = out.splitlines()
    assert note.startswith("note: this desk has no trust store set up")  # nothing checked
    assert first.endswith(
        "(Almaty): pushed 0 new event(s), pulled 3: 0 applied, 0 refused, "
        "3 kept unapplied until this desk can verify them"
    )
    assert saved_line == f"settings saved to {settings_file}"
    saved = load_settings()
    assert saved is not None
    assert (saved.central_url, saved.city) == (sqlite_central, "Almaty")
    assert saved.sync_interval_s == 120
    assert saved.workstation_id is not None and first.startswith(saved.workstation_id)
    # SQLite has no password to keep (the store's own database key may be there).
    assert not [k for k in memory_keyring.secrets if k[0] == KEYRING_SERVICE]

    # No URL on the command line: the settings file is used.
    code, out, err = run(capsys, "sync", "--data-dir", str(data))
    assert (code, err) == (0, "")
    assert out.startswith(f"{saved.workstation_id} (Almaty): {SyncReport().summary()}\n")


@pytest.mark.parametrize(
    "argv",
    [
        ["--user", "clerk"],
        ["--central", "sqlite://clerk:pw@//tmp/c.sqlite3"],
    ],
)
def test_an_sqlite_central_takes_no_user(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sqlite_central: str, argv: list[str]
) -> None:
    if argv[0] == "--user":
        argv = ["--central", sqlite_central, *argv]
    code, out, err = run(capsys, "sync", "--data-dir", str(tmp_path), *argv)
    assert (code, out) == (1, "")
    assert err.startswith("error: An SQLite central has no users or passwords")


def test_sync_without_any_central_says_what_to_do(
    capsys: pytest.CaptureFixture[str], settings_file: Path, tmp_path: Path
) -> None:
    code, out, err = run(capsys, "sync", "--data-dir", str(tmp_path))
    assert (code, out) == (1, "")
    assert "No central database" in err and str(settings_file) in err and "--save" in err
