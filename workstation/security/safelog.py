"""Logging that keeps personal data out of log files and crash output.

The application's own log calls never pass personal data (names, IINs, passport numbers):
they name cases by case id and people by role. What they cannot control is the text of an
exception: a database error quotes the row it could not write, a parser quotes its input.
So the formatter here writes an exception as its type and stack frames (file, line,
function, source line) and leaves its message out, and the same goes for uncaught
exceptions in any thread (sys.excepthook, threading.excepthook), which is what a crash
prints. The local store hides SQL parameters too (hide_parameters in store.local).
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from workstation.security.private_files import PrivateFileHandler, private_dir

WITHHELD = "(message withheld: it may hold personal data)"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class SafeFormatter(logging.Formatter):
    """A Formatter whose tracebacks carry exception types and frames, never messages."""

    def format(self, record: logging.LogRecord) -> str:
        # logging caches the first handler's traceback text on the record; another handler
        # (a plain one) may have formatted it already, message and all. Use our own.
        cached = record.exc_text
        record.exc_text = None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei: ExcInfo | tuple[None, None, None]) -> str:
        _type, value, _tb = ei
        if value is None:
            return ""
        return safe_traceback(value)


def safe_traceback(error: BaseException) -> str:
    """The traceback of `error` (and what it was raised from) without any message text."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    chain: list[BaseException] = []
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    for index, exc in enumerate(reversed(chain)):
        if index:
            parts.append("\nThe above exception led to the following exception:\n\n")
        parts.append("Traceback (most recent call last):\n")
        parts.extend(traceback.format_list(traceback.extract_tb(exc.__traceback__)))
        parts.append(f"{type(exc).__module__}.{type(exc).__qualname__}: {WITHHELD}\n")
    return "".join(parts).rstrip("\n")


def install(level: int = logging.WARNING, log_file: Path | None = None) -> None:
    """Log to stderr (and `log_file`) through SafeFormatter; route crashes through it too."""
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    if log_file is not None:
        private_dir(log_file.parent)
        handlers.append(PrivateFileHandler(log_file, encoding="utf-8"))
    formatter = SafeFormatter(FORMAT)
    for handler in handlers:
        handler.setFormatter(formatter)
    logging.basicConfig(level=level, handlers=handlers, force=True)
    # SQL echo (INFO on sqlalchemy.engine) is for developers; it stays off on a desk.
    logging.getLogger("sqlalchemy").setLevel(max(level, logging.WARNING))
    crash_log = logging.getLogger("workstation.crash")

    def excepthook(
        kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        crash_log.critical("unhandled exception", exc_info=(kind, value, tb))

    def thread_excepthook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        crash_log.critical(
            "unhandled exception in thread %s",
            args.thread.name if args.thread else "?",
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )

    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook
