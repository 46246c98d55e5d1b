"""Page machinery shared by the printed documents: A4 frame, text styles, formats, footer."""

from __future__ import annotations

import functools
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, TableStyle

from workstation.documents.fonts import FONTS, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = 20 * mm
MARGIN_RIGHT = 12 * mm
MARGIN_TOP = 12 * mm
MARGIN_BOTTOM = 16 * mm
CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT

# Label text is grey so the filled-in values stand out, as on a typed-in paper form.
LABEL_GREY = colors.Color(0.30, 0.30, 0.30)
RULE_GREY = colors.Color(0.35, 0.35, 0.35)
SECTION_FILL = colors.Color(0.90, 0.90, 0.90)
EMPTY_VALUE = "—"


@dataclass(frozen=True)
class TextStyles:
    """The paragraph styles every printed document draws with."""

    annex: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    section: ParagraphStyle
    label: ParagraphStyle
    value: ParagraphStyle
    value_bold: ParagraphStyle
    body: ParagraphStyle
    body_right: ParagraphStyle
    small: ParagraphStyle
    small_centre: ParagraphStyle


def _text_styles() -> TextStyles:
    base = ParagraphStyle("base", fontName=FONTS.regular, fontSize=9, leading=11)
    return TextStyles(
        annex=ParagraphStyle("annex", base, fontSize=7, leading=8.5, alignment=TA_LEFT),
        title=ParagraphStyle(
            "title", base, fontName=FONTS.bold, fontSize=11.5, leading=14, alignment=TA_CENTER
        ),
        subtitle=ParagraphStyle(
            "subtitle", base, fontSize=8, leading=10, alignment=TA_CENTER, textColor=LABEL_GREY
        ),
        section=ParagraphStyle("section", base, fontName=FONTS.bold, fontSize=8, leading=10),
        label=ParagraphStyle(
            "label", base, fontName=FONTS.condensed, fontSize=7, leading=8.2, textColor=LABEL_GREY
        ),
        value=ParagraphStyle("value", base, fontSize=8.5, leading=10.2),
        value_bold=ParagraphStyle(
            "value_bold", base, fontName=FONTS.bold, fontSize=8.5, leading=10.2
        ),
        body=ParagraphStyle("body", base, fontSize=8, leading=10),
        body_right=ParagraphStyle("body_right", base, fontSize=8, leading=10, alignment=TA_RIGHT),
        small=ParagraphStyle("small", base, fontSize=7, leading=8.5, textColor=LABEL_GREY),
        small_centre=ParagraphStyle(
            "small_centre",
            base,
            fontSize=7,
            leading=8.5,
            textColor=LABEL_GREY,
            alignment=TA_CENTER,
        ),
    )


STYLES = _text_styles()


def format_date(day: date) -> str:
    """Dates on Kazakh state forms read day.month.year."""
    return day.strftime("%d.%m.%Y")


def format_amount(amount_kzt: Decimal) -> str:
    """Tenge with two decimals, thousands split by a no-break space: ``15 728,00 ₸``."""
    cents = amount_kzt.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    whole, fraction = f"{cents:.2f}".split(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    groups: list[str] = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return f"{sign}{chr(0xA0).join(groups)},{fraction}{chr(0xA0)}₸"


def text(value: str) -> str:
    """Escape a data value for a Paragraph: names and addresses may hold '&' or '<'."""
    return escape(value)


def bilingual(kazakh: str, russian: str) -> str:
    """Paragraph markup for a label in Kazakh over Russian, the order the state forms use."""
    return f"{escape(kazakh)}<br/>{escape(russian)}"


class _CellParagraph(Paragraph):  # type: ignore[misc]
    """A Paragraph that remembers its line breaks for the width it was last wrapped to.

    A Table wraps every cell to size its rows and then again when it draws them; line
    breaking is most of a form's layout time, and the second pass gives the same answer.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        wrapped_for = self.__dict__.get("_wrapped_for")
        if wrapped_for is not None and wrapped_for[0] == availWidth:
            size: tuple[float, float] = wrapped_for[1]
            return size
        size = super().wrap(availWidth, availHeight)
        self._wrapped_for = (availWidth, size)
        return size


def para(markup: str, style: ParagraphStyle) -> Paragraph:
    return _CellParagraph(markup, style)


@functools.lru_cache(maxsize=1024)
def fixed_text(line: str, font_name: str, font_size: float, width: float) -> str:
    """A fixed label broken into lines that fit ``width``, joined by newlines, for a table cell.

    Only for the forms' own wording (a bounded set, hence the cache); data values go into
    Paragraphs, which wrap at layout time.
    """
    return "\n".join(simpleSplit(line, font_name, font_size, width))


def fits_on_lines(value: str, font_name: str, font_size: float, width: float) -> bool:
    """True if every newline-separated line of ``value`` fits ``width`` without wrapping."""
    return all(stringWidth(line, font_name, font_size) <= width for line in value.split("\n"))


def table_style(commands: Iterable[tuple[Any, ...]]) -> TableStyle:
    """A TableStyle whose cell font is the embedded DejaVu.

    reportlab sets each cell's font even when the cell holds a Paragraph, and its default is
    Helvetica, which would put an unembedded font into every PDF.
    """
    return TableStyle([("FONT", (0, 0), (-1, -1), FONTS.regular, 8), *commands])


class PageNumberCanvas(Canvas):  # type: ignore[misc]
    """A canvas that holds pages back until the end so each footer can say 'page X of Y'.

    This costs one pass of layout, where ``multiBuild`` would lay the document out twice.
    The footer: a rule, `footer_left` at the left margin and `page_text` (formatted with
    `n` and `total`) at the right one, `baseline` above the bottom edge.
    """

    def __init__(
        self,
        *args: Any,
        footer_left: str,
        page_text: str,
        left: float,
        right: float,
        baseline: float,
        rule_gap: float,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._footer_left = footer_left
        self._page_text = page_text
        self._left, self._right = left, right
        self._baseline, self._rule_gap = baseline, rule_gap
        self._held_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for number, page_state in enumerate(self._held_pages, start=1):
            self.__dict__.update(page_state)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        y = self._baseline
        self.saveState()
        self.setStrokeColor(RULE_GREY)
        self.setLineWidth(0.4)
        self.line(self._left, y + self._rule_gap, self._right, y + self._rule_gap)
        self.setFillColor(LABEL_GREY)
        self.setFont(FONTS.regular, 7)
        self.drawString(self._left, y, self._footer_left)
        self.drawRightString(self._right, y, self._page_text.format(n=number, total=total))
        self.restoreState()


def build_pdf(
    story: Sequence[Any],
    *,
    title: str,
    footer_left: str,
) -> bytes:
    """Lay ``story`` out on A4 pages with the shared footer and return the PDF bytes.

    ``invariant`` makes the bytes depend only on the content, so reprinting the same
    application gives the same file and its hash can be recorded.
    """
    register_fonts()
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author="DNR Workstation",
        creator="DNR Workstation",
        invariant=1,
        initialFontName=FONTS.regular,
        pageCompression=0,
    )
    frame = Frame(
        MARGIN_LEFT,
        MARGIN_BOTTOM,
        CONTENT_WIDTH,
        PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="content",
    )
    document.addPageTemplates([PageTemplate(id="page", frames=[frame])])

    def make_canvas(*args: Any, **kwargs: Any) -> PageNumberCanvas:
        return PageNumberCanvas(
            *args,
            footer_left=footer_left,
            page_text="{n}-бет, барлығы {total} / Страница {n} из {total}",
            left=MARGIN_LEFT,
            right=PAGE_WIDTH - MARGIN_RIGHT,
            baseline=MARGIN_BOTTOM - 7 * mm,
            rule_gap=3.2 * mm,
            **kwargs,
        )

    document.build(list(story), canvasmaker=make_canvas)
    return buffer.getvalue()
