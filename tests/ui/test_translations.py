"""Every screen of the desk in Kazakh, Russian, English and pseudo-translation (tests/ui/tour.py).

- kk, ru: no visible text holds an English word that is not data (names, places, codes...) or
  one of the few names that stay Latin (ALLOWED).
- pseudo: every visible text is a translated one ("[Šàvé ~~]"), or data: an untranslated
  literal anywhere shows up; and nothing clips when texts are 40% longer.
- en: no "(s)" left (a missing plural form), and every text the desk looks up is in the
  catalogue under the context it is looked up in (PySide6 takes the runtime class).

One demo desk for the module; each language is walked once, on first use.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTranslator
from PySide6.QtGui import QFont, QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QRadioButton,
    QStatusBar,
    QStyle,
    QTabBar,
    QToolButton,
    QTreeView,
    QWidget,
)

from tests.ui.tour import SCREENS, Tour

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "translations" / "dnr_kk.ts"  # every message lupdate found

# Latin words that stay Latin in every language, and why.
ALLOWED = frozenset(
    w.lower()
    for w in (
        # The product and the programme: proper names.
        *("DNR", "Workstation", "Digital", "Nomad", "Residency", "DEMO"),
        # Names of formats, standards and software, written as they are everywhere.
        *("PDF", "CSV", "MRZ", "SBI", "MOSIP", "SQLite", "PostgreSQL", "URL", "Qt", "PySide"),
        *("Python", "JPEG", "PNG"),
        # Certificate revocation lists: "CRL" is the term in Kazakh and Russian too (glossary).
        "CRL",
        # Key names (QKeySequence writes them in Latin in every language).
        *("Ctrl", "Shift", "Alt", "Enter", "Esc", "Tab", "Del", "Home", "End", "PgUp"),
        *("PgDown", "Page", "Down", "Up", "Space", "Return", "Backspace"),
        # Licence names (About).
        *("OFL", "LGPL", "GPL", "MIT", "BSD", "Apache", "PSF", "MPL", "ISC"),
        # A language's own name in the language menu.
        "English",
    )
)
# Languages named in their own language (the language choice): never translated.
ENDONYMS = frozenset({"қазақша", "русский"})
# Screens made by Qt alone: their clipping is Qt's, not the desk's.
QT_ONLY_SCREENS = frozenset({"file-dialog"})
ROWS = 40  # rows of a list or table read per view (the rest look the same)


# ---- reading a screen ------------------------------------------------------------------------


@dataclass(frozen=True)
class Seen:
    screen: str
    widget: str
    text: str

    def __str__(self) -> str:
        return f"{self.screen} | {self.widget} | {self.text!r}"


def plain(text: str) -> str:
    """A text as read on screen: no markup, no accelerator '&', spaces collapsed."""
    if re.search(r"<[a-zA-Z/!][^>]*>|&[a-z]+;", text):
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    text = re.sub(r"&(&?)", lambda m: "&" if m.group(1) else "", text)
    return " ".join(text.split())


def describe(widget: QWidget) -> str:
    name = type(widget).__name__
    if widget.objectName():
        return f"{name}#{widget.objectName()}"
    parent = widget.parentWidget()
    while parent is not None and not parent.objectName():
        parent = parent.parentWidget()
    top = widget.window()
    where = parent if parent is not None else top
    return f"{name} in {type(where).__name__}" + (
        f"#{where.objectName()}" if where.objectName() else ""
    )


def model_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return

    def columns(parent: QModelIndex) -> int:
        try:
            return int(model.columnCount(parent))
        except TypeError:  # a list model: one column (columnCount is private there)
            return 1

    header = getattr(view, "horizontalHeader", None) or getattr(view, "header", None)
    if header is not None and header().isVisible():
        for column in range(columns(QModelIndex())):
            value = model.headerData(column, Qt.Orientation.Horizontal)
            if isinstance(value, str):
                yield value

    tree = isinstance(view, QTreeView)

    def rows(parent: QModelIndex, depth: int) -> Iterator[str]:
        for row in range(min(model.rowCount(parent), ROWS)):
            for column in range(columns(parent)):
                value = model.index(row, column, parent).data(Qt.ItemDataRole.DisplayRole)
                if isinstance(value, str):
                    yield value
            child = model.index(row, 0, parent)
            if tree and depth < 3 and model.rowCount(child) > 0:
                yield from rows(child, depth + 1)

    yield from rows(view.rootIndex(), 0)


def menu_texts(menu: QMenu, depth: int = 0) -> Iterator[tuple[str, str]]:
    where = f"QMenu#{menu.objectName()}" if menu.objectName() else f"QMenu {plain(menu.title())!r}"
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        yield where, action.text()
        tip = action.toolTip()
        if tip and plain(tip) != plain(action.text()):
            yield where, tip
        if action.menu() is not None and depth < 3:
            yield from menu_texts(action.menu(), depth + 1)


def texts_of(screen: str, top: QWidget) -> list[Seen]:
    """Every text the screen shows: titles, labels, buttons, boxes, tabs, menus and their
    tool tips, placeholders, list items, table headers and cells, the status bar."""
    found: list[tuple[str, str]] = [(f"{type(top).__name__} (title)", top.windowTitle())]
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        where = describe(widget)
        if widget.toolTip():
            found.append((f"{where} (tool tip)", widget.toolTip()))
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append((where, widget.text()))
        elif isinstance(widget, QGroupBox):
            found.append((where, widget.title()))
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                found.append((where, widget.tabText(i)))
                found.append((f"{where} (tool tip)", widget.tabToolTip(i)))
        elif isinstance(widget, QLineEdit):
            found.append((f"{where} (placeholder)", widget.placeholderText()))
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                found.append((f"{where} (item)", widget.itemText(i)))
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            found.extend((f"{where} (cell)", text) for text in model_texts(widget))
        elif isinstance(widget, QStatusBar):
            found.append((where, widget.currentMessage()))
    if isinstance(top, QMainWindow):
        for action in top.menuBar().actions():
            found.append(("QMenuBar", action.text()))
            if action.menu() is not None:
                found.extend(menu_texts(action.menu()))
    seen: list[Seen] = []
    for where, raw in found:
        text = plain(raw or "")
        if re.search(r"[^\W\d_]", text):
            seen.append(Seen(screen, where, text))
    return seen


# ---- clipping ---------------------------------------------------------------------------------


def in_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def clipped_on(screen: str, top: QWidget) -> list[str]:
    """Widgets narrower (or lower) than their text needs."""
    problems: list[str] = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton) and not in_scroll_area(widget):
            shown = widget.visibleRegion().boundingRect()
            if not shown.isEmpty() and shown.width() < widget.width() - 1:
                text = plain(widget.text())
                problems.append(
                    f"{screen} | {describe(widget)} | {text[:70]!r}: cut off by its container, "
                    f"{shown.width()} of {widget.width()} px shown"
                )
        style = widget.style()
        size = f"{widget.width()}x{widget.height()}"
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            if widget.wordWrap():
                need_h = widget.heightForWidth(widget.width())
                if widget.height() < need_h:
                    problems.append(
                        f"{screen} | {describe(widget)} | {plain(widget.text())[:70]!r}: "
                        f"{size}, the wrapped text needs height {need_h}"
                    )
            else:
                hint = widget.sizeHint()
                if widget.width() < hint.width() or widget.height() < hint.height():
                    problems.append(
                        f"{screen} | {describe(widget)} | {plain(widget.text())[:70]!r}: "
                        f"{size}, needs {hint.width()}x{hint.height()}"
                    )
        elif isinstance(widget, QAbstractButton) and widget.text():
            text = plain(widget.text())
            advance = widget.fontMetrics().horizontalAdvance(text)
            if not widget.icon().isNull():
                advance += widget.iconSize().width() + 4
            metric = QStyle.PixelMetric
            if isinstance(widget, QCheckBox):
                need = (
                    advance
                    + style.pixelMetric(metric.PM_IndicatorWidth)
                    + style.pixelMetric(metric.PM_CheckBoxLabelSpacing)
                )
            elif isinstance(widget, QRadioButton):
                need = (
                    advance
                    + style.pixelMetric(metric.PM_ExclusiveIndicatorWidth)
                    + style.pixelMetric(metric.PM_RadioButtonLabelSpacing)
                )
            elif isinstance(widget, QPushButton):
                need = advance + 2 * (
                    style.pixelMetric(metric.PM_ButtonMargin)
                    + style.pixelMetric(metric.PM_DefaultFrameWidth)
                )
            elif isinstance(widget, QToolButton):
                need = advance + 6
            else:
                need = advance
            if widget.width() < need:
                problems.append(
                    f"{screen} | {describe(widget)} | {text!r}: width {widget.width()}, "
                    f"the text needs {need}"
                )
        elif isinstance(widget, QGroupBox) and widget.title():
            font = QFont(widget.font())
            font.setBold(True)
            need = QFontMetrics(font).horizontalAdvance(plain(widget.title())) + 16
            if widget.width() < need:
                problems.append(
                    f"{screen} | {describe(widget)} | title {plain(widget.title())!r}: "
                    f"width {widget.width()}, the title needs {need}"
                )
    return problems


# ---- what is data ------------------------------------------------------------------------------

NOISE = re.compile(
    r"\S*\d\S*"  # codes, numbers, dates, versions: WS-AST-01, 028/u-55120, 6.11
    r"|\S*://\S*"  # URLs
    r"|\S*[/\\]\S*"  # paths
    r"|\S+@\S+"  # e-mail addresses
    r"|\*\.\w+"  # file patterns
)


class Vocabulary:
    """The demo store's data (and the tour's), as whole phrases and as name words."""

    def __init__(self, phrases: list[str], names: list[str]) -> None:
        self.phrases = sorted(
            {p.strip().lower() for p in [*phrases, *names] if len(p.strip()) >= 3},
            key=len,
            reverse=True,
        )
        self.words = {w.lower() for n in names for w in re.findall(r"[^\W\d_]+", n)}
        self.words |= ALLOWED | ENDONYMS

    def foreign(self, text: str, pattern: str) -> list[str]:
        """The words of `text` matching `pattern` that are neither data nor allowed."""
        low = NOISE.sub(" ", text.lower())
        words = [w for w in re.findall(pattern, low) if w not in self.words]
        if not words:
            return []
        for phrase in self.phrases:
            if phrase in low:  # whole words only: RUS is data, "untrusted" is not
                low = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", " ", low)
        return [w for w in re.findall(pattern, low) if w not in self.words]


LATIN_WORD = r"[a-z]{3,}"
ANY_WORD = r"[^\W\d_]{3,}"
PSEUDO_PART = re.compile(r"\[[^\[\]]*~\]")  # innermost first: pseudo texts nest


def without_pseudo(text: str) -> str:
    """`text` without its pseudo-translated parts ("[Šàvé ~~]", nested or not)."""
    while True:
        shorter = PSEUDO_PART.sub(" ", text)
        if shorter == text:
            return text
        text = shorter


# ---- walking each language once -----------------------------------------------------------------


class Lookups(QTranslator):
    """Installed last (asked first): notes every lookup and answers nothing (None: a null
    QString, so Qt asks the next translator; "" would be taken as an empty translation)."""

    def __init__(self, parent: QCoreApplication) -> None:
        super().__init__(parent)
        self.seen: set[tuple[str, str]] = set()

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        self.seen.add((context or "", source or ""))
        return None

    def isEmpty(self) -> bool:
        return False


@dataclass
class Walk:
    language: str
    pseudo: bool
    texts: list[Seen] = field(default_factory=list)
    clipped: list[str] = field(default_factory=list)
    lookups: set[tuple[str, str]] = field(default_factory=set)
    visited: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)


@pytest.fixture(scope="module")
def tour(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tour]:
    saved = os.environ.get("DNR_CONFIG")
    folder = tmp_path_factory.mktemp("tour")
    os.environ["DNR_CONFIG"] = str(folder / "config" / "desk.toml")
    made = Tour(qapp, folder)
    try:
        yield made
    finally:
        from ui import i18n

        i18n.uninstall()
        made.close()
        if saved is None:
            os.environ.pop("DNR_CONFIG", None)
        else:
            os.environ["DNR_CONFIG"] = saved


@pytest.fixture(scope="module")
def vocabulary(tour: Tour) -> Vocabulary:
    return Vocabulary(*tour.data_texts())


_walks: dict[tuple[str, bool], Walk | BaseException] = {}


def walked(tour: Tour, language: str, pseudo: bool = False) -> Walk:
    from ui import i18n

    key = (language, pseudo)
    if key in _walks:
        done = _walks[key]
        if isinstance(done, BaseException):
            raise done  # the walk failed once: not again for each test
        return done
    app = QCoreApplication.instance()
    assert app is not None
    i18n.install(language, pseudo_mode=pseudo)
    lookups = Lookups(app)
    app.installTranslator(lookups)
    walk = Walk(language, pseudo)

    def visit(name: str, widget: QWidget) -> None:
        walk.texts.extend(texts_of(name, widget))
        if pseudo and name not in QT_ONLY_SCREENS:
            walk.clipped.extend(clipped_on(name, widget))

    try:
        walk.visited = list(tour.walk(visit))
        walk.skipped = dict(tour.skipped)
    except Exception as error:
        _walks[key] = error
        raise
    finally:
        app.removeTranslator(lookups)
        i18n.uninstall()
    walk.lookups = lookups.seen
    _walks[key] = walk
    return walk


def report(title: str, lines: list[str]) -> str:
    unique = list(dict.fromkeys(lines))
    return f"{title} ({len(unique)}):\n" + "\n".join(unique)


# ---- the tests -----------------------------------------------------------------------------------


def test_the_tour_shows_every_screen(tour: Tour) -> None:
    walk = walked(tour, "en")
    missing = [s for s in SCREENS if s not in walk.visited and s not in walk.skipped]
    assert not missing, f"screens neither shown nor skipped: {missing}"
    assert set(walk.skipped) <= {"language-menu"}, f"skipped: {walk.skipped}"
    if walk.skipped:
        pytest.skip("; ".join(f"{k}: {v}" for k, v in walk.skipped.items()))


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_no_english_left(tour: Tour, vocabulary: Vocabulary, language: str) -> None:
    walk = walked(tour, language)
    failures = [
        f"{seen}  <- {', '.join(words)}"
        for seen in walk.texts
        if (words := vocabulary.foreign(seen.text, LATIN_WORD))
    ]
    assert not failures, report(f"English words on the {language} screens", failures)


def test_pseudo_translation_reaches_every_text(tour: Tour, vocabulary: Vocabulary) -> None:
    walk = walked(tour, "en", pseudo=True)
    failures = []
    for seen in walk.texts:
        rest = without_pseudo(seen.text)
        if words := vocabulary.foreign(rest, ANY_WORD):
            failures.append(f"{seen}  <- {', '.join(words)}")
    assert not failures, report("texts not translated (pseudo)", failures)


def test_nothing_clips_in_pseudo_translation(tour: Tour) -> None:
    walk = walked(tour, "en", pseudo=True)
    assert not walk.clipped, report("clipped with texts 40% longer (pseudo)", walk.clipped)


def test_english_has_its_plural_forms(tour: Tour) -> None:
    walk = walked(tour, "en")
    failures = [str(seen) for seen in walk.texts if "(s)" in seen.text]
    assert not failures, report('"(s)" shown in English: plural form missing', failures)


def test_every_lookup_is_in_the_catalogue_under_its_context(tour: Tour) -> None:
    walk = walked(tour, "en")
    catalogue: dict[str, set[str]] = {}
    for context in ET.parse(CATALOGUE).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            catalogue.setdefault(message.findtext("source") or "", set()).add(name)
    # PySide6's tr() walks the class's MRO (MedicalForm, then StepForm, QDialog, ...) until
    # one context translates: a text is found when any context it was asked under has it.
    asked: dict[str, set[str]] = {}
    for context, source in walk.lookups:
        asked.setdefault(source, set()).add(context)
    failures = []
    for context, source in sorted(walk.lookups):
        if not source.strip() or asked[source] & catalogue.get(source, set()):
            continue
        if re.match(r"Q[A-Z]", context):
            continue  # Qt's own texts (qtbase catalogue)
        found_in = catalogue.get(source, set())
        if context in found_in:
            continue
        if found_in:
            failures.append(f"{context!r}: {source!r} is in the catalogue under {sorted(found_in)}")
        else:
            failures.append(f"{context!r}: {source!r} is not in the catalogue")
    assert not failures, report("looked up but not found under that context", failures)
