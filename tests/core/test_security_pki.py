"""The demo PKI: NCA-like names, valid IINs, DEMO labels, key caching."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from workstation.security.pki import (
    OID_EMPLOYEE,
    DemoKeyPool,
    DemoPki,
    make_demo_pki,
)
from workstation.security.roles import Role


@pytest.fixture(scope="session")
def demo_pki(tmp_path_factory: pytest.TempPathFactory) -> DemoPki:
    keys = DemoKeyPool(tmp_path_factory.getbasetemp() / "demo-keys")
    return make_demo_pki(tmp_path_factory.mktemp("pki"), keys=keys)


def iin_is_valid(iin: str) -> bool:
    """Decree 406 check digit, written here independently of the domain package."""
    if len(iin) != 12 or not iin.isdigit():
        return False
    digits = [int(c) for c in iin]
    first = sum(d * w for d, w in zip(digits[:11], range(1, 12), strict=True)) % 11
    if first == 10:
        weights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]
        first = sum(d * w for d, w in zip(digits[:11], weights, strict=True)) % 11
        if first == 10:
            return False
    return first == digits[11]


def test_local_iin_check_knows_both_passes() -> None:
    assert iin_is_valid("850304400015")
    assert not iin_is_valid("850304400016")
    # First pass gives 10 here; the second pass gives the check digit 5.
    assert iin_is_valid("910512300405")
    assert not iin_is_valid("910512300400")


def test_every_hard_coded_iin_and_bin_is_valid() -> None:
    from workstation.security import pki

    numbers = [
        *pki.SPARE_IINS,
        pki.MINISTRY_SIGNER_IIN,
        pki.MIGRATION_SIGNER_IIN,
        pki.TSON_BIN,
        pki.MINISTRY_BIN,
        pki.MIGRATION_BIN,
    ]
    assert all(iin_is_valid(number) for number in numbers)


def _load(path: Path, password: str) -> x509.Certificate:
    loaded = pkcs12.load_pkcs12(path.read_bytes(), password.encode())
    assert loaded.cert is not None
    return loaded.cert.certificate


def _text(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    return str(name.get_attributes_for_oid(oid)[0].value)


def test_every_role_has_auth_and_signing_keys_with_nca_names(demo_pki: DemoPki) -> None:
    assert {member.role for member in demo_pki.staff} == set(Role)
    for member in demo_pki.staff:
        assert iin_is_valid(member.iin)
        assert member.auth_p12.name.startswith("AUTH_RSA256_")
        assert member.sign_p12.name.startswith("RSA256_")
        assert member.auth_p12.suffix == member.sign_p12.suffix == ".p12"
        for path in (member.auth_p12, member.sign_p12):
            subject = _load(path, member.password).subject
            assert _text(subject, NameOID.SERIAL_NUMBER) == f"IIN{member.iin}"
            assert _text(subject, NameOID.COMMON_NAME) == member.display_name
            assert _text(subject, NameOID.SURNAME) == member.surname
            assert _text(subject, NameOID.GIVEN_NAME) == member.given_name
            assert _text(subject, NameOID.COUNTRY_NAME) == "KZ"
            assert "DEMO" in _text(subject, NameOID.ORGANIZATION_NAME)
            unit = _text(subject, NameOID.ORGANIZATIONAL_UNIT_NAME)
            assert unit.startswith("BIN") and iin_is_valid(unit[3:])


def test_key_usages_separate_log_in_from_signing(demo_pki: DemoPki) -> None:
    member = demo_pki.staff_for(Role.CLERK)
    auth = _load(member.auth_p12, member.password)
    sign = _load(member.sign_p12, member.password)
    auth_eku = auth.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    sign_eku = sign.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert ExtendedKeyUsageOID.CLIENT_AUTH in auth_eku and OID_EMPLOYEE in auth_eku
    assert ExtendedKeyUsageOID.CLIENT_AUTH not in sign_eku and OID_EMPLOYEE in sign_eku
    usage = sign.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment


def test_every_certificate_is_labelled_demo(demo_pki: DemoPki) -> None:
    certificates = [demo_pki.root.certificate, demo_pki.issuing.certificate]
    for member in demo_pki.staff:
        certificates += [_load(member.auth_p12, member.password)]
    for signer in (demo_pki.ministry, demo_pki.migration_service, demo_pki.desk):
        certificates.append(_load(signer.p12, signer.password))
    for certificate in certificates:
        assert "DEMO" in _text(certificate.subject, NameOID.ORGANIZATION_NAME)
        assert "DEMO" in _text(certificate.issuer, NameOID.ORGANIZATION_NAME)
    assert _text(demo_pki.root.certificate.subject, NameOID.COMMON_NAME) == "DEMO NCA RK ROOT"


def test_ministry_and_migration_service_signers(demo_pki: DemoPki) -> None:
    ministry = _load(demo_pki.ministry.p12, demo_pki.password)
    migration = _load(demo_pki.migration_service.p12, demo_pki.password)
    assert "MINISTRY" in _text(ministry.subject, NameOID.ORGANIZATION_NAME)
    assert "MIGRATION" in _text(migration.subject, NameOID.ORGANIZATION_NAME)
    assert demo_pki.ministry.iin is not None and iin_is_valid(demo_pki.ministry.iin)


def test_key_pool_reuses_keys_in_memory_and_from_its_cache_dir(tmp_path: Path) -> None:
    pool = DemoKeyPool(tmp_path / "keys")
    first = pool.key("root-ca")
    assert pool.key("root-ca") is first
    again = DemoKeyPool(tmp_path / "keys").key("root-ca")
    assert again.private_numbers() == first.private_numbers()
    assert (tmp_path / "keys" / "root-ca-2048.pem").stat().st_mode & 0o077 == 0


def test_saved_trust_and_crl_files(demo_pki: DemoPki) -> None:
    assert demo_pki.root_pem.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")
    crls = demo_pki.crls()
    assert {crl.issuer for crl in crls} == {
        demo_pki.root.certificate.subject,
        demo_pki.issuing.certificate.subject,
    }
    assert all(len(crl) == 0 for crl in crls)
