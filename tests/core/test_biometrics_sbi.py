"""SBI value types, the chained hash, JWS checks and image normalisation (no device needed)."""

from __future__ import annotations

import hashlib
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from workstation.biometrics.sbi import (
    EMPTY_PREVIOUS_HASH,
    BadDeviceResponse,
    DeviceError,
    FingerPosition,
    Slap,
    b64url_encode,
    chain_hash,
    parse_jws,
    parse_sbi_time,
    to_grayscale_png,
    verify_jws,
)
from workstation.biometrics.simulator import DeviceIdentity

NOW = datetime.now(UTC)


@pytest.fixture(scope="module")
def identity() -> DeviceIdentity:
    return DeviceIdentity.create("TEST-SERIAL-1")


@pytest.fixture(scope="module")
def stranger() -> DeviceIdentity:
    return DeviceIdentity.create("STRANGER-1")


def test_slaps_cover_the_ten_fingers_once() -> None:
    fingers = [f for slap in Slap for f in slap.fingers]
    assert sorted(f.value for f in fingers) == sorted(f.value for f in FingerPosition)
    assert [s.device_sub_id for s in Slap] == [1, 2, 3]
    assert FingerPosition.RIGHT_THUMB.slap is Slap.THUMBS
    assert FingerPosition.LEFT_LITTLE.slap is Slap.LEFT_SLAP
    assert FingerPosition("Right MiddleFinger") is FingerPosition.RIGHT_MIDDLE


def test_chain_hash_starts_from_the_hash_of_the_empty_string() -> None:
    empty = hashlib.sha256(b"").digest()
    expected = hashlib.sha256(empty + hashlib.sha256(b"print").digest()).hexdigest().upper()
    assert chain_hash(None, b"print") == expected
    assert chain_hash("", b"print") == expected
    assert chain_hash(EMPTY_PREVIOUS_HASH, b"print") == expected


def test_chain_hash_depends_on_the_previous_link_and_the_order() -> None:
    a_then_b = chain_hash(chain_hash(None, b"a"), b"b")
    b_then_a = chain_hash(chain_hash(None, b"b"), b"a")
    assert a_then_b != b_then_a
    assert a_then_b == a_then_b.upper() and len(a_then_b) == 64
    assert a_then_b == chain_hash(chain_hash("", b"a").lower(), b"b")


def test_signed_block_verifies_against_its_ca(identity: DeviceIdentity) -> None:
    jws = parse_jws(identity.sign({"transactionId": "T-1"}))
    verify_jws(jws, identity.ca_cert, NOW)
    assert jws.json_payload() == {"transactionId": "T-1"}
    assert jws.header["alg"] == "RS256"


def test_tampered_payload_fails_the_signature(identity: DeviceIdentity) -> None:
    head, _, signature = identity.sign({"qualityScore": "20"}).split(".")
    forged = b64url_encode(json.dumps({"qualityScore": "90"}).encode())
    with pytest.raises(BadDeviceResponse) as caught:
        verify_jws(parse_jws(f"{head}.{forged}.{signature}"), identity.ca_cert, NOW)
    assert caught.value.problem == BadDeviceResponse.BAD_SIGNATURE
    with pytest.raises(BadDeviceResponse):  # caught even when no CA is configured
        verify_jws(parse_jws(f"{head}.{forged}.{signature}"), None, NOW)


def test_device_of_another_ca_is_untrusted(
    identity: DeviceIdentity, stranger: DeviceIdentity
) -> None:
    jws = parse_jws(stranger.sign({"a": 1}))
    with pytest.raises(BadDeviceResponse) as caught:
        verify_jws(jws, identity.ca_cert, NOW)
    assert caught.value.problem == BadDeviceResponse.UNTRUSTED_CERTIFICATE


def test_expired_device_certificate_is_untrusted(identity: DeviceIdentity) -> None:
    jws = parse_jws(identity.sign({"a": 1}))
    with pytest.raises(BadDeviceResponse, match="expired"):
        verify_jws(jws, identity.ca_cert, NOW + timedelta(days=400))


def test_unsigned_block_is_refused_only_when_a_ca_is_configured(
    identity: DeviceIdentity,
) -> None:
    unsigned = parse_jws(b64url_encode(b'{"serialNo": "X"}'))
    assert unsigned.json_payload() == {"serialNo": "X"}
    verify_jws(unsigned, None, NOW)
    with pytest.raises(BadDeviceResponse) as caught:
        verify_jws(unsigned, identity.ca_cert, NOW)
    assert caught.value.problem == BadDeviceResponse.BAD_SIGNATURE


@pytest.mark.parametrize("token", ["a.b", "!!!.x.y", "e30.bm90IGpzb24.c2ln"])
def test_garbage_tokens_are_malformed(token: str) -> None:
    with pytest.raises(BadDeviceResponse) as caught:
        parse_jws(token).json_payload()
    assert caught.value.problem == BadDeviceResponse.MALFORMED


def test_sbi_timestamps() -> None:
    assert parse_sbi_time("2019-02-15T10:01:57Z") == datetime(2019, 2, 15, 10, 1, 57, tzinfo=UTC)
    assert parse_sbi_time("2019-02-15T10:01:57.250Z").microsecond == 250_000
    assert parse_sbi_time("2019-02-15T15:01:57+05:00").hour == 10
    with pytest.raises(BadDeviceResponse):
        parse_sbi_time("15/02/2019")


def test_device_errors_carry_the_sbi_text() -> None:
    assert "Device is not ready" in str(DeviceError("110"))
    assert "Custom trouble" in str(DeviceError("555", "Custom trouble"))


def test_images_become_grayscale_png() -> None:
    jpeg = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 10, 10)).save(jpeg, format="JPEG")
    png = to_grayscale_png(jpeg.getvalue())
    with Image.open(io.BytesIO(png)) as image:
        assert (image.format, image.mode, image.size) == ("PNG", "L", (40, 30))
    for unreadable in (b"FIR\x00020\x00rest", b"not an image"):
        with pytest.raises(BadDeviceResponse) as caught:
            to_grayscale_png(unreadable)
        assert caught.value.problem == BadDeviceResponse.UNSUPPORTED_IMAGE


def test_simulator_identity_is_kept_in_its_state_dir(tmp_path: Path) -> None:
    first = DeviceIdentity.load_or_create(tmp_path / "state")
    again = DeviceIdentity.load_or_create(tmp_path / "state")
    assert again.ca_pem() == first.ca_pem()
    assert again.serial == first.serial
    verify_jws(parse_jws(again.sign({"a": 1})), first.ca_cert, NOW)
    assert (tmp_path / "state" / "device-key.pem").stat().st_mode & 0o077 == 0
