"""The worklist query: search as you type, filters, urgency order, keyset paging, capped count."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import update

from workstation.domain.approval import ApprovedArrival
from workstation.domain.iin import make_iin
from workstation.domain.lifecycle import CaseState
from workstation.domain.names import search_key
from workstation.domain.programme import DEFAULT_RULES
from workstation.journal.projector import record
from workstation.services.worklist import (
    DeadlineFilter,
    SortOrder,
    StatusFilter,
    WorklistQuery,
    WorklistRow,
    count,
    fetch_page,
)
from workstation.store.local import LocalStore
from workstation.store.models import cases
from workstation.sync.demo_seed import approval_event

TODAY = date(2026, 3, 10)
S = CaseState


def all_rows(conn: Any, query: WorklistQuery, today: date, limit: int) -> list[WorklistRow]:
    """Every row of a query, page by page, checking the page contract on the way."""
    found: list[WorklistRow] = []
    after = None
    for _ in range(10_000):
        page = fetch_page(conn, query, today, after=after, limit=limit)
        assert len(page.rows) <= limit
        found.extend(page.rows)
        if not page.more:
            assert page.after is None
            return found
        assert len(page.rows) == limit and page.after is not None
        after = page.after
    raise AssertionError("paging never ended")


def ids(rows: list[WorklistRow]) -> list[str]:
    return [r.case_id for r in rows]


# --- small, hand-made worklists ---------------------------------------------------------


def approve_all(book: Any, approvals: list[ApprovedArrival]) -> None:
    for approval in approvals:
        book.approve(approval)


def set_state(store: LocalStore, case_id: str, state: CaseState, **values: Any) -> None:
    # The worklist reads only the projection, so tests may put a case in any state directly.
    if state is not S.APPROVED:
        values.setdefault("entry_date", TODAY - timedelta(days=1))
    with store.transaction() as conn:
        conn.execute(
            update(cases).where(cases.c.case_id == case_id).values(state=str(state), **values)
        )


def search(store: LocalStore, text: str, **query: Any) -> list[str]:
    with store.reading() as conn:
        return ids(
            all_rows(
                conn, WorklistQuery(text=text, status=StatusFilter.ALL, **query), TODAY, limit=100
            )
        )


@pytest.fixture
def people(book: Any, make_approval: Any) -> dict[str, str]:
    """Named people; returns name -> case id."""
    specs = {
        "muller": dict(surname="MÜLLER", given_names="JÜRGEN", nationality="DEU"),
        "mueller": dict(surname="MUELLER", given_names="HANNAH", nationality="DEU"),
        "ivanova": dict(
            surname="IVANOVA", given_names="ANNA", surname_cyr="ИВАНОВА", given_names_cyr="АННА"
        ),
        "ivanov": dict(surname="IVANOV", given_names="SERGEI", surname_cyr="ИВАНОВ"),
        "yolkina": dict(surname="YOLKINA", given_names="OLGA", surname_cyr="Ёлкина"),
        "kasymov": dict(surname="KASYMOV", given_names="NURLAN", surname_cyr="ҚАСЫМОВ"),
        "smith": dict(surname="SMITH", given_names="SARAH JANE", nationality="USA"),
        "obrien": dict(surname="O'BRIEN", given_names="ANNA", nationality="IRL"),
        "annan": dict(surname="ANNAN", given_names="KOFI", nationality="GHA"),
        "celik": dict(surname="ÇELİK", given_names="ELİF", nationality="TUR"),
    }
    made = {}
    for n, (name, spec) in enumerate(specs.items(), start=1):
        approval = make_approval(n, **spec)
        book.approve(approval)
        made[name] = approval.case_id
    return made


def test_accents_are_ignored(book: Any, people: dict[str, str]) -> None:
    assert search(book.store, "muller") == [people["muller"]]
    assert search(book.store, "MÜLL") == [people["muller"]]
    assert search(book.store, "jurg") == [people["muller"]]
    assert search(book.store, "celik") == [people["celik"]]
    assert search(book.store, "Çel") == [people["celik"]]


def test_surname_prefix_is_case_insensitive(book: Any, people: dict[str, str]) -> None:
    assert set(search(book.store, "ivanov")) == {people["ivanova"], people["ivanov"]}
    assert set(search(book.store, "IvAnOvA")) == {people["ivanova"]}
    assert search(book.store, "vanov") == []  # a prefix, not a substring


def test_cyrillic_surname_prefix(book: Any, people: dict[str, str]) -> None:
    assert set(search(book.store, "иван")) == {people["ivanova"], people["ivanov"]}
    assert set(search(book.store, "ИВАНОВА")) == {people["ivanova"]}
    assert search(book.store, "елк") == [people["yolkina"]]  # Ё typed as Е
    assert search(book.store, "ёлк") == [people["yolkina"]]
    assert search(book.store, "қас") == [people["kasymov"]]  # Kazakh letters are kept


def test_given_name_prefix(book: Any, people: dict[str, str]) -> None:
    assert set(search(book.store, "ann")) == {people["ivanova"], people["obrien"], people["annan"]}
    assert search(book.store, "sarah") == [people["smith"]]


def test_punctuation_in_names(book: Any, people: dict[str, str]) -> None:
    assert search(book.store, "obrien") == [people["obrien"]]
    assert search(book.store, "o'br") == [people["obrien"]]


def test_multi_word_search_narrows(book: Any, people: dict[str, str]) -> None:
    assert search(book.store, "ivanova anna") == [people["ivanova"]]
    assert search(book.store, "anna ivanova") == [people["ivanova"]]  # any order
    assert search(book.store, "ann ivanov") == [people["ivanova"]]
    assert search(book.store, "  ivanov   serg ") == [people["ivanov"]]
    assert search(book.store, "ivanov kofi") == []


@pytest.mark.xfail(
    strict=True,
    reason="Names are indexed as one key per name field with spaces removed, so a second "
    "word of a name ('Sarah JANE', 'O BRIEN', 'dos SANTOS') never matches on its own.",
)
def test_every_word_of_a_name_can_be_typed(book: Any, people: dict[str, str]) -> None:
    assert search(book.store, "smith sarah jane") == [people["smith"]]
    assert search(book.store, "o brien") == [people["obrien"]]


def test_iin_and_passport_prefix(book: Any, make_approval: Any) -> None:
    a = make_approval(1, birth_date=date(1990, 1, 15), passport_number="XY7654321")
    b = make_approval(2, birth_date=date(1991, 2, 16), passport_number="XZ1111111")
    approve_all(book, [a, b])
    assert search(book.store, a.iin[:6]) == [a.case_id]
    assert search(book.store, a.iin) == [a.case_id]
    assert search(book.store, "9") == [a.case_id, b.case_id]
    assert search(book.store, "xy76") == [a.case_id]
    assert search(book.store, "x") == [a.case_id, b.case_id]
    assert search(book.store, a.iin[1:7]) == []  # the IIN is matched from its start


def test_each_status_filter(book: Any, make_approval: Any) -> None:
    # One case per state, plus an approval whose window closed with no entry.
    approvals = {
        "fresh": make_approval(1, approval_date=TODAY - timedelta(days=3)),
        "lapsed": make_approval(2, approval_date=TODAY - timedelta(days=31)),
        "last_day": make_approval(3, approval_date=TODAY - timedelta(days=30)),
    }
    states = [
        S.ARRIVED,
        S.STEPS_RECORDED,
        S.PRINTED,
        S.SUBMITTED,
        S.UNDER_REVIEW,
        S.ISSUED,
        S.REFUSED,
        S.ANNULLED,
    ]
    for n, state in enumerate(states, start=4):
        # Their windows closed long ago: that must not hide them.
        approvals[str(state)] = make_approval(n, approval_date=TODAY - timedelta(days=40))
    approve_all(book, list(approvals.values()))
    for state in states:
        set_state(book.store, approvals[str(state)].case_id, state)
    expected = {
        StatusFilter.OPEN_AT_DESK: {"fresh", "last_day", "arrived", "steps_recorded", "printed"},
        StatusFilter.AWAITING_ARRIVAL: {"fresh", "last_day"},
        StatusFilter.IN_PROGRESS: {"arrived"},
        StatusFilter.READY_TO_PRINT: {"steps_recorded"},
        StatusFilter.PRINTED: {"printed"},
        StatusFilter.WITH_MIGRATION_SERVICE: {"submitted", "under_review"},
        StatusFilter.DECIDED: {"issued", "refused"},
        StatusFilter.ANNULLED: {"annulled", "lapsed"},
        StatusFilter.ALL: set(approvals),
    }
    assert set(expected) == set(StatusFilter)
    with book.store.reading() as conn:
        for status, names in expected.items():
            found = ids(all_rows(conn, WorklistQuery(status=status), TODAY, limit=3))
            assert sorted(found) == sorted(approvals[n].case_id for n in names), status
            assert count(conn, WorklistQuery(status=status), TODAY) == len(names)
        rows = {
            r.case_id: r
            for r in all_rows(conn, WorklistQuery(status=StatusFilter.ALL), TODAY, limit=100)
        }
    lapsed = rows[approvals["lapsed"].case_id]
    assert (lapsed.state, lapsed.effective_state, lapsed.days_left) == (S.APPROVED, S.ANNULLED, -1)
    last_day = rows[approvals["last_day"].case_id]
    assert (last_day.effective_state, last_day.days_left) == (S.APPROVED, 0)


def test_deadline_filters(book: Any, make_approval: Any) -> None:
    by_days_left = {}
    for n, left in enumerate([-2, -1, 0, 1, 3, 4, 7, 8, 14, 15, 30], start=1):
        approval = make_approval(n, approval_date=TODAY - timedelta(days=30 - left))
        book.approve(approval)
        by_days_left[left] = approval.case_id
    expected = {
        DeadlineFilter.ANY: [0, 1, 3, 4, 7, 8, 14, 15, 30],
        DeadlineFilter.WITHIN_3_DAYS: [0, 1, 3],
        DeadlineFilter.WITHIN_7_DAYS: [0, 1, 3, 4, 7],
        DeadlineFilter.WITHIN_14_DAYS: [0, 1, 3, 4, 7, 8, 14],
    }
    assert set(expected) == set(DeadlineFilter)
    with book.store.reading() as conn:
        for deadline, lefts in expected.items():
            query = WorklistQuery(deadline=deadline)
            found = all_rows(conn, query, TODAY, limit=2)
            assert ids(found) == [by_days_left[d] for d in lefts], deadline
            assert [r.days_left for r in found] == lefts
            assert count(conn, query, TODAY) == len(lefts)


def test_urgency_order_breaks_ties_by_case_id(book: Any, make_approval: Any) -> None:
    # Case numbers deliberately out of order against their approval dates.
    plan = {7: 2, 3: 5, 9: 5, 1: 9, 5: 2, 2: 0}
    for n, days_ago in plan.items():
        book.approve(make_approval(n, approval_date=TODAY - timedelta(days=days_ago)))
    with book.store.reading() as conn:
        found = all_rows(conn, WorklistQuery(), TODAY, limit=2)
    expected = sorted(plan, key=lambda n: (-plan[n], f"DNR-AST-26-{n:07d}"))
    assert ids(found) == [f"DNR-AST-26-{n:07d}" for n in expected]


def test_count_is_capped(book: Any, make_approval: Any) -> None:
    approve_all(book, [make_approval(n) for n in range(1, 13)])
    with book.store.reading() as conn:
        assert count(conn, WorklistQuery(), TODAY) == 12
        assert count(conn, WorklistQuery(), TODAY, cap=12) == 12
        # Above the cap the view shows "5+": any number above the cap says so.
        assert count(conn, WorklistQuery(), TODAY, cap=5) > 5
        assert count(conn, WorklistQuery(), TODAY, cap=5) <= 6
        assert count(conn, WorklistQuery(text="nobody"), TODAY, cap=5) == 0


# --- a few hundred generated cases against a brute-force filter -------------------------

SURNAMES = [
    ("MÜLLER", ""),
    ("MULLER", ""),
    ("MUELLER", ""),
    ("O'BRIEN", ""),
    ("ÇELİK", ""),
    ("SØRENSEN", ""),
    ("NGUYEN", ""),
    ("KIM", ""),
    ("KIMURA", ""),
    ("ÅBERG", ""),
    ("IVANOVA", "ИВАНОВА"),
    ("IVANOV", "ИВАНОВ"),
    ("YOLKINA", "ЁЛКИНА"),
    ("KASYMOV", "ҚАСЫМОВ"),
    ("SMIRNOV", "СМИРНОВ"),
    ("PEREIRA DOS SANTOS", ""),
    ("SCHWARZENBERGER-LUEDENSCHEIDT", ""),
    ("LI", ""),
    ("LIU", ""),
    ("ANNAN", ""),
]
GIVEN = ["ANNA", "ANNA MARIA", "ZOË", "JOSÉ", "ÁLVARO", "ANDREI", "SERGEI", "LI", "KIM", "OLGA"]
STATES = [S.APPROVED] * 8 + [s for s in S if s is not S.APPROVED]


@dataclass(frozen=True)
class Generated:
    case_id: str
    iin: str
    passport_number: str
    surname: str
    given_names: str
    surname_cyr: str
    state: CaseState
    window_end: date


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LocalStore, list]]:
    rng = random.Random(20260310)
    store = LocalStore.open(tmp_path_factory.mktemp("worklist") / "desk", create=True)
    made: list[Generated] = []
    with store.transaction() as conn:
        for n in range(1, 321):
            surname, cyr = rng.choice(SURNAMES)
            birth = date(rng.randint(1960, 2008), rng.randint(1, 12), rng.randint(1, 28))
            iin = None
            while iin is None:
                try:
                    iin = make_iin(birth, rng.choice("MF"), rng.randrange(10_000))
                except ValueError:
                    continue
            approval = ApprovedArrival(
                # Shuffled numbers, so the case id order is not the insertion order.
                case_id=f"DNR-{rng.choice(['AST', 'ALA'])}-26-{rng.randrange(10**7):07d}-{n}",
                approval_number=f"UMS-{n}",
                approval_date=TODAY - timedelta(days=rng.randint(0, 45)),
                recommendation_number=f"MDAI-{n}",
                recommendation_date=TODAY - timedelta(days=60),
                city="Astana",
                iin=iin,
                surname=surname,
                given_names=rng.choice(GIVEN),
                sex="F",
                birth_date=birth,
                birth_place="X",
                nationality="RUS",
                passport_number=f"{rng.choice('ABX')}{rng.choice('BCY')}{rng.randrange(10**7):07d}",
                passport_issuing_state="RUS",
                passport_issue_date=date(2020, 1, 1),
                passport_expiry=date(2031, 1, 1),
                surname_cyr=cyr,
            )
            record(
                conn, approval_event(approval), origin="central", rules=DEFAULT_RULES, strict=False
            )
            state = rng.choice(STATES)
            if state is not S.APPROVED:
                conn.execute(
                    update(cases)
                    .where(cases.c.case_id == approval.case_id)
                    .values(state=str(state), entry_date=approval.approval_date)
                )
            made.append(
                Generated(
                    approval.case_id,
                    iin,
                    approval.passport_number,
                    surname,
                    approval.given_names,
                    cyr,
                    state,
                    approval.approval_date + timedelta(days=30),
                )
            )
    yield store, made
    store.close()


def expected_rows(made: list[Generated], query: WorklistQuery, today: date) -> list[str]:
    """The worklist's contract, written plainly over Python objects."""

    def effective(g: Generated) -> CaseState:
        return S.ANNULLED if g.state is S.APPROVED and g.window_end < today else g.state

    wanted: dict[StatusFilter, set[CaseState] | None] = {
        StatusFilter.ALL: None,
        StatusFilter.OPEN_AT_DESK: {S.APPROVED, S.ARRIVED, S.STEPS_RECORDED, S.PRINTED},
        StatusFilter.AWAITING_ARRIVAL: {S.APPROVED},
        StatusFilter.IN_PROGRESS: {S.ARRIVED},
        StatusFilter.READY_TO_PRINT: {S.STEPS_RECORDED},
        StatusFilter.PRINTED: {S.PRINTED},
        StatusFilter.WITH_MIGRATION_SERVICE: {S.SUBMITTED, S.UNDER_REVIEW},
        StatusFilter.DECIDED: {S.ISSUED, S.REFUSED},
        StatusFilter.ANNULLED: {S.ANNULLED},
    }

    def text_matches(g: Generated) -> bool:
        for i, word in enumerate(query.text.split()[:4]):
            key = search_key(word)
            if not key:
                continue
            names = [search_key(g.surname), search_key(g.given_names), search_key(g.surname_cyr)]
            documents = [g.passport_number, *([g.iin] if key.isdigit() else [])]
            if not any(c.startswith(key) for c in names + (documents if i == 0 else [])):
                return False
        return True

    def keep(g: Generated) -> bool:
        states = wanted[query.status]
        if states is not None and effective(g) not in states:
            return False
        if query.deadline is not DeadlineFilter.ANY and not (
            today <= g.window_end <= today + timedelta(days=int(query.deadline))
        ):
            return False
        return text_matches(g)

    def order(g: Generated) -> tuple[Any, str]:
        first = g.window_end if query.sort is SortOrder.URGENCY else search_key(g.surname)
        return first, g.case_id

    return [g.case_id for g in sorted(filter(keep, made), key=order)]


@st.composite
def texts(draw: st.DrawFn, made: list[Generated]) -> str:
    g = draw(st.sampled_from(made))
    cut = draw(st.integers(1, 12))
    kind = draw(
        st.sampled_from(
            ["empty", "iin", "passport", "surname", "given", "cyrillic", "two", "junk", "many"]
        )
    )
    if kind == "empty":
        return draw(st.sampled_from(["", "  ", "-", "'"]))
    if kind == "iin":
        return g.iin[:cut]
    if kind == "passport":
        return draw(st.sampled_from([str.lower, str.upper]))(g.passport_number[:cut])
    if kind == "surname":
        return draw(st.sampled_from([str.lower, str.upper, str.title]))(g.surname[:cut])
    if kind == "given":
        return g.given_names[:cut].lower()
    if kind == "cyrillic":
        return (g.surname_cyr or "ИВ")[:cut].lower()
    if kind == "two":
        other = draw(st.sampled_from(made))
        return f"{g.surname[:cut]} {other.given_names.split()[0][: cut // 2 + 1]}"
    if kind == "many":
        return " ".join([g.surname[:2], g.given_names[:1], "a", "b", "zzz"])
    return draw(st.text(alphabet="abkqzİçéЁё1907 ", max_size=6))


@settings(max_examples=120, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_paging_returns_every_matching_row_once(
    generated: tuple[LocalStore, list[Generated]], data: st.DataObject
) -> None:
    store, made = generated
    query = WorklistQuery(
        text=data.draw(texts(made), label="text"),
        status=data.draw(st.sampled_from(list(StatusFilter)), label="status"),
        deadline=data.draw(st.sampled_from(list(DeadlineFilter)), label="deadline"),
        sort=data.draw(st.sampled_from(list(SortOrder)), label="sort"),
    )
    today = TODAY + timedelta(days=data.draw(st.integers(-3, 20), label="today offset"))
    limit = data.draw(st.integers(1, 40), label="page size")
    expected = expected_rows(made, query, today)
    event("no match" if not expected else "one page" if len(expected) <= limit else "pages")
    with store.reading() as conn:
        found = all_rows(conn, query, today, limit)
        total = count(conn, query, today)
        capped = count(conn, query, today, cap=limit)
    assert ids(found) == expected
    assert len(set(ids(found))) == len(found)
    assert total == len(expected)
    assert capped == len(expected) if len(expected) <= limit else capped > limit
    for row in found:
        assert row.days_left == (row.window_end - today).days


def test_the_generated_worklist_is_varied(generated: tuple[LocalStore, list[Generated]]) -> None:
    _, made = generated
    assert len(made) == 320
    assert {g.state for g in made} == set(S)
    assert sum(1 for g in made if g.surname_cyr) > 20
    assert len(expected_rows(made, WorklistQuery(status=StatusFilter.ANNULLED), TODAY)) > 20
