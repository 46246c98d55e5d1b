"""Time-stamp this desk's unsent events before they are pushed (RFC 3161, CAdES-T).

Recording never waits for the TSA: an event is signed and journalled at once, offline or
not. At the next sync, before the push, each unsent event whose signature has no token gets
one per SignerInfo (workstation.security.timestamp.stamp_signature); only the signature's
unsigned part changes, so what the clerk signed stays byte for byte.

When the TSA cannot be reached, or answers with something that does not check, stamping
stops for that round and the events are pushed without a token: their time is then judged
at central's `received_at`, and the sync report says why they were not stamped. Holding
them back would make a TSA outage stop every desk's queue.

Central keeps the first copy of each event and refuses a second copy with other bytes, so
an event is never stamped once it may have left unstamped: before a batch goes, the highest
local number in it without a token is kept (setting `tsa_no_stamp_through`), and stamping
starts after it. A push cut off after central took it then resends the very bytes central
holds.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select, update

from workstation.journal.projector import UNSENT
from workstation.security.timestamp import TimestampInvalid, has_timestamp, stamp_signature
from workstation.security.tsa_client import TsaClient, TsaUnavailable
from workstation.store.local import LocalStore, get_setting, put_setting
from workstation.store.models import journal

log = logging.getLogger(__name__)

# Events stamped per step: one TSA round trip each, so a step stays short on a slow link.
STAMP_BATCH = 50
NO_STAMP_THROUGH = "tsa_no_stamp_through"


class Stamper:
    """Stamps the unsent events of one sync round, a batch per `step()`."""

    def __init__(self, store: LocalStore, client: TsaClient, batch: int = STAMP_BATCH) -> None:
        self.store = store
        self.client = client
        self.batch = batch
        self.stamped = 0
        self.problem: str | None = None  # why stamping stopped early, for the report
        self.done = False
        self._after = 0  # local_seq of the last event looked at

    def step(self) -> bool:
        """Stamp the next batch; False when there is nothing more to stamp this round."""
        if self.done:
            return False
        with self.store.reading() as conn:
            if self._after == 0:  # never what may already be at central as it was
                self._after = int(get_setting(conn, NO_STAMP_THROUGH) or 0)
            rows = conn.execute(
                select(journal.c.local_seq, journal.c.signature)
                .where(UNSENT & (journal.c.local_seq > self._after))
                .order_by(journal.c.local_seq)
                .limit(self.batch)
            ).all()
        if not rows:
            self.done = True
            return False
        stamped: list[tuple[int, bytes, bytes]] = []
        for row in rows:
            self._after = row.local_seq
            signature = bytes(row.signature) if row.signature else b""
            if not signature or has_timestamp(signature):
                continue
            try:
                stamped.append((row.local_seq, signature, self._stamp(signature)))
            except (TsaUnavailable, TimestampInvalid) as error:
                self.problem = str(error)
                self.done = True
                log.warning("events are pushed without a time-stamp: %s", error)
                break
        if stamped:
            with self.store.transaction() as conn:
                for local_seq, before, after in stamped:
                    # only while still unsent and unchanged: central keeps the first copy
                    conn.execute(
                        update(journal)
                        .where(
                            (journal.c.local_seq == local_seq)
                            & journal.c.pushed.is_(False)
                            & (journal.c.signature == before)
                        )
                        .values(signature=after)
                    )
            self.stamped += len(stamped)
        return True

    def before_push(self, rows: Sequence[Any]) -> None:
        """Called with a batch (rows with local_seq and signature) about to be pushed:
        remember the last one that goes without a token, so it is never stamped later."""
        unstamped = [
            r.local_seq for r in rows if not (r.signature and has_timestamp(bytes(r.signature)))
        ]
        if not unstamped:
            return
        with self.store.transaction() as conn:
            if max(unstamped) > int(get_setting(conn, NO_STAMP_THROUGH) or 0):
                put_setting(conn, NO_STAMP_THROUGH, str(max(unstamped)))
        self._after = max(self._after, *unstamped)

    def _stamp(self, signature: bytes) -> bytes:
        return stamp_signature(signature, self.client.token_for)


def stamp_unsent(store: LocalStore, client: TsaClient) -> Stamper:
    """Stamp every unsent event now; the Stamper returned says how many and any problem."""
    stamper = Stamper(store, client)
    while stamper.step():
        pass
    return stamper
