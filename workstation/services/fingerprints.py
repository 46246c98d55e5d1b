"""Use cases of fingerprint capture: keep an applicant's ten-print set, and look at it later.

The images are biometric data (Personal Data Law No. 94-V): they stay in this desk's store
(table ``fingerprint_prints``) and never enter the journal. The FingerprintsCaptured event,
which syncs, carries per finger the position, quality, SHA-256 of the stored PNG, device id
and serial, capture time, imported flag and exception (reason and note), so central can check
the set without holding the prints. Images and event are written in ONE transaction.

When a set is captured again (a correction), the earlier images of the case are deleted in the
same transaction: keeping prints nobody may use any more is the opposite of data
minimisation, and the journal still holds the earlier event with its digests.

Looking at stored prints is an audited action: ``FingerprintDesk`` calls its ``viewed_prints``
callback (the desk context's audit trail unless one is given) with a ``PrintsViewed`` record
BEFORE the prints are returned, and a callback that raises refuses the viewing.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from workstation.biometrics.quality import (
    ExceptionReason,
    FingerException,
    QualityPolicy,
    TenPrintSet,
    capture_required,
)
from workstation.biometrics.sbi import CapturedPrint, FingerPosition
from workstation.domain.checklist import Step
from workstation.domain.lifecycle import EventType
from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.journal.envelope import format_instant
from workstation.security.roles import Action
from workstation.services.context import Changes, DeskContext
from workstation.services.desk import CaseNotFound
from workstation.store.models import case_steps, cases, fingerprint_prints


class FingerprintsRefused(ValueError):
    """The set cannot be recorded as it is; the message says what to capture or record."""


class FingerprintsNotRequired(FingerprintsRefused):
    """The applicant is under the age from which prints are taken; none may be stored."""


@dataclass(frozen=True)
class StoredPrint:
    """One finger's print as kept on this desk."""

    position: FingerPosition
    image_png: bytes
    sha256: str
    quality: int
    device_id: str
    device_serial: str
    captured_at: str
    imported: bool


@dataclass(frozen=True)
class FingerprintRecord:
    """The current ten-print set of a case: the prints kept and the exceptions recorded."""

    case_id: str
    event_id: str
    recorded_at: str
    prints: tuple[StoredPrint, ...]
    exceptions: Mapping[FingerPosition, FingerException]

    def print_of(self, position: FingerPosition) -> StoredPrint | None:
        return next((p for p in self.prints if p.position is position), None)


@dataclass(frozen=True)
class PrintsViewed:
    """Who looked at which prints, when: what the audit trail must keep."""

    case_id: str
    event_id: str
    positions: tuple[FingerPosition, ...]
    actor_iin: str
    actor_name: str
    workstation_id: str
    viewed_at: datetime


ViewedPrintsHook = Callable[[PrintsViewed], None]


def _digest(image_png: bytes) -> str:
    return hashlib.sha256(image_png).hexdigest()


def _finger_entry(
    position: FingerPosition,
    captured: CapturedPrint | None,
    exception: FingerException | None,
    threshold: int,
) -> dict[str, Any]:
    entry: dict[str, Any] = {"position": position.value, "threshold": threshold}
    if captured is not None:
        entry.update(
            quality=captured.quality,
            sha256=_digest(captured.image_png),
            device_id=captured.device_id,
            device_serial=captured.device_serial,
            captured_at=format_instant(captured.captured_at.astimezone(UTC)),
            imported=captured.imported,
        )
    if exception is not None:
        entry["exception"] = {"reason": exception.reason.value, "note": exception.note}
    return entry


def check_ten_print(
    prints: Sequence[CapturedPrint],
    exceptions: Mapping[FingerPosition, FingerException],
    policy: QualityPolicy,
) -> None:
    """Every finger needs a print at its threshold, or an exception (with the best try, if any).

    Raises FingerprintsRefused naming the first finger that is neither.
    """
    seen: set[FingerPosition] = set()
    for captured in prints:
        if captured.position in seen:
            raise FingerprintsRefused(
                QT_TRANSLATE_NOOP(
                    "fingerprints", "{finger} was given twice; keep only the best print."
                ).format(finger=captured.position.label)
            )
        seen.add(captured.position)
        if not captured.image_png:
            raise FingerprintsRefused(
                QT_TRANSLATE_NOOP("fingerprints", "{finger} has an empty image.").format(
                    finger=captured.position.label
                )
            )
    by_position = {p.position: p for p in prints}
    for position in FingerPosition:
        best = by_position.get(position)
        exception = exceptions.get(position)
        threshold = policy.threshold_for(position)
        if exception is not None:
            if exception.reason is ExceptionReason.OTHER and not exception.note.strip():
                raise FingerprintsRefused(
                    QT_TRANSLATE_NOOP(
                        "fingerprints",
                        '{finger}: describe the reason in the note when choosing "Other".',
                    ).format(finger=position.label)
                )
            if best is not None and best.quality >= threshold:
                raise FingerprintsRefused(
                    QT_TRANSLATE_NOOP(
                        "fingerprints",
                        "{finger} has a print of quality {quality}; remove its exception.",
                    ).format(finger=position.label, quality=best.quality)
                )
            continue
        if best is None:
            raise FingerprintsRefused(
                QT_TRANSLATE_NOOP(
                    "fingerprints",
                    "{finger} has no print. Capture it, or record why it cannot be taken.",
                ).format(finger=position.label)
            )
        if best.quality < threshold:
            raise FingerprintsRefused(
                QT_TRANSLATE_NOOP(
                    "fingerprints",
                    "{finger} has quality {quality}, below {threshold}. Try again "
                    "or record an exception.",
                ).format(finger=position.label, quality=best.quality, threshold=threshold)
            )


class FingerprintDesk:
    """Fingerprint use cases in one desk context; thread-confined to the background runner."""

    def __init__(
        self,
        context: DeskContext,
        *,
        policy: QualityPolicy | None = None,
        viewed_prints: ViewedPrintsHook | None = None,
    ) -> None:
        self.context = context
        self.policy = policy or QualityPolicy()
        # Called before prints are shown; the desk's audit trail unless a test gives its own.
        if viewed_prints is None and context.audit is not None:
            viewed_prints = context.audit.prints_viewed_hook(context.actor)
        self.viewed_prints = viewed_prints

    def capture_required(self, case_id: str) -> tuple[bool, str]:
        """Whether this applicant must give prints today (16 and over), and the reason."""
        self.context.require(Action.VIEW_CASES)
        with self.context.store.reading() as conn:
            birth = conn.execute(
                select(cases.c.birth_date).where(cases.c.case_id == case_id)
            ).scalar_one_or_none()
        if birth is None:
            raise CaseNotFound(case_id)
        return capture_required(
            birth, self.context.today(), self.context.rules.fingerprint_min_age_years
        )

    def record_ten_print(self, case_id: str, ten_print: TenPrintSet) -> Changes:
        """Record a finished capture session: each finger's best try and its exception."""
        prints = [s.best for s in ten_print.sessions if s.best is not None]
        exceptions = {
            s.position: s.exception for s in ten_print.sessions if s.exception is not None
        }
        return self.record_fingerprints(case_id, prints, exceptions)

    def record_fingerprints(
        self,
        case_id: str,
        prints: Iterable[CapturedPrint],
        exceptions: Mapping[FingerPosition, FingerException],
    ) -> Changes:
        """Store the prints and record FingerprintsCaptured, in one transaction."""
        self.context.require(Action.CAPTURE_FINGERPRINTS)
        prints = list(prints)
        check_ten_print(prints, exceptions, self.policy)
        required, reason = self.capture_required(case_id)
        if not required:
            raise FingerprintsNotRequired(
                QT_TRANSLATE_NOOP("fingerprints", "{reason} No prints are stored.").format(
                    reason=reason
                )
            )
        by_position = {p.position: p for p in prints}
        fingers = [
            _finger_entry(
                position,
                by_position.get(position),
                exceptions.get(position),
                self.policy.threshold_for(position),
            )
            for position in FingerPosition
        ]
        payload = {
            "fingers": fingers,
            "captured": len(prints),
            "exceptions": len(exceptions),
            "imported": sum(1 for p in prints if p.imported),
        }
        with self.context.store.transaction() as conn:
            changes = self.context.record_event(
                conn, case_id, EventType.FINGERPRINTS_CAPTURED, payload
            )
            # Only after the lifecycle accepted the event: a refusal raises above and the
            # transaction rolls back with nothing written.
            conn.execute(delete(fingerprint_prints).where(fingerprint_prints.c.case_id == case_id))
            if prints:
                conn.execute(
                    insert(fingerprint_prints),
                    [_print_row(case_id, changes.event_ids[0], p) for p in prints],
                )
        return changes

    def prints_of(self, case_id: str) -> FingerprintRecord | None:
        """The case's current prints for viewing (an audited action), or None if none taken."""
        self.context.require(Action.VIEW_FINGERPRINTS)
        with self.context.store.reading() as conn:
            found = _current_record(conn, case_id)
        if found is None:
            return None
        if self.viewed_prints is not None:
            self.viewed_prints(
                PrintsViewed(
                    case_id=case_id,
                    event_id=found.event_id,
                    positions=tuple(p.position for p in found.prints),
                    actor_iin=self.context.actor.iin,
                    actor_name=self.context.actor.name,
                    workstation_id=self.context.workstation_id,
                    viewed_at=self.context.clock.now(),
                )
            )
        return found


def _print_row(case_id: str, event_id: str, captured: CapturedPrint) -> dict[str, Any]:
    return {
        "print_id": str(uuid.uuid4()),
        "case_id": case_id,
        "event_id": event_id,
        "position": captured.position.value,
        "image_png": captured.image_png,
        "sha256": _digest(captured.image_png),
        "quality": captured.quality,
        "device_id": captured.device_id,
        "device_serial": captured.device_serial,
        "captured_at": format_instant(captured.captured_at.astimezone(UTC)),
        "imported": captured.imported,
    }


def _current_record(conn: Connection, case_id: str) -> FingerprintRecord | None:
    step = conn.execute(
        select(case_steps.c.event_id, case_steps.c.recorded_at, case_steps.c.data).where(
            (case_steps.c.case_id == case_id) & (case_steps.c.step == str(Step.FINGERPRINTS))
        )
    ).first()
    if step is None:
        return None
    rows = conn.execute(
        select(fingerprint_prints).where(fingerprint_prints.c.event_id == step.event_id)
    ).all()
    order = list(FingerPosition)
    stored = sorted(
        (
            StoredPrint(
                position=FingerPosition(r.position),
                image_png=r.image_png,
                sha256=r.sha256,
                quality=r.quality,
                device_id=r.device_id,
                device_serial=r.device_serial,
                captured_at=r.captured_at,
                imported=bool(r.imported),
            )
            for r in rows
        ),
        key=lambda p: order.index(p.position),
    )
    exceptions: dict[FingerPosition, FingerException] = {}
    data = json.loads(step.data)
    for finger in data.get("fingers", []) if isinstance(data, dict) else []:
        raw = finger.get("exception") if isinstance(finger, dict) else None
        if isinstance(raw, dict):
            exceptions[FingerPosition(finger["position"])] = FingerException(
                ExceptionReason(raw["reason"]), str(raw.get("note", ""))
            )
    return FingerprintRecord(
        case_id=case_id,
        event_id=step.event_id,
        recorded_at=step.recorded_at,
        prints=tuple(stored),
        exceptions=exceptions,
    )
