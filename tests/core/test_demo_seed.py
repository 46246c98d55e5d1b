"""Demo approvals are valid and varied; the demo desk seeds central once and pulls from it."""

from __future__ import annotations

import unicodedata
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from workstation.domain.approval import ApprovedArrival
from workstation.domain.clock import FixedClock
from workstation.domain.iin import parse_iin
from workstation.domain.mrz import make_td3, parse_td3
from workstation.domain.programme import DEFAULT_RULES
from workstation.services.demo import CENTRAL_FILE, central_url_for, open_demo_session
from workstation.sync.central_schema import events as central_events
from workstation.sync.demo_seed import approval_event, make_approvals, seed_central
from workstation.sync.gateway import CentralGateway

TODAY = date(2026, 3, 10)
# 2027 is the seed the demo desk uses on first run (seed 2026 + the first case number).
SEED = 2027


@pytest.fixture(scope="module")
def approvals() -> list[ApprovedArrival]:
    return list(make_approvals(200, seed=SEED, today=TODAY))


def mrz_name(name: str) -> str:
    # ICAO 9303 writes a hyphen in a name as a filler '<', which reads back as a space.
    return name.replace("-", " ")


def test_every_iin_is_valid_and_matches_the_person(approvals: list[ApprovedArrival]) -> None:
    for a in approvals:
        iin = parse_iin(a.iin)
        assert (iin.birth_date, iin.sex) == (a.birth_date, a.sex), a.case_id


def test_every_passport_makes_a_valid_mrz(approvals: list[ApprovedArrival]) -> None:
    for a in approvals:
        mrz = make_td3(
            surname=mrz_name(a.surname),
            given_names=mrz_name(a.given_names),
            document_number=a.passport_number,
            nationality=a.nationality,
            birth_date=a.birth_date,
            sex=a.sex,
            expiry_date=a.passport_expiry,
            issuing_state=a.passport_issuing_state,
        )
        read = parse_td3(mrz, today=TODAY)
        assert read.document_number == a.passport_number
        assert (read.nationality, read.issuing_state) == (a.nationality, a.passport_issuing_state)
        assert (read.birth_date, read.sex, read.expiry_date) == (
            a.birth_date,
            a.sex,
            a.passport_expiry,
        )
        assert read.surname == mrz_name(a.surname)
        assert read.given_names == mrz_name(a.given_names)


def test_both_cities_and_several_nationalities(approvals: list[ApprovedArrival]) -> None:
    assert {a.city for a in approvals} == {"Astana", "Almaty"}
    nationalities = Counter(a.nationality for a in approvals)
    assert len(nationalities) >= 8
    assert max(nationalities.values()) < len(approvals) / 2


def test_windows_are_fresh_nearly_expired_and_expired(approvals: list[ApprovedArrival]) -> None:
    left = [(a.approval_date + timedelta(days=30) - TODAY).days for a in approvals]
    assert sum(d > 14 for d in left) >= 20
    assert sum(0 <= d <= 3 for d in left) >= 5
    assert sum(d < 0 for d in left) >= 20
    assert all(a.approval_date <= TODAY for a in approvals)


def test_some_names_are_also_in_cyrillic(approvals: list[ApprovedArrival]) -> None:
    cyrillic = [a for a in approvals if a.surname_cyr]
    assert len(cyrillic) >= 10
    for a in cyrillic:
        for ch in a.surname_cyr + a.given_names_cyr:
            assert ch == " " or unicodedata.name(ch).startswith("CYRILLIC"), a.surname_cyr


def test_generation_is_deterministic_and_ids_are_unique(
    approvals: list[ApprovedArrival],
) -> None:
    assert list(make_approvals(200, seed=SEED, today=TODAY)) == approvals
    assert list(make_approvals(200, seed=SEED + 1, today=TODAY)) != approvals
    assert len({a.case_id for a in approvals}) == len(approvals)
    assert len({a.iin for a in approvals}) > 190
    for a in approvals[:20]:
        assert ApprovedArrival.from_payload(a.to_payload()) == a


def test_the_approval_event(approvals: list[ApprovedArrival]) -> None:
    a = approvals[0]
    event = approval_event(a)
    assert approval_event(a).event_id == event.event_id  # seeding twice cannot duplicate it
    assert event.local_date == a.approval_date
    assert ApprovedArrival.from_payload(event.payload) == a


def test_seeding_adds_new_cases_each_time(tmp_path: Path) -> None:
    gateway = CentralGateway(f"sqlite:///{tmp_path / 'central.sqlite3'}")
    gateway.init_schema()
    assert seed_central(gateway, 30, seed=1, today=TODAY) == 30
    assert seed_central(gateway, 20, seed=1, today=TODAY) == 20
    assert gateway.case_count() == 50
    pulled = gateway.pull(0, None, 1000)
    assert len({e.case_id for _, e in pulled}) == 50
    gateway.dispose()


def test_the_demo_desk(tmp_path: Path, fixed_clock: FixedClock) -> None:
    data = tmp_path / "demo"
    session = open_demo_session(data, DEFAULT_RULES, fixed_clock, cases=150)
    try:
        assert (data / CENTRAL_FILE).exists()
        assert session.demo and session.central_url == central_url_for(data)
        assert session.identity.city == "Astana"
        assert session.verification is not None  # the demo verifies from its first pull
        # Central's clock is the test's fixed one (signatures are judged at its receipt time).
        central = CentralGateway(central_url_for(data))
        with central.engine.begin() as conn:
            conn.execute(update(central_events).values(received_at=central_events.c.recorded_at))
        central.dispose()
        report = session.sync()
        assert report.pulled == report.applied == 75  # Astana's half of the seeded cases
    finally:
        session.store.close()
    again = open_demo_session(data, DEFAULT_RULES, fixed_clock, cases=150)
    try:
        assert again.identity == session.identity
        assert again.sync().pulled == 0  # central was not seeded twice: nothing new
    finally:
        again.store.close()
