"""The desk's log file: in the platform's log folder, rotated by size, without personal data.

`install()` sets up logging once at start-up: `dnr-workstation.log` in `appdirs.log_dir()`,
rotated at 5 MiB with 5 old files kept (`dnr-workstation.log.1` ... `.5`, at most ~30 MiB),
and warnings also on standard error. Every record goes through
`workstation.security.safelog.SafeFormatter`, which writes an exception as its type and stack
frames and never its message (a database error quotes the row it could not write), and
uncaught exceptions in any thread go the same way. The application's own log calls name
cases by case id and staff by role, never applicants. `$DNR_LOG_LEVEL` (DEBUG, INFO,
WARNING) changes what the file gets; INFO by default.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
from pathlib import Path

from workstation import __version__
from workstation.appdirs import LOG_DIR_ENV, log_dir
from workstation.security import safelog
from workstation.security.private_files import PrivateRotatingFileHandler, private_dir

LOG_FILE = "dnr-workstation.log"
MAX_BYTES = 5 * 1024 * 1024
BACKUP_COUNT = 5
LEVEL_ENV = "DNR_LOG_LEVEL"

log = logging.getLogger(__name__)


class LogSetupFailed(OSError):
    """The log folder cannot be made or written; the message names it."""


def level_from_env(default: int = logging.INFO) -> int:
    name = os.environ.get(LEVEL_ENV, "").strip().upper()
    if not name:
        return default
    level = logging.getLevelName(name)
    if not isinstance(level, int):
        raise LogSetupFailed(
            f"${LEVEL_ENV}={name!r} is not a log level: use DEBUG, INFO, WARNING or ERROR."
        )
    return level


def install(
    directory: Path | None = None,
    *,
    level: int | None = None,
    max_bytes: int = MAX_BYTES,
    backup_count: int = BACKUP_COUNT,
    stderr_level: int = logging.WARNING,
) -> Path:
    """Log to the rotated file in `directory` (default `log_dir()`) and warnings to stderr,
    all through safelog's formatter; returns the log file's path."""
    folder = directory if directory is not None else log_dir()
    file_level = level if level is not None else level_from_env()
    safelog.install(min(file_level, stderr_level))  # stderr handler, crash hooks
    root = logging.getLogger()
    for handler in root.handlers:
        handler.setLevel(stderr_level)
    try:
        private_dir(folder)
        handler = PrivateRotatingFileHandler(
            folder / LOG_FILE, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8"
        )
    except OSError as exc:
        raise LogSetupFailed(
            f"Cannot write the log in {folder}: {exc.strerror}. Set ${LOG_DIR_ENV} to a "
            "folder this user may write to."
        ) from None
    # Alembic reports every migration step at INFO: for developers, not for a desk's log.
    logging.getLogger("alembic").setLevel(max(file_level, logging.WARNING))
    handler.setLevel(file_level)
    handler.setFormatter(safelog.SafeFormatter(safelog.FORMAT))
    root.addHandler(handler)
    log.info(
        "DNR Workstation %s started (Python %s, %s %s)",
        __version__,
        platform.python_version(),
        platform.system(),
        "bundle" if getattr(sys, "frozen", False) else "source",
    )
    return folder / LOG_FILE


def log_file(directory: Path | None = None) -> Path:
    """Where `install()` writes (or would write) the log."""
    return (directory if directory is not None else log_dir()) / LOG_FILE
