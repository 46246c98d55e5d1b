"""Files with personal data are the desk's OS user's only (issue 15, point 9): the store, its
WAL and shared-memory file, the log and its rotated files, exports, the simulator's
notification log: 0600, folders the desk makes 0700, whatever the umask says."""

from __future__ import annotations

import logging
import os
import stat
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from workstation import logs
from workstation.security.private_files import private_dir, tighten, write_private
from workstation.store.local import STORE_FILE, LocalStore, put_setting
from workstation.sync.notifications import LANGUAGES, Notification, SimulatedEgov

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    """The most open usual umask (files 0644, folders 0755): what the fix must not rely on."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def test_a_new_store_its_wal_and_its_folder_are_owner_only(tmp_path: Path) -> None:
    data = tmp_path / "desk"
    store = LocalStore.open(data, create=True)
    try:
        with store.transaction() as conn:
            put_setting(conn, "probe", "x")
        files = [data / STORE_FILE, data / f"{STORE_FILE}-wal", data / f"{STORE_FILE}-shm"]
        assert all(f.exists() for f in files)
        assert {mode(f) for f in files} == {0o600}
        assert mode(data) == 0o700
    finally:
        store.close()


def test_an_existing_store_left_readable_is_tightened_when_opened(tmp_path: Path) -> None:
    data = tmp_path / "desk"
    LocalStore.open(data, create=True).close()
    for path in data.iterdir():
        path.chmod(0o644)
    store = LocalStore.open(data)
    try:
        with store.transaction() as conn:
            put_setting(conn, "probe", "x")
        assert mode(data / STORE_FILE) == 0o600
        wal = data / f"{STORE_FILE}-wal"
        assert not wal.exists() or mode(wal) == 0o600
    finally:
        store.close()


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    hooks = sys.excepthook, threading.excepthook
    yield
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)
    sys.excepthook, threading.excepthook = hooks


@pytest.mark.usefixtures("restore_logging")
def test_the_log_and_its_rotated_files_are_owner_only(tmp_path: Path) -> None:
    path = logs.install(tmp_path / "logs", max_bytes=1_000, backup_count=2)
    log = logging.getLogger("workstation.test")
    for n in range(100):
        log.info("case DNR-AST-26-%07d synced", n)
    files = sorted(path.parent.iterdir())
    assert len(files) == 3
    assert {mode(f) for f in files} == {0o600}
    assert mode(path.parent) == 0o700


def test_writing_over_a_readable_file_tightens_it_first(tmp_path: Path) -> None:
    target = tmp_path / "application.pdf"
    target.write_bytes(b"old")
    target.chmod(0o644)
    write_private(target, b"%PDF- new")
    assert target.read_bytes() == b"%PDF- new"
    assert mode(target) == 0o600


def test_folders_made_for_exports_are_owner_only_and_existing_ones_are_left(
    tmp_path: Path,
) -> None:
    made = private_dir(tmp_path / "a" / "b")
    assert mode(made) == 0o700
    chosen = tmp_path / "documents"
    chosen.mkdir(mode=0o755)
    private_dir(chosen)  # the user's own folder: not ours to change
    assert mode(chosen) == 0o755


def test_tightening_what_is_not_there_does_nothing(tmp_path: Path) -> None:
    tighten(tmp_path / "missing")


def test_the_notification_simulators_log_is_owner_only(tmp_path: Path) -> None:
    log = tmp_path / "notifications.jsonl"
    channel = SimulatedEgov(log)
    notification = Notification(
        event_id="e1", case_id="DNR-AST-26-0000001", seq=1, decision="issued",
        decided_on="2026-11-21", email="a@example.kz", phone="+77010000000",
        messages=dict.fromkeys(LANGUAGES, "text"),
    )  # fmt: skip
    channel.send(notification)
    assert mode(log) == 0o600
