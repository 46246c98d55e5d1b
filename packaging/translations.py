"""The desk's translation files: `python packaging/translations.py update|check|release`.

    update    run Qt Linguist's lupdate over main.py, ui/ and workstation/: new texts land in
              resources/translations/dnr_kk.ts and dnr_ru.ts as unfinished entries, texts the
              code no longer has are dropped; dnr_en.ts keeps only plural forms (English is
              the source language)
    check     fail (exit 1, one line per problem) when an entry is unfinished or empty, a
              translation loses or adds a placeholder ({name}, %n) or an accelerator (&), or
              the code has texts the .ts files do not (someone forgot `update`)
    release   compile every .ts to .qm beside it (lrelease); the build does this after check

Translators open a .ts file in Qt Linguist (`pyside6-linguist resources/translations/dnr_kk.ts`),
translate, mark each entry done and save; `check` then passes.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("kk", "ru", "en")
SOURCE_LANGUAGE = "en"
CATALOGUE = "dnr"
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}|%L?n|%L?\d")


def ts_file(code: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"{CATALOGUE}_{code}.ts"


def sources() -> list[Path]:
    files = [ROOT / "main.py"]
    for package in ("ui", "workstation"):
        files += sorted((ROOT / package).rglob("*.py"))
    return [f for f in files if "__pycache__" not in f.parts]


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} is missing: install PySide6 in this environment.")
    return found


def lupdate(folder: Path = TRANSLATIONS) -> None:
    """Bring the .ts files in `folder` up to date with the code (lupdate, no obsolete entries)."""
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False) as listing:
        listing.write("\n".join(str(f) for f in sources()))
    try:
        for code in LANGUAGES:
            command = [_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none"]
            command += ["-target-language", code, "-source-language", SOURCE_LANGUAGE]
            if code == SOURCE_LANGUAGE:
                command.append("-pluralonly")
            command += [f"@{listing.name}", "-ts", str(ts_file(code, folder))]
            subprocess.run(command, check=True, capture_output=True, text=True)
    finally:
        Path(listing.name).unlink()


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    numerus: bool
    kind: str  # "", "unfinished", "vanished", "obsolete"
    forms: tuple[str, ...]


def entries(ts: Path) -> list[Entry]:
    found: list[Entry] = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{ts.name}: a message without <translation>"
            numerus = message.get("numerus") == "yes"
            forms = (
                tuple(form.text or "" for form in translation.iter("numerusform"))
                if numerus
                else (translation.text or "",)
            )
            found.append(
                Entry(
                    context=name,
                    source=message.findtext("source") or "",
                    numerus=numerus,
                    kind=translation.get("type", ""),
                    forms=forms,
                )
            )
    return found


def _accelerators(text: str) -> int:
    return len(re.findall(r"&(?!&)(?=\w)", text.replace("&&", "")))


def problems(ts: Path) -> list[str]:
    """What keeps this .ts file from shipping, one line each (empty when it is finished)."""
    found: list[str] = []
    for entry in entries(ts):
        where = f"{ts.name}: [{entry.context}] {entry.source[:70]!r}"
        if entry.kind:
            found.append(f"{where}: {entry.kind}")
            continue
        if not all(form.strip() for form in entry.forms):
            found.append(f"{where}: empty translation")
            continue
        wanted = sorted(set(PLACEHOLDER.findall(entry.source)))
        for form in entry.forms:
            have = sorted(set(PLACEHOLDER.findall(form)))
            # A plural form may spell the number out ("one case") instead of %n.
            if [p for p in have if not p.endswith("n")] != [
                p for p in wanted if not p.endswith("n")
            ]:
                found.append(f"{where}: placeholders {have} instead of {wanted}")
            if _accelerators(entry.source) != _accelerators(form):
                found.append(f"{where}: accelerator (&) lost or added in {form!r}")
    return found


def missing_from_code(folder: Path = TRANSLATIONS) -> list[str]:
    """Texts of the code that the .ts files in `folder` do not hold yet."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch)
        for code in LANGUAGES:
            if ts_file(code, folder).exists():
                shutil.copy(ts_file(code, folder), ts_file(code, copy))
        lupdate(copy)
        found: list[str] = []
        for code in LANGUAGES:
            before = (
                {(e.context, e.source) for e in entries(ts_file(code, folder))}
                if ts_file(code, folder).exists()
                else set()
            )
            for entry in entries(ts_file(code, copy)):
                if (entry.context, entry.source) not in before:
                    found.append(
                        f"{ts_file(code).name}: [{entry.context}] {entry.source[:70]!r}: "
                        "in the code, not in the file (run update)"
                    )
        return found


def check(folder: Path = TRANSLATIONS) -> list[str]:
    found: list[str] = []
    for code in LANGUAGES:
        if not ts_file(code, folder).exists():
            found.append(f"{ts_file(code).name} is missing (run update)")
            continue
        found += problems(ts_file(code, folder))
    return found + missing_from_code(folder)


def release(folder: Path = TRANSLATIONS) -> list[Path]:
    made = []
    for ts in sorted(folder.glob("*.ts")):
        target = ts.with_suffix(".qm")
        subprocess.run(
            [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(target)], check=True
        )
        made.append(target)
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("update", "check", "release"))
    args = parser.parse_args(argv)
    if args.command == "update":
        lupdate()
        for code in LANGUAGES:
            todo = [e for e in entries(ts_file(code)) if e.kind or not all(e.forms)]
            print(f"{ts_file(code).name}: {len(entries(ts_file(code)))} entries, {len(todo)} to do")
        return 0
    if args.command == "check":
        found = check()
        for line in found:
            print(line)
        print(f"{len(found)} problem(s)" if found else "translations complete")
        return 1 if found else 0
    for qm in release():
        print(qm.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
