"""What the desk ships and under which licences: the runtime libraries and the fonts.

The library list is made, not written: the distributions `dnr-workstation` requires on this
platform, followed transitively, with name, version and licence from their metadata
(`importlib.metadata`), and the licence files the wheels carry. The bundle copies the same
metadata (packaging/dnr-workstation.spec calls `runtime_distributions()`), so the About box
lists the same in a checkout and in an installed bundle. The fonts' licences come from each
TTF's name table and the licence file beside it in resources/fonts. Python and Qt, which
come in the bundle without metadata of their own, are listed with the texts in
resources/licences.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement

from workstation.resources import resource_path

ROOT_DISTRIBUTION = "dnr-workstation"
_CLASSIFIER = re.compile(r"^License :: (?:OSI Approved :: )?(.+)$")


@dataclass(frozen=True)
class PackageLicence:
    name: str
    version: str
    licence: str
    licence_files: tuple[str, ...] = ()  # names of the licence texts the package carries


@dataclass(frozen=True)
class FontLicence:
    file: str  # e.g. DejaVuSans.ttf
    family: str
    version: str
    licence: str
    licence_file: Path | None  # the licence text shipped beside the fonts
    licence_url: str = ""


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_distributions(root: str = ROOT_DISTRIBUTION) -> list[metadata.Distribution]:
    """The installed distributions `root` needs at run time on this platform (no extras),
    transitively, sorted by name; `root` itself is not in the list."""
    seen: dict[str, metadata.Distribution] = {}
    pending = [root]
    while pending:
        name = pending.pop()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # an optional dependency that is not installed here
        for line in dist.requires or ():
            try:
                requirement = Requirement(line)
            except InvalidRequirement:
                continue
            if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
                continue
            key = _canonical(requirement.name)
            if key not in seen and key != _canonical(root):
                try:
                    seen[key] = metadata.distribution(requirement.name)
                except metadata.PackageNotFoundError:
                    continue
                pending.append(requirement.name)
    return sorted(seen.values(), key=lambda d: _canonical(d.metadata["Name"]))


def _field(meta: metadata.PackageMetadata, key: str) -> str:
    value = meta.json.get(key, "")  # missing fields are absent here (meta[key] may raise)
    return (value if isinstance(value, str) else " ".join(value)).strip()


def _list(meta: metadata.PackageMetadata, header: str) -> list[str]:
    return list(meta.get_all(header) or ())


def licence_of(dist: metadata.Distribution) -> str:
    """The licence a distribution declares: its SPDX expression, else its License field when
    that is a name (not a whole text), else its licence classifiers."""
    meta = dist.metadata
    expression = _field(meta, "license_expression")
    if expression:
        return expression
    declared = _field(meta, "license")
    if declared and "\n" not in declared and len(declared) <= 100:
        return declared
    classifiers = [
        match.group(1) for value in _list(meta, "Classifier") if (match := _CLASSIFIER.match(value))
    ]
    if classifiers:
        return " / ".join(classifiers)
    if declared:
        return declared.splitlines()[0][:100]
    return "not declared (see the package)"


def licence_files(dist: metadata.Distribution) -> tuple[str, ...]:
    """The licence files listed in the metadata that the installed distribution carries."""
    return tuple(name for name in _list(dist.metadata, "License-File") if licence_text(dist, name))


def licence_text(dist: metadata.Distribution, name: str) -> str | None:
    """One of the distribution's licence files, from its metadata folder, or None."""
    for candidate in (f"licenses/{name}", name):
        text = dist.read_text(candidate)
        if text:
            return text
    return None


def package_licences() -> list[PackageLicence]:
    """Name, version and licence of every runtime library, plus Python and Qt."""
    import platform

    rows = [
        PackageLicence(
            name=dist.metadata["Name"],
            version=dist.version,
            licence=licence_of(dist),
            licence_files=licence_files(dist),
        )
        for dist in runtime_distributions()
    ]
    rows.append(PackageLicence("Python", platform.python_version(), "PSF-2.0", ("Python-PSF.txt",)))
    qt = next((r.version for r in rows if _canonical(r.name) == "pyside6-essentials"), "")
    rows.append(
        PackageLicence("Qt (in PySide6)", qt, "LGPL-3.0-only", ("LGPL-3.0.txt", "GPL-3.0.txt"))
    )
    return rows


# ---- fonts ------------------------------------------------------------------------------------

_NAME_FAMILY, _NAME_VERSION, _NAME_LICENCE, _NAME_LICENCE_URL = 1, 5, 13, 14


def font_names(path: Path) -> dict[int, str]:
    """The English strings of a TrueType/OpenType font's name table, by name id."""
    data = path.read_bytes()
    if len(data) < 12:
        raise ValueError(f"{path} is not a font file (too short)")
    (tables,) = struct.unpack(">H", data[4:6])
    for index in range(tables):
        tag, _checksum, offset, _length = struct.unpack(
            ">4sIII", data[12 + 16 * index : 28 + 16 * index]
        )
        if tag == b"name":
            break
    else:
        raise ValueError(f"{path} has no name table")
    _format, count, strings = struct.unpack(">HHH", data[offset : offset + 6])
    found: dict[int, str] = {}
    for index in range(count):
        platform_id, _encoding, language, name_id, length, start = struct.unpack(
            ">HHHHHH", data[offset + 6 + 12 * index : offset + 18 + 12 * index]
        )
        raw = data[offset + strings + start : offset + strings + start + length]
        if platform_id == 3 and language == 0x409:  # Windows, English (US): UTF-16
            found[name_id] = raw.decode("utf-16-be", errors="replace")
        elif platform_id == 1 and language == 0 and name_id not in found:  # Mac, English
            found[name_id] = raw.decode("mac_roman", errors="replace")
    return found


def _short_licence(description: str) -> str:
    if "Open Font License" in description:
        return "SIL Open Font License 1.1"
    if "Bitstream" in description:
        return "Bitstream Vera Fonts licence (DejaVu changes in the public domain)"
    first = description.split(". ")[0].strip()
    return first[:100] or "not declared"


def _licence_file_for(fonts_dir: Path, font: Path, family: str) -> Path | None:
    texts = sorted(
        p
        for p in fonts_dir.iterdir()
        if p.is_file() and re.search(r"(LICEN[CS]E|OFL|COPYING)", p.name, re.IGNORECASE)
    )
    prefix = family.split()[0].lower() if family else font.stem.lower()
    for text in texts:
        if text.name.lower().startswith(prefix):
            return text
    return texts[0] if len(texts) == 1 else None


def font_licences(fonts_dir: Path | None = None) -> list[FontLicence]:
    """Every .ttf/.otf shipped in resources/fonts with its licence and licence file."""
    folder = fonts_dir if fonts_dir is not None else resource_path("fonts")
    rows = []
    for font in sorted(folder.glob("*.[to]tf")):
        names = font_names(font)
        family = names.get(_NAME_FAMILY, font.stem)
        rows.append(
            FontLicence(
                file=font.name,
                family=family,
                version=names.get(_NAME_VERSION, "").removeprefix("Version ").strip(),
                licence=_short_licence(names.get(_NAME_LICENCE, "")),
                licence_file=_licence_file_for(folder, font, family),
                licence_url=names.get(_NAME_LICENCE_URL, ""),
            )
        )
    return rows
