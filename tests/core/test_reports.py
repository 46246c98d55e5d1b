"""The supervisor's report: figures of a small hand-built desk (period ends, Kazakhstan
midnight, derived annulments, centers), and the PDF and CSV read back."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from pypdf import PdfReader

from tests.conftest import MakeApproval
from tests.core.conftest import CLERK, WORKSTATION, CaseBook
from workstation.domain.calendar import default_calendar
from workstation.domain.clock import KAZAKHSTAN_TIME, FixedClock
from workstation.domain.lifecycle import EventType
from workstation.domain.programme import DEFAULT_RULES, ProgrammeRules
from workstation.journal.envelope import Actor, Event, new_event
from workstation.journal.projector import record
from workstation.reports import (
    InvalidReportPeriod,
    ReportData,
    ReportPeriod,
    UnknownCenter,
    UnknownLanguage,
    render_csv,
    render_pdf,
    texts_for,
)
from workstation.reports.model import Funnel, StaffWork, WeekFigures, WindowEnding, masked_iin
from workstation.security.roles import NotPermitted
from workstation.services.context import DeskContext
from workstation.services.reports import ReportDesk
from workstation.services.staff import StaffRecord, put_staff
from workstation.store.local import LocalStore

OFFICER = Actor(iin="870203300015", name="OFFICER", role="migration_officer", cert_fingerprint="")
SUPERVISOR = Actor(iin="800101300011", name="TEST SUPERVISOR", role="supervisor")
SYSTEM = Actor(iin="000000000000", name="UMS", role="")
OFFICER_DESK = "UMS-AST-01"
NOVEMBER = ReportPeriod(date(2026, 11, 1), date(2026, 11, 30))
# The report is made on 2 December 2026, so November is wholly in the past.
REPORT_CLOCK = FixedClock(datetime(2026, 12, 2, 6, 0, tzinfo=UTC))


def d(text: str) -> date:
    return date.fromisoformat(text)


def local(day: str, hour: int = 11, minute: int = 0) -> datetime:
    """A Kazakhstan wall-clock time as the UTC instant events carry."""
    return datetime.combine(d(day), time(hour, minute), KAZAKHSTAN_TIME).astimezone(UTC)


class Desk:
    """Events written through the real projector, each at a chosen instant and by a chosen
    person; the approvals as the desk pulls them."""

    def __init__(self, store: LocalStore, book: CaseBook, make_approval: MakeApproval) -> None:
        self.store, self.book, self.make_approval = store, book, make_approval
        self.n = 0

    def approve(self, approval_date: str, city: str = "Astana") -> str:
        self.n += 1
        approval = self.make_approval(self.n, approval_date=d(approval_date), city=city)
        self.book.approve(approval)
        return approval.case_id

    def event(
        self,
        case_id: str,
        kind: EventType,
        payload: dict[str, Any] | None,
        at: datetime,
        actor: Actor = CLERK,
        workstation: str = WORKSTATION,
        *,
        strict: bool = True,
    ) -> Event:
        event = new_event(case_id, kind, payload or {}, actor, workstation, FixedClock(at))
        with self.store.transaction() as conn:
            record(conn, event, origin="local" if strict else "central",
                   rules=self.book.rules, strict=strict)  # fmt: skip
        return event

    def arrive(self, case_id: str, entry: str, on: str | None = None) -> None:
        payload = {"entry_date": entry, "border_point": "Astana airport"}
        self.event(case_id, EventType.ARRIVAL_RECORDED, payload, local(on or entry))

    def ready_and_printed(self, case_id: str, day: str) -> None:
        for kind, payload in self.book.step_events(case_id, d(day)):
            self.event(case_id, kind, payload, local(day))
        self.event(case_id, EventType.APPLICATION_PRINTED, {"copies": 1}, local(day, 12))

    def submit(self, case_id: str, at: datetime, payload: dict[str, Any] | None = None) -> None:
        self.event(case_id, EventType.APPLICATION_SUBMITTED, payload, at)

    def decide(self, case_id: str, decision: str, at: datetime, review_at: datetime) -> None:
        self.event(case_id, EventType.REVIEW_STARTED, {}, review_at, OFFICER, OFFICER_DESK)
        self.event(case_id, EventType.DECISION_RECORDED, {"decision": decision}, at, OFFICER,
                   OFFICER_DESK)  # fmt: skip


@pytest.fixture
def seeded(
    store: LocalStore, book: CaseBook, make_approval: MakeApproval, rules: ProgrammeRules
) -> dict[str, Any]:
    """The hand-built desk; the comments say what each case is for in November 2026."""
    desk = Desk(store, book, make_approval)
    c: dict[str, Any] = {}
    c["c1"] = desk.approve("2026-10-31")  # approved before, entered in November (2 days)
    desk.arrive(c["c1"], "2026-11-02")
    c["c2"] = desk.approve("2026-11-01")  # entered after 4 days; decided in time
    desk.arrive(c["c2"], "2026-11-05")
    desk.ready_and_printed(c["c2"], "2026-11-05")
    desk.submit(c["c2"], local("2026-11-05"),
                {"submitted_on": "2026-11-05", "due_date": "2026-11-10"})  # fmt: skip
    desk.decide(c["c2"], "issued", local("2026-11-09"), local("2026-11-06"))
    c["c3"] = desk.approve("2026-11-02")  # entered after 1 day; refused late (due 6 Nov)
    desk.arrive(c["c3"], "2026-11-03")
    desk.ready_and_printed(c["c3"], "2026-11-03")
    desk.submit(c["c3"], local("2026-11-03"),
                {"submitted_on": "2026-11-03", "due_date": "2026-11-06"})  # fmt: skip
    desk.decide(c["c3"], "refused", local("2026-11-12"), local("2026-11-04"))
    c["c4"] = desk.approve("2026-11-03")  # submitted at 23:30 on 30 Nov (18:30 UTC)
    desk.arrive(c["c4"], "2026-11-04")
    desk.ready_and_printed(c["c4"], "2026-11-04")
    desk.submit(c["c4"], local("2026-11-30", 23, 30))
    c["c5"] = desk.approve("2026-10-01")  # submitted in October, decided at 00:10 on 1 Dec
    desk.arrive(c["c5"], "2026-10-03")
    desk.ready_and_printed(c["c5"], "2026-10-05")
    desk.submit(c["c5"], local("2026-10-30"))
    desk.decide(c["c5"], "issued", local("2026-12-01", 0, 10), local("2026-11-30", 23, 0))
    c["c6"] = desk.approve("2026-10-20")  # submitted at 00:20 on 1 Nov (31 Oct in UTC)
    desk.arrive(c["c6"], "2026-10-25")
    desk.ready_and_printed(c["c6"], "2026-10-28")
    desk.submit(c["c6"], local("2026-11-01", 0, 20))
    c["c7"] = desk.approve("2026-10-01")  # window ends 31 Oct, no entry: annulled 1 Nov
    c["c8"] = desk.approve("2026-09-30")  # window ends 30 Oct: annulled 31 Oct
    c["c9"] = desk.approve("2026-10-31")  # window ends 30 Nov: annulled 1 Dec
    c["c10"] = desk.approve("2026-10-05")  # window ends 4 Nov; entered 6 Nov: annulled 5 Nov
    desk.arrive(c["c10"], "2026-11-06")
    c["c11"] = desk.approve("2026-11-10")  # annulled by an event on 15 Nov
    desk.event(c["c11"], EventType.ANNULLED, {"reason": "withdrawn"}, local("2026-11-15"),
               SYSTEM, "UMS-DP")  # fmt: skip
    c["c12"] = desk.approve("2026-11-03")  # window ends 3 Dec: on the 3-day list of 2 Dec
    c["c13"] = desk.approve("2026-11-06")  # window ends 6 Dec: not on it
    c["c14"] = desk.approve("2026-11-04", city="Almaty")  # another center
    desk.arrive(c["c14"], "2026-11-06")
    # A pulled decision on a case never submitted: journalled refused, counted nowhere.
    desk.event(c["c12"], EventType.DECISION_RECORDED, {"decision": "issued"},
               local("2026-11-20"), OFFICER, OFFICER_DESK, strict=False)  # fmt: skip
    with store.transaction() as conn:
        put_staff(conn, StaffRecord(CLERK.iin, "ASANOVA AIGERIM", "clerk", "TSON-AST-1",
                                    "Astana"), REPORT_CLOCK.now())  # fmt: skip
    c["steps"] = len(book.step_events(c["c1"], d("2026-11-05")))
    return c


def reports(
    store: LocalStore, actor: Actor = SUPERVISOR, clock: FixedClock = REPORT_CLOCK
) -> ReportDesk:
    return ReportDesk(
        DeskContext(
            store, actor=actor, workstation_id=WORKSTATION, rules=DEFAULT_RULES, clock=clock
        )
    )


def test_the_figures_of_november_for_astana(store: LocalStore, seeded: dict[str, Any]) -> None:
    data = reports(store).report(NOVEMBER, "Astana")
    # Approved: c2, c3, c4, c11, c12, c13. Annulled: c7, c10, c11. Submitted: c2, c3, c4, c6.
    assert data.funnel == Funnel(
        approved=6, arrived=4, annulled=3, submitted=4, issued=1, refused=1
    )
    assert data.median_days_to_arrival == 1.5  # c1 2, c2 4, c3 1, c4 1
    assert data.median_days_to_decision == 6.5  # c2 4 days, c3 9 days
    assert (data.decided, data.decided_in_time, data.share_in_time) == (2, 1, 0.5)
    assert [w.case_id for w in data.window_ending] == [seeded["c12"]]
    assert data.window_ending[0].days_left == 1
    assert data.as_of == date(2026, 12, 2)


def test_every_center_adds_the_other_city(store: LocalStore, seeded: dict[str, Any]) -> None:
    desk = reports(store)
    assert desk.centers() == ("Almaty", "Astana")
    data = desk.report(NOVEMBER, None)
    assert (data.funnel.approved, data.funnel.arrived) == (7, 5)
    assert data.median_days_to_arrival == 2.0
    with pytest.raises(UnknownCenter, match="Centers on this desk: Almaty, Astana"):
        desk.report(NOVEMBER, "Shymkent")


def test_kazakhstan_midnight_decides_the_day(store: LocalStore, seeded: dict[str, Any]) -> None:
    desk = reports(store)
    first_of_november = desk.report(ReportPeriod(d("2026-11-01"), d("2026-11-01")), "Astana")
    # c2 approved that day, c6 submitted at 00:20 (still 31 October in UTC), c7's window
    # closed the evening before.
    assert first_of_november.funnel == Funnel(1, 0, 1, 1, 0, 0)
    october = desk.report(ReportPeriod(d("2026-10-01"), d("2026-10-31")), "Astana")
    assert october.funnel.submitted == 1  # c5 only; c6's 00:20 on 1 Nov is not October
    assert october.funnel.annulled == 1  # c8 on 31 Oct
    december = desk.report(ReportPeriod(d("2026-12-01"), d("2026-12-02")), "Astana")
    # c5 decided at 00:10 on 1 Dec (30 Nov in UTC); c9's window closed on 30 Nov.
    assert december.funnel == Funnel(0, 0, 1, 0, 1, 0)


def test_a_derived_annulment_waits_for_the_day_of_the_report(
    store: LocalStore, seeded: dict[str, Any]
) -> None:
    on_30_november = reports(store, clock=FixedClock(local("2026-11-30", 12))).report(
        NOVEMBER, "Astana"
    )
    # c9's window ends on 30 Nov: on that day it is not annulled yet.
    assert on_30_november.funnel.annulled == 3
    assert [w.case_id for w in on_30_november.window_ending] == [
        seeded["c9"], seeded["c12"]
    ]  # fmt: skip


def test_work_per_person_and_desk(store: LocalStore, seeded: dict[str, Any]) -> None:
    data = reports(store).report(NOVEMBER, "Astana")
    steps = seeded["steps"]
    by_iin = {s.iin: s for s in data.staff}
    assert set(by_iin) == {CLERK.iin, OFFICER.iin}  # not the annulment by the system
    clerk, officer = by_iin[CLERK.iin], by_iin[OFFICER.iin]
    assert (clerk.name, clerk.role, clerk.known) == ("ASANOVA AIGERIM", "clerk", True)
    # Arrivals: c1, c2, c3, c4 and the late c10; c14 is Almaty's. Steps and prints: c2-c4.
    assert (clerk.arrivals, clerk.steps, clerk.printed, clerk.submitted) == (5, 3 * steps, 3, 4)
    assert clerk.total == 5 + 3 * steps + 3 + 4
    # c5's review (23:00 on 30 Nov) counts; its decision at 00:10 on 1 Dec and the refused
    # pulled decision do not.
    assert (officer.reviews, officer.decisions, officer.total) == (3, 2, 5)
    assert (officer.name, officer.role, officer.known) == ("******300015", "migration_officer",
                                                           False)  # fmt: skip
    desks = {w.workstation_id: w for w in data.desks}
    assert desks[WORKSTATION].events == clerk.total
    assert (desks[WORKSTATION].arrivals, desks[WORKSTATION].submitted) == (5, 4)
    assert (desks[OFFICER_DESK].events, desks[OFFICER_DESK].decided) == (5, 2)
    everyone = reports(store).report(NOVEMBER, None)
    assert {s.iin: s.arrivals for s in everyone.staff}[CLERK.iin] == 6


def test_weeks_add_up_to_the_period(store: LocalStore, seeded: dict[str, Any]) -> None:
    data = reports(store).report(NOVEMBER, "Astana")
    assert data.weeks[0].week_start == date(2026, 10, 26)  # the Monday before 1 November
    assert data.weeks[-1].week_start == date(2026, 11, 30)
    assert sum(w.approved for w in data.weeks) == data.funnel.approved
    assert sum(w.arrived for w in data.weeks) == data.funnel.arrived
    assert sum(w.submitted for w in data.weeks) == data.funnel.submitted
    assert sum(w.issued + w.refused for w in data.weeks) == data.funnel.decided
    assert data.weeks[-1].submitted == 1  # c4 at 23:30 on Monday 30 November


def test_only_a_supervisor_gets_a_report(store: LocalStore, seeded: dict[str, Any]) -> None:
    with pytest.raises(NotPermitted, match="As a clerk you may not view and print reports"):
        reports(store, actor=CLERK).report(NOVEMBER, None)
    data = reports(store).report(NOVEMBER, None)
    with pytest.raises(NotPermitted):
        reports(store, actor=OFFICER).export(data, "pdf", "ru")


def test_a_period_must_make_sense() -> None:
    with pytest.raises(InvalidReportPeriod, match=r"ends .* before it starts"):
        ReportPeriod(d("2026-11-30"), d("2026-11-01"))
    with pytest.raises(InvalidReportPeriod, match="at most"):
        ReportPeriod(d("2010-01-01"), d("2026-11-01"))
    assert ReportPeriod.month_of(d("2026-02-14")) == ReportPeriod(d("2026-02-01"), d("2026-02-28"))
    assert ReportPeriod.month_of(d("2026-12-31")).end == d("2026-12-31")
    assert NOVEMBER.utc_bounds() == ("2026-10-31T19:00:00.000000Z", "2026-11-30T19:00:00.000000Z")


def test_masked_iin_hides_the_birth_date() -> None:
    assert masked_iin("870203300015") == "******300015"


# --- PDF and CSV ----------------------------------------------------------------------------


def long_report(cases: int = 70) -> ReportData:
    """A report with a 3-day list long enough to run over pages."""
    today = d("2026-11-21")
    window = tuple(
        WindowEnding(f"DNR-AST-26-{n:07d}", "ÖZTÜRK", "ELİF", "Astana",
                     today - timedelta(days=29), today + timedelta(days=n % 4), n % 4)
        for n in range(cases)
    )  # fmt: skip
    staff = (
        StaffWork("910517400017", "ӘБЕНОВА ДАНА", "clerk", True, 12, 80, 10, 9, 0, 0, 111),
        StaffWork("870203300015", "******300015", "migration_officer", False, 0, 0, 0, 0, 7, 6,
                  13),
    )  # fmt: skip
    return ReportData(
        period=ReportPeriod.month_of(today), center="Astana", as_of=today,
        generated_at=datetime(2026, 11, 21, 6, 0, tzinfo=UTC), prepared_by="TEST SUPERVISOR",
        funnel=Funnel(40, 31, 5, 22, 15, 3), median_days_to_arrival=6.5,
        median_days_to_decision=2.0, decided=18, decided_in_time=16,
        weeks=tuple(WeekFigures(d("2026-10-26") + timedelta(days=7 * i), 9, 7, 5, 3, 1)
                    for i in range(6)),
        window_ending=window, staff=staff, desks=(),
    )  # fmt: skip


def pdf_pages(data: ReportData, language: str) -> list[str]:
    """Each page's text with line breaks as spaces (table headers wrap in their cells)."""
    reader = PdfReader(io.BytesIO(render_pdf(data, language)))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_pdf_is_in_the_language_asked_for(language: str) -> None:
    t = texts_for(language)
    pages = pdf_pages(long_report(), language)
    whole = " ".join(pages)
    for label in (t.title, t.approved, t.annulled, t.staff_title, t.funnel_chart, t.weekly_chart,
                  t.role_name("migration_officer"), t.definitions_title):  # fmt: skip
        assert label in whole, label
    assert t.page.format(n=1, total=len(pages)) in pages[0]
    assert "ӘБЕНОВА ДАНА" in whole and "ÖZTÜRK" in whole  # Kazakh and Turkish letters kept
    others = [texts_for(x).title for x in ("kk", "ru", "en") if x != language]
    assert not any(title in whole for title in others)


def test_a_long_table_repeats_its_header_on_the_next_page() -> None:
    t = texts_for("ru")
    pages = pdf_pages(long_report(70), "ru")
    holding = [i for i, page in enumerate(pages) if "DNR-AST-26-0000" in page]
    assert len(holding) >= 2, "the 3-day list should run over pages"
    for i in holding:
        assert t.applicant in pages[i] and t.days_left in pages[i], f"no header on page {i + 1}"
    assert "DNR-AST-26-0000069" in pages[holding[-1]]


def test_the_csv_reads_back_section_by_section() -> None:
    data = long_report(5)
    raw = render_csv(data, "ru")
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for Cyrillic
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    sections: list[list[list[str]]] = [[]]
    for row in rows:
        if row:
            sections[-1].append(row)
        else:
            sections.append([])
    sections = [s for s in sections if s]
    t = texts_for("ru")
    titles = [s[0][0] for s in sections]
    assert titles[0] == t.title
    assert titles[1:] == [t.summary, t.weekly_chart, t.window_title.format(date="2026-11-21"),
                          t.staff_title, t.desks_title]  # fmt: skip
    summary = {row[0]: row[1] for row in sections[1][2:]}
    assert summary[t.approved] == "40" and summary[t.refused] == "3"
    assert summary[f"{t.median_to_arrival}, {t.days}"] == "6,5"  # a decimal comma in Russian
    assert summary[f"{t.in_time}, %"] == "88,9"
    window = sections[3]
    assert window[1] == [t.case, t.applicant, t.approval_date, t.window_end, t.days_left, t.city]
    assert window[2] == ["DNR-AST-26-0000000", "ÖZTÜRK ELİF", "2026-10-23", "2026-11-21", "0",
                         "Astana"]  # fmt: skip
    staff = sections[4]
    assert staff[2][:3] == ["ӘБЕНОВА ДАНА", "******400017", "оператор ЦОН"]
    assert staff[3][0] == "ИИН ******300015"
    english = render_csv(data, "en").decode("utf-8-sig")
    assert '"Median days from approval to arrival, days",6.5' in english


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(UnknownLanguage, match=r"kk.*ru.*en"):
        render_pdf(long_report(1), "de")


def test_every_language_has_every_text() -> None:
    counts = {len(texts_for(x).all_labels()) for x in ("kk", "ru", "en")}
    assert len(counts) == 1
    for language in ("kk", "ru"):
        t = texts_for(language)
        assert all(label.strip() for label in t.all_labels())
        # Nothing left in English in the Kazakh and Russian reports (the programme's name aside).
        english = set(texts_for("en").all_labels()) - {"—"}
        assert not english & set(t.all_labels())


def test_the_report_of_the_seeded_desk_renders(store: LocalStore, seeded: dict[str, Any]) -> None:
    desk = reports(store)
    data = desk.report(NOVEMBER, "Astana")
    exported = desk.export(data, "pdf", "kk")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(exported.content)).pages)
    assert "ASANOVA AIGERIM" in text and seeded["c12"] in text
    assert desk.export(data, "csv", "en").content.startswith(b"\xef\xbb\xbf")
    with pytest.raises(ValueError, match="pdf or csv"):
        desk.export(data, "xlsx", "en")
    assert default_calendar().add_working_days(d("2026-11-05"), 3) == d("2026-11-10")
