"""One sync round: push this desk's unsent events, then pull what is new for its branch."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select, update

from workstation.domain.programme import ProgrammeRules
from workstation.journal.projector import event_from_row, record
from workstation.store.local import LocalStore, get_setting, put_setting
from workstation.store.models import cases, journal
from workstation.sync.gateway import CentralGateway

PULL_CURSOR = "pull_cursor"


def cursor_name(city: str | None) -> str:
    """One cursor per city pulled: a desk moved to another branch must start that city
    from the beginning, not from where the old city's events ended."""
    return f"{PULL_CURSOR}:{city}" if city else f"{PULL_CURSOR}:*"


BATCH = 500


@dataclass(frozen=True)
class SyncReport:
    pushed: int = 0  # new at central
    pushed_again: int = 0  # already there (a retried batch)
    pulled: int = 0
    applied: int = 0
    refused: int = 0
    already_here: int = 0
    cursor: int = 0

    def summary(self) -> str:
        return (
            f"pushed {self.pushed} new event(s)"
            + (f" ({self.pushed_again} already at central)" if self.pushed_again else "")
            + f", pulled {self.pulled}: {self.applied} applied, {self.refused} refused"
            + (f", {self.already_here} already on this desk" if self.already_here else "")
        )


Progress = Callable[[str, int], None]


class SyncCancelled(Exception):
    pass


def queue_length(store: LocalStore) -> int:
    with store.reading() as conn:
        unsent = conn.execute(
            select(func.count()).where(
                (journal.c.origin == "local") & (journal.c.pushed.is_(False))
            )
        ).scalar_one()
    return int(unsent)


def sync_once(
    store: LocalStore,
    gateway: CentralGateway,
    rules: ProgrammeRules,
    *,
    city: str | None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    batch: int = BATCH,
) -> SyncReport:
    """Push then pull. Every batch is its own transaction on each side, so a crash or a
    cancel between batches loses nothing: an event pushed but not yet marked sent is
    pushed again and central skips it by event_id; a pulled batch commits together with
    the cursor that points past it.
    """
    gateway.check_schema()
    pushed = pushed_again = 0
    while True:
        with store.reading() as conn:
            rows = conn.execute(
                select(journal, cases.c.city)
                .join(cases, cases.c.case_id == journal.c.case_id, isouter=True)
                .where((journal.c.origin == "local") & (journal.c.pushed.is_(False)))
                .order_by(journal.c.local_seq)
                .limit(batch)
            ).all()
        if not rows:
            break
        fresh = gateway.push([(event_from_row(r), r.city or city or "") for r in rows])
        pushed += fresh
        pushed_again += len(rows) - fresh
        with store.transaction() as conn:
            conn.execute(
                update(journal)
                .where(journal.c.local_seq.in_([r.local_seq for r in rows]))
                .values(pushed=True)
            )
        if progress:
            progress("push", pushed + pushed_again)
        _check(cancel)

    pulled = applied = refused = already = 0
    with store.reading() as conn:
        cursor = int(get_setting(conn, cursor_name(city)) or 0)
    while True:
        _check(cancel)
        fetched = gateway.pull(cursor, city, batch)
        if not fetched:
            break
        with store.transaction() as conn:
            for seq, event in fetched:
                outcome = record(
                    conn, event, origin="central", rules=rules, central_seq=seq, strict=False
                )
                if outcome.duplicate:
                    already += 1
                elif outcome.applied:
                    applied += 1
                else:
                    refused += 1
            cursor = fetched[-1][0]
            put_setting(conn, cursor_name(city), str(cursor))
        pulled += len(fetched)
        if progress:
            progress("pull", pulled)
    return SyncReport(pushed, pushed_again, pulled, applied, refused, already, cursor)


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise SyncCancelled("Sync cancelled; what was already exchanged is kept.")
