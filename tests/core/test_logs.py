"""The desk's log file: rotated by size, in the platform's log folder, without personal data."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import platformdirs
import pytest

from workstation import appdirs, logs
from workstation.security.safelog import WITHHELD

IIN = "900115450123"
SURNAME = "ZHUMABAYEVA"


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    """install() changes process-wide state: give it back as pytest had it."""
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


def test_the_log_rotates_by_size_and_keeps_so_many_old_files(tmp_path: Path) -> None:
    path = logs.install(tmp_path / "logs", max_bytes=2_000, backup_count=2)
    assert path == tmp_path / "logs" / "dnr-workstation.log"
    log = logging.getLogger("workstation.test")
    for n in range(300):
        log.info("case DNR-AST-26-%07d synced", n)
    files = sorted(p.name for p in path.parent.iterdir())
    assert files == ["dnr-workstation.log", "dnr-workstation.log.1", "dnr-workstation.log.2"]
    assert all((path.parent / name).stat().st_size <= 2_000 for name in files)
    # The newest lines are in the current file, older ones rotated away for good.
    assert "DNR-AST-26-0000299" in path.read_text(encoding="utf-8")
    kept = "".join((path.parent / name).read_text(encoding="utf-8") for name in files)
    assert "DNR-AST-26-0000000 " not in kept


def test_the_defaults_are_five_files_of_five_mebibytes(tmp_path: Path) -> None:
    logs.install(tmp_path)
    (handler,) = [h for h in logging.getLogger().handlers if isinstance(h, logging.FileHandler)]
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    assert (handler.maxBytes, handler.backupCount) == (5 * 1024 * 1024, 5)
    assert "DNR Workstation" in logs.log_file(tmp_path).read_text(encoding="utf-8")


def test_exception_messages_with_personal_data_never_reach_the_file(tmp_path: Path) -> None:
    path = logs.install(tmp_path)
    log = logging.getLogger("workstation.test")
    try:
        raise ValueError(f"row ({IIN}, {SURNAME}) violates a constraint")
    except ValueError:
        log.exception("saving the arrival of case DNR-AST-26-0000001 failed")

    def crash() -> None:
        raise RuntimeError(f"passport of {SURNAME} unreadable")

    worker = threading.Thread(target=crash, name="worker")
    worker.start()
    worker.join()
    text = path.read_text(encoding="utf-8")
    assert "saving the arrival of case DNR-AST-26-0000001 failed" in text
    assert "builtins.ValueError: " + WITHHELD in text
    assert "builtins.RuntimeError: " + WITHHELD in text and "in thread worker" in text
    assert IIN not in text and SURNAME not in text


def test_info_goes_to_the_file_and_only_warnings_to_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = logs.install(tmp_path)
    logging.getLogger("workstation.test").info("pulled 12 events")
    logging.getLogger("workstation.test").warning("central unreachable")
    assert "pulled 12 events" in path.read_text(encoding="utf-8")
    err = capsys.readouterr().err
    assert "central unreachable" in err and "pulled 12 events" not in err


def test_a_bad_log_level_or_folder_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DNR_LOG_LEVEL", "LOUD")
    with pytest.raises(logs.LogSetupFailed, match=r"LOUD.*DEBUG, INFO, WARNING"):
        logs.install(tmp_path)
    monkeypatch.setenv("DNR_LOG_LEVEL", "debug")
    assert logs.level_from_env() == logging.DEBUG
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    with pytest.raises(logs.LogSetupFailed, match=r"a-file.*DNR_LOG_DIR"):
        logs.install(blocked / "logs")


def test_every_folder_of_the_desk_comes_from_platformdirs_under_one_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("DNR_LOG_DIR", "DNR_CONFIG", "DNR_WORKSTATION_KEY_DIR"):
        monkeypatch.delenv(name, raising=False)
    folders = appdirs.desk_folders()
    assert folders.log_dir == Path(platformdirs.user_log_dir("dnr-workstation", "DNR"))
    assert folders.data == Path(platformdirs.user_data_dir("dnr-workstation", "DNR"))
    config = Path(platformdirs.user_config_dir("dnr-workstation", "DNR"))
    assert folders.config_file == config / "desk.toml"
    assert folders.key_dir == config / "keys"
    monkeypatch.setenv("DNR_LOG_DIR", "/srv/dnr/logs")
    assert appdirs.log_dir() == Path("/srv/dnr/logs")
    assert appdirs.desk_folders(Path("/d")).rows()[0] == ("Data", Path("/d"))
