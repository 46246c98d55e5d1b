"""The desk's language: which one, remembered where, and how texts, dates and numbers follow it.

- Languages: Kazakh, Russian, English (`LANGUAGES`). The choice is kept in `ui.ini` beside the
  desk's settings file (`QSettings`, INI format); `--language` or $DNR_LANGUAGE override it
  for one run; with nothing chosen the system's language is taken if it is one of the three,
  else English.
- `install()` loads the desk's catalogue (`resources/translations/dnr_<code>.qm`, compiled
  from the `.ts` files by the build, or here on first use in a source checkout) and Qt's own
  (`qtbase_<code>.qm`, so standard buttons and file dialogs follow), and sets the default
  `QLocale` so dates and numbers are written the local way.
- Pseudo-translation (`--pseudo` or $DNR_PSEUDO=1) makes every text 40% longer with accented
  letters, to find labels that would clip in Kazakh or Russian.
- `text_of()` / `error_text()` show the core's English messages (`workstation.i18n`) in the
  chosen language.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from ui.ui_settings import settings
from workstation.i18n import parse_stored, register, translatable
from workstation.resources import resource_path

log = logging.getLogger(__name__)

LANGUAGES: dict[str, str] = {"kk": "Қазақша", "ru": "Русский", "en": "English"}
DEFAULT_LANGUAGE = "en"
LANGUAGE_ENV = "DNR_LANGUAGE"
PSEUDO_ENV = "DNR_PSEUDO"
CATALOGUE = "dnr"  # resources/translations/dnr_<code>.ts
# The core's contexts whose messages are stored as English (refusal, annulment, lock reasons).
STORED_CONTEXTS = (
    "lifecycle",
    "review",
    "signatures",
    "login",
    "checklist",
    "steps",
    "roles",
    "door",
    "timestamps",
)

# The locale each language writes dates and numbers in. English is the desk's support
# language in Kazakhstan: English words and digit grouping, dates day first as in Kazakhstan.
_LOCALES = {
    "kk": QLocale(QLocale.Language.Kazakh, QLocale.Country.Kazakhstan),
    "ru": QLocale(QLocale.Language.Russian, QLocale.Country.Kazakhstan),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}
_SHORT_DATE = {"en": "dd.MM.yyyy"}


def saved_language() -> str | None:
    value = settings().value("language")
    return value if isinstance(value, str) and value in LANGUAGES else None


def save_language(code: str) -> None:
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}: one of {', '.join(LANGUAGES)}")
    store = settings()
    store.setValue("language", code)
    store.sync()


def system_language() -> str | None:
    name = QLocale.system().name().split("_")[0]
    return name if name in LANGUAGES else None


def chosen_language(override: str | None = None) -> str:
    """This run's language: the override (option or $DNR_LANGUAGE), saved, system, English."""
    for candidate in (override, os.environ.get(LANGUAGE_ENV), saved_language(), system_language()):
        if candidate in LANGUAGES:
            assert candidate is not None
            return candidate
    return DEFAULT_LANGUAGE


def pseudo_requested() -> bool:
    return os.environ.get(PSEUDO_ENV, "") not in ("", "0")


# --- pseudo-translation --------------------------------------------------------------------

_ACCENTED = str.maketrans("aceinorsuyAEIOUCNSYZz", "àçéîñöŕšûýÀÉÎÖÛÇÑŠÝŽž")
# Placeholders and markup that must come through unchanged: {name}, %n, %1, &&, <tags>, &amp;
_KEEP = re.compile(r"\{[a-z_0-9]*\}|%L?n|%L?\d|<[^>]*>|&[a-z]+;|&&")
SCALE = 1.4
_PLACEHOLDER_ONLY = re.compile(r"(\{[a-z_0-9]*\}|[\s,;.:·—-])*")


def pseudo(text: str) -> str:
    """`text` 40% longer, letters accented, placeholders and accelerators kept: [Šàvé ~~]."""
    if not text.strip():
        return text
    out: list[str] = []
    position = 0
    for match in _KEEP.finditer(text):
        out.append(text[position : match.start()].translate(_ACCENTED))
        out.append(match.group())
        position = match.end()
    out.append(text[position:].translate(_ACCENTED))
    padding = "~" * max(1, round(len(text) * (SCALE - 1)) - 2)
    return "[" + "".join(out) + " " + padding + "]"


class PseudoTranslator(QTranslator):
    """Every text of every context, lengthened (see `pseudo`)."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return pseudo(source)

    def isEmpty(self) -> bool:
        return False


# --- catalogues ----------------------------------------------------------------------------


def translations_dir() -> Path:
    return resource_path("translations")


def catalogue_file(code: str, folder: Path | None = None) -> Path:
    return (folder or translations_dir()) / f"{CATALOGUE}_{code}.qm"


def _lrelease() -> str | None:
    here = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    return here or shutil.which("pyside6-lrelease")


def ensure_compiled(folder: Path | None = None) -> None:
    """In a source checkout, compile `.ts` files whose `.qm` is missing or older (lrelease).

    A bundle ships the `.qm` files its build made, and has no lrelease: nothing to do there.
    """
    folder = folder or translations_dir()
    if getattr(sys, "frozen", False) or not folder.is_dir():
        return
    stale = [
        ts
        for ts in sorted(folder.glob("*.ts"))
        if not ts.with_suffix(".qm").exists()
        or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime
    ]
    if not stale:
        return
    tool = _lrelease()
    if tool is None:
        log.warning("pyside6-lrelease is missing: translations not compiled")
        return
    for ts in stale:
        result = subprocess.run(
            [tool, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            log.warning("lrelease failed on %s: %s", ts.name, result.stderr.strip())


@dataclass
class Installed:
    language: str
    pseudo: bool
    translators: list[QTranslator]


_installed: Installed | None = None


def install(language: str, pseudo_mode: bool = False) -> Installed:
    """Make `language` the application's: catalogues, Qt's own texts, the default locale.

    Replaces whatever an earlier call installed. A missing catalogue is logged, not fatal:
    the desk then shows English rather than not starting.
    """
    global _installed
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install() needs the QApplication first")
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    uninstall()
    ensure_compiled()
    translators: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{language}", qt_dir), (f"{CATALOGUE}_{language}", None)):
        translator = QTranslator(app)
        where = str(folder or translations_dir())
        if translator.load(name, where):
            app.installTranslator(translator)
            translators.append(translator)
        elif language != "en" or name.startswith(CATALOGUE):
            log.warning("translation %s not found in %s", name, where)
    if pseudo_mode:
        fake = PseudoTranslator(app)
        app.installTranslator(fake)  # asked first: the last installed translator wins
        translators.append(fake)
    QLocale.setDefault(_LOCALES[language])
    _installed = Installed(language, pseudo_mode, translators)
    return _installed


def register_catalogue_sources(folder: Path | None = None) -> int:
    """Make every source text of the catalogue known to `workstation.i18n.parse_stored`, so
    stored English (refusal and annulment reasons) can be shown translated even when the
    code that wrote it has not run in this process. Returns how many were registered."""
    sources = sorted((folder or translations_dir()).glob(f"{CATALOGUE}_*.ts"))
    sources = [ts for ts in sources if not ts.name.endswith("_en.ts")] or sources
    if not sources:
        return 0
    count = 0
    for context in ElementTree.parse(sources[0]).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            register(name, message.findtext("source") or "")
            count += 1
    return count


def uninstall() -> None:
    global _installed
    app = QCoreApplication.instance()
    if _installed is not None and app is not None:
        for translator in _installed.translators:
            app.removeTranslator(translator)
    _installed = None


def current_language() -> str:
    return _installed.language if _installed is not None else DEFAULT_LANGUAGE


# --- the core's messages, dates and numbers ------------------------------------------------


def text_of(value: object) -> str:
    """A core message (or any value) in the desk's language; values inside are shown too."""
    found = translatable(value)
    if found is None:
        if isinstance(value, datetime):
            return format_datetime(value)
        if isinstance(value, date):
            return format_date(value)
        return str(value)
    template = found.template
    if _PLACEHOLDER_ONLY.fullmatch(template) is None:  # "{m0} {m1}" joins: nothing to translate
        template = QCoreApplication.translate(found.context, template)
    params = {name: text_of(item) for name, item in found.params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        log.warning("translation of %r does not fit its values", found.template)
        return found.template.format(**params)


@functools.cache
def _register_catalogue_once() -> int:
    # Off the start-up path: the first stored reason shown reads the catalogue's sources.
    return register_catalogue_sources()


def stored_text(text: str, *contexts: str) -> str:
    """English read back from the store (a refusal, annulment or lock reason), translated when
    it was made from a template of one of `contexts` (see `workstation.i18n.parse_stored`)."""
    _register_catalogue_once()
    found = parse_stored(text, contexts)
    if found is not None:
        return text_of(found)
    # Reasons are stored as sentences ("The event is not signed") from lower-case templates.
    lowered = text[:1].lower() + text[1:]
    found = parse_stored(lowered, contexts) if lowered != text else None
    if found is None:
        return text
    shown = text_of(found)
    return shown[:1].upper() + shown[1:]


def error_text(error: BaseException) -> str:
    """An exception as the person at the desk reads it: its message and notes, translated."""
    head = text_of(error) if translatable(error) is not None else str(error)
    notes = [text_of(note) for note in getattr(error, "__notes__", ())]
    return " ".join([head, *notes]) if notes else head


def locale() -> QLocale:
    return _LOCALES[current_language()]


def date_format() -> str:
    language = current_language()
    if language in _SHORT_DATE:
        return _SHORT_DATE[language]
    short = locale().dateFormat(QLocale.FormatType.ShortFormat)
    return short if "yyyy" in short else short.replace("yy", "yyyy")


def format_date(value: date | None) -> str:
    """A date the local way, four-digit year: 10.03.2026 in all three languages of the desk."""
    if value is None:
        return ""
    return locale().toString(QDate(value.year, value.month, value.day), date_format())


def format_datetime(value: datetime) -> str:
    return f"{format_date(value.date())} {value.strftime('%H:%M')}"


def format_long_date(value: date) -> str:
    """10 March 2026 / 10 марта 2026 г. / 2026 ж. 10 наурыз."""
    qdate = QDate(value.year, value.month, value.day)
    text = locale().toString(qdate, QLocale.FormatType.LongFormat)
    # Drop the weekday the long format starts or ends with: "Tuesday, 10 March 2026".
    weekday = locale().dayName(qdate.dayOfWeek(), QLocale.FormatType.LongFormat)
    return text.replace(f"{weekday}, ", "").replace(f", {weekday}", "").strip()


def format_number(value: int | float, decimals: int = 0) -> str:
    """1,234,567 in English; 1 234 567 in Kazakh and Russian."""
    if decimals == 0:
        return locale().toString(round(value))
    return locale().toString(float(value), "f", decimals)
