"""The door of central: what a desk may put there, checked the same way on both back ends.

On PostgreSQL a desk role holds no privilege on central's tables: it calls a few SECURITY
DEFINER functions (migration c006) that check every row as below and refuse the batch with
a reason code. The SQLite central (no roles) runs the same checks here, in the gateway.
Both name a refusal by one of REASONS, so the desk shows the same clear message for either.

A refused batch is refused whole, naming the first bad event: nothing of it is stored, so
the desk knows exactly which event to set aside before sending the rest again.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cryptography import x509

from workstation.domain.lifecycle import EventType
from workstation.i18n import QT_TRANSLATE_NOOP, Template

# Limits a row must keep to (a signed event is a few kilobytes; these leave room to grow).
MAX_PAYLOAD_BYTES = 64 * 1024
MAX_SIGNATURE_BYTES = 32 * 1024
MAX_CERTIFICATE_BYTES = 16 * 1024
MAX_AUDIT_RECORD_BYTES = 64 * 1024
MAX_BATCH = 5000
MAX_WS_SEQ = 2**63 - 1

# The event types central's schema (c006) knows; a test keeps this and the migration equal.
KNOWN_EVENT_TYPES = frozenset(str(t) for t in EventType)
# Approvals come from the migration service's feed (central's administrator), never a desk.
NOT_FROM_DESKS = frozenset({str(EventType.ARRIVAL_APPROVED)})

EVENT_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
CASE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}")
WORKSTATION_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
IIN = re.compile(r"[0-9]{12}")
FINGERPRINT = re.compile(r"(?:[0-9a-f]{64})?")
HASH = re.compile(r"[0-9a-f]{64}")
INSTANT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z")
CITY = re.compile(r"\S(?:.{0,58}\S)?")
GENESIS_HASH = "0" * 64

REASONS: dict[str, Template] = {
    "not_a_workstation": QT_TRANSLATE_NOOP(
        "door", "This database role is not a workstation of central: ask the administrator."
    ),
    "batch": QT_TRANSLATE_NOOP(
        "door", "Central takes a batch of 1 to {limit} items as a list; this one is not."
    ),
    "field": QT_TRANSLATE_NOOP("door", "Event {event}: {field} is missing or malformed."),
    "type_unknown": QT_TRANSLATE_NOOP(
        "door", "Event {event}: type {type} is unknown to central's schema."
    ),
    "type_not_for_desks": QT_TRANSLATE_NOOP(
        "door",
        "Event {event}: a desk cannot send {type}; approvals come from the migration service.",
    ),
    "payload": QT_TRANSLATE_NOOP("door", "Event {event}: the payload is not a JSON object."),
    "payload_size": QT_TRANSLATE_NOOP(
        "door", "Event {event}: the payload is larger than {limit} bytes."
    ),
    "instant": QT_TRANSLATE_NOOP(
        "door",
        "Event {event}: {field} is not a canonical UTC instant (YYYY-MM-DDTHH:MM:SS.ffffffZ).",
    ),
    "signature": QT_TRANSLATE_NOOP(
        "door", "Event {event}: the signature is not bytes of at most {limit}."
    ),
    "ws_seq": QT_TRANSLATE_NOOP(
        "door", "Event {event}: the workstation's number is not a whole number from 1."
    ),
    "ws_seq_taken": QT_TRANSLATE_NOOP(
        "door",
        "Event {event}: workstation {workstation} already gave number {number} to another event.",
    ),
    "workstation": QT_TRANSLATE_NOOP(
        "door", "Event {event} names workstation {given}, but this desk is {bound}."
    ),
    "city": QT_TRANSLATE_NOOP(
        "door", "Event {event} is addressed to {given}; this desk's branch is in {bound}."
    ),
    "case_unknown": QT_TRANSLATE_NOOP(
        "door", "Event {event}: central holds no approved arrival for case {case}."
    ),
    "case_city": QT_TRANSLATE_NOOP(
        "door", "Event {event}: central holds case {case} under the city {held}, not {given}."
    ),
    "event_id_taken": QT_TRANSLATE_NOOP(
        "door",
        "Event {event}: central already holds another event with this id; nothing of the "
        "batch was stored.",
    ),
    "pull_city": QT_TRANSLATE_NOOP(
        "door", "This desk's branch is in {bound}; it cannot read the events of {given}."
    ),
    "certificate": QT_TRANSLATE_NOOP(
        "door", "Certificate {number} of the batch is not a DER X.509 certificate."
    ),
    "audit_record": QT_TRANSLATE_NOOP(
        "door", "Audit entry {seq}: {field} is missing or malformed."
    ),
    "audit_workstation": QT_TRANSLATE_NOOP(
        "door", "Audit entry {seq} names workstation {given}, but this desk is {bound}."
    ),
    "audit_chain": QT_TRANSLATE_NOOP(
        "door",
        "Audit entry {seq} does not extend the chain central holds for {workstation} "
        "(central expects entry {expected} after hash {prev}).",
    ),
    "audit_changed": QT_TRANSLATE_NOOP(
        "door", "Audit entry {seq} differs from the one central already holds."
    ),
}


def door_role(database: str) -> str:
    """The PostgreSQL role owning a central database's door functions (migration c006).
    Roles belong to the whole server, so each database has its own."""
    return "dnr_door_" + hashlib.sha256(database.encode()).hexdigest()[:16]


class DoorRefusal(ValueError):
    """Central refused a batch at its door: `code` is a key of REASONS, `params` fill it."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = {k: str(v) for k, v in params.items()}
        template = REASONS.get(code)
        text = (
            template.format(**_defaults(template, self.params))
            if template is not None
            else f"central refused: {code} {self.params}"
        )
        super().__init__(text)
        self.message = text

    @property
    def event_id(self) -> str | None:
        """The event the refusal names (the desk sets it aside), if it names one."""
        event = self.params.get("event")
        return event if event and EVENT_ID.fullmatch(event) else None


def _defaults(template: Template, params: dict[str, str]) -> dict[str, str]:
    names = re.findall(r"\{([a-z_0-9]+)\}", template.template)
    return {n: params.get(n, "?") for n in names}


@dataclass(frozen=True)
class Binding:
    """Whom a batch is bound to: the desk role's workstation and city, or None for each
    (central's administrator, or a SQLite central, which has no roles)."""

    workstation_id: str | None = None
    city: str | None = None
    desk: bool = field(default=False)


ADMIN = Binding()


def is_instant(text: Any) -> bool:
    if not isinstance(text, str) or not INSTANT.fullmatch(text):
        return False
    try:
        datetime.fromisoformat(text[:-1])
    except ValueError:
        return False
    return True


def check_event(row: Mapping[str, Any], binding: Binding) -> None:
    """Refuse (DoorRefusal) a pushed event row that central must not take; see c006."""
    event = row.get("event_id")
    label = event if isinstance(event, str) and len(event) <= 64 else "?"
    if not isinstance(event, str) or not EVENT_ID.fullmatch(event):
        raise DoorRefusal("field", event=label, field="event_id")
    for name, pattern in (
        ("case_id", CASE_ID),
        ("workstation_id", WORKSTATION_ID),
        ("actor_iin", IIN),
        ("actor_fingerprint", FINGERPRINT),
        ("city", CITY),
    ):
        value = row.get(name)
        if not isinstance(value, str) or not pattern.fullmatch(value):
            raise DoorRefusal("field", event=event, field=name)
    kind = row.get("type")
    if not isinstance(kind, str) or kind not in KNOWN_EVENT_TYPES:
        raise DoorRefusal("type_unknown", event=event, type=repr(kind)[:60])
    if binding.desk and kind in NOT_FROM_DESKS:
        raise DoorRefusal("type_not_for_desks", event=event, type=kind)
    payload = row.get("payload")
    if not isinstance(payload, str):
        raise DoorRefusal("payload", event=event)
    if len(payload.encode("utf-8", "surrogatepass")) > MAX_PAYLOAD_BYTES:
        raise DoorRefusal("payload_size", event=event, limit=MAX_PAYLOAD_BYTES)
    try:
        parsed = json.loads(payload)
    except (ValueError, RecursionError):
        raise DoorRefusal("payload", event=event) from None
    if not isinstance(parsed, dict):
        raise DoorRefusal("payload", event=event)
    if not is_instant(row.get("recorded_at")):
        raise DoorRefusal("instant", event=event, field="recorded_at")
    signature = row.get("signature")
    if signature is not None and (
        not isinstance(signature, bytes) or len(signature) > MAX_SIGNATURE_BYTES
    ):
        raise DoorRefusal("signature", event=event, limit=MAX_SIGNATURE_BYTES)
    ws_seq = row.get("ws_seq")
    if ws_seq is not None and (
        not isinstance(ws_seq, int) or isinstance(ws_seq, bool) or not 1 <= ws_seq <= MAX_WS_SEQ
    ):
        raise DoorRefusal("ws_seq", event=event)
    if binding.workstation_id is not None and row["workstation_id"] != binding.workstation_id:
        raise DoorRefusal(
            "workstation", event=event, given=row["workstation_id"], bound=binding.workstation_id
        )
    if binding.city is not None and row["city"] != binding.city:
        raise DoorRefusal("city", event=event, given=row["city"], bound=binding.city)


def check_batch(rows: Sequence[Mapping[str, Any]], binding: Binding) -> None:
    if not 1 <= len(rows) <= MAX_BATCH:
        raise DoorRefusal("batch", limit=MAX_BATCH)
    for row in rows:
        check_event(row, binding)


def same_event(held: Mapping[str, Any], sent: Mapping[str, Any]) -> bool:
    """Whether an event central holds under this id is the one sent again (a re-push)."""
    keys = (
        "case_id", "city", "type", "payload", "actor_iin", "actor_fingerprint",
        "workstation_id", "recorded_at", "ws_seq",
    )  # fmt: skip
    return all(held[k] == sent[k] for k in keys) and _bytes(held["signature"]) == _bytes(
        sent["signature"]
    )


def _bytes(value: Any) -> bytes | None:
    return None if value is None else bytes(value)


def certificate_row(der: Any, number: int) -> tuple[str, str]:
    """(fingerprint computed here, subject) of a DER certificate, or DoorRefusal."""
    if not isinstance(der, bytes) or not 0 < len(der) <= MAX_CERTIFICATE_BYTES:
        raise DoorRefusal("certificate", number=number)
    try:
        certificate = x509.load_der_x509_certificate(der)
        subject = certificate.subject.rfc4514_string()
    except (ValueError, TypeError):
        raise DoorRefusal("certificate", number=number) from None
    return hashlib.sha256(der).hexdigest(), subject


def check_audit(
    records: Sequence[Mapping[str, Any]],
    held: Mapping[int, str],
    last: tuple[int, str] | None,
    binding: Binding,
) -> list[tuple[int, str, str]]:
    """The (seq, at, canonical record text) of `records` that extend the chain central
    holds for the workstation; an entry central holds already must be the same (skipped).
    `held` is central's record text by seq (for those seqs sent), `last` its last entry's
    (seq, entry_hash). Refuses a batch that does not extend the chain."""
    from workstation.security.canonical import canonical_json  # the one canonical form

    if not 1 <= len(records) <= MAX_BATCH:
        raise DoorRefusal("batch", limit=MAX_BATCH)
    fresh: list[tuple[int, str, str]] = []
    workstation: str | None = None
    for record in records:
        seq = record.get("seq") if isinstance(record, Mapping) else None
        if not isinstance(seq, int) or isinstance(seq, bool) or not 1 <= seq <= MAX_WS_SEQ:
            raise DoorRefusal("audit_record", seq="?", field="seq")
        text = _audit_text(record, seq, canonical_json)
        given = record["workstation_id"]
        if workstation is None:
            workstation = given
        if given != workstation or (
            binding.workstation_id is not None and given != binding.workstation_id
        ):
            raise DoorRefusal(
                "audit_workstation",
                seq=seq,
                given=given,
                bound=binding.workstation_id or workstation,
            )
        if seq in held:
            if held[seq] != text:
                raise DoorRefusal("audit_changed", seq=seq)
            continue
        expected, prev = (1, GENESIS_HASH) if last is None else (last[0] + 1, last[1])
        if seq != expected or record["prev_hash"] != prev:
            raise DoorRefusal(
                "audit_chain", seq=seq, workstation=given, expected=expected, prev=prev[:12]
            )
        fresh.append((seq, record["at"], text))
        last = (seq, record["entry_hash"])
    return fresh


def _audit_text(record: Mapping[str, Any], seq: int, encode: Any) -> str:
    for name, ok in (
        ("workstation_id", lambda v: isinstance(v, str) and WORKSTATION_ID.fullmatch(v)),
        ("at", is_instant),
        ("prev_hash", lambda v: isinstance(v, str) and HASH.fullmatch(v)),
        ("entry_hash", lambda v: isinstance(v, str) and HASH.fullmatch(v)),
    ):
        if not ok(record.get(name)):
            raise DoorRefusal("audit_record", seq=seq, field=name)
    try:
        text: str = encode(dict(record)).decode("utf-8")
    except (ValueError, TypeError, RecursionError):
        raise DoorRefusal("audit_record", seq=seq, field="record") from None
    if len(text.encode("utf-8")) > MAX_AUDIT_RECORD_BYTES:
        raise DoorRefusal("audit_record", seq=seq, field="record")
    return text
