"""The translation files: complete, in step with the code, and the check catches what is not."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_tool() -> ModuleType:
    """packaging/translations.py (packaging/ is not a package: it is also a PyPI name)."""
    spec = importlib.util.spec_from_file_location(
        "dnr_translations", ROOT / "packaging" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


tool = load_tool()


def test_the_shipped_translations_are_complete_and_match_the_code() -> None:
    problems = tool.check()
    assert problems == [], "\n".join(problems[:50])


def test_every_language_has_a_file_and_kazakh_and_russian_translate_every_text() -> None:
    sources = {(e.context, e.source) for e in tool.entries(tool.ts_file("ru"))}
    assert len(sources) > 400
    assert {(e.context, e.source) for e in tool.entries(tool.ts_file("kk"))} == sources
    # English is the source language: its file holds only the plural forms.
    english = tool.entries(tool.ts_file("en"))
    assert english and all(e.numerus for e in english)


TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>Form</name>
{messages}
</context>
</TS>
"""


def message(source: str, translation: str, kind: str = "") -> str:
    attribute = f' type="{kind}"' if kind else ""
    return (
        f"<message><source>{source}</source>"
        f"<translation{attribute}>{translation}</translation></message>"
    )


def write(tmp_path: Path, *messages: str) -> Path:
    path = tmp_path / "dnr_ru.ts"
    path.write_text(TS.format(messages="\n".join(messages)), encoding="utf-8")
    return path


def test_a_finished_file_has_no_problems(tmp_path: Path) -> None:
    ts = write(
        tmp_path,
        message("&amp;Save", "&amp;Сохранить"),
        message("Due by {date}.", "Срок до {date}."),
        '<message numerus="yes"><source>%n day(s)</source><translation>'
        "<numerusform>%n день</numerusform><numerusform>%n дня</numerusform>"
        "<numerusform>%n дней</numerusform></translation></message>",
    )
    assert tool.problems(ts) == []


@pytest.mark.parametrize(
    ("entry", "complaint"),
    [
        (message("Save", "Сохранить", "unfinished"), "unfinished"),
        (message("Save", "Сохранить", "vanished"), "vanished"),
        (message("Save", ""), "empty translation"),
        (message("Due by {date}.", "Срок до {day}."), "placeholders"),
        (message("Due by {date}.", "Срок."), "placeholders"),
        (message("&amp;Save", "Сохранить"), "accelerator"),
        (message("Save", "&amp;Сохранить"), "accelerator"),
        (
            '<message numerus="yes"><source>%n day(s)</source><translation>'
            "<numerusform>%n день</numerusform><numerusform></numerusform>"
            "<numerusform>%n дней</numerusform></translation></message>",
            "empty translation",
        ),
    ],
)
def test_the_check_names_each_unfinished_or_broken_entry(
    tmp_path: Path, entry: str, complaint: str
) -> None:
    found = tool.problems(write(tmp_path, entry))
    assert len(found) == 1 and complaint in found[0], found


def test_a_text_added_to_the_code_without_update_fails_the_check(tmp_path: Path) -> None:
    for code in tool.LANGUAGES:
        shutil.copy(tool.ts_file(code), tool.ts_file(code, tmp_path))
    ts = tool.ts_file("ru", tmp_path)
    text = ts.read_text(encoding="utf-8")
    start = text.index("<message>")
    end = text.index("</message>", start) + len("</message>")
    ts.write_text(text[:start] + text[end:], encoding="utf-8")  # as if the code had a new text
    found = tool.missing_from_code(tmp_path)
    assert len(found) == 1 and "run update" in found[0], found


def test_every_marked_text_names_its_context_as_a_literal() -> None:
    """lupdate reads only literal contexts: QT_TRANSLATE_NOOP(CONTEXT, ...) with a variable
    drops the text from the .ts files and the desk shows it in English (the first-run flow
    did when it moved into the core)."""
    import ast

    hidden = []
    for folder in ("workstation", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id in {"QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3"}
                    and node.args
                    and not isinstance(node.args[0], ast.Constant)
                ):
                    hidden.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not hidden, f"contexts lupdate cannot read: {hidden}"
