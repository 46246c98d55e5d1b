"""End to end: a pulled case, found in the worklist, taken from arrival to "ready to print"
through the real main window, every step by keyboard through its form, then printed."""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import pytest
from pypdf import PdfReader

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from sqlalchemy import select

from tests.ui.conftest import wait_idle
from workstation.biometrics.file_import import import_print_bytes
from workstation.biometrics.sbi import FingerPosition
from workstation.biometrics.simulator import FingerprintArt
from workstation.domain.approval import ApprovedArrival
from workstation.domain.checklist import Step, StepStatus
from workstation.domain.clock import FixedClock
from workstation.domain.iin import make_bin
from workstation.domain.lifecycle import CaseState
from workstation.domain.programme import DEFAULT_RULES
from workstation.domain.steps import DocumentKind
from workstation.services.demo import open_demo_session
from workstation.services.fingerprints import FingerprintDesk
from workstation.services.setup import DeskSession
from workstation.store.models import cases

NOW = datetime(2026, 11, 21, 6, 30, tzinfo=UTC)  # 11:30 in Astana
TODAY = date(2026, 11, 21)
ENTRY = TODAY - timedelta(days=2)
T = TypeVar("T")
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def session(tmp_path: Path) -> Iterator[DeskSession]:
    opened = open_demo_session(tmp_path / "desk", DEFAULT_RULES, FixedClock(NOW), cases=40)
    opened.sync()
    yield opened
    opened.store.close()


@pytest.fixture
def window(qtbot: Any, session: DeskSession) -> Iterator[Any]:
    from ui.main_window import MainWindow

    main = MainWindow(session)
    qtbot.addWidget(main)
    main.show()
    wait_idle(qtbot, main, lambda: main.model.rowCount() > 0)
    yield main
    wait_idle(qtbot, main)
    main.runner.shutdown()


def on_worker(qtbot: Any, window: Any, work: Callable[[], T]) -> T:
    results: list[T] = []
    window.runner.run(work, results.append)
    wait_idle(qtbot, window)
    assert results
    return results[0]


def form_for(qtbot: Any, window: Any, key: Qt.Key) -> Any:
    """Press Ctrl+Shift+<key> in the main window and return the form it opens."""
    # A window manager gives the focus back to the main window when a dialog closes;
    # the offscreen platform has none, so the test does it.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, key, CTRL_SHIFT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QWidget))
    form = QApplication.activeModalWidget()
    wait_idle(qtbot, window)
    return form


def type_into(qtbot: Any, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def save(qtbot: Any, window: Any, form: Any, widget: QWidget) -> None:
    with qtbot.waitSignal(form.recorded):
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    assert not form.isVisible()


def pick_case(qtbot: Any, window: Any) -> ApprovedArrival:
    store, desk = window.desk.context.store, window.desk

    def pick() -> ApprovedArrival:
        with store.reading() as conn:
            ids = (
                conn.execute(
                    select(cases.c.case_id)
                    .where(cases.c.state == str(CaseState.APPROVED))
                    .where(cases.c.approval_date < ENTRY)
                    .where(cases.c.window_end >= TODAY)
                    .order_by(cases.c.case_id)
                )
                .scalars()
                .all()
            )
        return next(
            a
            for a in (desk.case_detail(i).approval for i in ids)
            if a.passport_expiry > TODAY + timedelta(days=400)
            and a.birth_date < date(2008, 1, 1)  # an adult: fingerprints are required
        )

    return on_worker(qtbot, window, pick)


def checklist(window: Any) -> dict[Step, StepStatus]:
    detail = window.case_view.detail
    return {item.step: item.status for item in detail.checklist}


def test_a_pulled_case_goes_from_arrival_to_a_printed_application(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    approval = pick_case(qtbot, window)
    # Find the applicant by passport number and open the case with Enter.
    type_into(qtbot, window.worklist.search, approval.passport_number)
    wait_idle(qtbot, window)
    assert window.model.rowCount() == 1
    window.worklist.table.setFocus()
    qtbot.keyClick(window.worklist.table, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    assert window.case_view.case_id == approval.case_id

    # Arrival: the entry stamp's date and the crossing point.
    qtbot.keyClick(window, Qt.Key.Key_A, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.arrival_dialog is not None and window.arrival_dialog.isVisible())
    arrival = window.arrival_dialog
    type_into(qtbot, arrival.entry_date, ENTRY.strftime("%d%m%Y"))
    type_into(qtbot, arrival.border_point.lineEdit(), "Astana International Airport (NQZ)")
    save(qtbot, window, arrival, arrival.border_point.lineEdit())
    assert window.case_view.detail.status.state is CaseState.ARRIVED
    assert checklist(window)[Step.ARRIVAL] is StepStatus.RECORDED

    # Passport: the reader types both MRZ lines, each followed by Enter.
    passport = form_for(qtbot, window, Qt.Key.Key_P)
    mrz = approval.passport_mrz()
    line1, line2 = mrz.split("\n")
    type_into(qtbot, passport.mrz, line1)
    qtbot.keyClick(passport.mrz, Qt.Key.Key_Return)
    type_into(qtbot, passport.mrz, line2)
    save(qtbot, window, passport, passport.mrz)

    # Medical examination, done the day after entry.
    medical = form_for(qtbot, window, Qt.Key.Key_M)
    type_into(qtbot, medical.number, "028/u-55120")
    type_into(qtbot, medical.issued_on, (ENTRY + timedelta(days=1)).strftime("%d%m%Y"))
    type_into(qtbot, medical.organisation, "City polyclinic No. 9, Astana")
    type_into(qtbot, medical.doctor, "ZH. ABENOVA")
    save(qtbot, window, medical, medical.doctor)

    # Fingerprints: captured by the fingerprint screen (tested with the SBI simulator in
    # tests/ui/test_fingerprint_screen.py); here ten good prints are imported from files.
    fingerprints = FingerprintDesk(window.desk.context)
    art = FingerprintArt()
    prints = [import_print_bytes(art.png(p, degraded=False), p) for p in FingerPosition]
    window.runner.command(
        lambda: fingerprints.record_fingerprints(approval.case_id, prints, {}), initiator=None
    )
    wait_idle(qtbot, window)

    # Housing: a lease from a company landlord.
    housing = form_for(qtbot, window, Qt.Key.Key_H)
    housing.landlord_type.setCurrentIndex(1)
    for name, text in (
        ("landlord_id", make_bin(2016, 5, 4, 0, 3301)),
        ("landlord_name", "ASTANA RENT LLP"),
        ("street", "Kabanbay Batyr Ave"),
        ("building", "53"),
        ("apartment", "117"),
        ("postcode", "Z05H9E8"),
        ("number", "AR-2026/1187"),
        ("signed_on", ENTRY.strftime("%d%m%Y")),
        ("valid_from", ENTRY.strftime("%d%m%Y")),
        ("valid_until", (ENTRY + timedelta(days=364)).strftime("%d%m%Y")),
    ):
        type_into(qtbot, getattr(housing, name), text)
    housing.owner_consent_shown.setCurrentIndex(1)
    save(qtbot, window, housing, housing.number)

    # State duty: the permit, then the card (the same shortcut offers the next receipt).
    for receipt, amount in (("KASPI-0091-2231", "17 300"), ("KASPI-0091-2232", "865")):
        duty = form_for(qtbot, window, Qt.Key.Key_D)
        type_into(qtbot, duty.receipt_number, receipt)
        type_into(qtbot, duty.amount, amount)
        save(qtbot, window, duty, duty.amount)
    assert checklist(window)[Step.DUTY_CARD] is StepStatus.RECORDED

    # Documents: every required scan; the case is not ready until the last one is in.
    assert window.case_view.detail.status.state is CaseState.ARRIVED
    documents = form_for(qtbot, window, Qt.Key.Key_O)
    for kind in DocumentKind:
        scan = tmp_path / f"{kind}.scan"
        if kind is DocumentKind.PHOTO:  # a photo must be an image, not a PDF
            image = QImage(350, 450, QImage.Format.Format_RGB32)
            image.fill(Qt.GlobalColor.lightGray)
            assert image.save(str(scan), "JPEG")
        else:
            scan.write_bytes(b"%PDF-1.4\n% scan of " + str(kind).encode() + b"\n%%EOF\n")
        documents.select_kind(kind)
        with qtbot.waitSignal(documents.recorded):
            documents.attach_path(scan)
        wait_idle(qtbot, window)
    qtbot.keyClick(documents, Qt.Key.Key_Escape)
    wait_idle(qtbot, window)

    detail = window.case_view.detail
    assert detail.status.state is CaseState.STEPS_RECORDED
    assert all(item.passes for item in detail.checklist), detail.checklist
    assert window.case_view.status_badge.text() == "Ready to print"

    # Print: Ctrl+P shows the real PDF; Qt's print dialog prints it (to a file here, as no
    # printer is installed); the case is then "printed", and the receipt follows.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(window, "print_dialog", None) is not None)
    preview = window.print_dialog
    qtbot.waitUntil(lambda: preview.document is not None, timeout=10_000)
    dialog = preview.open_print_dialog()
    printed = tmp_path / "application-printed.pdf"
    dialog.findChild(QLineEdit, "filename").setText(str(printed))
    with qtbot.waitSignal(preview.printed, timeout=10_000):
        dialog.accept()
    wait_idle(qtbot, window)
    assert window.case_view.detail.status.state is CaseState.PRINTED
    text = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(printed.read_bytes())).pages
    )
    assert not text.strip()  # the printer gets page images, exactly what the preview showed
    assert len(PdfReader(io.BytesIO(printed.read_bytes())).pages) == preview.pdf.pageCount()
    source = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(preview.document.pdf)).pages
    )
    for value in (approval.case_id, approval.passport_number, "ASTANA RENT LLP", "KASPI-0091-2232"):
        assert value in " ".join(source.split()), value
    preview.load("receipt")
    qtbot.waitUntil(lambda: preview.document is not None and preview.document.kind == "receipt")
    preview.reject()
    wait_idle(qtbot, window)
