"""The step forms as a clerk fills them: typed input, refused input next to its field, Enter
saves, Esc cancels, and the case view's checklist afterwards."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import func, select

from ui.main_window import MainWindow
from ui.steps.documents_dialog import DocumentsDialog
from ui.steps.duty_form import DutyForm
from ui.steps.housing_form import HousingForm
from ui.steps.medical_form import MedicalForm
from ui.steps.passport_form import PassportForm
from ui.widgets.date_field import DateField
from workstation.domain.approval import ApprovedArrival
from workstation.domain.checklist import Step, StepStatus
from workstation.domain.iin import make_iin
from workstation.domain.lifecycle import CaseState
from workstation.domain.mrz import make_td3
from workstation.domain.steps import DocumentKind, MedicalExam, MedicalResult
from workstation.services.steps import CaseSteps
from workstation.store.models import cases, journal

from .conftest import UI_TODAY, wait_idle

ENTRY = UI_TODAY - timedelta(days=1)
T = TypeVar("T")


def on_worker(qtbot: Any, window: MainWindow, work: Callable[[], T]) -> T:
    """Run a use case on the window's database worker, where the desk lives, and wait."""
    results: list[T] = []
    window.runner.run(work, results.append)
    wait_idle(qtbot, window)
    assert results, "the work failed"
    return results[0]


def arrive(qtbot: Any, window: MainWindow) -> ApprovedArrival:
    """Record yesterday's entry for a demo applicant with a long-valid passport; open the case."""
    desk = window.desk

    def pick_and_arrive() -> ApprovedArrival:
        with desk.context.store.reading() as conn:
            ids = (
                conn.execute(
                    select(cases.c.case_id)
                    .where(cases.c.state == str(CaseState.APPROVED))
                    .where(cases.c.approval_date < ENTRY)
                    .where(cases.c.window_end >= UI_TODAY)
                    .order_by(cases.c.case_id)
                )
                .scalars()
                .all()
            )
        approval = next(
            a
            for a in (desk.case_detail(i).approval for i in ids)
            if a.passport_expiry > UI_TODAY + timedelta(days=400)
        )
        desk.record_arrival(approval.case_id, ENTRY, "Astana International Airport")
        return approval

    approval = on_worker(qtbot, window, pick_and_arrive)
    show(qtbot, window, approval.case_id)
    return approval


def show(qtbot: Any, window: MainWindow, case_id: str) -> None:
    window.open_case(case_id)
    wait_idle(qtbot, window)
    assert window.case_view.case_id == case_id


def events(qtbot: Any, window: MainWindow) -> int:
    store = window.desk.context.store

    def count() -> int:
        with store.reading() as conn:
            return int(conn.execute(select(func.count()).select_from(journal)).scalar_one())

    return on_worker(qtbot, window, count)


def status_of(window: MainWindow, step: Step) -> StepStatus:
    detail = window.case_view.detail
    assert detail is not None
    return next(i.status for i in detail.checklist if i.step is step)


def type_into(qtbot: Any, widget: QWidget, text: str) -> None:
    widget.setFocus()
    if isinstance(widget, DateField):
        widget.selectAll()
        text = text.replace(".", "")  # the dots are in the mask
    qtbot.keyClicks(widget, text)


def enter(qtbot: Any, widget: QWidget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def error_text(form: Any, field: str) -> str:
    label = form.errors[field]
    return str(label.text()) if label.isVisible() else ""


def mrz_of(approval: ApprovedArrival, **overrides: Any) -> str:
    values: dict[str, Any] = {
        "surname": approval.surname.replace("-", " "),
        "given_names": approval.given_names,
        "document_number": approval.passport_number,
        "nationality": approval.nationality,
        "birth_date": approval.birth_date,
        "sex": approval.sex,
        "expiry_date": approval.passport_expiry,
        "issuing_state": approval.passport_issuing_state,
    }
    values.update(overrides)
    return make_td3(**values)


def test_dates_are_typed_day_first(qtbot: Any, main_window: MainWindow) -> None:
    arrive(qtbot, main_window)
    form = main_window.open_step(Step.MEDICAL)
    assert isinstance(form, MedicalForm)
    type_into(qtbot, form.issued_on, "03.11.2026")
    assert form.issued_on.date() == date(2026, 11, 3)
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible()


def test_medical_form_shows_every_refusal_then_saves(qtbot: Any, main_window: MainWindow) -> None:
    arrive(qtbot, main_window)
    before = events(qtbot, main_window)
    form = main_window.open_step(Step.MEDICAL)
    assert isinstance(form, MedicalForm) and form.isModal()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.number)
    type_into(qtbot, form.number, "028-1187")
    type_into(qtbot, form.issued_on, (ENTRY - timedelta(days=3)).strftime("%d.%m.%Y"))
    type_into(qtbot, form.organisation, "City polyclinic No. 4")
    form.result_choice.setCurrentIndex(1)  # not fit, without the doctor's words
    enter(qtbot, form.organisation)
    wait_idle(qtbot, main_window)
    assert form.isVisible() and events(qtbot, main_window) == before
    assert "before the entry" in error_text(form, "issued_on")
    assert error_text(form, "doctor") == "Enter the doctor's name."
    assert "not fit" in error_text(form, "remarks")
    assert form.result_note.isVisible()

    type_into(qtbot, form.issued_on, ENTRY.strftime("%d.%m.%Y"))
    type_into(qtbot, form.doctor, "A. Seitkali")
    form.result_choice.setCurrentIndex(0)
    with qtbot.waitSignal(form.recorded):
        enter(qtbot, form.doctor)
    wait_idle(qtbot, main_window)
    assert not form.isVisible() and events(qtbot, main_window) == before + 1
    assert status_of(main_window, Step.MEDICAL) is StepStatus.RECORDED


def test_a_correction_shows_the_history_and_supersedes(qtbot: Any, main_window: MainWindow) -> None:
    approval = arrive(qtbot, main_window)
    steps = CaseSteps(main_window.desk.context)
    exam = MedicalExam("028-1", ENTRY, "Clinic", "Dr A", MedicalResult.FIT)
    on_worker(qtbot, main_window, lambda: steps.record_medical_exam(approval.case_id, exam))
    show(qtbot, main_window, approval.case_id)
    form = main_window.open_step(Step.MEDICAL)
    assert isinstance(form, MedicalForm)
    wait_idle(qtbot, main_window)
    assert form.number.text() == "028-1"  # the current record is the starting point
    assert form.history.topLevelItemCount() == 1
    form.number.clear()
    type_into(qtbot, form.number, "028-2")
    with qtbot.waitSignal(form.recorded):
        enter(qtbot, form.number)
    wait_idle(qtbot, main_window)
    form = main_window.open_step(Step.MEDICAL)
    assert isinstance(form, MedicalForm)
    wait_idle(qtbot, main_window)
    rows = [form.history.topLevelItem(i).text(2) for i in range(2)]  # type: ignore[union-attr]
    assert rows[0].startswith("No. 028-2") and rows[1].startswith("superseded: No. 028-1")
    form.reject()


def test_passport_mismatches_are_listed_then_the_reader_saves(
    qtbot: Any, main_window: MainWindow
) -> None:
    approval = arrive(qtbot, main_window)
    form = main_window.open_step(Step.PASSPORT)
    assert isinstance(form, PassportForm)
    wrong = mrz_of(approval, document_number="ZZ0000001", sex="F" if approval.sex == "M" else "M")
    line1, line2 = wrong.split("\n")
    type_into(qtbot, form.mrz, line1)
    enter(qtbot, form.mrz)  # one line: Enter only starts the second line
    type_into(qtbot, form.mrz, line2)
    enter(qtbot, form.mrz)  # a complete MRZ: Enter checks it
    wait_idle(qtbot, main_window)
    errors = error_text(form, "mrz")
    assert "Passport number: the passport says ZZ0000001" in errors
    assert "• Sex:" in errors and form.isVisible()

    form.mrz.clear()
    right = mrz_of(approval)
    type_into(qtbot, form.mrz, right.replace("\n", ""))  # a reader may send 88 characters
    with qtbot.waitSignal(form.recorded):
        enter(qtbot, form.mrz)
    wait_idle(qtbot, main_window)
    assert status_of(main_window, Step.PASSPORT) is StepStatus.RECORDED


def test_housing_form_checks_landlord_and_city(qtbot: Any, main_window: MainWindow) -> None:
    approval = arrive(qtbot, main_window)
    form = main_window.open_step(Step.HOUSING)
    assert isinstance(form, HousingForm)
    assert form.city.text() == approval.city
    good_iin = make_iin(date(1970, 2, 3), "F", 5)
    bad_iin = good_iin[:-1] + str((int(good_iin[-1]) + 1) % 10)
    type_into(qtbot, form.landlord_id, bad_iin)
    type_into(qtbot, form.landlord_name, "AMANOVA DANA")
    form.city.clear()
    type_into(qtbot, form.city, "Karaganda")
    type_into(qtbot, form.street, "Kabanbay Batyr Ave")
    type_into(qtbot, form.building, "11")
    type_into(qtbot, form.postcode, "Z05T3E4")
    type_into(qtbot, form.number, "L-2026/77")
    type_into(qtbot, form.signed_on, "01.11.2026")
    type_into(qtbot, form.valid_from, "01.11.2026")
    type_into(qtbot, form.valid_until, "3110202")  # one digit short: not a date yet
    enter(qtbot, form.valid_until)
    assert "day.month.year" in error_text(form, "valid_until")
    type_into(qtbot, form.valid_until, "31.10.2027")
    enter(qtbot, form.valid_until)
    wait_idle(qtbot, main_window)
    assert "check digit" in error_text(form, "landlord_id")
    assert "programme city" in error_text(form, "city")
    assert "owner's consent" in error_text(form, "owner_consent_shown")
    assert error_text(form, "street") == ""

    form.landlord_id.clear()
    type_into(qtbot, form.landlord_id, good_iin)
    form.city.clear()
    type_into(qtbot, form.city, approval.city)
    form.owner_consent_shown.setCurrentIndex(1)
    with qtbot.waitSignal(form.recorded):
        enter(qtbot, form.city)
    wait_idle(qtbot, main_window)
    assert status_of(main_window, Step.HOUSING) is StepStatus.RECORDED


def test_own_property_needs_no_landlord(qtbot: Any, main_window: MainWindow) -> None:
    approval = arrive(qtbot, main_window)
    form = main_window.open_step(Step.HOUSING)
    assert isinstance(form, HousingForm)
    form.kind.setCurrentIndex(1)
    assert not form.landlord_id.isEnabled() and not form.valid_until.isEnabled()
    for field, text in (
        ("street", "Dostyk"),
        ("building", "5"),
        ("postcode", "010000"),
        ("number", "KZ-TITLE-1"),
        ("signed_on", "14.03.2019"),
        ("valid_from", "14.03.2019"),
    ):
        type_into(qtbot, getattr(form, field), text)
    with qtbot.waitSignal(form.recorded):
        enter(qtbot, form.number)
    wait_idle(qtbot, main_window)
    detail = main_window.case_view.detail
    assert detail is not None and detail.steps[Step.HOUSING].data["kind"] == "ownership"
    assert detail.approval.case_id == approval.case_id


def test_duty_form_catches_an_underpayment(qtbot: Any, main_window: MainWindow) -> None:
    arrive(qtbot, main_window)
    form = main_window.open_step(Step.DUTY_PERMIT)
    assert isinstance(form, DutyForm)
    assert "17,300.00 KZT" in form.due.text()
    type_into(qtbot, form.receipt_number, "KASPI-778812")
    type_into(qtbot, form.paid_on, UI_TODAY.strftime("%d.%m.%Y"))
    type_into(qtbot, form.amount, "15 728")  # last year's rate
    enter(qtbot, form.amount)
    wait_idle(qtbot, main_window)
    assert "Underpaid: 15728.00 KZT paid, 17300.00 KZT due" in error_text(form, "amount")
    form.amount.clear()
    type_into(qtbot, form.amount, "17 300")
    with qtbot.waitSignal(form.recorded):
        enter(qtbot, form.amount)
    wait_idle(qtbot, main_window)
    assert status_of(main_window, Step.DUTY_PERMIT) is StepStatus.RECORDED
    # The shortcut now offers the card's receipt.
    main_window.step_actions[Step.DUTY_PERMIT].trigger()
    card = QApplication.activeModalWidget()
    assert isinstance(card, DutyForm) and "865.00" in card.due.text()
    card.reject()


def png_bytes() -> bytes:
    image = QImage(40, 50, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkCyan)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def test_documents_are_attached_by_content_viewed_and_removed(
    qtbot: Any, main_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    arrive(qtbot, main_window)
    dialog = main_window.open_step(Step.DOCUMENTS)
    assert isinstance(dialog, DocumentsDialog)
    wait_idle(qtbot, main_window)
    assert dialog.table.topLevelItemCount() == len(DocumentKind)

    not_a_scan = tmp_path / "clearance.pdf"
    not_a_scan.write_bytes(b"GIF89a fake")
    dialog.select_kind(DocumentKind.POLICE_CLEARANCE)
    dialog.attach_path(not_a_scan)
    wait_idle(qtbot, main_window)
    assert "not a PDF, JPEG or PNG" in dialog.error.text()

    photo = tmp_path / "photo.pdf"  # the name lies; the content is a PNG
    photo.write_bytes(png_bytes())
    dialog.select_kind(DocumentKind.PHOTO)
    with qtbot.waitSignal(dialog.recorded):
        dialog.attach_path(photo)
    wait_idle(qtbot, main_window)
    document = dialog.selected_document()
    assert document is not None and document.media_type == "image/png"
    dialog.view_selected()
    wait_idle(qtbot, main_window)
    pixmap = dialog.preview.image.pixmap()
    assert not pixmap.isNull() and pixmap.width() > 0
    dialog.preview.reject()

    copy = tmp_path / "copy.png"
    dialog.save_copy_to(document, copy)
    wait_idle(qtbot, main_window)
    assert copy.read_bytes() == photo.read_bytes()
    if os.name == "posix":  # the applicant's photo: the desk's OS user only
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600

    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.recorded):
        dialog.remove_selected()
    wait_idle(qtbot, main_window)
    assert dialog.selected_document() is None
    dialog.reject()


def test_step_shortcuts_follow_the_case_state(qtbot: Any, main_window: MainWindow) -> None:
    actions = main_window.step_actions
    assert {a.shortcut().toString() for a in actions.values()} == {
        "Ctrl+Shift+P",
        "Ctrl+Shift+M",
        "Ctrl+Shift+H",
        "Ctrl+Shift+D",
        "Ctrl+Shift+O",
    }
    approval = arrive(qtbot, main_window)
    assert all(a.isEnabled() for a in actions.values())
    qtbot.keyClick(
        main_window,
        Qt.Key.Key_M,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    form = QApplication.activeModalWidget()
    assert isinstance(form, MedicalForm)
    form.reject()
    # A case still waiting for its applicant offers no step forms.
    store = main_window.desk.context.store

    def first_waiting() -> str:
        with store.reading() as conn:
            return str(
                conn.execute(
                    select(cases.c.case_id).where(cases.c.state == "approved").limit(1)
                ).scalar_one()
            )

    waiting = on_worker(qtbot, main_window, first_waiting)
    assert waiting != approval.case_id
    show(qtbot, main_window, waiting)
    assert not any(a.isEnabled() for a in actions.values())
    assert main_window.open_step(Step.MEDICAL) is None
