"""Central's notification outbox: decisions waiting to reach the applicant through the
e-government notification service (DOMAIN.md, process step 5).

The outbox is derived, not written by desks: every `DecisionRecorded` event carries, in its
signed payload, the applicant's contact and the message in Kazakh, Russian and English
(domain.decision.notification). Central lists the first decision of each case in its own
order (the one every desk's lifecycle accepts; a later one for the same case is refused
everywhere and is not sent) that has no delivery row, and records a delivery when a
channel accepts the message.

A channel is anything with `send(notification) -> reference`. This project has no access
to the real e-government gateway, so the one channel shipped is `SimulatedEgov`: it
accepts every message that has somewhere to go, returns a reference derived from the
event id, optionally appends what it "sent" to a JSON-lines file, and sends nothing
anywhere. A real gateway is another class with the same method.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import func, insert, select

from workstation.domain.lifecycle import EventType
from workstation.journal.envelope import Event, event_type_of, format_instant, parse_instant
from workstation.security.private_files import open_private
from workstation.sync.central_schema import events, notification_deliveries
from workstation.sync.gateway import CentralGateway

LANGUAGES = ("kk", "ru", "en")


class Undeliverable(Exception):
    """A channel could not take a notification; the message says why (it stays pending)."""


@dataclass(frozen=True)
class Notification:
    """One decision's notification, as the DecisionRecorded payload carries it."""

    event_id: str
    case_id: str
    seq: int
    decision: str  # "issued" or "refused"
    decided_on: str
    email: str
    phone: str
    messages: dict[str, str] = field(default_factory=dict)  # language -> text
    event: Event | None = field(default=None, compare=False, repr=False)

    @property
    def problem(self) -> str | None:
        """Why this notification cannot be sent as it is, or None."""
        if not (self.email or self.phone):
            return "the approval carries no e-mail or phone for the applicant"
        missing = [lang for lang in LANGUAGES if not self.messages.get(lang)]
        if missing:
            return f"the decision carries no message in {', '.join(missing)}"
        return None


class Channel(Protocol):
    name: str

    def send(self, notification: Notification) -> str:
        """Hand the notification over; returns the channel's reference for it, or raises
        Undeliverable."""
        ...


class SimulatedEgov:
    """Stands in for the e-government notification gateway: no message leaves this
    machine. With `log`, each accepted notification is appended to that file as one JSON
    line (contact, texts, reference), so a demo can show what would have been sent."""

    name = "egov-simulator"

    def __init__(self, log: Path | None = None) -> None:
        self.log = log

    def send(self, notification: Notification) -> str:
        problem = notification.problem
        if problem is not None:
            raise Undeliverable(problem)
        reference = "SIM-" + hashlib.sha256(notification.event_id.encode()).hexdigest()[:16]
        if self.log is not None:
            line = {
                "reference": reference,
                "case_id": notification.case_id,
                "decision": notification.decision,
                "email": notification.email,
                "phone": notification.phone,
                "messages": notification.messages,
            }
            fd = open_private(self.log, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
            with os.fdopen(fd, "a", encoding="utf-8") as file:  # e-mail, phone: owner only
                file.write(json.dumps(line, ensure_ascii=False) + "\n")
        return reference


@dataclass(frozen=True)
class DeliveryReport:
    delivered: tuple[tuple[Notification, str], ...]  # with the channel's reference
    failed: tuple[tuple[Notification, str], ...]  # with the reason


def pending(gateway: CentralGateway, limit: int | None = None) -> list[Notification]:
    """Decisions not delivered yet, oldest first (the first decision of each case only)."""
    later = events.alias("later")
    first_of_case = (
        select(func.min(later.c.seq))
        .where(
            (later.c.case_id == events.c.case_id)
            & (later.c.type == str(EventType.DECISION_RECORDED))
        )
        .scalar_subquery()
    )
    query = (
        select(events)
        .outerjoin(notification_deliveries, notification_deliveries.c.event_id == events.c.event_id)
        .where(
            (events.c.type == str(EventType.DECISION_RECORDED))
            & (events.c.seq == first_of_case)
            & notification_deliveries.c.event_id.is_(None)
        )
        .order_by(events.c.seq)
    )
    if limit is not None:
        query = query.limit(limit)
    with gateway.connect() as conn:
        rows = conn.execute(query).all()
    return [_notification(r) for r in rows]


def delivered_count(gateway: CentralGateway) -> int:
    with gateway.connect() as conn:
        return int(
            conn.execute(select(func.count()).select_from(notification_deliveries)).scalar_one()
        )


def deliver(
    gateway: CentralGateway,
    channel: Channel,
    notifications: Sequence[Notification],
    *,
    verify: Callable[[Event], str | None] | None = None,
    now: datetime | None = None,
) -> DeliveryReport:
    """Send each notification through `channel` and record the ones it accepted.

    `verify` (e.g. journal.signing's EventVerifier.problem) may refuse a decision
    whose signature does not check out: it is then not sent and stays pending.
    """
    delivered: list[tuple[Notification, str]] = []
    failed: list[tuple[Notification, str]] = []
    for notification in notifications:
        if _delivered_already(gateway, notification.event_id):
            continue  # another run delivered it since it was listed: never send twice
        problem = notification.problem
        if verify is not None and notification.event is not None:
            signature_problem = verify(notification.event)
            if signature_problem is not None:
                problem = f"the decision's signature does not check out: {signature_problem}"
        if problem is not None:
            failed.append((notification, problem))
            continue
        try:
            reference = channel.send(notification)
        except Undeliverable as exc:
            failed.append((notification, str(exc)))
            continue
        stamp = format_instant(now or datetime.now(UTC))
        # One transaction per message: one that was sent is recorded even if a later fails.
        with gateway.engine.begin() as conn:
            conn.execute(
                insert(notification_deliveries).values(
                    event_id=notification.event_id,
                    case_id=notification.case_id,
                    delivered_at=stamp,
                    channel=channel.name,
                    reference=reference,
                )
            )
        delivered.append((notification, reference))
    return DeliveryReport(tuple(delivered), tuple(failed))


def _delivered_already(gateway: CentralGateway, event_id: str) -> bool:
    with gateway.connect() as conn:
        found = conn.execute(
            select(notification_deliveries.c.event_id).where(
                notification_deliveries.c.event_id == event_id
            )
        ).first()
    return found is not None


def _notification(row: Any) -> Notification:
    try:
        payload = json.loads(row.payload)
    except ValueError:
        payload = {}
    if not isinstance(payload, dict):
        payload = {}
    note = payload.get("notification")
    note = note if isinstance(note, dict) else {}
    contact = note.get("contact") if isinstance(note.get("contact"), dict) else {}
    raw_messages = note.get("messages") if isinstance(note.get("messages"), dict) else {}
    messages = {
        lang: text
        for lang, text in (raw_messages or {}).items()
        if lang in LANGUAGES and isinstance(text, str)
    }
    event = Event(
        event_id=row.event_id,
        case_id=row.case_id,
        type=event_type_of(row.type),
        payload=payload,
        actor_iin=row.actor_iin,
        actor_fingerprint=row.actor_fingerprint,
        workstation_id=row.workstation_id,
        recorded_at=parse_instant(row.recorded_at),
        signature=row.signature,
    )
    return Notification(
        event_id=row.event_id,
        case_id=row.case_id,
        seq=int(row.seq),
        decision=str(payload.get("decision") or ""),
        decided_on=str(payload.get("decided_on") or ""),
        email=str((contact or {}).get("email") or ""),
        phone=str((contact or {}).get("phone") or ""),
        messages=messages,
        event=event,
    )


__all__ = [
    "Channel",
    "DeliveryReport",
    "Notification",
    "SimulatedEgov",
    "Undeliverable",
    "deliver",
    "delivered_count",
    "pending",
]
