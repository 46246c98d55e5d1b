"""Files and folders that hold personal data are the desk's OS user's alone.

On POSIX a file with an applicant's IIN, passport number or names (the store and its WAL,
logs, every export: application PDF, receipt, report CSV/PDF, `export-event` files) is
created with mode 0600 and a folder the desk makes for them with 0700, whatever the umask.
An existing file written again is tightened to 0600 before the first byte goes in. On Windows
the modes mean nothing: files there take the ACL of the user's profile folder they are in
(docs/security.md).
"""

from __future__ import annotations

import logging
import os
import stat
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path

log = logging.getLogger(__name__)

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
_POSIX = os.name == "posix"


def write_private(path: Path, data: bytes) -> None:
    """Write `data` to `path` (replacing it), readable and writable by this OS user only."""
    fd = open_private(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    with os.fdopen(fd, "wb") as out:
        out.write(data)


def open_private(path: Path, flags: int) -> int:
    """os.open with mode 0600 that also tightens a file which already existed; the fd."""
    flags |= getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags, PRIVATE_FILE)
    if _POSIX:
        try:
            if stat.S_IMODE(os.fstat(fd).st_mode) & 0o077:
                os.fchmod(fd, PRIVATE_FILE)
        except OSError:
            os.close(fd)
            raise
    return fd


def private_dir(path: Path) -> Path:
    """Make `path` (and missing parents) as a folder only this OS user can enter; `path`."""
    missing = not path.exists()
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    if missing:
        tighten(path, PRIVATE_DIR)
    return path


def tighten(path: Path, mode: int = PRIVATE_FILE) -> None:
    """Set an existing file (or folder) to `mode` if others may read it; a file system that
    does not keep modes (a FAT stick, a network share) is logged, not fatal."""
    if not _POSIX:
        return
    try:
        current = stat.S_IMODE(path.stat().st_mode)
        if current & 0o077:
            os.chmod(path, mode)
    except FileNotFoundError:
        return
    except OSError as error:
        log.warning("Cannot make %s readable by this user only: %s", path, error.strerror)


def _open_log(path: str, encoding: str | None, errors: str | None) -> TextIOWrapper:
    fd = open_private(Path(path), os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    opened = os.fdopen(fd, "a", encoding=encoding, errors=errors)
    assert isinstance(opened, TextIOWrapper)
    return opened


class PrivateFileHandler(logging.FileHandler):
    """logging.FileHandler whose file is created (and kept) 0600."""

    def _open(self) -> TextIOWrapper:
        return _open_log(self.baseFilename, self.encoding, self.errors)


class PrivateRotatingFileHandler(RotatingFileHandler):
    """RotatingFileHandler whose files are created 0600, the rotated ones too."""

    def _open(self) -> TextIOWrapper:
        return _open_log(self.baseFilename, self.encoding, self.errors)
