"""Use cases for the desk's steps: passport check, medical exam, housing, duty, documents.

Each command is one local transaction: the step's rules run first (every problem at once,
as StepInvalid), then the lifecycle through the projector; nothing is written on a refusal.
"""

from __future__ import annotations

import hashlib
import io
import json
import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, insert, select, update

from workstation.domain import lifecycle
from workstation.domain import steps as rules_of
from workstation.domain.approval import ApprovedArrival
from workstation.domain.checklist import DOCUMENT_EVENTS, Step, step_of
from workstation.domain.lifecycle import CaseStatus, EventType, TransitionRefused
from workstation.domain.steps import (
    DutyKind,
    DutyPayment,
    HousingAgreement,
    MedicalExam,
    Problem,
    StepInvalid,
)
from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.journal.projector import load_approval, load_status
from workstation.security.roles import Action
from workstation.services.context import Changes, DeskContext
from workstation.services.desk import CaseNotFound
from workstation.store.models import attachments, journal


class DocumentNotFound(LookupError):
    def __init__(self, attachment_id: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("steps", "No document {document} is attached on this desk.").format(
                document=repr(attachment_id)
            )
        )
        self.attachment_id = attachment_id


@dataclass(frozen=True)
class StepVersion:
    """One recorded version of a step, for the step's history: who, when, what."""

    event_id: str
    type: EventType
    recorded_at: str
    actor_iin: str
    workstation_id: str
    payload: dict[str, Any]
    current: bool  # False: superseded by a later version


@dataclass(frozen=True)
class AttachedDocument:
    attachment_id: str
    case_id: str
    kind: rules_of.DocumentKind
    filename: str
    media_type: str
    size: int
    sha256: str
    removed: bool


class CaseSteps:
    """The step use cases in one desk context."""

    def __init__(
        self,
        context: DeskContext,
        *,
        max_document_bytes: int = rules_of.DEFAULT_MAX_DOCUMENT_BYTES,
    ) -> None:
        self.context = context
        self.max_document_bytes = max_document_bytes

    # Commands ------------------------------------------------------------------------------

    def check_passport(self, case_id: str, mrz_text: str) -> Changes:
        """Read the MRZ, cross-check it with the approved case and record the check."""
        self.context.require(Action.RECORD_STEP)
        today = self.context.today()
        with self.context.store.transaction() as conn:
            _, approval = self._open_case(conn, case_id)
            check = rules_of.check_passport(mrz_text, approval, today, self.context.rules)
            return self.context.record_event(
                conn, case_id, EventType.PASSPORT_CHECKED, check.to_payload()
            )

    def record_medical_exam(self, case_id: str, exam: MedicalExam) -> Changes:
        self.context.require(Action.RECORD_STEP)
        today = self.context.today()
        with self.context.store.transaction() as conn:
            status, _ = self._open_case(conn, case_id)
            problems = rules_of.medical_problems(exam, status.entry_date, today, self.context.rules)
            if problems:
                raise StepInvalid(problems)
            return self.context.record_event(
                conn, case_id, EventType.MEDICAL_EXAM_RECORDED, exam.to_payload()
            )

    def record_housing(self, case_id: str, agreement: HousingAgreement) -> Changes:
        self.context.require(Action.RECORD_STEP)
        today = self.context.today()
        with self.context.store.transaction() as conn:
            _, approval = self._open_case(conn, case_id)
            problems = rules_of.housing_problems(agreement, approval.city, today)
            if problems:
                raise StepInvalid(problems)
            return self.context.record_event(
                conn, case_id, EventType.HOUSING_RECORDED, agreement.to_payload()
            )

    def record_duty(
        self, case_id: str, kind: DutyKind, receipt_number: str, paid_on: date, amount: str
    ) -> Changes:
        """Record a state duty receipt; `amount` is as typed ('17 300', '865,00')."""
        self.context.require(Action.RECORD_STEP)
        today = self.context.today()
        problems: list[Problem] = []
        try:
            amount_kzt = rules_of.parse_amount(amount)
        except StepInvalid as exc:
            problems.extend(exc.problems)
            amount_kzt = None
        with self.context.store.transaction() as conn:
            self._open_case(conn, case_id)
            payment = DutyPayment(kind, receipt_number, paid_on, amount_kzt or Decimal(0))
            checked = rules_of.duty_problems(payment, today, self.context.rules)
            # An unreadable amount is already reported; "underpaid 0.00" would only confuse.
            problems.extend(p for p in checked if amount_kzt is not None or p.field != "amount")
            if problems:
                raise StepInvalid(problems)
            return self.context.record_event(
                conn, case_id, EventType.DUTY_PAID, payment.to_payload()
            )

    def attach_document(self, case_id: str, kind: str, filename: str, content: bytes) -> Changes:
        """Keep a scan inside the store (its type judged by content) and journal the fact."""
        self.context.require(Action.RECORD_STEP)
        media_type = rules_of.check_document(kind, filename, content, self.max_document_bytes)
        attachment_id = str(uuid.uuid4())
        digest = hashlib.sha256(content).hexdigest()
        payload = {
            "attachment_id": attachment_id,
            "kind": kind,
            "filename": filename.strip(),
            "media_type": media_type,
            "size": len(content),
            "sha256": digest,
        }
        with self.context.store.transaction() as conn:
            self._open_case(conn, case_id)
            changes = self.context.record_event(conn, case_id, EventType.DOCUMENT_ATTACHED, payload)
            conn.execute(
                insert(attachments).values(
                    attachment_id=attachment_id,
                    case_id=case_id,
                    kind=kind,
                    filename=filename.strip(),
                    media_type=media_type,
                    size=len(content),
                    sha256=digest,
                    content=content,
                    added_event_id=changes.event_ids[0],
                    removed_event_id=None,
                )
            )
            return changes

    def remove_document(self, case_id: str, attachment_id: str) -> Changes:
        self.context.require(Action.RECORD_STEP)
        with self.context.store.transaction() as conn:
            self._open_case(conn, case_id)
            row = conn.execute(
                select(attachments.c.kind, attachments.c.removed_event_id).where(
                    (attachments.c.attachment_id == attachment_id)
                    & (attachments.c.case_id == case_id)
                )
            ).first()
            if row is None:
                raise DocumentNotFound(attachment_id)
            if row.removed_event_id is not None:
                raise TransitionRefused(
                    QT_TRANSLATE_NOOP("steps", "This document has already been removed.")
                )
            payload = {"attachment_id": attachment_id, "kind": row.kind}
            changes = self.context.record_event(conn, case_id, EventType.DOCUMENT_REMOVED, payload)
            conn.execute(
                update(attachments)
                .where(attachments.c.attachment_id == attachment_id)
                .values(removed_event_id=changes.event_ids[0])
            )
            return changes

    # Queries -------------------------------------------------------------------------------

    def documents(self, case_id: str, *, include_removed: bool = False) -> list[AttachedDocument]:
        self.context.require(Action.VIEW_CASES)
        query = select(*[c for c in attachments.c if c.name != "content"]).where(
            attachments.c.case_id == case_id
        )
        if not include_removed:
            query = query.where(attachments.c.removed_event_id.is_(None))
        with self.context.store.reading() as conn:
            rows = conn.execute(query.order_by(attachments.c.kind)).all()
        return [_attached(r) for r in rows]

    def document_content(self, attachment_id: str) -> tuple[AttachedDocument, bytes]:
        self.context.require(Action.VIEW_CASES)
        with self.context.store.reading() as conn:
            row = conn.execute(
                select(attachments).where(attachments.c.attachment_id == attachment_id)
            ).first()
        if row is None:
            raise DocumentNotFound(attachment_id)
        return _attached(row), bytes(row.content)

    def page_count(self, content: bytes) -> int | None:
        """Pages of a PDF scan, or None if the PDF cannot be read (it is still kept)."""
        from pypdf import PdfReader  # loaded on first use: it is not needed to start the desk
        from pypdf.errors import PdfReadError

        try:
            return len(PdfReader(io.BytesIO(content)).pages)
        except (PdfReadError, ValueError, OSError):
            return None

    def step_history(self, case_id: str, step: Step) -> list[StepVersion]:
        """Every applied version of a step, oldest first; the last one is current.

        For documents every attach and remove is its own entry and all stay current.
        """
        self.context.require(Action.VIEW_CASES)
        types = [str(t) for t in _EVENTS_OF[step]]
        with self.context.store.reading() as conn:
            rows = conn.execute(
                select(journal)
                .where(
                    (journal.c.case_id == case_id)
                    & journal.c.type.in_(types)
                    & (journal.c.outcome == "applied")
                )
                .order_by(journal.c.local_seq)
            ).all()
        versions = []
        for r in rows:
            payload = json.loads(r.payload)
            if step_of(EventType(r.type), payload) is step:
                versions.append((r, payload))
        return [
            StepVersion(
                event_id=r.event_id,
                type=EventType(r.type),
                recorded_at=r.recorded_at,
                actor_iin=r.actor_iin,
                workstation_id=r.workstation_id,
                payload=payload,
                current=step is Step.DOCUMENTS or index == len(versions) - 1,
            )
            for index, (r, payload) in enumerate(versions)
        ]

    # Internals -----------------------------------------------------------------------------

    def _open_case(self, conn: Connection, case_id: str) -> tuple[CaseStatus, ApprovedArrival]:
        status = load_status(conn, case_id)
        if status is None:
            raise CaseNotFound(case_id)
        # The lifecycle's refusal (no arrival yet, already submitted) comes before the
        # step's own problems: there is no point fixing a form that cannot be saved.
        lifecycle.record_step(status, checklist_complete=False)
        return status, load_approval(conn, case_id)


_EVENTS_OF: dict[Step, frozenset[EventType]] = {
    Step.ARRIVAL: frozenset({EventType.ARRIVAL_RECORDED}),
    Step.PASSPORT: frozenset({EventType.PASSPORT_CHECKED}),
    Step.MEDICAL: frozenset({EventType.MEDICAL_EXAM_RECORDED}),
    Step.FINGERPRINTS: frozenset({EventType.FINGERPRINTS_CAPTURED}),
    Step.HOUSING: frozenset({EventType.HOUSING_RECORDED}),
    Step.DUTY_PERMIT: frozenset({EventType.DUTY_PAID}),
    Step.DUTY_CARD: frozenset({EventType.DUTY_PAID}),
    Step.DOCUMENTS: DOCUMENT_EVENTS,
}


def _attached(row: Any) -> AttachedDocument:
    return AttachedDocument(
        attachment_id=row.attachment_id,
        case_id=row.case_id,
        kind=rules_of.DocumentKind(row.kind),
        filename=row.filename,
        media_type=row.media_type,
        size=row.size,
        sha256=row.sha256,
        removed=row.removed_event_id is not None,
    )
