"""Central's door on the embedded SQLite central (workstation.sync.door, door_sqlite): the
same refusals as the PostgreSQL functions of migration c006, minus the role binding a file
cannot make (tests/integration/test_hostile_central.py plays them against PostgreSQL)."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.certificates import self_signed_der
from workstation.domain.lifecycle import EventType
from workstation.journal.envelope import Event
from workstation.sync import door
from workstation.sync.central_schema import events
from workstation.sync.gateway import CentralGateway, DoorRefused

NOW = datetime(2026, 3, 10, 6, 0, tzinfo=UTC)
INSTANT = "2026-03-10T06:00:00.000000Z"
MIGRATIONS = Path(door.__file__).parent / "migrations" / "versions"


@pytest.fixture
def central(tmp_path: Path) -> Iterator[CentralGateway]:
    gateway = CentralGateway(f"sqlite:///{tmp_path / 'central.sqlite3'}")
    gateway.init_schema()
    yield gateway
    gateway.dispose()


def event(n: int, **fields: Any) -> Event:
    values: dict[str, Any] = {
        "event_id": str(uuid.UUID(int=n, version=4)),
        "case_id": "DNR-AST-26-0000001",
        "type": EventType.ARRIVAL_RECORDED,
        "payload": {"n": n},
        "actor_iin": "910517400017",
        "actor_fingerprint": "",
        "workstation_id": "WS-AST-01",
        "recorded_at": NOW,
    }
    return Event(**(values | fields))


def row(n: int = 1, **fields: Any) -> dict[str, Any]:
    """A pushed row as the gateway hands it to the door."""
    return {
        "event_id": str(uuid.UUID(int=n, version=4)),
        "case_id": "DNR-AST-26-0000001",
        "city": "Astana",
        "type": "ArrivalRecorded",
        "payload": '{"n":1}',
        "actor_iin": "910517400017",
        "actor_fingerprint": "",
        "workstation_id": "WS-AST-01",
        "recorded_at": INSTANT,
        "signature": None,
        "ws_seq": None,
    } | fields


def test_the_schema_knows_exactly_the_desks_event_types() -> None:
    """A new event type needs a central migration that teaches the door about it."""
    spec = importlib.util.spec_from_file_location("c006", MIGRATIONS / "c006_desk_door.py")
    assert spec is not None and spec.loader is not None
    c006 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(c006)
    assert set(c006.EVENT_TYPES) == door.KNOWN_EVENT_TYPES == {str(t) for t in EventType}
    from workstation.sync.branches import DESK_FUNCTIONS

    assert c006.DESK_FUNCTIONS == DESK_FUNCTIONS


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"payload": "{not json"}, "payload"),
        ({"payload": "42"}, "payload"),
        ({"payload": "[1,2]"}, "payload"),
        ({"payload": {"a": 1}}, "payload"),
        ({"payload": "[" * 100_000 + "]" * 100_000}, "payload_size"),
        ({"payload": "[" * 30_000 + "]" * 30_000}, "payload"),  # deep, under the limit
        ({"recorded_at": "yesterday"}, "instant"),
        ({"recorded_at": "2026-03-10T06:00:00Z"}, "instant"),
        ({"recorded_at": "2026-02-30T06:00:00.000000Z"}, "instant"),
        ({"recorded_at": "2026-03-10T06:00:00.000000Z\n"}, "instant"),
        ({"recorded_at": 1773122400}, "instant"),
        ({"type": "Evil"}, "type_unknown"),
        ({"type": None}, "type_unknown"),
        ({"event_id": "not-a-uuid"}, "field"),
        ({"event_id": 7}, "field"),
        ({"case_id": "x'); DROP TABLE events; --"}, "field"),
        ({"actor_iin": "91051740001"}, "field"),
        ({"actor_fingerprint": "AB" * 32}, "field"),
        ({"city": " Astana"}, "field"),
        ({"city": "Ast\nana"}, "field"),
        ({"workstation_id": ""}, "field"),
        ({"signature": "AAAA"}, "signature"),
        ({"signature": b"x" * 40_000}, "signature"),
        ({"ws_seq": 0}, "ws_seq"),
        ({"ws_seq": True}, "ws_seq"),
        ({"ws_seq": 2**63}, "ws_seq"),
    ],
    ids=lambda v: v if isinstance(v, str) else repr(v)[:40],
)
def test_a_malformed_row_is_refused_with_its_reason(fields: dict[str, Any], code: str) -> None:
    with pytest.raises(door.DoorRefusal) as refused:
        door.check_event(row(**fields), door.ADMIN)
    assert refused.value.code == code


def test_a_well_formed_row_passes_and_a_desk_binding_is_checked() -> None:
    door.check_event(row(ws_seq=3, signature=b"sig"), door.ADMIN)
    desk = door.Binding("WS-AST-01", "Astana", desk=True)
    door.check_event(row(), desk)
    for fields, code in (
        ({"workstation_id": "WS-AST-02"}, "workstation"),
        ({"city": "Almaty"}, "city"),
        ({"type": "ArrivalApproved"}, "type_not_for_desks"),
    ):
        with pytest.raises(door.DoorRefusal) as refused:
            door.check_event(row(1, **fields), desk)
        assert refused.value.code == code


def test_a_bad_event_refuses_the_whole_batch_naming_it(central: CentralGateway) -> None:
    good, bad = event(1), replace(event(2), payload_json="{not json")
    with pytest.raises(DoorRefused, match="payload is not a JSON object") as refused:
        central.push([(good, "Astana"), (bad, "Astana")])
    assert refused.value.event_id == bad.event_id and refused.value.code == "payload"
    assert central.pull_rows(0, None, 10) == []  # nothing of the batch
    assert central.push([(good, "Astana")]) == 1  # the desk sends the rest again


def test_ids_cases_and_workstation_numbers_cannot_be_taken_over(central: CentralGateway) -> None:
    first = event(1, workstation_seq=1)
    assert central.push([(first, "Astana")]) == 1
    assert central.push([(first, "Astana")]) == 0  # the same event again: skipped
    cases = (
        (replace(first, payload={"n": 99}), "Astana", "event_id_taken"),
        (event(2), "Almaty", "case_city"),  # its case is held in Astana
        (event(3, workstation_seq=1), "Astana", "ws_seq_taken"),
    )
    for made, city, code in cases:
        with pytest.raises(DoorRefused) as refused:
            central.push([(made, city)])
        assert refused.value.code == code, refused.value
    with pytest.raises(DoorRefused, match="already gave number 4"):
        central.push(
            [(event(4, workstation_seq=4), "Astana"), (event(5, workstation_seq=4), "Astana")]
        )
    with pytest.raises(DoorRefused) as refused:
        central.push([(event(6), "Astana"), (event(6, payload={"x": 1}), "Astana")])
    assert refused.value.code == "event_id_taken"
    assert len(central.pull_rows(0, None, 10)) == 1


def test_central_numbers_and_stamps_and_the_workstation_number_travels(
    central: CentralGateway,
) -> None:
    central.push([(event(n, workstation_seq=n), "Astana") for n in (1, 2, 3)])
    rows = central.pull_rows(0, None, 10)
    assert [r.seq for r in rows] == [1, 2, 3]
    assert [r.ws_seq for r in rows] == [1, 2, 3]
    assert all(door.is_instant(r.received_at) for r in rows)


def test_garbage_certificates_are_refused_and_fingerprints_are_centrals(
    central: CentralGateway,
) -> None:
    der = self_signed_der("CLERK", NOW)
    for garbage in (b"garbage", der[:-1], der + b"\x00", b""):
        with pytest.raises(DoorRefused, match=r"is not a DER X\.509 certificate"):
            central.add_certificates([der, garbage])
    assert central.certificate_fingerprints() == set()
    assert central.add_certificates([der]) == 1
    assert central.certificate_fingerprints() == {hashlib.sha256(der).hexdigest()}


def _audit(seq: int, prev: str, entry: str, ws: str = "WS-AST-01") -> dict[str, Any]:
    return {"seq": seq, "workstation_id": ws, "at": INSTANT, "prev_hash": prev,
            "entry_hash": entry, "action": "login", "details": {}, "signature": ""}  # fmt: skip


def test_audit_entries_must_extend_the_chain_central_holds(central: CentralGateway) -> None:
    zero, one, two, three = "0" * 64, "1" * 64, "2" * 64, "3" * 64
    refusals = (
        ([_audit(2, one, two)], "audit_chain"),
        ([_audit(1, one, two)], "audit_chain"),
        ([_audit(1, zero, one), _audit(1, zero, two, "WS-AST-02")], "audit_workstation"),
        ([_audit(1, zero, one) | {"at": "yesterday"}], "audit_record"),
        ([_audit(1, zero, "x")], "audit_record"),
        ([{"seq": "1"}], "audit_record"),
    )
    for records, code in refusals:
        with pytest.raises(DoorRefused) as refused:
            central.push_audit(records)
        assert refused.value.code == code, records
    assert central.push_audit([_audit(1, zero, one), _audit(2, one, two)]) == 2
    assert central.push_audit([_audit(2, one, two)]) == 0  # sent again: skipped
    for records, code in (
        ([_audit(2, one, three)], "audit_changed"),  # the tail cut and rewritten
        ([_audit(4, three, three)], "audit_chain"),
        ([_audit(3, three, three)], "audit_chain"),
    ):
        with pytest.raises(DoorRefused) as refused:
            central.push_audit(records)
        assert refused.value.code == code
    assert [r["seq"] for r in central.audit_records("WS-AST-01")] == [1, 2]


def test_a_refusal_reads_the_same_from_either_back_end() -> None:
    """PostgreSQL sends the code and its values (HINT); the desk fills the same template."""
    refusal = door.DoorRefusal(
        "city", event="00000000-0000-4000-8000-000000000001", given="Almaty", bound="Astana"
    )
    assert str(refusal) == (
        "Event 00000000-0000-4000-8000-000000000001 is addressed to Almaty; this desk's "
        "branch is in Astana."
    )
    assert refusal.event_id == "00000000-0000-4000-8000-000000000001"
    assert door.DoorRefusal("no such code", x=1).event_id is None
    assert "?" in str(door.DoorRefusal("city"))  # missing values never crash the message


def test_signature_bytes_round_trip(central: CentralGateway) -> None:
    signed = replace(event(1), signature=b"\x00\xffsignature")
    central.push([(signed, "Astana")])
    (held,) = central.pull_rows(0, None, 10)
    assert bytes(held.signature) == b"\x00\xffsignature"
    with central.engine.connect() as conn:
        assert conn.execute(text(f"SELECT count(*) FROM {events.name}")).scalar_one() == 1
    assert json.loads(held.payload) == {"n": 1}
