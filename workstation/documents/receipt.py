"""The applicant's acknowledgement slip, its submission digest and the QR code that carries it."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle

from workstation.documents.fonts import FONTS, register_fonts
from workstation.documents.model import ApplicationData, ReceiptData
from workstation.documents.printing import (
    CONTENT_WIDTH,
    RULE_GREY,
    SECTION_FILL,
    STYLES,
    bilingual,
    build_pdf,
    format_date,
    para,
    table_style,
    text,
)
from workstation.domain.clock import KAZAKHSTAN_TIME

QR_FORMAT_VERSION = "DNR1"

TITLE_KK = "ҚҰЖАТТАРДЫ ҚАБЫЛДАҒАНЫ ТУРАЛЫ ҚОЛХАТ"
TITLE_RU = "РАСПИСКА О ПРИЁМЕ ДОКУМЕНТОВ"
SUBTITLE = bilingual(
    "тұрақты тұруға рұқсат алуға өтініш бойынша (Digital Nomad Residency)",
    "по заявлению на получение разрешения на постоянное проживание (Digital Nomad Residency)",
)
NEXT_STEP = bilingual(
    "Көші-қон қызметі мәліметтерді тексеріп, шешім қабылдайды. Нәтижесі туралы "
    "«электрондық үкімет» (eGov) хабарламасы арқылы хабарланады. Іс нөмірін сақтаңыз.",
    "Миграционная служба проверит сведения и примет решение. О результате вам сообщат "
    "уведомлением «электронного правительства» (eGov). Сохраните номер дела.",
)
QR_CAPTION = bilingual(
    "QR-кодта іс нөмірі мен өтініш деректерінің цифрлық ізі (SHA-256) бар.",
    "QR-код содержит номер дела и цифровой отпечаток (SHA-256) данных заявления.",
)
UNSIGNED = "ЭЦҚ қойылмаған / ЭЦП не проставлена"
SIGNED = "ЭЦҚ қойылған / Подписано ЭЦП"

QR_SIZE = 38 * mm
_HEX_DIGEST = re.compile(r"[0-9a-f]{64}")
_BASE64 = re.compile(r"[A-Za-z0-9+/]+={0,2}")


class InvalidReceipt(ValueError):
    """The slip cannot be printed from the data given."""


def canonical_application_json(data: ApplicationData) -> bytes:
    """The application as canonical JSON: sorted keys, ISO dates, UTF-8, no whitespace.

    Amounts are decimal strings without trailing zeros, so 786.40 and 786.4 hash alike.
    """
    return json.dumps(
        _canonical(data), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")


def submission_digest(data: ApplicationData) -> str:
    """SHA-256 (hex) of the canonical JSON of the submitted application."""
    return hashlib.sha256(canonical_application_json(data)).hexdigest()


def receipt_qr_payload(case_id: str, digest: str, signature_b64: str | None) -> str:
    """The QR text: ``DNR1|<case id>|<digest hex>|<signature base64 or ->``.

    The signature should be a raw signature over the digest, not a whole CMS envelope with
    certificates: a QR code that must print legibly at 4 cm holds a few hundred characters.
    """
    if not case_id or "|" in case_id or case_id != case_id.strip():
        raise InvalidReceipt(
            f"Case id {case_id!r} cannot go in the QR code; it must be non-empty without '|'."
        )
    if not _HEX_DIGEST.fullmatch(digest):
        raise InvalidReceipt("Digest must be 64 lowercase hex characters (SHA-256); recompute it.")
    if signature_b64 is not None and not _BASE64.fullmatch(signature_b64):
        raise InvalidReceipt(
            "Signature must be base64 text; pass the signature bytes base64-encoded."
        )
    return "|".join((QR_FORMAT_VERSION, case_id, digest, signature_b64 or "-"))


def receipt_for(
    application: ApplicationData,
    *,
    submitted_at: datetime,
    decision_due: date,
    signature_b64: str | None = None,
) -> ReceiptData:
    """The slip for a submitted application; ``decision_due`` comes from the working calendar."""
    return ReceiptData(
        case_id=application.case_id,
        applicant=application.applicant,
        passport_number=application.passport.number,
        submitted=tuple(document.name for document in application.enclosed if document.present),
        submitted_at=submitted_at,
        service_center=application.service_center,
        clerk_name=application.clerk_name,
        decision_due=decision_due,
        digest=submission_digest(application),
        signature_b64=signature_b64,
    )


def local_time_text(moment: datetime) -> str:
    """A moment as printed on the slip: Kazakhstan local time with its offset spelt out."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidReceipt("Submission time has no time zone; pass an aware datetime (UTC).")
    return moment.astimezone(KAZAKHSTAN_TIME).strftime("%d.%m.%Y %H:%M (UTC+5)")


def grouped_digest(digest: str) -> tuple[str, str]:
    """The digest as two lines of four groups of eight, so a person can compare it by eye."""
    groups = [digest[i : i + 8] for i in range(0, len(digest), 8)]
    return " ".join(groups[:4]), " ".join(groups[4:])


def render_receipt(data: ReceiptData) -> bytes:
    """Return the acknowledgement slip for ``data`` as PDF bytes (A4, fonts embedded)."""
    register_fonts()  # before any Paragraph: paragraphs resolve bold/regular at creation
    payload = receipt_qr_payload(data.case_id, data.digest, data.signature_b64)
    accepted_at = local_time_text(data.submitted_at)
    story: list[Any] = [
        _issuer_line(data),
        Spacer(0, 8 * mm),
        para(TITLE_KK, STYLES.title),
        para(TITLE_RU, STYLES.title),
        para(SUBTITLE, STYLES.subtitle),
        Spacer(0, 6 * mm),
        _facts_table(data, accepted_at),
        Spacer(0, 5 * mm),
        _submitted_table(data.submitted),
        Spacer(0, 5 * mm),
        _next_step_table(data.decision_due),
        Spacer(0, 5 * mm),
        _verification_table(data, payload),
        Spacer(0, 10 * mm),
        _signature_table(data),
    ]
    return build_pdf(
        story,
        title=f"Acknowledgement of submission {data.case_id}",
        footer_left=f"Іс № / Дело № {data.case_id}",
    )


class _EncodedOnceQr(QrCodeWidget):  # type: ignore[misc]
    """QrCodeWidget re-runs the encoder (nine matrix builds for the mask choice) every time it
    is drawn, and reportlab asks for a drawing both for bounds and for output; this keeps the
    first drawing so a document encodes its QR exactly once."""

    def draw(self) -> Any:
        drawn = self.__dict__.get("_drawn")
        if drawn is None:
            drawn = super().draw()
            self.__dict__["_drawn"] = drawn
        return drawn

    def getBounds(self) -> tuple[float, float, float, float]:
        return (self.x, self.y, self.x + self.barWidth, self.y + self.barHeight)


def qr_drawing(payload: str, size: float = QR_SIZE) -> Drawing:
    """A drawing of the QR code for ``payload`` (error correction M, 4-module quiet zone)."""
    widget = _EncodedOnceQr(payload, barWidth=size, barHeight=size, barLevel="M", barBorder=4)
    widget.draw()
    drawing = Drawing(size, size)
    # Without this the renderer selects reportlab's default Helvetica, unembedded.
    drawing.initialFontName = FONTS.regular
    drawing.add(widget)
    return drawing


def _label_value_style(first_row_header: bool) -> TableStyle:
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, RULE_GREY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if first_row_header:
        commands += [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), SECTION_FILL)]
    return table_style(commands)


def _issuer_line(data: ReceiptData) -> Table:
    centre = data.service_center
    return Table(
        [
            [
                para(
                    bilingual(
                        "«Азаматтарға арналған үкімет» мемлекеттік корпорациясы",
                        "Государственная корпорация «Правительство для граждан»",
                    ),
                    STYLES.small,
                ),
                para(
                    f"<b>{text(centre.name)}</b><br/>{text(centre.city)}",
                    STYLES.body_right,
                ),
            ]
        ],
        colWidths=[CONTENT_WIDTH * 0.55, CONTENT_WIDTH * 0.45],
        style=table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        ),
    )


def _facts_table(data: ReceiptData, accepted_at: str) -> Table:
    name = data.applicant
    cyrillic = " ".join(part for part in (name.surname_cyrillic, name.given_names_cyrillic) if part)
    applicant = f"<b>{text(name.surname)} {text(name.given_names)}</b>"
    if cyrillic:
        applicant += f"<br/>{text(cyrillic)}"
    centre = data.service_center
    rows = [
        ("Іс нөмірі", "Номер дела", f"<b>{text(data.case_id)}</b>"),
        ("Өтініш беруші", "Заявитель", applicant),
        ("Паспорттың нөмірі", "Номер паспорта", text(data.passport_number)),
        ("Қабылданған күні мен уақыты", "Дата и время приёма", accepted_at),
        ("Қабылдау орны", "Место приёма", f"{text(centre.name)}, {text(centre.city)}"),
        ("Қабылдаған қызметкер", "Документы принял", text(data.clerk_name)),
    ]
    return Table(
        [
            [para(bilingual(kazakh, russian), STYLES.label), para(value, STYLES.value)]
            for kazakh, russian, value in rows
        ],
        colWidths=[62 * mm, CONTENT_WIDTH - 62 * mm],
        style=_label_value_style(first_row_header=False),
    )


def _submitted_table(submitted: tuple[str, ...]) -> Table:
    cells: list[list[Any]] = [
        [para("Қабылданған құжаттар / Принятые документы", STYLES.section), ""]
    ]
    cells.extend(
        [para(str(index), STYLES.label), para(text(name), STYLES.value)]
        for index, name in enumerate(submitted, 1)
    )
    if not submitted:
        cells.append([para("1", STYLES.label), para("—", STYLES.value)])
    return Table(
        cells,
        colWidths=[9 * mm, CONTENT_WIDTH - 9 * mm],
        repeatRows=1,
        style=_label_value_style(first_row_header=True),
    )


def _next_step_table(decision_due: date) -> Table:
    due = (
        f"Шешім қабылдаудың соңғы күні / Решение будет принято не позднее: "
        f"<b>{format_date(decision_due)}</b>"
    )
    return Table(
        [
            [para("Келесі қадам / Дальнейшие действия", STYLES.section)],
            [para(NEXT_STEP, STYLES.body)],
            [para(due, STYLES.value)],
        ],
        colWidths=[CONTENT_WIDTH],
        style=_label_value_style(first_row_header=True),
    )


def _verification_table(data: ReceiptData, payload: str) -> Table:
    signature_state = SIGNED if data.signature_b64 else UNSIGNED
    first_half, second_half = grouped_digest(data.digest)
    details = (
        f"{QR_CAPTION}<br/><br/>"
        f"SHA-256:<br/><b>{first_half}<br/>{second_half}</b><br/><br/>"
        f"{signature_state}"
    )
    return Table(
        [[qr_drawing(payload), para(details, STYLES.body)]],
        colWidths=[QR_SIZE + 4 * mm, CONTENT_WIDTH - QR_SIZE - 4 * mm],
        style=table_style(
            [
                ("BOX", (0, 0), (-1, -1), 0.5, RULE_GREY),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (0, 0), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        ),
    )


def _signature_table(data: ReceiptData) -> Table:
    return Table(
        [
            [
                para(
                    bilingual("Қабылдаған қызметкердің қолы", "Подпись принявшего сотрудника"),
                    STYLES.label,
                ),
                para("_" * 28, STYLES.value),
                para(bilingual("М.О.", "М.П."), STYLES.label),
            ],
            ["", para(text(data.clerk_name), STYLES.small), ""],
        ],
        colWidths=[60 * mm, 80 * mm, CONTENT_WIDTH - 140 * mm],
        style=table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        ),
    )


def _canonical(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: _canonical(getattr(value, field.name))
            for field in dataclasses.fields(value)
        }
    if isinstance(value, Enum):
        return _canonical(value.value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, tuple | list):
        return [_canonical(item) for item in value]
    if value is None or isinstance(value, str | bool | int):
        return value
    raise TypeError(f"{type(value).__name__} has no canonical JSON form")
