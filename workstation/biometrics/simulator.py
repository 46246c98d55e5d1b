"""A fingerprint slap scanner simulator speaking MOSIP SBI 1.0, for tests, training and demos.

Run it as its own process::

    python -m workstation.biometrics.simulator --port 4501 --ca-out sim-ca.pem

It listens on 127.0.0.1 only and answers MOSIPDISC /device, MOSIPDINFO /info,
RCAPTURE /capture and STREAM /stream like an L0 registration slap scanner (one device,
deviceId "1", sub ids 1 left slap, 2 right slap, 3 thumbs). Prints are synthetic ridge patterns
(grayscale PNG, 300x400, one pattern per finger) with a quality score. Responses are signed
(RS256) with a device key whose certificate is issued by a simulator device CA: ``--ca-out``
writes that CA certificate so the client can be told to trust it; ``--state-dir`` keeps keys
and certificates between runs (otherwise they are made fresh in memory at start).

Fault injection, for tests and training. Command-line flags set the starting mode
(``--busy``, ``--low-quality N``, ``--missing-finger NAME`` (repeatable), ``--scan-ms MS``).
While running, the mode is read and changed through a control endpoint that only answers
requests from 127.0.0.1::

    GET  /simulator/mode          -> the current mode as JSON
    POST /simulator/mode  {json}  -> sets the given keys, answers the new mode

Keys of the mode (all optional in a POST; counts are "for the next N captures"):

    busy                  bool   device reports "Busy" (discovery, info) and error 111
    low_quality_next      int    next N captures return degraded prints with scores 10-30
    low_quality_fingers   list   bioSubType names; if non-empty only these fingers degrade
    missing_fingers       list   bioSubType names returned with error 101 and no bioValue
    hang_next             int    next N captures never answer (until the client hangs up
                                 or hang_seconds pass): the client's timeout path
    hang_seconds          float  how long a hung capture waits (default 60)
    wrong_transaction_next int   next N captures answer with another transactionId
    bad_signature_next    int    next N captures carry a corrupted JWS signature
    stale_timestamp_next  int    next N captures are stamped 10 minutes in the past
    broken_hash_next      int    next N captures carry a wrong chained hash
    scan_ms               int    how long a capture "scans" before answering (default 200)
    reset                 bool   back to the normal mode before applying the other keys

Example: ``curl -X POST 127.0.0.1:4501/simulator/mode -d '{"low_quality_next": 2}'``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import math
import random
import select
import signal
import socket
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field, fields
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter

from workstation.biometrics.sbi import (
    LOOPBACK,
    FingerPosition,
    Slap,
    b64url_decode,
    b64url_encode,
    chain_hash,
    format_sbi_time,
    sign_jws,
)

SPEC_VERSIONS = ["0.9.5", "1.0.0"]
DEVICE_ID = "1"
IMAGE_SIZE = (300, 400)
_MAX_REQUEST_BYTES = 1024 * 1024


# ---------------------------------------------------------------------------------------------
# Identity: the device CA, the device key and its certificate


@dataclass(frozen=True)
class DeviceIdentity:
    """Keys and certificates of the simulated scanner."""

    serial: str
    ca_key: rsa.RSAPrivateKey
    ca_cert: x509.Certificate
    device_key: rsa.RSAPrivateKey
    device_cert: x509.Certificate

    @classmethod
    def create(cls, serial: str = "SIM0000000001") -> DeviceIdentity:
        now = dt.datetime.now(dt.UTC)
        ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        ca_name = x509.Name(
            [x509.NameAttribute(NameOID.COMMON_NAME, "DNR SBI Simulator Device CA")]
        )
        ca_cert = (
            x509.CertificateBuilder()
            .subject_name(ca_name)
            .issuer_name(ca_name)
            .public_key(ca_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=False,
                    content_commitment=False,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=True,
                    crl_sign=True,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .sign(ca_key, hashes.SHA256())
        )
        device_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        device_cert = (
            x509.CertificateBuilder()
            .subject_name(
                x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"SBI simulator {serial}")])
            )
            .issuer_name(ca_name)
            .public_key(device_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .sign(ca_key, hashes.SHA256())
        )
        return cls(serial, ca_key, ca_cert, device_key, device_cert)

    @classmethod
    def load_or_create(cls, state_dir: Path) -> DeviceIdentity:
        """Keep the identity in ``state_dir`` so a CA trusted once stays valid across runs."""
        files = {
            name: state_dir / f"{name}.pem" for name in ("ca", "ca-key", "device", "device-key")
        }
        if all(path.exists() for path in files.values()):
            ca_key = serialization.load_pem_private_key(files["ca-key"].read_bytes(), None)
            device_key = serialization.load_pem_private_key(files["device-key"].read_bytes(), None)
            assert isinstance(ca_key, rsa.RSAPrivateKey)
            assert isinstance(device_key, rsa.RSAPrivateKey)
            device_cert = x509.load_pem_x509_certificate(files["device"].read_bytes())
            serial = device_cert.subject.rfc4514_string().rsplit(" ", 1)[-1]
            return cls(
                serial,
                ca_key,
                x509.load_pem_x509_certificate(files["ca"].read_bytes()),
                device_key,
                device_cert,
            )
        identity = cls.create()
        state_dir.mkdir(parents=True, exist_ok=True)
        files["ca"].write_bytes(identity.ca_pem())
        files["device"].write_bytes(identity.device_cert.public_bytes(serialization.Encoding.PEM))
        for name, key in (("ca-key", identity.ca_key), ("device-key", identity.device_key)):
            files[name].write_bytes(
                key.private_bytes(
                    serialization.Encoding.PEM,
                    serialization.PrivateFormat.PKCS8,
                    serialization.NoEncryption(),
                )
            )
            files[name].chmod(0o600)
        return identity

    def ca_pem(self) -> bytes:
        return self.ca_cert.public_bytes(serialization.Encoding.PEM)

    def sign(self, payload: dict[str, Any]) -> str:
        return sign_jws(
            json.dumps(payload, separators=(",", ":")).encode("utf-8"),
            self.device_key,
            [self.device_cert],
        )

    def digital_id(self) -> dict[str, str]:
        return {
            "serialNo": self.serial,
            "make": "DNR",
            "model": "SBI-SIM-4F",
            "type": "Finger",
            "deviceSubType": "Slap",
            "deviceProvider": "DNR Workstation simulator",
            "deviceProviderId": "DNR-SIM",
            "dateTime": format_sbi_time(dt.datetime.now(dt.UTC)),
        }


# ---------------------------------------------------------------------------------------------
# Synthetic prints


class FingerprintArt:
    """Synthetic ridge patterns, one per finger, cached: the patterns never change."""

    def __init__(self) -> None:
        self._cache: dict[tuple[FingerPosition, bool], Image.Image] = {}
        self._lock = threading.Lock()

    def image(self, finger: FingerPosition, degraded: bool) -> Image.Image:
        key = (finger, degraded)
        with self._lock:
            cached = self._cache.get(key)
        if cached is None:
            cached = (
                self._degrade(self.image(finger, False), finger) if degraded else self._draw(finger)
            )
            with self._lock:
                self._cache[key] = cached
        return cached

    def png(self, finger: FingerPosition, degraded: bool) -> bytes:
        out = io.BytesIO()
        self.image(finger, degraded).save(out, format="PNG")
        return out.getvalue()

    @staticmethod
    def _draw(finger: FingerPosition) -> Image.Image:
        seed = list(FingerPosition).index(finger) + 1
        rng = random.Random(seed * 7919)
        width, height = IMAGE_SIZE
        cx = width * rng.uniform(0.42, 0.58)
        cy = height * rng.uniform(0.40, 0.55)
        period = rng.uniform(8.0, 10.0)
        squash = rng.uniform(0.65, 0.85)
        # Loop-like patterns bend the rings to one side; whorls twist them into a spiral (a
        # whole number of ridges per turn, or the spiral shows a seam).
        loop = rng.uniform(0.3, 0.7) if seed % 3 else 0.0
        twist = float(rng.choice((1, 2))) if seed % 3 == 0 else 0.0
        wobble_f = rng.uniform(0.02, 0.04)
        wobble_a = rng.uniform(3.0, 7.0)
        lut_size = 1024
        sine = [int(128 + 110 * math.sin(2 * math.pi * i / lut_size)) for i in range(lut_size)]
        scale = lut_size / period
        pixels = bytearray(width * height)
        for y in range(height):
            dy = (y - cy) * squash
            row_wobble = wobble_a * math.sin(y * wobble_f + seed)
            base = y * width
            for x in range(width):
                dx = x - cx
                phase = math.sqrt(dx * dx + dy * dy) + loop * dy + row_wobble
                if twist:
                    phase += twist * period * math.atan2(dy, dx) / (2 * math.pi)
                pixels[base + x] = sine[int(phase * scale) % lut_size]
        ridges = Image.frombytes("L", IMAGE_SIZE, bytes(pixels))
        noise = Image.effect_noise(IMAGE_SIZE, 18).filter(ImageFilter.GaussianBlur(0.6))
        ridges = Image.blend(ridges, noise, 0.15)
        mask = Image.new("L", IMAGE_SIZE, 0)
        ImageDraw.Draw(mask).ellipse((22, 18, width - 22, height - 10), fill=255)
        mask = mask.filter(ImageFilter.GaussianBlur(6))
        background = Image.new("L", IMAGE_SIZE, 250)
        return Image.composite(ridges, background, mask)

    @staticmethod
    def _degrade(image: Image.Image, finger: FingerPosition) -> Image.Image:
        """What a dry, smudged or badly placed finger looks like: blurred, faint, blotchy."""
        blurred = image.filter(ImageFilter.GaussianBlur(3.5))
        faint = ImageEnhance.Contrast(blurred).enhance(0.25)
        noise = Image.effect_noise(IMAGE_SIZE, 40)
        blotchy = Image.blend(faint, noise, 0.35)
        smear = Image.new("L", IMAGE_SIZE, 0)
        seed = list(FingerPosition).index(finger)
        top = 60 + 20 * (seed % 4)
        ImageDraw.Draw(smear).ellipse((40, top, 260, top + 180), fill=200)
        smear = smear.filter(ImageFilter.GaussianBlur(25))
        return Image.composite(Image.new("L", IMAGE_SIZE, 235), blotchy, smear)

    def preview_jpeg(self, slap: Slap, frame: int) -> bytes:
        """One live-preview frame: the slap's fingers side by side, drifting as a hand does."""
        thumb_w, thumb_h = 75, 100
        canvas = Image.new("L", (thumb_w * 4 + 20, thumb_h + 40), 245)
        drift = int(6 * math.sin(frame / 3))
        for i, finger in enumerate(slap.fingers):
            small = self.image(finger, False).resize((thumb_w, thumb_h))
            canvas.paste(small, (10 + i * thumb_w + drift, 20 + abs(drift) // 2))
        out = io.BytesIO()
        canvas.save(out, format="JPEG", quality=70)
        return out.getvalue()


# ---------------------------------------------------------------------------------------------
# Mode (fault injection)


@dataclass
class SimulatorMode:
    """The simulator's switchable behaviour; see the module docstring for each key."""

    busy: bool = False
    low_quality_next: int = 0
    low_quality_fingers: list[str] = field(default_factory=list)
    missing_fingers: list[str] = field(default_factory=list)
    hang_next: int = 0
    hang_seconds: float = 60.0
    wrong_transaction_next: int = 0
    bad_signature_next: int = 0
    stale_timestamp_next: int = 0
    broken_hash_next: int = 0
    scan_ms: int = 200

    def update(self, changes: dict[str, Any]) -> None:
        known = {f.name: f for f in fields(self)}
        if changes.get("reset"):
            for name, value in asdict(SimulatorMode()).items():
                setattr(self, name, value)
        for key, value in changes.items():
            if key == "reset":
                continue
            if key not in known:
                raise ValueError(f"unknown mode key {key!r}")
            current = getattr(self, key)
            if isinstance(current, bool):
                if not isinstance(value, bool):
                    raise ValueError(f"{key} must be true or false")
            elif isinstance(current, list):
                if not isinstance(value, list) or not all(
                    v in {f.value for f in FingerPosition} for v in value
                ):
                    raise ValueError(f"{key} must be a list of finger names")
            elif isinstance(current, int | float):
                if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
                    raise ValueError(f"{key} must be a number >= 0")
                value = type(current)(value)
            setattr(self, key, value)

    def take(self, counter: str) -> bool:
        """Use up one of a 'next N captures' counter; True if it applied to this capture."""
        left = int(getattr(self, counter))
        if left <= 0:
            return False
        setattr(self, counter, left - 1)
        return True


@dataclass(frozen=True)
class _CapturePlan:
    """The faults one capture gets, drawn from the mode under its lock."""

    hang: bool
    low_quality: bool
    low_quality_fingers: frozenset[str]
    missing: frozenset[str]
    wrong_transaction: bool
    bad_signature: bool
    stale_timestamp: bool
    broken_hash: bool
    scan_s: float
    hang_s: float


# ---------------------------------------------------------------------------------------------
# Server


class SbiSimulator(ThreadingHTTPServer):
    """The HTTP server; one simulated slap scanner."""

    daemon_threads = True
    # Handlers of a stopped server must not keep the process (or a test) alive.
    block_on_close = False

    def __init__(self, port: int, identity: DeviceIdentity, mode: SimulatorMode | None = None):
        self.identity = identity
        self.mode = mode or SimulatorMode()
        self.mode_lock = threading.Lock()
        self.capture_lock = threading.Lock()
        self.art = FingerprintArt()
        super().__init__((LOOPBACK, port), _SbiHandler)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def status(self) -> str:
        with self.mode_lock:
            forced_busy = self.mode.busy
        return "Busy" if forced_busy or self.capture_lock.locked() else "Ready"

    def plan_capture(self) -> _CapturePlan:
        with self.mode_lock:
            mode = self.mode
            low = mode.take("low_quality_next")
            return _CapturePlan(
                hang=mode.take("hang_next"),
                low_quality=low,
                low_quality_fingers=frozenset(mode.low_quality_fingers),
                missing=frozenset(mode.missing_fingers),
                wrong_transaction=mode.take("wrong_transaction_next"),
                bad_signature=mode.take("bad_signature_next"),
                stale_timestamp=mode.take("stale_timestamp_next"),
                broken_hash=mode.take("broken_hash_next"),
                scan_s=mode.scan_ms / 1000,
                hang_s=mode.hang_seconds,
            )


class _SbiHandler(BaseHTTPRequestHandler):
    server: SbiSimulator
    server_version = "DNR-SBI-Simulator/1.0"

    def log_message(self, format: str, *args: Any) -> None:
        # Keep the console quiet: one line per request would drown the startup message.
        return

    # -- plumbing ------------------------------------------------------------------------------

    def _body(self) -> dict[str, Any]:
        length = int(self.headers.get("Content-Length") or 0)
        if length > _MAX_REQUEST_BYTES:
            raise ValueError("request too large")
        raw = self.rfile.read(length) if length else b""
        if not raw.strip():
            return {}
        value = json.loads(raw)
        if not isinstance(value, dict):
            raise ValueError("request body must be a JSON object")
        return value

    def _send_json(self, payload: Any, status: int = 200) -> None:
        body = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Location", f"http://{LOOPBACK}:{self.server.port}")
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    @staticmethod
    def _error(code: str, info: str) -> dict[str, str]:
        return {"errorCode": code, "errorInfo": info}

    def _client_gone(self, wait_s: float) -> bool:
        """Wait up to ``wait_s``; True as soon as the client hangs up (cancel or timeout)."""
        readable, _, _ = select.select([self.connection], [], [], wait_s)
        if not readable:
            return False
        try:
            peeked: bytes = self.connection.recv(1, socket.MSG_PEEK)
        except OSError:
            return True
        return peeked == b""

    def _device_record(self) -> dict[str, Any]:
        status = self.server.status()
        record: dict[str, Any] = {
            "deviceStatus": status,
            "deviceId": DEVICE_ID,
            "firmware": "1.0.0",
            "certification": "L0",
            "serviceVersion": "1.0.0",
            "deviceSubId": ["1", "2", "3"],
            "callbackId": f"http://{LOOPBACK}:{self.server.port}/",
            "deviceCode": self.server.identity.serial,
            "env": "Staging",
            "purpose": "Registration",
            "specVersion": SPEC_VERSIONS,
        }
        return record

    def _status_error(self) -> dict[str, str]:
        if self.server.status() == "Busy":
            return self._error("111", "Device is Busy")
        return self._error("0", "Success")

    # -- SBI methods ---------------------------------------------------------------------------

    def do_MOSIPDISC(self) -> None:
        try:
            wanted = str(self._body().get("type", "")).strip().lower()
        except ValueError:
            self._send_json([{"error": self._error("101", "Invalid JSON")}])
            return
        if wanted not in ("finger", "biometric device"):
            self._send_json([])
            return
        record = self._device_record()
        record.pop("firmware")
        record.pop("env")
        record["digitalId"] = b64url_encode(
            json.dumps(self.server.identity.digital_id()).encode("utf-8")
        )
        record["error"] = self._status_error()
        self._send_json([record])

    def do_MOSIPDINFO(self) -> None:
        with contextlib.suppress(ValueError):
            self._body()
        record = self._device_record()
        record["digitalId"] = self.server.identity.sign(self.server.identity.digital_id())
        self._send_json(
            [{"deviceInfo": self.server.identity.sign(record), "error": self._status_error()}]
        )

    def do_RCAPTURE(self) -> None:
        try:
            request = self._body()
        except ValueError:
            self._send_json(self._capture_error("101", "Invalid JSON"))
            return
        parsed = self._parse_capture(request)
        if isinstance(parsed, dict):
            self._send_json(parsed)
            return
        transaction_id, fingers, requested, previous_hash, spec = parsed
        if self.server.status() == "Busy" or not self.server.capture_lock.acquire(blocking=False):
            self._send_json(self._capture_error("111", "Device is Busy"))
            return
        try:
            plan = self.server.plan_capture()
            wait = plan.hang_s if plan.hang else plan.scan_s
            if self._client_gone(wait) or plan.hang:
                return
            response = self._capture_response(
                plan, transaction_id, fingers, requested, previous_hash, spec
            )
        finally:
            self.server.capture_lock.release()
        with contextlib.suppress(OSError):
            self._send_json(response)

    def _capture_error(self, code: str, info: str) -> dict[str, Any]:
        return {
            "biometrics": [
                {
                    "specVersion": SPEC_VERSIONS[0],
                    "data": "",
                    "hash": "",
                    "error": self._error(code, info),
                }
            ]
        }

    def _parse_capture(
        self, request: dict[str, Any]
    ) -> dict[str, Any] | tuple[str, list[FingerPosition], float, str, str]:
        transaction_id = str(request.get("transactionId", ""))
        if not (4 <= len(transaction_id) <= 50) or not all(
            c.isascii() and (c.isalnum() or c == "-") for c in transaction_id
        ):
            return self._capture_error("112", "Invalid Transaction ID")
        spec = str(request.get("specVersion", ""))
        if spec not in SPEC_VERSIONS:
            return self._capture_error("101", f"Unsupported specVersion {spec!r}")
        bio = request.get("bio")
        if not isinstance(bio, list) or len(bio) != 1 or not isinstance(bio[0], dict):
            return self._capture_error("109", "Exactly one bio entry is supported")
        entry = bio[0]
        try:
            slap = Slap(int(entry.get("deviceSubId", 0)))
            excepted = {FingerPosition(v) for v in entry.get("exception") or []}
            subtypes = [v for v in entry.get("bioSubType") or [] if v != "UNKNOWN"]
            asked = [FingerPosition(v) for v in subtypes] or list(slap.fingers)
            requested = float(entry.get("requestedScore") or 0)
        except (ValueError, TypeError):
            return self._capture_error("109", "Requested fingers not supported")
        fingers = [f for f in slap.fingers if f in asked and f not in excepted]
        if str(entry.get("deviceId")) != DEVICE_ID:
            return self._capture_error("106", "Device not found")
        if not fingers or any(f not in slap.fingers for f in asked):
            return self._capture_error("109", "Requested fingers not supported")
        return transaction_id, fingers, requested, str(entry.get("previousHash") or ""), spec

    def _capture_response(
        self,
        plan: _CapturePlan,
        transaction_id: str,
        fingers: Sequence[FingerPosition],
        requested: float,
        previous_hash: str,
        spec: str,
    ) -> dict[str, Any]:
        identity = self.server.identity
        rng = random.Random(transaction_id)
        stamp = dt.datetime.now(dt.UTC)
        if plan.stale_timestamp:
            stamp -= dt.timedelta(minutes=10)
        digital_id = identity.sign(identity.digital_id())
        biometrics = []
        running = previous_hash
        for finger in fingers:
            missing = finger.value in plan.missing
            low = plan.low_quality and (
                not plan.low_quality_fingers or finger.value in plan.low_quality_fingers
            )
            bio_value = b"" if missing else self.server.art.png(finger, degraded=low)
            base = 60 + (list(FingerPosition).index(finger) * 7) % 30
            quality = rng.randint(10, 30) if low else min(100, base + rng.randint(0, 8))
            data = {
                "digitalId": digital_id,
                "deviceCode": identity.serial,
                "deviceServiceVersion": "1.0.0",
                "bioType": "Finger",
                "bioSubType": finger.value,
                "purpose": "Registration",
                "env": "Staging",
                "bioValue": b64url_encode(bio_value),
                "transactionId": "SIM-WRONG-TX" if plan.wrong_transaction else transaction_id,
                "timestamp": format_sbi_time(stamp),
                "requestedScore": str(requested),
                "qualityScore": "0" if missing else str(float(quality)),
            }
            token = identity.sign(data)
            if plan.bad_signature:
                head, body, signature = token.split(".")
                raw = bytearray(b64url_decode(signature))
                raw[0] ^= 0xFF
                token = f"{head}.{body}.{b64url_encode(bytes(raw))}"
            running = chain_hash(running, bio_value)
            biometrics.append(
                {
                    "specVersion": spec,
                    "data": token,
                    "hash": ("0" * 64) if plan.broken_hash else running,
                    "error": self._error("101", "Unable to detect a biometric object")
                    if missing
                    else self._error("0", "Success"),
                }
            )
        return {"biometrics": biometrics}

    def do_STREAM(self) -> None:
        try:
            request = self._body()
            slap = Slap(int(request.get("deviceSubId", 0)))
            timeout_s = float(request.get("timeout") or 300_000) / 1000
        except (ValueError, TypeError):
            self._send_json({"error": self._error("109", "Unknown deviceSubId")})
            return
        if str(request.get("deviceId")) != DEVICE_ID:
            self._send_json({"error": self._error("106", "Device not found")})
            return
        boundary = "SbiSimulatorFrame"
        self.send_response(200)
        self.send_header("Content-Type", f"multipart/x-mixed-replace; boundary={boundary}")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        deadline = time.monotonic() + timeout_s
        for frame in self._frames(slap, deadline):
            part = (
                f"--{boundary}\r\nContent-Type: image/jpeg\r\nContent-Length: {len(frame)}\r\n\r\n"
            ).encode("latin-1")
            try:
                self.wfile.write(part + frame + b"\r\n")
                self.wfile.flush()
            except OSError:
                return
            if self._client_gone(0.2):
                return
        with contextlib.suppress(OSError):
            self.wfile.write(f"--{boundary}--\r\n".encode("latin-1"))

    def _frames(self, slap: Slap, deadline: float) -> Iterator[bytes]:
        frame = 0
        while time.monotonic() < deadline:
            yield self.server.art.preview_jpeg(slap, frame)
            frame += 1

    # -- control endpoint ----------------------------------------------------------------------

    def _local_only(self) -> bool:
        if self.client_address[0] == LOOPBACK and self.path == "/simulator/mode":
            return True
        self._send_json({"error": "not found"}, status=404)
        return False

    def do_GET(self) -> None:
        if self._local_only():
            with self.server.mode_lock:
                self._send_json(asdict(self.server.mode))

    def do_POST(self) -> None:
        if not self._local_only():
            return
        try:
            changes = self._body()
            with self.server.mode_lock:
                self.server.mode.update(changes)
                state = asdict(self.server.mode)
        except ValueError as exc:
            self._send_json({"error": str(exc)}, status=400)
            return
        self._send_json(state)


# ---------------------------------------------------------------------------------------------
# Command line


def main(argv: list[str] | None = None) -> int:
    """Run the simulator until interrupted; the exit code says whether it could start."""
    parser = argparse.ArgumentParser(
        prog="sbi-simulator", description="MOSIP SBI 1.0 fingerprint slap scanner simulator"
    )
    parser.add_argument("--port", type=int, default=4501, help="port on 127.0.0.1 (4501-4600)")
    parser.add_argument("--state-dir", type=Path, help="keep keys and certificates here")
    parser.add_argument("--ca-out", type=Path, help="write the device CA certificate (PEM) here")
    parser.add_argument("--busy", action="store_true", help="start in the busy state")
    parser.add_argument(
        "--low-quality", type=int, default=0, metavar="N", help="degrade the next N captures"
    )
    parser.add_argument(
        "--missing-finger",
        action="append",
        default=[],
        metavar="NAME",
        choices=[f.value for f in FingerPosition],
        help='report this finger missing, e.g. "Left LittleFinger"',
    )
    parser.add_argument("--scan-ms", type=int, default=200, help="time a capture takes")
    args = parser.parse_args(argv)

    identity = (
        DeviceIdentity.load_or_create(args.state_dir) if args.state_dir else DeviceIdentity.create()
    )
    if args.ca_out:
        args.ca_out.write_bytes(identity.ca_pem())
    mode = SimulatorMode(
        busy=args.busy,
        low_quality_next=args.low_quality,
        missing_fingers=list(args.missing_finger),
        scan_ms=args.scan_ms,
    )
    try:
        server = SbiSimulator(args.port, identity, mode)
    except OSError as exc:
        print(f"Cannot listen on {LOOPBACK}:{args.port}: {exc.strerror}", file=sys.stderr)
        return 2

    def stop(signum: int, frame: object) -> None:
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    print(f"SBI simulator listening on {LOOPBACK}:{server.port}", flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
