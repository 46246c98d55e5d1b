"""Take an approved case to a stage (arrived, steps recorded, printed, submitted, decided).

The one way the demo data, the screen tour, the guide's pictures and the tests set a case up:
every move goes through the real use cases, as a clerk's or an officer's screen makes it, so
its events are checked, signed (when the actor has a key) and projected as usual. The values
recorded on the way are `CaseSamples`: one valid value per step, the same every time unless a
subclass draws them otherwise (the demo does, at random). Where each move is made (which
person, which clock) is `Desks`: one desk for everything unless a subclass says otherwise.
"""

from __future__ import annotations

import functools
import io
from dataclasses import replace
from datetime import date, datetime, timedelta
from enum import Enum

from PIL import Image

from workstation.biometrics.sbi import CapturedPrint, FingerPosition
from workstation.domain.approval import ApprovedArrival
from workstation.domain.decision import Decision, RefusalReason
from workstation.domain.iin import make_bin
from workstation.domain.steps import (
    DocumentKind,
    DutyKind,
    HousingAgreement,
    HousingKind,
    LandlordType,
    MedicalExam,
    MedicalResult,
)
from workstation.journal.envelope import Actor
from workstation.journal.projector import load_approval
from workstation.services.context import DeskContext
from workstation.services.desk import Desk
from workstation.services.fingerprints import FingerprintDesk
from workstation.services.printing import PrintDesk
from workstation.services.review import ReviewDesk
from workstation.services.steps import CaseSteps
from workstation.services.submission import SubmissionDesk


class Stage(Enum):
    """How far a case is taken, in the order a case goes (each includes those before it)."""

    ARRIVED = "arrived"
    PARTIAL = "partially recorded"  # the passport checked and the medical examination
    READY = "steps recorded"  # every checklist step: ready to print
    PRINTED = "printed"
    SUBMITTED = "submitted"
    UNDER_REVIEW = "under review"
    ISSUED = "issued"
    REFUSED = "refused"
    ANNULLED = "annulled by a late entry"  # an entry after the window, confirmed


_ORDER = (
    Stage.ARRIVED,
    Stage.PARTIAL,
    Stage.READY,
    Stage.PRINTED,
    Stage.SUBMITTED,
    Stage.UNDER_REVIEW,
    Stage.ISSUED,
)


def _reaches(stage: Stage, point: Stage) -> bool:
    """Whether a case taken to `stage` passes `point` on the way."""
    if stage is Stage.REFUSED:
        stage = Stage.ISSUED  # decided either way
    return _ORDER.index(stage) >= _ORDER.index(point)


class Move(Enum):
    """One thing done to a case on the way to a stage, in the order the moves are made."""

    ARRIVAL = "arrival"
    PASSPORT = "passport"
    MEDICAL = "medical"
    FINGERPRINTS = "fingerprints"
    HOUSING = "housing"
    DUTY = "duty"
    DOCUMENTS = "documents"
    PRINT = "print"
    SUBMIT = "submit"
    OPEN = "open for review"
    DECIDE = "decide"


OFFICER_MOVES = frozenset({Move.OPEN, Move.DECIDE})
LANDLORD_BIN = make_bin(2016, 5, 4, 0, 3301)
SCAN_PDF = b"%PDF-1.4\n% demo scan\n%%EOF\n"


class Desks:
    """The desk each move is made at: the clerk's for the desk's work, the same desk as the
    officer for opening and deciding. A subclass may give each move its own clock."""

    def __init__(self, clerk: DeskContext, officer: Actor | None = None) -> None:
        self.clerk = clerk
        self.officer = officer

    def at(self, move: Move) -> DeskContext:
        if move not in OFFICER_MOVES:
            return self.clerk
        if self.officer is None:
            raise ValueError(f"a migration officer is needed to {move.value} a case")
        return replace(self.clerk, actor=self.officer)


class CaseSamples:
    """What is recorded on the way: a valid value for each step of `approval`'s case, entered
    on `entry` (the stamp's date) at `border_point`. `day` is the desk's day of the move."""

    def __init__(
        self,
        approval: ApprovedArrival,
        entry: date,
        border_point: str = "Astana International Airport (NQZ)",
    ) -> None:
        self.approval = approval
        self.entry = entry
        self.border_point = border_point

    def medical_exam(self, day: date) -> MedicalExam:
        return MedicalExam(
            "028/u-55120", day, "City polyclinic No. 9", "ZH. ABENOVA", MedicalResult.FIT
        )

    def prints(self, at: datetime) -> list[CapturedPrint]:
        return ten_prints(at)

    def housing(self, day: date) -> HousingAgreement:
        return HousingAgreement(
            kind=HousingKind.LEASE,
            city=self.approval.city,
            street="Kabanbay Batyr Ave",
            building="53",
            apartment="117",
            postcode="Z05H9E8",
            number="AR-2026/1187",
            signed_on=day,
            valid_from=day,
            valid_until=day + timedelta(days=364),
            landlord_type=LandlordType.COMPANY,
            landlord_id=LANDLORD_BIN,
            landlord_name="ASTANA RENT LLP",
            owner_consent_shown=True,
        )

    def duty_receipt(self, kind: DutyKind) -> str:
        return {DutyKind.PERMIT: "KASPI-0091-2231", DutyKind.CARD: "KASPI-0091-2232"}[kind]

    def documents(self) -> list[tuple[DocumentKind, str, bytes]]:
        """(kind, file name, content) of every required scan."""
        return [
            (kind, "photo.jpg", sample_photo())
            if kind is DocumentKind.PHOTO
            else (kind, f"{kind}.pdf", SCAN_PDF)
            for kind in DocumentKind
        ]

    def decision(self, issue: bool) -> Decision:
        if issue:
            return Decision.issued()
        return Decision.refused(RefusalReason.INVALID_DOCUMENTS, "See the case file.")


def take_case_to(
    desks: DeskContext | Desks,
    case_id: str,
    stage: Stage,
    samples: CaseSamples | None = None,
    *,
    entry: date | None = None,
) -> None:
    """Carry the approved case `case_id` to `stage` through the desk's use cases.

    Without `samples`, the sample values with an entry on `entry` (default: two days before
    the desk's day). A refusal of any move (a step the case's state does not allow) raises,
    as it would at the desk.
    """
    if isinstance(desks, DeskContext):
        desks = Desks(desks)
    if samples is None:
        with desks.clerk.store.reading() as conn:
            approval = load_approval(conn, case_id)
        entry = entry or desks.clerk.today() - timedelta(days=2)
        samples = CaseSamples(approval, entry)
    Desk(desks.at(Move.ARRIVAL)).record_arrival(
        case_id,
        samples.entry,
        samples.border_point,
        confirm_annulment=stage is Stage.ANNULLED,
    )
    if stage is Stage.ANNULLED or not _reaches(stage, Stage.PARTIAL):
        return
    CaseSteps(desks.at(Move.PASSPORT)).check_passport(case_id, samples.approval.passport_mrz())
    context = desks.at(Move.MEDICAL)
    CaseSteps(context).record_medical_exam(case_id, samples.medical_exam(context.today()))
    if not _reaches(stage, Stage.READY):
        return
    _record_remaining_steps(desks, case_id, samples)
    if not _reaches(stage, Stage.PRINTED):
        return
    printer = PrintDesk(desks.at(Move.PRINT))
    printer.record_printed(printer.application(case_id), copies=1, channel="printer")
    if not _reaches(stage, Stage.SUBMITTED):
        return
    SubmissionDesk(desks.at(Move.SUBMIT)).submit(case_id)
    if not _reaches(stage, Stage.UNDER_REVIEW):
        return
    ReviewDesk(desks.at(Move.OPEN), city=None).open_case(case_id)
    if not _reaches(stage, Stage.ISSUED):
        return
    officer = ReviewDesk(desks.at(Move.DECIDE), city=None)
    officer.decide(case_id, samples.decision(issue=stage is Stage.ISSUED))


def _record_remaining_steps(desks: Desks, case_id: str, samples: CaseSamples) -> None:
    """Fingerprints, housing, both duties and every document: what follows the medical."""
    context = desks.at(Move.FINGERPRINTS)
    prints = FingerprintDesk(context)
    prints.record_fingerprints(case_id, samples.prints(context.clock.now()), {})
    context = desks.at(Move.HOUSING)
    CaseSteps(context).record_housing(case_id, samples.housing(context.today()))
    context = desks.at(Move.DUTY)
    steps, day = CaseSteps(context), context.today()
    for kind in DutyKind:
        fee = context.rules.fee_kzt(str(kind), day.year)
        steps.record_duty(case_id, kind, samples.duty_receipt(kind), day, str(fee))
    steps = CaseSteps(desks.at(Move.DOCUMENTS))
    for document, name, content in samples.documents():
        steps.attach_document(case_id, str(document), name, content)


@functools.cache
def sample_photo() -> bytes:
    """A plain 35x45 mm-shaped JPEG (350x450 pixels, light grey): a photo the forms print."""
    out = io.BytesIO()
    Image.new("RGB", (350, 450), (0xD0, 0xD7, 0xDE)).save(out, format="JPEG")
    return out.getvalue()


@functools.cache
def _finger_png(position: FingerPosition) -> bytes:
    """A small grey placeholder per finger: only the digests travel in the event, so drawing
    real ridge art would be wasted time."""
    out = io.BytesIO()
    shade = 40 + 20 * list(FingerPosition).index(position)
    Image.new("L", (16, 16), shade).save(out, format="PNG")
    return out.getvalue()


def ten_prints(at: datetime) -> list[CapturedPrint]:
    """Ten good prints from the simulated scanner, captured at `at`."""
    return [
        CapturedPrint(
            position=p,
            image_png=_finger_png(p),
            quality=80,
            device_id="1",
            device_serial="SIM0000000001",
            captured_at=at,
        )
        for p in FingerPosition
    ]
