"""Config loaders raise only their own clear error, for any bytes (issue 15, point 9).

The programme rules (`load_rules`), the calendar overrides (`load_calendar_overrides`) and the
desk settings (`load_settings`) are read from files an administrator edits, or a damaged
disk hands back: bytes that are not UTF-8, JSON or TOML nested 100,000 deep, numbers of
5,000 digits, values of every type under every known key. None of it may escape as
UnicodeDecodeError, RecursionError or a bare ValueError from deep inside a parser.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from workstation.domain.calendar import InvalidCalendarOverrides, load_calendar_overrides
from workstation.domain.programme import (
    DEFAULT_RULES,
    InvalidProgrammeConfig,
    ProgrammeRules,
    load_rules,
)
from workstation.sync.config import SettingsInvalid, load_settings

DEEP = 100_000
HUGE = "9" * 5_000

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
rule_keys = st.sampled_from(sorted(ProgrammeRules.__dataclass_fields__))
rule_objects = st.dictionaries(rule_keys | st.text(max_size=8), json_values, max_size=5)
calendar_objects = st.dictionaries(
    st.sampled_from(["days_off", "working_days"]) | st.text(max_size=8),
    json_values | st.lists(st.dates().map(str) | st.text(max_size=12), max_size=4),
    max_size=3,
)
PARSER_BOMBS = [
    b"[" * DEEP + b"]" * DEEP,
    b'{"cities": ' + b"[" * DEEP + b"]" * DEEP + b"}",
    b'{"a":' * DEEP + b"1" + b"}" * DEEP,
    HUGE.encode(),
    b'{"permit_fee_mci": ' + HUGE.encode() + b"}",
    b'{"mci_by_year": {"2026": ' + HUGE.encode() + b"}}",
    b'{"days_off": [' + HUGE.encode() + b"]}",
    b'{"permit_fee_mci": 1e99999}',
    b'{"permit_fee_mci": "1e999999999999"}',
    b"\xff\xfe\x00\x00",
    b"\xef\xbb\xbf{}",
    b'{"cities": ["\\ud800"]}',
    b"",
]
TOML_BOMBS = [
    b"a = " + b"[" * DEEP + b"]" * DEEP,
    b"x = {a = " * 5_000 + b"1" + b"}" * 5_000,
    b"[sync]\ninterval_seconds = " + HUGE.encode(),
    b'[central]\nurl = "' + b"postgresql://" + b"a" * 100_000 + b'"',
    b'[central]\nurl = "postgresql://h:99999999999/dnr"',
    b'[central]\nurl = "sqlite:///\\u0000"',
    b'[central]\nurl = "\\ud800"',
    b"\xff\xfe",
]
_SETTINGS = settings(max_examples=700, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _only_own_error(loader: Callable[[Path], Any], own: type[Exception], data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "config"
        path.write_bytes(data)
        try:
            loader(path)
        except own as error:
            assert str(error)  # says what is wrong
        # anything else propagates and fails the test


@pytest.mark.parametrize("data", PARSER_BOMBS)
def test_programme_rules_parser_bombs(data: bytes) -> None:
    _only_own_error(load_rules, InvalidProgrammeConfig, data)


@pytest.mark.parametrize("data", PARSER_BOMBS)
def test_calendar_parser_bombs(data: bytes) -> None:
    _only_own_error(load_calendar_overrides, InvalidCalendarOverrides, data)


@pytest.mark.parametrize("data", [*TOML_BOMBS, *PARSER_BOMBS])
def test_desk_settings_parser_bombs(data: bytes) -> None:
    _only_own_error(load_settings, SettingsInvalid, data)


@_SETTINGS
@given(st.binary(max_size=300) | rule_objects.map(lambda o: json.dumps(o).encode()))
@example(b'{"cities": "Astana"}')
def test_programme_rules_any_bytes(data: bytes) -> None:
    _only_own_error(load_rules, InvalidProgrammeConfig, data)


@_SETTINGS
@given(st.binary(max_size=300) | calendar_objects.map(lambda o: json.dumps(o).encode()))
def test_calendar_any_bytes(data: bytes) -> None:
    _only_own_error(load_calendar_overrides, InvalidCalendarOverrides, data)


toml_values = st.one_of(
    st.integers().map(str),
    st.text(max_size=30).map(json.dumps),
    st.sampled_from(["true", "[]", "{}", "1.5", "inf", "nan", "1979-05-27", '"sqlite://"']),
    st.sampled_from(["postgresql://h/db", "sqlite:///c.db", "postgresql://u:p@h/db"]).map(
        json.dumps
    ),
)
toml_documents = st.lists(
    st.tuples(
        st.sampled_from(["central", "desk", "sync", "other"]),
        st.sampled_from(["url", "user", "workstation_id", "city", "interval_seconds", "x"]),
        toml_values,
    ),
    max_size=6,
).map(lambda items: "\n".join(f"[{t}]\n{k} = {v}" for t, k, v in items).encode())


@_SETTINGS
@given(st.binary(max_size=300) | toml_documents)
def test_desk_settings_any_bytes(data: bytes) -> None:
    _only_own_error(load_settings, SettingsInvalid, data)


def test_a_good_rules_file_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "rules.json"
    path.write_text(json.dumps({"cities": ["Astana"]}), encoding="utf-8")
    assert load_rules(path).cities == ("Astana",)
    assert DEFAULT_RULES.cities != ()
