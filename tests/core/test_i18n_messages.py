"""The core's translatable messages read as English and keep what the UI needs to translate."""

from __future__ import annotations

from datetime import date

import pytest

from workstation.i18n import QT_TRANSLATE_NOOP, Message, Template, translatable


def test_a_marked_text_is_its_english_and_remembers_its_context() -> None:
    text = QT_TRANSLATE_NOOP("lifecycle", "No arrival recorded.")
    assert text == "No arrival recorded."
    assert isinstance(text, Template)
    assert (text.context, text.template, dict(text.params)) == (
        "lifecycle",
        "No arrival recorded.",
        {},
    )


def test_format_gives_the_english_sentence_and_keeps_template_and_values() -> None:
    when = date(2026, 3, 10)
    message = QT_TRANSLATE_NOOP("lifecycle", "The entry date {date} is in the future.").format(
        date=when
    )
    assert message == "The entry date 2026-03-10 is in the future."
    assert isinstance(message, Message)
    assert message.template == "The entry date {date} is in the future."
    assert message.params == {"date": when}
    assert message.context == "lifecycle"


def test_positional_values_are_refused_because_translations_reorder_words() -> None:
    with pytest.raises(TypeError, match="named values"):
        QT_TRANSLATE_NOOP("x", "{} and {}").format(1, 2)


def test_an_exception_carrying_a_message_is_found_and_str_stays_english() -> None:
    message = QT_TRANSLATE_NOOP("steps", "Form {form} is too old.").format(form="028/u")
    error = ValueError(message)
    assert str(error) == "Form 028/u is too old."
    assert translatable(error) is message


def test_a_message_attribute_is_found_too() -> None:
    class Refused(Exception):
        def __init__(self, message: str) -> None:
            super().__init__("code 7")
            self.message = message

    marked = QT_TRANSLATE_NOOP("printing", "Not ready.")
    assert translatable(Refused(marked)) is marked


def test_plain_strings_and_plain_exceptions_are_not_translatable() -> None:
    assert translatable("plain") is None
    assert translatable(ValueError("plain")) is None
    assert translatable(ValueError()) is None


def test_stored_english_is_read_back_through_its_template_with_nested_values() -> None:
    from workstation.i18n import parse_stored, register

    outer = QT_TRANSLATE_NOOP("lifecycle", "{type} from {desk} not applied: {reason}")
    inner = QT_TRANSLATE_NOOP("signatures", "the certificate {serial} is revoked")
    stored = outer.format(
        type="ArrivalRecorded", desk="WS-AST-02", reason=inner.format(serial="1A2B")
    )
    found = parse_stored(str(stored), ("lifecycle", "signatures"))
    assert isinstance(found, Message)
    assert found.template == outer.template and found.context == "lifecycle"
    assert found.params["desk"] == "WS-AST-02"
    reason = found.params["reason"]
    assert isinstance(reason, Message) and reason.template == inner.template
    assert reason.params == {"serial": "1A2B"}
    # A fixed text is found as it is; a text of another context or unknown is not.
    register("signatures", "the event is not signed")
    exact = parse_stored("the event is not signed", ("signatures",))
    assert isinstance(exact, Template) and exact.context == "signatures"
    assert parse_stored("the event is not signed", ("lifecycle",)) is None
    assert parse_stored("free text typed by an officer", ("lifecycle", "signatures")) is None
