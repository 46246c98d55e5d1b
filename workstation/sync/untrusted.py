"""What a desk does with pulled rows it cannot trust yet, or at all.

- A row that does not parse, or an event that cannot be processed, is quarantined in
  `pulled_rejects` with its reason (`quarantine_rows`); the pull goes on past it.
- A desk with no trust store journals pulled events PENDING and applies none of them;
  `settle_pending` verifies and applies them once it has a verifier.
- A store upgraded to 0007 has pulled events applied before every desk verified them;
  `reverify_pulled` checks each once and unapplies those that fail (their cases replayed).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from datetime import datetime

from sqlalchemy import Connection, delete, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from workstation.domain.programme import ProgrammeRules
from workstation.journal.envelope import Event, format_instant
from workstation.journal.projector import (
    PENDING,
    UNVERIFIED,
    event_from_row,
    received_of,
    replay_case,
)
from workstation.store.local import get_setting, put_setting
from workstation.store.models import desk_settings, journal, pulled_rejects
from workstation.sync.intake import CentralRow, describe

REVERIFY = "reverify_pulled"  # desk_settings: "1", or "after:<local_seq>" while under way
CHUNK = 2000  # journal rows verified per transaction

# EventVerifier.problem with central's receipt time of the event.
VerifyAt = Callable[[Event, datetime | None], str | None]


def _text(value: object) -> str | None:
    return value[:200] if isinstance(value, str) else None


def quarantine_rows(
    conn: Connection, rejects: Iterable[tuple[CentralRow, str]], now: datetime
) -> int:
    """Keep each (row, reason) once; returns how many were new."""
    added = 0
    for row, reason in rejects:
        text = describe(row)
        digest = hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()
        seq = row.seq if isinstance(row.seq, int | str) else None
        stmt = sqlite_insert(pulled_rejects).values(
            digest=digest,
            central_seq=None if seq is None else str(seq)[:40],
            event_id=_text(row.event_id),
            case_id=_text(row.case_id),
            type=_text(row.type),
            workstation_id=_text(row.workstation_id),
            reason=reason[:500],
            row=text,
            quarantined_at=format_instant(now),
        )
        added += conn.execute(stmt.on_conflict_do_nothing(index_elements=["digest"])).rowcount
    return added


def _problem(row: object, verify: VerifyAt) -> str | None:
    """verify() of a journal row; a row that no longer reads as an event is a problem."""
    try:
        return verify(event_from_row(row), received_of(row))
    except (ValueError, TypeError) as error:
        return f"the stored event cannot be read ({type(error).__name__})"


def _refuse(conn: Connection, local_seq: int, problem: str) -> None:
    conn.execute(
        update(journal)
        .where(journal.c.local_seq == local_seq)
        .values(outcome="refused", refusal=UNVERIFIED + problem)
    )


def settle_pending(
    conn: Connection, rules: ProgrammeRules, verify: VerifyAt, limit: int = CHUNK
) -> tuple[int, int]:
    """Verify up to `limit` pending events in central order; apply those that pass (their
    cases replayed in central order) and refuse the others. Returns (applied, refused)."""
    rows = conn.execute(
        select(journal)
        .where(journal.c.outcome == PENDING)
        .order_by(journal.c.central_seq, journal.c.local_seq)
        .limit(limit)
    ).all()
    touched: set[str] = set()
    refused = 0
    for row in rows:
        touched.add(row.case_id)
        problem = _problem(row, verify)
        if problem is not None:
            _refuse(conn, row.local_seq, problem)
            refused += 1
            continue
        conn.execute(
            update(journal)
            .where(journal.c.local_seq == row.local_seq)
            .values(outcome="applied", refusal=None)
        )
    for case_id in sorted(touched):
        replay_case(conn, case_id, rules)  # decides each event's outcome in central order
    return len(rows) - refused, refused


def reverify_pulled(
    conn: Connection, rules: ProgrammeRules, verify: VerifyAt, limit: int = CHUNK
) -> tuple[int, bool]:
    """One chunk of the once-only check of events pulled before migration 0007: every
    pulled event not already refused for its signature is verified; those that fail are
    refused and their cases replayed without them. Returns (refused, more to do)."""
    state = get_setting(conn, REVERIFY)
    if not state:
        return 0, False
    after = int(state.removeprefix("after:")) if state.startswith("after:") else 0
    rows = conn.execute(
        select(journal)
        .where(
            journal.c.origin == "central",
            journal.c.outcome != PENDING,
            journal.c.local_seq > after,
        )
        .order_by(journal.c.local_seq)
        .limit(limit)
    ).all()
    touched: set[str] = set()
    refused = 0
    for row in rows:
        if (row.refusal or "").startswith(UNVERIFIED):
            continue
        problem = _problem(row, verify)
        if problem is not None:
            _refuse(conn, row.local_seq, problem)
            touched.add(row.case_id)
            refused += 1
    for case_id in sorted(touched):
        replay_case(conn, case_id, rules)
    if len(rows) < limit:
        conn.execute(delete(desk_settings).where(desk_settings.c.name == REVERIFY))
        return refused, False
    put_setting(conn, REVERIFY, f"after:{rows[-1].local_seq}")
    return refused, True
