"""Tests for IIN/BIN validation, including both check-digit passes."""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from workstation.domain.iin import (
    Bin,
    Iin,
    InvalidBIN,
    InvalidIIN,
    check_digit,
    make_bin,
    make_iin,
    parse_bin,
    parse_iin,
)

# Verified by hand: digits 9 0 0 1 1 5 3 0 0 4 0
#   pass 1, weights 1..11:  9*1 + 1*4 + 1*5 + 5*6 + 3*7 + 4*10          = 109; 109 mod 11 = 10
#   pass 2, weights 3..11,1,2: 9*3 + 1*6 + 1*7 + 5*8 + 3*9 + 4*1        = 111; 111 mod 11 = 1
# so the check digit is 1: a man born 15.01.1990.
SECOND_PASS_IIN = "900115300401"
# Verified by hand: digits 9 0 0 1 1 5 3 0 1 2 0
#   pass 1: 9 + 4 + 5 + 30 + 21 + 1*9 + 2*10 = 98;  98 mod 11 = 10
#   pass 2: 27 + 6 + 7 + 40 + 27 + 1*11 + 2*1 = 120; 120 mod 11 = 10  -> never issued
NEVER_ISSUED_FIRST11 = "90011530120"

TODAY = date(2026, 6, 15)


def _first_pass(first11: str) -> int:
    return sum(int(c) * w for c, w in zip(first11, range(1, 12), strict=True)) % 11


def _reference_check_digit(first11: str) -> int | None:
    """Independent, literal reading of the Decree's rule, to compare against."""
    first = _first_pass(first11)
    if first != 10:
        return first
    weights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]
    second = sum(int(c) * w for c, w in zip(first11, weights, strict=True)) % 11
    return None if second == 10 else second


# --- check digit ---------------------------------------------------------------------------


def test_check_digit_first_pass() -> None:
    # 9*1 + 1*4 + 1*5 + 5*6 + 3*7 + 1*11 = 80; 80 mod 11 = 3
    assert check_digit("90011530001") == 3


def test_check_digit_second_pass_hand_verified() -> None:
    assert _first_pass(SECOND_PASS_IIN[:11]) == 10
    assert check_digit(SECOND_PASS_IIN[:11]) == 1


def test_check_digit_never_issued_hand_verified() -> None:
    assert check_digit(NEVER_ISSUED_FIRST11) is None


def test_check_digit_refuses_non_digits() -> None:
    with pytest.raises(ValueError):
        check_digit("9001153000A")
    with pytest.raises(ValueError):
        check_digit("900115300")


@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_check_digit_matches_reference(first11: str) -> None:
    assert check_digit(first11) == _reference_check_digit(first11)


# --- parse_iin: accepted ------------------------------------------------------------------


def test_parse_iin_second_pass_found_by_search() -> None:
    found = None
    for serial in range(10000):
        first11 = f"8507244{serial:04d}"
        if _first_pass(first11) == 10 and _reference_check_digit(first11) is not None:
            found = f"{first11}{_reference_check_digit(first11)}"
            break
    assert found is not None
    iin = parse_iin(found)
    assert iin.birth_date == date(1985, 7, 24)
    assert iin.sex == "F"
    # The check digit from the first pass alone (10, not a digit) would never match.
    wrong = found[:11] + str((int(found[11]) + 1) % 10)
    with pytest.raises(InvalidIIN, match="check digit"):
        parse_iin(wrong)


def test_parse_iin_second_pass_hand_verified() -> None:
    iin = parse_iin(SECOND_PASS_IIN)
    assert iin == Iin(value=SECOND_PASS_IIN, birth_date=date(1990, 1, 15), sex="M")
    assert str(iin) == SECOND_PASS_IIN


@pytest.mark.parametrize(
    ("digit7", "year", "sex"),
    [
        ("1", 1890, "M"),
        ("2", 1890, "F"),
        ("3", 1990, "M"),
        ("4", 1990, "F"),
        ("5", 2090, "M"),
        ("6", 2090, "F"),
    ],
)
def test_parse_iin_century_and_sex(digit7: str, year: int, sex: str) -> None:
    for serial in range(100):
        first11 = f"900229{digit7}{serial:04d}" if year % 4 == 0 else f"900228{digit7}{serial:04d}"
        control = _reference_check_digit(first11)
        if control is not None:
            break
    iin = parse_iin(f"{first11}{control}")
    assert iin.birth_date.year == year
    assert iin.sex == sex


def test_parse_iin_strips_surrounding_whitespace() -> None:
    assert parse_iin(f"  {SECOND_PASS_IIN}\t\n").value == SECOND_PASS_IIN


def test_parse_iin_leap_day() -> None:
    value = make_iin(date(2000, 2, 29), "F", 17)
    assert parse_iin(value).birth_date == date(2000, 2, 29)


# --- parse_iin: every refusal reason --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "IIN is empty"),
        ("   ", "IIN is empty"),
        ("90011530040", "12 digits; 11 were given"),
        ("9001153004011", "12 digits; 13 were given"),
        ("9", "12 digits; 1 was given"),
        ("90011530040A", "only digits 0-9; found 'A' at position 12"),
        ("900115 300401", "found ' ' at position 7"),
        ("９００１１５３００４０１", "only digits 0-9"),  # full-width digits are not accepted
        ("900115000401", "digit 7 must be 1-6"),
        ("900115700401", "digit 7 must be 1-6 \\(century and sex\\); found 7"),
        ("900231300401", r"IIN birth date 31\.02\.1990 does not exist"),
        ("901301300401", r"IIN birth date 01\.13\.1990 does not exist"),
        ("900100300401", r"IIN birth date 00\.01\.1990 does not exist"),
        # 2000 is a leap year: the date passes, the check digit is what fails.
        ("000229500000", "check digit is 0 but should be 8"),
        ("010229500000", r"IIN birth date 29\.02\.2001 does not exist"),
        ("900115300402", "check digit is 2 but should be 1"),
        (NEVER_ISSUED_FIRST11 + "0", "never issued"),
        (NEVER_ISSUED_FIRST11 + "7", "never issued"),
    ],
)
def test_parse_iin_refusals(text: str, message: str) -> None:
    with pytest.raises(InvalidIIN, match=message):
        parse_iin(text)


def test_parse_iin_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        parse_iin("abc")


def test_parse_iin_refuses_inner_spaces() -> None:
    with pytest.raises(InvalidIIN):
        parse_iin("9001 1530 0401")


# --- make_iin ------------------------------------------------------------------------------


def test_make_iin_raises_for_never_issued_serial() -> None:
    with pytest.raises(ValueError, match="never issued"):
        make_iin(date(1990, 1, 15), "M", 120)  # 90011530120 is never issued


def test_make_iin_matches_hand_verified() -> None:
    assert make_iin(date(1990, 1, 15), "M", 40) == SECOND_PASS_IIN


@pytest.mark.parametrize(
    ("birth", "sex", "serial"),
    [
        (date(1799, 12, 31), "M", 1),
        (date(2100, 1, 1), "M", 1),
        (date(1990, 1, 1), "X", 1),
        (date(1990, 1, 1), "M", -1),
        (date(1990, 1, 1), "M", 10000),
    ],
)
def test_make_iin_refuses_bad_input(birth: date, sex: str, serial: int) -> None:
    with pytest.raises(ValueError):
        make_iin(birth, sex, serial)


# --- properties ----------------------------------------------------------------------------

birth_dates = st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 12, 31))
sexes = st.sampled_from(["M", "F"])
iin_serials = st.integers(min_value=0, max_value=9999)


@st.composite
def valid_iins(draw: st.DrawFn) -> tuple[str, date, str]:
    birth = draw(birth_dates)
    sex = draw(sexes)
    serial = draw(iin_serials)
    try:
        value = make_iin(birth, sex, serial)
    except ValueError:
        assume(False)
        raise
    return value, birth, sex


@given(valid_iins())
def test_made_iin_parses_back(made: tuple[str, date, str]) -> None:
    value, birth, sex = made
    iin = parse_iin(value)
    assert iin.value == value
    assert iin.birth_date == birth
    assert iin.sex == sex


@given(birth_dates, sexes, iin_serials)
def test_make_iin_fails_only_when_never_issued(birth: date, sex: str, serial: int) -> None:
    try:
        value = make_iin(birth, sex, serial)
    except ValueError:
        digit7 = {18: 1, 19: 3, 20: 5}[birth.year // 100] + (sex == "F")
        assert _reference_check_digit(f"{birth:%y%m%d}{digit7}{serial:04d}") is None
    else:
        assert _reference_check_digit(value[:11]) == int(value[11])


def _expected_iin_facts(value: str) -> tuple[date, str]:
    century = {"1": 1800, "2": 1800, "3": 1900, "4": 1900, "5": 2000, "6": 2000}[value[6]]
    sex = "M" if int(value[6]) % 2 else "F"
    return date(century + int(value[:2]), int(value[2:4]), int(value[4:6])), sex


@given(valid_iins(), st.integers(min_value=0, max_value=11), st.integers(1, 9))
@example(("900115300401", date(1990, 1, 15), "M"), 10, 1)  # digit 11 has weight 11 ≡ 0
def test_single_digit_change_is_refused_or_consistent(
    made: tuple[str, date, str], position: int, shift: int
) -> None:
    value = made[0]
    changed_digit = str((int(value[position]) + shift) % 10)
    changed = value[:position] + changed_digit + value[position + 1 :]
    try:
        iin = parse_iin(changed)
    except InvalidIIN:
        return
    # Accepted: then it must describe exactly the changed text, never the original.
    assert iin.value == changed
    assert (iin.birth_date, iin.sex) == _expected_iin_facts(changed)
    assert _reference_check_digit(changed[:11]) == int(changed[11])


@given(valid_iins(), st.integers(1, 9))
def test_changing_the_check_digit_is_always_refused(
    made: tuple[str, date, str], shift: int
) -> None:
    value = made[0]
    changed = value[:11] + str((int(value[11]) + shift) % 10)
    with pytest.raises(InvalidIIN, match="check digit"):
        parse_iin(changed)


@settings(max_examples=300)
@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_random_digits_parse_or_invalid_iin(text: str) -> None:
    try:
        iin = parse_iin(text)
    except InvalidIIN:
        return
    assert (iin.birth_date, iin.sex) == _expected_iin_facts(text)


@given(st.text(max_size=20))
def test_any_text_parses_or_invalid_iin(text: str) -> None:
    with contextlib.suppress(InvalidIIN):
        parse_iin(text)


# --- BIN -----------------------------------------------------------------------------------


def test_make_bin_parses_back() -> None:
    value = make_bin(2015, 3, 4, 0, 1234)
    assert parse_bin(value, today=TODAY) == Bin(value=value, registered=(2015, 3))
    assert str(parse_bin(value, today=TODAY)) == value


def test_parse_bin_strips_surrounding_whitespace() -> None:
    value = make_bin(2015, 3, 4, 0, 1234)
    assert parse_bin(f" {value}\n", today=TODAY).value == value


def test_parse_bin_century_is_not_in_the_future() -> None:
    value = make_bin(1998, 7, 5, 1, 42)
    assert parse_bin(value, today=TODAY).registered == (1998, 7)
    this_month = make_bin(2026, 6, 4, 0, 42)
    assert parse_bin(this_month, today=TODAY).registered == (2026, 6)
    next_month = make_bin(2026, 7, 4, 0, 42)
    assert parse_bin(next_month, today=TODAY).registered == (1926, 7)


def test_parse_bin_second_pass() -> None:
    for serial in range(100000):
        first11 = f"150340{serial:05d}"
        if _first_pass(first11) == 10 and _reference_check_digit(first11) is not None:
            break
    value = f"{first11}{_reference_check_digit(first11)}"
    assert parse_bin(value, today=TODAY).registered == (2015, 3)


def _bin_with(first11: str, control: int | None = None) -> str:
    if control is None:
        control = check_digit(first11)
        assert control is not None
    return f"{first11}{control}"


def _never_issued_bin() -> str:
    for serial in range(100000):
        first11 = f"150340{serial:05d}"
        if check_digit(first11) is None:
            return first11 + "0"
    raise AssertionError("no never-issued BIN found")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "BIN is empty"),
        ("15034000123", "12 digits; 11 were given"),
        ("1503400012345", "12 digits; 13 were given"),
        ("15034O001234", "only digits 0-9; found 'O' at position 6"),
        (_bin_with("15004000123"), "month 01-12; found 00"),
        (_bin_with("15134000123"), "month 01-12; found 13"),
        (_bin_with("15033000123"), "digit 5 must be 4, 5 or 6 \\(entity type\\); found 3"),
        (_bin_with("15037000124"), "digit 5 must be 4, 5 or 6"),
        (_bin_with("15034400123"), "digit 6 must be 0-3 \\(division type\\); found 4"),
        (_never_issued_bin(), "never issued"),
    ],
)
def test_parse_bin_refusals(text: str, message: str) -> None:
    with pytest.raises(InvalidBIN, match=message):
        parse_bin(text, today=TODAY)


def test_parse_bin_check_digit_mismatch() -> None:
    value = make_bin(2015, 3, 4, 0, 123)
    wrong = value[:11] + str((int(value[11]) + 3) % 10)
    with pytest.raises(InvalidBIN, match=f"check digit is {wrong[11]} but should be {value[11]}"):
        parse_bin(wrong, today=TODAY)


def test_an_iin_is_not_a_bin() -> None:
    # An IIN's digit 5 is a day tens digit (0-3), never an entity type 4-6.
    with pytest.raises(InvalidBIN, match="digit 5"):
        parse_bin(SECOND_PASS_IIN, today=TODAY)


@pytest.mark.parametrize(
    "args",
    [(2015, 13, 4, 0, 1), (2015, 3, 3, 0, 1), (2015, 3, 4, 4, 1), (2015, 3, 4, 0, 100000)],
)
def test_make_bin_refuses_bad_input(args: tuple[int, int, int, int, int]) -> None:
    with pytest.raises(ValueError):
        make_bin(*args)


@st.composite
def valid_bins(draw: st.DrawFn) -> tuple[str, int, int]:
    year = draw(st.integers(min_value=TODAY.year - 99, max_value=TODAY.year - 1))
    month = draw(st.integers(1, 12))
    try:
        value = make_bin(
            year,
            month,
            draw(st.sampled_from([4, 5, 6])),
            draw(st.integers(0, 3)),
            draw(st.integers(0, 99999)),
        )
    except ValueError:
        assume(False)
        raise
    return value, year, month


@given(valid_bins())
def test_made_bin_parses_back(made: tuple[str, int, int]) -> None:
    value, year, month = made
    assert parse_bin(value, today=TODAY) == Bin(value=value, registered=(year, month))


@given(valid_bins(), st.integers(min_value=0, max_value=11), st.integers(1, 9))
def test_bin_single_digit_change_is_refused_or_consistent(
    made: tuple[str, int, int], position: int, shift: int
) -> None:
    value = made[0]
    changed = value[:position] + str((int(value[position]) + shift) % 10) + value[position + 1 :]
    try:
        parsed = parse_bin(changed, today=TODAY)
    except InvalidBIN:
        return
    assert parsed.value == changed
    assert parsed.registered[0] % 100 == int(changed[:2])
    assert parsed.registered[1] == int(changed[2:4])
    assert changed[4] in "456" and changed[5] in "0123"
    assert _reference_check_digit(changed[:11]) == int(changed[11])


@settings(max_examples=300)
@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_random_digits_parse_or_invalid_bin(text: str) -> None:
    try:
        parsed = parse_bin(text, today=TODAY)
    except InvalidBIN:
        return
    assert parsed.registered[1] == int(text[2:4])


@given(st.text(max_size=20))
def test_any_text_parses_or_invalid_bin(text: str) -> None:
    with contextlib.suppress(InvalidBIN):
        parse_bin(text, today=TODAY)
