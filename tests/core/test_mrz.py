"""Tests for TD3 passport MRZ check digits, parsing and building."""

from __future__ import annotations

import contextlib
from datetime import date, timedelta

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from workstation.domain.mrz import (
    InvalidMRZ,
    PassportMRZ,
    make_td3,
    mrz_check_digit,
    parse_td3,
)

TODAY = date(2026, 6, 15)
SPECIMEN_1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
SPECIMEN_2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
SPECIMEN = f"{SPECIMEN_1}\n{SPECIMEN_2}"
SPECIMEN_PARSED = PassportMRZ(
    document_type="P",
    issuing_state="UTO",
    surname="ERIKSSON",
    given_names="ANNA MARIA",
    document_number="L898902C3",
    nationality="UTO",
    birth_date=date(1974, 8, 12),
    sex="F",
    expiry_date=date(2012, 4, 15),
    personal_number="ZE184226B",
)


def _cd(field: str) -> str:
    """Check digit by the literal ICAO rule, independent of the module under test."""
    values = {c: i for i, c in enumerate("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")} | {"<": 0}
    return str(sum(values[c] * (7, 3, 1)[i % 3] for i, c in enumerate(field)) % 10)


def _line2(
    number: str = "L898902C3",
    nationality: str = "UTO",
    birth: str = "740812",
    sex: str = "F",
    expiry: str = "120415",
    optional: str = "ZE184226B<<<<<",
    optional_check: str | None = None,
) -> str:
    """A second line with all check digits correct for the given raw fields."""
    head = number + _cd(number)
    birth_part = birth + _cd(birth)
    expiry_part = expiry + _cd(expiry)
    optional_part = optional + (optional_check if optional_check is not None else _cd(optional))
    composite = _cd(head + birth_part + expiry_part + optional_part)
    return head + nationality + birth_part + sex + expiry_part + optional_part + composite


def _replace(text: str, index: int, char: str) -> str:
    return text[:index] + char + text[index + 1 :]


# --- check digits --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "digit"),
    [
        ("L898902C3", 6),
        ("740812", 2),
        ("120415", 9),
        ("ZE184226B<<<<<", 1),
        ("L898902C36" + "7408122" + "1204159ZE184226B<<<<<1", 0),
        ("<<<<<<<<<<<<<<", 0),
        ("", 0),
    ],
)
def test_mrz_check_digit_icao_examples(field: str, digit: int) -> None:
    assert mrz_check_digit(field) == digit


def test_mrz_check_digit_refuses_other_characters() -> None:
    with pytest.raises(ValueError):
        mrz_check_digit("L89890-C3")
    with pytest.raises(ValueError):
        mrz_check_digit("l898902c3")


@given(st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<", max_size=40))
def test_mrz_check_digit_matches_reference(field: str) -> None:
    assert str(mrz_check_digit(field)) == _cd(field)


# --- parsing the ICAO specimen and its variants --------------------------------------------


def test_icao_specimen_parses() -> None:
    assert parse_td3(SPECIMEN, today=TODAY) == SPECIMEN_PARSED


def test_helper_line2_reproduces_the_specimen() -> None:
    assert _line2() == SPECIMEN_2


@pytest.mark.parametrize(
    "text",
    [
        f"{SPECIMEN_1}\r\n{SPECIMEN_2}",
        f"{SPECIMEN_1}{SPECIMEN_2}",  # keyboard-wedge reader sending no line break
        f"  \n{SPECIMEN}\n\n  ",
        f"{SPECIMEN_1}   \n   {SPECIMEN_2}",
        SPECIMEN.lower(),  # caps-lock off on a keyboard-wedge reader
    ],
)
def test_specimen_variants_parse(text: str) -> None:
    assert parse_td3(text, today=TODAY) == SPECIMEN_PARSED


def test_default_today_is_the_current_date() -> None:
    assert parse_td3(SPECIMEN).birth_date == date(1974, 8, 12)


def test_birth_century_is_not_in_the_future() -> None:
    line2 = _line2(birth="250101", expiry="350101")
    text = f"{SPECIMEN_1}\n{line2}"
    assert parse_td3(text, today=date(2026, 6, 15)).birth_date == date(2025, 1, 1)
    assert parse_td3(text, today=date(2025, 1, 1)).birth_date == date(2025, 1, 1)
    assert parse_td3(text, today=date(2024, 12, 31)).birth_date == date(1925, 1, 1)


def test_expiry_is_always_20yy() -> None:
    line2 = _line2(expiry="991231")
    assert parse_td3(f"{SPECIMEN_1}\n{line2}", today=TODAY).expiry_date == date(2099, 12, 31)


@pytest.mark.parametrize("check", ["<", "0"])
def test_empty_optional_data_may_have_filler_or_zero_check(check: str) -> None:
    line2 = _line2(optional="<" * 14, optional_check=check)
    parsed = parse_td3(f"{SPECIMEN_1}\n{line2}", today=TODAY)
    assert parsed.personal_number == ""


def test_unspecified_sex_is_x() -> None:
    line2 = _line2(sex="<")
    assert parse_td3(f"{SPECIMEN_1}\n{line2}", today=TODAY).sex == "X"


def test_short_codes_and_document_number_lose_their_fillers() -> None:
    line1 = "PPD<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<"
    line2 = _line2(number="C01X<<<<<", nationality="D<<", optional="<" * 14)
    parsed = parse_td3(f"{line1}\n{line2}", today=TODAY)
    assert parsed.document_type == "PP"
    assert parsed.issuing_state == "D"
    assert parsed.nationality == "D"
    assert parsed.document_number == "C01X"
    assert (parsed.surname, parsed.given_names) == ("MUSTERMANN", "ERIKA")


@pytest.mark.parametrize(
    ("name_field", "surname", "given_names"),
    [
        ("VAN<DER<BERG<<JAN", "VAN DER BERG", "JAN"),
        ("MADONNA", "MADONNA", ""),
        ("A" * 39, "A" * 39, ""),
        ("NILAVADHANANANDA<<CHAYAPA<DEJTHAMRONG<K", "NILAVADHANANANDA", "CHAYAPA DEJTHAMRONG K"),
    ],
)
def test_name_field(name_field: str, surname: str, given_names: str) -> None:
    line1 = "P<UTO" + name_field.ljust(39, "<")
    parsed = parse_td3(f"{line1}\n{SPECIMEN_2}", today=TODAY)
    assert (parsed.surname, parsed.given_names) == (surname, given_names)


# --- refusals ------------------------------------------------------------------------------


def _refusal(text: str) -> InvalidMRZ:
    with pytest.raises(InvalidMRZ) as raised:
        parse_td3(text, today=TODAY)
    return raised.value


@pytest.mark.parametrize(
    ("text", "field", "message"),
    [
        ("", "layout", "the MRZ is empty"),
        (" \r\n ", "layout", "the MRZ is empty"),
        (SPECIMEN_1, "layout", "got one line of 44 characters"),
        (f"{SPECIMEN}\n{SPECIMEN_2}", "layout", "got 3 lines"),
        (f"{SPECIMEN_1}\n\n{SPECIMEN_2}", "layout", "got 3 lines"),
        (f"{SPECIMEN_1}<\n{SPECIMEN_2}", "layout", "line 1 has 45 characters"),
        (f"{SPECIMEN_1}\n{SPECIMEN_2[:-1]}", "layout", "line 2 has 43 characters"),
        (f"{SPECIMEN_1}{SPECIMEN_2}<", "layout", "one line of 89 characters"),
        (SPECIMEN.replace("ANNA", "ANNÉ"), "characters", "line 1 has 'É' at position 19"),
        (SPECIMEN.replace("ZE18", "ZE-8"), "characters", "line 2 has '-' at position 31"),
        (SPECIMEN.replace("ANNA<MARIA", "ANNA MARIA"), "characters", "' ' at position 20"),
        (SPECIMEN.replace("P<UTO", "I<UTO"), "document_type", "starts with 'I'"),
        (SPECIMEN.replace("P<UTO", "P1UTO"), "document_type", "then a letter or '<'"),
        (SPECIMEN.replace("P<UTO", "P<U<O"), "issuing_state", "issuing state 'U<O'"),
        (SPECIMEN.replace("P<UTO", "P<<TO"), "issuing_state", "issuing state '<TO'"),
        (SPECIMEN.replace("P<UTO", "P<UT0"), "issuing_state", "issuing state 'UT0'"),
        (SPECIMEN.replace("ERIKSSON", "ERIKSS0N"), "name", "contains a digit"),
        (SPECIMEN.replace("UTOERIKSSON", "UTO<RIKSSON"), "name", "must start with the surname"),
        (SPECIMEN.replace("ANNA<MARIA", "ANNA<<ARIA"), "name", "'<<' more than once"),
        (SPECIMEN.replace("<<ANNA", "<<<NNA"), "name", "'<<' more than once"),
        (SPECIMEN.replace("MARIA<<<<", "MARIA<<<X"), "name", "'<<' more than once"),
        (SPECIMEN.replace("UTO7408", "U1O7408"), "nationality", "nationality 'U1O'"),
        (SPECIMEN.replace("2F12", "2Z12"), "sex", "must be M, F or '<'; found 'Z'"),
    ],
)
def test_refusals(text: str, field: str, message: str) -> None:
    error = _refusal(text)
    assert error.field == field
    assert message in str(error)


def test_whole_name_field_of_fillers_is_refused() -> None:
    error = _refusal(f"P<UTO{'<' * 39}\n{SPECIMEN_2}")
    assert error.field == "name"


@pytest.mark.parametrize(
    ("index", "char", "field", "label"),
    [
        (9, "7", "document_number", "document number check digit fails"),
        (0, "M", "document_number", "document number check digit fails"),  # data, not digit
        (19, "3", "birth_date", "birth date check digit fails"),
        (15, "9", "birth_date", "birth date check digit fails"),
        (27, "8", "expiry_date", "expiry date check digit fails"),
        (23, "5", "expiry_date", "expiry date check digit fails"),
        (42, "2", "personal_number", "optional data (personal number) check digit fails"),
        (30, "F", "personal_number", "optional data (personal number) check digit fails"),
        (43, "1", "composite", "composite check digit fails"),
    ],
)
def test_each_check_digit_failure_is_named(index: int, char: str, field: str, label: str) -> None:
    error = _refusal(f"{SPECIMEN_1}\n{_replace(SPECIMEN_2, index, char)}")
    assert error.field == field
    assert label in str(error)


def test_check_digit_failure_states_given_and_expected() -> None:
    error = _refusal(f"{SPECIMEN_1}\n{_replace(SPECIMEN_2, 19, '3')}")
    assert "it is 3 but the data gives 2" in str(error)


@pytest.mark.parametrize(
    ("index", "field"),
    [(9, "document_number"), (19, "birth_date"), (27, "expiry_date"), (43, "composite")],
)
def test_filler_in_a_check_digit_position_is_refused(index: int, field: str) -> None:
    error = _refusal(f"{SPECIMEN_1}\n{_replace(SPECIMEN_2, index, '<')}")
    assert error.field == field
    assert "must be a digit" in str(error)


def test_filler_check_digit_for_used_optional_data_is_refused() -> None:
    # '<' counts as 0 in the composite, so only the rule itself can catch this.
    line2 = _line2(optional="ZE184226<<<<<<")
    assert line2[42] == "0"
    error = _refusal(f"{SPECIMEN_1}\n{_replace(line2, 42, '<')}")
    assert error.field == "personal_number"


def test_nonzero_check_digit_for_empty_optional_data_is_refused() -> None:
    line2 = _line2(optional="<" * 14, optional_check="5")
    assert _refusal(f"{SPECIMEN_1}\n{line2}").field == "personal_number"


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"birth": "740230"}, "birth_date", "birth date 740230 (YYMMDD) is not a real date"),
        ({"birth": "741312"}, "birth_date", "not a real date"),
        ({"birth": "740800"}, "birth_date", "not a real date"),
        ({"expiry": "120431"}, "expiry_date", "expiry date 120431 (YYMMDD) is not a real date"),
        ({"birth": "7408<2"}, "birth_date", "must be 6 digits YYMMDD"),
        ({"expiry": "12041<"}, "expiry_date", "must be 6 digits YYMMDD"),
        ({"birth": "100101", "expiry": "090101"}, "expiry_date", "is not after the birth date"),
        ({"number": "L898<02C3"}, "document_number", "fillers only at the end"),
        ({"number": "<L898902C"}, "document_number", "fillers only at the end"),
    ],
)
def test_impossible_values_with_correct_check_digits(
    kwargs: dict[str, str], field: str, message: str
) -> None:
    error = _refusal(f"{SPECIMEN_1}\n{_line2(**kwargs)}")
    assert error.field == field
    assert message in str(error)


def test_invalid_mrz_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        parse_td3("nonsense", today=TODAY)


# --- make_td3 ------------------------------------------------------------------------------


def test_make_td3_builds_the_specimen() -> None:
    built = make_td3(
        surname="Eriksson",
        given_names="Anna  Maria",
        document_number="L898902C3",
        nationality="UTO",
        birth_date=date(1974, 8, 12),
        sex="F",
        expiry_date=date(2012, 4, 15),
        personal_number="ZE184226B",
    )
    assert built == SPECIMEN


def test_make_td3_empty_optional_data_gets_filler_check() -> None:
    built = make_td3(
        surname="DOE",
        given_names="",
        document_number="X1",
        nationality="KAZ",
        issuing_state="D",
        birth_date=date(2001, 2, 3),
        sex="X",
        expiry_date=date(2031, 2, 3),
        document_type="PD",
    )
    line1, line2 = built.split("\n")
    assert line1 == "PDD<<DOE" + "<" * 36
    assert line2 == _line2(
        number="X1<<<<<<<",
        nationality="KAZ",
        birth="010203",
        sex="<",
        expiry="310203",
        optional="<" * 14,
        optional_check="<",
    )


@pytest.mark.parametrize(
    ("surname", "given_names", "name_field"),
    [
        # Given names are cut first; the last character shows the truncation.
        (
            "NILAVADHANANANDA",
            "CHAYAPA DEJTHAMRONG KRASUANG",
            "NILAVADHANANANDA<<CHAYAPA<DEJTHAMRONG<K",
        ),
        # A cut that would end on a separator drops it instead.
        ("A" * 10, "B" * 26 + " CCC", "A" * 10 + "<<" + "B" * 26 + "<"),
        # Cut right after the surname separator: only the surname is left.
        ("A" * 37, "", "A" * 37 + "<<"),
        # A long surname gives way to keep the initial of the first given name.
        ("S" * 40, "JOHN PAUL", "S" * 36 + "<<J"),
        ("S" * 37, "JOHN", "S" * 36 + "<<J"),
        ("S" * 36, "JOHN", "S" * 36 + "<<J"),
        ("S" * 35, "JOHN", "S" * 35 + "<<JO"),
        # A surname alone is cut at 39 characters.
        ("S" * 45, "", "S" * 39),
        # A surname cut just after one of its own separators loses that separator.
        ("S" * 35 + " TT", "JOHN", "S" * 35 + "<<J" + "<"),
    ],
)
def test_make_td3_truncates_long_names(surname: str, given_names: str, name_field: str) -> None:
    built = make_td3(
        surname=surname,
        given_names=given_names,
        document_number="1",
        nationality="UTO",
        birth_date=date(1990, 1, 1),
        sex="M",
        expiry_date=date(2030, 1, 1),
    )
    line1 = built.split("\n")[0]
    assert line1 == ("P<UTO" + name_field).ljust(44, "<")
    assert len(line1) == 44
    parse_td3(built, today=TODAY)  # the truncated result is itself a valid MRZ


@pytest.mark.parametrize(
    "changes",
    [
        {"surname": "O'NEIL"},
        {"surname": "MÜLLER"},
        {"surname": ""},
        {"surname": "   "},
        {"given_names": "ANNA-MARIA"},
        {"document_number": ""},
        {"document_number": "1234567890"},
        {"document_number": "L89<"},
        {"nationality": "UTOP"},
        {"nationality": "U1O"},
        {"issuing_state": ""},
        {"sex": "Q"},
        {"expiry_date": date(2100, 1, 1)},
        {"expiry_date": date(1999, 12, 31)},
        {"personal_number": "A" * 15},
        {"personal_number": "AB-1"},
        {"document_type": "I"},
        {"document_type": "P1"},
        {"document_type": "PPP"},
    ],
)
def test_make_td3_refuses_bad_fields(changes: dict[str, object]) -> None:
    fields: dict[str, object] = {
        "surname": "DOE",
        "given_names": "JOHN",
        "document_number": "X1",
        "nationality": "UTO",
        "birth_date": date(1990, 1, 1),
        "sex": "M",
        "expiry_date": date(2030, 1, 1),
    }
    fields |= changes
    with pytest.raises(ValueError):
        make_td3(**fields)  # type: ignore[arg-type]


# --- properties ----------------------------------------------------------------------------

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
words = st.text(alphabet=LETTERS, min_size=1, max_size=12)


@st.composite
def passport_fields(draw: st.DrawFn) -> dict[str, object]:
    birth = draw(st.dates(min_value=date(1927, 1, 1), max_value=TODAY))
    expiry = draw(
        st.dates(
            min_value=max(birth + timedelta(days=1), date(2000, 1, 1)), max_value=date(2099, 12, 31)
        )
    )
    personal_core = draw(
        st.one_of(
            st.text(alphabet=LETTERS + "0123456789", max_size=14),
            st.text(alphabet=LETTERS + "0123456789<", max_size=14),
            # Fillers in front are data, not padding: they must survive a round trip.
            st.builds(lambda n, s: ("<" * n + s)[:14], st.integers(1, 5), words),
        )
    )
    return {
        "surname": " ".join(draw(st.lists(words, min_size=1, max_size=2))),
        "given_names": " ".join(draw(st.lists(words, max_size=2))),
        "document_number": draw(st.text(alphabet=LETTERS + "0123456789", min_size=1, max_size=9)),
        "nationality": draw(st.text(alphabet=LETTERS, min_size=1, max_size=3)),
        "issuing_state": draw(st.text(alphabet=LETTERS, min_size=1, max_size=3)),
        "birth_date": birth,
        "sex": draw(st.sampled_from(["M", "F", "X"])),
        "expiry_date": expiry,
        "personal_number": personal_core,
        "document_type": draw(st.sampled_from(["P", "PO", "PD", "PS"])),
    }


def _fields_of(parsed: PassportMRZ) -> dict[str, object]:
    return {
        "surname": parsed.surname,
        "given_names": parsed.given_names,
        "document_number": parsed.document_number,
        "nationality": parsed.nationality,
        "issuing_state": parsed.issuing_state,
        "birth_date": parsed.birth_date,
        "sex": parsed.sex,
        "expiry_date": parsed.expiry_date,
        "personal_number": parsed.personal_number,
        "document_type": parsed.document_type,
    }


@given(passport_fields())
def test_make_td3_round_trips(fields: dict[str, object]) -> None:
    text = make_td3(**fields)  # type: ignore[arg-type]
    lines = text.split("\n")
    assert [len(line) for line in lines] == [44, 44]
    parsed = parse_td3(text, today=TODAY)
    expected = dict(fields)
    expected["personal_number"] = str(fields["personal_number"]).rstrip("<")
    name_length = len(str(fields["surname"])) + 2 + len(str(fields["given_names"]))
    if name_length <= 39:
        assert _fields_of(parsed) == expected
    else:
        # Truncated: everything else intact, and the names are a prefix of the full ones.
        for key in ("surname", "given_names"):
            expected.pop(key)
        got = _fields_of(parsed)
        full = f"{fields['surname']}  {fields['given_names']}"
        assert full.startswith(f"{got.pop('surname')}  {got.pop('given_names')}".rstrip())
        assert got == expected
    # Parsing is idempotent through make_td3: the parsed fields rebuild the same text.
    assert make_td3(**_fields_of(parsed)) == text  # type: ignore[arg-type]


MUTATION_CHARS = LETTERS + "0123456789<" + "abcz" + " -\t\r\n.Ж0O"
MRZ_VALUES = {c: i for i, c in enumerate("0123456789" + LETTERS)} | {"<": 0}

# Line 2 starts at index 45 of the joined text; position 43 of line 2 is the optional-data
# check digit, where '<' and '0' mean the same thing when the optional data is empty.
OPTIONAL_CHECK_INDEX = 45 + 42


def _canonical(text: str, personal_number: str) -> str:
    folded = text.translate(str.maketrans("abcdefghijklmnopqrstuvwxyz", LETTERS))
    if personal_number == "" and folded[OPTIONAL_CHECK_INDEX] == "0":
        folded = _replace(folded, OPTIONAL_CHECK_INDEX, "<")
    return folded


def _check_blind_twins(char: str) -> list[str]:
    """Characters whose value differs by a multiple of 10: weights 7,3,1 cannot tell them apart."""
    if char not in MRZ_VALUES:
        return []
    return [c for c, v in MRZ_VALUES.items() if c != char and v % 10 == MRZ_VALUES[char] % 10]


@st.composite
def mutated_passports(draw: st.DrawFn) -> tuple[dict[str, object], str, int, str]:
    fields = draw(passport_fields())
    original = make_td3(**fields)  # type: ignore[arg-type]
    # Check-digit positions are where a blind substitution would hide best: try them often.
    index = draw(
        st.one_of(
            st.integers(min_value=0, max_value=len(original) - 1),
            st.sampled_from([45 + 9, 45 + 19, 45 + 27, 45 + 42, 45 + 43]),
        )
    )
    twins = _check_blind_twins(original[index])
    # Half the time, pick a substitution that no check digit can see: the dangerous case.
    blind: bool = draw(st.booleans())
    if twins and blind:
        char = draw(st.sampled_from(twins))
    else:
        char = draw(st.sampled_from(MUTATION_CHARS).filter(lambda c: c != original[index]))
    return fields, original, index, char


SPECIMEN_FIELDS: dict[str, object] = {
    "surname": "ERIKSSON",
    "given_names": "ANNA MARIA",
    "document_number": "L898902C3",
    "nationality": "UTO",
    "issuing_state": "UTO",
    "birth_date": date(1974, 8, 12),
    "sex": "F",
    "expiry_date": date(2012, 4, 15),
    "personal_number": "ZE184226B",
    "document_type": "P",
}

# Personal number whose check digit is 0.
OPTIONAL_ZERO_FIELDS = SPECIMEN_FIELDS | {"personal_number": "ZE184226"}


@settings(max_examples=500)
@given(mutated_passports())
# Document number 'L' (21) -> 'B' (11): a valid MRZ with another document number.
@example((SPECIMEN_FIELDS, SPECIMEN, 45, "B"))
# Document number '0' -> '<': the same check value, but a filler inside the number.
@example((SPECIMEN_FIELDS, SPECIMEN, 50, "<"))
# Birth date '0' -> '<': the same check value, but not a date.
@example((SPECIMEN_FIELDS, SPECIMEN, 45 + 15, "<"))
# Composite check digit '0' -> '<': the same value, but a check digit must be a digit.
@example((SPECIMEN_FIELDS, SPECIMEN, 45 + 43, "<"))
# Optional-data check digit '0' -> '<' while the optional data is in use.
@example((OPTIONAL_ZERO_FIELDS, make_td3(**OPTIONAL_ZERO_FIELDS), 45 + 42, "<"))  # type: ignore[arg-type]
def test_single_character_change_is_refused_or_parsed_faithfully(
    mutation: tuple[dict[str, object], str, int, str],
) -> None:
    _fields, original, index, char = mutation
    changed = _replace(original, index, char)
    try:
        parsed = parse_td3(changed, today=TODAY)
    except InvalidMRZ:
        return
    if index == 44:
        # The line break itself: only another line break may replace it, changing nothing.
        assert char in "\r\n"
        assert parsed == parse_td3(original, today=TODAY)
        return
    # Accepted: the parsed fields must rebuild exactly the changed text (modulo case and the
    # '<'/'0' choice for an unused optional-data check digit), so nothing was misread or lost.
    rebuilt = make_td3(**_fields_of(parsed))  # type: ignore[arg-type]
    assert _canonical(rebuilt, parsed.personal_number) == _canonical(
        changed, parsed.personal_number
    )


@given(st.text(alphabet=LETTERS + "0123456789<\n", min_size=80, max_size=95))
def test_random_text_parses_or_invalid_mrz(text: str) -> None:
    with contextlib.suppress(InvalidMRZ):
        parse_td3(text, today=TODAY)


@given(st.text(max_size=100))
def test_any_text_parses_or_invalid_mrz(text: str) -> None:
    with contextlib.suppress(InvalidMRZ):
        parse_td3(text, today=TODAY)
