"""The officer's queue and decision dialog, the clerk's Submit, and a re-application blocked
on the desk, through the real widgets (issue 9)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from tests.ui.conftest import UI_TODAY, wait_idle
from workstation.domain.approval import ApprovedArrival
from workstation.domain.decision import Decision, RefusalReason, permit_number_is_valid
from workstation.domain.lifecycle import CaseState, EventType, TransitionRefused
from workstation.journal.envelope import Actor
from workstation.journal.projector import load_approval, record
from workstation.services.context import Changes
from workstation.services.review import ReviewDesk
from workstation.services.setup import DeskSession
from workstation.services.stages import CaseSamples, Stage, take_case_to
from workstation.store.models import cases, journal
from workstation.sync.demo_seed import approval_event

OFFICER = Actor(iin="870203300015", name="DEMO OFFICER", role="migration_officer")


def fresh_cases(session: DeskSession, count: int) -> list[ApprovedArrival]:
    """Approvals still in their window whose passports stay valid long enough to print."""
    with session.store.reading() as conn:
        ids = conn.execute(
            select(cases.c.case_id)
            .where((cases.c.state == "approved") & (cases.c.window_end >= UI_TODAY))
            .order_by(cases.c.case_id)
        ).scalars()
        approvals = [load_approval(conn, case_id) for case_id in ids]
    fit = [a for a in approvals if a.passport_expiry > UI_TODAY + timedelta(days=400)]
    return fit[:count]


def carry(session: DeskSession, approval: ApprovedArrival, *, submit: bool) -> str:
    """Arrival, every step and the print by the clerk; then the submission if asked."""
    stage = Stage.SUBMITTED if submit else Stage.PRINTED
    take_case_to(session.context(), approval.case_id, stage, CaseSamples(approval, UI_TODAY))
    return approval.case_id


def review_of(window: Any) -> Any:
    from ui.features.review import ReviewFeature

    review = window.feature(ReviewFeature)
    assert review is not None
    return review


def submission_of(window: Any) -> Any:
    from ui.features.submission import SubmissionFeature

    submission = window.feature(SubmissionFeature)
    assert submission is not None
    return submission


def open_window(qtbot: Any, session: DeskSession) -> Any:
    from ui.main_window import MainWindow

    window = MainWindow(session)
    window.show()
    wait_idle(qtbot, window, lambda: window.model.rowCount() > 0)
    return window


def close_window(qtbot: Any, window: Any) -> None:
    wait_idle(qtbot, window)
    window.close()
    window.runner.shutdown()
    window.deleteLater()


@pytest.fixture
def officer_window(qtbot: Any, desk_session: DeskSession) -> Iterator[tuple[Any, list[str]]]:
    submitted = [carry(desk_session, a, submit=True) for a in fresh_cases(desk_session, 2)]
    window = open_window(qtbot, replace(desk_session, actor=OFFICER))
    yield window, submitted
    close_window(qtbot, window)


def payload_of(session: DeskSession, case_id: str, event_type: EventType) -> dict[str, Any]:
    with session.store.reading() as conn:
        raw = conn.execute(
            select(journal.c.payload).where(
                (journal.c.case_id == case_id) & (journal.c.type == str(event_type))
            )
        ).scalar_one()
    result: dict[str, Any] = json.loads(raw)
    return result


def open_from_queue(qtbot: Any, window: Any, row: int) -> str:
    queue = review_of(window).queue
    index = queue.model.index(row, 0)
    case_id = str(queue.model.row_at(row).case_id)
    queue.table.setCurrentIndex(index)
    queue.table.setFocus()
    qtbot.keyClick(queue.table, Qt.Key.Key_Return)
    wait_idle(
        qtbot,
        window,
        lambda: (
            window.case_view.case_id == case_id
            and window.case_view.detail.status.state is CaseState.UNDER_REVIEW
        ),
    )
    return case_id


def test_an_officer_decides_a_case_each_way_through_the_dialog(
    qtbot: Any, officer_window: tuple[Any, list[str]], desk_session: DeskSession
) -> None:
    window, submitted = officer_window
    queue = review_of(window).queue
    qtbot.waitUntil(lambda: queue.model.rowCount() == 2)
    assert window.tabs.currentWidget() is queue
    assert {queue.model.row_at(r).case_id for r in range(2)} == set(submitted)
    # Submitted on Saturday 21 November 2026: due Wednesday 25 November, 3 working days on.
    assert queue.model.index(0, 0).data() == "3"
    assert queue.count.text().startswith("2 application")

    issued = open_from_queue(qtbot, window, 0)
    assert window.case_view.decide_button.isVisible()
    assert "decides by 25.11.2026" in window.case_view.review_line.text()
    # Bug: the officer read the clerk's "the application can be printed" on a submitted case.
    assert window.case_view.checklist_notes.text() == "Every step is in order."
    dialog = review_of(window).decide()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog.issue, Qt.Key.Key_Space)  # keyboard first: focus starts on Issue
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    assert "Permit number" in dialog.summary.text()
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window, lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: window.case_view.detail.status.state is CaseState.ISSUED)
    permit = payload_of(desk_session, issued, EventType.DECISION_RECORDED)["permit_number"]
    assert permit_number_is_valid(permit) and permit in window.case_view.review_line.text()
    qtbot.waitUntil(lambda: queue.model.rowCount() == 1)

    refused = open_from_queue(qtbot, window, 0)
    dialog = review_of(window).decide()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog.refuse, Qt.Key.Key_Space)
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    assert dialog.reason_error.text() == "Choose the reason for the refusal."
    dialog.reason.setCurrentIndex(dialog.reason.findData(RefusalReason.SECURITY_CHECK))
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    assert dialog.note_error.text().startswith("Explain the refusal")
    assert dialog.pages.currentIndex() == 0
    qtbot.keyClicks(dialog.note, "The security check was not passed.")
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    assert "21.11.2027" in dialog.summary.text()
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window, lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: window.case_view.detail.status.state is CaseState.REFUSED)
    payload = payload_of(desk_session, refused, EventType.DECISION_RECORDED)
    assert payload["reason_code"] == "security_check"
    assert payload["reason_text"] == "The security check was not passed."
    assert payload["reapply_not_before"] == "2027-11-21"
    assert "possible from 21.11.2027" in window.case_view.review_line.text()
    assert not window.case_view.decide_button.isVisible()
    qtbot.waitUntil(lambda: queue.model.rowCount() == 0)
    assert review_of(window).decide() is None  # nothing left to decide on this case


def test_the_clerk_submits_a_printed_case_and_a_second_submit_says_why_not(
    qtbot: Any, desk_session: DeskSession
) -> None:
    [approval] = fresh_cases(desk_session, 1)
    case_id = carry(desk_session, approval, submit=False)
    window = open_window(qtbot, desk_session)
    try:
        window.open_case(case_id)
        wait_idle(qtbot, window, lambda: window.case_view.case_id == case_id)
        assert window.case_view.submit_button.isVisible()
        qtbot.mouseClick(window.case_view.submit_button, Qt.MouseButton.LeftButton)
        box = submission_of(window).message
        assert "decides by 25.11.2026" in box.text()
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
        wait_idle(
            qtbot, window, lambda: window.case_view.detail.status.state is CaseState.SUBMITTED
        )
        assert not window.case_view.submit_button.isVisible()
        assert "Submitted on 21.11.2026" in window.case_view.review_line.text()
        submission_of(window).submit(case_id)
        qtbot.waitUntil(lambda: submission_of(window).message.objectName() == "submitRefused")
        assert "already been submitted" in submission_of(window).message.text()
        submission_of(window).message.close()
    finally:
        close_window(qtbot, window)


def test_the_refused_persons_next_approval_is_blocked_on_the_desk(
    qtbot: Any, desk_session: DeskSession
) -> None:
    [approval] = fresh_cases(desk_session, 1)
    case_id = carry(desk_session, approval, submit=True)
    officer = ReviewDesk(replace(desk_session, actor=OFFICER).context(), city="Astana")
    officer.decide(case_id, Decision.refused(RefusalReason.FALSE_INFORMATION, "Forged lease."))
    again = replace(
        approval,
        case_id="DNR-AST-26-9999999",
        approval_number="UMS-2026-999999",
        passport_number="ZZ1234567",
        approval_date=UI_TODAY,
    )
    with desk_session.store.transaction() as conn:  # pulled from central, as sync applies it
        record(
            conn,
            approval_event(again),
            origin="central",
            rules=desk_session.rules,
            strict=False,
        )
    window = open_window(qtbot, desk_session)
    try:
        window.changes.publish(Changes(worklist=True))
        window.open_case(again.case_id)
        wait_idle(qtbot, window, lambda: window.case_view.case_id == again.case_id)
        flag = window.case_view.flag_line
        assert flag.isVisible() and "Re-application locked" in flag.text()
        assert case_id in flag.text() and "21.11.2026" in flag.text()
        assert not window.case_view.record_arrival_button.isVisible()
        assert not window.arrival_action.isEnabled()
        assert window.record_arrival() is None
        assert not any(a.isEnabled() for a in window.step_actions.values())
        with pytest.raises(TransitionRefused, match="Re-application locked"):
            window.desk.record_arrival(again.case_id, UI_TODAY, "Astana airport")
        row = next(
            window.model.row_at(r)
            for r in range(window.model.rowCount())
            if window.model.row_at(r).case_id == again.case_id
        )
        assert row.flagged
    finally:
        close_window(qtbot, window)


def test_enter_goes_forward_in_the_decision_dialog_and_never_cancels(
    qtbot: Any, officer_window: tuple[Any, list[str]]
) -> None:
    """Enter is each page's default action: Continue on the form, Sign and record on the
    confirmation. Bug: after choosing Issue, Enter closed the dialog and recorded nothing."""
    window, _submitted = officer_window
    queue = review_of(window).queue
    qtbot.waitUntil(lambda: queue.model.rowCount() == 2)
    open_from_queue(qtbot, window, 0)
    dialog = review_of(window).decide()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog.issue, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.issue, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.pages.currentIndex() == 1, "Enter on the form goes to the confirmation"
    assert "Permit number" in dialog.summary.text()
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
    wait_idle(qtbot, window, lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: window.case_view.detail.status.state is CaseState.ISSUED)
