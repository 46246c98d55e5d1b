"""`dnr-workstation audit export-event` writes what `openssl cms -verify` needs (issue 7)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import MakeApproval
from workstation import cli
from workstation.domain.clock import FixedClock
from workstation.domain.lifecycle import EventType
from workstation.domain.programme import DEFAULT_RULES
from workstation.journal.certificates import remember_certificate
from workstation.journal.envelope import Actor, new_event
from workstation.journal.projector import record
from workstation.journal.signing import EventSigner
from workstation.security.eds import load_staff_key
from workstation.security.pki import DemoKeyPool, DemoPki, make_demo_pki
from workstation.security.roles import Role
from workstation.services.audit import AuditLog
from workstation.services.login import LoginSettings, save_login_settings
from workstation.store.local import LocalStore
from workstation.sync.demo_seed import ApprovalSigners, approval_event

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl")


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> DemoPki:
    keys = DemoKeyPool(tmp_path_factory.getbasetemp() / "demo-keys")
    return make_demo_pki(tmp_path_factory.mktemp("pki"), keys=keys, now=NOW - timedelta(days=2))


@pytest.fixture
def desk(tmp_path: Path, pki: DemoPki, make_approval: MakeApproval) -> tuple[Path, str, str]:
    """A desk with a signed approval and a clerk's signed arrival; (data dir, both ids)."""
    data = tmp_path / "desk"
    store = LocalStore.open(data, create=True)
    clerk = pki.staff_for(Role.CLERK)
    signer = EventSigner(load_staff_key(clerk.sign_p12.read_bytes(), pki.password))
    actor = Actor(clerk.iin, clerk.display_name, "clerk", signer.fingerprint, signer)
    signers = ApprovalSigners.from_files(pki.ministry.p12, pki.migration_service.p12, pki.password)
    approval = make_approval(1, approval_date=NOW.date() - timedelta(days=3))
    pulled = approval_event(approval, signers)
    arrival = new_event(
        approval.case_id,
        EventType.ARRIVAL_RECORDED,
        {"entry_date": (NOW.date() - timedelta(days=1)).isoformat(), "border_point": "Nurly Zhol"},
        actor,
        "AST-01",
        FixedClock(NOW),
    )
    try:
        save_login_settings(store, LoginSettings(pki.trust_dir, pki.directory / "crl"))
        with store.transaction() as conn:
            for certificate in (
                signer.certificate,
                signers.ministry.certificate,
                signers.migration_service.certificate,
            ):
                remember_certificate(conn, certificate, NOW)
            record(conn, pulled, origin="central", rules=DEFAULT_RULES, central_seq=1, strict=False)
            record(conn, arrival, origin="local", rules=DEFAULT_RULES)
    finally:
        store.close()
    return data, pulled.event_id, arrival.event_id


def _openssl_verify(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["sh", str(folder / "verify.sh")], capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize("which", [1, 2], ids=["approval-two-signers", "clerk-event"])
def test_an_exported_event_passes_openssl_cms_verify(
    desk: tuple[Path, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str], which: int
) -> None:
    data, *ids = desk
    out = tmp_path / "export"
    code = cli.main(
        ["audit", "export-event", ids[which - 1], "--out", str(out), "--data-dir", str(data)]
    )
    assert code == 0, capsys.readouterr().err
    assert {p.name for p in out.iterdir()} == {
        "event.json",
        "event.p7s",
        "signers.pem",
        "trust.pem",
        "verify.sh",
    }
    if os.name == "posix":  # the event names the applicant: the desk's OS user only
        assert stat.S_IMODE(out.stat().st_mode) == 0o700
        modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in out.iterdir()}
        assert modes == {**dict.fromkeys(modes, 0o600), "verify.sh": 0o700}
    result = _openssl_verify(out)
    assert result.returncode == 0, result.stderr
    assert "Verification successful" in result.stderr
    # The same check fails once a byte of the event changes.
    tampered = (out / "event.json").read_bytes().replace(b'"type":"', b'"type":"X')
    (out / "event.json").write_bytes(tampered)
    again = _openssl_verify(out)
    assert again.returncode != 0
    # And the export is in the audit trail.
    store = LocalStore.open(data)
    try:
        entries = AuditLog(store, workstation_id="AST-01", clock=FixedClock(NOW)).newest(1)
    finally:
        store.close()
    assert entries[0].action.value == "export" and entries[0].subject == ids[which - 1]


def test_an_unknown_event_is_a_clear_error(
    desk: tuple[Path, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, *_ = desk
    code = cli.main(
        ["audit", "export-event", "nope", "--out", str(tmp_path / "x"), "--data-dir", str(data)]
    )
    assert code == 1
    assert "No event 'nope'" in capsys.readouterr().err
