"""RFC 3161 time-stamp tokens on signatures (issue 15, point 4b): tokens made by the local TSA
simulator verify, here and with openssl; tampered tokens, wrong imprints, untrusted or revoked
TSAs and signers that are not TSAs are refused; stamping keeps the signature checking."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from asn1crypto import cms as asn1_cms  # type: ignore[import-untyped]
from cryptography.hazmat.primitives import serialization
from hypothesis import given, settings
from hypothesis import strategies as st

from workstation.security.cms import sign_detached, verify_detached
from workstation.security.cms_fast import read_signer_infos
from workstation.security.eds import StaffKey, TrustStore, load_staff_key
from workstation.security.pki import DemoKeyPool, DemoPki, make_demo_pki
from workstation.security.roles import Role
from workstation.security.timestamp import (
    TimestampInvalid,
    TimestampProblem,
    TsaTrust,
    has_timestamp,
    read_response,
    signature_time,
    stamp_signature,
    timestamp_request,
    verify_token,
)
from workstation.security.tsa_simulator import (
    TsaAuthority,
    TsaSimulator,
    make_tsa_authority,
)

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
DATA = b'{"event":"ArrivalRecorded"}'


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> DemoKeyPool:
    return DemoKeyPool(tmp_path_factory.getbasetemp() / "demo-keys")


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory, keys: DemoKeyPool) -> DemoPki:
    return make_demo_pki(tmp_path_factory.mktemp("pki"), keys=keys, now=NOW - timedelta(days=2))


@pytest.fixture(scope="module")
def authority(keys: DemoKeyPool) -> TsaAuthority:
    return make_tsa_authority(NOW - timedelta(days=30), keys)


@pytest.fixture(scope="module")
def clerk_key(pki: DemoPki) -> StaffKey:
    member = pki.staff_for(Role.CLERK)
    return load_staff_key(member.sign_p12.read_bytes(), member.password)


def _trust(authority: TsaAuthority, **kw: object) -> TsaTrust:
    return TsaTrust(TrustStore((authority.ca.certificate,), (authority.certificate,)), **kw)  # type: ignore[arg-type]


def _simulator(authority: TsaAuthority, at: datetime = NOW) -> TsaSimulator:
    return TsaSimulator(authority, clock=lambda: at)


def _token(simulator: TsaSimulator, data: bytes, *, cert_req: bool = False) -> bytes:
    request = timestamp_request(data, cert_req=cert_req)
    return read_response(simulator.respond(request), request)


def _stamper(simulator: TsaSimulator) -> Callable[[bytes], bytes]:
    return lambda value: _token(simulator, value)


def _signed(key: StaffKey, *, certificates: bool = False) -> bytes:
    return sign_detached(DATA, key.private_key, key.certificate, include_certificates=certificates)


def _problem(call: Callable[[], object]) -> TimestampProblem:
    with pytest.raises(TimestampInvalid) as caught:
        call()
    return caught.value.problem


def test_a_token_from_the_simulator_verifies_and_gives_its_time(authority: TsaAuthority) -> None:
    token = _token(_simulator(authority), DATA)
    verified = verify_token(token, DATA, _trust(authority), now=NOW)
    assert verified.gen_time == NOW
    assert verified.tsa_certificate == authority.certificate
    # with the TSA certificate inside, the trust needs only the CA
    with_cert = _token(_simulator(authority), DATA, cert_req=True)
    only_ca = TsaTrust(TrustStore((authority.ca.certificate,)))
    assert verify_token(with_cert, DATA, only_ca, now=NOW).gen_time == NOW
    assert _problem(lambda: verify_token(token, DATA, only_ca, now=NOW)) is (
        TimestampProblem.UNTRUSTED_TSA
    )


def test_signature_time_is_the_token_time_and_stamping_keeps_the_signature(
    authority: TsaAuthority, clerk_key: StaffKey, pki: DemoPki
) -> None:
    signature = _signed(clerk_key, certificates=True)
    trust = _trust(authority)
    assert signature_time(signature, trust) is None
    assert not has_timestamp(signature)
    stamped = stamp_signature(signature, _stamper(_simulator(authority)))
    assert has_timestamp(stamped)
    assert signature_time(stamped, trust) == NOW
    # the signed parts are untouched: the CMS still verifies, and stamping twice adds nothing
    desk_trust = TrustStore.from_pem_dir(pki.trust_dir)
    assert verify_detached(DATA, stamped, desk_trust, NOW) == clerk_key.certificate
    assert stamp_signature(stamped, _stamper(_simulator(authority))) == stamped


def test_a_stamped_event_signature_stays_on_the_fast_path(
    authority: TsaAuthority, clerk_key: StaffKey
) -> None:
    signature = _signed(clerk_key)
    stamped = stamp_signature(signature, _stamper(_simulator(authority)))
    (plain,) = read_signer_infos(signature)
    (fast,) = read_signer_infos(stamped)
    assert fast == plain


def test_a_tampered_token_is_refused(authority: TsaAuthority, clerk_key: StaffKey) -> None:
    trust = _trust(authority)
    token = _token(_simulator(authority), DATA)
    info = asn1_cms.ContentInfo.load(token)
    # a later time written into the TSTInfo: the messageDigest no longer matches
    tst = info["content"]["encap_content_info"]["content"].parsed
    tst["gen_time"] = NOW + timedelta(days=400)
    info["content"]["encap_content_info"]["content"] = asn1_cms.ParsableOctetString(tst.dump())
    assert _problem(lambda: verify_token(info.dump(force=True), DATA, trust, now=NOW)) is (
        TimestampProblem.TAMPERED
    )
    # one bit of the TSA's signature value flipped
    broken = bytearray(token)
    broken[-5] ^= 0x01
    assert _problem(lambda: verify_token(bytes(broken), DATA, trust, now=NOW)) is (
        TimestampProblem.BAD_SIGNATURE
    )

    # inside a signature: signature_time raises, it does not return None
    def broken_token(value: bytes) -> bytes:
        flipped = bytearray(_token(_simulator(authority), value))
        flipped[-5] ^= 0x01
        return bytes(flipped)

    stamped = stamp_signature(_signed(clerk_key), broken_token)
    assert _problem(lambda: signature_time(stamped, trust)) is TimestampProblem.BAD_SIGNATURE


def test_a_token_for_other_bytes_is_refused(authority: TsaAuthority, clerk_key: StaffKey) -> None:
    trust = _trust(authority)
    token = _token(_simulator(authority), b"something else")
    assert _problem(lambda: verify_token(token, DATA, trust, now=NOW)) is (
        TimestampProblem.IMPRINT_MISMATCH
    )
    # a token over the signed data instead of over the signature value (a common mistake)
    stamped = stamp_signature(_signed(clerk_key), lambda value: _token(_simulator(authority), DATA))
    assert _problem(lambda: signature_time(stamped, trust)) is TimestampProblem.IMPRINT_MISMATCH


def test_an_untrusted_tsa_is_refused(
    authority: TsaAuthority, keys: DemoKeyPool, clerk_key: StaffKey
) -> None:
    rogue = make_tsa_authority(NOW - timedelta(days=30), DemoKeyPool(), name="ROGUE TSA")
    token = _token(_simulator(rogue), DATA, cert_req=True)
    assert _problem(lambda: verify_token(token, DATA, _trust(authority), now=NOW)) is (
        TimestampProblem.UNTRUSTED_TSA
    )


def test_a_signer_that_is_not_a_tsa_is_refused(
    authority: TsaAuthority, clerk_key: StaffKey, pki: DemoPki
) -> None:
    # the clerk's own signing key (chains to NCA, but is no time-stamping authority)
    clerk_as_tsa = TsaAuthority(pki.issuing, clerk_key.private_key, clerk_key.certificate)
    token = _token(_simulator(clerk_as_tsa), DATA, cert_req=True)
    trust = TsaTrust(TrustStore.from_pem_dir(pki.trust_dir))
    assert _problem(lambda: verify_token(token, DATA, trust, now=NOW)) is (
        TimestampProblem.NOT_A_TSA
    )


def test_a_tsa_revoked_before_the_token_is_refused(authority: TsaAuthority) -> None:
    revoked_at = NOW - timedelta(hours=1)
    crl = authority.crl(
        [(authority.certificate.serial_number, revoked_at)], NOW - timedelta(hours=1)
    )
    trust = _trust(authority, crls=(crl,))
    after = _token(_simulator(authority, NOW), DATA)
    assert _problem(lambda: verify_token(after, DATA, trust, now=NOW)) is (
        TimestampProblem.UNTRUSTED_TSA
    )
    before = _token(_simulator(authority, revoked_at - timedelta(minutes=1)), DATA)
    assert verify_token(before, DATA, trust, now=NOW).gen_time < revoked_at


def test_a_token_outside_the_tsa_validity_or_in_the_future_is_refused(
    authority: TsaAuthority,
) -> None:
    trust = _trust(authority)
    expired = _token(
        _simulator(authority, authority.certificate.not_valid_after_utc + timedelta(1)), DATA
    )
    later = authority.certificate.not_valid_after_utc + timedelta(days=2)
    assert _problem(lambda: verify_token(expired, DATA, trust, now=later)) is (
        TimestampProblem.UNTRUSTED_TSA
    )
    future = _token(_simulator(authority, NOW + timedelta(hours=1)), DATA)
    assert _problem(lambda: verify_token(future, DATA, trust, now=NOW)) is TimestampProblem.FUTURE


def test_a_response_must_answer_the_request(authority: TsaAuthority) -> None:
    simulator = _simulator(authority)
    request = timestamp_request(DATA)
    other = timestamp_request(DATA)  # another nonce
    assert _problem(lambda: read_response(simulator.respond(other), request)) is (
        TimestampProblem.MALFORMED
    )
    assert _problem(lambda: read_response(simulator.respond(b"junk"), request)) is (
        TimestampProblem.REFUSED
    )
    assert _problem(lambda: read_response(b"junk", request)) is TimestampProblem.MALFORMED
    unknown_policy = timestamp_request(DATA, policy="1.2.3.4")
    assert _problem(lambda: read_response(simulator.respond(unknown_policy), unknown_policy)) is (
        TimestampProblem.REFUSED
    )


def test_only_some_signers_stamped_proves_no_time(authority: TsaAuthority, pki: DemoPki) -> None:
    from workstation.security.cms import cosign_detached

    ministry = load_staff_key(pki.ministry.p12.read_bytes(), pki.password)
    migration = load_staff_key(pki.migration_service.p12.read_bytes(), pki.password)
    signature = cosign_detached(
        DATA,
        [(k.private_key, k.certificate) for k in (ministry, migration)],
        include_certificates=False,
    )
    first = [True]

    def first_only(value: bytes) -> bytes | None:
        stamp, first[0] = first[0], False
        return _token(_simulator(authority), value) if stamp else None

    half = stamp_signature(signature, first_only)
    trust = _trust(authority)
    assert signature_time(half, trust) is None
    both = stamp_signature(half, _stamper(_simulator(authority, NOW + timedelta(minutes=3))))
    assert signature_time(both, trust) == NOW + timedelta(minutes=3)  # the later of the two


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_give_a_time_none_or_a_clear_refusal(blob: bytes) -> None:
    trust = TsaTrust(TrustStore((_CA_FOR_FUZZ.certificate,)))
    try:
        assert signature_time(blob, trust) is None
    except TimestampInvalid as refused:
        assert str(refused)


def test_a_broken_token_inside_a_signature_is_refused_clearly(
    authority: TsaAuthority, clerk_key: StaffKey
) -> None:
    token = _token(_simulator(authority), _signed(clerk_key))
    trust = _trust(authority)
    signature = _signed(clerk_key)
    for cut in (10, len(token) // 2, len(token) - 1):
        try:
            stamped = stamp_signature(signature, lambda value, cut=cut: token[:cut])
        except TimestampInvalid:
            continue
        with pytest.raises(TimestampInvalid):
            signature_time(stamped, trust)


openssl = pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed")


@openssl
def test_openssl_ts_verify_agrees_on_a_token(
    authority: TsaAuthority, clerk_key: StaffKey, tmp_path: Path
) -> None:
    signature = _signed(clerk_key)
    stamped = stamp_signature(signature, _stamper(_simulator(authority, datetime.now(UTC))))
    signer_info = asn1_cms.ContentInfo.load(stamped)["content"]["signer_infos"][0]
    (attribute,) = signer_info["unsigned_attrs"]
    (tmp_path / "token.der").write_bytes(attribute["values"][0].dump())
    (tmp_path / "value.bin").write_bytes(signer_info["signature"].native)
    (tmp_path / "other.bin").write_bytes(b"not the signature")
    pem = serialization.Encoding.PEM
    (tmp_path / "ca.pem").write_bytes(authority.ca.certificate.public_bytes(pem))
    (tmp_path / "tsa.pem").write_bytes(authority.certificate.public_bytes(pem))

    def openssl_verify(data: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["openssl", "ts", "-verify", "-token_in", "-in", "token.der", "-data", data,
             "-CAfile", "ca.pem", "-untrusted", "tsa.pem"],
            cwd=tmp_path, capture_output=True, text=True, timeout=30, check=False,
        )  # fmt: skip

    agreed = openssl_verify("value.bin")
    assert agreed.returncode == 0, agreed.stderr
    assert "Verification: OK" in agreed.stdout
    assert openssl_verify("other.bin").returncode != 0


@openssl
def test_openssl_cms_verify_accepts_a_stamped_signature(
    authority: TsaAuthority, clerk_key: StaffKey, pki: DemoPki, tmp_path: Path
) -> None:
    stamped = stamp_signature(
        _signed(clerk_key, certificates=True), _stamper(_simulator(authority))
    )
    (tmp_path / "sig.der").write_bytes(stamped)
    (tmp_path / "data.bin").write_bytes(DATA)
    bundle = b"".join(p.read_bytes() for p in sorted(pki.trust_dir.glob("*.pem")))
    (tmp_path / "trust.pem").write_bytes(bundle)
    done = subprocess.run(
        ["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "sig.der",
         "-content", "data.bin", "-CAfile", "trust.pem", "-purpose", "any",
         "-attime", str(int(NOW.timestamp())), "-out", "/dev/null"],
        cwd=tmp_path, capture_output=True, text=True, timeout=30, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


_CA_FOR_FUZZ = make_tsa_authority(NOW, DemoKeyPool(key_size=1024)).ca


def _stamped_for_fuzz() -> tuple[bytes, int, TsaTrust]:
    """A stamped signature (token with the TSA certificate inside) and where its token starts."""
    keys = DemoKeyPool(key_size=1024)
    authority = make_tsa_authority(NOW, keys, name="FUZZ TSA")
    signer = make_tsa_authority(NOW, keys, name="FUZZ SIGNER")  # any RSA key and certificate
    signature = sign_detached(DATA, signer.key, signer.certificate, include_certificates=False)
    simulator = _simulator(authority, NOW)
    stamped = stamp_signature(signature, lambda value: _token(simulator, value, cert_req=True))
    return stamped, len(signature), TsaTrust(TrustStore((authority.ca.certificate,)))


@settings(max_examples=3000, deadline=None)
@given(st.data())
def test_a_changed_byte_anywhere_in_a_token_never_escapes_as_a_crash(data: st.DataObject) -> None:
    stamped, token_start, trust = _FUZZ
    position = data.draw(st.integers(token_start - 20, len(stamped) - 1))
    value = data.draw(st.integers(0, 255))
    cut = data.draw(st.booleans())
    changed = bytearray(stamped)
    changed[position] = value
    blob = bytes(changed[:position] if cut else changed)
    try:
        when = signature_time(blob, trust)
    except TimestampInvalid as refused:
        assert str(refused)
    else:
        assert when is None or when == NOW or blob == stamped


@settings(max_examples=500, deadline=None)
@given(st.data())
def test_any_answer_of_a_tsa_is_a_token_or_a_clear_refusal(data: st.DataObject) -> None:
    request, answer = _ANSWER
    position = data.draw(st.integers(0, len(answer) - 1))
    changed = bytearray(answer)
    changed[position] = data.draw(st.integers(0, 255))
    blob = bytes(changed[: data.draw(st.integers(position, len(answer)))])
    try:
        read_response(blob, request)
    except TimestampInvalid as refused:
        assert str(refused)


_FUZZ = _stamped_for_fuzz()
_REQUEST = timestamp_request(b"x", cert_req=True)
_ANSWER = (
    _REQUEST,
    TsaSimulator(make_tsa_authority(NOW, DemoKeyPool(key_size=1024)), lambda: NOW).respond(
        _REQUEST
    ),
)


def test_reading_a_response_stays_fast(authority: TsaAuthority) -> None:
    """read_response compared imprints with asn1crypto's dump(), which re-encoded the
    normalised token: 0.1 s per token. Now well under a millisecond of parsing."""
    import time

    simulator = _simulator(authority)
    requests = [timestamp_request(DATA) for _ in range(30)]
    answers = [simulator.respond(r) for r in requests]
    started = time.perf_counter()
    for request, answer in zip(requests, answers, strict=True):
        read_response(answer, request)
    assert time.perf_counter() - started < 1.0
