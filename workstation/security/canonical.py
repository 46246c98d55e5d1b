"""Canonical JSON: the exact bytes that get hashed and signed, the same on every desk."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import UUID


class NotCanonical(ValueError):
    """A value has no single canonical JSON form (naive time, set, float NaN, non-text key)."""


def canonical_json(obj: object) -> bytes:
    """Encode `obj` as canonical JSON bytes.

    Rules: object keys sorted, no whitespace, UTF-8 (not \\u escapes), no NaN/Infinity.
    Datetimes must carry a time zone and are written in UTC as
    YYYY-MM-DDTHH:MM:SS.ffffffZ; dates as YYYY-MM-DD; UUIDs in lower-case hex with
    hyphens; Enums by value; Decimals as strings. Tuples become lists. Anything else
    (sets, bytes, naive datetimes, non-string keys) is refused rather than guessed at,
    because a guess that differs between desks breaks every signature.
    """
    plain = _to_plain(obj, "$")
    text = json.dumps(
        plain, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    return text.encode("utf-8")


def canonical_datetime(moment: datetime) -> str:
    """A timezone-aware datetime in the canonical UTC form used inside canonical JSON."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise NotCanonical(f"time {moment.isoformat()} has no time zone; use UTC")
    utc = moment.astimezone(UTC)
    # Spelt out: strftime's %Y does not pad a year before 1000 on glibc ("1-01-06..."),
    # which parse_instant then refuses as not canonical.
    return (
        f"{utc.year:04d}-{utc.month:02d}-{utc.day:02d}T"
        f"{utc.hour:02d}:{utc.minute:02d}:{utc.second:02d}.{utc.microsecond:06d}Z"
    )


def _to_plain(value: object, path: str) -> Any:
    # bool before int: bool is an int subclass and must stay true/false.
    if value is None or isinstance(value, (bool, str, int)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise NotCanonical(f"{path}: {value} has no JSON form")
        return value
    if isinstance(value, datetime):
        return canonical_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise NotCanonical(f"{path}: {value} has no JSON form")
        return str(value)
    if isinstance(value, Enum):
        return _to_plain(value.value, path)
    if isinstance(value, Mapping):
        result: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                # json.dumps would turn 1 into "1" and silently merge it with a "1" key.
                raise NotCanonical(f"{path}: key {key!r} is not text")
            result[key] = _to_plain(item, f"{path}.{key}")
        return result
    if isinstance(value, (list, tuple)):
        return [_to_plain(item, f"{path}[{index}]") for index, item in enumerate(value)]
    raise NotCanonical(f"{path}: {type(value).__name__} has no canonical JSON form")
