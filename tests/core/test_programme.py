"""Programme rules as configuration: fees from the MCI, JSON overrides, refusals by name."""

from __future__ import annotations

import json
from dataclasses import FrozenInstanceError
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workstation.domain.programme import (
    DEFAULT_RULES,
    InvalidProgrammeConfig,
    ProgrammeRules,
    load_rules,
    rules_from_mapping,
)


@pytest.mark.parametrize(
    ("kind", "year", "expected"),
    [
        ("permit", 2026, "17300.00"),
        ("card", 2026, "865.00"),
        ("permit", 2025, "15728.00"),
        ("card", 2025, "786.40"),
    ],
)
def test_state_duty_from_the_mci(kind: str, year: int, expected: str) -> None:
    fee = DEFAULT_RULES.fee_kzt(kind, year)
    assert isinstance(fee, Decimal)
    assert str(fee) == expected  # exactly two decimals: the amount printed on the receipt


def test_unknown_year_says_which_years_are_configured() -> None:
    with pytest.raises(InvalidProgrammeConfig) as error:
        DEFAULT_RULES.fee_kzt("permit", 2027)
    message = str(error.value)
    assert "2027" in message and "2025, 2026" in message and "administrator" in message


def test_unknown_duty_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="'visa'"):
        DEFAULT_RULES.fee_kzt("visa", 2026)


def test_defaults_follow_the_domain() -> None:
    rules = DEFAULT_RULES
    assert rules.arrival_window_days == 30
    assert rules.cities == ("Astana", "Almaty")
    assert rules.verification_working_days == 3
    assert rules.medical_certificate_max_age_days == 180
    assert rules.fingerprint_min_age_years == 16
    assert rules.reapply_lock_years == 1


def test_rules_cannot_be_changed_in_place() -> None:
    with pytest.raises(FrozenInstanceError):
        DEFAULT_RULES.arrival_window_days = 45  # type: ignore[misc]
    with pytest.raises(TypeError):
        DEFAULT_RULES.mci_by_year[2027] = 5000  # type: ignore[index]


def _write(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "programme.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_load_rules_overrides_only_what_the_file_names(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        {
            "arrival_window_days": 45,
            "cities": ["Astana", "Almaty", "Shymkent"],
            "mci_by_year": {"2025": 3932, "2026": 4325, "2027": 4500},
            "permit_fee_mci": "5",
            "card_fee_mci": 0.25,
        },
    )
    rules = load_rules(path)
    assert rules.arrival_window_days == 45
    assert rules.cities == ("Astana", "Almaty", "Shymkent")
    assert str(rules.fee_kzt("permit", 2027)) == "22500.00"
    assert str(rules.fee_kzt("card", 2027)) == "1125.00"
    assert rules.fee_kzt("permit", 2026) == Decimal("21625.00")
    assert rules.medical_certificate_max_age_days == 180  # untouched
    assert DEFAULT_RULES.arrival_window_days == 30  # the defaults are not modified


def test_an_empty_file_object_gives_the_defaults(tmp_path: Path) -> None:
    assert load_rules(_write(tmp_path, {})) == DEFAULT_RULES


def test_unknown_keys_are_refused_by_name(tmp_path: Path) -> None:
    path = _write(tmp_path, {"arrival_window_day": 30, "fees": {}, "cities": ["Astana"]})
    with pytest.raises(InvalidProgrammeConfig) as error:
        load_rules(path)
    assert "arrival_window_day" in str(error.value) and "fees" in str(error.value)
    assert "cities" not in str(error.value)


BAD_VALUES: list[tuple[str, Any]] = [
    ("arrival_window_days", "30"),
    ("arrival_window_days", 30.5),
    ("arrival_window_days", True),
    ("arrival_window_days", -1),
    ("arrival_window_days", None),
    ("cities", "Astana"),
    ("cities", ["Astana", ""]),
    ("cities", ["Astana", 7]),
    ("mci_by_year", [4325]),
    ("mci_by_year", {"next year": 4325}),
    ("mci_by_year", {"2026": "a lot"}),
    ("mci_by_year", {"2026": "4325"}),
    ("mci_by_year", {"2026": 4325.5}),
    ("mci_by_year", {"2026": True}),
    ("mci_by_year", {"2026": -4325}),
    ("permit_fee_mci", "four"),
    ("permit_fee_mci", True),
    ("permit_fee_mci", None),
    ("permit_fee_mci", -4),
    ("card_fee_mci", [0.2]),
]


@pytest.mark.parametrize(("name", "value"), BAD_VALUES, ids=[f"{n}={v!r}" for n, v in BAD_VALUES])
def test_bad_types_are_refused_by_name(name: str, value: Any) -> None:
    with pytest.raises(InvalidProgrammeConfig) as error:
        rules_from_mapping({name: value})
    assert repr(name) in str(error.value)


@pytest.mark.parametrize("token", ["NaN", "Infinity"])
def test_non_finite_fee_is_refused(tmp_path: Path, token: str) -> None:
    path = tmp_path / "programme.json"
    path.write_text('{"card_fee_mci": %s}' % token, encoding="utf-8")  # noqa: UP031
    with pytest.raises(InvalidProgrammeConfig, match="card_fee_mci"):
        load_rules(path)


def test_unreadable_and_malformed_files_say_so(tmp_path: Path) -> None:
    with pytest.raises(InvalidProgrammeConfig, match="Cannot read"):
        load_rules(tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{arrival_window_days: 30}", encoding="utf-8")
    with pytest.raises(InvalidProgrammeConfig, match="not valid JSON"):
        load_rules(broken)
    with pytest.raises(InvalidProgrammeConfig, match="must be a JSON object"):
        load_rules(_write(tmp_path, [30]))


@settings(max_examples=100)
@given(mci=st.integers(1, 10**6), year=st.integers(2000, 2100))
def test_fees_are_the_rate_times_the_mci(mci: int, year: int) -> None:
    rules = ProgrammeRules(mci_by_year={year: mci})
    assert rules.fee_kzt("permit", year) == Decimal(4 * mci)
    # 0.2 MCI: in whole tiyn, so exact in two decimals.
    assert rules.fee_kzt("card", year) == Decimal(mci) / 5
