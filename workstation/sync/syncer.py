"""One sync round: push this desk's unsent events, then pull what is new for its branch.

A round runs a batch at a time (`SyncRound.step`), so the desk's single database worker can
serve the clerk between two batches of a long first pull; `sync_once` runs a whole round.
Projections follow central's order: when a pulled event sorts before events this desk already
applied to that case (its own, made offline), the case is replayed in central order, so
every desk that has the same events shows the same case.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import Enum
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import Connection, func, or_, select, update
from sqlalchemy.exc import InterfaceError, OperationalError

from workstation.domain.programme import ProgrammeRules
from workstation.journal.certificates import build_verifier
from workstation.journal.envelope import Event, format_instant
from workstation.journal.projector import (
    CENTRAL_REFUSED,
    PENDING,
    UNSENT,
    Verify,
    event_from_row,
    record_pulled,
    replay_case,
)
from workstation.journal.signing import Verification
from workstation.security.audit import AuditEntry
from workstation.store.local import LocalStore, get_setting, put_setting
from workstation.store.models import cases, journal
from workstation.sync.certificate_exchange import exchange_certificates
from workstation.sync.gaps import RETURNED_THROUGH
from workstation.sync.gateway import CentralGateway, DoorRefused
from workstation.sync.intake import CentralRow, MalformedRow, Pulled, pulled
from workstation.sync.stamping import Stamper
from workstation.sync.untrusted import VerifyAt, quarantine_rows, reverify_pulled, settle_pending

if TYPE_CHECKING:
    from workstation.security.tsa_client import TsaClient

log = logging.getLogger(__name__)


class AuditOutbox(Protocol):
    """What a round needs of the desk's audit trail (services.audit.AuditLog is one)."""

    def unsent_entries(self, limit: int) -> list[AuditEntry]: ...
    def mark_sent(self, seqs: Iterable[int]) -> int: ...


PULL_CURSOR = "pull_cursor"


def cursor_name(city: str | None) -> str:
    """One cursor per city pulled: a desk moved to another branch must start that city
    from the beginning, not from where the old city's events ended."""
    return f"{PULL_CURSOR}:{city}" if city else f"{PULL_CURSOR}:*"


BATCH = 500
# Without a fixed batch, a pull grows its batches towards this while a step stays near
# STEP_TARGET_S: a first pull of 100,000 events then commits ~30 times instead of 200, and
# the clerk still waits at most about half a second for the desk's worker between steps.
MAX_PULL_BATCH = 5000
STEP_TARGET_S = 0.5


@dataclass(frozen=True)
class SyncReport:
    pushed: int = 0  # new at central
    pushed_again: int = 0  # already there (a retried batch)
    pulled: int = 0
    applied: int = 0
    refused: int = 0
    already_here: int = 0
    cursor: int = 0
    replayed: int = 0  # cases re-applied in central order (another desk acted on them)
    audit_sent: int = 0  # audit entries central did not have
    quarantined: int = 0  # central rows that did not parse or could not be processed
    pending: int = 0  # kept unapplied: this desk has no trust store to verify them with
    settled: int = 0  # pending events verified and applied in this round
    unapplied: int = 0  # events applied before 0007 that failed their re-verification
    set_aside: int = 0  # events made here that central refused at its door (not resent)
    stamped: int = 0  # events given an RFC 3161 time-stamp token before the push
    stamp_problem: str | None = None  # why stamping stopped (the rest went without a token)
    audit_problem: str | None = None  # why central refused this desk's audit entries
    case_ids: frozenset[str] = field(default=frozenset(), compare=False, repr=False)

    def summary(self) -> str:
        return (
            f"pushed {self.pushed} new event(s)"
            + (f" ({self.pushed_again} already at central)" if self.pushed_again else "")
            + f", pulled {self.pulled}: {self.applied} applied, {self.refused} refused"
            + (f", {self.already_here} already on this desk" if self.already_here else "")
            + (f", {self.replayed} case(s) re-applied in central order" if self.replayed else "")
            + (f", {self.quarantined} row(s) quarantined" if self.quarantined else "")
            + (
                f", {self.pending} kept unapplied until this desk can verify them"
                if self.pending
                else ""
            )
            + (f", {self.settled} earlier pending event(s) verified" if self.settled else "")
            + (
                f", {self.unapplied} earlier event(s) unapplied: signature check failed"
                if self.unapplied
                else ""
            )
            + (
                f", {self.set_aside} event(s) of this desk refused by central and set aside"
                if self.set_aside
                else ""
            )
            + (f"; {self.stamped} time-stamped" if self.stamped else "")
            + (f"; not time-stamped: {self.stamp_problem}" if self.stamp_problem else "")
            + (f"; audit entries not sent: {self.audit_problem}" if self.audit_problem else "")
        )


Progress = Callable[[str, int], None]


class SyncCancelled(Exception):
    pass


def queue_length(store: LocalStore) -> int:
    with store.reading() as conn:
        unsent = conn.execute(select(func.count()).where(UNSENT)).scalar_one()
    return int(unsent)


class Stage(Enum):
    CHECK = "check"
    VERIFY = "verify"  # pending events, and the once-only re-verification after 0007
    PUSH = "push"
    PULL = "pull"
    DONE = "done"


class SyncRound:
    """Push then pull, one batch per `step()`. Every batch is its own transaction on each
    side, so a crash or a cancel between batches loses nothing: an event pushed but not yet
    marked sent is pushed again and central skips it by event_id; a pulled batch commits
    together with the cursor that points past it.

    Not thread-safe: one thread (the desk's database worker) calls `step()`; another may
    read `report` and `stage` between steps.
    """

    def __init__(
        self,
        store: LocalStore,
        gateway: CentralGateway,
        rules: ProgrammeRules,
        *,
        city: str | None,
        batch: int | None = None,
        own_gateway: bool = False,
        verification: Verification | None = None,
        audit: AuditOutbox | None = None,
        trust_unsigned: bool = False,
        tsa: TsaClient | None = None,
    ) -> None:
        """Without `verification` pulled events are kept pending, applied by a later round
        that has one; `trust_unsigned` applies them unchecked instead (tests of sync
        mechanics that sign nothing; never a desk)."""
        self.store = store
        self.trust_unsigned = trust_unsigned
        self._verify_at: VerifyAt | None = None
        # Unsent events are time-stamped before they are pushed (workstation.sync.stamping).
        self._stamper = Stamper(store, tsa) if tsa is not None else None
        self._pushed_through: int | None = None
        self.audit = audit
        self.verification = verification
        self.gateway = gateway
        self.rules = rules
        self.city = city
        self.batch = batch or BATCH
        self._adaptive = batch is None
        self._pull_size = self.batch
        self.stage = Stage.CHECK
        self.moved = False
        self._own_gateway = own_gateway
        self._cursor = 0
        self._counts = dict.fromkeys(
            (
                "pushed",
                "pushed_again",
                "pulled",
                "applied",
                "refused",
                "already_here",
                "replayed",
                "audit_sent",
                "quarantined",
                "pending",
                "settled",
                "unapplied",
                "set_aside",
            ),
            0,
        )
        self._case_ids: set[str] = set()
        self._audit_problem: str | None = None  # why central refused this desk's audit entries

    @property
    def done(self) -> bool:
        return self.stage is Stage.DONE

    @property
    def pulled(self) -> int:
        return self._counts["pulled"]

    @property
    def pushed_total(self) -> int:
        """Events sent so far, new at central or already there."""
        return self._counts["pushed"] + self._counts["pushed_again"]

    @property
    def report(self) -> SyncReport:
        stamper = self._stamper
        return SyncReport(
            **self._counts,
            cursor=self._cursor,
            stamped=stamper.stamped if stamper else 0,
            stamp_problem=stamper.problem if stamper else None,
            audit_problem=self._audit_problem,
            case_ids=frozenset(self._case_ids),
        )

    def step(self) -> bool:
        """Do the next piece of the round; True while there is more to do. `moved` says
        whether this step exchanged a batch of events."""
        self.moved = False
        if self.stage is Stage.CHECK:
            self.gateway.check_schema()
            # Certificates first: the events pulled next are verified against them.
            exchange_certificates(self.store, self.gateway, datetime.now(UTC))
            if self.verification is not None:
                with self.store.reading() as conn:
                    self._verify_at = build_verifier(conn, self.verification).problem
            self.stage = Stage.VERIFY if self._verify_at is not None else Stage.PUSH
        elif self.stage is Stage.VERIFY:
            self.moved = self._settle()
            if not self.moved:
                self.stage = Stage.PUSH
        elif self.stage is Stage.PUSH:
            stamper = self._stamper
            self.moved = (
                (stamper is not None and stamper.step()) or self._push_batch() or self._push_audit()
            )
            if not self.moved:
                with self.store.reading() as conn:
                    self._cursor = int(get_setting(conn, cursor_name(self.city)) or 0)
                    self._pushed_through = conn.execute(
                        select(func.max(journal.c.local_seq)).where(
                            (journal.c.origin == "local") & journal.c.pushed.is_(True)
                        )
                    ).scalar()
                self.stage = Stage.PULL
        elif self.stage is Stage.PULL:
            self.moved = self._pull_batch()
            if not self.moved:
                self._pulled_to_the_end()
                self.stage = Stage.DONE
        return not self.done

    def close(self) -> None:
        if self._own_gateway:
            self.gateway.dispose()

    def _push_batch(self) -> bool:
        with self.store.reading() as conn:
            rows = conn.execute(
                select(journal, cases.c.city)
                .join(cases, cases.c.case_id == journal.c.case_id, isouter=True)
                .where(UNSENT)
                .order_by(journal.c.local_seq)
                .limit(self.batch)
            ).all()
        if not rows:
            return False
        if self._stamper is not None:
            self._stamper.before_push(rows)
        try:
            fresh = self.gateway.push(
                [(event_from_row(r), r.city or self.city or "") for r in rows]
            )
        except DoorRefused as refused:
            # One event central will never take must not hold back the queue behind it:
            # central stored nothing of the batch, so the rest goes again next step.
            event_id = refused.event_id
            if event_id is None or event_id not in {r.event_id for r in rows}:
                raise
            self._set_aside(event_id, str(refused))
            return True
        self._counts["pushed"] += fresh
        self._counts["pushed_again"] += len(rows) - fresh
        with self.store.transaction() as conn:
            conn.execute(
                update(journal)
                .where(journal.c.local_seq.in_([r.local_seq for r in rows]))
                .values(pushed=True)
            )
        return True

    def _set_aside(self, event_id: str, reason: str) -> None:
        """Keep an event central refused out of later pushes; the quarantine list shows it
        with central's reason (services.quarantine). It stays applied on this desk: it was
        signed and checked here, and only an administrator can tell why central disagrees."""
        with self.store.transaction() as conn:
            conn.execute(
                update(journal)
                .where((journal.c.event_id == event_id) & (journal.c.origin == "local"))
                .values(refusal=CENTRAL_REFUSED + reason)
            )
        self._counts["set_aside"] += 1
        log.warning("Central refused event %s of this desk: %s", event_id, reason)

    def _push_audit(self) -> bool:
        """Send the next batch of this desk's audit entries (Decree 832: central keeps them)."""
        if self.audit is None or self._audit_problem is not None:
            return False
        entries = self.audit.unsent_entries(self.batch)
        if not entries:
            return False
        try:
            sent = self.gateway.push_audit([e.to_record() for e in entries])
        except DoorRefused as refused:
            # Central holds a chain this desk's does not extend (a cut or a rewrite, or a
            # restore from an old backup): an administrator's matter, named in the report
            # and the log. The entries stay unsent; events still go both ways.
            self._audit_problem = str(refused)
            log.warning("Central refused this desk's audit entries: %s", refused)
            return False
        self._counts["audit_sent"] += sent
        self.audit.mark_sent(e.seq for e in entries)
        return True

    def _pulled_to_the_end(self) -> None:
        """Every event pushed before this pull must be back now (sync.gaps.unreturned)."""
        if self._pushed_through is None:
            return
        value = str(self._pushed_through)
        with self.store.reading() as conn:
            if get_setting(conn, RETURNED_THROUGH) == value:
                return  # a no-change sync commits nothing
        with self.store.transaction() as conn:
            put_setting(conn, RETURNED_THROUGH, value)

    def _settle(self) -> bool:
        """One chunk of pending events verified and applied, or of the re-verification of
        events applied before migration 0007; False when there is none left."""
        assert self._verify_at is not None
        with self.store.transaction() as conn:
            applied, refused = settle_pending(conn, self.rules, self._verify_at)
            if applied + refused:
                self._counts["settled"] += applied
                self._counts["refused"] += refused
                return True
            unapplied, more = reverify_pulled(conn, self.rules, self._verify_at)
            self._counts["unapplied"] += unapplied
            return more

    def _pull_batch(self) -> bool:
        """Pull, parse and take one batch. A row that does not parse, or an event this
        desk cannot process, is quarantined with its reason and the pull goes on past it:
        no row central holds can stop a desk's syncs."""
        started = time.perf_counter()
        rows = self.gateway.pull_rows(self._cursor, self.city, self._pull_size)
        if not rows:
            return False
        fetched: list[Pulled] = []
        rejects: list[tuple[CentralRow, str]] = []
        top = self._cursor
        for row in rows:
            try:
                item = pulled(row)
            except MalformedRow as malformed:
                rejects.append((row, str(malformed)))
                seq = row.seq
                if isinstance(seq, int) and not isinstance(seq, bool) and seq > top:
                    top = seq  # quarantined: the cursor goes past it
                continue
            if item.seq <= top:
                rejects.append((row, f"central's order goes back: seq {item.seq} after {top}"))
                continue
            top = item.seq
            fetched.append(item)
        try:
            with self.store.transaction() as conn:
                taken = self._quarantine(conn, rejects) + self._take(conn, fetched, top)
        except Exception as error:  # an event this version cannot process
            if _store_failed(error):
                raise
            taken = self._take_one_by_one(fetched, rejects, top)
        self._count(taken)
        self._counts["pulled"] += len(rows)
        moved = top > self._cursor
        self._cursor = max(self._cursor, top)
        if self._adaptive and len(rows) == self._pull_size:
            elapsed = max(time.perf_counter() - started, 1e-3)
            grown = int(self._pull_size * min(2.0, STEP_TARGET_S / elapsed))
            self._pull_size = max(BATCH, min(MAX_PULL_BATCH, grown))
        return moved  # a central that repeats rows below the cursor ends the pull

    def _count(self, taken: Counter[str]) -> None:
        for name, value in taken.items():
            if name.startswith("case:"):
                self._case_ids.add(name[5:])
            else:
                self._counts[name] += value

    def _quarantine(self, conn: Connection, rejects: list[tuple[CentralRow, str]]) -> Counter[str]:
        if not rejects:
            return Counter()
        return Counter(quarantined=quarantine_rows(conn, rejects, datetime.now(UTC)))

    def _take_one_by_one(
        self, fetched: list[Pulled], rejects: list[tuple[CentralRow, str]], top: int
    ) -> Counter[str]:
        """The batch failed as a whole: take each event in its own transaction, and
        quarantine the one that cannot be processed."""
        with self.store.transaction() as conn:
            taken = self._quarantine(conn, rejects)
        for item in fetched:
            try:
                with self.store.transaction() as conn:
                    taken += self._take(conn, [item], item.seq)
            except Exception as error:
                if _store_failed(error):
                    raise
                reason = f"this desk could not process the event ({type(error).__name__})"
                with self.store.transaction() as conn:
                    taken += self._quarantine(conn, [(_row_of(item), reason)])
        with self.store.transaction() as conn:
            taken += self._take(conn, [], top)
        return taken

    def _take(self, conn: Connection, fetched: list[Pulled], top: int) -> Counter[str]:
        """Journal and apply (or hold) a parsed batch and move the stored cursor to `top`,
        inside the caller's transaction; returns the counts to add to the report once it
        commits."""
        taken: Counter[str] = Counter()
        if top > int(get_setting(conn, cursor_name(self.city)) or 0):
            put_setting(conn, cursor_name(self.city), str(top))
        if not fetched:
            return taken
        batch = [(p.seq, p.event) for p in fetched]
        received = {p.event.event_id: p.received_at for p in fetched}
        verify: Verify | None = None
        verify_at = self._verify_at
        if verify_at is not None:

            def verify(event: Event) -> str | None:
                return verify_at(event, received.get(event.event_id))

        hold = verify is None and not self.trust_unsigned
        new: dict[str, int] = {}  # case id -> lowest central seq of an event new here
        applied: dict[str, bool] = {}  # event id of each new event -> applied or refused
        # record() per event, faster; with a verifier, unverified events are refused
        outcomes = record_pulled(conn, batch, self.rules, verify, received=received, hold=hold)
        for (seq, event), outcome in zip(batch, outcomes, strict=True):
            if outcome.duplicate:
                taken["already_here"] += 1
            elif outcome.refusal == PENDING:
                taken["pending"] += 1
            else:
                new.setdefault(event.case_id, seq)
                applied[event.event_id] = outcome.applied
        replayed = sorted(_out_of_order(conn, new, set(applied), batch[0][0]))
        for case_id in replayed:
            replay_case(conn, case_id, self.rules)
        if replayed:  # the replay decided again what stands
            applied.update(
                (r.event_id, r.outcome == "applied")
                for r in conn.execute(
                    select(journal.c.event_id, journal.c.outcome).where(
                        journal.c.case_id.in_(replayed), journal.c.event_id.in_(list(applied))
                    )
                )
            )
        taken["replayed"] += len(replayed)
        taken["applied"] += sum(applied.values())
        taken["refused"] += len(applied) - sum(applied.values())
        taken.update(f"case:{case_id}" for case_id in new)
        return taken


def _store_failed(error: BaseException) -> bool:
    """Whether `error` is the local store failing (disk full, locked, closed), which no
    event caused: the round stops and nothing is quarantined for it."""
    return isinstance(error, OperationalError | InterfaceError | OSError | MemoryError)


def _row_of(item: Pulled) -> CentralRow:
    """The central row of a parsed event (for the quarantine list)."""
    event = item.event
    return CentralRow(
        seq=item.seq,
        event_id=event.event_id,
        case_id=event.case_id,
        city=None,
        type=str(event.type),
        payload=event.payload_json,
        actor_iin=event.actor_iin,
        actor_fingerprint=event.actor_fingerprint,
        workstation_id=event.workstation_id,
        recorded_at=format_instant(event.recorded_at),
        signature=event.signature,
        received_at=None if item.received_at is None else format_instant(item.received_at),
        ws_seq=event.workstation_seq,
    )


def _out_of_order(
    conn: Connection, new: dict[str, int], new_ids: set[str], lowest: int
) -> set[str]:
    """Cases whose projection applied an event before one that central orders earlier.

    A newly pulled event with central seq s is out of order when its case already had an
    event applied that central puts after s (a later seq pulled back as a duplicate in this
    batch) or that central has not ordered yet (this desk's own, unsent or not pulled back:
    those count as last).
    """
    if not new:
        return set()
    rows = conn.execute(
        select(journal.c.case_id, journal.c.event_id, journal.c.central_seq).where(
            journal.c.case_id.in_(list(new)),
            or_(journal.c.central_seq.is_(None), journal.c.central_seq >= lowest),
        )
    ).all()
    return {
        r.case_id
        for r in rows
        if r.event_id not in new_ids and (r.central_seq is None or r.central_seq > new[r.case_id])
    }


def sync_once(
    store: LocalStore,
    gateway: CentralGateway,
    rules: ProgrammeRules,
    *,
    city: str | None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    batch: int | None = None,
    verification: Verification | None = None,
    audit: AuditOutbox | None = None,
    trust_unsigned: bool = False,
    tsa: TsaClient | None = None,
) -> SyncReport:
    """A whole round (see SyncRound; `batch` fixes the batch size, None adapts it)."""
    round_ = SyncRound(
        store,
        gateway,
        rules,
        city=city,
        batch=batch,
        verification=verification,
        audit=audit,
        trust_unsigned=trust_unsigned,
        tsa=tsa,
    )
    return run_round(round_, progress=progress, cancel=cancel)


def run_round(
    round_: SyncRound,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> SyncReport:
    """Step `round_` to its end. `progress(stage, done)` after every batch exchanged; a set
    `cancel` stops the round between batches with SyncCancelled."""
    while True:
        stage = round_.stage
        more = round_.step()
        if progress is not None and round_.moved:
            progress(stage.value, round_.pulled if stage is Stage.PULL else round_.pushed_total)
        if not more:
            return round_.report
        _check(cancel)


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise SyncCancelled("Sync cancelled; what was already exchanged is kept.")
