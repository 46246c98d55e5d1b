"""Print the residence-permit application and the applicant's receipt for a case.

The application is built from what the desk recorded (the approval and each step's current
record) and the checklist is judged again at print time: a certificate may have lapsed since
it was recorded. Printing is recorded as an `ApplicationPrinted` event carrying the digest of
what was printed, so the receipt printed later can prove it belongs to that very form.
"""

from __future__ import annotations

import gettext
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import Connection, select

from workstation.documents.model import (
    Address,
    ApplicantName,
    ApplicationData,
    DocumentReference,
    DutyKind,
    DutyReceipt,
    HousingAgreement,
    HousingKind,
    MedicalCertificate,
    MedicalResult,
    Passport,
    ReceiptData,
    ServiceCenter,
    Sex,
)
from workstation.domain import checklist as checklist_rules
from workstation.domain import lifecycle
from workstation.domain import steps as step_rules
from workstation.domain.approval import ApprovedArrival
from workstation.domain.checklist import ChecklistItem, Step
from workstation.domain.clock import local_date
from workstation.domain.lifecycle import CaseState, EventType, TransitionRefused
from workstation.domain.programme import ProgrammeRules
from workstation.domain.steps import joined
from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.journal.envelope import parse_instant
from workstation.journal.projector import load_approval, load_status, recorded_steps
from workstation.security.roles import Action, NotPermitted
from workstation.services.context import Changes, DeskContext
from workstation.services.desk import CaseNotFound
from workstation.store.local import get_setting
from workstation.store.models import journal

# The migration service decides within this many working days of submission (DOMAIN.md).
DECISION_WORKING_DAYS = 3
SERVICE_CENTER_SETTING = "service_center"

# The programme cities as the forms spell them (Kazakh and Russian agree for these two).
_CITY_CYRILLIC = {"Astana": "Астана", "Almaty": "Алматы", "Shymkent": "Шымкент"}

_DUTY_KINDS = {Step.DUTY_PERMIT: DutyKind.RESIDENCE_PERMIT, Step.DUTY_CARD: DutyKind.PERMIT_CARD}
# Both come with the approval, signed electronically; the desk never lacks them.
_ELECTRONIC_ENCLOSURES = frozenset({"ministry_recommendation", "preliminary_approval"})
_RECEIPT_STATES = frozenset(
    {
        CaseState.PRINTED,
        CaseState.SUBMITTED,
        CaseState.UNDER_REVIEW,
        CaseState.ISSUED,
        CaseState.REFUSED,
    }
)


class NotReadyToPrint(Exception):
    """The case cannot be printed now; `reasons` are the lines to show the clerk."""

    def __init__(self, message: str, reasons: tuple[str, ...] = ()) -> None:
        super().__init__(joined([message, *reasons], context="printing"))
        self.message = message
        self.reasons = reasons


class PrintedFormChanged(Exception):
    """The case's data no longer matches the application that was printed."""


@dataclass(frozen=True)
class PrintedDocument:
    """A rendered PDF and what it was made from."""

    case_id: str
    kind: str  # "application" or "receipt"
    pdf: bytes
    digest: str
    clerk_name: str

    @property
    def suggested_file_name(self) -> str:
        return f"{self.case_id}-{self.kind}.pdf"


@dataclass(frozen=True)
class _PrintRecord:
    recorded_at: datetime
    digest: str
    clerk_name: str


class PrintDesk:
    """The clerk's printing use cases in one desk context (run on the background runner)."""

    def __init__(self, context: DeskContext) -> None:
        self.context = context

    # Application ---------------------------------------------------------------------

    def application(self, case_id: str) -> PrintedDocument:
        """The application as it would print today, or NotReadyToPrint with the reasons."""
        self.context.require(Action.PRINT_APPLICATION)
        with self.context.store.reading() as conn:
            data = self._application_data(
                conn, case_id, self.context.today(), self.context.actor.name
            )
        from workstation.documents import (
            render_application,
            submission_digest,
        )  # reportlab: on use, not at start

        return PrintedDocument(
            case_id, "application", render_application(data), submission_digest(data),
            self.context.actor.name,
        )  # fmt: skip

    def record_printed(self, document: PrintedDocument, *, copies: int, channel: str) -> Changes:
        """Record that the clerk printed (or saved) the application: who, when, what, how."""
        self.context.require(Action.PRINT_APPLICATION)
        if document.kind != "application":
            raise ValueError("Only printing the application is a case event")
        with self.context.store.transaction() as conn:
            # The form must still be what the case says now: a step corrected while the
            # preview was open would otherwise be recorded as printed with stale data.
            now_data = self._application_data(
                conn, document.case_id, self.context.today(), document.clerk_name
            )
            from workstation.documents import submission_digest  # reportlab: on use, not at start

            if submission_digest(now_data) != document.digest:
                raise PrintedFormChanged(
                    QT_TRANSLATE_NOOP(
                        "printing",
                        "The case changed while the preview was open. Open the preview again "
                        "and print the current form.",
                    )
                )
            reprint = _last_print(conn, document.case_id) is not None
            changes = self.context.record_event(
                conn,
                document.case_id,
                EventType.APPLICATION_PRINTED,
                {
                    "digest": document.digest,
                    "clerk_name": document.clerk_name,
                    "copies": copies,
                    "channel": channel,
                    "reprint": reprint,
                },
            )
            if self.context.audit is not None:
                self.context.audit.printed(
                    self.context.actor,
                    document.case_id,
                    "application",
                    copies=copies,
                    details={"channel": channel, "event_id": changes.event_ids[0]},
                    conn=conn,
                )
        return changes

    def record_receipt_printed(
        self, document: PrintedDocument, *, copies: int, channel: str
    ) -> None:
        """A receipt is not a case event (the case does not change); the audit trail has it."""
        self.context.require(Action.PRINT_APPLICATION)
        if self.context.audit is not None:
            self.context.audit.printed(
                self.context.actor,
                document.case_id,
                "receipt",
                copies=copies,
                details={"channel": channel, "digest": document.digest},
            )

    # Receipt -------------------------------------------------------------------------

    def receipt(self, case_id: str) -> PrintedDocument:
        """The applicant's receipt for the application printed last."""
        self.context.require(Action.PRINT_APPLICATION)
        with self.context.store.reading() as conn:
            status = load_status(conn, case_id)
            if status is None:
                raise CaseNotFound(case_id)
            if status.state not in _RECEIPT_STATES:
                raise NotReadyToPrint(
                    QT_TRANSLATE_NOOP(
                        "printing",
                        "Print the application first: the receipt confirms a printed, signed "
                        "application, and the case {state}.",
                    ).format(state=lifecycle.describe_state(status.state))
                )
            printed = _last_print(conn, case_id)
            if printed is None:  # a case printed on another desk whose event is not here
                raise NotReadyToPrint(
                    QT_TRANSLATE_NOOP(
                        "printing", "No printed application is recorded for this case."
                    )
                )
            handed_in = _submission_time(conn, case_id) or printed.recorded_at
            data = self._application_data(
                conn,
                case_id,
                local_date(printed.recorded_at),
                printed.clerk_name,
                check_ready=False,
            )
        from workstation.documents import submission_digest  # reportlab: on use, not at start

        if submission_digest(data) != printed.digest:
            raise PrintedFormChanged(
                QT_TRANSLATE_NOOP(
                    "printing",
                    "The case's data differs from the application printed on {date}. "
                    "Print the application again, then the receipt.",
                ).format(date=f"{local_date(printed.recorded_at):%d.%m.%Y}")
            )
        receipt = self.receipt_data(data, handed_in)
        from workstation.documents import render_receipt  # reportlab: on use, not at start

        return PrintedDocument(
            case_id, "receipt", render_receipt(receipt), printed.digest, printed.clerk_name
        )

    def receipt_data(self, application: ApplicationData, handed_in: datetime) -> ReceiptData:
        due = self.context.calendar.add_working_days(local_date(handed_in), DECISION_WORKING_DAYS)
        from workstation.documents import receipt_for  # reportlab: on use, not at start

        return receipt_for(application, submitted_at=handed_in, decision_due=due)

    # Building the form ---------------------------------------------------------------

    def _application_data(
        self,
        conn: Connection,
        case_id: str,
        applied_on: date,
        clerk_name: str,
        *,
        check_ready: bool = True,
    ) -> ApplicationData:
        status = load_status(conn, case_id)
        if status is None:
            raise CaseNotFound(case_id)
        approval = load_approval(conn, case_id)
        steps = recorded_steps(conn, case_id)
        if check_ready:
            _check_ready(
                status.state, steps, approval, status.entry_date, applied_on, self.context.rules
            )
        center = service_center(conn, approval.city)
        return application_data(approval, steps, center, clerk_name, applied_on)


def service_center(conn: Connection, city: str) -> ServiceCenter:
    """The desk's service center as set up by the administrator, or the city's TsON."""
    configured = get_setting(conn, SERVICE_CENTER_SETTING)
    city_name = _CITY_CYRILLIC.get(city, city)
    return ServiceCenter(name=configured or f"ЦОН г. {city_name}", city=city_name)


def application_data(
    approval: ApprovedArrival,
    steps: Mapping[Step, Mapping[str, Any]],
    center: ServiceCenter,
    clerk_name: str,
    applied_on: date,
) -> ApplicationData:
    """The printed form's data from a case's approval and its steps' current records."""
    passport = steps.get(Step.PASSPORT, {})
    housing = step_rules.HousingAgreement.from_payload(steps[Step.HOUSING])
    exam = step_rules.MedicalExam.from_payload(steps[Step.MEDICAL])
    present = {str(kind) for kind in step_rules.present_documents(steps.get(Step.DOCUMENTS))}
    from workstation.documents import standard_enclosures  # reportlab: on use, not at start

    return ApplicationData(
        case_id=approval.case_id,
        applicant=ApplicantName(
            surname=approval.surname,
            given_names=approval.given_names,
            surname_cyrillic=approval.surname_cyr or None,
            given_names_cyrillic=approval.given_names_cyr or None,
        ),
        birth_date=approval.birth_date,
        birth_place=approval.birth_place,
        sex=Sex(approval.sex) if approval.sex in {s.value for s in Sex} else Sex.UNSPECIFIED,
        citizenship=citizenship(approval.nationality),
        iin=approval.iin or None,
        passport=Passport(
            number=str(passport.get("number") or approval.passport_number),
            issuing_state=str(passport.get("issuing_state") or approval.passport_issuing_state),
            issued_on=approval.passport_issue_date,
            expires_on=_date(passport.get("expires_on")) or approval.passport_expiry,
        ),
        address=Address(
            city=_CITY_CYRILLIC.get(housing.city, housing.city),
            street=housing.street,
            building=housing.building,
            apartment=housing.apartment or None,
            postcode=housing.postcode,
        ),
        housing=_housing(housing, approval),
        medical=MedicalCertificate(
            number=exam.number,
            issued_on=exam.issued_on,
            organisation=exam.organisation,
            result=MedicalResult(str(exam.result)),
            remarks=exam.remarks,
        ),
        duty_receipts=tuple(
            _duty(kind, steps[step]) for step, kind in _DUTY_KINDS.items() if step in steps
        ),
        preliminary_approval=DocumentReference(approval.approval_number, approval.approval_date),
        ministry_recommendation=DocumentReference(
            approval.recommendation_number, approval.recommendation_date
        ),
        service_center=center,
        clerk_name=clerk_name,
        applied_on=applied_on,
        enclosed=standard_enclosures(present | _ELECTRONIC_ENCLOSURES),
        fingerprints_statement=fingerprints_statement(steps.get(Step.FINGERPRINTS)),
    )


def fingerprints_statement(data: Mapping[str, Any] | None) -> str | None:
    """Section 8 of the form: how many fingers were taken, and on which day."""
    if not data:
        return None
    raw = data.get("fingers")
    fingers = [f for f in raw if isinstance(f, Mapping)] if isinstance(raw, list) else []
    if not fingers:  # a record without the per-finger list says only that it was done
        return "Дактилоскопиялық тіркеу жүргізілді / Дактилоскопическая регистрация проведена"
    taken = [f for f in fingers if f.get("sha256")]
    days = sorted(day for f in taken if (day := _capture_day(f.get("captured_at"))))
    when = f" ({days[-1]:%d.%m.%Y})" if days else ""
    missing = len(fingers) - len(taken)
    text = (
        f"Дактилоскопиялық тіркеу жүргізілді, {len(taken)} саусақ / "
        f"Дактилоскопическая регистрация проведена, {len(taken)} пальцев{when}"
    )
    if missing:
        text += (
            f"; {missing} саусақ алынбады (себебі тіркелген) / "
            f"{missing} пальцев не снято (причина записана)"
        )
    return text


def _capture_day(value: object) -> date | None:
    try:
        return local_date(parse_instant(str(value))) if value else None
    except ValueError:  # a malformed pulled record must not stop the form from printing
        return None


def citizenship(alpha3: str) -> str:
    """'DEU' -> 'Германия (DEU)': the country's Russian name as forms print it."""
    import pycountry

    country = pycountry.countries.get(alpha_3=alpha3.upper())
    if country is None:
        return alpha3
    return f"{_russian_names().gettext(country.name)} ({alpha3.upper()})"


@cache
def _russian_names() -> gettext.NullTranslations:
    import pycountry

    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)


def _housing(agreement: step_rules.HousingAgreement, approval: ApprovedArrival) -> HousingAgreement:
    kind = HousingKind(str(agreement.kind))
    owner_name, owner_id = agreement.landlord_name, agreement.landlord_id
    if kind is HousingKind.OWNERSHIP:  # the applicant is the owner
        owner_name, owner_id = approval.full_name, approval.iin
    return HousingAgreement(
        kind=kind,
        landlord_name=owner_name,
        landlord_id=owner_id,
        number=agreement.number,
        signed_on=agreement.signed_on,
        valid_from=agreement.valid_from,
        valid_until=agreement.valid_until,
        owner_consent_shown=agreement.owner_consent_shown,
    )


def _duty(kind: DutyKind, data: Mapping[str, Any]) -> DutyReceipt:
    payment = step_rules.DutyPayment.from_payload(data)
    return DutyReceipt(kind, payment.receipt_number, payment.paid_on, Decimal(payment.amount_kzt))


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _check_ready(
    state: CaseState,
    steps: Mapping[Step, Mapping[str, Any]],
    approval: ApprovedArrival,
    entry_date: date | None,
    today: date,
    rules: ProgrammeRules,
) -> None:
    if state not in lifecycle.DESK_STATES:
        raise NotReadyToPrint(
            QT_TRANSLATE_NOOP(
                "printing", "The application cannot be printed: the case {state}."
            ).format(state=lifecycle.describe_state(state))
        )
    items = checklist_rules.evaluate(steps, approval, entry_date, today, rules)
    failing = [item for item in items if not item.passes]
    if failing:
        raise NotReadyToPrint(
            QT_TRANSLATE_NOOP(
                "printing", "The application cannot be printed until the checklist is complete:"
            ),
            tuple(checklist_reason(item) for item in failing),
        )


_STATUS_WORDS = {
    "missing": QT_TRANSLATE_NOOP("printing", "missing"),
    "recorded": QT_TRANSLATE_NOOP("printing", "recorded"),
    "not required": QT_TRANSLATE_NOOP("printing", "not required"),
    "invalid": QT_TRANSLATE_NOOP("printing", "invalid"),
    "expired": QT_TRANSLATE_NOOP("printing", "expired"),
}


def checklist_reason(item: ChecklistItem) -> str:
    status = str(item.status).replace("_", " ")
    words = _STATUS_WORDS.get(status, status)
    if item.note:
        return QT_TRANSLATE_NOOP("printing", "{step}: {status} ({note}).").format(
            step=item.title, status=words, note=item.note
        )
    return QT_TRANSLATE_NOOP("printing", "{step}: {status}.").format(step=item.title, status=words)


def _last_print(conn: Connection, case_id: str) -> _PrintRecord | None:
    last = conn.execute(
        select(journal.c.recorded_at, journal.c.payload)
        .where(
            (journal.c.case_id == case_id)
            & (journal.c.type == str(EventType.APPLICATION_PRINTED))
            & (journal.c.outcome == "applied")
        )
        .order_by(journal.c.recorded_at.desc(), journal.c.local_seq.desc())
        .limit(1)
    ).first()
    if last is None:
        return None
    payload = json.loads(last.payload)
    return _PrintRecord(
        parse_instant(last.recorded_at), str(payload.get("digest")), str(payload.get("clerk_name"))
    )


def _submission_time(conn: Connection, case_id: str) -> datetime | None:
    recorded = conn.execute(
        select(journal.c.recorded_at).where(
            (journal.c.case_id == case_id)
            & (journal.c.type == str(EventType.APPLICATION_SUBMITTED))
            & (journal.c.outcome == "applied")
        )
    ).scalar()
    return parse_instant(recorded) if recorded else None


__all__ = [
    "DECISION_WORKING_DAYS",
    "NotPermitted",
    "NotReadyToPrint",
    "PrintDesk",
    "PrintedDocument",
    "PrintedFormChanged",
    "TransitionRefused",
    "application_data",
    "citizenship",
    "fingerprints_statement",
    "service_center",
]
