"""The two doors agree: for any pushed row, PostgreSQL's dnr_check_event (migration c006)
and the SQLite gateway's door.check_event give the same verdict, with the same reason."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import make_url

from workstation.sync import door
from workstation.sync.gateway import CentralGateway

pytestmark = pytest.mark.postgres

GOOD: dict[str, Any] = {
    "event_id": "00000000-0000-4000-8000-000000000001",
    "case_id": "DNR-AST-26-0000001",
    "city": "Astana",
    "type": "ArrivalRecorded",
    "payload": '{"n":1}',
    "actor_iin": "910517400017",
    "actor_fingerprint": "",
    "workstation_id": "WS-AST-01",
    "recorded_at": "2026-03-10T06:00:00.000000Z",
    "signature": None,
    "ws_seq": None,
}
# Text that is often almost right: what a hostile desk would try first.
_text = st.one_of(
    st.text(max_size=70),
    st.text(alphabet="0123456789abcdefABCDEF-:.TZ ", max_size=70),
    st.sampled_from(
        [
            "",
            " ",
            "Astana",
            "Almaty",
            "ArrivalApproved",
            "Evil",
            "WS-AST-02",
            "2026-03-10T06:00:00Z",
            "2026-02-29T06:00:00.000000Z",
            "2024-02-29T06:00:00.000000Z",
            "9999-12-31T23:59:59.999999Z",
            "0000-01-01T00:00:00.000000Z",
            "a" * 64,
            "A" * 64,
            "00000000-0000-4000-8000-00000000000G",
            "91051740001x",
            "x" * 41,
        ]
    ),
)
_json_scalar = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False)
)
_json_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]))
_json_value = st.recursive(
    _json_scalar | _json_text,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
_payload = st.one_of(
    st.builds(json.dumps, _json_value),
    st.builds(lambda v: json.dumps(v, ensure_ascii=False), _json_value),
    st.sampled_from(
        ["{not json", "42", "[1,2]", "null", "{}", '{"a":1', "{} {}", " {} ", '{"a":NaN}',
         '{"a":"\\u0000"}', '{"a":"\\\\u0000"}', '{"a":"\\ud800"}', '{"a":"\\udc00"}',
         '{"a":"\\ud83d\\ude00"}', '{"a":1e400}']
    ),
)  # fmt: skip
_any = st.one_of(_text, _json_scalar, st.lists(st.integers(), max_size=2))
FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "event_id": _any,
    "case_id": _any,
    "city": _any,
    "type": st.one_of(_any, st.sampled_from(sorted(door.KNOWN_EVENT_TYPES))),
    "payload": st.one_of(_payload, _any),
    "actor_iin": _any,
    "actor_fingerprint": _any,
    "workstation_id": _any,
    "recorded_at": _any,
    "signature": st.one_of(st.none(), st.binary(max_size=40), st.integers()),
    "ws_seq": st.one_of(
        st.none(),
        st.integers(min_value=-2, max_value=2**64),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=3),
    ),
}


@st.composite
def rows(draw: st.DrawFn) -> dict[str, Any]:
    """A good row with one to three of its fields replaced (or left out)."""
    row = dict(GOOD)
    for name in draw(st.lists(st.sampled_from(sorted(FIELDS)), min_size=1, max_size=3)):
        if draw(st.integers(0, 20)) == 0:
            row.pop(name, None)
        else:
            row[name] = draw(FIELDS[name])
    return row


def _for_postgres(row: dict[str, Any]) -> dict[str, Any]:
    if isinstance(row.get("signature"), bytes):
        return row | {"signature": base64.b64encode(row["signature"]).decode()}
    return row


def _python_verdict(row: dict[str, Any], binding: door.Binding) -> str | None:
    full = {name: row.get(name) for name in GOOD} | {k: v for k, v in row.items() if k not in GOOD}
    try:
        door.check_event(full, binding)
    except door.DoorRefusal as refusal:
        return refusal.code
    return None


@pytest.fixture(scope="module")
def admin(make_pg_database: Any) -> Iterator[psycopg.Connection[Any]]:
    url = make_pg_database()
    gateway = CentralGateway(url)
    gateway.init_schema()
    gateway.dispose()
    parsed = make_url(url)
    with psycopg.connect(
        host=parsed.host, port=parsed.port, user=parsed.username, dbname=parsed.database,
        autocommit=True,
    ) as conn:  # fmt: skip
        yield conn


def _postgres_verdict(conn: psycopg.Connection[Any], row: dict[str, Any], desk: bool) -> str | None:
    bound = ("WS-AST-01", "Astana") if desk else (None, None)
    try:
        conn.execute(
            "SELECT dnr_check_event(%s::jsonb, %s, %s, %s)",
            (json.dumps(_for_postgres(row)), *bound, desk),
        )
    except psycopg.Error as exc:
        if exc.sqlstate in _UNREADABLE:  # the batch is no JSON PostgreSQL reads: refused
            return "unreadable"
        assert exc.sqlstate == "DNR01", exc
        return exc.diag.message_primary
    return None


# PostgreSQL refuses to read these as jsonb at all (a \u0000, a lone surrogate escape).
_UNREADABLE = {"22P02", "22P05", "22021"}


@settings(
    max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(row=rows(), desk=st.booleans())
def test_both_doors_give_the_same_verdict(
    admin: psycopg.Connection[Any], row: dict[str, Any], desk: bool
) -> None:
    binding = door.Binding("WS-AST-01", "Astana", desk=True) if desk else door.ADMIN
    postgres, python = _postgres_verdict(admin, row, desk), _python_verdict(row, binding)
    if postgres == "unreadable":  # the gateway checks first, so the desk is told the reason
        assert python is not None, row
    else:
        assert postgres == python, row


def test_the_good_row_passes_both(admin: psycopg.Connection[Any]) -> None:
    assert _postgres_verdict(admin, GOOD, True) is None
    assert _python_verdict(GOOD, door.Binding("WS-AST-01", "Astana", desk=True)) is None
