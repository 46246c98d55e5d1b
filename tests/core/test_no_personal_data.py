"""A stolen laptop gives up no personal data: after a day's work at a seeded desk, neither the
database file, its WAL, the log file nor the temp directory holds the IIN, passport number or
surname of the applicant served, in any of the encodings they could be written in."""

from __future__ import annotations

import io
import logging
import tempfile
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas
from sqlalchemy import select

from workstation.domain.approval import ApprovedArrival
from workstation.domain.clock import FixedClock
from workstation.domain.lifecycle import CaseState
from workstation.domain.programme import DEFAULT_RULES
from workstation.domain.steps import DocumentKind
from workstation.security.dbkey import default_key_dir
from workstation.security.safelog import FORMAT, SafeFormatter
from workstation.services.demo import CENTRAL_FILE, open_demo_session
from workstation.services.fingerprints import FingerprintDesk
from workstation.services.stages import CaseSamples, Stage, take_case_to
from workstation.store.local import STORE_FILE
from workstation.store.models import cases

NOW = datetime(2026, 11, 21, 6, 30, tzinfo=UTC)  # 11:30 in Astana
TODAY = date(2026, 11, 21)
ENTRY = TODAY - timedelta(days=2)


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """The desk's log as a file, every application logger at DEBUG, through SafeFormatter."""
    path = tmp_path / "logs" / "desk.log"
    path.parent.mkdir()
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(SafeFormatter(FORMAT))
    root = logging.getLogger()
    sqlalchemy_logger = logging.getLogger("sqlalchemy")
    levels = (root.level, sqlalchemy_logger.level)
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    sqlalchemy_logger.setLevel(logging.WARNING)  # as safelog.install leaves it on a desk
    yield path
    root.removeHandler(handler)
    handler.close()
    root.setLevel(levels[0])
    sqlalchemy_logger.setLevel(levels[1])


@pytest.fixture
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "tmp"
    path.mkdir()
    monkeypatch.setenv("TMPDIR", str(path))
    monkeypatch.setattr(tempfile, "tempdir", str(path))
    return path


def forms(approval: ApprovedArrival) -> dict[str, list[bytes]]:
    """Each piece of personal data as the bytes it would be stored as."""
    values = {
        "IIN": approval.iin,
        "passport number": approval.passport_number,
        "surname": approval.surname,
    }
    found: dict[str, list[bytes]] = {}
    for label, value in values.items():
        assert len(value) >= 5, "too short to search for without chance hits"
        found[label] = [value.encode(c) for c in ("utf-8", "utf-16-le", "utf-16-be")]
    return found


def leaks(files: list[Path], needles: dict[str, list[bytes]]) -> list[str]:
    problems = []
    for file in files:
        data = file.read_bytes()
        for label, encoded in needles.items():
            if any(form in data for form in encoded):
                problems.append(f"{label} in {file.name}")
    return problems


def pick_case(session_store: object, desk: object) -> ApprovedArrival:
    from workstation.services.desk import Desk
    from workstation.store.local import LocalStore

    assert isinstance(session_store, LocalStore) and isinstance(desk, Desk)
    with session_store.reading() as conn:
        ids = conn.scalars(
            select(cases.c.case_id)
            .where(cases.c.state == str(CaseState.APPROVED))
            .where(cases.c.approval_date < ENTRY)
            .where(cases.c.window_end >= TODAY)
            .order_by(cases.c.case_id)
        ).all()
    return next(
        a
        for a in (desk.case_detail(i).approval for i in ids)
        if a.passport_expiry > TODAY + timedelta(days=400)
        and a.birth_date < date(2008, 1, 1)  # an adult: fingerprints are taken
        and len(a.surname) >= 5
    )


def scanned_pdf(approval: ApprovedArrival) -> bytes:
    """A 'scan' of the passport page whose bytes spell out the data (no compression)."""
    out = io.BytesIO()
    page = canvas.Canvas(out, pageCompression=0)
    page.drawString(72, 720, f"{approval.surname} {approval.given_names}")
    page.drawString(72, 700, f"{approval.passport_number} IIN {approval.iin}")
    page.save()
    return out.getvalue()


def test_no_personal_data_in_the_store_files_logs_or_temp_directory(
    tmp_path: Path, log_file: Path, temp_dir: Path
) -> None:
    data_dir = tmp_path / "desk"
    session = open_demo_session(data_dir, DEFAULT_RULES, FixedClock(NOW), cases=40)
    session.sync()
    desk = session.desk()
    approval = pick_case(session.store, desk)
    case_id = approval.case_id

    # A morning's work on the case, through the services the screens use: every step, the
    # passport's scan among the documents.
    pdf = scanned_pdf(approval)
    assert approval.surname.encode() in pdf

    class Scanned(CaseSamples):
        def documents(self) -> list[tuple[DocumentKind, str, bytes]]:
            others = [d for d in super().documents() if d[0] is not DocumentKind.PASSPORT_COPY]
            return [(DocumentKind.PASSPORT_COPY, "passport.pdf", pdf), *others]

    take_case_to(desk.context, case_id, Stage.READY, Scanned(approval, ENTRY))
    audit = session.audit_log()
    fingerprints = FingerprintDesk(desk.context)  # viewing goes to the session's audit trail
    assert fingerprints.prints_of(case_id) is not None
    audit.printed(desk.context.actor, case_id, "application")
    # A failure whose message quotes the applicant, logged as the background runner does.
    try:
        raise ValueError(
            f"cannot print for {approval.surname}, passport {approval.passport_number}"
        )
    except ValueError as error:
        logging.getLogger("ui.runner").error("background operation failed", exc_info=error)
    session.sync()  # the events go to central

    assert [e.action.value for e in audit.entries()][-2:] == ["view_fingerprints", "print"]
    assert audit.verify().ok
    needles = forms(approval)
    wal = data_dir / (STORE_FILE + "-wal")
    assert wal.exists() and wal.stat().st_size > 0, "the WAL was to be searched while open"

    def files_to_search() -> list[Path]:
        desk_files = [
            p
            for p in data_dir.rglob("*")
            if p.is_file() and not p.name.startswith(CENTRAL_FILE)  # the server's database
        ]
        others = [p for p in (*temp_dir.rglob("*"), *default_key_dir().rglob("*"))]
        return [*desk_files, log_file, *(p for p in others if p.is_file())]

    open_files = files_to_search()
    assert {STORE_FILE, STORE_FILE + "-wal", "desk.log"} <= {p.name for p in open_files}
    assert leaks(open_files, needles) == []
    log_text = log_file.read_text(encoding="utf-8")
    assert "background operation failed" in log_text and "ValueError" in log_text

    session.store.close()  # the checkpoint moves the WAL into the file
    assert leaks(files_to_search(), needles) == []

    # The search itself finds them where they are kept in the clear: the demo's central
    # database (standing in for the server), which holds the same case.
    central = data_dir / CENTRAL_FILE
    assert sorted(leaks([central], needles)) == [
        f"{label} in {CENTRAL_FILE}" for label in sorted(needles)
    ]


CRASH = """
import threading
from workstation.security import safelog

safelog.install()

def worker():
    raise KeyError("IVANOVA ANNA")

thread = threading.Thread(target=worker, name="sync")
thread.start()
thread.join()
raise ValueError("passport AB1234567, IIN 900115400011")
"""


def test_a_crash_prints_where_it_happened_but_not_the_data(tmp_path: Path) -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", CRASH], capture_output=True, text=True, check=False, cwd=tmp_path
    )
    assert result.returncode == 1
    for value in ("IVANOVA", "AB1234567", "900115400011"):
        assert value not in result.stderr
    assert "unhandled exception in thread sync" in result.stderr
    assert "builtins.KeyError: (message withheld" in result.stderr
    assert "builtins.ValueError: (message withheld" in result.stderr
    assert 'File "<string>", line 13' in result.stderr  # where it happened is kept
