"""The audit chain: each kind of tampering is caught and named at the first broken link."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from workstation.security.audit import (
    GENESIS_HASH,
    AuditAction,
    AuditEntry,
    ChainBreak,
    append,
    verify_chain,
)
from workstation.security.canonical import canonical_json
from workstation.security.eds import StaffKey, TrustStore, load_staff_key
from workstation.security.pki import DemoKeyPool, DemoPki, make_demo_pki


@pytest.fixture(scope="session")
def demo_pki(tmp_path_factory: pytest.TempPathFactory) -> DemoPki:
    keys = DemoKeyPool(tmp_path_factory.getbasetemp() / "demo-keys")
    return make_demo_pki(tmp_path_factory.mktemp("pki"), keys=keys)


@pytest.fixture(scope="session")
def trust(demo_pki: DemoPki) -> TrustStore:
    return TrustStore.from_pem_dir(demo_pki.trust_dir)


@pytest.fixture(scope="session")
def desk_key(demo_pki: DemoPki) -> StaffKey:
    return load_staff_key(demo_pki.desk.p12.read_bytes(), demo_pki.desk.password)


def _add(
    prev: AuditEntry | None, key: StaffKey, at: datetime, action: AuditAction, subject: str = ""
) -> AuditEntry:
    return append(
        prev,
        at=at,
        actor_iin="850304400015",
        actor_fingerprint="ab" * 32,
        workstation_id="AST-01",
        action=action,
        subject=subject,
        details={"screen": "case", "copies": 1} if action is AuditAction.PRINT else {},
        desk_key=key.private_key,
        desk_cert=key.certificate,
        desk_chain=key.chain,
    )


@pytest.fixture(scope="session")
def chain(demo_pki: DemoPki, desk_key: StaffKey) -> list[AuditEntry]:
    start = demo_pki.created_at + timedelta(minutes=5)
    actions = [
        AuditAction.LOGIN,
        AuditAction.VIEW_FINGERPRINTS,
        AuditAction.PRINT,
        AuditAction.EXPORT,
        AuditAction.LOCK,
        AuditAction.LOGOUT,
    ]
    entries: list[AuditEntry] = []
    for minute, action in enumerate(actions):
        previous = entries[-1] if entries else None
        entries.append(_add(previous, desk_key, start + timedelta(minutes=minute), action, "c-7"))
    return entries


def test_an_untouched_chain_verifies(chain: list[AuditEntry], trust: TrustStore) -> None:
    report = verify_chain(chain, trust)
    assert report.ok and report.checked == 6 and report.message == ""
    assert [entry.seq for entry in chain] == [1, 2, 3, 4, 5, 6]
    assert chain[0].prev_hash == GENESIS_HASH


def test_entry_hash_is_sha256_of_previous_hash_and_canonical_entry(
    chain: list[AuditEntry],
) -> None:
    second = chain[1]
    body = canonical_json(
        {
            "format": 1,
            "seq": 2,
            "at": second.at,
            "actor_iin": "850304400015",
            "actor_fingerprint": "ab" * 32,
            "workstation_id": "AST-01",
            "action": "view_fingerprints",
            "subject": "c-7",
            "details": {},
            "prev_hash": chain[0].entry_hash,
        }
    )
    expected = hashlib.sha256(bytes.fromhex(chain[0].entry_hash) + body).hexdigest()
    assert second.signed_bytes() == body
    assert second.entry_hash == expected


def test_changed_entry_is_named(chain: list[AuditEntry], trust: TrustStore) -> None:
    changed = list(chain)
    changed[2] = replace(chain[2], subject="c-8")
    report = verify_chain(changed, trust)
    assert (report.kind, report.broken_at_seq, report.broken_at_index) == (
        ChainBreak.CHANGED,
        3,
        2,
    )
    assert "Entry 3 was changed" in report.message


def test_changed_entry_with_recomputed_hash_fails_on_its_signature(
    chain: list[AuditEntry], trust: TrustStore
) -> None:
    forged = replace(chain[2], details={"screen": "case", "copies": 5})
    forged = replace(forged, entry_hash=forged.computed_hash())
    report = verify_chain([*chain[:2], forged, *chain[3:]], trust)
    assert (report.kind, report.broken_at_seq) == (ChainBreak.BAD_SIGNATURE, 3)


def test_deleted_entry_is_named(chain: list[AuditEntry], trust: TrustStore) -> None:
    report = verify_chain([*chain[:3], *chain[4:]], trust)
    assert (report.kind, report.broken_at_seq, report.broken_at_index) == (
        ChainBreak.DELETED,
        4,
        3,
    )
    assert "4 are missing" in report.message


def test_deleted_first_entries_are_caught(chain: list[AuditEntry], trust: TrustStore) -> None:
    report = verify_chain(chain[2:], trust)
    assert (report.kind, report.broken_at_seq) == (ChainBreak.DELETED, 1)
    assert "1-2 are missing" in report.message


def test_reordered_entries_are_named(chain: list[AuditEntry], trust: TrustStore) -> None:
    reordered = [*chain[:2], chain[3], chain[2], *chain[4:]]
    report = verify_chain(reordered, trust)
    assert (report.kind, report.broken_at_seq, report.broken_at_index) == (
        ChainBreak.REORDERED,
        3,
        2,
    )


def test_renumbered_entry_after_a_deletion_is_caught(
    chain: list[AuditEntry], trust: TrustStore
) -> None:
    # Delete entry 4 and renumber 5 as 4 (without the key, the hash cannot be fixed).
    renumbered = [*chain[:3], replace(chain[4], seq=4), replace(chain[5], seq=5)]
    report = verify_chain(renumbered, trust)
    assert (report.kind, report.broken_at_seq) == (ChainBreak.CHANGED, 4)


def test_replaced_entry_signed_by_the_desk_breaks_the_link(
    chain: list[AuditEntry], trust: TrustStore, desk_key: StaffKey
) -> None:
    # A validly signed entry 3 that does not follow entry 2.
    other = _add(chain[0], desk_key, chain[2].at, AuditAction.PRINT, "c-9")
    other = _add(other, desk_key, chain[2].at, AuditAction.PRINT, "c-9")
    report = verify_chain([*chain[:2], other, *chain[3:]], trust)
    assert (report.kind, report.broken_at_seq) == (ChainBreak.LINK_BROKEN, 3)


def test_entry_signed_by_an_untrusted_key_is_refused(
    demo_pki: DemoPki, chain: list[AuditEntry], trust: TrustStore
) -> None:
    rogue = demo_pki.untrusted_key()
    rogue_key = StaffKey(rogue.private_key, rogue.certificate, rogue.chain)
    appended = _add(chain[-1], rogue_key, chain[-1].at + timedelta(minutes=1), AuditAction.LOGIN)
    report = verify_chain([*chain, appended], trust)
    assert (report.kind, report.broken_at_seq) == (ChainBreak.BAD_SIGNATURE, 7)
    assert "trust store" in report.message


def test_verifying_a_continuation(chain: list[AuditEntry], trust: TrustStore) -> None:
    assert verify_chain(chain[3:], trust, after=chain[2]).ok
    assert verify_chain(chain[4:], trust, after=chain[2]).kind is ChainBreak.DELETED


def test_records_round_trip_through_json(chain: list[AuditEntry], trust: TrustStore) -> None:
    records = json.loads(json.dumps([entry.to_record() for entry in chain]))
    restored = [AuditEntry.from_record(record) for record in records]
    assert restored == chain
    assert verify_chain(restored, trust).ok


def test_naive_time_is_refused(desk_key: StaffKey) -> None:
    with pytest.raises(ValueError, match="aware"):
        _add(None, desk_key, datetime(2025, 1, 1), AuditAction.LOGIN)


@pytest.mark.skipif(shutil.which("openssl") is None, reason="no openssl binary")
def test_openssl_verifies_an_exported_entry(
    demo_pki: DemoPki, chain: list[AuditEntry], tmp_path: Path
) -> None:
    entry = chain[2]
    (tmp_path / "entry.json").write_bytes(entry.signed_bytes())
    (tmp_path / "entry.sig").write_bytes(entry.signature)
    result = subprocess.run(
        [
            "openssl", "cms", "-verify", "-binary", "-inform", "DER",
            "-in", str(tmp_path / "entry.sig"), "-content", str(tmp_path / "entry.json"),
            "-CAfile", str(demo_pki.root_pem), "-purpose", "any", "-out", "/dev/null",
        ],
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
