"""The desk store is a SQLCipher database: unreadable without its key, which lives in the
credential store (or a 0600 key file), and a wrong or lost key is a clear error."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

import keyring
import pytest
from sqlalchemy import text

from tests.memory_keyring import MemoryKeyring
from workstation.security.dbkey import (
    SERVICE,
    STORE_ID_FILE,
    DatabaseKeyUnusable,
    default_key_dir,
    fallback_key_path,
)
from workstation.store.local import (
    STORE_FILE,
    LocalStore,
    StoreKeyWrong,
    get_setting,
    is_plain_sqlite,
    put_setting,
)

SECRET = "SECRET-VALUE-4711"


def account_of(data_dir: Path) -> str:
    return (data_dir / STORE_ID_FILE).read_text(encoding="ascii").strip()


def write_secret(store: LocalStore) -> None:
    with store.transaction() as conn:
        put_setting(conn, "probe", SECRET)


def test_the_file_is_encrypted_and_opens_again_with_its_key(tmp_path: Path) -> None:
    data_dir = tmp_path / "desk"
    store = LocalStore.open(data_dir, create=True)
    write_secret(store)
    with store.reading() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA cipher_version")).scalar()
    store.close()
    raw = (data_dir / STORE_FILE).read_bytes()
    assert not is_plain_sqlite(data_dir / STORE_FILE)
    assert SECRET.encode() not in raw
    with pytest.raises(sqlite3.DatabaseError):  # plain SQLite cannot read it
        sqlite3.connect(data_dir / STORE_FILE).execute("SELECT * FROM sqlite_master").fetchall()
    again = LocalStore.open(data_dir)
    with again.reading() as conn:
        assert get_setting(conn, "probe") == SECRET
    again.close()


def test_without_a_credential_store_the_key_is_a_0600_file_outside_the_data_dir(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data_dir = tmp_path / "desk"
    with caplog.at_level(logging.WARNING, logger="workstation.security.dbkey"):
        LocalStore.open(data_dir, create=True).close()
    key_file = fallback_key_path(SERVICE, account_of(data_dir), default_key_dir())
    assert key_file.exists() and not key_file.is_relative_to(data_dir)
    if os.name == "posix":
        assert key_file.stat().st_mode & 0o777 == 0o600
    assert "No usable OS credential store" in caplog.text
    assert key_file.read_text().strip() not in caplog.text  # the key itself is never logged
    assert sorted(p.name for p in data_dir.iterdir()) == [STORE_ID_FILE, STORE_FILE]


def test_with_a_credential_store_the_key_lives_there(tmp_path: Path) -> None:
    store = MemoryKeyring()
    keyring.set_keyring(store)
    data_dir = tmp_path / "desk"
    opened = LocalStore.open(data_dir, create=True)
    write_secret(opened)
    opened.close()
    account = account_of(data_dir)
    assert len(bytes.fromhex(store.secrets[(SERVICE, account)])) == 32
    assert not fallback_key_path(SERVICE, account, default_key_dir()).exists()
    reopened = LocalStore.open(data_dir)
    with reopened.reading() as conn:
        assert get_setting(conn, "probe") == SECRET
    reopened.close()


def test_a_wrong_key_is_a_clear_error(tmp_path: Path) -> None:
    data_dir = tmp_path / "desk"
    LocalStore.open(data_dir, create=True).close()
    with pytest.raises(StoreKeyWrong, match="cannot be opened with this desk's key"):
        LocalStore.open(data_dir, key=b"\x01" * 32)


def test_a_lost_key_is_a_clear_error_and_no_new_key_is_made(tmp_path: Path) -> None:
    data_dir = tmp_path / "desk"
    LocalStore.open(data_dir, create=True).close()
    key_file = fallback_key_path(SERVICE, account_of(data_dir), default_key_dir())
    key_file.unlink()
    with pytest.raises(DatabaseKeyUnusable, match="is neither in the OS credential store"):
        LocalStore.open(data_dir)
    assert not key_file.exists()
    (data_dir / STORE_ID_FILE).unlink()
    with pytest.raises(DatabaseKeyUnusable, match=r"desk\.id, which names its key, is missing"):
        LocalStore.open(data_dir)


def test_the_cli_reports_a_lost_key_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from workstation.cli import main

    data_dir = tmp_path / "desk"
    LocalStore.open(data_dir, create=True).close()
    fallback_key_path(SERVICE, account_of(data_dir), default_key_dir()).unlink()
    assert main(["audit", "verify", "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: The key of the local database") and "Traceback" not in err


def test_an_unencrypted_store_from_before_is_encrypted_in_place(tmp_path: Path) -> None:
    data_dir = tmp_path / "desk"
    data_dir.mkdir()
    path = data_dir / STORE_FILE
    plain = sqlite3.connect(path)
    plain.execute("PRAGMA journal_mode=WAL")
    plain.execute("CREATE TABLE legacy (value TEXT)")
    plain.execute("INSERT INTO legacy VALUES (?)", (SECRET,))
    plain.commit()
    plain.close()
    assert is_plain_sqlite(path) and SECRET.encode() in path.read_bytes()

    store = LocalStore.open(data_dir)
    with store.reading() as conn:
        assert conn.execute(text("SELECT value FROM legacy")).scalar() == SECRET
    store.close()
    assert not is_plain_sqlite(path) and SECRET.encode() not in path.read_bytes()
    assert not path.with_name(STORE_FILE + ".encrypting").exists()
    reopened = LocalStore.open(data_dir)
    with reopened.reading() as conn:
        assert conn.execute(text("SELECT value FROM legacy")).scalar() == SECRET
    reopened.close()


def test_sql_logging_never_shows_the_values(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = LocalStore.open(tmp_path / "desk", create=True)
    try:
        with caplog.at_level(logging.INFO, logger="sqlalchemy.engine"):
            write_secret(store)
            with pytest.raises(Exception) as raised, store.transaction() as conn:
                conn.execute(
                    text("INSERT INTO desk_settings (name, value) VALUES ('probe', :v)"),
                    {"v": SECRET},
                )
        assert "INSERT" in caplog.text  # the SQL was logged...
        assert SECRET not in caplog.text  # ...its values were not
        assert SECRET not in str(raised.value)  # nor are they in the error
    finally:
        store.close()
