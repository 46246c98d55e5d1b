"""Build a local store with N pulled approvals, fast, through the projector's own row code."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from sqlalchemy import insert, text

from workstation.domain import lifecycle
from workstation.domain.programme import DEFAULT_RULES
from workstation.journal.envelope import canonical_json, format_instant
from workstation.journal.projector import case_row
from workstation.store.local import LocalStore, put_setting
from workstation.store.models import cases, journal
from workstation.sync.demo_seed import approval_event, make_approvals
from workstation.sync.syncer import cursor_name

BATCH = 20_000


def build_store(data_dir: Path, count: int, today: date, *, seed: int = 7) -> float:
    """Fill `data_dir` with `count` approved arrivals (journal + projections); returns seconds.

    Rows are written in bulk, but each is made by the same `case_row` the projector uses,
    and the journal holds the matching ArrivalApproved events, so the store is what a desk
    that pulled `count` approvals would hold.
    """
    started = time.perf_counter()
    data_dir.mkdir(parents=True, exist_ok=True)
    store = LocalStore.open(data_dir)
    case_rows: list[dict[str, object]] = []
    journal_rows: list[dict[str, object]] = []
    with store.transaction() as conn:
        conn.execute(text("PRAGMA synchronous=OFF"))
        put_setting(conn, "workstation_id", "WS-BENCH")
        for n, approval in enumerate(make_approvals(count, seed=seed, today=today), start=1):
            event = approval_event(approval)
            status = lifecycle.approve(approval.approval_date, DEFAULT_RULES)
            stamp = format_instant(event.recorded_at)
            case_rows.append(case_row(approval, status, stamp, event.payload))
            journal_rows.append(
                {
                    "event_id": event.event_id,
                    "case_id": event.case_id,
                    "type": str(event.type),
                    "payload": canonical_json(event.payload).decode("utf-8"),
                    "actor_iin": event.actor_iin,
                    "actor_fingerprint": "",
                    "workstation_id": event.workstation_id,
                    "recorded_at": stamp,
                    "signature": None,
                    "origin": "central",
                    "central_seq": n,
                    "pushed": True,
                    "outcome": "applied",
                    "refusal": None,
                }
            )
            if len(case_rows) == BATCH:
                conn.execute(insert(cases), case_rows)
                conn.execute(insert(journal), journal_rows)
                case_rows.clear()
                journal_rows.clear()
        if case_rows:
            conn.execute(insert(cases), case_rows)
            conn.execute(insert(journal), journal_rows)
        put_setting(conn, cursor_name(None), str(count))
    with store.transaction() as conn:
        conn.execute(text("ANALYZE"))
    store.close()
    return time.perf_counter() - started
