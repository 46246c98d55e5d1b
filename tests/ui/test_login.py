"""The log-in screen against the real log-in service: every refusal, the lock-out, success."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from PySide6.QtCore import Qt

from tests.ui.conftest import UI_NOW
from ui.login_dialog import LoginDialog
from workstation.domain.clock import FixedClock
from workstation.security.audit import AuditAction
from workstation.security.pki import SPARE_IINS, DemoKeyPool, DemoPki, make_demo_pki
from workstation.security.roles import Role
from workstation.services.login import LoginEvent, LoginService, LoginSettings
from workstation.services.staff import StaffRecord, find_staff, put_staff
from workstation.store.local import LocalStore

DESK_CITY = "Astana"


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> DemoPki:
    keys = DemoKeyPool(tmp_path_factory.getbasetemp() / "demo-keys")
    return make_demo_pki(tmp_path_factory.mktemp("pki"), keys=keys, now=UI_NOW - timedelta(hours=1))


@dataclass(frozen=True)
class KeyFiles:
    expired: Path
    not_yet_valid: Path
    revoked: Path
    revoked_crl: bytes
    untrusted: Path
    no_iin: Path
    unknown_staff: Path
    signing: Path
    not_a_key: Path


@pytest.fixture(scope="module")
def key_files(pki: DemoPki, tmp_path_factory: pytest.TempPathFactory) -> KeyFiles:
    folder = tmp_path_factory.mktemp("keys")
    revoked, crl = pki.revoked_key()
    not_a_key = folder / "notes.p12"
    not_a_key.write_text("this is not a key file")
    unknown = pki.issue_staff_key(SPARE_IINS[1], "KASYMOVA", "DANA", key_name="unknown-staff")
    return KeyFiles(
        expired=pki.expired_key().save(folder / "expired"),
        not_yet_valid=pki.not_yet_valid_key().save(folder / "not-yet-valid"),
        revoked=revoked.save(folder / "revoked"),
        revoked_crl=crl.public_bytes(serialization.Encoding.DER),
        untrusted=pki.untrusted_key().save(folder / "untrusted"),
        no_iin=pki.key_without_iin().save(folder / "no-iin"),
        unknown_staff=unknown.save(folder / "unknown"),
        signing=pki.staff_for(Role.CLERK).sign_p12,
        not_a_key=not_a_key,
    )


@dataclass
class Desk:
    store: LocalStore
    clock: FixedClock
    settings: LoginSettings
    audit: list[LoginEvent]

    def service(self) -> LoginService:
        return LoginService(
            self.store, self.settings, desk_city=DESK_CITY, clock=self.clock,
            audit=self.audit.append,
        )  # fmt: skip

    def change_staff(self, iin: str, **changes: object) -> None:
        with self.store.transaction() as conn:
            record = find_staff(conn, iin)
            assert record is not None
            put_staff(conn, replace(record, **changes), self.clock.now())  # type: ignore[arg-type]


def seed_staff(store: LocalStore, pki: DemoPki, clock: FixedClock) -> None:
    with store.transaction() as conn:
        for member in pki.staff:
            put_staff(
                conn,
                StaffRecord(member.iin, member.display_name, member.role.value, "TSON-AST-01",
                            DESK_CITY),
                clock.now(),
            )  # fmt: skip


@pytest.fixture
def desk(tmp_path: Path, pki: DemoPki) -> Iterator[Desk]:
    store = LocalStore.open(tmp_path / "desk", create=True)
    clock = FixedClock(UI_NOW)
    seed_staff(store, pki, clock)
    crl_dir = tmp_path / "crl"
    crl_dir.mkdir()
    for crl in pki.crl_files:
        shutil.copy(crl, crl_dir / crl.name)
    yield Desk(store, clock, LoginSettings(trust_dir=pki.trust_dir, crl_dir=crl_dir), [])
    store.close()


def open_dialog(qtbot, service: LoginService, **kwargs: object) -> LoginDialog:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(service, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def attempt(qtbot, dialog: LoginDialog, key: Path, password: str) -> None:  # type: ignore[no-untyped-def]
    dialog.key_path.setText(str(key))
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)


def test_a_clerk_logs_in_with_key_and_password(qtbot, pki: DemoPki, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, desk.service())
    clerk = pki.staff_for(Role.CLERK)
    with qtbot.waitSignal(dialog.logged_in) as signal:
        attempt(qtbot, dialog, clerk.auth_p12, pki.password)
    session = signal.args[0]
    assert dialog.session is session
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert session.role is Role.CLERK
    assert session.actor.iin == clerk.iin and session.actor.role == "clerk"
    # Events are signed with the signing key beside the log-in key, and name its certificate.
    assert session.actor.cert_fingerprint == clerk.sign_fingerprint_sha256
    assert session.signer is not None and session.identity.fingerprint_sha256 == (
        clerk.auth_fingerprint_sha256
    )
    assert session.actor.name == "ASANOVA AIGERIM"
    assert [e.action for e in desk.audit] == [AuditAction.LOGIN]
    assert desk.audit[0].actor_iin == clerk.iin


@pytest.mark.parametrize("role", list(Role))
def test_each_role_logs_in_with_its_own_role(pki: DemoPki, desk: Desk, role: Role) -> None:
    member = pki.staff_for(role)
    session = desk.service().log_in(member.auth_p12, pki.password)
    assert session.role is role and session.actor.iin == member.iin


@dataclass(frozen=True)
class Refusal:
    key: Callable[[DemoPki, KeyFiles], Path]
    password: str
    reason: str  # the LoginRefused subclass
    message: str  # a part of the message the person reads
    field: str = "keyError"  # where it is shown
    prepare: Callable[[Desk, DemoPki, KeyFiles], None] | None = None


def _clerk(pki: DemoPki, _keys: KeyFiles) -> Path:
    return pki.staff_for(Role.CLERK).auth_p12


def _revoke(desk: Desk, _pki: DemoPki, keys: KeyFiles) -> None:
    (desk.settings.crl_dir / "issuing.crl").write_bytes(keys.revoked_crl)


def _clerk_iin(pki: DemoPki) -> str:
    return pki.staff_for(Role.CLERK).iin


def _empty_trust_store(desk: Desk, _pki: DemoPki, _keys: KeyFiles) -> None:
    empty = desk.settings.crl_dir.parent / "empty-trust"
    empty.mkdir()
    desk.settings = replace(desk.settings, trust_dir=empty)


def _clerk_without_signing_key(pki: DemoPki, _keys: KeyFiles) -> Path:
    """The clerk's log-in key alone in a folder: nothing to sign events with."""
    alone = pki.directory / "alone"
    alone.mkdir(exist_ok=True)
    source = pki.staff_for(Role.CLERK).auth_p12
    target = alone / source.name
    target.write_bytes(source.read_bytes())
    return target


REFUSALS = {
    "wrong-password": Refusal(
        _clerk, "654321", "WrongPassword", "password for this key file is wrong",
        field="passwordError",
    ),
    "expired": Refusal(lambda p, k: k.expired, "123456", "CertificateExpired", "expired on"),
    "not-yet-valid": Refusal(
        lambda p, k: k.not_yet_valid, "123456", "CertificateNotYetValid", "valid only from"
    ),
    "revoked": Refusal(
        lambda p, k: k.revoked, "123456", "CertificateRevoked", "was revoked on", prepare=_revoke
    ),
    "untrusted": Refusal(
        lambda p, k: k.untrusted, "123456", "UntrustedCertificate",
        "not issued by a certification centre this desk trusts",
    ),
    "no-iin": Refusal(lambda p, k: k.no_iin, "123456", "NoIinInCertificate", "carries no IIN"),
    "unknown-staff": Refusal(
        lambda p, k: k.unknown_staff, "123456", "UnknownStaff", "has no staff record"
    ),
    "inactive-staff": Refusal(
        _clerk, "123456", "StaffInactive", "is switched off",
        prepare=lambda d, p, k: d.change_staff(_clerk_iin(p), active=False),
    ),
    "other-branch": Refusal(
        _clerk, "123456", "WrongBranch", "works at the Almaty branch",
        prepare=lambda d, p, k: d.change_staff(_clerk_iin(p), city="Almaty"),
    ),
    "key-not-registered": Refusal(
        _clerk, "123456", "KeyNotRegistered", "not the key registered for",
        prepare=lambda d, p, k: d.change_staff(_clerk_iin(p), cert_fingerprint="00" * 32),
    ),
    "unknown-role": Refusal(
        _clerk, "123456", "UnknownRole", "which this desk does not know",
        prepare=lambda d, p, k: d.change_staff(_clerk_iin(p), role="cashier"),
    ),
    "signing-key": Refusal(
        lambda p, k: k.signing, "123456", "NotALoginKey", "signing key, not a log-in key"
    ),
    "not-a-key-file": Refusal(
        lambda p, k: k.not_a_key, "123456", "KeyFileUnreadable", "not a usable EDS key file"
    ),
    "missing-file": Refusal(
        lambda p, k: k.not_a_key.with_name("gone.p12"), "123456", "KeyFileUnreadable",
        "cannot be read",
    ),
    "stale-crl": Refusal(
        _clerk, "123456", "CrlMissingOrStale", "is out of date",
        prepare=lambda d, p, k: d.clock.advance(timedelta(days=8)),
    ),
    "no-signing-key": Refusal(
        _clerk_without_signing_key, "123456", "NoSigningKey", "No usable signing key"
    ),
    "no-trust-store": Refusal(
        _clerk, "123456", "DeskNotSetUp", "not set up for log-in", prepare=_empty_trust_store
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", list(REFUSALS))
def test_each_refusal_is_shown_next_to_its_field(  # type: ignore[no-untyped-def]
    qtbot, pki: DemoPki, key_files: KeyFiles, desk: Desk, case: str
) -> None:
    refusal = REFUSALS[case]
    if refusal.prepare is not None:
        refusal.prepare(desk, pki, key_files)
    dialog = open_dialog(qtbot, desk.service())
    attempt(qtbot, dialog, refusal.key(pki, key_files), refusal.password)
    assert dialog.session is None and dialog.isVisible()
    shown = dialog.findChild(type(dialog.key_error), refusal.field)
    other = dialog.password_error if refusal.field == "keyError" else dialog.key_error
    assert shown.isVisible() and refusal.message in shown.text()
    assert not other.isVisible()
    assert dialog.password.text() == ""  # a refused password is not left in the field
    assert [e.details["reason"] for e in desk.audit] == [refusal.reason]
    assert desk.audit[0].action is AuditAction.LOGIN_FAILED
    assert desk.audit[0].actor_iin is None  # a refused key proves nobody


def test_every_refusal_has_its_own_message(
    pki: DemoPki, key_files: KeyFiles, tmp_path: Path
) -> None:
    from workstation.security.eds import LoginRefused

    messages = {}
    for index, (case, refusal) in enumerate(REFUSALS.items()):
        store = LocalStore.open(tmp_path / f"desk-{index}", create=True)
        clock = FixedClock(UI_NOW)
        seed_staff(store, pki, clock)
        crl_dir = tmp_path / f"crl-{index}"
        crl_dir.mkdir()
        for crl in pki.crl_files:
            shutil.copy(crl, crl_dir / crl.name)
        desk = Desk(store, clock, LoginSettings(pki.trust_dir, crl_dir), [])
        if refusal.prepare is not None:
            refusal.prepare(desk, pki, key_files)
        with pytest.raises(LoginRefused) as refused:
            desk.service().log_in(refusal.key(pki, key_files), refusal.password)
        assert type(refused.value).__name__ == refusal.reason, case
        messages[case] = str(refused.value)
        store.close()
    # Two cases share a class (no file / not a key file); every other message differs.
    assert len(set(messages.values())) == len(REFUSALS)


def test_five_failures_lock_the_key_and_a_restart_does_not_unlock_it(  # type: ignore[no-untyped-def]
    qtbot, pki: DemoPki, desk: Desk, tmp_path: Path
) -> None:
    clerk = pki.staff_for(Role.CLERK)
    dialog = open_dialog(qtbot, desk.service())
    for left in (4, 3, 2, 1):
        attempt(qtbot, dialog, clerk.auth_p12, "000000")
        assert f"{left} attempt" in dialog.password_error.text()
    attempt(qtbot, dialog, clerk.auth_p12, "000000")
    assert "Too many wrong attempts" in dialog.key_error.text()
    assert "locked until 2026-11-21 06:45 UTC" in dialog.key_error.text()
    assert desk.audit[-1].action is AuditAction.KEY_LOCKED_OUT
    # The right password does not help while the lock lasts ...
    attempt(qtbot, dialog, clerk.auth_p12, pki.password)
    assert dialog.session is None and "Too many wrong attempts" in dialog.key_error.text()
    # ... another person's key is not affected ...
    supervisor = pki.staff_for(Role.SUPERVISOR)
    assert desk.service().log_in(supervisor.auth_p12, pki.password).role is Role.SUPERVISOR
    # ... closing and opening the desk again keeps the count (it lives in the store) ...
    desk.store.close()
    desk.store = LocalStore.open(tmp_path / "desk")
    restarted = open_dialog(qtbot, desk.service())
    attempt(qtbot, restarted, clerk.auth_p12, pki.password)
    assert "Too many wrong attempts" in restarted.key_error.text()
    assert desk.service().locked_until(clerk.auth_p12) is not None
    # ... and once it is over, the key works again.
    desk.clock.advance(timedelta(minutes=15, seconds=1))
    with qtbot.waitSignal(restarted.logged_in):
        attempt(qtbot, restarted, clerk.auth_p12, pki.password)
    assert desk.service().locked_until(clerk.auth_p12) is None


def test_a_success_clears_the_count(qtbot, pki: DemoPki, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    clerk = pki.staff_for(Role.CLERK)
    service = desk.service()
    for _ in range(4):
        with pytest.raises(Exception, match="password"):
            service.log_in(clerk.auth_p12, "000000")
    service.log_in(clerk.auth_p12, pki.password)
    with pytest.raises(Exception) as refused:
        service.log_in(clerk.auth_p12, "000000")
    assert "4 attempts left" in " ".join(refused.value.__notes__)


def test_empty_fields_are_asked_for_before_any_check(qtbot, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, desk.service())
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert "Choose your key file" in dialog.key_error.text()
    dialog.key_path.setText("/somewhere/AUTH_RSA256_x.p12")
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert "Type the password" in dialog.password_error.text()
    assert desk.audit == []
