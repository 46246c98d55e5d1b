"""`dnr-workstation sync` against PostgreSQL from the settings file, password in the keyring."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import keyring
import pytest
from sqlalchemy.engine import make_url

from tests.memory_keyring import MemoryKeyring
from workstation import cli
from workstation.sync.config import CONFIG_ENV, KEYRING_SERVICE, load_settings
from workstation.sync.demo_seed import seed_central
from workstation.sync.gateway import CentralGateway

pytestmark = pytest.mark.postgres

SECRET = "Esil-river-2026"


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    original = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(original)


def test_sync_saves_then_runs_from_the_settings_file(
    empty_pg_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    central = CentralGateway(empty_pg_url)
    central.init_schema()
    seed_central(central, 8, seed=4, today=date(2026, 3, 10))
    central.dispose()
    settings_file = tmp_path / "config" / "desk.toml"
    monkeypatch.setenv(CONFIG_ENV, str(settings_file))
    data = tmp_path / "desk"
    data.mkdir()

    passwords: list[str | None] = []
    real = cli.CentralGateway

    def spy(url: str, *, password: str | None = None) -> CentralGateway:
        passwords.append(password)
        return real(url, password=password)

    monkeypatch.setattr(cli, "CentralGateway", spy)
    monkeypatch.setattr("sys.stdin", io.StringIO(SECRET + "\n"))
    args = ["sync", "--central", empty_pg_url, "--data-dir", str(data), "--city", "Astana"]
    # Bug: --save made an id up, not the one central registered; row-level security then
    # refused the desk's work. It is asked for now.
    code = cli.main([*args, "--save"])
    out, err = capsys.readouterr()
    assert code != 0 and "needs --workstation-id" in err and not settings_file.exists()
    code = cli.main([*args, "--workstation-id", "WS-AST-01", "--password-stdin", "--save"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert "(Astana): pushed 0 new event(s), pulled " in out
    assert f"settings saved to {settings_file}" in out and "password kept in the OS" in out

    text = settings_file.read_text(encoding="utf-8")
    assert SECRET not in text
    saved = load_settings()
    assert saved is not None and saved.user == make_url(empty_pg_url).username
    assert memory_keyring.secrets[(KEYRING_SERVICE, saved.central_url)] == SECRET

    # Later syncs name no URL: the file gives it, the credential store the password.
    code = cli.main(["sync", "--data-dir", str(data)])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert saved.workstation_id == "WS-AST-01"
    assert out.startswith("WS-AST-01 (Astana): pushed 0 new event(s), pulled 0")
    assert passwords == [SECRET, SECRET]
