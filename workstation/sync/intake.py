"""What a desk pulls from central, before it is trusted: raw rows, and their parsing.

Central is outside the desk's trust boundary: a row may hold anything its columns can hold
(SQLite keeps any type in any column). `parse_row` turns a row into an Event or raises
MalformedRow with the reason; the syncer decides what to do with a row that does not parse.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple

from workstation.journal.envelope import Event, event_type_of, format_instant, parse_instant


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


# What a desk accepts of one central row. Central's door refuses more (see sync.door); these
# bounds only keep a hostile central from handing the desk rows it cannot hold or show.
MAX_TEXT = 200  # ids, type, IIN, fingerprint, workstation id
MAX_PAYLOAD = 1 << 20  # characters of payload JSON
MAX_SIGNATURE = 1 << 16  # bytes of CMS (an approval's two SignerInfos take ~1 KB)


class Pulled(NamedTuple):
    """A parsed central row: central's order, the event, and central's clock at receipt."""

    seq: int
    event: Event
    received_at: datetime | None


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _instant(value: Any, name: str) -> datetime:
    if isinstance(value, datetime):  # a timestamp column: must be aware, and UTC
        if value.tzinfo is None or value.utcoffset() != UTC.utcoffset(None):
            raise MalformedRow(f"{name} is not a UTC instant")
        value = format_instant(value)  # as the desk stores it: it must read back
    if not isinstance(value, str):
        raise MalformedRow(f"{name} is not text")
    try:
        instant = parse_instant(value)
    except ValueError:
        raise MalformedRow(f"{name} is not a canonical UTC instant") from None
    if format_instant(instant) != value:  # e.g. year 190: stored, it would not read back
        raise MalformedRow(f"{name} is not a canonical UTC instant")
    return instant


def pulled(row: CentralRow) -> Pulled:
    """The Pulled of a row, or MalformedRow with the reason."""
    if not _whole(row.seq) or row.seq < 1:
        raise MalformedRow(f"seq is not a whole number from 1 ({type(row.seq).__name__})")
    for name in ("event_id", "case_id", "type", "actor_iin", "actor_fingerprint"):
        value = getattr(row, name)
        if not isinstance(value, str):
            raise MalformedRow(f"{name} is not text")
        if len(value) > MAX_TEXT or (not value and name in ("event_id", "case_id", "type")):
            raise MalformedRow(f"{name} is empty or longer than {MAX_TEXT} characters")
    if not isinstance(row.workstation_id, str) or not isinstance(row.recorded_at, str):
        raise MalformedRow("workstation_id or recorded_at is not text")
    if len(row.workstation_id) > MAX_TEXT:
        raise MalformedRow(f"workstation_id is longer than {MAX_TEXT} characters")
    if not isinstance(row.payload, str):
        raise MalformedRow("payload is not text")
    if len(row.payload) > MAX_PAYLOAD:
        raise MalformedRow(f"payload is longer than {MAX_PAYLOAD} characters")
    if row.signature is not None:
        if not isinstance(row.signature, bytes | bytearray | memoryview):
            raise MalformedRow("signature is not bytes")
        if len(row.signature) > MAX_SIGNATURE:
            raise MalformedRow(f"signature is longer than {MAX_SIGNATURE} bytes")
    if row.ws_seq is not None and (not _whole(row.ws_seq) or not 1 <= row.ws_seq < 1 << 63):
        raise MalformedRow("ws_seq is not a whole number from 1")
    try:
        payload = json.loads(row.payload)
    except (ValueError, RecursionError) as exc:
        raise MalformedRow(f"payload is not JSON ({type(exc).__name__})") from None
    if not isinstance(payload, dict):
        raise MalformedRow("payload is not a JSON object")
    recorded_at = _instant(row.recorded_at, "recorded_at")
    received_at = None if row.received_at is None else _instant(row.received_at, "received_at")
    event = Event(
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
        workstation_seq=row.ws_seq,
    )
    return Pulled(row.seq, event, received_at)


def parse_row(row: CentralRow) -> tuple[int, Event]:
    """(central seq, event) of a row, or MalformedRow."""
    seq, event, _ = pulled(row)
    return seq, event


def describe(row: CentralRow, limit: int = 2000) -> str:
    """A bounded text of a row as central gave it, for the quarantine list (never raises)."""
    parts = []
    for name in CentralRow.__dataclass_fields__:
        try:
            text = repr(getattr(row, name))
        except Exception:  # a hostile object's repr
            text = "<unprintable>"
        parts.append(f"{name}={text[:300]}")
    return ", ".join(parts)[:limit]
