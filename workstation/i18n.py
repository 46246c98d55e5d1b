"""Messages of the core that the desk shows in its user's language, without importing Qt.

The core speaks English: its exceptions and problems carry English text, which is what logs,
the command line and tests read. A message a person at the desk may see is written as

    raise ArrivalRefused(
        QT_TRANSLATE_NOOP("lifecycle", "The entry date {date} is in the future.").format(date=d)
    )

Qt Linguist's `lupdate` finds `QT_TRANSLATE_NOOP(context, text)` calls in Python source, so
the English template lands in the translation files. Here the call returns a `Template`
(a `str` that remembers its context); `.format()` on it returns a `Message` (the English
text, remembering template and values). The UI (`ui.i18n.text_of`) looks the template up in
the user's language and fills in the same values; everywhere else they are plain strings.

Never pass an f-string or a variable as the text: lupdate would record the wrong source.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# Every template made so far, by context: module constants register when imported, inline
# ones the first time they are used. `parse_stored` reads stored English back through them.
_TEMPLATES: dict[str, dict[str, None]] = {}
_PLACEHOLDER = re.compile(r"\{([a-z_0-9]+)\}")


class Template(str):
    """English text to translate in `context`; `.format()` keeps that for the translator."""

    context: str

    def __new__(cls, context: str, text: str) -> Template:
        made = super().__new__(cls, text)
        made.context = context
        register(context, text)
        return made

    @property
    def template(self) -> str:
        return str.__str__(self)

    @property
    def params(self) -> Mapping[str, Any]:
        return {}

    def format(self, *args: object, **params: Any) -> Message:
        if args:
            raise TypeError("translatable templates take named values only: {name}")
        return Message(self.context, self.template, params)


class Message(str):
    """A filled-in template: reads as English, translates as a whole in the UI."""

    context: str
    template: str
    params: Mapping[str, Any]

    def __new__(cls, context: str, template: str, params: Mapping[str, Any]) -> Message:
        made = super().__new__(cls, template.format(**params))
        made.context = context
        made.template = template
        made.params = dict(params)
        return made


def QT_TRANSLATE_NOOP(context: str, text: str) -> Template:
    """Mark `text` for translation in `context` (see the module's doc)."""
    return Template(context, text)


Translatable = Template | Message


def translatable(value: object) -> Translatable | None:
    """The template behind `value` (a message, or an exception whose first argument is one)."""
    if isinstance(value, Template | Message):
        return value
    if isinstance(value, BaseException):
        for candidate in (*value.args[:1], getattr(value, "message", None)):
            if isinstance(candidate, Template | Message):
                return candidate
    return None


def register(context: str, text: str) -> None:
    """Make a template known to `parse_stored` before the code that makes it has run (the UI
    registers every source text of its translation catalogue)."""
    _TEMPLATES.setdefault(context, {})[text] = None


def _pattern(template: str) -> re.Pattern[str] | None:
    parts: list[str] = []
    position = 0
    names: set[str] = set()
    for match in _PLACEHOLDER.finditer(template):
        if match.group(1) in names:
            return None  # a value twice: not worth matching back
        names.add(match.group(1))
        parts.append(re.escape(template[position : match.start()]))
        parts.append(f"(?P<{match.group(1)}>.+?)")
        position = match.end()
    parts.append(re.escape(template[position:]))
    return re.compile("".join(parts), re.DOTALL)


def parse_stored(text: str, contexts: tuple[str, ...], depth: int = 2) -> Translatable | None:
    """The message behind English `text` read back from the store (a refusal reason, an
    annulment reason): the template of one of `contexts` it was made from, with its values;
    values that are themselves such messages are read back too. None if no template fits.

    Stored text stays English on purpose (it is what the audit trail and other desks read);
    this lets the UI show it in the desk's language.
    """
    for context in contexts:
        templates = _TEMPLATES.get(context, {})
        if text in templates:
            return Template(context, text)
    best: tuple[int, Message] | None = None
    for context in contexts:
        for template in list(_TEMPLATES.get(context, {})):
            if "{" not in template:
                continue
            pattern = _pattern(template)
            match = pattern.fullmatch(text) if pattern is not None else None
            if match is None:
                continue
            values: dict[str, Any] = {}
            for name, value in match.groupdict().items():
                inner = parse_stored(value, contexts, depth - 1) if depth > 0 else None
                values[name] = inner if inner is not None else value
            literal = len(_PLACEHOLDER.sub("", template))  # the most specific template wins
            if best is None or literal > best[0]:
                best = (literal, Message(context, template, values))
    return best[1] if best is not None else None
