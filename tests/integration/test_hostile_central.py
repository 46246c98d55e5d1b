"""Hostile peers of central (issue 15), each attack with its asserted outcome.

Part 1, a hostile desk at central's door: every attack a desk's own database role can make
with psql, refused at the door, with the honest desks' syncs still succeeding. The attacker
is the role of a real Astana workstation, connected with plain psycopg (what `psql` would
do), so it is not held to anything the desk application does. After each attack an honest
Astana desk syncs (pull, push, certificates, audit) and nothing of the attacker's is at
central. A SQLite central has no roles (its file's permissions are its guard); its
gateway's checks are in tests/core/test_central_door.py.

Part 2, a compromised central (a superuser writing any row) changes nothing on an honest
desk: each hostile row is quarantined with its reason or refused for its signature, the
honest desk's syncs go on, and nothing that should not be is applied. These are the rows
that reach a desk anyway, through a compromised or buggy central; they run against
PostgreSQL and SQLite.

CI fails if this module is skipped (tests/integration/conftest.py, CI=true).
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import insert, select, text, update
from sqlalchemy.engine import make_url

from tests.certificates import self_signed_der
from tests.conftest import MakeApproval
from tests.integration.central_setup import CentralUnderTest, SyncingDesk, make_central
from tests.integration.test_signed_sync import NOW as SIGNED_NOW
from tests.integration.test_signed_sync import TODAY as SIGNED_TODAY
from tests.integration.test_signed_sync import VerifyingDesk
from workstation.domain.clock import FixedClock
from workstation.domain.lifecycle import EventType
from workstation.journal.certificates import remember_certificate
from workstation.journal.envelope import Actor, Event, format_instant, new_event
from workstation.journal.projector import UNVERIFIED
from workstation.journal.signing import EventSigner
from workstation.security.eds import StaffKey, load_staff_key, subject_iin_and_bin
from workstation.security.pki import DemoKeyPool, DemoPki, KeyPurpose, make_demo_pki
from workstation.security.roles import Role
from workstation.services.quarantine import quarantine_list
from workstation.store.models import cases, journal
from workstation.sync.branches import DESK_CONNECTION_LIMIT, DeskConnection
from workstation.sync.central_schema import certificates, events
from workstation.sync.demo_seed import ApprovalSigners, approval_event, make_approvals
from workstation.sync.gaps import all_gaps
from workstation.sync.gateway import DoorRefused

pytestmark = pytest.mark.postgres

NOW = datetime(2026, 3, 10, 6, 0, tzinfo=UTC)
INSTANT = "2026-03-10T06:00:00.000000Z"
AST = [f"DNR-AST-26-{n:07d}" for n in (1, 2, 3)]
ALA = [f"DNR-ALA-26-{n:07d}" for n in (4, 5)]


@dataclass
class Scene:
    central: CentralUnderTest
    attacker: DeskConnection  # an Astana workstation's role, in hostile hands
    honest: SyncingDesk  # another Astana desk
    almaty: DeskConnection
    numbers: Iterator[int]

    def sql(self, who: DeskConnection | None = None) -> psycopg.Connection[Any]:
        desk = who or self.attacker
        url = make_url(desk.url)
        return psycopg.connect(
            host=url.host, port=url.port, user=url.username, password=desk.password,
            dbname=url.database, autocommit=True,
        )  # fmt: skip

    def row(self, desk: DeskConnection | None = None, **fields: Any) -> dict[str, Any]:
        """A well-formed pushed row of `desk` (the attacker), as dnr_push_events takes it."""
        desk = desk or self.attacker
        n = next(self.numbers)
        return {
            "event_id": str(uuid.UUID(int=n, version=4)),
            "case_id": AST[0] if desk.branch.city == "Astana" else ALA[0],
            "city": desk.branch.city,
            "type": "ArrivalRecorded",
            "payload": json.dumps({"n": n}),
            "actor_iin": "910517400017",
            "actor_fingerprint": "",
            "workstation_id": desk.workstation_id,
            "recorded_at": INSTANT,
            "signature": None,
            "ws_seq": None,
        } | fields

    def push(self, rows: Any, who: DeskConnection | None = None) -> list[str]:
        with self.sql(who) as conn:
            found = conn.execute("SELECT * FROM dnr_push_events(%s::jsonb)", (json.dumps(rows),))
            return [r[0] for r in found.fetchall()]

    def central_rows(self, where: str = "true") -> list[Any]:
        with self.central.admin.engine.connect() as conn:
            return list(conn.execute(text(f"SELECT * FROM events WHERE {where} ORDER BY seq")))

    def attackers_rows(self) -> list[Any]:
        return self.central_rows(f"workstation_id = '{self.attacker.workstation_id}'")

    def honest_round(self) -> None:
        """The honest desk pushes one new event and syncs; central numbers it densely."""
        gateway = self.honest.gateway  # one engine for the whole module
        n = next(self.numbers)
        event = Event(
            event_id=str(uuid.UUID(int=n, version=4)),
            case_id=AST[1],
            type=EventType.ARRIVAL_RECORDED,
            payload={"n": n},
            actor_iin="910517400017",
            actor_fingerprint="",
            workstation_id=self.honest.connection.workstation_id,
            recorded_at=NOW,
            workstation_seq=n,
        )
        assert gateway.push([(event, "Astana")]) == 1
        report = self.honest.sync()
        assert report.pulled >= 1
        seqs = [int(r.seq) for r in self.central_rows()]
        assert seqs == list(range(1, len(seqs) + 1)), "central's order has a hole"
        held = self.central_rows(f"event_id = '{event.event_id}'")
        assert held[0].ws_seq == n and held[0].received_at.endswith("Z")


@pytest.fixture(scope="module")
def scene(make_pg_database: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scene]:
    central = CentralUnderTest("postgresql", make_pg_database())
    made_up = list(make_approvals(5, seed=15, today=NOW.date(), cities=("Astana",)))
    items = [
        replace(a, case_id=c, city="Astana" if c in AST else "Almaty")
        for a, c in zip(made_up, AST + ALA, strict=True)
    ]
    central.admin.push([(approval_event(a), a.city) for a in items])
    attacker = central.add_desk("AST-1", 1)
    honest = SyncingDesk(
        central, central.add_desk("AST-1", 2), tmp_path_factory.mktemp("honest"), FixedClock(NOW)
    )
    almaty = central.add_desk("ALA-1", 3)
    made = Scene(central, attacker, honest, almaty, iter(range(1000, 10**6)))
    made.honest_round()
    yield made
    honest.close()
    central.close()


@pytest.fixture
def after(scene: Scene) -> Iterator[Scene]:
    """The scene; afterwards the attacker stored nothing and the honest desk still syncs."""
    before = len(scene.attackers_rows())
    yield scene
    assert len(scene.attackers_rows()) == before, "an attacker's row was stored"
    scene.honest_round()


def refused(code: str, push: Callable[[], Any]) -> str:
    """Run `push`; it must be refused at the door with reason `code`; returns the hint."""
    with pytest.raises(psycopg.Error) as caught:
        push()
    diag = caught.value.diag
    assert caught.value.sqlstate == "DNR01", caught.value
    assert diag.message_primary == code, (diag.message_primary, diag.message_hint)
    return diag.message_hint or ""


# --- one row stops every desk ------------------------------------------------------------


def test_a_garbage_certificate_cannot_be_stored_and_every_sync_goes_on(after: Scene) -> None:
    with after.sql() as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO certificates VALUES (%s, 'garbage', 'x', %s)", ("f" * 64, INSTANT)
            )
        for der in (b"garbage", b"0\x03\x02\x01\x00", b"", b"0" * 40000):
            statement = "SELECT dnr_add_certificates(ARRAY[%s::bytea], ARRAY['x'])"
            refused("certificate", partial(conn.execute, statement, (der,)))
    gateway = after.central.gateway(after.attacker)
    with pytest.raises(DoorRefused, match=r"not a DER X\.509 certificate"):
        gateway.add_certificates([b"garbage"])


def test_a_certificate_is_filed_under_its_own_sha256_so_none_can_preempt_another(
    after: Scene,
) -> None:
    honest_der = self_signed_der("HONEST CLERK", NOW, days=365)
    fingerprint = hashlib.sha256(honest_der).hexdigest()
    forged = self_signed_der("HONEST CLERK", NOW, days=365)  # the same name, the attacker's key
    with after.sql() as conn:
        # No fingerprint is taken from the desk: the forged one is filed under its own.
        conn.execute(
            "SELECT dnr_add_certificates(ARRAY[%s::bytea], ARRAY[%s])",
            (forged, f"CN=HONEST CLERK, fingerprint {fingerprint}"),
        )
    gateway = after.honest.gateway
    assert gateway.add_certificates([honest_der]) == 1
    assert gateway.certificates({fingerprint}) == [honest_der]
    assert hashlib.sha256(forged).hexdigest() in gateway.certificate_fingerprints()


def test_broken_der_of_a_real_certificate_is_refused(after: Scene) -> None:
    der = self_signed_der("BROKEN", NOW, days=365)
    inner_length = der.index(b"\x30", 4)  # the tbsCertificate's own SEQUENCE
    broken = [
        der[:-1],
        der + b"\x00",
        der[: inner_length + 1] + bytes([der[inner_length + 1] ^ 0x01]) + der[inner_length + 2 :],
        der[:6] + b"\x80" + der[7:],
        b"\x30\x80" + der[2:],  # an indefinite length: BER, not DER
    ]
    with after.sql() as conn:
        for number, bad in enumerate(broken):
            statement = "SELECT dnr_add_certificates(ARRAY[%s::bytea], ARRAY['x'])"
            try:
                refused("certificate", partial(conn.execute, statement, (bad,)))
            except AssertionError as exc:
                raise AssertionError(f"broken variant {number} was taken") from exc


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"payload": "{not json"}, "payload"),
        ({"payload": "42"}, "payload"),
        ({"payload": "[1,2]"}, "payload"),
        ({"payload": "null"}, "payload"),
        ({"payload": {"a": 1}}, "payload"),  # a JSON object, not its text
        ({"payload": "[" * 100_000 + "]" * 100_000}, "payload_size"),
        ({"payload": json.dumps({"x": "y" * 70_000})}, "payload_size"),
        ({"recorded_at": "yesterday"}, "instant"),
        ({"recorded_at": "2026-03-10T06:00:00Z"}, "instant"),
        ({"recorded_at": "2026-03-10T11:00:00.000000+05:00"}, "instant"),
        ({"recorded_at": "2026-02-30T06:00:00.000000Z"}, "instant"),
        ({"recorded_at": "2026-03-10T06:00:00.000000Z\n"}, "instant"),
        ({"recorded_at": 1773122400}, "instant"),
        ({"type": "Evil"}, "type_unknown"),
        ({"type": None}, "type_unknown"),
        ({"type": "ArrivalApproved"}, "type_not_for_desks"),
        ({"event_id": "not-a-uuid"}, "field"),
        ({"event_id": "0E0E0E0E-0000-4000-8000-000000000001"}, "field"),
        ({"case_id": "x'); DROP TABLE events; --"}, "field"),
        ({"case_id": ""}, "field"),
        ({"actor_iin": "91051740001"}, "field"),
        ({"actor_fingerprint": "ab"}, "field"),
        ({"city": ""}, "field"),
        ({"city": 7}, "field"),
        ({"signature": "%%%not base64"}, "signature"),
        ({"signature": base64.b64encode(b"x" * 40_000).decode()}, "signature"),
        ({"signature": 12}, "signature"),
        ({"ws_seq": 0}, "ws_seq"),
        ({"ws_seq": -1}, "ws_seq"),
        ({"ws_seq": 1.5}, "ws_seq"),
        ({"ws_seq": "7"}, "ws_seq"),
        ({"ws_seq": 2**63}, "ws_seq"),
    ],
    ids=lambda v: v if isinstance(v, str) else json.dumps(v)[:40],
)
def test_a_malformed_event_is_refused_at_the_door(
    after: Scene, fields: dict[str, Any], code: str
) -> None:
    refused(code, lambda: after.push([after.row(), after.row(**fields)]))


@pytest.mark.parametrize(
    "batch", [[], {}, None, "x", [1], [None], [[]], [{}] * 5001], ids=lambda b: repr(b)[:20]
)
def test_a_batch_that_is_no_list_of_events_is_refused(after: Scene, batch: Any) -> None:
    code = "field" if isinstance(batch, list) and 0 < len(batch) <= 5000 else "batch"
    refused(code, lambda: after.push(batch))


# --- a desk role can halt every push ------------------------------------------------------


def test_the_old_advisory_lock_stops_no_push(after: Scene) -> None:
    with after.sql() as conn:
        conn.execute("SELECT pg_advisory_lock(4476498)")
        conn.execute("SELECT pg_advisory_lock(0, 4476498)")  # the two-key form too
        started = time.monotonic()
        after.honest_round()
        assert time.monotonic() - started < 5


def test_a_desk_cannot_take_or_touch_centrals_order(after: Scene) -> None:
    with after.sql() as conn:
        for statement in (
            "BEGIN; LOCK TABLE central_order IN EXCLUSIVE MODE",
            "BEGIN; LOCK TABLE events IN ACCESS EXCLUSIVE MODE",
            "SELECT * FROM central_order FOR UPDATE",
            "UPDATE central_order SET last_seq = last_seq + 100",
            "SELECT dnr_take_order()",
            "UPDATE events SET seq = seq + 1",
            "SELECT setval('events_seq_seq', 1)",
        ):
            with pytest.raises(psycopg.Error) as caught:
                conn.execute(statement)
            assert caught.value.sqlstate in {"42501", "42P01"}, (statement, caught.value)
            conn.execute("ROLLBACK")


def test_a_push_held_open_on_purpose_is_cut_off_and_the_others_go_on(after: Scene) -> None:
    """`SELECT dnr_push_events(..), pg_sleep(..)` holds central's order until commit:
    after a few seconds central ends that session and the honest push goes through."""
    failure: list[BaseException] = []
    row = after.row()

    def hold() -> None:
        try:
            with after.sql() as conn:
                conn.execute(
                    "SELECT (SELECT count(*) FROM dnr_push_events(%s::jsonb)), pg_sleep(120)",
                    (json.dumps([row]),),
                )
        except BaseException as exc:
            failure.append(exc)

    holder = threading.Thread(target=hold)
    holder.start()
    deadline = time.monotonic() + 10
    with after.central.admin.engine.connect() as conn:
        while time.monotonic() < deadline:
            held = conn.execute(
                text(
                    "SELECT count(*) FROM pg_locks WHERE granted AND "
                    "relation = 'central_order'::regclass"
                )
            ).scalar_one()
            conn.commit()
            if held:
                break
            time.sleep(0.05)
    started = time.monotonic()
    after.honest_round()
    assert time.monotonic() - started < 15
    holder.join(30)
    assert not holder.is_alive()
    assert failure and isinstance(failure[0], psycopg.OperationalError)
    assert after.central_rows(f"event_id = '{row['event_id']}'") == []  # rolled back


def test_a_desk_role_cannot_take_every_connection_of_the_server(after: Scene) -> None:
    held: list[psycopg.Connection[Any]] = []
    try:
        with pytest.raises(psycopg.OperationalError, match="too many connections for role"):
            for _ in range(DESK_CONNECTION_LIMIT + 1):
                held.append(after.sql())
        assert 0 < len(held) <= DESK_CONNECTION_LIMIT  # (its gateway may hold one too)
        after.honest_round()  # the honest desk's own role is not held
    finally:
        for conn in held:
            conn.close()


# --- row-level security did not bind a row to its writer ----------------------------------


def test_an_event_claiming_another_workstation_is_refused(after: Scene) -> None:
    for claimed in (after.honest.connection.workstation_id, "WS-ALA-01", "WS-AST-02"):
        row = after.row(workstation_id=claimed)
        hint = refused("workstation", partial(after.push, [row]))
        assert after.attacker.workstation_id in hint


def test_an_event_of_another_city_or_of_a_case_of_another_city_is_refused(after: Scene) -> None:
    refused("city", lambda: after.push([after.row(city="Almaty", case_id=ALA[0])]))
    # An Almaty case id under city Astana: the case is held at central in Almaty.
    hint = refused("case_city", lambda: after.push([after.row(case_id=ALA[1])]))
    assert json.loads(hint)["held"] == "Almaty"
    # A case central never approved: a desk adds to approved cases only.
    refused("case_unknown", lambda: after.push([after.row(case_id="DNR-AST-26-9999999")]))


def test_a_clerk_cannot_create_a_case_with_an_approval(after: Scene) -> None:
    refused(
        "type_not_for_desks",
        lambda: after.push([after.row(type="ArrivalApproved", case_id="DNR-AST-26-0000777")]),
    )


def test_an_event_id_another_desk_used_cannot_be_replaced_or_replayed(after: Scene) -> None:
    theirs = after.row(after.honest.connection)
    theirs["case_id"] = AST[2]
    assert after.push([theirs], after.honest.connection) == [theirs["event_id"]]
    mine = after.row(event_id=theirs["event_id"], case_id=AST[2])
    refused("event_id_taken", lambda: after.push([mine]))
    refused("workstation", lambda: after.push([theirs]))  # a replay is not its own
    assert after.push([theirs], after.honest.connection) == []  # the owner's re-push is fine


def test_a_workstation_number_is_given_once(after: Scene) -> None:
    first = after.row(ws_seq=5)
    assert after.push([first]) == [first["event_id"]]
    try:
        refused("ws_seq_taken", lambda: after.push([after.row(ws_seq=5)]))
        refused("ws_seq_taken", lambda: after.push([after.row(ws_seq=6), after.row(ws_seq=6)]))
        refused(
            "event_id_taken",
            lambda: after.push([after.row(event_id=first["event_id"], ws_seq=7)]),
        )
    finally:  # the fixture counts the attacker's rows: this one was honest
        with after.central.admin.engine.begin() as conn:
            conn.execute(text("DELETE FROM events WHERE event_id = :e"), {"e": first["event_id"]})
            conn.execute(text("UPDATE central_order SET last_seq = (SELECT max(seq) FROM events)"))


def test_seq_and_received_at_are_centrals_not_the_desks(after: Scene) -> None:
    row = after.row(seq=1, received_at="1999-01-01T00:00:00.000000Z", case_id=AST[2])
    try:
        assert after.push([row]) == [row["event_id"]]
        held = after.central_rows(f"event_id = '{row['event_id']}'")[0]
        assert held.seq == max(r.seq for r in after.central_rows())
        assert held.received_at > "2026-"
    finally:
        with after.central.admin.engine.begin() as conn:
            conn.execute(text("DELETE FROM events WHERE event_id = :e"), {"e": row["event_id"]})
            conn.execute(text("UPDATE central_order SET last_seq = (SELECT max(seq) FROM events)"))


# --- direct reads and writes, and the door's own corners --------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "SELECT * FROM events",
        "SELECT * FROM certificates",
        "SELECT * FROM audit_entries",
        "SELECT * FROM workstations",
        "SELECT * FROM branches",
        "SELECT * FROM notification_deliveries",
        "SELECT * FROM central_order",
        "INSERT INTO events (seq, event_id) VALUES (99999, 'x')",
        "INSERT INTO audit_entries VALUES ('x', 1, 'x', 'x', 'x')",
        "UPDATE certificates SET der = 'x'",
        "DELETE FROM audit_entries",
        "TRUNCATE events",
        "ALTER TABLE events DISABLE ROW LEVEL SECURITY",
        "UPDATE central_schema_version SET version_num = 'c001'",
        "SELECT dnr_refuse('x', '{}')",
        "SELECT * FROM dnr_binding()",
        "SELECT dnr_check_event('{}', NULL, NULL, false)",
        "SELECT dnr_der_ok('x')",
        "CREATE FUNCTION dnr_whoami2() RETURNS int LANGUAGE sql AS 'SELECT 1'",
    ],
)
def test_a_desk_role_reads_and_writes_no_table(after: Scene, statement: str) -> None:
    with after.sql() as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(statement)


def test_a_desk_cannot_become_the_doors_owner(after: Scene) -> None:
    with after.sql() as conn:
        owner = conn.execute(
            "SELECT pg_get_userbyid(proowner) FROM pg_proc WHERE proname = 'dnr_push_events'"
        ).fetchone()
        assert owner is not None
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f'SET ROLE "{owner[0]}"')
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f'SET SESSION AUTHORIZATION "{owner[0]}"')


def test_temporary_tables_do_not_shadow_centrals(after: Scene) -> None:
    """A role may make temporary tables; the door's functions must never read them."""
    with after.sql() as conn:
        conn.execute(
            "CREATE TEMP TABLE workstations (workstation_id text, branch_id text, "
            "name text, db_role text)"
        )
        conn.execute("INSERT INTO workstations VALUES ('WS-ALA-01', 'ALA-1', 'x', current_user)")
        conn.execute("CREATE TEMP TABLE branches (branch_id text, city text, name text)")
        conn.execute("INSERT INTO branches VALUES ('ALA-1', 'Almaty', 'x')")
        conn.execute("CREATE TEMP TABLE events (LIKE pg_catalog.pg_class)")
        row = after.row(workstation_id="WS-ALA-01", city="Almaty", case_id=ALA[0])
        with pytest.raises(psycopg.Error) as caught:
            conn.execute("SELECT * FROM dnr_push_events(%s::jsonb)", (json.dumps([row]),))
        assert caught.value.diag.message_primary == "workstation"
        whoami = conn.execute("SELECT workstation_id, city FROM dnr_whoami()").fetchall()
        assert whoami == [(after.attacker.workstation_id, "Astana")]


def test_a_desk_reads_only_its_own_city_and_its_own_audit(after: Scene) -> None:
    with after.sql() as conn:
        cities = conn.execute("SELECT DISTINCT city FROM dnr_pull_events(0, NULL, 1000)")
        assert cities.fetchall() == [("Astana",)]
        refused("pull_city", lambda: conn.execute("SELECT * FROM dnr_pull_events(0, 'Almaty', 9)"))
        refused(
            "audit_workstation",
            lambda: conn.execute(
                "SELECT * FROM dnr_audit_records(%s)", (after.honest.connection.workstation_id,)
            ),
        )


# --- the audit trail's tail ----------------------------------------------------------------


def _audit(ws: str, seq: int, prev: str, entry: str) -> str:
    return json.dumps(
        {"seq": seq, "workstation_id": ws, "at": INSTANT, "prev_hash": prev,
         "entry_hash": entry, "action": "login", "signature": ""},
        sort_keys=True, separators=(",", ":"),
    )  # fmt: skip


def test_central_refuses_audit_that_does_not_extend_the_chain_it_holds(after: Scene) -> None:
    ws = after.attacker.workstation_id
    zero, one, two, three = "0" * 64, "1" * 64, "2" * 64, "3" * 64

    def push(*records: str) -> Any:
        with after.sql() as conn:
            return conn.execute(
                "SELECT dnr_push_audit(%s::jsonb)", (json.dumps(list(records)),)
            ).fetchone()

    refused("audit_chain", lambda: push(_audit(ws, 2, one, two)))  # no entry 1 yet
    refused("audit_chain", lambda: push(_audit(ws, 1, one, two)))  # not from genesis
    assert push(_audit(ws, 1, zero, one), _audit(ws, 2, one, two)) == (2,)
    assert push(_audit(ws, 1, zero, one)) == (0,)  # the same entry again: skipped
    # The tail cut on the desk and rewritten: central holds the original.
    refused("audit_changed", lambda: push(_audit(ws, 2, one, three)))
    refused("audit_chain", lambda: push(_audit(ws, 4, three, three)))  # a hole
    refused("audit_chain", lambda: push(_audit(ws, 3, three, three)))  # another prev hash
    other = after.honest.connection.workstation_id
    refused("audit_workstation", lambda: push(_audit(other, 1, zero, one)))
    for bad in ("{not json", "42", json.dumps({"seq": "1"})):
        refused("audit_record", partial(push, bad))
    refused("audit_record", lambda: push(_audit(ws, 3, two, "x")))
    gateway = after.central.gateway(after.attacker)
    assert [r["seq"] for r in gateway.audit_records(ws)] == [1, 2]


# ---- Part 2: a compromised central (a superuser writes any row) ----------------------

BACKENDS = ["postgresql", "sqlite"]


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> DemoPki:
    keys = DemoKeyPool(tmp_path_factory.getbasetemp() / "demo-keys")
    return make_demo_pki(
        tmp_path_factory.mktemp("pki"), keys=keys, now=SIGNED_NOW - timedelta(days=2)
    )


def _row(**values: Any) -> dict[str, Any]:
    """A central events row as a superuser writes it: any of the columns wrong."""
    return {
        "event_id": values.pop("event_id"),
        "case_id": "DNR-AST-26-0000001",
        "city": "Astana",
        "type": "ArrivalRecorded",
        "payload": '{"border_point":"Khorgos","entry_date":"2026-03-09"}',
        "actor_iin": "910517400017",
        "actor_fingerprint": "ab" * 32,
        "workstation_id": "WS-ROGUE",
        "recorded_at": format_instant(SIGNED_NOW),
        "signature": None,
        "received_at": format_instant(SIGNED_NOW),
    } | values


def _states(desk: VerifyingDesk) -> dict[str, str]:
    with desk.store.reading() as conn:
        return {r.case_id: r.state for r in conn.execute(select(cases.c.case_id, cases.c.state))}


@pytest.mark.parametrize("kind", BACKENDS)
def test_malformed_rows_are_quarantined_and_the_desk_syncs_on(
    kind: str,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    pki: DemoPki,
    make_approval: MakeApproval,
) -> None:
    central = make_central(kind, request, tmp_path)
    signers = ApprovalSigners.from_files(pki.ministry.p12, pki.migration_service.p12, pki.password)
    central.admin.add_certificates(signers.certificates_der())
    first, last = (make_approval(n, approval_date=SIGNED_TODAY - timedelta(days=5)) for n in (1, 2))
    central.admin.push([(approval_event(first, signers), first.city)])
    hostile = [
        _row(event_id="00000000-0000-4000-8000-000000000001", payload="{not json"),
        _row(event_id="00000000-0000-4000-8000-000000000002", payload="42"),
        _row(event_id="00000000-0000-4000-8000-000000000003", payload="[1,2]"),
        _row(event_id="00000000-0000-4000-8000-000000000004", recorded_at="yesterday"),
        _row(event_id="00000000-0000-4000-8000-000000000005", received_at="now"),
    ]
    with central.admin.connect() as conn, conn.begin():
        # Central numbers events itself since c006; a superuser writes the numbers too.
        conn.execute(insert(events), [r | {"seq": n} for n, r in enumerate(hostile, 2)])
        if kind == "postgresql":
            conn.execute(text("UPDATE central_order SET last_seq = :n"), {"n": len(hostile) + 1})
        conn.execute(  # one certificate row of garbage: it once stopped every desk's sync
            insert(certificates).values(
                fingerprint="f" * 64, der=b"garbage", subject="CN=garbage", added_at="x"
            )
        )
    central.admin.push([(approval_event(last, signers), last.city)])
    desk = VerifyingDesk(central, "AST-1", 1, pki, tmp_path / "a", FixedClock(SIGNED_NOW))
    try:
        report = desk.sync()
        assert (report.applied, report.quarantined) == (2, 5)
        assert desk.case_ids() == {first.case_id, last.case_id}  # the pull went on past them
        with desk.store.reading() as conn:
            reasons = sorted(q.reason for q in quarantine_list(conn) if q.kind == "row")
        assert reasons == [
            "payload is not JSON (JSONDecodeError)",
            "payload is not a JSON object",
            "payload is not a JSON object",
            "received_at is not a canonical UTC instant",
            "recorded_at is not a canonical UTC instant",
        ]
        again = desk.sync()  # and every later sync succeeds, with nothing listed twice
        assert (again.pulled, again.quarantined) == (0, 0)
    finally:
        desk.close()
        central.close()


@pytest.mark.parametrize("kind", BACKENDS)
def test_backdated_auth_signed_and_unpermitted_events_apply_nowhere(
    kind: str,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    pki: DemoPki,
    make_approval: MakeApproval,
) -> None:
    central = make_central(kind, request, tmp_path)
    signers = ApprovalSigners.from_files(pki.ministry.p12, pki.migration_service.p12, pki.password)
    central.admin.add_certificates(signers.certificates_der())
    approvals = [
        make_approval(n, approval_date=SIGNED_TODAY - timedelta(days=5)) for n in range(1, 6)
    ]
    central.admin.push([(approval_event(a, signers), a.city) for a in approvals])
    desk = VerifyingDesk(central, "AST-1", 1, pki, tmp_path / "a", FixedClock(SIGNED_NOW))
    try:
        assert desk.sync().applied == 5
        revoked, crl = pki.revoked_key(KeyPurpose.SIGN)  # revoked an hour before the PKI's day
        expired = pki.expired_key(KeyPurpose.SIGN)  # ended the day before
        clerk = pki.staff_for(Role.CLERK)
        auth = load_staff_key(clerk.auth_p12.read_bytes(), pki.password)
        sign = load_staff_key(clerk.sign_p12.read_bytes(), pki.password)
        made_at = pki.created_at
        forged = [
            # Signed with the revoked key, dated 30 minutes before the revocation.
            _made(revoked, approvals[0].case_id, made_at - timedelta(minutes=90)),
            # Signed with the expired key, dated the day before it expired.
            _made(expired, approvals[1].case_id, made_at - timedelta(days=2)),
            # Signed with the clerk's log-in (AUTH) key.
            _made(auth, approvals[2].case_id, SIGNED_NOW, iin=clerk.iin),
            # A decision signed by a clerk.
            _made(
                sign,
                approvals[3].case_id,
                SIGNED_NOW,
                iin=clerk.iin,
                event_type=EventType.DECISION_RECORDED,
                payload={"decision": "issued", "permit_number": "P-1"},
            ),
        ]
        with desk.store.transaction() as conn:
            for key in (revoked, expired, auth):
                remember_certificate(conn, key.certificate, SIGNED_NOW)
        # The desk's CRL of the issuing CA is the one that lists the revoked key.
        desk.verification = replace(
            desk.verification,
            crls=(*[c for c in desk.verification.crls if c.issuer != crl.issuer], crl),
        )
        central.admin.push([(e, "Astana") for e in forged])  # central stamps received_at now
        report = desk.sync()
        assert (report.applied, report.refused) == (0, 4)
        with desk.store.reading() as conn:
            refusals = {
                r.event_id: r.refusal
                for r in conn.execute(
                    select(journal.c.event_id, journal.c.refusal).where(
                        journal.c.event_id.in_([e.event_id for e in forged])
                    )
                )
            }
        assert all(r.startswith(UNVERIFIED) for r in refusals.values())
        assert "revoked" in refusals[forged[0].event_id]
        assert "expired" in refusals[forged[1].event_id]
        assert "nonRepudiation" in refusals[forged[2].event_id]
        assert "may not" in refusals[forged[3].event_id]
        assert set(_states(desk).values()) == {"approved"}  # nothing moved any case
    finally:
        desk.close()
        central.close()


def _made(
    key: Any,
    case_id: str,
    at: Any,
    *,
    iin: str | None = None,
    event_type: EventType = EventType.ARRIVAL_RECORDED,
    payload: dict[str, Any] | None = None,
) -> Any:
    staff_key = (
        key
        if isinstance(key, StaffKey)
        else StaffKey(key.private_key, key.certificate, tuple(key.chain))
    )
    signer = EventSigner(staff_key)
    actor_iin = iin or subject_iin_and_bin(signer.certificate)[0] or ""
    actor = Actor(actor_iin, "SOMEONE", "clerk", signer.fingerprint, signer)
    return new_event(
        case_id,
        event_type,
        payload
        or {"entry_date": (SIGNED_TODAY - timedelta(days=3)).isoformat(), "border_point": "X"},
        actor,
        "WS-ROGUE",
        FixedClock(at),
    )


@pytest.mark.parametrize("kind", BACKENDS)
def test_a_desk_without_a_trust_store_applies_nothing_until_it_has_one(
    kind: str,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    pki: DemoPki,
    make_approval: MakeApproval,
) -> None:
    central = make_central(kind, request, tmp_path)
    signers = ApprovalSigners.from_files(pki.ministry.p12, pki.migration_service.p12, pki.password)
    central.admin.add_certificates(signers.certificates_der())
    good = make_approval(1, approval_date=SIGNED_TODAY - timedelta(days=5))
    unsigned = approval_event(make_approval(2, approval_date=SIGNED_TODAY - timedelta(days=5)))
    central.admin.push([(approval_event(good, signers), good.city), (unsigned, "Astana")])
    desk = VerifyingDesk(central, "AST-1", 1, pki, tmp_path / "a", FixedClock(SIGNED_NOW))
    verification, desk.verification = desk.verification, None  # type: ignore[assignment]
    try:
        held = desk.sync()
        assert (held.applied, held.pending) == (0, 2) and desk.case_ids() == set()
        desk.verification = verification  # the trust store is set up: the next sync checks
        settled = desk.sync()
        assert (settled.settled, settled.refused) == (1, 1)
        assert desk.case_ids() == {good.case_id}
    finally:
        desk.close()
        central.close()


def test_a_row_moved_far_ahead_in_centrals_order_is_noticed(
    request: pytest.FixtureRequest, tmp_path: Path, pki: DemoPki, make_approval: MakeApproval
) -> None:
    """A superuser moves one event's seq far ahead: a desk's cursor jumps past every event
    central orders after, and those never reach it. The desk's own events are among them:
    it sees that central accepted them and never handed them back."""
    central = make_central("postgresql", request, tmp_path)
    signers = ApprovalSigners.from_files(pki.ministry.p12, pki.migration_service.p12, pki.password)
    central.admin.add_certificates(signers.certificates_der())
    approvals = [make_approval(n, approval_date=SIGNED_TODAY - timedelta(days=5)) for n in (1, 2)]
    central.admin.push([(approval_event(a, signers), a.city) for a in approvals])
    desk = VerifyingDesk(central, "AST-1", 1, pki, tmp_path / "a", FixedClock(SIGNED_NOW))
    workstation_id = desk.connection.workstation_id
    try:
        assert desk.sync().applied == 2
        with central.admin.connect() as conn, conn.begin():
            last = conn.execute(select(events.c.event_id).order_by(events.c.seq.desc())).first()
            assert last is not None
            conn.execute(update(events).where(events.c.event_id == last.event_id).values(seq=10**9))
        desk.sync()  # pulls the moved row: its cursor is now past everything to come
        desk.desk.record_arrival(approvals[0].case_id, SIGNED_TODAY - timedelta(days=1), "Khorgos")
        report = desk.sync()
        assert report.pushed == 1 and report.pulled == 0  # central's seq for it is < 10**9
        with desk.store.reading() as conn:
            gaps = all_gaps(conn, workstation_id)
        assert [(g.kind, g.missing) for g in gaps] == [("unreturned", 1)]
    finally:
        desk.close()
        central.close()
