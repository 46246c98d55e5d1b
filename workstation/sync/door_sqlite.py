"""The door of a SQLite central: the checks of workstation.sync.door, then the writes.

A SQLite central has no roles, so nothing binds a row to its writer (its file's
permissions are the guard); every other check of the PostgreSQL functions (migration c006)
is made here, in the writer's transaction, and SQLite serialises writers, so `seq` (the
rowid) is handed out in commit order.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.dialects import sqlite

from workstation.sync import door
from workstation.sync.central_schema import audit_entries, events
from workstation.sync.central_schema import certificates as certificate_table

_CHUNK = 500  # SQLite's bound-parameter limit is far above this


def push_events(conn: Connection, rows: Sequence[Mapping[str, Any]], now: str) -> int:
    """Insert the new events of a checked batch; returns how many were new."""
    door.check_batch(rows, door.ADMIN)
    ids = sorted({r["event_id"] for r in rows})
    held = {r.event_id: r._mapping for r in _in(conn, events, events.c.event_id, ids)}
    case_ids = sorted({r["case_id"] for r in rows})
    case_city = {r.case_id: r.city for r in _in(conn, events, events.c.case_id, case_ids)}
    numbers = {
        (r.workstation_id, r.ws_seq): r.event_id
        for r in _in(conn, events, events.c.ws_seq, sorted({r["ws_seq"] for r in rows} - {None}))
    }
    fresh: list[dict[str, Any]] = []
    for row in rows:
        event = row["event_id"]
        if event in held:
            if not door.same_event(held[event], row):
                raise door.DoorRefusal("event_id_taken", event=event)
            continue
        city = case_city.setdefault(row["case_id"], row["city"])
        if city != row["city"]:
            raise door.DoorRefusal(
                "case_city", event=event, case=row["case_id"], held=city, given=row["city"]
            )
        if row["ws_seq"] is not None:
            key = (row["workstation_id"], row["ws_seq"])
            if numbers.setdefault(key, event) != event:
                raise door.DoorRefusal(
                    "ws_seq_taken", event=event, workstation=key[0], number=key[1]
                )
        held[event] = row
        fresh.append(dict(row) | {"received_at": now})
    if fresh:
        conn.execute(events.insert(), fresh)
    return len(fresh)


def _in(conn: Connection, table: Any, column: Any, values: list[Any]) -> list[Any]:
    found: list[Any] = []
    for start in range(0, len(values), _CHUNK):
        chunk = values[start : start + _CHUNK]
        found.extend(conn.execute(select(table).where(column.in_(chunk))).all())
    return found


def certificates(conn: Connection, wanted: list[str]) -> list[bytes]:
    return [
        bytes(r.der) for r in _in(conn, certificate_table, certificate_table.c.fingerprint, wanted)
    ]


def add_certificates(
    conn: Connection, ders: list[bytes], checked: list[tuple[str, str]], now: str
) -> int:
    rows = [
        {"fingerprint": fingerprint, "der": der, "subject": subject, "added_at": now}
        for der, (fingerprint, subject) in zip(ders, checked, strict=True)
    ]
    statement = sqlite.insert(certificate_table).on_conflict_do_nothing(
        index_elements=["fingerprint"]
    )
    return len(conn.execute(statement.returning(certificate_table.c.fingerprint), rows).all())


def push_audit(conn: Connection, records: Sequence[Mapping[str, Any]], now: str) -> int:
    """Store the entries that extend the chain central holds; refuse any other."""
    if not records or not isinstance(records[0], Mapping):
        raise door.DoorRefusal("batch", limit=door.MAX_BATCH)
    workstation = records[0].get("workstation_id")
    if not isinstance(workstation, str):
        raise door.DoorRefusal("audit_record", seq="?", field="workstation_id")
    mine = audit_entries.c.workstation_id == workstation
    held = {
        int(r.seq): str(r.record)
        for r in conn.execute(select(audit_entries.c.seq, audit_entries.c.record).where(mine))
    }
    last = None
    if held:
        top = max(held)
        try:
            last = (top, str(json.loads(held[top])["entry_hash"]))
        except (ValueError, KeyError, TypeError):
            last = (top, "")
    fresh = door.check_audit(records, held, last, door.ADMIN)
    if fresh:
        conn.execute(
            audit_entries.insert(),
            [
                {"workstation_id": workstation, "seq": s, "at": at, "record": t, "received_at": now}
                for s, at, t in fresh
            ],
        )
    return len(fresh)
