"""[tsa] in desk.toml: where events are time-stamped and which TSAs are believed; a bad value
is named with its file, and the desk session and `dnr-workstation sync` stamp with it."""

from __future__ import annotations

import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from workstation.domain.clock import FixedClock
from workstation.domain.programme import DEFAULT_RULES
from workstation.journal.envelope import Actor
from workstation.journal.signing import SignerOrganisations, Verification
from workstation.security.eds import TrustStore
from workstation.security.pki import DemoKeyPool
from workstation.security.tsa_simulator import make_tsa_authority
from workstation.services.setup import DeskSession, desk_identity, with_tsa
from workstation.store.local import LocalStore
from workstation.sync.config import (
    CONFIG_ENV,
    ConnectionSettings,
    SettingsInvalid,
    TsaSettings,
    load_settings,
    save_settings,
)

URL = "sqlite:////srv/dnr/central.sqlite3"


@pytest.fixture
def settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config" / "desk.toml"
    monkeypatch.setenv(CONFIG_ENV, str(path))
    path.parent.mkdir()
    return path


@pytest.fixture
def trust_dir(tmp_path: Path) -> Path:
    authority = make_tsa_authority(datetime.now(UTC) - timedelta(days=1), DemoKeyPool())
    return authority.write_trust(tmp_path / "tsa-trust")


def test_tsa_settings_round_trip(settings_file: Path, trust_dir: Path) -> None:
    tsa = TsaSettings(
        url="http://127.0.0.1:8318/",
        trust_dir=trust_dir,
        crl_dir=trust_dir.parent / "tsa-crl",
        timeout_s=2.5,
        request_certificate=True,
    )
    settings = ConnectionSettings(URL, "WS-AST-01", "Astana", tsa=tsa)
    save_settings(settings)
    assert load_settings() == settings
    assert stat.S_IMODE(settings_file.stat().st_mode) == 0o600
    client = tsa.client()
    assert client is not None and client.trust is not None and client.request_certificate
    # without [tsa] nothing changes
    save_settings(ConnectionSettings(URL))
    assert load_settings() == ConnectionSettings(URL)
    assert "[tsa]" not in settings_file.read_text(encoding="utf-8")


def test_a_hand_written_tsa_table(settings_file: Path, trust_dir: Path) -> None:
    settings_file.write_text(
        f'[central]\nurl = "{URL}"\n[tsa]\nurl = "https://tsp.example.kz/"\n'
        f'trust_dir = "{trust_dir}"\n'
    )
    tsa = load_settings().tsa  # type: ignore[union-attr]
    assert tsa == TsaSettings(url="https://tsp.example.kz/", trust_dir=trust_dir)
    assert tsa.timeout_s == 10.0 and not tsa.request_certificate  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('url = "ftp://tsa.example.kz/"', "not an http"),
        ("url = 5", "must be text"),
        ("timeout_seconds = 0", "timeout_seconds must be"),
        ('timeout_seconds = "ten"', "timeout_seconds must be"),
        ("timeout_seconds = true", "timeout_seconds must be"),
        ('request_certificate = "yes"', "must be true or false"),
    ],
)
def test_a_bad_tsa_value_is_named(settings_file: Path, table: str, message: str) -> None:
    settings_file.write_text(f'[central]\nurl = "{URL}"\n[tsa]\n{table}\n')
    with pytest.raises(SettingsInvalid, match=message) as raised:
        load_settings()
    assert str(settings_file) in str(raised.value)


def test_tsa_must_be_a_table(settings_file: Path) -> None:
    settings_file.write_text(f'tsa = "http://x/"\n[central]\nurl = "{URL}"\n')
    with pytest.raises(SettingsInvalid, match=r"\[tsa\] must be a table"):
        load_settings()


def test_an_unusable_trust_folder_is_a_clear_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "junk.pem").write_bytes(b"-----BEGIN CERTIFICATE-----\nnot base64\n")
    for folder in (tmp_path / "missing", empty):
        with pytest.raises(SettingsInvalid, match="TSA trust folder"):
            TsaSettings(url="http://127.0.0.1:1/", trust_dir=folder).client()


def test_with_tsa_adds_the_trust_to_the_verification(trust_dir: Path) -> None:
    orgs = SignerOrganisations(frozenset(), frozenset())
    any_anchor = TrustStore.from_pem_dir(trust_dir)
    verification = Verification(any_anchor, orgs)
    client, checked = with_tsa(TsaSettings(trust_dir=trust_dir), verification)
    assert client is None  # no url: nothing is stamped, tokens are still checked
    assert checked is not None and checked.tsa is not None
    assert checked.verifier(*_empty()).tsa is checked.tsa
    assert with_tsa(None, verification) == (None, verification)


def _empty() -> tuple[object, dict[str, object]]:
    from workstation.journal.signing import CertificateRegistry

    return CertificateRegistry(), {}


def test_the_session_stamps_with_the_settings_file(
    settings_file: Path, tmp_path: Path, trust_dir: Path
) -> None:
    save_settings(
        ConnectionSettings(
            f"sqlite:///{tmp_path / 'central.sqlite3'}",
            tsa=TsaSettings(url="http://127.0.0.1:9/", trust_dir=trust_dir),
        )
    )
    store = LocalStore.open(tmp_path / "desk", create=True)
    try:
        session = DeskSession(
            store,
            desk_identity(store),
            Actor("", "", "clerk"),
            DEFAULT_RULES,
            FixedClock(datetime.now(UTC)),
        )
        round_ = session.start_sync()
        try:
            stamper = round_._stamper
            assert stamper is not None and stamper.client.url == "http://127.0.0.1:9/"
        finally:
            round_.close()
    finally:
        store.close()


def test_demo_mode_runs_a_local_tsa_that_the_desk_trusts(tmp_path: Path) -> None:
    from workstation.security.timestamp import verify_token
    from workstation.services.demo import open_demo_session, start_demo_tsa

    clock = FixedClock(datetime.now(UTC))
    tsa, server = start_demo_tsa(tmp_path / "tsa", clock)
    try:
        client = tsa.client()
        assert client is not None and client.trust is not None
        token = client.token_for(b"signature value")
        assert verify_token(token, b"signature value", client.trust).gen_time <= datetime.now(UTC)
    finally:
        server.shutdown()
        server.server_close()
    session = open_demo_session(tmp_path / "demo", DEFAULT_RULES, clock, cases=3, tsa=True)
    try:
        assert session.tsa is not None and session.tsa_settings() is session.tsa
        assert session.tsa.trust_dir == tmp_path / "demo" / "tsa" / "trust"
    finally:
        session.store.close()
