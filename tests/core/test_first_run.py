"""The first run as a flow without a screen: every problem at once, the test, what is saved."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.certificates import self_signed_der
from tests.memory_keyring import MemoryKeyring
from workstation.services.first_run import (
    ConnectionFailed,
    Entries,
    FirstRun,
    SetupNotSaved,
    Stage,
)
from workstation.services.login import load_login_settings
from workstation.store.local import STORE_FILE, LocalStore
from workstation.sync.config import KEYRING_SERVICE, SettingsInvalid, load_settings
from workstation.sync.gateway import CentralError, CentralGateway


@pytest.fixture
def flow(tmp_path: Path) -> FirstRun:
    return FirstRun(tmp_path / "data", tmp_path / "config" / "desk.toml")


@pytest.fixture
def central_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    gateway = CentralGateway(url)
    gateway.init_schema()
    gateway.engine.dispose()
    return url


@pytest.fixture
def nca(tmp_path: Path) -> tuple[str, str]:
    """A trust store holding one root certificate, and an empty CRL folder."""
    trust, crl = tmp_path / "nca" / "trust", tmp_path / "nca" / "crl"
    trust.mkdir(parents=True)
    crl.mkdir()
    (trust / "root.cer").write_bytes(self_signed_der("TEST ROOT CA", datetime.now(UTC)))
    return str(trust), str(crl)


def ready(url: str, nca: tuple[str, str], **changes: str) -> Entries:
    values = {"url": url, "city": "Almaty", "trust_dir": nca[0], "crl_dir": nca[1]}
    return Entries(**(values | changes))


def test_a_new_desk_starts_at_the_choice_with_its_folders_beside_the_store(
    flow: FirstRun, tmp_path: Path
) -> None:
    assert flow.stage is Stage.CHOOSING and not flow.testing and flow.saved_to is None
    defaults = flow.defaults()
    assert defaults.trust_dir == str(tmp_path / "data" / "trust")
    assert defaults.crl_dir == str(tmp_path / "data" / "crl")
    assert defaults.city == flow.cities[0] == "Astana"


def test_every_problem_is_found_at_once(flow: FirstRun, tmp_path: Path) -> None:
    checked = flow.check(Entries(trust_dir=str(tmp_path / "none"), crl_dir=""))
    assert not checked.ready and checked.first_problem == "url"
    assert checked.url is None
    assert isinstance(checked.url_problem, SettingsInvalid)
    assert "Enter the central database URL" in str(checked.url_problem)
    assert checked.trust.problem == f"The folder {tmp_path / 'none'} does not exist."
    assert checked.crl.problem is not None and "does not exist" in checked.crl.problem
    assert checked.workstation_problem is None  # no URL yet, so no rule for the id either


def test_a_postgresql_central_needs_the_registered_workstation_id(
    flow: FirstRun, nca: tuple[str, str]
) -> None:
    url = "postgresql://desk_ast_01:pw-in-url@central.example.kz/dnr"
    checked = flow.check(ready(url, nca))
    assert checked.first_problem == "workstation_id"
    assert checked.workstation_problem is not None
    assert checked.workstation_problem.startswith("Enter the workstation id")
    assert (checked.url, checked.password) == (
        "postgresql://desk_ast_01@central.example.kz/dnr",
        "pw-in-url",
    )
    checked = flow.check(ready(url, nca, workstation_id=" WS-AST-01 ", password="typed"))
    assert checked.ready and checked.workstation_id == "WS-AST-01"
    assert checked.password == "typed"  # the field wins over the URL's


def test_what_the_folders_hold_is_counted(
    flow: FirstRun, tmp_path: Path, nca: tuple[str, str]
) -> None:
    empty = tmp_path / "empty-trust"
    empty.mkdir()
    checked = flow.check(Entries(trust_dir=str(empty), crl_dir=nca[1]))
    assert (
        checked.trust.problem is not None and "holds no root certificate" in checked.trust.problem
    )
    assert checked.crl.usable and checked.crl.found == 0  # log-in waits for the CRLs, setup not
    checked = flow.check(Entries(trust_dir=nca[0], crl_dir=nca[1]))
    assert checked.trust.usable and checked.trust.found == 1


def test_the_connection_test_is_handed_out_once_at_a_time(
    flow: FirstRun, central_url: str, tmp_path: Path
) -> None:
    with pytest.raises(CentralError, match="not a database URL"):
        flow.begin_test(Entries(url="central.example.kz"))
    assert not flow.testing
    test = flow.begin_test(Entries(url=central_url))
    assert test is not None and flow.testing
    assert flow.begin_test(Entries(url=central_url)) is None  # one runs already
    assert test().startswith("Connected: central answers")
    flow.end_test()
    empty = flow.begin_test(Entries(url=f"sqlite:///{tmp_path / 'empty.sqlite3'}"))
    assert empty is not None
    with pytest.raises(CentralError, match="no DNR schema yet"):
        empty()


def test_a_drivers_own_error_is_named_not_raised_as_it_is(
    flow: FirstRun, central_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_gateway: CentralGateway) -> None:
        raise RuntimeError("socket closed")

    monkeypatch.setattr(CentralGateway, "check_schema", broken)
    test = flow.begin_test(Entries(url=central_url))
    assert test is not None
    with pytest.raises(
        ConnectionFailed, match=r"Could not connect \(RuntimeError\): socket closed"
    ):
        test()


def test_saving_writes_the_store_the_password_and_the_settings_file(
    flow: FirstRun, nca: tuple[str, str], tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    url = "postgresql://desk_ast_07@central.example.kz/dnr"
    checked = flow.check(ready(url, nca, workstation_id="WS-AST-07", password="s3cret"))
    assert flow.save(checked) == tmp_path / "config" / "desk.toml" == flow.saved_to
    assert flow.stage is Stage.SAVED
    settings = load_settings(flow.config_file)
    assert settings is not None
    assert (settings.workstation_id, settings.city) == ("WS-AST-07", "Almaty")
    assert "s3cret" not in flow.config_file.read_text(encoding="utf-8")
    assert memory_keyring.secrets[(KEYRING_SERVICE, url)] == "s3cret"
    store = LocalStore.open(tmp_path / "data")
    try:
        login = load_login_settings(store, tmp_path / "data")
    finally:
        store.close()
    assert (login.trust_dir, login.crl_dir) == (Path(nca[0]), Path(nca[1]))
    with pytest.raises(RuntimeError, match="already ended"):
        flow.choose_demo()


def test_an_embedded_central_takes_any_workstation_id(
    flow: FirstRun, central_url: str, nca: tuple[str, str]
) -> None:
    flow.save(flow.check(ready(central_url, nca)))
    settings = load_settings(flow.config_file)
    assert settings is not None and settings.central_url == central_url
    assert settings.workstation_id is not None and settings.workstation_id.startswith("WS-")


def test_entries_with_a_problem_are_not_saved(flow: FirstRun, nca: tuple[str, str]) -> None:
    checked = flow.check(ready("", nca))
    with pytest.raises(ValueError, match="not ready"):
        flow.save(checked)
    assert flow.stage is Stage.CHOOSING and not flow.config_file.exists()
    assert not (flow.data_dir / STORE_FILE).exists()


def test_a_settings_file_that_cannot_be_written_leaves_the_desk_not_set_up(
    tmp_path: Path, central_url: str, nca: tuple[str, str]
) -> None:
    (tmp_path / "config").write_text("a file where the folder should be")
    flow = FirstRun(tmp_path / "data", tmp_path / "config" / "desk.toml")
    with pytest.raises(SetupNotSaved, match="The settings could not be written"):
        flow.save(flow.check(ready(central_url, nca)))
    assert flow.stage is Stage.CHOOSING and flow.saved_to is None
    flow.quit()
    assert flow.stage is Stage.QUIT


def test_the_demo_writes_nothing(flow: FirstRun) -> None:
    flow.choose_demo()
    assert flow.stage is Stage.DEMO
    assert not flow.config_file.exists() and not (flow.data_dir / STORE_FILE).exists()
