"""The event envelope: who did what to which case, when, on which desk, and its signature."""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Protocol, cast

from workstation.domain.clock import Clock, local_date
from workstation.domain.lifecycle import EventType
from workstation.security.canonical import canonical_datetime, canonical_json

__all__ = ["Actor", "Event", "canonical_json", "format_instant", "new_event", "parse_instant"]


class Signer(Protocol):
    """What signs an actor's events (journal.signing.EventSigner)."""

    def sign(self, data: bytes) -> bytes: ...


@dataclass(frozen=True)
class Actor:
    """The member of staff an event is attributed to (from their EDS certificate).

    `cert_fingerprint` names the signing certificate; with a `signer`, every event made for
    this actor is signed as it is made (a logged-in desk always has one)."""

    iin: str
    name: str
    role: str
    cert_fingerprint: str = ""
    signer: Signer | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Event:
    event_id: str
    case_id: str
    type: EventType
    payload: dict[str, Any]
    actor_iin: str
    actor_fingerprint: str
    workstation_id: str
    recorded_at: datetime
    signature: bytes | None = field(default=None, compare=False)
    # The payload's canonical JSON text when it came as text (pulled from central): lets
    # signed_bytes() splice it in instead of encoding the payload again (a first pull
    # verifies 100,000 events). Never trusted blindly: a text that is not the canonical
    # form gives other bytes, and the signature check fails.
    payload_json: str | None = field(default=None, compare=False, repr=False)
    # This workstation's own number for the event (1, 2, 3, ... with no holes), signed with
    # it, so a desk pulling another desk's events sees one that central lost or withheld.
    # None on events made before the numbering existed; then it is not in the signed bytes.
    workstation_seq: int | None = None

    def __post_init__(self) -> None:
        if self.recorded_at.tzinfo is None or self.recorded_at.utcoffset() != UTC.utcoffset(None):
            raise ValueError("recorded_at must be an aware UTC datetime")

    @property
    def local_date(self) -> Any:
        """The Kazakhstan calendar date the event was recorded on (rules use it as 'today')."""
        return local_date(self.recorded_at)

    def signed_fields(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "case_id": self.case_id,
            "type": str(self.type),
            "payload": self.payload,
            "actor_iin": self.actor_iin,
            "actor_fingerprint": self.actor_fingerprint,
            "workstation_id": self.workstation_id,
            "recorded_at": format_instant(self.recorded_at),
        } | ({} if self.workstation_seq is None else {"workstation_seq": self.workstation_seq})

    def signed_bytes(self) -> bytes:
        """The exact bytes an actor's detached signature covers."""
        if self.payload_json is None:
            return canonical_json(self.signed_fields())

        # canonical_json's output, key by key in sorted order, with the payload spliced in.
        def text(value: str) -> str:
            return json.dumps(value, ensure_ascii=False)

        return (
            f'{{"actor_fingerprint":{text(self.actor_fingerprint)},'
            f'"actor_iin":{text(self.actor_iin)},"case_id":{text(self.case_id)},'
            f'"event_id":{text(self.event_id)},"payload":{self.payload_json},'
            f'"recorded_at":{text(format_instant(self.recorded_at))},'
            f'"type":{text(str(self.type))},"workstation_id":{text(self.workstation_id)}'
            + ("" if self.workstation_seq is None else f',"workstation_seq":{self.workstation_seq}')
            + "}"
        ).encode()


def format_instant(instant: datetime) -> str:
    """The stored and signed text of an instant (the canonical JSON form of a datetime)."""
    return canonical_datetime(instant)


def event_type_of(text: str) -> EventType:
    """The event type `text` names. A type this version does not know (made by a newer
    desk) is kept as its bare text: the lifecycle then refuses the event, and it is
    journalled and its case flagged like any refusal, instead of stopping every sync there."""
    try:
        return EventType(text)
    except ValueError:
        return cast(EventType, text)


_INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z")


def parse_instant(text: str) -> datetime:
    """The instant of a stored or signed text, which must be in exactly format_instant's form
    (another spelling of the same instant would not re-serialise to the signed bytes)."""
    # fromisoformat after a format check: strptime was a tenth of a first pull's time.
    if not _INSTANT.fullmatch(text):
        raise ValueError(f"time data {text!r} is not a canonical UTC instant")
    return datetime.fromisoformat(text[:-1]).replace(tzinfo=UTC)


def new_event(
    case_id: str,
    event_type: EventType,
    payload: dict[str, Any],
    actor: Actor,
    workstation_id: str,
    clock: Clock,
    *,
    workstation_seq: int | None = None,
) -> Event:
    # Round-trip the payload through canonical JSON now, so what is stored, signed and
    # projected is the same value (no tuples or Decimals sneaking past the signature).
    normal = json.loads(canonical_json(payload))
    event = Event(
        event_id=str(uuid.uuid4()),
        case_id=case_id,
        type=event_type,
        payload=normal,
        actor_iin=actor.iin,
        actor_fingerprint=actor.cert_fingerprint,
        workstation_id=workstation_id,
        recorded_at=clock.now().astimezone(UTC),
        workstation_seq=workstation_seq,
    )
    if actor.signer is None:
        return event
    return replace(event, signature=actor.signer.sign(event.signed_bytes()))
