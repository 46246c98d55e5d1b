"""Demo mode's PKI on disk (made once, CRLs kept fresh) and log-in settings and staff records."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from workstation.domain.clock import FixedClock
from workstation.domain.programme import DEFAULT_RULES
from workstation.journal.envelope import Actor
from workstation.security.demo_setup import DemoKeyKind, ensure_demo_pki, refresh_demo_crls
from workstation.security.eds import (
    CertificateExpired,
    CertificateRevoked,
    CrlMissingOrStale,
    UntrustedCertificate,
)
from workstation.security.pki import DEMO_PASSWORD, DemoKeyPool
from workstation.security.roles import NotPermitted, Role
from workstation.services.context import DeskContext
from workstation.services.demo import open_demo_session
from workstation.services.demo_login import prepare_demo_login
from workstation.services.login import (
    LoginService,
    LoginSettings,
    load_login_settings,
    save_login_settings,
)
from workstation.services.setup import DeskSession, desk_identity
from workstation.services.staff import StaffDirectory, StaffRecord, find_staff
from workstation.store.local import LocalStore

NOW = datetime(2026, 3, 10, 6, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def pool(tmp_path_factory: pytest.TempPathFactory) -> DemoKeyPool:
    return DemoKeyPool(tmp_path_factory.getbasetemp() / "demo-keys")


@pytest.fixture
def session(tmp_path: Path) -> Iterator[DeskSession]:
    opened = open_demo_session(tmp_path / "demo", DEFAULT_RULES, FixedClock(NOW), cases=3)
    yield opened
    opened.store.close()


def _crl(path: Path) -> x509.CertificateRevocationList:
    return x509.load_der_x509_crl(path.read_bytes())


def test_the_demo_pki_is_made_once_and_read_back(tmp_path: Path, pool: DemoKeyPool) -> None:
    made = ensure_demo_pki(tmp_path / "pki", NOW, keys=pool)
    assert sorted(k.role.value for k in made.staff_keys if k.role) == sorted(r.value for r in Role)
    assert {k.kind for k in made.keys} == set(DemoKeyKind)
    for key in made.keys:
        assert key.label.startswith("DEMO · ")
        loaded = pkcs12.load_pkcs12(key.path.read_bytes(), DEMO_PASSWORD.encode())
        assert loaded.cert is not None
        organisation = loaded.cert.certificate.subject.get_attributes_for_oid(
            NameOID.ORGANIZATION_NAME
        )
        assert "DEMO" in str(organisation[0].value)
    for signer in (made.ministry_p12, made.migration_service_p12, made.desk_p12):
        assert signer.is_file()
    again = ensure_demo_pki(tmp_path / "pki", NOW + timedelta(hours=2), keys=pool)
    assert again.keys == made.keys  # the same files, offered again on the next start
    assert (made.directory / "ca" / "issuing.key.pem").stat().st_mode & 0o077 == 0


def test_stale_crls_are_issued_again_and_still_list_the_revoked_key(
    tmp_path: Path, pool: DemoKeyPool
) -> None:
    made = ensure_demo_pki(tmp_path / "pki", NOW, keys=pool)
    revoked = made.key_of(DemoKeyKind.REVOKED)
    loaded = pkcs12.load_pkcs12(revoked.path.read_bytes(), DEMO_PASSWORD.encode())
    assert loaded.cert is not None
    serial = loaded.cert.certificate.serial_number
    issuing = made.crl_dir / "issuing.crl"
    assert _crl(issuing).get_revoked_certificate_by_serial_number(serial) is not None
    first_update = _crl(issuing).last_update_utc
    assert not refresh_demo_crls(made, NOW + timedelta(days=1))  # six days left: kept
    later = NOW + timedelta(days=8)
    ensure_demo_pki(tmp_path / "pki", later, keys=pool)
    fresh = _crl(issuing)
    assert fresh.last_update_utc > first_update
    assert fresh.next_update_utc is not None and fresh.next_update_utc > later
    assert fresh.get_revoked_certificate_by_serial_number(serial) is not None
    assert _crl(made.crl_dir / "root.crl").next_update_utc > later  # type: ignore[operator]


def test_keys_near_their_end_are_made_again(tmp_path: Path, pool: DemoKeyPool) -> None:
    made = ensure_demo_pki(tmp_path / "pki", NOW, keys=pool)
    renewed = ensure_demo_pki(tmp_path / "pki", made.valid_until - timedelta(days=1), keys=pool)
    assert renewed.valid_until > made.valid_until
    assert (
        renewed.key_for(Role.CLERK).fingerprint_sha256
        != made.key_for(Role.CLERK).fingerprint_sha256
    )
    assert not made.key_for(Role.CLERK).path.exists()  # the old files went with the old PKI


def test_the_demo_desk_logs_in_each_role_and_refuses_the_refusal_keys(
    session: DeskSession, tmp_path: Path, pool: DemoKeyPool
) -> None:
    demo = prepare_demo_login(session, tmp_path / "demo", keys=pool)
    for key in demo.pki.staff_keys:
        staff = demo.service.log_in(key.path, demo.pki.password)
        assert staff.role is key.role and staff.actor.iin == key.iin
        with session.store.reading() as conn:
            record = find_staff(conn, staff.actor.iin)
        assert record is not None and record.city == "Astana" and record.active
    expected = {
        DemoKeyKind.EXPIRED: CertificateExpired,
        DemoKeyKind.REVOKED: CertificateRevoked,
        DemoKeyKind.UNTRUSTED: UntrustedCertificate,
    }
    for kind, error in expected.items():
        with pytest.raises(error):
            demo.service.log_in(demo.pki.key_of(kind).path, demo.pki.password)
    saved = load_login_settings(session.store, tmp_path / "demo")
    assert saved.trust_dir == demo.pki.trust_dir and saved.crl_dir == demo.pki.crl_dir


def test_demo_log_in_keeps_its_crls_fresh_but_a_real_desk_does_not(
    session: DeskSession, tmp_path: Path, pool: DemoKeyPool
) -> None:
    demo = prepare_demo_login(session, tmp_path / "demo", keys=pool)
    clerk = demo.pki.key_for(Role.CLERK).path
    clock = FixedClock(NOW + timedelta(days=9))
    # Without the demo's refresher (as on a real desk, where sync brings CRLs) a stale CRL
    # refuses the log-in ...
    real = LoginService(
        session.store, demo.service.settings, desk_city="Astana", clock=clock, audit=None
    )
    with pytest.raises(CrlMissingOrStale):
        real.log_in(clerk, DEMO_PASSWORD)
    # ... and the demo desk re-issues its CRLs and logs in.
    demo_service = LoginService(
        session.store, demo.service.settings, desk_city="Astana", clock=clock,
        refresh_crls=demo.service.refresh_crls, audit=None,
    )  # fmt: skip
    assert demo_service.log_in(clerk, DEMO_PASSWORD).role is Role.CLERK


def test_the_demo_pki_is_for_demo_desks_only(tmp_path: Path, pool: DemoKeyPool) -> None:
    store = LocalStore.open(tmp_path / "real", create=True)
    real = DeskSession(
        store=store,
        identity=desk_identity(store),
        actor=Actor("", "", ""),
        rules=DEFAULT_RULES,
        clock=FixedClock(NOW),
    )
    with pytest.raises(ValueError, match="demo desks only"):
        prepare_demo_login(real, tmp_path / "real", keys=pool)
    store.close()


def test_login_settings_are_kept_in_the_store(store: LocalStore, tmp_path: Path) -> None:
    defaults = load_login_settings(store, tmp_path)
    assert defaults == LoginSettings.defaults_for(tmp_path)
    assert defaults.idle_lock == timedelta(minutes=10) and defaults.max_failures == 5
    chosen = LoginSettings(
        trust_dir=tmp_path / "nca",
        crl_dir=tmp_path / "crl",
        max_failures=3,
        lockout=timedelta(minutes=30),
        idle_lock=timedelta(minutes=2.5),
    )
    save_login_settings(store, chosen)
    assert load_login_settings(store, tmp_path) == chosen
    with pytest.raises(ValueError, match="at least one attempt"):
        save_login_settings(store, LoginSettings(tmp_path, tmp_path, max_failures=0))
    with pytest.raises(ValueError, match="longer than zero"):
        save_login_settings(store, LoginSettings(tmp_path, tmp_path, idle_lock=timedelta(0)))


def test_staff_records_are_managed_by_an_administrator(store: LocalStore) -> None:
    clock = FixedClock(NOW)
    admin_desk = DeskContext(
        store,
        actor=Actor("881209300010", "ADMIN", "administrator"),
        workstation_id="WS-ADMIN",
        rules=DEFAULT_RULES,
        clock=clock,
    )
    admin = StaffDirectory(admin_desk)
    record = StaffRecord("850304400015", "ASANOVA AIGERIM", "clerk", "TSON-AST-01", "Astana")
    admin.put(record)
    admin.set_active("850304400015", False)
    assert admin.list() == [StaffRecord(**{**record.__dict__, "active": False})]
    with pytest.raises(ValueError, match="IIN is not valid"):
        admin.put(StaffRecord("850304400016", "X", "clerk", "B", "Astana"))
    with pytest.raises(ValueError, match="cashier"):
        admin.put(StaffRecord("850304400015", "X", "cashier", "B", "Astana"))
    with pytest.raises(LookupError):
        admin.set_active("780622400019", True)
    clerk = StaffDirectory(replace(admin_desk, actor=Actor("850304400015", "CLERK", "clerk")))
    with pytest.raises(NotPermitted, match="manage staff records"):
        clerk.list()
