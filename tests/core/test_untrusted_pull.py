"""A desk never chokes on what it pulls (issue 15, point 2): any central row that does not
parse or cannot be processed is quarantined with its reason and the pull goes on; and
nothing is applied unverified (point 3).

The fuzz test plays a compromised central: rows whose every column may hold anything a
database column can hold, fed to a pulling desk through the gateway's `pull_rows`.
"""

from __future__ import annotations

import dataclasses
import json
import tempfile
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from workstation.domain.approval import ApprovedArrival
from workstation.domain.lifecycle import EventType
from workstation.domain.programme import DEFAULT_RULES
from workstation.journal.envelope import Actor, Event, canonical_json, format_instant, new_event
from workstation.journal.signing import SignerOrganisations, Verification
from workstation.security.eds import TrustStore, load_crls_from_dir
from workstation.security.pki import MIGRATION_BIN, MINISTRY_BIN, DemoKeyPool, make_demo_pki
from workstation.services.quarantine import quarantine_list
from workstation.store.local import LocalStore, get_setting, put_setting
from workstation.store.models import cases, journal, pulled_rejects
from workstation.sync.demo_seed import approval_event, make_approvals
from workstation.sync.gateway import CentralGateway
from workstation.sync.intake import CentralRow
from workstation.sync.syncer import cursor_name, sync_once
from workstation.sync.untrusted import REVERIFY, reverify_pulled

TODAY = date(2026, 3, 10)
CLERK = Actor(iin="910517400017", name="CLERK", role="clerk", cert_fingerprint="ab" * 32)


class FakeCentral:
    """A central that hands out whatever rows it is given (the syncer's view of a gateway)."""

    def __init__(self, rows: Sequence[CentralRow] = (), ders: Sequence[Any] = ()) -> None:
        self.rows = list(rows)
        self.ders = list(ders)
        self.pulls = 0

    def check_schema(self) -> None:
        return None

    def certificate_fingerprints(self) -> set[Any]:
        return {f"{n:064x}" for n in range(len(self.ders))}

    def certificates(self, fingerprints: set[str]) -> list[Any]:
        return self.ders

    def add_certificates(self, ders: list[bytes]) -> int:
        return 0

    def push(self, batch: Sequence[tuple[Event, str]]) -> int:
        return len(batch)

    def push_audit(self, records: Sequence[Any]) -> int:
        return len(records)

    def pull_rows(self, after_seq: int, city: str | None, limit: int) -> list[CentralRow]:
        self.pulls += 1
        assert self.pulls < 1000, "the desk pulls forever"

        # Exactly what a database would return: rows after the cursor, in seq order; rows
        # whose seq is not a number are returned every time, as SQLite sorts text last.
        def after(row: CentralRow) -> bool:
            seq = row.seq
            if isinstance(seq, int | float) and not isinstance(seq, bool):
                return bool(seq > after_seq)
            return True

        return [r for r in self.rows if after(r)][:limit]


def row_of(event: Event, number: int, **changes: Any) -> CentralRow:
    row = CentralRow(
        seq=number,
        event_id=event.event_id,
        case_id=event.case_id,
        city="Almaty",
        type=str(event.type),
        payload=canonical_json(event.payload).decode(),
        actor_iin=event.actor_iin,
        actor_fingerprint=event.actor_fingerprint,
        workstation_id=event.workstation_id,
        recorded_at=format_instant(event.recorded_at),
        signature=event.signature,
        received_at=format_instant(event.recorded_at + timedelta(minutes=1)),
        ws_seq=event.workstation_seq,
    )
    return dataclasses.replace(row, **changes)


def approvals(count: int, first: int) -> list[ApprovedArrival]:
    return list(make_approvals(count, seed=first, today=TODAY, first_number=first))


def sync(store: LocalStore, central: FakeCentral, **kwargs: Any) -> Any:
    return sync_once(store, cast(CentralGateway, central), DEFAULT_RULES, city="Almaty", **kwargs)


@pytest.fixture
def store() -> Iterator[LocalStore]:
    made = LocalStore.in_memory()
    yield made
    made.close()


def count(store: LocalStore, table: Any) -> int:
    with store.reading() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


# ---- the rows ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("payload", "{not json", "payload is not JSON"),
        ("payload", "42", "payload is not a JSON object"),
        ("payload", "[1,2]", "payload is not a JSON object"),
        ("recorded_at", "yesterday", "recorded_at is not a canonical UTC instant"),
        ("received_at", "2026-03-10 10:00:00", "received_at is not a canonical UTC instant"),
        ("recorded_at", "0190-08-11T06:25:29.55Z", "recorded_at is not a canonical"),
        ("recorded_at", "2026-03-10T10:00:00.000000+00:00", "recorded_at is not a canonical"),
        (
            "received_at",
            datetime(2026, 3, 10, 15, tzinfo=timezone(timedelta(hours=5))),
            "received_at is not a UTC instant",
        ),
        ("received_at", datetime(2026, 3, 10, 10), "received_at is not a UTC instant"),
        ("ws_seq", 0, "ws_seq is not a whole number from 1"),
        ("ws_seq", "7", "ws_seq is not a whole number from 1"),
        ("seq", "9", "seq is not a whole number"),
        ("event_id", None, "event_id is not text"),
        ("signature", "not bytes", "signature is not bytes"),
    ],
)
def test_a_bad_row_is_quarantined_with_its_reason_and_the_pull_goes_on(
    store: LocalStore, column: str, value: Any, reason: str
) -> None:
    good = [approval_event(a) for a in approvals(3, 100)]
    rows = [row_of(good[0], 1), row_of(good[1], 2, **{column: value}), row_of(good[2], 3)]
    report = sync(store, FakeCentral(rows), trust_unsigned=True)
    assert (report.applied, report.quarantined) == (2, 1)
    with store.reading() as conn:
        assert set(conn.execute(select(cases.c.case_id)).scalars()) == {
            good[0].case_id,
            good[2].case_id,
        }
        assert get_setting(conn, cursor_name("Almaty")) == "3"  # past the bad row
        (listed,) = [q for q in quarantine_list(conn) if q.kind == "row"]
    assert listed.reason.startswith(reason)
    # The same row again is not listed twice, and the next sync goes on as well.
    again = sync(store, FakeCentral(rows), trust_unsigned=True)
    assert again.quarantined == 0 and count(store, pulled_rejects) == 1


def test_a_row_central_orders_backwards_is_quarantined(store: LocalStore) -> None:
    good = [approval_event(a) for a in approvals(3, 200)]
    rows = [row_of(good[0], 5), row_of(good[1], 4), row_of(good[2], 6)]
    report = sync(store, FakeCentral(rows), trust_unsigned=True)
    assert (report.applied, report.quarantined) == (2, 1)


def test_garbage_certificate_rows_do_not_stop_the_sync(store: LocalStore) -> None:
    good = approval_event(approvals(1, 300)[0])
    central = FakeCentral([row_of(good, 1)], ders=[b"garbage", "text", None, b"\x30\x03\x02\x01"])
    report = sync(store, central, trust_unsigned=True)
    assert report.applied == 1


def test_an_event_the_desk_cannot_process_is_quarantined_alone(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever the domain code raises on one event, the batch's other events are taken."""
    from workstation.journal import projector

    good = [approval_event(a) for a in approvals(3, 400)]
    poisoned = good[1].case_id
    case_row = projector.case_row

    def exploding(approval: ApprovedArrival, *args: Any, **kwargs: Any) -> Any:
        if approval.case_id == poisoned:
            raise KeyError("a payload this version cannot read")
        return case_row(approval, *args, **kwargs)

    monkeypatch.setattr(projector, "case_row", exploding)
    rows = [row_of(good[0], 1), row_of(good[1], 2), row_of(good[2], 3)]
    report = sync(store, FakeCentral(rows), trust_unsigned=True)
    assert (report.applied, report.quarantined) == (2, 1)
    with store.reading() as conn:
        assert set(conn.execute(select(cases.c.case_id)).scalars()) == {
            good[0].case_id,
            good[2].case_id,
        }
        assert get_setting(conn, cursor_name("Almaty")) == "3"
        (listed,) = quarantine_list(conn)
    assert listed.reason == "this desk could not process the event (KeyError)"
    assert listed.case_id == poisoned


# ---- nothing unverified is applied ----------------------------------------------------------


def test_without_a_trust_store_pulled_events_are_kept_pending(store: LocalStore) -> None:
    events = [approval_event(a) for a in approvals(2, 500)]
    report = sync(store, FakeCentral([row_of(e, n) for n, e in enumerate(events, 1)]))
    assert (report.applied, report.pending) == (0, 2)
    assert count(store, cases) == 0
    with store.reading() as conn:
        outcomes = set(conn.execute(select(journal.c.outcome)).scalars())
    assert outcomes == {"pending"}


def test_an_upgraded_store_re_verifies_what_it_applied_unchecked(store: LocalStore) -> None:
    events = [approval_event(a) for a in approvals(3, 600)]
    sync(store, FakeCentral([row_of(e, n) for n, e in enumerate(events, 1)]), trust_unsigned=True)
    assert count(store, cases) == 3
    forged = events[1].event_id
    with store.transaction() as conn:
        put_setting(conn, REVERIFY, "1")  # what migration 0007 leaves on a store with pulls

        def verify(event: Event, received_at: datetime | None) -> str | None:
            return "Forged" if event.event_id == forged else None

        refused, more = reverify_pulled(conn, DEFAULT_RULES, verify)
        assert (refused, more) == (1, False)
        assert get_setting(conn, REVERIFY) is None  # once only
        assert set(conn.execute(select(cases.c.case_id)).scalars()) == {
            events[0].case_id,
            events[2].case_id,
        }
        listed = quarantine_list(conn)
    assert [(q.case_id, q.reason) for q in listed] == [(events[1].case_id, "Forged")]


# ---- the fuzz test ------------------------------------------------------------------------

_ANY = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.binary(max_size=40),
    st.datetimes(),
    st.datetimes(timezones=st.just(UTC)),
)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=20,
)
_PAYLOADS = st.one_of(
    st.sampled_from(["{not json", "42", "[1,2]", "", "null", '{"a":' * 2000, "{}", "{}\x00"]),
    _JSON.map(lambda v: json.dumps(v)),
    st.dictionaries(st.text(max_size=12), _JSON, max_size=6).map(lambda v: json.dumps(v)),
    _ANY,
)
_TIMES = st.one_of(
    st.sampled_from(["yesterday", "2026-13-01T00:00:00.000000Z", "2026-03-10T10:00:00Z"]),
    st.datetimes(min_value=datetime(1, 1, 2), timezones=st.just(UTC)).map(format_instant),
    _ANY,
)
_TYPES = st.one_of(st.sampled_from([str(t) for t in EventType]), _ANY)
_COLUMNS: dict[str, st.SearchStrategy[Any]] = {
    "seq": st.one_of(st.integers(min_value=-3, max_value=40), _ANY),
    "event_id": st.one_of(st.uuids().map(str), _ANY),
    "case_id": st.one_of(st.sampled_from(["DNR-ALA-26-0000701", "", "x" * 300]), _ANY),
    "type": _TYPES,
    "payload": _PAYLOADS,
    "actor_iin": _ANY,
    "actor_fingerprint": _ANY,
    "workstation_id": _ANY,
    "recorded_at": _TIMES,
    "signature": st.one_of(st.binary(max_size=200), _ANY),
    "received_at": _TIMES,
    "ws_seq": st.one_of(st.integers(min_value=-2, max_value=2**64), _ANY),
}


@st.composite
def hostile_rows(draw: st.DrawFn) -> list[CentralRow]:
    """A few rows of real events (approvals and desk events of one case), each with some
    columns replaced by anything."""
    approval = approvals(1, 700)[0]
    base = [
        approval_event(approval),
        new_event(
            approval.case_id,
            EventType.ARRIVAL_RECORDED,
            {"entry_date": TODAY.isoformat(), "border_point": "Khorgos"},
            CLERK,
            "WS-OTHER",
            _Clock(),
        ),
    ]
    rows = []
    for seq in range(1, draw(st.integers(min_value=1, max_value=5)) + 1):
        event = draw(st.sampled_from(base))
        changed = draw(st.lists(st.sampled_from(sorted(_COLUMNS)), max_size=4, unique=True))
        values = {name: draw(_COLUMNS[name]) for name in changed}
        rows.append(row_of(event, seq, **values))
    return rows


class _Clock:
    def now(self) -> datetime:
        return datetime(2026, 3, 10, 6, 0, tzinfo=UTC)

    def today(self) -> date:
        return TODAY


_FUZZ_STORE = LocalStore.in_memory()
_VERIFICATION: list[Verification] = []


def _fuzz_verification() -> Verification:
    """A real verifier (the demo PKI's trust store and CRLs), made once for the fuzz test."""
    if not _VERIFICATION:
        folder = Path(tempfile.mkdtemp(prefix="dnr-fuzz-pki-"))
        pki = make_demo_pki(folder / "pki", keys=DemoKeyPool(folder / "keys"))
        _VERIFICATION.append(
            Verification(
                TrustStore.from_pem_dir(pki.trust_dir),
                SignerOrganisations(frozenset({MINISTRY_BIN}), frozenset({MIGRATION_BIN})),
                tuple(load_crls_from_dir(pki.directory / "crl")),
            )
        )
    return _VERIFICATION[0]


_EXAMPLES = iter(range(1, 10**9))


def _shifted(row: CentralRow, base: int) -> CentralRow:
    seq = row.seq
    if isinstance(seq, int) and not isinstance(seq, bool) and 0 < seq <= 40:
        return dataclasses.replace(row, seq=base + seq)
    return row


@settings(
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)
@given(rows=hostile_rows(), mode=st.sampled_from(["hold", "unchecked", "verified"]))
def test_fuzz_no_central_row_crashes_a_pulling_desk(rows: list[CentralRow], mode: str) -> None:
    """Each example is pulled by a desk with no trust store (rows kept pending), by one that
    applies unchecked (the projector meets every payload), or by one that verifies."""
    store = _FUZZ_STORE
    # One store for every example (a store per example would take most of the time); each
    # example is a fresh stretch of central's order after the cursor.
    base = next(_EXAMPLES) * 100
    with store.transaction() as conn:
        put_setting(conn, cursor_name("Almaty"), str(base))
    rows = [_shifted(r, base) for r in rows]
    honest = approval_event(approvals(1, 800 + len(rows))[0])
    central = FakeCentral([*rows, row_of(honest, base + 50)])
    verification = _fuzz_verification() if mode == "verified" else None
    report = sync(  # must not raise
        store, central, trust_unsigned=mode == "unchecked", verification=verification
    )
    assert report.pulled >= 1
    event(f"{mode}: {'some' if report.quarantined else 'no'} rows quarantined")
    event(f"{mode}: {'some' if report.refused else 'no'} events refused")
    with store.reading() as conn:
        journalled = set(conn.execute(select(journal.c.event_id)).scalars())
        assert int(get_setting(conn, cursor_name("Almaty")) or 0) >= base + 50
    assert honest.event_id in journalled  # the pull went on past every hostile row


# ---- gaps -----------------------------------------------------------------------------------


def test_a_hole_in_a_workstations_numbers_is_a_gap(store: LocalStore) -> None:
    from workstation.sync.gaps import Gap, find_gaps

    events = [approval_event(a) for a in approvals(6, 900)]
    numbered = [
        dataclasses.replace(e, workstation_id=ws, workstation_seq=n)
        for e, (ws, n) in zip(
            events,
            [("WS-A", 1), ("WS-A", 2), ("WS-A", 5), ("WS-B", 2), ("WS-B", 3), ("WS-C", 1)],
            strict=True,
        )
    ]
    sync(store, FakeCentral([row_of(e, n) for n, e in enumerate(numbered, 1)]), trust_unsigned=True)
    with store.reading() as conn:
        assert find_gaps(conn) == [Gap("WS-A", 3, 4), Gap("WS-B", 1, 1)]


def test_a_store_with_pulled_events_is_re_verified_after_the_upgrade(tmp_path: Any) -> None:
    from alembic import command

    from workstation.store import schema

    made = LocalStore.open(tmp_path, create=True)
    events = [approval_event(a) for a in approvals(2, 950)]
    sync(made, FakeCentral([row_of(e, n) for n, e in enumerate(events, 1)]), trust_unsigned=True)
    with made.engine.begin() as conn:
        put_setting(conn, REVERIFY, "")  # what a fresh 0007 store has: nothing to redo
        command.downgrade(schema.alembic_config(conn), "0006")
    made.close()
    upgraded = LocalStore.open(tmp_path)
    try:
        with upgraded.reading() as conn:
            assert get_setting(conn, REVERIFY) == "1"  # the next verified round checks them
    finally:
        upgraded.close()
