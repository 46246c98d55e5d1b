"""The database key: OS credential store when it works, a 0600 key file when it does not."""

from __future__ import annotations

import logging
import os
from pathlib import Path, PurePosixPath, PureWindowsPath

import keyring
import keyring.backends.fail
import keyring.backends.null
import pytest

from tests.memory_keyring import MemoryKeyring
from workstation.security.dbkey import (
    KEY_BYTES,
    DatabaseKeyUnusable,
    fallback_key_path,
    get_or_create_db_key,
    platform_key_dir,
)

SERVICE = "dnr-workstation"
ACCOUNT = "local-db AST-01"


def test_key_is_kept_in_the_credential_store(tmp_path: Path) -> None:
    store = MemoryKeyring()
    keyring.set_keyring(store)
    key, where = get_or_create_db_key(SERVICE, ACCOUNT, tmp_path)
    assert len(key) == KEY_BYTES
    assert "OS credential store" in where and "MemoryKeyring" in where
    assert store.secrets[(SERVICE, ACCOUNT)] == key.hex()
    assert list(tmp_path.iterdir()) == []
    again, _ = get_or_create_db_key(SERVICE, ACCOUNT, tmp_path)
    assert again == key
    other, _ = get_or_create_db_key(SERVICE, "another desk", tmp_path)
    assert other != key


def test_failing_keyring_falls_back_to_a_private_key_file(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    folder = tmp_path / "state"
    with caplog.at_level(logging.WARNING, logger="workstation.security.dbkey"):
        key, where = get_or_create_db_key(SERVICE, ACCOUNT, folder)
    path = fallback_key_path(SERVICE, ACCOUNT, folder)
    assert where == f"key file {path}"
    assert path.read_text().strip() == key.hex()
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
    assert "No usable OS credential store (NoKeyringError)" in caplog.text
    assert key.hex() not in caplog.text
    assert get_or_create_db_key(SERVICE, ACCOUNT, folder)[0] == key


def test_keyring_that_forgets_is_not_trusted(tmp_path: Path) -> None:
    keyring.set_keyring(keyring.backends.null.Keyring())
    key, where = get_or_create_db_key(SERVICE, ACCOUNT, tmp_path)
    assert where.startswith("key file")
    assert get_or_create_db_key(SERVICE, ACCOUNT, tmp_path)[0] == key


def test_existing_key_file_keeps_being_used_when_a_keyring_appears(tmp_path: Path) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    key, _ = get_or_create_db_key(SERVICE, ACCOUNT, tmp_path)
    store = MemoryKeyring()
    keyring.set_keyring(store)
    again, where = get_or_create_db_key(SERVICE, ACCOUNT, tmp_path)
    assert again == key and where.startswith("key file")
    assert store.secrets == {}


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_key_file_readable_by_others_is_refused(tmp_path: Path) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    get_or_create_db_key(SERVICE, ACCOUNT, tmp_path)
    path = fallback_key_path(SERVICE, ACCOUNT, tmp_path)
    path.chmod(0o644)
    with pytest.raises(DatabaseKeyUnusable, match="chmod 600"):
        get_or_create_db_key(SERVICE, ACCOUNT, tmp_path)


def test_damaged_key_in_the_store_is_refused_not_replaced(tmp_path: Path) -> None:
    store = MemoryKeyring()
    store.secrets[(SERVICE, ACCOUNT)] = "not-hex"
    keyring.set_keyring(store)
    with pytest.raises(DatabaseKeyUnusable, match="damaged"):
        get_or_create_db_key(SERVICE, ACCOUNT, tmp_path)
    assert store.secrets[(SERVICE, ACCOUNT)] == "not-hex"


def test_fallback_file_name_is_safe(tmp_path: Path) -> None:
    path = fallback_key_path("dnr/workstation", "../../etc", tmp_path)
    assert path.parent == tmp_path
    assert "/" not in path.name


def test_the_windows_key_folder_is_outside_the_data_folder() -> None:
    # platformdirs on Windows: config and data are both %LOCALAPPDATA%\DNR\dnr-workstation.
    local = PureWindowsPath(r"C:\Users\clerk\AppData\Local\DNR\dnr-workstation")
    keys = platform_key_dir(local, local)
    assert keys == PureWindowsPath(r"C:\Users\clerk\AppData\Local\DNR\dnr-workstation-keys")
    assert not keys.is_relative_to(local)
    # Linux: ~/.config/dnr-workstation/keys, apart from ~/.local/share/dnr-workstation.
    linux = platform_key_dir(
        PurePosixPath("/home/c/.config/dnr-workstation"),
        PurePosixPath("/home/c/.local/share/dnr-workstation"),
    )
    assert linux == PurePosixPath("/home/c/.config/dnr-workstation/keys")


def test_a_key_file_of_an_older_windows_desk_moves_out_of_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workstation.security import dbkey

    keyring.set_keyring(keyring.backends.fail.Keyring())
    local = tmp_path / "Local" / "DNR" / "dnr-workstation"  # config and data, as on Windows
    monkeypatch.delenv(dbkey.KEY_DIR_ENV, raising=False)
    monkeypatch.setattr(dbkey, "_config_dir", lambda: local)
    monkeypatch.setattr(dbkey, "_data_dir", lambda: local)
    data = local / "desk"
    key, _ = dbkey.get_or_create_db_key(SERVICE, "local-db-0123456789abcdef", local / "keys")
    data.mkdir(parents=True)
    (data / dbkey.STORE_ID_FILE).write_text("local-db-0123456789abcdef\n")
    found, where = dbkey.store_key(data, store_exists=True)
    assert found == key
    moved = tmp_path / "Local" / "DNR" / "dnr-workstation-keys"
    assert where == f"key file {fallback_key_path(SERVICE, 'local-db-0123456789abcdef', moved)}"
    assert not (local / "keys").exists() or not list((local / "keys").iterdir())
