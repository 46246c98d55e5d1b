"""The first run of a desk: connect to central and name the trust store, or choose the demo."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from tests.memory_keyring import MemoryKeyring
from ui.first_run import FirstRunDialog, needs_first_run
from workstation.services.login import load_login_settings
from workstation.store.local import STORE_FILE, LocalStore
from workstation.sync.config import KEYRING_SERVICE, load_settings
from workstation.sync.gateway import CentralGateway


def write_root_ca(folder: Path) -> Path:
    """A self-signed CA certificate, as the NCA RK root would be in the trust store."""
    folder.mkdir(parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "TEST ROOT CA")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    path = folder / "root.pem"
    path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return path


@pytest.fixture
def config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config" / "desk.toml"
    monkeypatch.setenv("DNR_CONFIG", str(path))
    return path


@pytest.fixture
def dialog(qtbot, tmp_path: Path, config_file: Path) -> FirstRunDialog:  # type: ignore[no-untyped-def]
    dialog = FirstRunDialog(tmp_path / "data")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.fixture
def central_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    gateway = CentralGateway(url)
    gateway.init_schema()
    gateway.engine.dispose()
    return url


def folders(tmp_path: Path) -> tuple[Path, Path]:
    trust, crl = tmp_path / "nca" / "trust", tmp_path / "nca" / "crl"
    write_root_ca(trust)
    crl.mkdir(parents=True)
    return trust, crl


def test_saving_writes_the_settings_file_and_the_log_in_folders(  # type: ignore[no-untyped-def]
    qtbot, dialog: FirstRunDialog, config_file: Path, central_url: str, tmp_path: Path
) -> None:
    trust, crl = folders(tmp_path)
    assert dialog.trust_dir.text() == str(tmp_path / "data" / "trust")  # the default
    dialog.url.setText(central_url)
    dialog.workstation_id.setText("WS-AST-07")
    dialog.city.setCurrentText("Almaty")
    dialog.trust_dir.setText(str(trust))
    dialog.crl_dir.setText(str(crl))
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.testing() and "Connected" in dialog.test_result.text())
    assert not config_file.exists()  # testing writes nothing
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.choice == "saved"
    assert dialog.saved_to == config_file
    settings = load_settings()
    assert settings is not None
    assert (settings.central_url, settings.workstation_id, settings.city) == (
        central_url,
        "WS-AST-07",
        "Almaty",
    )
    store = LocalStore.open(tmp_path / "data")
    try:
        login = load_login_settings(store, tmp_path / "data")
    finally:
        store.close()
    assert (login.trust_dir, login.crl_dir) == (trust, crl)
    assert not needs_first_run(False, False, tmp_path / "data")  # set up now


def test_the_password_goes_to_the_credential_store_not_the_file(  # type: ignore[no-untyped-def]
    qtbot,
    dialog: FirstRunDialog,
    config_file: Path,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
) -> None:
    trust, crl = folders(tmp_path)
    dialog.url.setText("postgresql://desk_ast_01@central.example.kz/dnr")
    dialog.password.setText("s3cret-desk-pw")
    dialog.trust_dir.setText(str(trust))
    dialog.crl_dir.setText(str(crl))
    # Bug: an empty id was made up (WS-53A0D744), and PostgreSQL's row-level security then
    # refused every sync of the desk registered as WS-AST-01. Now the id is asked for.
    assert not dialog.save()
    assert dialog.workstation_error.text().startswith("Enter the workstation id")
    assert not config_file.exists()
    dialog.workstation_id.setText("WS-AST-01")
    assert dialog.save()
    assert dialog.workstation_error.text() == ""
    text = config_file.read_text(encoding="utf-8")
    assert "s3cret-desk-pw" not in text and 'user = "desk_ast_01"' in text
    account = "postgresql://desk_ast_01@central.example.kz/dnr"
    assert memory_keyring.secrets[(KEYRING_SERVICE, account)] == "s3cret-desk-pw"


def test_demo_mode_writes_nothing(
    qtbot, dialog: FirstRunDialog, config_file: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.choice == "demo"
    assert not config_file.exists() and not (tmp_path / "data" / STORE_FILE).exists()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("", "Enter the central database URL"),
        ("central.example.kz", "is not a database URL. Examples: sqlite:"),
        ("https://central.example.kz/dnr", "Central must be PostgreSQL or SQLite, not 'https'"),
        ("sqlite:////no/such/folder/central.sqlite3", "folder for the central file does not exist"),
    ],
)
def test_a_bad_url_is_refused_next_to_the_field(  # type: ignore[no-untyped-def]
    qtbot, dialog: FirstRunDialog, config_file: Path, tmp_path: Path, url: str, message: str
) -> None:
    trust, crl = folders(tmp_path)
    dialog.url.setText(url)
    dialog.trust_dir.setText(str(trust))
    dialog.crl_dir.setText(str(crl))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.choice is None
    assert dialog.url_error.isVisible() and message in dialog.url_error.text()
    assert dialog.url.hasFocus()
    assert not config_file.exists() and not (tmp_path / "data" / STORE_FILE).exists()
    # The connection test says the same, without trying to connect.
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert message in dialog.url_error.text() and not dialog.testing()


def test_a_central_without_the_schema_fails_the_connection_test(  # type: ignore[no-untyped-def]
    qtbot, dialog: FirstRunDialog, tmp_path: Path
) -> None:
    dialog.url.setText(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.testing() and dialog.test_result.text() != "Connecting…")
    assert "no DNR schema yet" in dialog.test_result.text()
    assert "central init" in dialog.test_result.text()


def test_the_trust_store_must_hold_a_root_certificate(  # type: ignore[no-untyped-def]
    qtbot, dialog: FirstRunDialog, config_file: Path, central_url: str, tmp_path: Path
) -> None:
    empty = tmp_path / "empty-trust"
    empty.mkdir()
    dialog.url.setText(central_url)
    dialog.trust_dir.setText(str(empty))
    dialog.crl_dir.setText(str(tmp_path / "no-crl-here"))
    assert not dialog.save()
    assert "holds no root certificate" in dialog.trust_error.text()
    assert "does not exist" in dialog.crl_error.text()
    assert not config_file.exists()


def test_the_first_run_is_asked_only_of_an_unset_desk(tmp_path: Path, config_file: Path) -> None:
    data = tmp_path / "data"
    assert needs_first_run(False, False, data)
    assert not needs_first_run(True, False, data)  # --demo
    assert not needs_first_run(False, True, data)  # --password-stdin: scripts never wait
    config_file.parent.mkdir(parents=True)
    config_file.write_text('[central]\nurl = "sqlite:////tmp/c.sqlite3"\n')
    assert not needs_first_run(False, False, data)
