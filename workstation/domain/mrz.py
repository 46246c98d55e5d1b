"""Passport machine-readable zone (ICAO Doc 9303, TD3): check digits, parsing and building."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from workstation.i18n import QT_TRANSLATE_NOOP

__all__ = [
    "InvalidMRZ",
    "MrzField",
    "PassportMRZ",
    "make_td3",
    "mrz_check_digit",
    "parse_td3",
]

LINE_LENGTH = 44
NAME_FIELD_LENGTH = 39
_FILLER = "<"
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_DIGITS = "0123456789"
_MRZ_ALPHABET = frozenset(_LETTERS + _DIGITS + _FILLER)
_CHAR_VALUES = {c: i for i, c in enumerate(_DIGITS)} | {c: i + 10 for i, c in enumerate(_LETTERS)}
_CHAR_VALUES[_FILLER] = 0
_WEIGHTS = (7, 3, 1)
# Only ASCII a-z are folded: str.upper() would turn e.g. 'ß' into two characters.
_ASCII_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", _LETTERS)

# Letters followed by fillers only, e.g. "UTO", "D<<".
_CODE_RE = re.compile(r"[A-Z]+<*")
# Letters and digits followed by fillers only.
_DOCUMENT_NUMBER_RE = re.compile(r"[A-Z0-9]+<*")

MrzField = Literal[
    "layout",
    "characters",
    "document_type",
    "issuing_state",
    "name",
    "document_number",
    "nationality",
    "birth_date",
    "sex",
    "expiry_date",
    "personal_number",
    "composite",
]


class InvalidMRZ(ValueError):
    """The text is not a valid TD3 passport MRZ; `field` says which part is wrong."""

    def __init__(self, message: str, field: MrzField) -> None:
        super().__init__(message)
        self.field: MrzField = field


@dataclass(frozen=True)
class PassportMRZ:
    """The data of a passport MRZ; names use spaces where the MRZ has '<'."""

    document_type: str
    issuing_state: str
    surname: str
    given_names: str
    document_number: str
    nationality: str
    birth_date: date
    sex: Literal["M", "F", "X"]
    expiry_date: date
    personal_number: str


def mrz_check_digit(field: str) -> int:
    """ICAO 9303 check digit: weights 7,3,1; digits as is, A=10..Z=35, '<'=0."""
    total = 0
    for index, char in enumerate(field):
        value = _CHAR_VALUES.get(char)
        if value is None:
            raise ValueError(f"{char!r} is not an MRZ character (A-Z, 0-9, '<')")
        total += value * _WEIGHTS[index % 3]
    return total % 10


def _split_lines(text: str) -> tuple[str, str]:
    stripped = text.strip()
    if not stripped:
        raise InvalidMRZ(
            QT_TRANSLATE_NOOP(
                "mrz", "the MRZ is empty; read or type both lines of the passport MRZ."
            ),
            "layout",
        )
    lines = [line.strip() for line in stripped.splitlines()]
    if len(lines) == 1 and len(lines[0]) == 2 * LINE_LENGTH:
        # A reader acting as a keyboard may send both lines without a line break.
        return lines[0][:LINE_LENGTH], lines[0][LINE_LENGTH:]
    if len(lines) == 1:
        raise InvalidMRZ(
            QT_TRANSLATE_NOOP(
                "mrz",
                "a passport MRZ has 2 lines of {length} characters; got one line of "
                "{got} characters.",
            ).format(length=LINE_LENGTH, got=len(lines[0])),
            "layout",
        )
    if len(lines) != 2:
        raise InvalidMRZ(
            QT_TRANSLATE_NOOP(
                "mrz", "a passport MRZ has 2 lines of {length} characters; got {got} lines."
            ).format(length=LINE_LENGTH, got=len(lines)),
            "layout",
        )
    for number, line in enumerate(lines, start=1):
        if len(line) != LINE_LENGTH:
            raise InvalidMRZ(
                QT_TRANSLATE_NOOP(
                    "mrz", "MRZ line {number} has {got} characters; it must have {length}."
                ).format(number=number, got=len(line), length=LINE_LENGTH),
                "layout",
            )
    return lines[0], lines[1]


def _check_characters(line: str, number: int) -> None:
    for position, char in enumerate(line, start=1):
        if char not in _MRZ_ALPHABET:
            raise InvalidMRZ(
                QT_TRANSLATE_NOOP(
                    "mrz",
                    "MRZ line {number} has {char} at position {position}; "
                    "only A-Z, 0-9 and '<' are allowed.",
                ).format(number=number, char=repr(char), position=position),
                "characters",
            )


def _verify_check_digit(
    data: str, check_char: str, label: str, positions: str, field: MrzField
) -> None:
    position = positions.removeprefix("position ")
    if check_char not in _DIGITS:
        raise InvalidMRZ(
            QT_TRANSLATE_NOOP(
                "mrz",
                "the {label} check digit (line 2, position {position}) must be a digit, "
                "not {char}.",
            ).format(label=_label(label), position=position, char=repr(check_char)),
            field,
        )
    expected = mrz_check_digit(data)
    if int(check_char) != expected:
        raise InvalidMRZ(
            QT_TRANSLATE_NOOP(
                "mrz",
                "the {label} check digit fails (line 2, position {position}): it is {char} but the "
                "data gives {expected}; check for a misread character.",
            ).format(label=_label(label), position=position, char=check_char, expected=expected),
            field,
        )


# The parts of the MRZ the messages name (translatable; the English label is the key).
_LABELS = {
    "document number": QT_TRANSLATE_NOOP("mrz", "document number"),
    "birth date": QT_TRANSLATE_NOOP("mrz", "birth date"),
    "expiry date": QT_TRANSLATE_NOOP("mrz", "expiry date"),
    "optional data (personal number)": QT_TRANSLATE_NOOP("mrz", "optional data (personal number)"),
    "composite": QT_TRANSLATE_NOOP("mrz", "composite"),
    "issuing state": QT_TRANSLATE_NOOP("mrz", "issuing state"),
    "nationality": QT_TRANSLATE_NOOP("mrz", "nationality"),
}


def _label(label: str) -> str:
    return _LABELS.get(label, label)


def _parse_code(raw: str, label: str, field: MrzField) -> str:
    if not _CODE_RE.fullmatch(raw):
        raise InvalidMRZ(
            QT_TRANSLATE_NOOP(
                "mrz", "the {label} {raw} must be letters followed by '<' fillers only."
            ).format(label=_label(label), raw=repr(raw)),
            field,
        )
    return raw.rstrip(_FILLER)


def _parse_names(raw: str) -> tuple[str, str]:
    if any(char in _DIGITS for char in raw):
        raise InvalidMRZ(
            QT_TRANSLATE_NOOP("mrz", "the name field (line 1, positions 6-44) contains a digit."),
            "name",
        )
    body = raw.rstrip(_FILLER)
    if not body or body.startswith(_FILLER):
        raise InvalidMRZ(
            QT_TRANSLATE_NOOP(
                "mrz", "the name field (line 1, positions 6-44) must start with the surname."
            ),
            "name",
        )
    surname, separator, given = body.partition(_FILLER * 2)
    if separator and (given.startswith(_FILLER) or _FILLER * 2 in given):
        raise InvalidMRZ(
            QT_TRANSLATE_NOOP(
                "mrz",
                "the name field has '<<' more than once; only the surname is followed by '<<'.",
            ),
            "name",
        )
    return surname.replace(_FILLER, " "), given.replace(_FILLER, " ")


def _parse_date(raw: str, label: str, field: MrzField, century: int) -> date:
    if not all(char in _DIGITS for char in raw):
        raise InvalidMRZ(
            QT_TRANSLATE_NOOP("mrz", "the {label} {raw} must be 6 digits YYMMDD.").format(
                label=_label(label), raw=repr(raw)
            ),
            field,
        )
    try:
        return date(century + int(raw[0:2]), int(raw[2:4]), int(raw[4:6]))
    except ValueError:
        raise InvalidMRZ(
            QT_TRANSLATE_NOOP("mrz", "the {label} {raw} (YYMMDD) is not a real date.").format(
                label=_label(label), raw=raw
            ),
            field,
        ) from None


def parse_td3(text: str, today: date | None = None) -> PassportMRZ:
    """Parse and fully validate a TD3 passport MRZ (two lines, or one 88-character string).

    Lower-case letters are read as capitals. The birth-date century is the one that does not put
    the birth after `today` (default: the current date); expiry years are 20YY.
    """
    line1, line2 = _split_lines(text.translate(_ASCII_UPPER))
    _check_characters(line1, 1)
    _check_characters(line2, 2)

    if line1[0] != "P":
        raise InvalidMRZ(
            QT_TRANSLATE_NOOP(
                "mrz", "a passport MRZ starts with 'P'; this one starts with {char}."
            ).format(char=repr(line1[0])),
            "document_type",
        )
    if line1[1] not in _LETTERS and line1[1] != _FILLER:
        raise InvalidMRZ(
            QT_TRANSLATE_NOOP(
                "mrz", "the document type {type} must be 'P' then a letter or '<'."
            ).format(type=repr(line1[0:2])),
            "document_type",
        )
    document_type = line1[0:2].rstrip(_FILLER)
    issuing_state = _parse_code(line1[2:5], "issuing state", "issuing_state")
    surname, given_names = _parse_names(line1[5:44])

    number_raw = line2[0:9]
    if not _DOCUMENT_NUMBER_RE.fullmatch(number_raw):
        raise InvalidMRZ(
            QT_TRANSLATE_NOOP(
                "mrz",
                "the document number {number} must be letters and digits, "
                "with '<' fillers only at the end.",
            ).format(number=repr(number_raw)),
            "document_number",
        )
    _verify_check_digit(number_raw, line2[9], "document number", "position 10", "document_number")
    nationality = _parse_code(line2[10:13], "nationality", "nationality")
    birth_raw = line2[13:19]
    _verify_check_digit(birth_raw, line2[19], "birth date", "position 20", "birth_date")
    sex_char = line2[20]
    if sex_char not in ("M", "F", _FILLER):
        raise InvalidMRZ(
            QT_TRANSLATE_NOOP(
                "mrz", "the sex (line 2, position 21) must be M, F or '<'; found {char}."
            ).format(char=repr(sex_char)),
            "sex",
        )
    expiry_raw = line2[21:27]
    _verify_check_digit(expiry_raw, line2[27], "expiry date", "position 28", "expiry_date")
    optional_raw = line2[28:42]
    optional_check = line2[42]
    # ICAO lets an unused optional-data field carry '<' or 0 as its check digit.
    if not (optional_raw == _FILLER * 14 and optional_check in (_FILLER, "0")):
        _verify_check_digit(
            optional_raw,
            optional_check,
            "optional data (personal number)",
            "position 43",
            "personal_number",
        )
    composite_data = line2[0:10] + line2[13:20] + line2[21:43]
    _verify_check_digit(composite_data, line2[43], "composite", "position 44", "composite")

    reference = today or date.today()
    birth_date = _parse_date(birth_raw, "birth date", "birth_date", 2000)
    if birth_date > reference:
        birth_date = _parse_date(birth_raw, "birth date", "birth_date", 1900)
    expiry_date = _parse_date(expiry_raw, "expiry date", "expiry_date", 2000)
    if expiry_date <= birth_date:
        raise InvalidMRZ(
            QT_TRANSLATE_NOOP(
                "mrz", "the expiry date {expiry} is not after the birth date {birth}."
            ).format(expiry=f"{expiry_date:%d.%m.%Y}", birth=f"{birth_date:%d.%m.%Y}"),
            "expiry_date",
        )

    sex: Literal["M", "F", "X"] = "M" if sex_char == "M" else "F" if sex_char == "F" else "X"
    return PassportMRZ(
        document_type=document_type,
        issuing_state=issuing_state,
        surname=surname,
        given_names=given_names,
        document_number=number_raw.rstrip(_FILLER),
        nationality=nationality,
        birth_date=birth_date,
        sex=sex,
        expiry_date=expiry_date,
        personal_number=optional_raw.rstrip(_FILLER),
    )


def _name_components(name: str, label: str) -> list[str]:
    components = name.translate(_ASCII_UPPER).split()
    for component in components:
        if not set(component) <= set(_LETTERS):
            raise ValueError(f"{label} {name!r} must contain only letters A-Z and spaces")
    return components


def _truncate(field: str) -> str:
    # Cutting may leave a trailing separator; dropping it keeps '<<' unambiguous.
    return field[:NAME_FIELD_LENGTH].rstrip(_FILLER)


def _name_field(surname: str, given_names: str) -> str:
    """The 39-character name field, truncated per ICAO 9303-3: given names first."""
    primary = _FILLER.join(_name_components(surname, "surname"))
    secondary = _FILLER.join(_name_components(given_names, "given names"))
    if not primary:
        raise ValueError("surname must not be empty; a single name goes in the surname")
    if not secondary:
        field = _truncate(primary)
    elif len(primary) + 3 <= NAME_FIELD_LENGTH:
        field = _truncate(primary + _FILLER * 2 + secondary)
    else:
        # The surname must give way too, keeping the initial of the first given name.
        field = _truncate(primary[: NAME_FIELD_LENGTH - 3]) + _FILLER * 2 + secondary[0]
    return field.ljust(NAME_FIELD_LENGTH, _FILLER)


def _code(value: str, label: str) -> str:
    code = value.translate(_ASCII_UPPER)
    if not 1 <= len(code) <= 3 or not set(code) <= set(_LETTERS):
        raise ValueError(f"{label} must be 1-3 letters, not {value!r}")
    return code.ljust(3, _FILLER)


def _yymmdd(value: date) -> str:
    return f"{value.year % 100:02d}{value.month:02d}{value.day:02d}"


def make_td3(
    *,
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str,
    birth_date: date,
    sex: str,
    expiry_date: date,
    issuing_state: str | None = None,
    personal_number: str = "",
    document_type: str = "P",
) -> str:
    """Build a valid two-line TD3 MRZ (lines joined by '\\n') from A-Z data.

    Names are words of A-Z separated by spaces; nothing is transliterated. `sex` is M, F or X
    (written '<'). `issuing_state` defaults to `nationality`.
    """
    doc_type = document_type.translate(_ASCII_UPPER)
    if not (doc_type[:1] == "P" and len(doc_type) <= 2 and set(doc_type) <= set(_LETTERS)):
        raise ValueError(f"document type must be 'P' or 'P' and a letter, not {document_type!r}")
    number = document_number.translate(_ASCII_UPPER)
    if not 1 <= len(number) <= 9 or not set(number) <= set(_LETTERS + _DIGITS):
        raise ValueError(f"document number must be 1-9 letters or digits, not {document_number!r}")
    optional = personal_number.translate(_ASCII_UPPER)
    if len(optional) > 14 or not set(optional) <= _MRZ_ALPHABET:
        raise ValueError(
            f"personal number must be at most 14 of A-Z, 0-9 and '<', not {personal_number!r}"
        )
    sex_char = {"M": "M", "F": "F", "X": _FILLER}.get(sex.upper())
    if sex_char is None:
        raise ValueError(f"sex must be M, F or X, not {sex!r}")
    if not 2000 <= expiry_date.year <= 2099:
        raise ValueError(f"an MRZ expiry date must be in 2000-2099, not {expiry_date.year}")

    line1 = (
        doc_type.ljust(2, _FILLER)
        + _code(issuing_state if issuing_state is not None else nationality, "issuing state")
        + _name_field(surname, given_names)
    )
    number_field = number.ljust(9, _FILLER)
    birth = _yymmdd(birth_date)
    expiry = _yymmdd(expiry_date)
    optional_field = optional.ljust(14, _FILLER)
    head = number_field + str(mrz_check_digit(number_field))
    birth_part = birth + str(mrz_check_digit(birth))
    expiry_part = expiry + str(mrz_check_digit(expiry))
    optional_part = optional_field + (
        _FILLER if optional_field == _FILLER * 14 else str(mrz_check_digit(optional_field))
    )
    composite = head + birth_part + expiry_part + optional_part
    line2 = (
        head
        + _code(nationality, "nationality")
        + birth_part
        + sex_char
        + expiry_part
        + optional_part
        + str(mrz_check_digit(composite))
    )
    return f"{line1}\n{line2}"
