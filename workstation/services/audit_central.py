"""`audit verify` against central's copy: what the desk alone cannot prove.

A holder of the desk key (the desk's OS account: database key and desk key secret) can cut
entries and sign a shorter head, or rewrite entries and sign them again. Central keeps every
entry the desk pushed and refuses a push that does not extend the chain it holds, so its copy
names what was cut or rewritten after it was sent. Central's rows are read as hostile input:
a record that does not parse is counted, never a crash.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from workstation.security.audit import ChainBreak, ChainReport
from workstation.security.eds import TrustStore, fingerprint_sha256
from workstation.store.local import LocalStore
from workstation.store.models import audit_log


@dataclass(frozen=True)
class CentralComparison:
    """The desk's trail compared with central's copy of it."""

    central_entries: int
    unreadable: int
    report: ChainReport  # ok when every entry central holds is on the desk, unchanged
    desk_cas: tuple[str, ...]  # desk CA fingerprints central's desk_key_created entries name

    @property
    def ok(self) -> bool:
        return self.report.ok

    def summary(self) -> str:
        if self.ok:
            return (
                f"Central's copy agrees: its {self.central_entries} entries are on this desk, "
                "unchanged."
            )
        return (
            f"The audit trail is BROKEN at entry {self.report.broken_at_seq} "
            f"({self.report.kind.value if self.report.kind else '?'}), by central's copy: "
            f"{self.report.message}"
        )


def compare_with_central(store: LocalStore, records: Sequence[Any]) -> CentralComparison:
    """Every entry central holds must be on the desk with the same hash."""
    central: dict[int, str] = {}
    desk_cas: list[str] = []
    unreadable = 0
    for record in records:
        parsed = _parsed(record)
        if parsed is None:
            unreadable += 1
            continue
        seq, entry_hash, ca = parsed
        central.setdefault(seq, entry_hash)
        if ca and ca not in desk_cas:
            desk_cas.append(ca)
    with store.reading() as conn:
        local = {
            int(row.seq): str(row.entry_hash)
            for row in conn.execute(select(audit_log.c.seq, audit_log.c.entry_hash))
        }
    newest_local = max(local, default=0)
    report = ChainReport(len(central))
    for index, seq in enumerate(sorted(central)):
        if seq not in local:
            later = [s for s in central if s > newest_local]
            if seq > newest_local:
                span = f"{seq}" if len(later) == 1 else f"{seq}-{max(later)}"
                message = (
                    f"Audit entries {span} are at central but not on this desk: the newest "
                    f"entries were cut after entry {newest_local}."
                )
            else:
                message = f"Audit entry {seq} is at central but not on this desk: deleted."
            report = ChainReport(index, seq, index, ChainBreak.DELETED, message)
            break
        if local[seq] != central[seq]:
            report = ChainReport(
                index,
                seq,
                index,
                ChainBreak.CHANGED,
                f"Entry {seq} is not the entry central received as number {seq}: it was "
                "rewritten after it was sent.",
            )
            break
    return CentralComparison(len(central), unreadable, report, tuple(desk_cas))


def pinned_trust(local: TrustStore | None, desk_cas: Sequence[str]) -> TrustStore | None:
    """The store's desk CAs that central's copy names (its desk_key_created entries): a CA
    added to the store later, by someone rebuilding it, is not among them. None if none is."""
    if local is None or not desk_cas:
        return local
    kept = [c for c in local.anchors if fingerprint_sha256(c) in desk_cas]
    return TrustStore.from_certs(kept) if kept else None


def _parsed(record: Any) -> tuple[int, str, str | None] | None:
    if not isinstance(record, Mapping):
        return None
    seq, entry_hash = record.get("seq"), record.get("entry_hash")
    if isinstance(seq, bool) or not isinstance(seq, int) or seq < 1:
        return None
    if not isinstance(entry_hash, str) or len(entry_hash) != 64:
        return None
    ca = None
    details = record.get("details")
    if record.get("action") == "desk_key_created" and isinstance(details, Mapping):
        value = details.get("desk_ca")
        ca = value if isinstance(value, str) else None
    return seq, entry_hash, ca
