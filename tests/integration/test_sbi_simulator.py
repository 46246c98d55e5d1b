"""The real SBI client against the SBI simulator running as a separate process on 127.0.0.1."""

from __future__ import annotations

import http.client
import io
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from tests.sbi_simulator import free_port, running_simulator, set_mode
from workstation.biometrics.quality import ExceptionReason, FingerState, QualityPolicy
from workstation.biometrics.sbi import (
    BadDeviceResponse,
    CaptureCancelled,
    CaptureTimeout,
    DeviceBusy,
    DeviceInfo,
    FingerPosition,
    NoDeviceFound,
    SbiClient,
    Slap,
    trusted_ca_from_pem,
)
from workstation.biometrics.simulator import DeviceIdentity


@pytest.fixture(scope="module")
def simulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, Path]]:
    with running_simulator(tmp_path_factory.mktemp("sbi"), scan_ms=50) as started:
        yield started


@pytest.fixture
def port(simulator: tuple[int, Path]) -> int:
    set_mode(simulator[0], reset=True, scan_ms=50)
    return simulator[0]


@pytest.fixture
def client(simulator: tuple[int, Path]) -> SbiClient:
    port, ca_file = simulator
    return SbiClient(
        ports=range(port - 5, port + 6),
        trusted_ca=trusted_ca_from_pem(ca_file.read_bytes()),
        response_grace_s=0.5,
    )


@pytest.fixture
def scanner(client: SbiClient, port: int) -> DeviceInfo:
    return client.find_finger_scanner()


def assert_fingerprint_image(png: bytes) -> None:
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        assert image.mode == "L"
        assert image.size == (300, 400)
        low, high = image.getextrema()
        assert high - low > 150  # ridges, not a blank page


def test_discovery_finds_the_one_scanner_in_the_port_range(client: SbiClient, port: int) -> None:
    devices = client.discover()
    assert len(devices) == 1
    device = devices[0]
    assert device.port == port
    assert (device.device_type, device.device_sub_type) == ("Finger", "Slap")
    assert device.status == "Ready"
    assert device.purpose == "Registration"
    assert device.device_sub_ids == (1, 2, 3)
    assert "0.9.5" in device.spec_versions


def test_discovery_without_a_service_finds_nothing(port: int) -> None:
    empty = SbiClient(ports=[free_port() for _ in range(3)])
    assert empty.discover() == []
    with pytest.raises(NoDeviceFound, match="No fingerprint scanner found"):
        empty.find_finger_scanner()


def test_device_info_is_signed_by_the_trusted_device_ca(client: SbiClient, port: int) -> None:
    [info] = client.device_info(port)
    assert info.serial == "SIM0000000001"
    assert (info.make, info.model) == ("DNR", "SBI-SIM-4F")
    assert info.firmware == "1.0.0"
    assert info.is_ready


def test_a_scanner_from_another_ca_is_refused(client: SbiClient, port: int) -> None:
    stranger = replace(client, trusted_ca=DeviceIdentity.create("OTHER").ca_cert)
    with pytest.raises(BadDeviceResponse) as caught:
        stranger.device_info(port)
    assert caught.value.problem == BadDeviceResponse.UNTRUSTED_CERTIFICATE


def test_ten_fingers_in_three_chained_captures(client: SbiClient, scanner: DeviceInfo) -> None:
    ten = QualityPolicy().new_ten_print()
    previous = None
    hashes = []
    started = datetime.now(UTC)
    for slap in Slap:
        capture = client.capture_slap(scanner, slap, previous_hash=previous)
        assert [p.position for p in capture.prints] == list(slap.fingers)
        assert capture.missing == ()
        previous = capture.chain_hash
        hashes.append(capture.chain_hash)
        ten = ten.record_prints(capture.prints)
    assert len(set(hashes)) == 3
    assert ten.is_complete
    for position in FingerPosition:
        best = ten.finger(position).best
        assert best is not None
        assert best.quality >= 40
        assert best.device_serial == "SIM0000000001"
        assert not best.imported
        assert abs(best.captured_at - started) < timedelta(minutes=1)
        assert_fingerprint_image(best.image_png)
    images = {ten.finger(p).best.image_png for p in FingerPosition}  # type: ignore[union-attr]
    assert len(images) == 10  # a different pattern per finger


def test_low_quality_finger_is_captured_again(
    client: SbiClient, scanner: DeviceInfo, port: int
) -> None:
    set_mode(port, low_quality_next=1, low_quality_fingers=["Left RingFinger"])
    ten = QualityPolicy().new_ten_print()
    first = client.capture_slap(scanner, Slap.LEFT_SLAP)
    qualities = {p.position: p.quality for p in first.prints}
    assert qualities[FingerPosition.LEFT_RING] < 40
    assert all(q >= 40 for f, q in qualities.items() if f is not FingerPosition.LEFT_RING)
    ten = ten.record_prints(first.prints)
    retry = ten.still_to_capture(Slap.LEFT_SLAP)
    assert retry == (FingerPosition.LEFT_RING,)

    second = client.capture_slap(
        scanner, Slap.LEFT_SLAP, fingers=retry, previous_hash=first.chain_hash
    )
    assert [p.position for p in second.prints] == [FingerPosition.LEFT_RING]
    ten = ten.record_prints(second.prints)
    ring = ten.finger(FingerPosition.LEFT_RING)
    assert ring.state is FingerState.ACCEPTED
    assert ring.tries == 2
    assert ten.still_to_capture(Slap.LEFT_SLAP) == ()


def test_exception_after_three_low_tries(client: SbiClient, scanner: DeviceInfo, port: int) -> None:
    set_mode(port, low_quality_next=3)
    ten = QualityPolicy().new_ten_print()
    previous = None
    for _ in range(3):
        capture = client.capture_slap(
            scanner, Slap.THUMBS, fingers=ten.still_to_capture(Slap.THUMBS), previous_hash=previous
        )
        previous = capture.chain_hash
        ten = ten.record_prints(capture.prints)
    thumb = ten.finger(FingerPosition.LEFT_THUMB)
    assert thumb.state is FingerState.NEEDS_EXCEPTION
    assert ten.still_to_capture(Slap.THUMBS) == ()
    ten = ten.with_finger(thumb.record_exception(ExceptionReason.INJURED))
    assert ten.finger(FingerPosition.LEFT_THUMB).is_complete
    assert FingerPosition.RIGHT_THUMB in ten.incomplete


def test_excepted_finger_is_not_requested_and_missing_finger_is_reported(
    client: SbiClient, scanner: DeviceInfo, port: int
) -> None:
    set_mode(port, missing_fingers=["Right LittleFinger"])
    capture = client.capture_slap(scanner, Slap.RIGHT_SLAP, exceptions=[FingerPosition.RIGHT_INDEX])
    assert [p.position for p in capture.prints] == [
        FingerPosition.RIGHT_MIDDLE,
        FingerPosition.RIGHT_RING,
    ]
    assert [(m.position, m.error_code) for m in capture.missing] == [
        (FingerPosition.RIGHT_LITTLE, "101")
    ]


def test_busy_scanner(client: SbiClient, scanner: DeviceInfo, port: int) -> None:
    set_mode(port, busy=True)
    with pytest.raises(DeviceBusy, match="busy"):
        client.find_finger_scanner()
    with pytest.raises(DeviceBusy):
        client.capture_slap(scanner, Slap.LEFT_SLAP)


def test_second_capture_while_one_runs_is_busy_and_cancel_frees_the_scanner(
    client: SbiClient, scanner: DeviceInfo, port: int
) -> None:
    set_mode(port, hang_next=1, hang_seconds=30)
    cancel = threading.Event()
    outcome: list[BaseException] = []

    def hung_capture() -> None:
        try:
            client.capture_slap(scanner, Slap.LEFT_SLAP, cancel=cancel, timeout_s=20)
        except BaseException as exc:  # recorded for the assertion below
            outcome.append(exc)

    worker = threading.Thread(target=hung_capture)
    worker.start()
    deadline = time.monotonic() + 5
    while client.device_info(port)[0].status != "Busy":
        assert time.monotonic() < deadline, "the first capture never started"
        time.sleep(0.02)
    with pytest.raises(DeviceBusy):
        client.capture_slap(scanner, Slap.RIGHT_SLAP)

    cancel.set()
    worker.join(timeout=5)
    assert not worker.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], CaptureCancelled)
    deadline = time.monotonic() + 5
    while client.device_info(port)[0].status != "Ready":
        assert time.monotonic() < deadline, "the scanner stayed busy after the cancel"
        time.sleep(0.02)
    assert client.capture_slap(scanner, Slap.THUMBS).prints


def test_capture_timeout(client: SbiClient, scanner: DeviceInfo, port: int) -> None:
    set_mode(port, hang_next=1, hang_seconds=30)
    with pytest.raises(CaptureTimeout, match="did not answer"):
        client.capture_slap(scanner, Slap.THUMBS, timeout_s=0.5)


def test_already_cancelled_capture_sends_nothing(client: SbiClient, scanner: DeviceInfo) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(CaptureCancelled):
        client.capture_slap(scanner, Slap.THUMBS, cancel=cancel)


@pytest.mark.parametrize(
    ("fault", "problem"),
    [
        ("wrong_transaction_next", BadDeviceResponse.WRONG_TRANSACTION_ID),
        ("bad_signature_next", BadDeviceResponse.BAD_SIGNATURE),
        ("stale_timestamp_next", BadDeviceResponse.STALE_TIMESTAMP),
        ("broken_hash_next", BadDeviceResponse.HASH_CHAIN_BROKEN),
    ],
)
def test_untrustworthy_capture_is_rejected(
    client: SbiClient, scanner: DeviceInfo, port: int, fault: str, problem: str
) -> None:
    set_mode(port, **{fault: 1})
    with pytest.raises(BadDeviceResponse) as caught:
        client.capture_slap(scanner, Slap.LEFT_SLAP)
    assert caught.value.problem == problem
    assert "cannot be accepted" in str(caught.value)
    assert client.capture_slap(scanner, Slap.LEFT_SLAP).prints  # only the next one was bad


def test_hash_chain_must_continue_from_the_previous_capture(
    client: SbiClient, scanner: DeviceInfo
) -> None:
    first = client.capture_slap(scanner, Slap.LEFT_SLAP)
    second = client.capture_slap(scanner, Slap.RIGHT_SLAP, previous_hash=first.chain_hash)
    restarted = client.capture_slap(scanner, Slap.RIGHT_SLAP)
    assert second.chain_hash != restarted.chain_hash


def test_stream_yields_frames_and_stops_on_cancel(client: SbiClient, scanner: DeviceInfo) -> None:
    cancel = threading.Event()
    frames = []
    for frame in client.stream(scanner, Slap.LEFT_SLAP, cancel, timeout_s=30):
        frames.append(frame)
        if len(frames) == 3:
            cancel.set()
    assert len(frames) == 3
    for frame in frames:
        assert frame.startswith(b"\xff\xd8\xff")  # JPEG
        with Image.open(io.BytesIO(frame)) as image:
            image.verify()


def test_stream_cancelled_from_another_thread(client: SbiClient, scanner: DeviceInfo) -> None:
    cancel = threading.Event()
    frames = 0
    for _ in client.stream(scanner, Slap.THUMBS, cancel, timeout_s=300):
        frames += 1
        if frames == 1:
            threading.Thread(target=cancel.set).start()
    # Without the cancel the stream would run for 300 s at about 5 frames a second.
    assert 1 <= frames < 50


def test_stream_ends_when_the_device_timeout_passes(client: SbiClient, scanner: DeviceInfo) -> None:
    frames = list(client.stream(scanner, Slap.THUMBS, threading.Event(), timeout_s=0.3))
    assert frames


def test_control_endpoint_refuses_unknown_keys(port: int) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("POST", "/simulator/mode", body=json.dumps({"explode": True}))
        response = conn.getresponse()
        assert response.status == 400
        assert "unknown mode key" in json.loads(response.read())["error"]
    finally:
        conn.close()
