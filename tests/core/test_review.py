"""Submission (clerk), the review queue and the decision (migration officer), the permit
number, the applicant's notification and annulment leaving the queues (issue 9)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from tests.conftest import TODAY, MakeApproval
from tests.core.conftest import CaseBook
from tests.core.review_helpers import (
    OFFICER,
    SUPERVISOR,
    day,
    officer,
    printed_case,
    submitted_case,
)
from workstation.domain.calendar import WorkingCalendar
from workstation.domain.clock import KAZAKHSTAN_TIME, FixedClock
from workstation.domain.decision import (
    Decision,
    DecisionInvalid,
    RefusalReason,
    decision_due,
    decision_payload,
    message,
    permit_number,
    permit_number_is_valid,
    reapply_not_before,
    working_days_left,
)
from workstation.domain.lifecycle import CaseState, EventType, TransitionRefused
from workstation.journal.projector import rebuild_projections
from workstation.security.roles import NotPermitted
from workstation.services.context import DeskContext
from workstation.services.desk import Desk
from workstation.services.review import ReviewDesk
from workstation.services.submission import NotReadyToSubmit, SubmissionDesk
from workstation.services.worklist import StatusFilter, WorklistQuery
from workstation.store.local import LocalStore
from workstation.store.models import cases, journal

KZ = WorkingCalendar()


def clock_on(d: date) -> FixedClock:
    return FixedClock(datetime.combine(d, time(11, 0), KAZAKHSTAN_TIME).astimezone(UTC))


def events_of(store: LocalStore, case_id: str, event_type: EventType) -> list[dict[str, object]]:
    with store.reading() as conn:
        rows = conn.execute(
            select(journal.c.payload).where(
                (journal.c.case_id == case_id) & (journal.c.type == str(event_type))
            )
        ).scalars()
        return [json.loads(r) for r in rows]


def case_row(store: LocalStore, case_id: str) -> object:
    with store.reading() as conn:
        return conn.execute(select(cases).where(cases.c.case_id == case_id)).one()


def journal_size(store: LocalStore) -> int:
    with store.reading() as conn:
        return int(conn.execute(select(func.count()).select_from(journal)).scalar_one())


# --- due dates on the working calendar -----------------------------------------------------


def test_due_date_is_three_working_days_after_submission() -> None:
    assert decision_due(day("2026-03-10"), 3, KZ) == day("2026-03-13")  # Tue -> Fri
    assert decision_due(day("2026-03-12"), 3, KZ) == day("2026-03-17")  # Thu -> over the weekend


def test_due_date_skips_nauryz_and_its_observed_days() -> None:
    # 21-23 March 2026 fall on Sat-Mon; the weekend days move to Tue 24 and Wed 25.
    assert decision_due(day("2026-03-20"), 3, KZ) == day("2026-03-30")


def test_due_date_counts_a_working_sunday_and_skips_the_transferred_day_off() -> None:
    # 2025: Friday 3 January was a day off transferred from Sunday 5 January, a working day;
    # 7 January (Orthodox Christmas) on a Tuesday is a day off.
    assert decision_due(day("2024-12-31"), 3, KZ) == day("2025-01-08")
    assert decision_due(day("2025-01-02"), 1, KZ) == day("2025-01-05")


def test_a_later_decree_given_as_calendar_data_moves_the_due_date() -> None:
    decree = WorkingCalendar(extra_working_days=[day("2026-03-28")])  # a working Saturday
    assert decision_due(day("2026-03-20"), 3, decree) == day("2026-03-28")
    off = WorkingCalendar(extra_days_off=[day("2026-03-11")])
    assert decision_due(day("2026-03-10"), 3, off) == day("2026-03-16")


def test_working_days_left_is_zero_on_the_due_date_and_negative_after() -> None:
    due = day("2026-03-13")  # a Friday
    assert working_days_left(day("2026-03-10"), due, KZ) == 3
    assert working_days_left(due, due, KZ) == 0
    assert working_days_left(day("2026-03-14"), due, KZ) == -1  # Saturday: overdue already
    assert working_days_left(day("2026-03-16"), due, KZ) == -1
    assert working_days_left(day("2026-03-18"), due, KZ) == -3


# --- submission ------------------------------------------------------------------------------


def test_the_clerk_submits_a_printed_case_with_its_due_date(
    book: CaseBook, context: DeskContext, make_approval: MakeApproval, store: LocalStore
) -> None:
    case_id = printed_case(book, context, make_approval, 1)
    changes = SubmissionDesk(context).submit(case_id)
    assert changes.state is CaseState.SUBMITTED and changes.case_ids == {case_id}
    [payload] = events_of(store, case_id, EventType.APPLICATION_SUBMITTED)
    assert payload["submitted_on"] == "2026-03-10"
    assert payload["due_date"] == "2026-03-13"
    assert payload["working_days"] == 3
    assert isinstance(payload["print_digest"], str) and len(payload["print_digest"]) == 64
    row = case_row(store, case_id)
    assert (row.submitted_on, row.due_date) == (TODAY, day("2026-03-13"))  # type: ignore[attr-defined]


def test_submission_before_nauryz_is_due_after_it(
    book: CaseBook, context: DeskContext, make_approval: MakeApproval, store: LocalStore
) -> None:
    case_id = printed_case(book, context, make_approval, 1)
    late = replace(context, clock=clock_on(day("2026-03-20")))
    SubmissionDesk(late).submit(case_id)
    assert case_row(store, case_id).due_date == day("2026-03-30")  # type: ignore[attr-defined]


def test_submitting_twice_is_refused_and_writes_nothing(
    book: CaseBook, context: DeskContext, make_approval: MakeApproval, store: LocalStore
) -> None:
    case_id = submitted_case(book, context, make_approval, 1)
    before = journal_size(store)
    with pytest.raises(TransitionRefused, match="already been submitted"):
        SubmissionDesk(context).submit(case_id)
    officer(context).open_case(case_id)  # under review: still "already submitted"
    with pytest.raises(TransitionRefused, match="already been submitted"):
        SubmissionDesk(context).submit(case_id)
    assert journal_size(store) == before + 1  # only the officer's ReviewStarted


def test_an_unprinted_or_unready_case_cannot_be_submitted(
    book: CaseBook, context: DeskContext, make_approval: MakeApproval, store: LocalStore
) -> None:
    ready = make_approval(1)
    waiting = make_approval(2)
    for approval in (ready, waiting):
        book.approve(approval)
    book.arrive(ready.case_id, TODAY - timedelta(days=2))
    book.all_steps(ready.case_id)
    submission = SubmissionDesk(context)
    before = journal_size(store)
    with pytest.raises(TransitionRefused, match="Cannot submit the application: the case is ready"):
        submission.submit(ready.case_id)
    with pytest.raises(TransitionRefused, match="waiting for the applicant's arrival"):
        submission.submit(waiting.case_id)
    assert journal_size(store) == before


def test_a_certificate_that_lapsed_after_printing_stops_the_submission(
    book: CaseBook, context: DeskContext, make_approval: MakeApproval, store: LocalStore
) -> None:
    case_id = printed_case(book, context, make_approval, 1)
    months_later = replace(context, clock=clock_on(TODAY + timedelta(days=200)))
    with pytest.raises(NotReadyToSubmit) as refused:
        SubmissionDesk(months_later).submit(case_id)
    assert any("Medical" in line for line in refused.value.reasons)
    assert events_of(store, case_id, EventType.APPLICATION_SUBMITTED) == []


def test_only_a_clerk_submits(
    book: CaseBook, context: DeskContext, make_approval: MakeApproval
) -> None:
    case_id = printed_case(book, context, make_approval, 1)
    for actor in (OFFICER, SUPERVISOR):
        other = replace(context, actor=actor)
        with pytest.raises(NotPermitted, match="may not submit an application"):
            SubmissionDesk(other).submit(case_id)


# --- the officer's queue ---------------------------------------------------------------------


def test_the_queue_holds_the_regions_submitted_cases_by_due_date(
    book: CaseBook, context: DeskContext, make_approval: MakeApproval, store: LocalStore
) -> None:
    tomorrow = replace(context, clock=clock_on(day("2026-03-11")))
    late = printed_case(book, context, make_approval, 1)
    SubmissionDesk(tomorrow).submit(late)  # Wednesday: due Monday 16 March
    early = submitted_case(book, context, make_approval, 2)  # Tuesday: due Friday 13 March
    elsewhere = submitted_case(book, context, make_approval, 3, city="Almaty")
    printed_only = printed_case(book, context, make_approval, 4)
    review = officer(context, clock=tomorrow.clock)
    page = review.queue_page()
    assert [r.case_id for r in page.rows] == [early, late]
    assert [r.due_date for r in page.rows] == [day("2026-03-13"), day("2026-03-16")]
    assert [r.working_days_left for r in page.rows] == [2, 3]
    assert review.queue_count() == 2
    everywhere = officer(context, city=None).queue_page()
    assert {r.case_id for r in everywhere.rows} == {early, late, elsewhere}
    assert printed_only not in {r.case_id for r in everywhere.rows}


def test_the_queue_pages_by_due_date_and_shows_overdue_cases(
    book: CaseBook, context: DeskContext, make_approval: MakeApproval, store: LocalStore
) -> None:
    ids = [submitted_case(book, context, make_approval, n) for n in range(1, 6)]
    later = officer(context, clock=clock_on(day("2026-03-17")))
    first = later.queue_page(limit=2)
    assert first.more and first.after is not None
    second = later.queue_page(after=first.after, limit=2)
    third = later.queue_page(after=second.after, limit=2)
    assert [r.case_id for p in (first, second, third) for r in p.rows] == sorted(ids)
    assert not third.more
    assert all(r.overdue and r.working_days_left == -2 for r in first.rows)


def test_opening_a_submitted_case_starts_the_review_once(
    book: CaseBook, context: DeskContext, make_approval: MakeApproval, store: LocalStore
) -> None:
    case_id = submitted_case(book, context, make_approval, 1)
    review = officer(context)
    opened = review.open_case(case_id)
    assert opened.changes.state is CaseState.UNDER_REVIEW
    assert opened.detail.status.state is CaseState.UNDER_REVIEW
    assert opened.detail.due_date == day("2026-03-13")
    again = review.open_case(case_id)
    assert again.changes.event_ids == ()
    assert len(events_of(store, case_id, EventType.REVIEW_STARTED)) == 1
    with pytest.raises(NotPermitted):
        ReviewDesk(context, city="Astana").open_case(case_id)  # a clerk


# --- the decision ------------------------------------------------------------------------------


def test_issuing_records_the_permit_number_and_the_notification(
    book: CaseBook, context: DeskContext, make_approval: MakeApproval, store: LocalStore
) -> None:
    case_id = submitted_case(
        book, context, make_approval, 1, email="anna@example.com", phone="+7 701 000 0001"
    )
    review = officer(context)
    review.open_case(case_id)
    changes = review.decide(case_id, Decision.issued())
    assert changes.state is CaseState.ISSUED
    [payload] = events_of(store, case_id, EventType.DECISION_RECORDED)
    assert payload["decision"] == "issued" and payload["decided_on"] == "2026-03-10"
    number = payload["permit_number"]
    assert number == permit_number(case_id, TODAY) and permit_number_is_valid(str(number))
    note = payload["notification"]
    assert note["contact"] == {"email": "anna@example.com", "phone": "+7 701 000 0001"}  # type: ignore[index]
    for language in ("kk", "ru", "en"):
        assert number in note["messages"][language]  # type: ignore[index]
    row = case_row(store, case_id)
    assert row.state == "issued" and row.permit_number == number  # type: ignore[attr-defined]
    assert row.decided_on == TODAY and row.reapply_not_before is None  # type: ignore[attr-defined]
    assert review.queue_page().rows == ()


def test_refusing_needs_a_reason_and_an_explanation(
    book: CaseBook, context: DeskContext, make_approval: MakeApproval, store: LocalStore
) -> None:
    case_id = submitted_case(book, context, make_approval, 1)
    review = officer(context)
    before = journal_size(store)
    with pytest.raises(DecisionInvalid, match="Explain the refusal") as no_note:
        review.decide(case_id, Decision.refused(RefusalReason.MEDICAL_EXAM, "   "))
    assert no_note.value.field == "note"
    with pytest.raises(DecisionInvalid, match="Unknown refusal reason"):
        Decision.refused("bad_mood", "Because.")
    with pytest.raises(DecisionInvalid, match="Choose the reason"):
        review.decide(case_id, Decision(issue=False, note="Because."))
    assert journal_size(store) == before
    review.decide(
        case_id, Decision.refused(RefusalReason.FALSE_INFORMATION, "Housing  agreement forged.")
    )
    [payload] = events_of(store, case_id, EventType.DECISION_RECORDED)
    assert payload["reason_code"] == "false_information"
    assert payload["reason_text"] == "Housing agreement forged."
    assert payload["reapply_not_before"] == "2027-03-10"
    assert "permit_number" not in payload
    row = case_row(store, case_id)
    assert row.state == "refused" and row.refusal_reason == "false_information"  # type: ignore[attr-defined]
    assert row.reapply_not_before == day("2027-03-10")  # type: ignore[attr-defined]


def test_a_decided_or_unsubmitted_case_cannot_be_decided(
    book: CaseBook, context: DeskContext, make_approval: MakeApproval, store: LocalStore
) -> None:
    decided = submitted_case(book, context, make_approval, 1)
    printed = printed_case(book, context, make_approval, 2)
    review = officer(context)
    review.decide(decided, Decision.issued())
    with pytest.raises(TransitionRefused, match="the permit was issued"):
        review.decide(decided, Decision.refused(RefusalReason.OTHER, "Second thoughts."))
    with pytest.raises(TransitionRefused, match="Cannot decide on the application"):
        review.decide(printed, Decision.issued())
    with pytest.raises(NotPermitted, match="As a supervisor you may not decide"):
        ReviewDesk(replace(context, actor=SUPERVISOR), city="Astana").decide(
            printed, Decision.issued()
        )


def test_the_officer_views_the_application_as_printed(
    book: CaseBook, context: DeskContext, make_approval: MakeApproval, store: LocalStore
) -> None:
    from workstation.services.audit import AuditLog

    case_id = submitted_case(book, context, make_approval, 1)
    audit = AuditLog(store, workstation_id=context.workstation_id, clock=context.clock)
    review = ReviewDesk(replace(context, actor=OFFICER, audit=audit), city="Astana")
    [submitted] = events_of(store, case_id, EventType.APPLICATION_SUBMITTED)
    document = review.prints().application(case_id)
    assert document.pdf.startswith(b"%PDF") and document.digest == submitted["print_digest"]
    viewed = [e for e in audit.entries() if e.action.value == "view_document"]
    assert [(e.subject, e.actor_iin) for e in viewed] == [(case_id, OFFICER.iin)]


def test_rebuilt_projections_keep_the_submission_and_decision(
    book: CaseBook, context: DeskContext, make_approval: MakeApproval, store: LocalStore
) -> None:
    issued = submitted_case(book, context, make_approval, 1)
    refused = submitted_case(book, context, make_approval, 2)
    review = officer(context)
    review.decide(issued, Decision.issued())
    review.decide(refused, Decision.refused(RefusalReason.SECURITY_CHECK, "Not passed."))
    with store.reading() as conn:
        live = conn.execute(select(cases).order_by(cases.c.case_id)).all()
    with store.transaction() as conn:
        rebuild_projections(conn, context.rules)
    with store.reading() as conn:
        assert conn.execute(select(cases).order_by(cases.c.case_id)).all() == live


# --- permit numbers, re-application date, messages -------------------------------------------


def test_permit_numbers_are_deterministic_unique_and_checked() -> None:
    first = permit_number("DNR-AST-26-0000001", day("2026-03-10"))
    assert first.startswith("RP-2026-AST-26-0000001-") and permit_number_is_valid(first)
    assert first == permit_number("DNR-AST-26-0000001", day("2026-12-31"))
    assert first != permit_number("DNR-AST-26-0000002", day("2026-03-10"))
    assert first != permit_number("DNR-ALA-26-0000001", day("2026-03-10"))
    typo = first.replace("0000001", "0000007")
    swapped = first.replace("AST", "SAT")
    assert not permit_number_is_valid(typo) and not permit_number_is_valid(swapped)
    with pytest.raises(ValueError, match="case id"):
        permit_number("DNR-AST 26", day("2026-03-10"))


def test_reapply_date_is_one_year_later_and_a_leap_day_gives_28_february() -> None:
    assert reapply_not_before(day("2026-03-10")) == day("2027-03-10")
    assert reapply_not_before(day("2028-02-29")) == day("2029-02-28")
    assert reapply_not_before(day("2027-02-28")) == day("2028-02-28")
    assert reapply_not_before(day("2028-02-29"), 4) == day("2032-02-29")


def test_the_notification_reads_right_in_kazakh_russian_and_english(
    make_approval: MakeApproval,
) -> None:
    approval = make_approval(1, surname_cyr="ИВАНОВА", given_names_cyr="АННА", sex="F")
    refused = decision_payload(
        Decision.refused(RefusalReason.INVALID_DOCUMENTS, "Паспорт недействителен."),
        approval,
        day("2026-03-10"),
    )
    kk, ru, en = (message(lang, refused, approval) for lang in ("kk", "ru", "en"))
    assert kk.startswith("Құрметті ИВАНОВА АННА!")
    assert "қанағаттандырудан бас тартылды" in kk and "2027 жылғы 10 наурыздан бастап" in kk
    assert "ұсынылған құжаттар жарамсыз немесе толық емес" in kk
    assert ru.startswith("Уважаемая ИВАНОВА АННА!")
    assert "принято решение об отказе" in ru and "не ранее 10.03.2027" in ru
    assert "представленные документы недействительны или неполны" in ru
    assert en.startswith("Dear IVANOVA ANNA, ") and "has been refused" in en
    assert "You may apply again from 10.03.2027." in en
    for text in (kk, ru, en):
        assert approval.case_id in text and "Паспорт недействителен." in text
    issued = decision_payload(Decision.issued(), approval, day("2026-03-10"))
    texts = issued["notification"]["messages"]
    assert "қанағаттандырылды" in texts["kk"] and "Астана" in texts["kk"]
    assert "удовлетворено" in texts["ru"] and "has been approved" in texts["en"]
    assert all(issued["permit_number"] in t for t in texts.values())
    man = make_approval(2, sex="M")
    assert message("ru", issued, man).startswith("Уважаемый IVANOVA ANNA")  # no Cyrillic: Latin
    with pytest.raises(ValueError, match="Unknown language"):
        message("de", issued, approval)


def test_every_refusal_reason_has_a_text_in_each_language() -> None:
    for reason in RefusalReason:
        texts = [reason.text(lang) for lang in ("kk", "ru", "en")]
        assert all(texts) and len(set(texts)) == 3
        assert texts[2].isascii() and not texts[1].isascii()


# --- annulment ----------------------------------------------------------------------------------


def test_an_approval_whose_window_closed_leaves_the_worklist_and_queue(
    book: CaseBook, context: DeskContext, make_approval: MakeApproval, store: LocalStore
) -> None:
    lapsed = make_approval(1, approval_date=TODAY - timedelta(days=31))
    fresh = make_approval(2, approval_date=TODAY - timedelta(days=3))
    book.approve(lapsed)
    book.approve(fresh)
    old_but_submitted = submitted_case(
        book, context, make_approval, 3, approval_date=TODAY - timedelta(days=20)
    )
    later = replace(context, clock=clock_on(TODAY + timedelta(days=15)))
    # The window of case 3 has closed too by then, but its applicant entered in time.
    for today_desk in (Desk(context), Desk(later)):
        open_ids = {r.case_id for r in today_desk.worklist_page(WorklistQuery()).rows}
        assert open_ids == {fresh.case_id}
        annulled = {
            r.case_id
            for r in today_desk.worklist_page(WorklistQuery(status=StatusFilter.ANNULLED)).rows
        }
        assert annulled == {lapsed.case_id}
    assert Desk(later).case_detail(lapsed.case_id).effective_state is CaseState.ANNULLED
    queue = officer(later).queue_page()
    assert [r.case_id for r in queue.rows] == [old_but_submitted]
    # Derived, not written: no Annulled event in the journal.
    with store.reading() as conn:
        types = set(conn.execute(select(journal.c.type)).scalars())
    assert str(EventType.ANNULLED) not in types
