"""`dnr-workstation --smoke`: does this installation work? For the bundle test and for IT.

The application opens the demo desk, logs in with the demo clerk's key, shows the main
window and waits for the first sync with the demo central (Alembic migrations from files,
the encrypted store, the worker thread). Then it checks what the desk loads only on demand:
a PDF with the shipped fonts through reportlab (and its C accelerators) shown by QtPdf,
Russian country names (pycountry's catalogues), Kazakhstan's holidays, QtCharts, the
PostgreSQL driver's C implementation, SQLCipher, the keyring back end. It prints one line,
`smoke ok: ...`, and exits 0; otherwise `smoke FAILED: ...` on stderr and exit status 1.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import date
from io import BytesIO

from PySide6.QtCore import QBuffer, QByteArray, QObject, QTimer
from PySide6.QtGui import QImage

from workstation.sync.syncer import SyncReport


class SmokeFailed(Exception):
    pass


def _pdf_renders() -> str:
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument
    from reportlab.lib import rl_accel
    from reportlab.pdfgen import canvas

    from workstation.documents.fonts import register_fonts

    if "_rl_accel" not in sys.modules and not getattr(rl_accel, "_c_funcs", ()):
        raise SmokeFailed("reportlab's C accelerators (rl_accel) are missing")
    fonts = register_fonts()
    out = BytesIO()
    page = canvas.Canvas(out, pagesize=(300, 120))
    page.setFont(fonts.regular, 18)
    page.drawString(20, 60, "Қазақстан · Казахстан · Kazakhstan")
    page.save()
    buffer = QByteArray(out.getvalue())
    device = QBuffer(buffer)
    device.open(QBuffer.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(device)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() != 1:
        raise SmokeFailed(f"QtPdf could not open a reportlab PDF ({document.status().name})")
    image = document.render(0, QSize(300, 120))
    inked = sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y).lightness() < 128
    )
    if image.format() == QImage.Format.Format_Invalid or inked == 0:
        raise SmokeFailed("QtPdf rendered the font test page blank")
    return f"pdf {len(out.getvalue())} B"


def _countries() -> str:
    from workstation.services.printing import citizenship

    name = citizenship("DEU")
    if name != "Германия (DEU)":
        raise SmokeFailed(f"pycountry's Russian names are missing (DEU -> {name!r})")
    return "pycountry ru"


def _holidays() -> str:
    from workstation.domain.calendar import WorkingCalendar

    calendar = WorkingCalendar()
    if calendar.is_working_day(date(2026, 3, 9)):  # 8 March fell on a Sunday: moved to Monday
        raise SmokeFailed("the holidays of Kazakhstan are missing (9 March 2026 counts as working)")
    return "holidays KZ"


def _charts() -> str:
    from PySide6.QtCharts import QChart, QLineSeries

    chart = QChart()
    chart.addSeries(QLineSeries())
    return "QtCharts"


def _drivers() -> str:
    import keyring
    import psycopg
    import sqlcipher3

    version = sqlcipher3.connect(":memory:").execute("PRAGMA cipher_version").fetchone()
    if not version:
        raise SmokeFailed("sqlcipher3 is not SQLCipher (no cipher_version)")
    return (
        f"sqlcipher {version[0]}, psycopg {psycopg.pq.__impl__}, "
        f"keyring {type(keyring.get_keyring()).__name__}"
    )


def _licences() -> str:
    from workstation.licences import font_licences, package_licences

    fonts = font_licences()
    if not fonts or any(f.licence_file is None or not f.licence_file.is_file() for f in fonts):
        raise SmokeFailed("a font or its licence text is missing from resources/fonts")
    names = {p.name.lower(): p for p in package_licences()}
    pyside = names.get("pyside6_essentials") or names.get("pyside6-essentials")
    if pyside is None or not pyside.licence.startswith("LGPL"):
        raise SmokeFailed("the library licence list has no PySide6 (metadata not bundled?)")
    return f"licences: {len(names)} libraries, {len(fonts)} fonts"


CHECKS: tuple[Callable[[], str], ...] = (
    _pdf_renders,
    _countries,
    _holidays,
    _charts,
    _drivers,
    _licences,
)


def run_checks() -> list[str]:
    return [check() for check in CHECKS]


class SmokeRun(QObject):
    """Waits for the window's first sync, runs the checks, reports, then calls `finish`."""

    def __init__(
        self,
        sync_finished: object,
        rows: Callable[[], int],
        finish: Callable[[], None],
        started: float,
        timeout_s: float = 180.0,
    ) -> None:
        super().__init__()
        self.code = 1
        self._rows = rows
        self._finish = finish
        self._started = started
        self._done = False
        self._synced_after = 0.0
        self._report: SyncReport | None = None
        sync_finished.connect(self._synced)  # type: ignore[attr-defined]
        QTimer.singleShot(int(timeout_s * 1000), self._timeout)

    def _synced(self, outcome: object) -> None:
        if self._done:
            return
        self._done = True
        self._synced_after = time.perf_counter() - self._started
        if not isinstance(outcome, SyncReport):
            self._fail(f"the first sync failed: {type(outcome).__name__}: {outcome}")
            return
        self._report = outcome
        self._wait_for_rows(deadline=time.monotonic() + 30)

    def _wait_for_rows(self, deadline: float) -> None:
        """The worklist reloads after the sync's changes are published: wait for its rows."""
        if self._rows() > 0:
            self._check_and_report()
        elif time.monotonic() > deadline:
            self._fail("the worklist stayed empty after the first sync")
        else:
            QTimer.singleShot(50, lambda: self._wait_for_rows(deadline))

    def _check_and_report(self) -> None:
        try:
            facts = run_checks()
        except Exception as exc:
            self._fail(f"{type(exc).__name__}: {exc}")
            return
        assert self._report is not None
        print(
            f"smoke ok: synced in {self._synced_after:.1f} s, pulled {self._report.pulled}, "
            f"worklist rows {self._rows()}; " + "; ".join(facts),
            flush=True,
        )
        self.code = 0
        self._finish()

    def _fail(self, reason: str) -> None:
        print(f"smoke FAILED: {reason}", file=sys.stderr, flush=True)
        self._finish()

    def _timeout(self) -> None:
        if not self._done:
            self._done = True
            self._fail("no sync finished in time")
