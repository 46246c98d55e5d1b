"""The acknowledgement slip read back from the PDF, the submission digest and the QR payload."""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import re
from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.graphics.barcode import qrencoder

from workstation.documents import (
    InvalidReceipt,
    ReceiptData,
    receipt_for,
    receipt_qr_payload,
    render_receipt,
    submission_digest,
)
from workstation.documents.printing import format_date
from workstation.documents.receipt import (
    TITLE_KK,
    TITLE_RU,
    canonical_application_json,
    local_time_text,
)
from workstation.documents.samples import sample_application, sample_application_long

SUBMITTED_AT = datetime(2025, 3, 6, 5, 42, 17, tzinfo=UTC)  # 10:42 in Astana


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def make_receipt(signature_b64: str | None = None) -> ReceiptData:
    return receipt_for(
        sample_application(),
        submitted_at=SUBMITTED_AT,
        decision_due=date(2025, 3, 12),
        signature_b64=signature_b64,
    )


@pytest.fixture(scope="module")
def receipt_pdf() -> bytes:
    return render_receipt(make_receipt())


def test_every_fact_of_the_submission_is_printed(receipt_pdf: bytes) -> None:
    data = make_receipt()
    expected = [
        data.case_id,
        data.applicant.surname,
        data.applicant.given_names,
        data.applicant.surname_cyrillic or "",
        data.applicant.given_names_cyrillic or "",
        data.passport_number,
        "06.03.2025 10:42 (UTC+5)",
        data.service_center.name,
        data.service_center.city,
        data.clerk_name,
        format_date(data.decision_due),
        data.digest,
        *data.submitted,
    ]
    printed = squash(pdf_text(receipt_pdf))
    assert [value for value in expected if squash(value) not in printed] == []
    assert len(data.submitted) == 8


def test_headings_come_back_as_text(receipt_pdf: bytes) -> None:
    text = pdf_text(receipt_pdf)
    assert TITLE_KK in text
    assert TITLE_RU in text
    assert "Страница 1 из 1" in text


def test_fonts_are_embedded(receipt_pdf: bytes) -> None:
    page = PdfReader(io.BytesIO(receipt_pdf)).pages[0]
    fonts = [font.get_object() for font in page["/Resources"]["/Font"].values()]
    assert fonts
    for font in fonts:
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]


def test_only_documents_actually_enclosed_are_listed_as_submitted() -> None:
    application = sample_application()
    enclosed = list(application.enclosed)
    enclosed[4] = replace(enclosed[4], present=False)
    receipt = receipt_for(
        replace(application, enclosed=tuple(enclosed)),
        submitted_at=SUBMITTED_AT,
        decision_due=date(2025, 3, 12),
    )
    assert enclosed[4].name not in receipt.submitted
    assert len(receipt.submitted) == 7


def test_submission_time_is_printed_in_kazakhstan_time() -> None:
    assert local_time_text(datetime(2025, 12, 31, 20, 30, tzinfo=UTC)) == (
        "01.01.2026 01:30 (UTC+5)"
    )
    moscow = timezone(timedelta(hours=3))
    assert local_time_text(datetime(2025, 3, 6, 8, 42, tzinfo=moscow)) == "06.03.2025 10:42 (UTC+5)"


def test_a_naive_submission_time_is_refused() -> None:
    data = replace(make_receipt(), submitted_at=datetime(2025, 3, 6, 10, 42))
    with pytest.raises(InvalidReceipt, match="time zone"):
        render_receipt(data)


def test_canonical_json_is_sorted_compact_utf8_with_iso_dates() -> None:
    raw = canonical_application_json(sample_application())
    text = raw.decode("utf-8")
    assert "ШНАЙДЕР" in text  # UTF-8, not \\u escapes
    assert "\n" not in text and '", "' not in text and '": "' not in text
    parsed = json.loads(raw)
    assert list(parsed) == sorted(parsed)
    assert list(parsed["housing"]) == sorted(parsed["housing"])
    assert parsed["birth_date"] == "1990-03-15"
    assert parsed["duty_receipts"][1]["amount_kzt"] == "786.4"
    assert parsed["sex"] == "M"
    assert json.dumps(parsed, sort_keys=True, separators=(",", ":"), ensure_ascii=False) == text


def test_digest_is_sha256_of_the_canonical_json_and_stable() -> None:
    first = submission_digest(sample_application())
    assert first == submission_digest(sample_application())
    assert first == hashlib.sha256(canonical_application_json(sample_application())).hexdigest()
    assert re.fullmatch(r"[0-9a-f]{64}", first)


def test_trailing_zeros_in_an_amount_do_not_change_the_digest() -> None:
    base = sample_application()
    receipts = list(base.duty_receipts)
    receipts[1] = replace(receipts[1], amount_kzt=Decimal("786.4"))
    assert submission_digest(replace(base, duty_receipts=tuple(receipts))) == submission_digest(
        base
    )


@pytest.mark.parametrize(
    "change",
    [
        lambda a: replace(a, applicant=replace(a.applicant, surname="SCHNEIDERR")),
        lambda a: replace(a, housing=replace(a.housing, number="АР-2025/0389")),
        lambda a: replace(a, birth_date=date(1990, 3, 16)),
        lambda a: replace(a, iin=None),
        lambda a: replace(
            a, duty_receipts=(replace(a.duty_receipts[0], amount_kzt=Decimal("15728.01")),)
        ),
        lambda a: replace(a, enclosed=a.enclosed[:-1]),
        lambda a: replace(a, fingerprints_statement=None),
    ],
    ids=["surname", "housing-number", "birth-date", "iin", "duty-amount", "enclosure", "prints"],
)
def test_a_changed_field_changes_the_digest(change: Any) -> None:
    base = sample_application()
    assert submission_digest(change(base)) != submission_digest(base)


def test_qr_payload_format() -> None:
    digest = submission_digest(sample_application())
    assert receipt_qr_payload("DNR-AST-2025-000417", digest, None) == (
        f"DNR1|DNR-AST-2025-000417|{digest}|-"
    )
    assert receipt_qr_payload("C1", digest, "MEUCIQ+/==").endswith(f"|{digest}|MEUCIQ+/==")


@pytest.mark.parametrize(
    ("case_id", "digest", "signature"),
    [
        ("", "a" * 64, None),
        ("DNR|1", "a" * 64, None),
        ("DNR-1", "A" * 64, None),
        ("DNR-1", "a" * 63, None),
        ("DNR-1", "a" * 64, "not base64!"),
        ("DNR-1", "a" * 64, "abc|def"),
    ],
)
def test_qr_payload_refuses_fields_that_would_break_the_format(
    case_id: str, digest: str, signature: str | None
) -> None:
    with pytest.raises(InvalidReceipt):
        receipt_qr_payload(case_id, digest, signature)


def test_signed_and_unsigned_slips_say_so() -> None:
    assert "ЭЦП не проставлена" in pdf_text(render_receipt(make_receipt()))
    assert "Подписано ЭЦП" in pdf_text(render_receipt(make_receipt(signature_b64="QUJD")))


def test_the_qr_code_is_encoded_once_per_slip(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = Counter[str]()
    original = qrencoder.QRCode.make

    def counting_make(self: Any) -> None:
        calls["make"] += 1
        original(self)

    monkeypatch.setattr(qrencoder.QRCode, "make", counting_make)
    render_receipt(make_receipt())
    assert calls["make"] == 1


def qr_matrix_on_page(pdf: bytes) -> list[list[bool]]:
    """Rebuild the QR module matrix from the filled rectangles the slip draws."""
    reader = PdfReader(io.BytesIO(pdf))
    operations = ContentStream(reader.pages[0].get_contents(), reader).operations
    rects = [
        tuple(float(v) for v in operands)
        for (operands, operator), (_, following) in itertools.pairwise(operations)
        if operator == b"re" and following in (b"f", b"f*")
    ]
    module = Counter(round(h, 4) for _, _, _, h in rects).most_common(1)[0][0]
    runs = [r for r in rects if abs(r[3] - module) < 1e-3 and r[2] >= module - 1e-3]
    left = min(x for x, _, _, _ in runs)
    top = max(y + h for _, y, _, h in runs)
    cells = set()
    for x, y, w, h in runs:
        row = round((top - (y + h)) / module)
        first = round((x - left) / module)
        cells.update((row, first + k) for k in range(round(w / module)))
    size = max(max(r, c) for r, c in cells) + 1
    return [[(r, c) in cells for c in range(size)] for r in range(size)]


def expected_matrix(payload: str) -> list[list[bool]]:
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    return [[bool(cell) for cell in row] for row in code.modules]


def test_the_page_carries_the_qr_code_of_the_payload(receipt_pdf: bytes) -> None:
    data = make_receipt()
    matrix = qr_matrix_on_page(receipt_pdf)
    assert len(matrix) in range(21, 178, 4)  # a legal QR size
    finder = [row[:7] for row in matrix[:7]]
    assert finder[0] == [True] * 7 and finder[3] == [True, False, True, True, True, False, True]
    assert matrix == expected_matrix(receipt_qr_payload(data.case_id, data.digest, None))
    other = receipt_qr_payload(data.case_id, submission_digest(sample_application_long()), None)
    assert matrix != expected_matrix(other)


def test_an_independent_encoder_draws_the_same_qr_code(receipt_pdf: bytes) -> None:
    # The 'qrcode' package is not a project dependency; when present it cross-checks that the
    # printed matrix is a standard QR code of the payload (same version, level M, some mask).
    qrcode = pytest.importorskip("qrcode")
    data = make_receipt()
    payload = receipt_qr_payload(data.case_id, data.digest, None)
    matrix = qr_matrix_on_page(receipt_pdf)
    version = (len(matrix) - 17) // 4
    candidates = []
    for mask in range(8):
        code = qrcode.QRCode(
            version=version,
            error_correction=qrcode.constants.ERROR_CORRECT_M,
            border=0,
            mask_pattern=mask,
        )
        code.add_data(payload, optimize=0)
        code.make(fit=False)
        candidates.append([[bool(cell) for cell in row] for row in code.get_matrix()])
    assert matrix in candidates
