"""The supervisor's dashboard shows the figures of a seeded desk, which this test counts on
its own, in plain Python over the journal's events (not with workstation.reports)."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import statistics
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QTabWidget
from sqlalchemy import select

from tests.core.conftest import CLERK, CaseBook
from tests.ui.conftest import wait_idle
from workstation.domain.calendar import default_calendar
from workstation.domain.clock import KAZAKHSTAN_TIME, FixedClock
from workstation.domain.lifecycle import EventType, TransitionRefused
from workstation.journal.envelope import Actor, new_event, parse_instant
from workstation.journal.projector import record
from workstation.services.setup import DeskSession
from workstation.store.models import cases, journal

SUPERVISOR = Actor(iin="800101300011", name="TEST SUPERVISOR", role="supervisor")
OFFICER = Actor(iin="870203300015", name="TEST OFFICER", role="migration_officer")
PERIOD = (date(2026, 11, 1), date(2026, 11, 30))  # "this month" on the UI clock's day
WINDOW_DAYS = 30


def at(day: date, hour: int = 11) -> datetime:
    return datetime.combine(day, time(hour), KAZAKHSTAN_TIME).astimezone(UTC)


def put(session: DeskSession, case_id: str, kind: EventType, payload: dict[str, Any],
        day: date, actor: Actor = CLERK) -> None:  # fmt: skip
    event = new_event(case_id, kind, payload, actor, "WS-UI-1", FixedClock(at(day)))
    with session.store.transaction() as conn:
        record(conn, event, origin="local", rules=session.rules, strict=True)


def seed(session: DeskSession) -> None:
    """Carry the desk's cases along: arrivals, and for some the steps, print, submission and
    a decision by an officer, all on days up to the UI clock's today."""
    today = session.clock.today()
    book = CaseBook(session.store, session.rules, session.clock)  # type: ignore[arg-type]
    calendar = default_calendar()
    with session.store.reading() as conn:
        rows = conn.execute(
            select(cases.c.case_id, cases.c.approval_date).order_by(cases.c.case_id)
        ).all()
    for n, (case_id, approval_date) in enumerate(rows):
        if n % 5 == 4:
            continue  # waits for its applicant
        entry = approval_date + timedelta(days=1 + n % 4)
        if entry > today:
            continue
        put(session, case_id, EventType.ARRIVAL_RECORDED,
            {"entry_date": entry.isoformat(), "border_point": "NQZ"}, entry)  # fmt: skip
        if n % 5 == 3 or entry > today - timedelta(days=3):
            continue  # still at the desk
        for kind, payload in book.step_events(case_id, entry):
            put(session, case_id, kind, payload, entry)
        try:
            put(session, case_id, EventType.APPLICATION_PRINTED, {"copies": 1}, entry)
        except TransitionRefused:
            continue  # a checklist item fails (e.g. a passport about to expire): not ready
        submitted = entry + timedelta(days=1)
        due = calendar.add_working_days(submitted, 3)
        dates = {"submitted_on": submitted.isoformat(), "due_date": due.isoformat()}
        put(session, case_id, EventType.APPLICATION_SUBMITTED, dates, submitted)
        decided = submitted + timedelta(days=1 + n % 6)
        if decided <= today:
            put(session, case_id, EventType.REVIEW_STARTED, {}, submitted, OFFICER)
            decision = "refused" if n % 7 == 0 else "issued"
            put(session, case_id, EventType.DECISION_RECORDED, {"decision": decision},
                decided, OFFICER)  # fmt: skip


def expected(session: DeskSession) -> dict[str, Any]:
    """The dashboard's figures, counted from the journal's applied events."""
    start, end = PERIOD
    today = session.clock.today()
    city = session.identity.city
    with session.store.reading() as conn:
        events = conn.execute(
            select(journal.c.case_id, journal.c.type, journal.c.payload, journal.c.recorded_at,
                   journal.c.actor_iin)
            .where(journal.c.outcome == "applied")
            .order_by(journal.c.local_seq)
        ).all()  # fmt: skip
    approvals: dict[str, date] = {}
    entries: dict[str, date] = {}
    submissions: dict[str, tuple[date, date]] = {}
    decisions: dict[str, tuple[str, date]] = {}
    clerk_events = 0
    for case_id, kind, payload_text, recorded_at, actor in events:
        payload = json.loads(payload_text)
        day = parse_instant(recorded_at).astimezone(KAZAKHSTAN_TIME).date()
        if kind == "ArrivalApproved":
            if payload["city"] == city:
                approvals[case_id] = date.fromisoformat(payload["approval_date"])
            continue
        if case_id not in approvals:
            continue
        if actor == CLERK.iin and start <= day <= end:
            clerk_events += 1
        if kind == "ArrivalRecorded":
            entries[case_id] = date.fromisoformat(payload["entry_date"])
        elif kind == "ApplicationSubmitted":
            submissions[case_id] = (day, date.fromisoformat(payload["due_date"]))
        elif kind == "DecisionRecorded":
            decisions[case_id] = (payload["decision"], day)
    in_period = lambda d: start <= d <= end  # noqa: E731
    arrived = {c: e for c, e in entries.items() if in_period(e)
               and e <= approvals[c] + timedelta(days=WINDOW_DAYS)}  # fmt: skip
    annulled = [c for c, a in approvals.items() if c not in entries
                and start <= a + timedelta(days=WINDOW_DAYS + 1) <= min(end, today)]  # fmt: skip
    decided = {c: v for c, v in decisions.items() if in_period(v[1])}
    waits = [(day - submissions[c][0]).days for c, (_, day) in decided.items()]
    on_time = [c for c, (_, day) in decided.items() if day <= submissions[c][1]]
    window = sorted(
        c for c, a in approvals.items()
        if c not in entries and today <= a + timedelta(days=WINDOW_DAYS) <= today + timedelta(3)
    )  # fmt: skip
    return {
        "approved": sum(1 for a in approvals.values() if in_period(a)),
        "arrived": len(arrived),
        "annulled": len(annulled),
        "submitted": sum(1 for d, _ in submissions.values() if in_period(d)),
        "issued": sum(1 for v, _ in decided.values() if v == "issued"),
        "refused": sum(1 for v, _ in decided.values() if v == "refused"),
        "to_arrival": statistics.median((e - approvals[c]).days for c, e in arrived.items()),
        "to_decision": statistics.median(waits),
        "in_time": f"{100 * len(on_time) / len(decided):.1f} %",
        "window": window,
        "clerk_events": clerk_events,
    }


@pytest.fixture
def supervisor_window(qtbot, desk_session: DeskSession) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    seed(desk_session)
    desk_session.actor = SUPERVISOR
    window = MainWindow(desk_session)
    window.show()
    panel = dashboard_of(window)
    wait_idle(qtbot, window, lambda: panel.report is not None)
    yield window
    wait_idle(qtbot, window)
    window.close()
    window.runner.shutdown()
    window.deleteLater()


def dashboard_of(window: Any) -> Any:
    from ui.features.reports import ReportsFeature

    reports = window.feature(ReportsFeature)
    assert reports is not None
    return reports.panel


def number(text: str) -> float:
    return float(text.replace(",", ".").split()[0])


def test_the_dashboard_shows_the_figures_counted_from_the_journal(
    supervisor_window: Any, desk_session: DeskSession
) -> None:
    want = expected(desk_session)
    assert want["submitted"] > 3 and want["issued"] and want["refused"] and want["annulled"]
    panel = dashboard_of(supervisor_window)
    tabs = supervisor_window.findChild(QTabWidget, "mainTabs")
    assert tabs.currentWidget() is panel  # a supervisor starts on the dashboard
    for key in ("approved", "arrived", "annulled", "submitted", "issued", "refused"):
        assert panel.tiles[key].number.text() == str(want[key]), key
    assert number(panel.tiles["to_arrival"].number.text()) == want["to_arrival"]
    assert number(panel.tiles["to_decision"].number.text()) == want["to_decision"]
    assert panel.tiles["in_time"].number.text().replace(",", ".") == want["in_time"]
    shown = [panel.window_table.item(r, 0).text() for r in range(panel.window_table.rowCount())]
    assert shown == want["window"]
    rows = {panel.staff_table.item(r, 0).text(): r for r in range(panel.staff_table.rowCount())}
    clerk_row = rows["IIN ******400017"]  # the test clerk has no staff record on this desk
    assert int(panel.staff_table.item(clerk_row, 8).text()) == want["clerk_events"]
    assert "Astana" in panel.status.text()


def test_a_shorter_period_is_counted_again(qtbot, supervisor_window: Any) -> None:  # type: ignore[no-untyped-def]
    panel = dashboard_of(supervisor_window)
    with qtbot.waitSignal(panel.shown, timeout=10_000):
        panel.to_date.setDate(panel.from_date.date())  # 1 November only
    approved_on_the_first = panel.report.funnel.approved
    assert panel.tiles["approved"].number.text() == str(approved_on_the_first)
    assert panel.report.period.days == 1


def test_exports_write_the_shown_report(
    qtbot,
    supervisor_window: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    panel = dashboard_of(supervisor_window)
    target = tmp_path / "report"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    panel.language.setCurrentIndex(panel.language.findData("ru"))
    with qtbot.waitSignal(panel.exported, timeout=20_000) as written:
        qtbot.mouseClick(panel.pdf_button, Qt.MouseButton.LeftButton)
    assert written.args == [str(target.with_suffix(".pdf"))]
    assert target.with_suffix(".pdf").read_bytes().startswith(b"%PDF-")
    with qtbot.waitSignal(panel.exported, timeout=20_000):
        qtbot.mouseClick(panel.csv_button, Qt.MouseButton.LeftButton)
    if os.name == "posix":  # names and IINs of applicants: the desk's OS user only
        modes = {stat.S_IMODE(target.with_suffix(s).stat().st_mode) for s in (".pdf", ".csv")}
        assert modes == {0o600}
    text = target.with_suffix(".csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    summary = {row[0]: row[1] for row in rows if len(row) == 2}
    assert summary["Одобрено"] == panel.tiles["approved"].number.text()
    assert "Saved to" in panel.status.text()


def test_other_roles_get_no_dashboard(main_window: Any) -> None:
    from ui.features.reports import ReportsFeature

    assert main_window.feature(ReportsFeature) is None  # the demo clerk
    menus = [a.text() for a in main_window.menuBar().actions()]
    assert "&Reports" not in menus
