"""Kazakhstan IIN (individuals) and BIN (legal entities): validation, parsing and generation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from workstation.i18n import QT_TRANSLATE_NOOP

__all__ = [
    "Bin",
    "Iin",
    "InvalidBIN",
    "InvalidIIN",
    "check_digit",
    "make_bin",
    "make_iin",
    "parse_bin",
    "parse_iin",
]

# Government Decree No. 406 of 22 May 2007: weights for the first pass, then for the
# second pass when the first one gives 10.
_FIRST_PASS_WEIGHTS = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
_SECOND_PASS_WEIGHTS = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
_ASCII_DIGITS = frozenset("0123456789")

# Digit 7 of an IIN: century of birth and sex.
_CENTURY_AND_SEX: dict[str, tuple[int, Literal["M", "F"]]] = {
    "1": (1800, "M"),
    "2": (1800, "F"),
    "3": (1900, "M"),
    "4": (1900, "F"),
    "5": (2000, "M"),
    "6": (2000, "F"),
}

_BIN_ENTITY_TYPES = frozenset("456")
_BIN_DIVISION_TYPES = frozenset("0123")


class InvalidIIN(ValueError):
    """The text is not a valid individual identification number."""


class InvalidBIN(ValueError):
    """The text is not a valid business identification number."""


@dataclass(frozen=True)
class Iin:
    """A valid IIN with the facts encoded in it."""

    value: str
    birth_date: date
    sex: Literal["M", "F"]

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Bin:
    """A valid BIN with its registration (year, month)."""

    value: str
    registered: tuple[int, int]

    def __str__(self) -> str:
        return self.value


def check_digit(first11: str) -> int | None:
    """Return the check digit for the first 11 digits, or None if such a number is never issued."""
    if len(first11) != 11 or not set(first11) <= _ASCII_DIGITS:
        raise ValueError(f"expected 11 digits, got {first11!r}")
    digits = [int(c) for c in first11]
    first = sum(d * w for d, w in zip(digits, _FIRST_PASS_WEIGHTS, strict=True)) % 11
    if first != 10:
        return first
    second = sum(d * w for d, w in zip(digits, _SECOND_PASS_WEIGHTS, strict=True)) % 11
    return None if second == 10 else second


# What _check_shape and _check_control_digit call the number, as the clerk reads it.
_KIND = {"IIN": QT_TRANSLATE_NOOP("iin", "IIN"), "BIN": QT_TRANSLATE_NOOP("iin", "BIN")}


def _check_shape(text: str, kind: str, error: type[ValueError]) -> str:
    """Return the stripped 12 ASCII digits or raise `error` saying what is wrong."""
    value = text.strip()
    name = _KIND.get(kind, kind)
    if not value:
        raise error(
            QT_TRANSLATE_NOOP("iin", "{kind} is empty; enter the 12 digits.").format(kind=name)
        )
    for position, char in enumerate(value, start=1):
        if char not in _ASCII_DIGITS:
            raise error(
                QT_TRANSLATE_NOOP(
                    "iin",
                    "{kind} may contain only digits 0-9; found {char} at position {position}.",
                ).format(kind=name, char=repr(char), position=position)
            )
    if len(value) != 12:
        sentence = (
            QT_TRANSLATE_NOOP("iin", "{kind} must be 12 digits; {count} was given.")
            if len(value) == 1
            else QT_TRANSLATE_NOOP("iin", "{kind} must be 12 digits; {count} were given.")
        )
        raise error(sentence.format(kind=name, count=len(value)))
    return value


def _check_control_digit(value: str, kind: str, error: type[ValueError]) -> None:
    expected = check_digit(value[:11])
    name = _KIND.get(kind, kind)
    if expected is None:
        raise error(
            QT_TRANSLATE_NOOP(
                "iin", "{kind} {value} fails the check digit: this number is never issued."
            ).format(kind=name, value=value)
        )
    given = int(value[11])
    if given != expected:
        raise error(
            QT_TRANSLATE_NOOP(
                "iin",
                "{kind} check digit is {given} but should be {expected}; "
                "check the number for a typing error.",
            ).format(kind=name, given=given, expected=expected)
        )


def parse_iin(text: str) -> Iin:
    """Validate an IIN (surrounding whitespace ignored) and return it with birth date and sex."""
    value = _check_shape(text, "IIN", InvalidIIN)
    century_and_sex = _CENTURY_AND_SEX.get(value[6])
    if century_and_sex is None:
        raise InvalidIIN(
            QT_TRANSLATE_NOOP(
                "iin", "IIN digit 7 must be 1-6 (century and sex); found {digit}."
            ).format(digit=value[6])
        )
    century, sex = century_and_sex
    year = century + int(value[0:2])
    month = int(value[2:4])
    day = int(value[4:6])
    try:
        birth_date = date(year, month, day)
    except ValueError:
        raise InvalidIIN(
            QT_TRANSLATE_NOOP("iin", "IIN birth date {date} does not exist.").format(
                date=f"{day:02d}.{month:02d}.{year}"
            )
        ) from None
    _check_control_digit(value, "IIN", InvalidIIN)
    return Iin(value=value, birth_date=birth_date, sex=sex)


def make_iin(birth_date: date, sex: str, serial: int) -> str:
    """Build a valid IIN; ValueError if the check digit is impossible for this serial.

    `serial` is digits 8-11 (0-9999). A caller that needs any valid IIN tries the next serial.
    """
    if sex not in ("M", "F"):
        raise ValueError(f"sex must be 'M' or 'F', not {sex!r}")
    if not 0 <= serial <= 9999:
        raise ValueError(f"IIN serial must be 0-9999, not {serial}")
    if not 1800 <= birth_date.year <= 2099:
        raise ValueError(f"an IIN cannot encode birth year {birth_date.year}")
    century = birth_date.year // 100 * 100
    century_digit = {1800: 1, 1900: 3, 2000: 5}[century] + (0 if sex == "M" else 1)
    first11 = f"{birth_date:%y%m%d}{century_digit}{serial:04d}"
    control = check_digit(first11)
    if control is None:
        raise ValueError(f"serial {serial:04d} gives an IIN that is never issued; try another")
    return f"{first11}{control}"


def _bin_year(yy: int, month: int, today: date) -> int:
    # The century is the one that does not put the registration in the future.
    year = 2000 + yy
    if (year, month) > (today.year, today.month):
        year -= 100
    return year


def parse_bin(text: str, today: date | None = None) -> Bin:
    """Validate a BIN (surrounding whitespace ignored) and return it with its registration month.

    The registration year YY is read in the century that does not lie after `today`.
    """
    value = _check_shape(text, "BIN", InvalidBIN)
    month = int(value[2:4])
    if not 1 <= month <= 12:
        raise InvalidBIN(
            QT_TRANSLATE_NOOP(
                "iin", "BIN digits 3-4 must be the registration month 01-12; found {digits}."
            ).format(digits=value[2:4])
        )
    if value[4] not in _BIN_ENTITY_TYPES:
        raise InvalidBIN(
            QT_TRANSLATE_NOOP(
                "iin", "BIN digit 5 must be 4, 5 or 6 (entity type); found {digit}."
            ).format(digit=value[4])
        )
    if value[5] not in _BIN_DIVISION_TYPES:
        raise InvalidBIN(
            QT_TRANSLATE_NOOP(
                "iin", "BIN digit 6 must be 0-3 (division type); found {digit}."
            ).format(digit=value[5])
        )
    _check_control_digit(value, "BIN", InvalidBIN)
    year = _bin_year(int(value[0:2]), month, today or date.today())
    return Bin(value=value, registered=(year, month))


def make_bin(year: int, month: int, entity_type: int, division: int, serial: int) -> str:
    """Build a valid BIN; ValueError if the check digit is impossible for this serial.

    `entity_type` is digit 5 (4, 5 or 6), `division` digit 6 (0-3), `serial` digits 7-11.
    """
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1-12, not {month}")
    if not 1900 <= year <= 2099:
        raise ValueError(f"registration year must be 1900-2099, not {year}")
    if str(entity_type) not in _BIN_ENTITY_TYPES:
        raise ValueError(f"entity type must be 4, 5 or 6, not {entity_type}")
    if str(division) not in _BIN_DIVISION_TYPES:
        raise ValueError(f"division type must be 0-3, not {division}")
    if not 0 <= serial <= 99999:
        raise ValueError(f"BIN serial must be 0-99999, not {serial}")
    first11 = f"{year % 100:02d}{month:02d}{entity_type}{division}{serial:05d}"
    control = check_digit(first11)
    if control is None:
        raise ValueError(f"serial {serial:05d} gives a BIN that is never issued; try another")
    return f"{first11}{control}"
