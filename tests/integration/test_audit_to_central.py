"""The audit trail reaches central (Decree 832: kept 3 years even if the desk is lost)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.integration.central_setup import SyncingDesk, make_central
from workstation.domain.clock import FixedClock
from workstation.domain.programme import DEFAULT_RULES
from workstation.journal.envelope import Actor
from workstation.security.audit import AuditAction
from workstation.services.audit import AuditLog
from workstation.sync.central_schema import audit_entries
from workstation.sync.gateway import CentralRefused
from workstation.sync.syncer import sync_once

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
CLERK = Actor("850304400015", "ASANOVA AIGERIM", "clerk", "ab" * 32)


@pytest.mark.parametrize("kind", ["postgresql", "sqlite"])
def test_audit_entries_are_sent_once_and_kept_as_signed(
    kind: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    central = make_central(kind, request, tmp_path)
    connection = central.add_desk("AST-1", 1)
    desk = SyncingDesk(central, connection, tmp_path / "desk", FixedClock(NOW))
    try:
        log = AuditLog(desk.store, workstation_id=connection.workstation_id, clock=FixedClock(NOW))
        for n in range(3):
            log.record(AuditAction.LOGIN, CLERK, f"key:{n:016x}")

        def sync() -> int:
            return sync_once(
                desk.store, desk.gateway, DEFAULT_RULES, city=desk.city, audit=log
            ).audit_sent

        assert sync() == len(log.newest(100)) >= 3  # (and any entry the desk key made)
        log.record(AuditAction.LOGOUT, CLERK, "key:0000000000000002")
        assert sync() == 1
        assert sync() == 0  # nothing twice
        at_central = desk.gateway.audit_records(connection.workstation_id)
        here = [e.to_record() for e in log.newest(10)]
        assert at_central == here  # hash, link and desk signature exactly as the desk made them
        if central.postgres:
            # A desk role cannot write another desk's trail.
            forged = dict(here[0], workstation_id="WS-SOMEONE-ELSE", seq=1)
            with pytest.raises(CentralRefused):
                desk.gateway.push_audit([forged])
            with central.admin.connect() as conn:
                assert (
                    conn.execute(
                        audit_entries.select().where(
                            audit_entries.c.workstation_id == "WS-SOMEONE-ELSE"
                        )
                    ).first()
                    is None
                )
    finally:
        desk.close()
        central.close()


@pytest.mark.parametrize("kind", ["postgresql", "sqlite"])
def test_a_cut_signed_with_the_desk_key_is_named_by_central_and_not_pushed_past(
    kind: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """Issue 15, point 6: what a holder of the desk key can do on the desk (cut the newest
    entries and sign a shorter head), central's copy names; central takes nothing past it."""
    from sqlalchemy import text

    from workstation.security.audit import ChainBreak, sign_head
    from workstation.services.audit import HEAD_SETTING
    from workstation.services.audit_central import compare_with_central
    from workstation.store.local import put_setting

    central = make_central(kind, request, tmp_path)
    connection = central.add_desk("AST-1", 1)
    desk = SyncingDesk(central, connection, tmp_path / "desk", FixedClock(NOW))
    try:
        log = AuditLog(desk.store, workstation_id=connection.workstation_id, clock=FixedClock(NOW))
        for n in range(5):
            log.record(AuditAction.PRINT, CLERK, f"DNR-AST-26-000000{n}")
        sync_once(desk.store, desk.gateway, DEFAULT_RULES, city=desk.city, audit=log)
        records = desk.gateway.audit_records(connection.workstation_id)
        assert compare_with_central(desk.store, records).ok
        key = log.desk_key()
        kept = log.entries()[3]
        with desk.store.transaction() as conn:
            conn.execute(text("DELETE FROM audit_log WHERE seq > 4"))
            put_setting(
                conn, HEAD_SETTING, sign_head(kept, key.private_key, key.certificate).to_text()
            )
        assert log.verify().ok  # the desk alone cannot tell
        comparison = compare_with_central(desk.store, records)
        assert comparison.report.kind is ChainBreak.DELETED
        assert comparison.report.broken_at_seq == 5
        assert "cut after entry 4" in comparison.report.message
        # The desk's next entry does not extend central's chain: central refuses it. The
        # round says so and goes on (events still go both ways); nothing is taken past it.
        log.record(AuditAction.LOGIN, CLERK, "key:0000000000000001")
        report = sync_once(desk.store, desk.gateway, DEFAULT_RULES, city=desk.city, audit=log)
        assert report.audit_problem is not None
        assert "audit entries not sent" in report.summary()
        assert len(desk.gateway.audit_records(connection.workstation_id)) == len(records)
        assert log.unsent_entries(100)  # kept for an administrator, not marked sent
    finally:
        desk.close()
        central.close()
