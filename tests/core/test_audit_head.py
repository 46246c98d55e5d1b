"""An audit trail the database key alone cannot cut (issue 15, point 6): the head is signed by
the desk key, the desk key is sealed with a secret outside the store, and a cut found at an
append is written into the chain itself."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from workstation.domain.clock import FixedClock
from workstation.journal.envelope import Actor
from workstation.security import dbkey
from workstation.security.audit import AuditAction, AuditHead, ChainBreak
from workstation.services.audit import CERT_SETTING, HEAD_SETTING, KEY_SETTING, AuditLog
from workstation.services.audit_key import SEALED
from workstation.store.local import LocalStore, get_setting, put_setting

CLERK = Actor("850304400015", "ASANOVA AIGERIM", "clerk", "ab" * 32)
WORKSTATION = "WS-HEAD-1"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    opened = LocalStore.open(tmp_path / "desk", create=True)
    yield opened
    opened.close()


@pytest.fixture
def audit(store: LocalStore, fixed_clock: FixedClock) -> AuditLog:
    log = AuditLog(store, workstation_id=WORKSTATION, clock=fixed_clock)
    for n in range(6):
        fixed_clock.advance(timedelta(minutes=1))
        log.record(AuditAction.PRINT, CLERK, f"DNR-AST-26-000000{n}", {"copies": 1})
    return log  # entries 1 (desk_key_created) to 7


def setting(store: LocalStore, name: str) -> str | None:
    with store.reading() as conn:
        return get_setting(conn, name)


def cut_after(store: LocalStore, seq: int, head: str | None = None) -> None:
    """What a holder of the database key can do: delete rows, write any setting."""
    with store.transaction() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE seq > :s"), {"s": seq})
        if head is not None:
            put_setting(conn, HEAD_SETTING, head)


def hash_of(store: LocalStore, seq: int) -> str:
    with store.reading() as conn:
        return str(
            conn.execute(
                text("SELECT entry_hash FROM audit_log WHERE seq = :s"), {"s": seq}
            ).scalar_one()
        )


def test_every_append_signs_the_head(store: LocalStore, audit: AuditLog) -> None:
    head = AuditHead.from_text(setting(store, HEAD_SETTING) or "")
    assert head.seq == 7 and head.entry_hash == hash_of(store, 7) and head.signature
    assert audit.verify().ok


def test_cutting_entries_and_writing_an_unsigned_head_is_named(
    store: LocalStore, audit: AuditLog
) -> None:
    cut_after(store, 5, head=f"5:{hash_of(store, 5)}")
    result = audit.verify()
    assert not result.ok and result.report.kind is ChainBreak.CHANGED
    assert "not signed" in result.report.message


def test_a_head_signed_by_another_key_is_named(
    store: LocalStore, audit: AuditLog, fixed_clock: FixedClock
) -> None:
    from workstation.security.audit import sign_head
    from workstation.security.deskkey import make_desk_key

    stranger = make_desk_key("WS-ATTACKER", fixed_clock.now())
    fifth = audit.entries()[4]
    cut_after(store, 5, head=sign_head(fifth, stranger.private_key, stranger.certificate).to_text())
    result = audit.verify()
    assert not result.ok and "does not verify" in result.report.message


def test_cutting_entries_under_the_signed_head_is_named(store: LocalStore, audit: AuditLog) -> None:
    cut_after(store, 5)
    result = audit.verify()
    assert result.report.kind is ChainBreak.DELETED and result.report.broken_at_seq == 6


def test_the_next_append_cannot_launder_a_cut_under_the_signed_head(
    store: LocalStore, audit: AuditLog, fixed_clock: FixedClock
) -> None:
    cut_after(store, 5)
    restarted = AuditLog(store, workstation_id=WORKSTATION, clock=fixed_clock)
    entry = restarted.record(AuditAction.LOGIN, CLERK)
    assert entry.seq == 8  # it follows the signed head: the hole 6-7 stays in the chain
    result = restarted.verify()
    assert result.report.kind is ChainBreak.DELETED and result.report.broken_at_seq == 6
    assert "6-7" in result.report.message


def test_the_next_append_cannot_launder_a_cut_with_a_rewritten_head(
    store: LocalStore, audit: AuditLog, fixed_clock: FixedClock
) -> None:
    cut_after(store, 5, head=f"5:{hash_of(store, 5)}")
    restarted = AuditLog(store, workstation_id=WORKSTATION, clock=fixed_clock)
    restarted.record(AuditAction.LOGIN, CLERK)
    actions = [e.action for e in restarted.entries()]
    assert actions[5:] == [AuditAction.HEAD_REWRITTEN, AuditAction.LOGIN]
    result = restarted.verify()  # the head is signed again, but the mark stays
    assert result.report.kind is ChainBreak.LINK_BROKEN and result.report.broken_at_seq == 6
    assert "head was rewritten" in result.report.message


def test_the_desk_key_is_sealed_outside_what_the_database_key_opens(
    store: LocalStore, audit: AuditLog
) -> None:
    stored = setting(store, KEY_SETTING) or ""
    assert stored.startswith(SEALED) and "PRIVATE KEY" not in stored
    with store.reading() as conn:
        texts = [str(v) for v in conn.execute(text("SELECT value FROM desk_settings")).scalars()]
    assert not any("PRIVATE KEY" in t for t in texts)


def test_a_desk_key_of_before_sealing_is_sealed_and_its_head_signed_once(
    store: LocalStore, audit: AuditLog, fixed_clock: FixedClock
) -> None:
    key = audit.desk_key()
    pem, _cert, _ca = key.to_pem()
    with store.transaction() as conn:  # the store as an older version left it
        put_setting(conn, KEY_SETTING, pem)
        put_setting(conn, HEAD_SETTING, f"7:{hash_of(store, 7)}")
    upgraded = AuditLog(store, workstation_id=WORKSTATION, clock=fixed_clock)
    upgraded.record(AuditAction.LOGIN, CLERK)
    assert (setting(store, KEY_SETTING) or "").startswith(SEALED)
    assert [e.action for e in upgraded.entries()][-1] is AuditAction.LOGIN
    assert upgraded.verify().ok


def test_a_lost_desk_key_secret_makes_a_new_desk_key_and_says_so(
    store: LocalStore, audit: AuditLog, fixed_clock: FixedClock
) -> None:
    account = (store.path.parent / dbkey.STORE_ID_FILE).read_text().strip()  # type: ignore[union-attr]
    dbkey.fallback_key_path(dbkey.SERVICE, f"audit-{account}", dbkey.default_key_dir()).unlink()
    old_cert = setting(store, CERT_SETTING)
    moved = AuditLog(store, workstation_id=WORKSTATION, clock=fixed_clock)
    moved.record(AuditAction.LOGIN, CLERK)
    created = [e for e in moved.entries() if e.action is AuditAction.DESK_KEY_CREATED]
    assert len(created) == 2 and "previous_key" in created[-1].details
    assert setting(store, CERT_SETTING) != old_cert
    assert moved.verify().ok  # both desk CAs are kept; the chain goes on unbroken
