"""Lock-out by identity (issue 15, point 7): failures count against the key's secrets, its
certificate (issuer and serial) and its IIN, not against the file's bytes; a forged file
cannot lock another person out; every attempt is audited; the message says tries left."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
from hypothesis import given, settings
from hypothesis import strategies as st

from workstation.domain.clock import FixedClock
from workstation.security.audit import AuditAction
from workstation.security.eds import KeyLockedOut, LoginRefused, WrongPassword
from workstation.security.lockout import certificate_ids, key_material_ids
from workstation.security.pki import SPARE_IINS, DemoKeyPool, DemoPki, make_demo_pki
from workstation.security.roles import Role
from workstation.services.login import LoginEvent, LoginService, LoginSettings
from workstation.services.staff import StaffRecord, put_staff
from workstation.store.local import LocalStore

NOW = datetime(2026, 11, 21, 6, 30, tzinfo=UTC)
CITY = "Astana"


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> DemoPki:
    keys = DemoKeyPool(tmp_path_factory.getbasetemp() / "demo-keys")
    return make_demo_pki(tmp_path_factory.mktemp("pki"), keys=keys, now=NOW - timedelta(hours=1))


@dataclass
class Desk:
    store: LocalStore
    clock: FixedClock
    settings: LoginSettings
    audit: list[LoginEvent]

    def service(self) -> LoginService:
        return LoginService(
            self.store, self.settings, desk_city=CITY, clock=self.clock, audit=self.audit.append
        )


@pytest.fixture
def desk(tmp_path: Path, pki: DemoPki) -> Iterator[Desk]:
    store = LocalStore.open(tmp_path / "desk", create=True)
    clock = FixedClock(NOW)
    with store.transaction() as conn:
        for member in pki.staff:
            record = StaffRecord(
                member.iin, member.display_name, member.role.value, "TSON-AST-01", CITY
            )
            put_staff(conn, record, clock.now())
    crl_dir = tmp_path / "crl"
    crl_dir.mkdir()
    for crl in pki.crl_files:
        shutil.copy(crl, crl_dir / crl.name)
    yield Desk(store, clock, LoginSettings(trust_dir=pki.trust_dir, crl_dir=crl_dir), [])
    store.close()


def reexported(source: Path, target: Path, password: str) -> Path:
    """The same key and certificates in a new file (new salts, so other bytes throughout)."""
    loaded = pkcs12.load_pkcs12(source.read_bytes(), password.encode())
    assert loaded.key is not None and loaded.cert is not None
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"again",
            loaded.key,  # type: ignore[arg-type]
            loaded.cert.certificate,
            [c.certificate for c in loaded.additional_certs],
            BestAvailableEncryption(password.encode()),
        )
    )
    return target


def fail_five_times(service: LoginService, key: Path) -> None:
    for _ in range(4):
        with pytest.raises(WrongPassword):
            service.log_in(key, "000000")
    with pytest.raises(KeyLockedOut):
        service.log_in(key, "000000")


# ---- what a failure counts against -----------------------------------------------------------


def test_appended_bytes_keep_the_secret_ids_and_a_reexport_changes_them(
    pki: DemoPki, tmp_path: Path
) -> None:
    clerk = pki.staff_for(Role.CLERK)
    data = clerk.auth_p12.read_bytes()
    ids = key_material_ids(data)
    assert ids and all(i.startswith("pfx:") for i in ids)
    assert key_material_ids(data + b"\0") == ids
    assert key_material_ids(data + b"\x30\x03\x02\x01\x05") == ids
    again = reexported(clerk.auth_p12, tmp_path / "again.p12", pki.password)
    # A re-export is a new file with new secrets: only the certificate can tie it to the old one.
    assert not set(key_material_ids(again.read_bytes())) & set(ids)


def test_a_file_that_is_no_key_is_named_by_its_hash() -> None:
    assert key_material_ids(b"not a key").__len__() == 1
    assert key_material_ids(b"not a key")[0].startswith("file:")
    assert key_material_ids(b"not a key") != key_material_ids(b"not a key!")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_give_ids_and_never_an_error(data: bytes) -> None:
    assert key_material_ids(data)
    # A damaged real structure too: a PFX header over random contents.
    assert key_material_ids(b"\x30\x82\x02\x00\x02\x01\x03" + data)


def test_certificate_ids_name_issuer_serial_and_iin(pki: DemoPki) -> None:
    clerk = pki.staff_for(Role.CLERK)
    loaded = pkcs12.load_pkcs12(clerk.auth_p12.read_bytes(), pki.password.encode())
    assert loaded.cert is not None
    cert_id, iin_id = certificate_ids(loaded.cert.certificate)
    assert cert_id.startswith("cert:") and cert_id.endswith(
        f":{loaded.cert.certificate.serial_number:x}"
    )
    assert iin_id == f"iin:{clerk.iin}"


# ---- the lock-out at the desk ----------------------------------------------------------------


def test_one_byte_appended_does_not_reset_the_count(
    desk: Desk, pki: DemoPki, tmp_path: Path
) -> None:
    clerk_key = pki.staff_for(Role.CLERK).auth_p12
    service = desk.service()
    fail_five_times(service, clerk_key)
    padded = tmp_path / "padded" / clerk_key.name
    padded.parent.mkdir()
    padded.write_bytes(clerk_key.read_bytes() + b"\0")
    with pytest.raises(KeyLockedOut):
        service.log_in(padded, "123456")
    assert service.locked_until(padded) is not None


def test_a_reexport_of_a_locked_key_is_still_locked(
    desk: Desk, pki: DemoPki, tmp_path: Path
) -> None:
    clerk = pki.staff_for(Role.CLERK)
    service = desk.service()
    service.log_in(clerk.auth_p12, pki.password)  # the desk has seen this key open
    fail_five_times(service, clerk.auth_p12)
    # The same key re-exported (the signing key beside it, so only the lock can refuse it).
    folder = tmp_path / "reexported"
    copy = reexported(clerk.auth_p12, folder / clerk.auth_p12.name, pki.password)
    shutil.copy(clerk.sign_p12, folder / clerk.sign_p12.name)
    assert service.locked_until(copy) is None  # a new file: nothing known before it opens ...
    with pytest.raises(KeyLockedOut):
        service.log_in(copy, pki.password)  # ... but it opens as the locked certificate
    # Another key of the same person (same IIN, another certificate) is locked as well.
    other = pki.issue_staff_key(clerk.iin, clerk.surname, clerk.given_name, key_name="second")
    with pytest.raises(KeyLockedOut):
        service.log_in(other.save(tmp_path / "second"), pki.password)
    # Other people are not affected; and the lock ends.
    supervisor = pki.staff_for(Role.SUPERVISOR)
    assert service.log_in(supervisor.auth_p12, pki.password).role is Role.SUPERVISOR
    desk.clock.advance(timedelta(minutes=15, seconds=1))
    assert service.log_in(copy, pki.password).role is Role.CLERK


def test_failures_after_the_key_opened_lock_its_certificate_in_any_file(
    desk: Desk, pki: DemoPki, tmp_path: Path
) -> None:
    # An expired key of a real person: each try counts against that certificate and IIN.
    expired = pki.expired_key()
    path = expired.save(tmp_path / "expired")
    service = desk.service()
    for _ in range(4):
        with pytest.raises(LoginRefused) as refused:
            service.log_in(path, pki.password)
        assert not isinstance(refused.value, KeyLockedOut)
    with pytest.raises(KeyLockedOut):
        service.log_in(path, pki.password)
    copy = reexported(path, tmp_path / "copy" / path.name, pki.password)
    with pytest.raises(KeyLockedOut):
        service.log_in(copy, pki.password)
    assert desk.audit[-1].details["certificate"] == certificate_ids(expired.certificate)[0]


def test_a_forged_file_with_someone_elses_iin_cannot_lock_them_out(
    desk: Desk, pki: DemoPki, tmp_path: Path
) -> None:
    clerk = pki.staff_for(Role.CLERK)
    rogue = pki.untrusted_key().save(tmp_path / "rogue")  # the clerk's IIN, an untrusted CA
    service = desk.service()
    for _ in range(4):
        with pytest.raises(LoginRefused):
            service.log_in(rogue, pki.password)
    with pytest.raises(KeyLockedOut):
        service.log_in(rogue, pki.password)  # the forged file itself is locked ...
    assert service.log_in(clerk.auth_p12, pki.password).role is Role.CLERK  # ... not the clerk


def test_every_counted_failure_says_how_many_tries_are_left(desk: Desk, pki: DemoPki) -> None:
    service = desk.service()
    unknown = pki.issue_staff_key(SPARE_IINS[1], "KASYMOVA", "DANA", key_name="unknown-staff")
    path = unknown.save(desk.settings.crl_dir.parent / "unknown")
    notes = []
    for _ in range(4):
        with pytest.raises(LoginRefused) as refused:
            service.log_in(path, pki.password)
        notes.append(" ".join(refused.value.__notes__))
    assert [n.split(" ")[0] for n in notes] == ["4", "3", "2", "1"]
    assert "1 attempt left" in notes[-1]
    assert [e.details["attempts_left"] for e in desk.audit] == [4, 3, 2, 1]


def test_a_locked_attempt_is_audited_without_counting(desk: Desk, pki: DemoPki) -> None:
    clerk = pki.staff_for(Role.CLERK)
    service = desk.service()
    fail_five_times(service, clerk.auth_p12)
    with pytest.raises(KeyLockedOut):
        service.log_in(clerk.auth_p12, pki.password)
    actions = [e.action for e in desk.audit]
    assert actions == [AuditAction.LOGIN_FAILED] * 4 + [AuditAction.KEY_LOCKED_OUT] + [
        AuditAction.LOGIN_FAILED
    ]
    assert desk.audit[-1].details["locked"] is True
    assert desk.audit[-1].details["attempts_left"] is None
    assert {e.subject for e in desk.audit} == {
        f"key:{key_material_ids(clerk.auth_p12.read_bytes())[0][4:20]}"
    }


def test_a_damaged_lockout_record_does_not_stop_log_ins(desk: Desk, pki: DemoPki) -> None:
    from workstation.store.local import put_setting

    with desk.store.transaction() as conn:
        put_setting(conn, "login_guard", "{not json")
        put_setting(conn, "login_known_keys", "[1, 2]")
    clerk = pki.staff_for(Role.CLERK)
    assert desk.service().log_in(clerk.auth_p12, pki.password).role is Role.CLERK


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed")
def test_a_key_reexported_by_openssl_is_still_locked(
    desk: Desk, pki: DemoPki, tmp_path: Path
) -> None:
    clerk = pki.staff_for(Role.CLERK)
    service = desk.service()
    service.log_in(clerk.auth_p12, pki.password)
    fail_five_times(service, clerk.auth_p12)
    pem = tmp_path / "clerk.pem"
    folder = tmp_path / "openssl"
    folder.mkdir()
    copy = folder / clerk.auth_p12.name
    password = f"pass:{pki.password}"
    subprocess.run(
        ["openssl", "pkcs12", "-in", str(clerk.auth_p12), "-passin", password, "-nodes",
         "-out", str(pem)],
        check=True, capture_output=True,
    )  # fmt: skip
    subprocess.run(
        ["openssl", "pkcs12", "-export", "-in", str(pem), "-passout", password, "-out", str(copy)],
        check=True, capture_output=True,
    )  # fmt: skip
    shutil.copy(clerk.sign_p12, folder / clerk.sign_p12.name)
    with pytest.raises(KeyLockedOut):
        service.log_in(copy, pki.password)
