"""The desk's audit trail: chained, desk-signed entries in the encrypted store, checked by
`dnr-workstation audit verify`, which names the entry that was changed, deleted or moved."""

from __future__ import annotations

import itertools
import shutil
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from workstation.cli import main as cli_main
from workstation.domain.clock import FixedClock
from workstation.journal.envelope import Actor
from workstation.security.audit import AuditAction, ChainBreak, sign_head
from workstation.security.deskkey import make_desk_key
from workstation.services.access import NoStaffRole, NotPermitted
from workstation.services.audit import AuditLog
from workstation.services.login import LoginEvent
from workstation.store.local import LocalStore, put_setting
from workstation.store.models import audit_log

CLERK = Actor("850304400015", "ASANOVA AIGERIM", "clerk", "ab" * 32)
SUPERVISOR = Actor("780622400019", "SEITOVA GULNARA", "supervisor", "cd" * 32)
WORKSTATION = "WS-AUDIT-1"


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
def audit(store: LocalStore, fixed_clock: FixedClock) -> AuditLog:
    return AuditLog(store, workstation_id=WORKSTATION, clock=fixed_clock)


def fill(audit: AuditLog, clock: FixedClock) -> None:
    """A morning at the desk: log-in, prints viewed, a print, an export, lock, log-out."""
    audit.record(AuditAction.LOGIN, CLERK, "key:0123456789abcdef", {"role": "clerk"})
    clock.advance(timedelta(minutes=3))
    audit.record(AuditAction.VIEW_FINGERPRINTS, CLERK, "DNR-AST-26-0000001", {"positions": []})
    clock.advance(timedelta(minutes=1))
    audit.printed(CLERK, "DNR-AST-26-0000001", "application", copies=2)
    audit.exported(CLERK, "event", "DNR-AST-26-0000001")
    audit.record(AuditAction.LOCK, CLERK, "key:0123456789abcdef", {"idle": True})
    audit.record(AuditAction.LOGOUT, CLERK, "key:0123456789abcdef")


def verify(capsys: pytest.CaptureFixture[str], data_dir: Path) -> tuple[int, str]:
    code = cli_main(["audit", "verify", "--data-dir", str(data_dir)])
    out, err = capsys.readouterr()
    assert err == ""
    return code, out


def swap_positions(store: LocalStore, a: int, b: int) -> None:
    with store.transaction() as conn:
        conn.execute(text("UPDATE audit_log SET seq = -1 WHERE seq = :a"), {"a": a})
        conn.execute(text("UPDATE audit_log SET seq = :a WHERE seq = :b"), {"a": a, "b": b})
        conn.execute(text("UPDATE audit_log SET seq = :b WHERE seq = -1"), {"b": b})


# ---- recording ---------------------------------------------------------------------------


def test_the_first_entry_records_the_desk_key_and_each_entry_links_to_the_last(
    audit: AuditLog, fixed_clock: FixedClock
) -> None:
    fill(audit, fixed_clock)
    entries = audit.entries()
    assert [e.action for e in entries] == [
        AuditAction.DESK_KEY_CREATED,
        AuditAction.LOGIN,
        AuditAction.VIEW_FINGERPRINTS,
        AuditAction.PRINT,
        AuditAction.EXPORT,
        AuditAction.LOCK,
        AuditAction.LOGOUT,
    ]
    assert [e.seq for e in entries] == list(range(1, 8))
    key = audit.desk_key()
    assert entries[0].details == {"certificate": key.fingerprint, "desk_ca": key.ca_fingerprint}
    for before, after in itertools.pairwise(entries):
        assert after.prev_hash == before.entry_hash
    assert entries[3].details == {"document": "application", "copies": 2}
    assert (entries[1].actor_iin, entries[1].actor_fingerprint) == (CLERK.iin, "ab" * 32)
    result = audit.verify()
    assert result.ok and result.entries == 7
    assert result.desk_ca_fingerprints == (key.ca_fingerprint,)


def test_an_entry_in_the_callers_transaction_goes_when_it_rolls_back(audit: AuditLog) -> None:
    audit.record(AuditAction.LOGIN, CLERK)
    with pytest.raises(RuntimeError), audit.store.transaction() as conn:
        audit.printed(CLERK, "DNR-AST-26-0000002", "receipt", conn=conn)
        raise RuntimeError("the print job failed")
    assert [e.action for e in audit.entries()][-1] is AuditAction.LOGIN
    with audit.store.transaction() as conn:
        audit.printed(CLERK, "DNR-AST-26-0000002", "receipt", conn=conn)
    assert audit.entries()[-1].action is AuditAction.PRINT
    assert audit.verify().ok


def test_the_desk_key_survives_a_restart_and_new_entries_keep_the_chain(
    data_dir: Path, store: LocalStore, audit: AuditLog, fixed_clock: FixedClock
) -> None:
    audit.record(AuditAction.LOGIN, CLERK)
    first_key = audit.desk_key().fingerprint
    store.close()
    reopened = LocalStore.open(data_dir)
    try:
        again = AuditLog(reopened, workstation_id=WORKSTATION, clock=fixed_clock)
        again.record(AuditAction.LOGOUT, CLERK)
        assert again.desk_key().fingerprint == first_key
        assert [e.action for e in again.entries()].count(AuditAction.DESK_KEY_CREATED) == 1
        assert again.verify().ok
    finally:
        reopened.close()


def test_appends_from_many_threads_form_one_unbroken_chain(
    data_dir: Path, audit: AuditLog, fixed_clock: FixedClock
) -> None:
    # Two desk processes' worth of writers: the write lock is taken before the newest entry
    # is read, so no two entries ever claim the same place.
    other_store = LocalStore.open(data_dir)
    other = AuditLog(other_store, workstation_id=WORKSTATION, clock=fixed_clock)
    audit.desk_key()
    errors: list[BaseException] = []

    def work(log: AuditLog, n: int) -> None:
        try:
            for i in range(25):
                log.record(AuditAction.VIEW_FINGERPRINTS, CLERK, f"DNR-AST-26-{n:03d}{i:04d}")
        except BaseException as error:  # reported below, with the chain's state
            errors.append(error)

    threads = [
        threading.Thread(target=work, args=(log, n))
        for n, log in enumerate([audit, other, audit, other])
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    other_store.close()
    assert errors == []
    assert audit.count() == 1 + 4 * 25
    assert audit.verify().ok


def test_login_events_and_viewed_prints_go_through_their_hooks(
    audit: AuditLog, fixed_clock: FixedClock
) -> None:
    from workstation.biometrics.sbi import FingerPosition
    from workstation.services.fingerprints import PrintsViewed

    audit.record_event(
        LoginEvent(
            action=AuditAction.LOGIN_FAILED,
            at=fixed_clock.now(),
            actor_iin=None,
            actor_fingerprint=None,
            subject="key:0123456789abcdef",
            details={"reason": "WrongPassword", "attempts_left": 4, "locked": False},
        )
    )
    hook = audit.prints_viewed_hook(CLERK)
    hook(
        PrintsViewed(
            case_id="DNR-AST-26-0000003",
            event_id="e-1",
            positions=(FingerPosition.RIGHT_THUMB,),
            actor_iin=CLERK.iin,
            actor_name=CLERK.name,
            workstation_id=WORKSTATION,
            viewed_at=fixed_clock.now(),
        )
    )
    failed, viewed = audit.entries()[-2:]
    assert failed.action is AuditAction.LOGIN_FAILED and failed.actor_iin is None
    assert failed.details["reason"] == "WrongPassword"
    assert viewed.action is AuditAction.VIEW_FINGERPRINTS
    assert viewed.subject == "DNR-AST-26-0000003"
    assert viewed.details == {"event_id": "e-1", "positions": [FingerPosition.RIGHT_THUMB.value]}
    # The name is not kept: the IIN and certificate identify the person.
    assert CLERK.name not in str(viewed.details)


def test_unsent_entries_are_marked_once_central_has_them(audit: AuditLog) -> None:
    for _ in range(3):
        audit.record(AuditAction.SYNC, None, "central")
    unsent = audit.unsent_entries()
    assert [e.seq for e in unsent] == [1, 2, 3, 4]
    assert audit.mark_sent([e.seq for e in unsent[:2]]) == 2
    assert audit.mark_sent([1, 2]) == 0
    assert [e.seq for e in audit.unsent_entries()] == [3, 4]
    assert [e.seq for e in audit.unsent_entries(limit=1)] == [3]
    assert audit.verify().ok  # the sent flag is bookkeeping, outside the hash


def test_only_a_role_that_may_view_the_audit_log_reads_it_on_screen(audit: AuditLog) -> None:
    audit.record(AuditAction.LOGIN, CLERK)
    assert len(audit.entries(actor=SUPERVISOR)) == 2
    assert audit.verify(actor=SUPERVISOR).ok
    with pytest.raises(NotPermitted):
        audit.entries(actor=CLERK)
    with pytest.raises(NoStaffRole):
        audit.newest(5, actor=Actor("", "", ""))


# ---- audit verify --------------------------------------------------------------------------


def test_audit_verify_passes_an_untouched_trail(
    capsys: pytest.CaptureFixture[str], data_dir: Path, audit: AuditLog, fixed_clock: FixedClock
) -> None:
    fill(audit, fixed_clock)
    code, out = verify(capsys, data_dir)
    assert code == 0
    assert out.startswith(f"{WORKSTATION}: The audit trail is intact: 7 entries")
    assert audit.desk_key().ca_fingerprint in out


def test_audit_verify_names_a_changed_entry(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    store: LocalStore,
    audit: AuditLog,
    fixed_clock: FixedClock,
) -> None:
    fill(audit, fixed_clock)
    with store.transaction() as conn:  # someone hides whose prints were looked at
        conn.execute(text("UPDATE audit_log SET subject = 'DNR-AST-26-0000999' WHERE seq = 3"))
    code, out = verify(capsys, data_dir)
    assert code == 3
    assert "BROKEN at entry 3 (changed): Entry 3 was changed after it was written." in out


def test_audit_verify_names_a_deleted_entry(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    store: LocalStore,
    audit: AuditLog,
    fixed_clock: FixedClock,
) -> None:
    fill(audit, fixed_clock)
    with store.transaction() as conn:  # the print is made to disappear
        conn.execute(text("DELETE FROM audit_log WHERE seq = 4"))
    code, out = verify(capsys, data_dir)
    assert code == 3
    assert "BROKEN at entry 4 (deleted): Audit entries 4 are missing before entry 5" in out


def test_audit_verify_names_reordered_entries(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    store: LocalStore,
    audit: AuditLog,
    fixed_clock: FixedClock,
) -> None:
    fill(audit, fixed_clock)
    swap_positions(store, 3, 4)  # the print now seems to come before the viewing
    code, out = verify(capsys, data_dir)
    assert code == 3
    assert (
        "BROKEN at entry 3 (reordered): Entry 4 stands where entry 3 should be: "
        "entries were reordered." in out
    )


def test_audit_verify_notices_the_newest_entries_cut_off(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    store: LocalStore,
    audit: AuditLog,
    fixed_clock: FixedClock,
) -> None:
    fill(audit, fixed_clock)
    with store.transaction() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE seq >= 6"))
    code, out = verify(capsys, data_dir)
    assert code == 3
    assert "BROKEN at entry 6 (deleted): Audit entries 6-7 are missing after entry 5" in out


def test_a_rewritten_entry_with_a_recomputed_hash_fails_its_signature(
    store: LocalStore, audit: AuditLog, fixed_clock: FixedClock
) -> None:
    # Hashes anyone can recompute; the desk signature only the desk key can make.
    fill(audit, fixed_clock)
    from dataclasses import replace

    with store.reading() as conn:
        rows = conn.execute(select(audit_log).order_by(audit_log.c.seq)).all()
    entries = audit.entries()
    forged = replace(entries[-1], subject="key:ffffffffffffffff")
    forged = replace(forged, entry_hash=forged.computed_hash())
    with store.transaction() as conn:
        conn.execute(
            text("UPDATE audit_log SET subject = :s, entry_hash = :h WHERE seq = :q"),
            {"s": forged.subject, "h": forged.entry_hash, "q": rows[-1].seq},
        )
        put_setting(conn, "audit.head", f"{forged.seq}:{forged.entry_hash}")
    result = audit.verify()
    assert result.report.kind is ChainBreak.BAD_SIGNATURE
    assert result.report.broken_at_seq == 7


def test_audit_verify_checks_against_the_desk_ca_central_holds(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    data_dir: Path,
    audit: AuditLog,
    fixed_clock: FixedClock,
) -> None:
    fill(audit, fixed_clock)
    from cryptography.hazmat.primitives.serialization import Encoding

    own = tmp_path / "own-ca.pem"
    own.write_bytes(audit.desk_key().ca_certificate.public_bytes(Encoding.PEM))
    assert cli_main(["audit", "verify", "--data-dir", str(data_dir), "--trust", str(own)]) == 0
    # A store rebuilt with another desk key would vouch for itself; central's copy does not.
    stranger = tmp_path / "other-ca.pem"
    other = make_desk_key("WS-OTHER", fixed_clock.now())
    stranger.write_bytes(other.ca_certificate.public_bytes(Encoding.PEM))
    capsys.readouterr()
    code = cli_main(["audit", "verify", "--data-dir", str(data_dir), "--trust", str(stranger)])
    out = capsys.readouterr().out
    assert code == 3
    assert "BROKEN at entry 1 (bad_signature)" in out


def test_audit_list_and_a_missing_data_dir(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path, audit: AuditLog
) -> None:
    audit.printed(CLERK, "DNR-AST-26-0000004", "receipt")
    assert cli_main(["audit", "list", "--data-dir", str(data_dir), "--limit", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and "print" in out[0] and "DNR-AST-26-0000004" in out[0]
    assert cli_main(["audit", "verify", "--data-dir", str(tmp_path / "nowhere")]) == 1
    assert "does not exist" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")
def test_an_entry_signature_checks_with_openssl(
    tmp_path: Path, audit: AuditLog, fixed_clock: FixedClock
) -> None:
    from cryptography.hazmat.primitives.serialization import Encoding

    audit.printed(CLERK, "DNR-AST-26-0000005", "receipt")
    entry = audit.entries()[-1]
    (tmp_path / "entry.json").write_bytes(entry.signed_bytes())
    (tmp_path / "entry.p7s").write_bytes(entry.signature)
    (tmp_path / "desk-ca.pem").write_bytes(
        audit.desk_key().ca_certificate.public_bytes(Encoding.PEM)
    )
    (tmp_path / "desk.pem").write_bytes(audit.desk_key().certificate.public_bytes(Encoding.PEM))
    result = subprocess.run(
        [
            "openssl", "cms", "-verify", "-binary", "-inform", "DER",
            "-in", "entry.p7s", "-content", "entry.json", "-certfile", "desk.pem",
            "-CAfile", "desk-ca.pem", "-purpose", "any", "-attime",
            str(int(fixed_clock.now().timestamp())), "-out", "/dev/null",
        ],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def test_a_desk_key_made_in_a_rolled_back_transaction_is_not_used(
    audit: AuditLog, store: LocalStore
) -> None:
    with pytest.raises(RuntimeError), store.transaction() as conn:
        audit.record(AuditAction.LOGIN, CLERK, conn=conn)  # the very first entry
        raise RuntimeError("the log-in failed after all")
    assert audit.count() == 0
    audit.record(AuditAction.LOGIN, CLERK)
    assert [e.action for e in audit.entries()] == [AuditAction.DESK_KEY_CREATED, AuditAction.LOGIN]
    assert audit.verify().ok


def test_entries_appended_while_verify_runs_are_not_a_break(
    store: LocalStore, audit: AuditLog, fixed_clock: FixedClock
) -> None:
    fill(audit, fixed_clock)
    third = audit.entries()[2]
    key = audit.desk_key()
    head = sign_head(third, key.private_key, key.certificate)
    with store.transaction() as conn:  # the head as verify read it, before 4-7 were added
        put_setting(conn, "audit.head", head.to_text())
    assert audit.verify().ok
    other = sign_head(replace(third, entry_hash="0" * 64), key.private_key, key.certificate)
    with store.transaction() as conn:
        put_setting(conn, "audit.head", other.to_text())
    result = audit.verify()
    assert result.report.kind is ChainBreak.LINK_BROKEN and result.report.broken_at_seq == 3
