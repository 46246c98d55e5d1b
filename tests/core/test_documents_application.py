"""The printed residence-permit application read back from the PDF: values, headings, fonts, fit."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from workstation.documents import (
    ApplicationData,
    EnclosedDocument,
    render_application,
    standard_enclosures,
)
from workstation.documents.application import SECTION_HEADINGS, TITLE_KK, TITLE_RU
from workstation.documents.fonts import (
    FONT_FILES,
    KAZAKH_LETTERS,
    check_coverage,
    missing_glyphs,
    register_fonts,
)
from workstation.documents.printing import (
    MARGIN_LEFT,
    MARGIN_RIGHT,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    format_amount,
    format_date,
)
from workstation.documents.samples import (
    LONG_STREET,
    LONG_SURNAME,
    sample_application,
    sample_application_long,
)
from workstation.resources import resource_path


def squash(text: str) -> str:
    """Drop all whitespace, so values that wrapped across lines still compare equal."""
    return re.sub(r"\s+", "", text)


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def field_values(data: ApplicationData) -> list[str]:
    """Every value of the case as the form prints it."""
    values = [
        data.case_id,
        data.applicant.surname,
        data.applicant.given_names,
        format_date(data.birth_date),
        data.birth_place,
        data.citizenship,
        data.passport.number,
        data.passport.issuing_state,
        format_date(data.passport.issued_on),
        format_date(data.passport.expires_on),
        data.address.city,
        data.address.street,
        data.address.building,
        data.address.postcode,
        data.housing.landlord_name,
        data.housing.landlord_id,
        data.housing.number,
        format_date(data.housing.signed_on),
        format_date(data.housing.valid_from),
        data.medical.number,
        format_date(data.medical.issued_on),
        data.medical.organisation,
        data.preliminary_approval.number,
        format_date(data.preliminary_approval.issued_on),
        data.ministry_recommendation.number,
        format_date(data.ministry_recommendation.issued_on),
        data.service_center.name,
        data.service_center.city,
        data.clerk_name,
        format_date(data.applied_on),
    ]
    optional = [
        data.applicant.surname_cyrillic,
        data.applicant.given_names_cyrillic,
        data.iin,
        data.address.apartment,
        data.fingerprints_statement,
        format_date(data.housing.valid_until) if data.housing.valid_until else None,
        data.medical.remarks,
    ]
    values += [value for value in optional if value]
    for receipt in data.duty_receipts:
        values += [receipt.receipt_number, format_date(receipt.paid_on)]
        values.append(format_amount(receipt.amount_kzt))
    values += [document.name for document in data.enclosed]
    return values


@pytest.fixture(scope="module")
def normal_pdf() -> bytes:
    return render_application(sample_application())


@pytest.fixture(scope="module")
def long_pdf() -> bytes:
    return render_application(sample_application_long())


def test_sample_long_values_have_the_lengths_the_form_must_survive() -> None:
    assert len(LONG_SURNAME) == 60
    assert len(LONG_STREET) == 150
    assert " " not in LONG_SURNAME  # one unbreakable word is the hardest case


def test_every_field_value_of_the_case_is_printed(normal_pdf: bytes) -> None:
    printed = squash(pdf_text(normal_pdf))
    missing = [
        value for value in field_values(sample_application()) if squash(value) not in printed
    ]
    assert missing == []


def test_an_unrelated_value_is_not_found(normal_pdf: bytes) -> None:
    # Guards the comparison itself: squashing must not make everything match.
    assert squash("NOT-ON-THE-FORM-42") not in squash(pdf_text(normal_pdf))


def test_title_and_section_headings_come_back_as_text_in_both_languages(normal_pdf: bytes) -> None:
    text = pdf_text(normal_pdf)
    assert TITLE_KK in text
    assert TITLE_RU in text
    for number, (kazakh, russian) in enumerate(SECTION_HEADINGS, 1):
        assert f"{number}. {kazakh} / {russian}" in re.sub(r"\s*\n\s*", " ", text)


def test_every_page_has_a_footer_with_case_id_and_page_x_of_y(normal_pdf: bytes) -> None:
    pages = PdfReader(io.BytesIO(normal_pdf)).pages
    total = len(pages)
    for number, page in enumerate(pages, 1):
        text = page.extract_text()
        assert "DNR-AST-2025-000417" in text
        assert f"Страница {number} из {total}" in text
        assert f"{number}-бет, барлығы {total}" in text


def test_enclosure_marks_show_present_and_missing_documents() -> None:
    data = replace(
        sample_application(),
        enclosed=(
            EnclosedDocument("Паспорт көшірмесі / Копия паспорта", present=True),
            EnclosedDocument("Фотосурет / Фотография", present=False),
        ),
    )
    text = pdf_text(render_application(data))
    assert "☒ бар / есть" in text
    assert "☐ жоқ / нет" in text


def test_standard_enclosures_mark_by_key_and_reject_unknown_keys() -> None:
    enclosures = standard_enclosures({"photo"})
    assert [document.present for document in enclosures].count(True) == 1
    assert next(d for d in enclosures if d.present).name.startswith("Фотосурет")
    with pytest.raises(KeyError, match="Unknown enclosure keys"):
        standard_enclosures({"passport_copy", "pasport_scan"})


def test_markup_characters_in_data_are_printed_literally() -> None:
    data = replace(
        sample_application(),
        housing=replace(sample_application().housing, landlord_name='ТОО "A&B <Строй>"'),
    )
    assert 'ТОО "A&B <Строй>"' in pdf_text(render_application(data))


def test_missing_optional_values_print_a_dash_not_none() -> None:
    base = sample_application()
    data = replace(base, iin=None, address=replace(base.address, apartment=None))
    text = pdf_text(render_application(data))
    assert "None" not in text
    assert "—" in text


def _pdf_fonts(pdf: bytes) -> list[dict[str, Any]]:
    fonts: dict[str, Any] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    return list(fonts.values())


def test_fonts_are_truetype_and_embedded_according_to_pypdf(normal_pdf: bytes) -> None:
    fonts = _pdf_fonts(normal_pdf)
    assert fonts
    for font in fonts:
        assert font["/Subtype"] == "/TrueType", font["/BaseFont"]
        assert "DejaVu" in str(font["/BaseFont"])
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdffonts_reports_every_font_embedded(normal_pdf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "application.pdf"
    path.write_bytes(normal_pdf)
    output = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout
    rows = output.splitlines()[2:]
    assert rows
    header = output.splitlines()[0]
    emb_column = header.index("emb")
    for row in rows:
        assert row[emb_column : emb_column + 3] == "yes", row


def test_long_surname_and_address_are_printed_whole_on_the_same_pages(
    normal_pdf: bytes, long_pdf: bytes
) -> None:
    printed = squash(pdf_text(long_pdf))
    assert squash(LONG_SURNAME) in printed
    assert squash(LONG_STREET) in printed
    missing = [v for v in field_values(sample_application_long()) if squash(v) not in printed]
    assert missing == []
    assert page_count(long_pdf) == page_count(normal_pdf)


def _text_runs(pdf: bytes) -> list[tuple[int, str, float, float, float, float]]:
    """(page, text, x, y, width, height) of each drawn text run, in page coordinates."""
    runs: list[tuple[int, str, float, float, float, float]] = []
    for index, page in enumerate(PdfReader(io.BytesIO(pdf)).pages):

        def visit(text: str, cm: Any, tm: Any, font: Any, size: float, index: int = index) -> None:
            if not text.strip() or font is None:
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = (tm[0] * cm[0]) or 1.0
            name = str(font["/BaseFont"]).split("+", 1)[-1]
            width = stringWidth(text.rstrip("\n"), name, size) * scale
            runs.append((index, text, x, y, width, size * scale))

        page.extract_text(visitor_text=visit)
    return runs


def test_all_text_stays_inside_the_printable_area(long_pdf: bytes) -> None:
    register_fonts()
    runs = _text_runs(long_pdf)
    assert len(runs) > 50
    tolerance = 1.0
    outside = [
        (page, text, round(x), round(y), round(width))
        for page, text, x, y, width, _ in runs
        if x < MARGIN_LEFT - tolerance
        or x + width > PAGE_WIDTH - MARGIN_RIGHT + tolerance
        or not 0 < y < PAGE_HEIGHT
    ]
    assert outside == []


def test_page_count_and_bytes_are_stable_across_runs() -> None:
    first = render_application(sample_application())
    second = render_application(sample_application())
    assert page_count(first) == page_count(second) == 2
    assert first == second  # invariant output: the same case prints the same file


def test_shipped_fonts_cover_every_kazakh_letter() -> None:
    assert len(KAZAKH_LETTERS) == 18
    for name in FONT_FILES:
        assert missing_glyphs(name) == "", name
        assert missing_glyphs(name, KAZAKH_LETTERS) == ""
    check_coverage()


def test_missing_glyphs_reports_a_letter_the_font_lacks() -> None:
    # U+A640 (Cyrillic Zemlya) is outside DejaVu Sans: proves the check can fail.
    assert missing_glyphs("DejaVuSans", "Ә\ua640") == "\ua640"


def test_fonts_and_licence_are_shipped_in_resources() -> None:
    for file_name in FONT_FILES.values():
        assert resource_path("fonts", file_name).is_file()
    licence = resource_path("fonts", "DejaVu-LICENSE.txt").read_text(encoding="utf-8")
    assert "Bitstream" in licence


def test_resource_path_uses_the_bundle_directory_when_frozen(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    development = resource_path("fonts", "DejaVuSans.ttf")
    assert development.parent.parent.name == "resources"
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("fonts", "DejaVuSans.ttf") == tmp_path / "resources/fonts/DejaVuSans.ttf"
