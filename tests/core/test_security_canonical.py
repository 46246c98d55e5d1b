"""Canonical JSON: one byte string per value, refusals for values with no single form."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from enum import Enum
from uuid import UUID

import pytest

from workstation.security.canonical import NotCanonical, canonical_datetime, canonical_json


class Colour(Enum):
    RED = "red"


def test_keys_sorted_no_whitespace_utf8() -> None:
    assert canonical_json({"b": 1, "a": [1, 2], "c": {"z": None, "y": True}}) == (
        b'{"a":[1,2],"b":1,"c":{"y":true,"z":null}}'
    )
    assert canonical_json({"name": "Айгерім"}) == '{"name":"Айгерім"}'.encode()


def test_insertion_order_does_not_matter() -> None:
    assert canonical_json({"x": 1, "y": 2}) == canonical_json({"y": 2, "x": 1})


def test_times_are_written_in_utc_with_microseconds() -> None:
    almaty = timezone(timedelta(hours=5))
    moment = datetime(2025, 3, 1, 14, 30, tzinfo=almaty)
    assert canonical_json({"at": moment}) == b'{"at":"2025-03-01T09:30:00.000000Z"}'
    assert canonical_datetime(datetime(2025, 3, 1, 9, 30, 0, 5, tzinfo=UTC)) == (
        "2025-03-01T09:30:00.000005Z"
    )


def test_other_types() -> None:
    value = {
        "d": date(2025, 1, 6),
        "u": UUID("12345678-1234-5678-1234-567812345678"),
        "e": Colour.RED,
        "m": Decimal("24.30"),
        "t": (1, "x"),
    }
    assert canonical_json(value) == (
        b'{"d":"2025-01-06","e":"red","m":"24.30","t":[1,"x"],'
        b'"u":"12345678-1234-5678-1234-567812345678"}'
    )


@pytest.mark.parametrize(
    "value",
    [
        {"at": datetime(2025, 1, 1, 12, 0)},
        {"s": {1, 2}},
        {"n": float("nan")},
        {"i": float("inf")},
        {1: "one"},
        {"b": b"bytes"},
        {"d": Decimal("NaN")},
    ],
    ids=["naive-time", "set", "nan", "inf", "int-key", "bytes", "decimal-nan"],
)
def test_values_without_one_canonical_form_are_refused(value: object) -> None:
    with pytest.raises(NotCanonical):
        canonical_json(value)


@pytest.mark.parametrize("year", [1, 99, 999, 1000, 9999])
def test_every_year_is_written_with_four_digits_and_reads_back(year: int) -> None:
    from workstation.journal.envelope import parse_instant

    moment = datetime(year, 1, 6, 0, 1, 0, 9, tzinfo=UTC)
    text = canonical_datetime(moment)
    assert text == f"{year:04d}-01-06T00:01:00.000009Z"
    assert parse_instant(text) == moment
