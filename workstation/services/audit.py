"""The desk's audit trail (Decree 832): who logged in, looked at prints, printed, exported.

Entries are appended to the `audit_log` table, each hash-chained to the one before it and
signed by the desk key (workstation.security.audit, workstation.security.deskkey). An entry
is written in the caller's transaction when one is given (so the audited change and its
entry commit together) or in its own.

Retention: the application never deletes or edits an entry (only the `pushed` flag, which
is outside the hash, changes once central has a copy). Entries are kept at least 3 years,
as the decree asks; removing older ones is a decision for the data controller, made with
the central copy, never something this desk does.

Central sync takes `unsent_entries()` and confirms with `mark_sent()`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any, Protocol

from cryptography import x509
from sqlalchemy import Connection, func, insert, select, text, update

from workstation.domain.actions import Action
from workstation.domain.clock import Clock
from workstation.journal.envelope import Actor, parse_instant
from workstation.security.audit import (
    AuditAction,
    AuditEntry,
    ChainBreak,
    ChainReport,
    append,
    sign_head,
    verify_chain,
)
from workstation.security.canonical import canonical_datetime, canonical_json
from workstation.security.deskkey import DeskKey, make_desk_key, trust_from_pem
from workstation.security.eds import TrustStore, fingerprint_sha256
from workstation.services.access import require_actor
from workstation.services.audit_check import (
    check_head,
    head_to_follow,
    recover_order,
    rewritten_head_mark,
)
from workstation.services.audit_key import (
    DeskKeyUnavailable,
    desk_key_secret,
    is_sealed,
    seal,
    unseal,
)
from workstation.store.local import LocalStore, get_setting, put_setting
from workstation.store.models import audit_log

__all__ = [
    "AuditAction",
    "AuditLog",
    "AuditVerification",
    "Auditable",
]

KEY_SETTING = "audit.desk_key"
CERT_SETTING = "audit.desk_cert"
CA_SETTING = "audit.desk_ca"  # PEM of every desk CA this desk has had (trust anchors)
# "<seq>:<entry hash>:<desk signature>" of the newest entry, to catch a cut tail
HEAD_SETTING = "audit.head"
_BATCH = 2000
_UNREADABLE_TIME = datetime(1970, 1, 1, tzinfo=UTC)


class Auditable(Protocol):
    """Anything shaped like an audit record: services.login.LoginEvent is one."""

    @property
    def action(self) -> AuditAction: ...
    @property
    def at(self) -> datetime: ...
    @property
    def actor_iin(self) -> str | None: ...
    @property
    def actor_fingerprint(self) -> str | None: ...
    @property
    def subject(self) -> str: ...
    @property
    def details(self) -> Mapping[str, Any]: ...


class PrintsViewedRecord(Protocol):
    """What services.fingerprints.PrintsViewed carries (structural, to keep layers apart)."""

    @property
    def case_id(self) -> str: ...
    @property
    def event_id(self) -> str: ...
    @property
    def positions(self) -> Sequence[Any]: ...
    @property
    def viewed_at(self) -> datetime: ...


@dataclass(frozen=True)
class AuditVerification:
    """The result of `AuditLog.verify`: the chain report plus what it was checked against."""

    report: ChainReport
    entries: int
    desk_ca_fingerprints: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return self.report.ok

    def summary(self) -> str:
        if self.ok:
            if self.entries == 0:
                return "The audit trail is empty."
            return f"The audit trail is intact: {self.entries} entries, chain and signatures good."
        return (
            f"The audit trail is BROKEN at entry {self.report.broken_at_seq} "
            f"({self.report.kind.value if self.report.kind else '?'}): {self.report.message}"
        )


class AuditLog:
    """Appends, lists and checks this desk's audit entries. Safe to share between threads
    and processes: SQLite's write lock orders the appends."""

    def __init__(self, store: LocalStore, *, workstation_id: str, clock: Clock) -> None:
        self.store = store
        self.workstation_id = workstation_id
        self.clock = clock
        self._desk_key: DeskKey | None = None  # only once it is committed to the store

    # ---- recording ---------------------------------------------------------------------------

    def record(
        self,
        action: AuditAction,
        actor: Actor | None = None,
        subject: str = "",
        details: Mapping[str, Any] | None = None,
        *,
        conn: Connection | None = None,
        at: datetime | None = None,
    ) -> AuditEntry:
        """Append one entry. `subject` is a case id, event id or key id: never personal data.

        With `conn` the entry joins that transaction (and is gone if it rolls back).
        """
        return self.record_raw(
            action,
            actor_iin=(actor.iin or None) if actor else None,
            actor_fingerprint=(actor.cert_fingerprint or None) if actor else None,
            subject=subject,
            details=details,
            conn=conn,
            at=at,
        )

    def record_raw(
        self,
        action: AuditAction,
        *,
        actor_iin: str | None,
        actor_fingerprint: str | None,
        subject: str = "",
        details: Mapping[str, Any] | None = None,
        conn: Connection | None = None,
        at: datetime | None = None,
    ) -> AuditEntry:
        """record() for callers that know the actor only by IIN and certificate fingerprint."""
        # Through canonical JSON and back, so the stored details re-hash to the same bytes.
        plain_details = json.loads(canonical_json(dict(details or {})))
        if conn is None:
            with self.store.transaction() as own:
                return self._append(
                    own, action, actor_iin, actor_fingerprint, subject, plain_details, at
                )
        return self._append(conn, action, actor_iin, actor_fingerprint, subject, plain_details, at)

    def record_event(self, event: Auditable, *, conn: Connection | None = None) -> AuditEntry:
        """Record a ready-made record, e.g. services.login.LoginEvent (the LoginAudit hook)."""
        return self.record_raw(
            event.action,
            actor_iin=event.actor_iin,
            actor_fingerprint=event.actor_fingerprint,
            subject=event.subject,
            details=event.details,
            conn=conn,
            at=event.at,
        )

    # The actions the decree names, for callers that prefer a verb to an enum.

    def prints_viewed_hook(self, actor: Actor) -> Callable[[PrintsViewedRecord], None]:
        """The `viewed_prints` callback of FingerprintDesk for `actor`."""

        def hook(viewed: PrintsViewedRecord) -> None:
            self.record(
                AuditAction.VIEW_FINGERPRINTS,
                actor,
                viewed.case_id,
                {
                    "event_id": viewed.event_id,
                    "positions": [getattr(p, "value", str(p)) for p in viewed.positions],
                },
                at=viewed.viewed_at,
            )

        return hook

    def printed(
        self,
        actor: Actor,
        case_id: str,
        document: str,
        *,
        copies: int = 1,
        details: Mapping[str, Any] | None = None,
        conn: Connection | None = None,
    ) -> AuditEntry:
        """A document about `case_id` went to a printer (`document`: its kind, e.g. 'receipt')."""
        return self.record(
            AuditAction.PRINT,
            actor,
            case_id,
            {"document": document, "copies": copies, **(details or {})},
            conn=conn,
        )

    def exported(
        self,
        actor: Actor | None,
        what: str,
        subject: str = "",
        *,
        count: int | None = None,
        details: Mapping[str, Any] | None = None,
        conn: Connection | None = None,
    ) -> AuditEntry:
        """Data left the desk as a file (`what`: e.g. 'event', 'report', 'audit')."""
        extra: dict[str, Any] = {"what": what, **(details or {})}
        if count is not None:
            extra["count"] = count
        return self.record(AuditAction.EXPORT, actor, subject, extra, conn=conn)

    def role_changed(
        self,
        actor: Actor,
        staff_iin: str,
        old_role: str | None,
        new_role: str | None,
        *,
        conn: Connection | None = None,
    ) -> AuditEntry:
        """An administrator (or sync) changed the role of the staff member `staff_iin`."""
        return self.record(
            AuditAction.ROLE_CHANGE,
            actor,
            f"staff:{staff_iin}",
            {"from": old_role, "to": new_role},
            conn=conn,
        )

    # ---- reading -----------------------------------------------------------------------------

    def entries(
        self, *, after_seq: int = 0, limit: int | None = None, actor: Actor | None = None
    ) -> list[AuditEntry]:
        """Entries in chain order, from `after_seq` + 1. A screen passes its `actor`, who
        must be allowed to view the audit log; the command line (the desk's OS account
        holding the database key) does not."""
        if actor is not None:
            require_actor(actor, Action.VIEW_AUDIT)
        with self.store.reading() as conn:
            query = select(audit_log).where(audit_log.c.seq > after_seq).order_by(audit_log.c.seq)
            if limit is not None:
                query = query.limit(limit)
            return [_entry(row._mapping) for row in conn.execute(query)]

    def newest(self, limit: int, *, actor: Actor | None = None) -> list[AuditEntry]:
        """The newest `limit` entries, oldest of them first (`actor`: as for entries)."""
        if actor is not None:
            require_actor(actor, Action.VIEW_AUDIT)
        with self.store.reading() as conn:
            rows = conn.execute(
                select(audit_log).order_by(audit_log.c.seq.desc()).limit(limit)
            ).all()
        return [_entry(row._mapping) for row in reversed(rows)]

    def count(self) -> int:
        with self.store.reading() as conn:
            return int(conn.execute(select(func.count()).select_from(audit_log)).scalar_one())

    def unsent_entries(self, limit: int = 500) -> list[AuditEntry]:
        """The oldest entries central does not have yet, in chain order."""
        with self.store.reading() as conn:
            rows = conn.execute(
                select(audit_log)
                .where(audit_log.c.pushed.is_(False))
                .order_by(audit_log.c.seq)
                .limit(limit)
            )
            return [_entry(row._mapping) for row in rows]

    def mark_sent(self, seqs: Iterable[int], *, conn: Connection | None = None) -> int:
        """Central confirmed these entries; returns how many were newly marked."""
        wanted = sorted(set(seqs))
        if not wanted:
            return 0
        if conn is None:
            with self.store.transaction() as own:
                return self.mark_sent(wanted, conn=own)
        marked = 0
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            result = conn.execute(
                update(audit_log)
                .where(audit_log.c.seq.in_(chunk), audit_log.c.pushed.is_(False))
                .values(pushed=True)
            )
            marked += result.rowcount
        return marked

    # ---- checking ----------------------------------------------------------------------------

    def desk_key(self) -> DeskKey:
        """The desk's audit signing key, made (and its making recorded) at first use."""
        if self._desk_key is None:
            with self.store.transaction() as conn:
                key = self._key_in(conn)
            self._desk_key = key  # committed now
        return self._desk_key

    def trust(self, extra: Sequence[x509.Certificate] = ()) -> TrustStore | None:
        """The desk CA certificates kept in the store (plus `extra` anchors), or None."""
        with self.store.reading() as conn:
            pem = get_setting(conn, CA_SETTING)
        if pem is None and not extra:
            return None
        anchors = list(trust_from_pem([pem]).anchors) if pem else []
        return TrustStore.from_certs([*anchors, *extra])

    def verify(
        self, *, trust: TrustStore | None = None, actor: Actor | None = None
    ) -> AuditVerification:
        """Check every entry's hash, link and signature; name the first broken link.

        `trust` replaces the desk CA certificates kept in the store: an auditor passes the
        desk CA certificate held by central, so a rewritten store cannot vouch for itself.
        """
        if actor is not None:
            require_actor(actor, Action.VIEW_AUDIT)
        trust = trust or self.trust()
        with self.store.reading() as conn:
            # The head first: entries the running desk appends meanwhile come after it.
            head = get_setting(conn, HEAD_SETTING)
            all_seqs = [int(s) for s in conn.scalars(select(audit_log.c.seq).order_by("seq"))]
            fingerprints = _fingerprints(trust)
            now = self.clock.now()
            if not all_seqs:
                if head is None:
                    return AuditVerification(ChainReport(0), 0, fingerprints)
                if trust is None:
                    report = ChainReport(
                        0, 1, 0, ChainBreak.DELETED, "The audit entries are missing: deleted."
                    )
                    return AuditVerification(report, 0, fingerprints)
                report = check_head(None, head, conn, trust, now) or ChainReport(0)
                return AuditVerification(report, 0, fingerprints)
            if trust is None:
                report = ChainReport(
                    0,
                    1,
                    0,
                    ChainBreak.BAD_SIGNATURE,
                    "The desk CA certificate is missing from the store; entries cannot be "
                    "checked. Pass the certificate central holds for this desk (--trust).",
                )
                return AuditVerification(report, len(all_seqs), fingerprints)
            checked = 0
            last: AuditEntry | None = None
            after_seq = 0
            while True:
                rows = conn.execute(
                    select(audit_log)
                    .where(audit_log.c.seq > after_seq, audit_log.c.seq <= all_seqs[-1])
                    .order_by(audit_log.c.seq)
                    .limit(_BATCH)
                ).all()
                if not rows:
                    break
                batch = recover_order([_entry(r._mapping) for r in rows], all_seqs)
                report = verify_chain(batch, trust, after=last)
                if report.ok:
                    report = rewritten_head_mark(batch) or report
                if not report.ok:
                    index = checked + (report.broken_at_index or 0)
                    return AuditVerification(
                        replace(report, checked=index, broken_at_index=index),
                        len(all_seqs),
                        fingerprints,
                    )
                checked += report.checked
                last = batch[-1]
                after_seq = int(rows[-1].seq)
            report = check_head(last, head, conn, trust, now) or ChainReport(checked)
            return AuditVerification(report, len(all_seqs), fingerprints)

    # ---- internals ---------------------------------------------------------------------------

    def _append(
        self,
        conn: Connection,
        action: AuditAction,
        actor_iin: str | None,
        actor_fingerprint: str | None,
        subject: str,
        details: Mapping[str, Any],
        at: datetime | None,
    ) -> AuditEntry:
        _take_write_lock(conn)
        key = self._key_in(conn)
        when = at or self.clock.now()
        return self._insert(conn, key, action, actor_iin, actor_fingerprint, subject, details, when)

    def _insert(
        self,
        conn: Connection,
        key: DeskKey,
        action: AuditAction,
        actor_iin: str | None,
        actor_fingerprint: str | None,
        subject: str,
        details: Mapping[str, Any],
        at: datetime,
        *,
        check_head_at_append: bool = True,
    ) -> AuditEntry:
        row = conn.execute(select(audit_log).order_by(audit_log.c.seq.desc()).limit(1)).first()
        previous = _entry(row._mapping) if row is not None else None
        after = None
        if check_head_at_append:
            after, mismatch = head_to_follow(
                previous, get_setting(conn, HEAD_SETTING), key.trust(), self.clock.now()
            )
            if mismatch is not None:
                # Entries were cut or the head rewritten by someone without the desk key:
                # say so in the chain itself, so the next signed head cannot hide it.
                self._insert(
                    conn, key, AuditAction.HEAD_REWRITTEN, None, None, "", mismatch, at,
                    check_head_at_append=False,
                )  # fmt: skip
                return self._insert(
                    conn, key, action, actor_iin, actor_fingerprint, subject, details, at,
                    check_head_at_append=False,
                )  # fmt: skip
        entry = append(
            previous,
            at=at,
            actor_iin=actor_iin,
            actor_fingerprint=actor_fingerprint,
            workstation_id=self.workstation_id,
            action=action,
            subject=subject,
            details=details,
            desk_key=key.private_key,
            desk_cert=key.certificate,
            desk_chain=(),  # the desk CA is the trust anchor; keeps each entry small
            after=after,
        )
        conn.execute(insert(audit_log).values(**_row(entry)))
        head = sign_head(entry, key.private_key, key.certificate)
        put_setting(conn, HEAD_SETTING, head.to_text())
        return entry

    def _key_in(self, conn: Connection) -> DeskKey:
        if self._desk_key is not None:
            return self._desk_key
        _take_write_lock(conn)  # two first uses must not both make a key
        stored = get_setting(conn, KEY_SETTING)
        cert_pem = get_setting(conn, CERT_SETTING)
        ca_pem = get_setting(conn, CA_SETTING)
        details: dict[str, Any] = {}
        if stored is not None and cert_pem is not None and ca_pem is not None:
            try:
                return self._stored_key(conn, stored, cert_pem, ca_pem)
            except DeskKeyUnavailable as error:
                # The desk key secret is gone (another OS user, a cleared credential store):
                # a new desk key, and the chain says why.
                details = {"previous_key": str(error)}
        made = make_desk_key(self.workstation_id, self.clock.now())
        new_key, new_cert, new_ca = made.to_pem()
        secret = desk_key_secret(self.store, create=True)
        put_setting(conn, KEY_SETTING, seal(new_key, secret) if secret else new_key)
        put_setting(conn, CERT_SETTING, new_cert)
        put_setting(conn, CA_SETTING, (ca_pem or "") + new_ca)
        self._insert(
            conn,
            made,
            AuditAction.DESK_KEY_CREATED,
            None,
            None,
            "",
            {"certificate": made.fingerprint, "desk_ca": made.ca_fingerprint, **details},
            self.clock.now(),
            check_head_at_append=not details,  # the old head is the old key's to sign
        )
        # Not kept in memory yet: the caller's transaction may still roll back. The next
        # use reads it back from the store once it is committed.
        return made

    def _stored_key(self, conn: Connection, stored: str, cert_pem: str, ca_pem: str) -> DeskKey:
        if is_sealed(stored):
            key = DeskKey.from_pem(
                unseal(stored, desk_key_secret(self.store, create=False)), cert_pem, ca_pem
            )
            self._desk_key = key
            return key
        key = DeskKey.from_pem(stored, cert_pem, ca_pem)
        # A desk key of before sealing, or of a store without a desk account: seal it now,
        # and sign the head of before signed heads, once (a sealed key never comes here).
        secret = desk_key_secret(self.store, create=True)
        if secret is not None:
            put_setting(conn, KEY_SETTING, seal(stored, secret))
        row = conn.execute(select(audit_log).order_by(audit_log.c.seq.desc()).limit(1)).first()
        head = get_setting(conn, HEAD_SETTING)
        if row is not None and head == f"{row.seq}:{row.entry_hash}":
            signed = sign_head(_entry(row._mapping), key.private_key, key.certificate)
            put_setting(conn, HEAD_SETTING, signed.to_text())
        self._desk_key = key
        return key


def _take_write_lock(conn: Connection) -> None:
    # The first statement of a unit must be a write: SQLite then takes the write lock before
    # the newest entry is read, so two writers can never both append after the same entry.
    conn.execute(text("UPDATE audit_log SET pushed = pushed WHERE seq = -1"))


def _row(entry: AuditEntry) -> dict[str, Any]:
    return {
        "seq": entry.seq,
        "at": canonical_datetime(entry.at),
        "actor_iin": entry.actor_iin,
        "actor_fingerprint": entry.actor_fingerprint,
        "workstation_id": entry.workstation_id,
        "action": entry.action.value,
        "subject": entry.subject,
        "details": canonical_json(dict(entry.details)).decode("utf-8"),
        "prev_hash": entry.prev_hash,
        "entry_hash": entry.entry_hash,
        "signature": entry.signature,
        "pushed": False,
    }


def _entry(row: Mapping[Any, Any]) -> AuditEntry:
    """The entry a row holds. A damaged row still gives an entry, which then fails its hash."""
    try:
        details = json.loads(row["details"])
    except (TypeError, ValueError):
        details = {"unreadable": str(row["details"])}
    try:
        action = AuditAction(row["action"])
    except ValueError:
        action = AuditAction.UNKNOWN
    try:
        at = parse_instant(str(row["at"]))
    except ValueError:
        at = _UNREADABLE_TIME
    return AuditEntry(
        seq=int(row["seq"]),
        at=at,
        actor_iin=row["actor_iin"],
        actor_fingerprint=row["actor_fingerprint"],
        workstation_id=str(row["workstation_id"]),
        action=action,
        subject=str(row["subject"]),
        details=MappingProxyType(details if isinstance(details, dict) else {"value": details}),
        prev_hash=str(row["prev_hash"]),
        entry_hash=str(row["entry_hash"]),
        signature=bytes(row["signature"] or b""),
    )


def _fingerprints(trust: TrustStore | None) -> tuple[str, ...]:
    if trust is None:
        return ()
    return tuple(fingerprint_sha256(c) for c in trust.anchors)
