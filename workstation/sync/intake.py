"""What a desk pulls from central, before it is trusted: raw rows, and their parsing.

Central is outside the desk's trust boundary: a row may hold anything its columns can hold
(SQLite keeps any type in any column). `parse_row` turns a row into an Event or raises
MalformedRow with the reason; the syncer decides what to do with a row that does not parse.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from workstation.journal.envelope import Event, event_type_of, parse_instant


@dataclass(frozen=True)
class CentralRow:
    """One row of central's `events`, exactly as the database gave it (nothing checked)."""

    seq: Any
    event_id: Any
    case_id: Any
    city: Any
    type: Any
    payload: Any
    actor_iin: Any
    actor_fingerprint: Any
    workstation_id: Any
    recorded_at: Any
    signature: Any
    received_at: Any
    ws_seq: Any = None  # the workstation's own number of the event (Event.workstation_seq)

    @classmethod
    def of(cls, row: Any) -> CentralRow:
        return cls(
            seq=row.seq,
            event_id=row.event_id,
            case_id=row.case_id,
            city=row.city,
            type=row.type,
            payload=row.payload,
            actor_iin=row.actor_iin,
            actor_fingerprint=row.actor_fingerprint,
            workstation_id=row.workstation_id,
            recorded_at=row.recorded_at,
            signature=row.signature,
            received_at=row.received_at,
            ws_seq=getattr(row, "ws_seq", None),
        )


class MalformedRow(ValueError):
    """A central row that is not an event this desk can read; the message says why."""


def parse_row(row: CentralRow) -> tuple[int, Event]:
    """(central seq, event) of a row, or MalformedRow."""
    if not isinstance(row.seq, int) or isinstance(row.seq, bool):
        raise MalformedRow(f"seq is not a whole number ({type(row.seq).__name__})")
    for name in ("event_id", "case_id", "type", "actor_iin", "actor_fingerprint"):
        if not isinstance(getattr(row, name), str):
            raise MalformedRow(f"{name} is not text")
    if not isinstance(row.workstation_id, str) or not isinstance(row.recorded_at, str):
        raise MalformedRow("workstation_id or recorded_at is not text")
    if not isinstance(row.payload, str):
        raise MalformedRow("payload is not text")
    if row.signature is not None and not isinstance(row.signature, bytes | bytearray | memoryview):
        raise MalformedRow("signature is not bytes")
    try:
        payload = json.loads(row.payload)
    except (ValueError, RecursionError) as exc:
        raise MalformedRow(f"payload is not JSON ({type(exc).__name__})") from None
    if not isinstance(payload, dict):
        raise MalformedRow("payload is not a JSON object")
    try:
        recorded_at = parse_instant(row.recorded_at)
    except ValueError:
        raise MalformedRow("recorded_at is not a canonical UTC instant") from None
    return row.seq, Event(
        event_id=row.event_id,
        case_id=row.case_id,
        type=event_type_of(row.type),
        payload=payload,
        actor_iin=row.actor_iin,
        actor_fingerprint=row.actor_fingerprint,
        workstation_id=row.workstation_id,
        recorded_at=recorded_at,
        signature=None if row.signature is None else bytes(row.signature),
        payload_json=row.payload,
    )
