"""`audit verify` compares with central's copy (issue 15, point 6): what a holder of the desk
key can do on the desk (cut entries and sign a shorter head, rewrite and re-sign entries),
central's copy names; central's own rows are hostile input."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert, text

from workstation.cli import main as cli_main
from workstation.domain.clock import FixedClock
from workstation.journal.envelope import Actor
from workstation.security.audit import AuditAction, append, sign_head
from workstation.security.deskkey import make_desk_key
from workstation.services.audit import HEAD_SETTING, AuditLog, _row
from workstation.services.audit_central import compare_with_central, pinned_trust
from workstation.store.local import LocalStore, put_setting
from workstation.store.models import audit_log
from workstation.sync.config import ConnectionSettings, config_path, save_settings
from workstation.sync.gateway import CentralGateway

CLERK = Actor("850304400015", "ASANOVA AIGERIM", "clerk", "ab" * 32)
WORKSTATION = "WS-AUDIT-C1"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "desk"


@pytest.fixture
def store(data_dir: Path) -> Iterator[LocalStore]:
    opened = LocalStore.open(data_dir, create=True)
    with opened.transaction() as conn:
        put_setting(conn, "workstation_id", WORKSTATION)
    yield opened
    opened.close()


@pytest.fixture
def central(tmp_path: Path) -> Iterator[CentralGateway]:
    url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    gateway = CentralGateway(url)
    gateway.init_schema()
    save_settings(ConnectionSettings(url, workstation_id=WORKSTATION), config_path())
    yield gateway
    gateway.dispose()


@pytest.fixture
def audit(store: LocalStore, fixed_clock: FixedClock, central: CentralGateway) -> AuditLog:
    log = AuditLog(store, workstation_id=WORKSTATION, clock=fixed_clock)
    for n in range(6):
        fixed_clock.advance(timedelta(minutes=1))
        log.record(AuditAction.PRINT, CLERK, f"DNR-AST-26-000000{n}", {"copies": 1})
    entries = log.unsent_entries()
    central.push_audit([e.to_record() for e in entries])  # what a sync sends
    log.mark_sent(e.seq for e in entries)
    return log  # entries 1 to 7, all at central


def verify(capsys: pytest.CaptureFixture[str], data_dir: Path, *extra: str) -> tuple[int, str]:
    code = cli_main(["audit", "verify", "--data-dir", str(data_dir), *extra])
    out, err = capsys.readouterr()
    assert err == ""
    return code, out


def desk_key_holder_cuts_after(store: LocalStore, audit: AuditLog, seq: int) -> None:
    """Delete the newest rows and sign a shorter head: possible with the desk key."""
    key = audit.desk_key()
    kept = audit.entries()[seq - 1]
    with store.transaction() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE seq > :s"), {"s": seq})
        head = sign_head(kept, key.private_key, key.certificate)
        put_setting(conn, HEAD_SETTING, head.to_text())


def test_an_intact_trail_agrees_with_central(
    capsys: pytest.CaptureFixture[str], data_dir: Path, audit: AuditLog
) -> None:
    code, out = verify(capsys, data_dir)
    assert code == 0, out
    assert "Central's copy agrees: its 7 entries are on this desk, unchanged." in out


def test_a_cut_signed_with_the_desk_key_is_named_by_central(
    capsys: pytest.CaptureFixture[str], data_dir: Path, store: LocalStore, audit: AuditLog
) -> None:
    desk_key_holder_cuts_after(store, audit, 5)
    assert audit.verify().ok  # the desk alone cannot tell
    code, out = verify(capsys, data_dir)
    assert code == 3
    assert (
        "BROKEN at entry 6 (deleted), by central's copy: Audit entries 6-7 are at central but "
        "not on this desk: the newest entries were cut after entry 5." in out
    )
    code, out = verify(capsys, data_dir, "--offline")
    assert code == 0 and "agrees" not in out


def test_a_rewritten_and_re_signed_entry_is_named_by_central(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    store: LocalStore,
    audit: AuditLog,
    fixed_clock: FixedClock,
) -> None:
    key = audit.desk_key()
    entries = audit.entries()
    forged = append(
        entries[5], at=entries[6].at, actor_iin=None, actor_fingerprint=None,
        workstation_id=WORKSTATION, action=AuditAction.LOGOUT, subject="",
        desk_key=key.private_key, desk_cert=key.certificate,
    )  # fmt: skip
    with store.transaction() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE seq = 7"))
        conn.execute(insert(audit_log).values(**_row(forged)))
        head = sign_head(forged, key.private_key, key.certificate)
        put_setting(conn, HEAD_SETTING, head.to_text())
    assert audit.verify().ok
    code, out = verify(capsys, data_dir)
    assert code == 3
    assert "BROKEN at entry 7 (changed), by central's copy: Entry 7 is not the entry" in out


def test_central_out_of_reach_checks_the_desk_copy_and_says_so(
    capsys: pytest.CaptureFixture[str], data_dir: Path, audit: AuditLog, tmp_path: Path
) -> None:
    save_settings(
        ConnectionSettings("postgresql://nobody@127.0.0.1:1/none", workstation_id=WORKSTATION),
        config_path(),
    )
    code, out = verify(capsys, data_dir)
    assert code == 0
    assert "central cannot be reached" in out and "checked this desk's copy only" in out


def test_hostile_central_records_are_counted_not_a_crash(
    store: LocalStore, audit: AuditLog
) -> None:
    good = [e.to_record() for e in audit.entries()]
    hostile = [*good, 42, "x", {"seq": True}, {"seq": 3, "entry_hash": None}, {"seq": -1}, []]
    comparison = compare_with_central(store, hostile)
    assert comparison.ok and comparison.unreadable == 6 and comparison.central_entries == 7


def test_only_the_desk_ca_central_recorded_is_trusted(
    audit: AuditLog, fixed_clock: FixedClock
) -> None:
    records = [e.to_record() for e in audit.entries()]
    comparison = compare_with_central(audit.store, records)
    assert comparison.desk_cas == (audit.desk_key().ca_fingerprint,)
    stranger = make_desk_key("WS-ATTACKER", fixed_clock.now())
    local = audit.trust([stranger.ca_certificate])  # a CA added to the store by someone
    pinned = pinned_trust(local, comparison.desk_cas)
    assert pinned is not None and [a.subject for a in pinned.anchors] == [
        audit.desk_key().ca_certificate.subject
    ]
    assert pinned_trust(audit.trust(), ("00" * 32,)) is None
