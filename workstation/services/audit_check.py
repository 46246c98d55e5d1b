"""Checks of the stored audit trail beyond the chain itself: the signed head, the marks the
desk left where it found the head rewritten, moved rows, and central's copy."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from workstation.security.audit import (
    AuditAction,
    AuditEntry,
    AuditHead,
    ChainBreak,
    ChainReport,
    head_problem,
)
from workstation.security.eds import TrustStore
from workstation.store.models import audit_log


def check_head(
    last: AuditEntry | None,
    head_text: str | None,
    conn: Connection,
    trust: TrustStore,
    at: datetime,
) -> ChainReport | None:
    """Entries cut off the end leave an intact chain; the signed head still names them.

    `last` is the newest entry of a chain already verified up to it. None: the head holds.
    """
    last_seq = last.seq if last is not None else 0
    if head_text is None:
        if last is None:
            return None
        return ChainReport(
            last_seq, last_seq, last_seq, ChainBreak.CHANGED,
            "The audit head record is missing: it was deleted.",
        )  # fmt: skip
    try:
        head = AuditHead.from_text(head_text)
    except ValueError:
        return ChainReport(
            last_seq, last_seq, last_seq, ChainBreak.CHANGED, "The audit head record is damaged."
        )
    problem = head_problem(head, trust, at)
    if problem is not None:
        return ChainReport(last_seq, head.seq, last_seq, ChainBreak.CHANGED, problem)
    if head.seq > last_seq:
        missing = f"{head.seq}" if head.seq == last_seq + 1 else f"{last_seq + 1}-{head.seq}"
        return ChainReport(
            last_seq,
            last_seq + 1,
            last_seq,
            ChainBreak.DELETED,
            f"Audit entries {missing} are missing after entry {last_seq}: the newest "
            "entries were deleted.",
        )
    stored = conn.execute(
        select(audit_log.c.entry_hash).where(audit_log.c.seq == head.seq)
    ).scalar_one_or_none()
    if stored == head.entry_hash:
        return None  # later entries were appended while this check ran, or it is the last
    return ChainReport(
        last_seq,
        head.seq,
        max(head.seq - 1, 0),
        ChainBreak.LINK_BROKEN,
        f"Entry {head.seq} is not the entry the desk wrote as number {head.seq}: the "
        "entries from there on were replaced.",
    )


def head_to_follow(
    newest: AuditEntry | None, head_text: str | None, trust: TrustStore | None, at: datetime
) -> tuple[AuditHead | None, Mapping[str, Any] | None]:
    """At an append: (the signed head to continue after, if it names a later entry than the
    newest row; what to record if the head is not the one the desk signed for the newest
    entry, else None)."""
    if newest is None and head_text is None:
        return None, None
    try:
        head = AuditHead.from_text(head_text) if head_text is not None else None
    except ValueError:
        head = None
    if head is None:
        return None, {"newest": newest.seq if newest else 0, "head": "missing or damaged"}
    problem = head_problem(head, trust, at) if trust is not None else "no desk CA"
    if problem is not None:
        return None, {"newest": newest.seq if newest else 0, "head": problem[:200]}
    if newest is None or head.seq > newest.seq:
        return head, None  # entries cut: the next number follows the head, leaving a hole
    if head.seq == newest.seq and head.entry_hash == newest.entry_hash:
        return None, None
    return None, {"newest": newest.seq, "head_seq": head.seq, "head": "names another entry"}


def rewritten_head_mark(entries: Sequence[AuditEntry]) -> ChainReport | None:
    """The first entry where the desk recorded that it found the head rewritten."""
    for index, entry in enumerate(entries):
        if entry.action is AuditAction.HEAD_REWRITTEN:
            return ChainReport(
                index,
                entry.seq,
                index,
                ChainBreak.LINK_BROKEN,
                f"When entry {entry.seq} was written, the audit head was not the one the desk "
                "had signed: entries before it were cut or the head was rewritten.",
            )
    return None


def recover_order(entries: list[AuditEntry], all_seqs: Sequence[int]) -> list[AuditEntry]:
    """Give a moved entry back its own number, so a swap is reported as a reordering.

    The stored `seq` column is where a row stands; the hash covers the number it was written
    with. For a row whose hash does not fit its place, look for the number that makes it
    fit: if one does, the row is intact but was moved. Rows after the first one that fits
    nowhere are left out (verify_chain stops there), and so are rows after a few moved ones,
    which is enough to tell a reordering from a deletion.
    """
    recovered: list[AuditEntry] = []
    moved_rows = 0
    for entry in entries:
        if entry.computed_hash() == entry.entry_hash:
            recovered.append(entry)
            continue
        own = _own_number(entry, all_seqs)
        if own is None:
            recovered.append(entry)  # changed: verify_chain reports it here at the latest
            break
        recovered.append(own)
        moved_rows += 1
        if moved_rows >= 8:
            break
    return recovered


def _own_number(entry: AuditEntry, all_seqs: Sequence[int]) -> AuditEntry | None:
    nearest_first = sorted(all_seqs, key=lambda s: abs(s - entry.seq))
    for candidate in (*nearest_first, all_seqs[-1] + 1):
        if candidate == entry.seq:
            continue
        moved = replace(entry, seq=candidate)
        if moved.computed_hash() == entry.entry_hash:
            return moved
    return None
