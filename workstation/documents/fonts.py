"""Registers the shipped DejaVu fonts with reportlab once per process and checks Kazakh coverage."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from workstation.resources import resource_path

# Kazakh letters beyond the Russian alphabet, upper and lower case: the printed forms are
# useless if any of these falls back to a missing-glyph box.
KAZAKH_LETTERS = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"
RUSSIAN_LETTERS = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя"
LATIN_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
# Symbols the forms draw as text: ballot boxes for the enclosure list, the tenge sign, dashes.
FORM_SYMBOLS = "☐☒№—–«»₸"

REQUIRED_CHARACTERS = KAZAKH_LETTERS + RUSSIAN_LETTERS + LATIN_LETTERS + FORM_SYMBOLS


@dataclass(frozen=True)
class FormFonts:
    """The reportlab font names the documents use."""

    regular: str
    bold: str
    condensed: str


FONT_FILES: dict[str, str] = {
    "DejaVuSans": "DejaVuSans.ttf",
    "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
    "DejaVuSansCondensed": "DejaVuSansCondensed.ttf",
}

FONTS = FormFonts(
    regular="DejaVuSans",
    bold="DejaVuSans-Bold",
    condensed="DejaVuSansCondensed",
)


class FontMissing(FileNotFoundError):
    """A font file the printed forms need is not where the application expects it."""


class FontLacksGlyphs(ValueError):
    """A shipped font cannot draw some letters the forms print."""


@functools.cache
def register_fonts() -> FormFonts:
    """Parse the TTF files and register them with reportlab, once per process.

    Parsing a DejaVu TTF costs tens of milliseconds, far more than laying out a form, so it
    must not happen per document.
    """
    for name, file_name in FONT_FILES.items():
        path = resource_path("fonts", file_name)
        if not path.is_file():
            raise FontMissing(
                f"Font file {path} is missing; reinstall the application or restore its fonts."
            )
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        FONTS.regular,
        normal=FONTS.regular,
        bold=FONTS.bold,
        italic=FONTS.regular,
        boldItalic=FONTS.bold,
    )
    # Labels are set in the condensed face and never bold; <b> in one falls back to Sans Bold.
    pdfmetrics.registerFontFamily(
        FONTS.condensed,
        normal=FONTS.condensed,
        bold=FONTS.bold,
        italic=FONTS.condensed,
        boldItalic=FONTS.bold,
    )
    return FONTS


def missing_glyphs(font_name: str, text: str = REQUIRED_CHARACTERS) -> str:
    """Return the characters of ``text`` that the registered font ``font_name`` cannot draw."""
    register_fonts()
    font = pdfmetrics.getFont(font_name)
    char_to_glyph: dict[int, int] = font.face.charToGlyph
    return "".join(ch for ch in dict.fromkeys(text) if ord(ch) not in char_to_glyph)


def check_coverage() -> None:
    """Raise FontLacksGlyphs if any shipped font cannot draw a letter the forms print."""
    for name in FONT_FILES:
        gaps = missing_glyphs(name)
        if gaps:
            raise FontLacksGlyphs(
                f"Font {name} cannot draw {gaps!r}; ship a font that covers them."
            )
