"""The decision reaches central inside its signed event; central derives the notification
outbox from it, and `central notifications --deliver` sends it through the simulator."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import MakeApproval
from tests.core.conftest import CaseBook
from tests.core.review_helpers import OFFICER, officer, submitted_case
from workstation import cli
from workstation.domain.decision import Decision, RefusalReason
from workstation.domain.lifecycle import EventType
from workstation.journal.envelope import new_event
from workstation.journal.projector import event_from_row
from workstation.services.desk import Desk
from workstation.store.local import LocalStore
from workstation.store.models import journal
from workstation.sync import notifications
from workstation.sync.gateway import CentralGateway


@pytest.fixture
def central(tmp_path: Path) -> CentralGateway:
    gateway = CentralGateway(f"sqlite:///{tmp_path / 'central.sqlite3'}")
    gateway.init_schema()
    yield gateway  # type: ignore[misc]
    gateway.dispose()


def push_journal(store: LocalStore, central: CentralGateway) -> None:
    with store.reading() as conn:
        rows = conn.execute(select(journal).order_by(journal.c.local_seq)).all()
    central.push([(event_from_row(r), "Astana") for r in rows])


def decided_cases(book: CaseBook, desk: Desk, make_approval: MakeApproval) -> tuple[str, str]:
    issued = submitted_case(
        book, desk.context, make_approval, 1, email="a@example.com", phone="+7 701"
    )
    refused = submitted_case(book, desk.context, make_approval, 2, email="b@example.com")
    review = officer(desk.context)
    review.decide(issued, Decision.issued())
    review.decide(refused, Decision.refused(RefusalReason.MEDICAL_EXAM, "Form 028/u: unfit."))
    return issued, refused


def test_central_lists_each_decision_once_and_delivers_through_the_simulator(
    book: CaseBook,
    desk: Desk,
    make_approval: MakeApproval,
    store: LocalStore,
    central: CentralGateway,
    tmp_path: Path,
) -> None:
    issued, refused = decided_cases(book, desk, make_approval)
    # A second decision made offline on another desk: every desk refuses it; never sent.
    second = new_event(
        issued,
        EventType.DECISION_RECORDED,
        {"decision": "refused", "notification": {"contact": {"email": "x@example.com"}}},
        OFFICER,
        "WS-OTHER",
        desk.context.clock,
    )
    push_journal(store, central)
    central.push([(second, "Astana")])
    waiting = notifications.pending(central)
    assert [(n.case_id, n.decision) for n in waiting] == [(issued, "issued"), (refused, "refused")]
    assert waiting[0].email == "a@example.com" and waiting[0].phone == "+7 701"
    assert set(waiting[1].messages) == {"kk", "ru", "en"}
    assert "Form 028/u: unfit." in waiting[1].messages["ru"]
    log = tmp_path / "sent.jsonl"
    report = notifications.deliver(central, notifications.SimulatedEgov(log), waiting)
    assert [n.case_id for n, _ in report.delivered] == [issued, refused] and not report.failed
    assert all(ref.startswith("SIM-") for _, ref in report.delivered)
    lines = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert [line["case_id"] for line in lines] == [issued, refused]
    assert "медицинского освидетельствования" in lines[1]["messages"]["ru"]
    assert notifications.pending(central) == []
    assert notifications.delivered_count(central) == 2
    # Delivering again sends nothing twice.
    again = notifications.deliver(central, notifications.SimulatedEgov(log), waiting[:1])
    assert again.delivered == () and again.failed == ()
    assert notifications.delivered_count(central) == 2


def test_a_decision_without_contact_stays_pending_with_the_reason(
    book: CaseBook,
    desk: Desk,
    make_approval: MakeApproval,
    store: LocalStore,
    central: CentralGateway,
) -> None:
    case_id = submitted_case(book, desk.context, make_approval, 1)  # no e-mail, no phone
    officer(desk.context).decide(case_id, Decision.issued())
    push_journal(store, central)
    [note] = notifications.pending(central)
    assert note.problem == "the approval carries no e-mail or phone for the applicant"
    report = notifications.deliver(central, notifications.SimulatedEgov(), [note])
    assert report.delivered == () and report.failed[0][1] == note.problem
    assert [n.case_id for n in notifications.pending(central)] == [case_id]
    refused_by_check = notifications.deliver(
        central, notifications.SimulatedEgov(), [note], verify=lambda _e: "unknown signer"
    )
    assert "signature does not check out" in refused_by_check.failed[0][1]


def test_the_notifications_command_lists_then_delivers(
    book: CaseBook,
    desk: Desk,
    make_approval: MakeApproval,
    store: LocalStore,
    central: CentralGateway,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    issued, refused = decided_cases(book, desk, make_approval)
    push_journal(store, central)
    assert cli.main(["central", "notifications", central.url]) == 0
    listed = capsys.readouterr().out
    assert f"{issued}  issued" in listed and f"{refused}  refused" in listed
    assert "2 notification(s) pending; 0 delivered before" in listed
    assert cli.main(["central", "notifications", central.url, "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["case_id"] for r in rows} == {issued, refused}
    log = tmp_path / "out.jsonl"
    code = cli.main(
        ["central", "notifications", central.url, "--deliver", "--simulator-log", str(log)]
    )
    out = capsys.readouterr().out
    assert code == 0 and "2 delivered through the e-government SIMULATOR" in out
    assert len(log.read_text(encoding="utf-8").splitlines()) == 2
    assert cli.main(["central", "notifications", central.url]) == 0
    assert "0 notification(s) pending; 2 delivered before" in capsys.readouterr().out
