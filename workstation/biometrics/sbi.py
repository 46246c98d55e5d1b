"""Client for fingerprint scanners speaking MOSIP SBI 1.0 (MOSIPDISC, MOSIPDINFO, RCAPTURE, STREAM).

Protocol reference: MOSIP "MDS specification" (SBI 1.0 = spec version 0.9.5, registration
purpose, L0 devices). Every device service listens on 127.0.0.1, a port in 4501-4600, and
answers custom HTTP methods with JSON bodies. Signed blocks (deviceInfo, digitalId, each
biometric's data) are JWS compact strings (RFC 7515, RS256, certificate in the header x5c).

Each biometric of a registration capture carries a chained hash (see ``chain_hash``):
hash = HEX_UPPER(SHA256(previous_hash_bytes || SHA256(bioValue bytes))), where the previous
hash bytes are SHA256(b"") for the first capture of a transaction and the hex-decoded previous
``hash`` after that; inside one response each entry chains from the entry before it. This is
how MOSIP's mock device service (mosip-mock-services/MockMDS) and compliance toolkit compute it.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import enum
import hashlib
import http.client
import io
import json
import re
import socket
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.serialization import Encoding
from PIL import Image, UnidentifiedImageError

from workstation.i18n import QT_TRANSLATE_NOOP

LOOPBACK = "127.0.0.1"
DEFAULT_PORTS = range(4501, 4601)
SUPPORTED_SPEC_VERSIONS = frozenset({"0.9.5", "1.0.0"})
REQUEST_SPEC_VERSION = "0.9.5"
MAX_CLOCK_SKEW = timedelta(minutes=5)
EMPTY_PREVIOUS_HASH = hashlib.sha256(b"").hexdigest().upper()
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
_MAX_STREAM_FRAME_BYTES = 8 * 1024 * 1024
_TRANSACTION_ID = re.compile(r"^[A-Za-z0-9-]{4,50}$")

SBI_ERROR_TEXT: Mapping[str, str] = {
    "100": QT_TRANSLATE_NOOP("fingerprints", "Device not registered"),
    "101": QT_TRANSLATE_NOOP("fingerprints", "Unable to detect a biometric object"),
    "102": QT_TRANSLATE_NOOP("fingerprints", "Technical error during extraction"),
    "103": QT_TRANSLATE_NOOP("fingerprints", "Device tamper detected"),
    "104": QT_TRANSLATE_NOOP("fingerprints", "Unable to connect to the management server"),
    "105": QT_TRANSLATE_NOOP("fingerprints", "Image orientation error"),
    "106": QT_TRANSLATE_NOOP("fingerprints", "Device not found"),
    "107": QT_TRANSLATE_NOOP("fingerprints", "Device public key expired"),
    "108": QT_TRANSLATE_NOOP("fingerprints", "Domain public key missing"),
    "109": QT_TRANSLATE_NOOP("fingerprints", "Requested number of fingers not supported"),
    "110": QT_TRANSLATE_NOOP("fingerprints", "Device is not ready"),
    "111": QT_TRANSLATE_NOOP("fingerprints", "Device is busy"),
    "112": QT_TRANSLATE_NOOP("fingerprints", "Invalid transaction ID"),
}


_FINGER_LABELS = {
    "Left IndexFinger": QT_TRANSLATE_NOOP("fingerprints", "Left IndexFinger"),
    "Left MiddleFinger": QT_TRANSLATE_NOOP("fingerprints", "Left MiddleFinger"),
    "Left RingFinger": QT_TRANSLATE_NOOP("fingerprints", "Left RingFinger"),
    "Left LittleFinger": QT_TRANSLATE_NOOP("fingerprints", "Left LittleFinger"),
    "Right IndexFinger": QT_TRANSLATE_NOOP("fingerprints", "Right IndexFinger"),
    "Right MiddleFinger": QT_TRANSLATE_NOOP("fingerprints", "Right MiddleFinger"),
    "Right RingFinger": QT_TRANSLATE_NOOP("fingerprints", "Right RingFinger"),
    "Right LittleFinger": QT_TRANSLATE_NOOP("fingerprints", "Right LittleFinger"),
    "Left Thumb": QT_TRANSLATE_NOOP("fingerprints", "Left Thumb"),
    "Right Thumb": QT_TRANSLATE_NOOP("fingerprints", "Right Thumb"),
}


class FingerPosition(enum.Enum):
    """The ten fingers, valued by their SBI bioSubType names."""

    LEFT_INDEX = "Left IndexFinger"
    LEFT_MIDDLE = "Left MiddleFinger"
    LEFT_RING = "Left RingFinger"
    LEFT_LITTLE = "Left LittleFinger"
    RIGHT_INDEX = "Right IndexFinger"
    RIGHT_MIDDLE = "Right MiddleFinger"
    RIGHT_RING = "Right RingFinger"
    RIGHT_LITTLE = "Right LittleFinger"
    LEFT_THUMB = "Left Thumb"
    RIGHT_THUMB = "Right Thumb"

    @property
    def slap(self) -> Slap:
        return next(s for s in Slap if self in s.fingers)

    @property
    def label(self) -> str:
        """The SBI name as messages show it; translatable (context "fingerprints")."""
        return _FINGER_LABELS.get(self.value, self.value)


class Slap(enum.Enum):
    """What goes on the scanner at once; the value is the SBI deviceSubId."""

    LEFT_SLAP = 1
    RIGHT_SLAP = 2
    THUMBS = 3

    @property
    def fingers(self) -> tuple[FingerPosition, ...]:
        return _SLAP_FINGERS[self]

    @property
    def device_sub_id(self) -> int:
        return self.value


_SLAP_FINGERS: dict[Slap, tuple[FingerPosition, ...]] = {
    Slap.LEFT_SLAP: (
        FingerPosition.LEFT_INDEX,
        FingerPosition.LEFT_MIDDLE,
        FingerPosition.LEFT_RING,
        FingerPosition.LEFT_LITTLE,
    ),
    Slap.RIGHT_SLAP: (
        FingerPosition.RIGHT_INDEX,
        FingerPosition.RIGHT_MIDDLE,
        FingerPosition.RIGHT_RING,
        FingerPosition.RIGHT_LITTLE,
    ),
    Slap.THUMBS: (FingerPosition.LEFT_THUMB, FingerPosition.RIGHT_THUMB),
}


@dataclass(frozen=True)
class DeviceInfo:
    """One biometric device behind an SBI service, as discovery or MOSIPDINFO describes it."""

    device_id: str
    serial: str
    make: str
    model: str
    status: str
    spec_versions: tuple[str, ...]
    port: int
    device_type: str = "Finger"
    device_sub_type: str = ""
    purpose: str = ""
    certification: str = ""
    device_sub_ids: tuple[int, ...] = ()
    firmware: str = ""

    @property
    def is_ready(self) -> bool:
        return self.status == "Ready"

    @property
    def spec_version(self) -> str:
        """The spec version to request: the newest one both sides support."""
        common = [v for v in self.spec_versions if v in SUPPORTED_SPEC_VERSIONS]
        return max(common, key=_version_key) if common else REQUEST_SPEC_VERSION


@dataclass(frozen=True)
class CapturedPrint:
    """One finger's print: a grayscale PNG with its quality (0-100) and where it came from."""

    position: FingerPosition
    image_png: bytes = field(repr=False)
    quality: int
    device_id: str
    device_serial: str
    captured_at: datetime
    imported: bool = False


@dataclass(frozen=True)
class MissingFinger:
    """A finger the device returned no usable print for, with the device's reason."""

    position: FingerPosition
    error_code: str
    reason: str


@dataclass(frozen=True)
class SlapCapture:
    """The result of one RCAPTURE: the prints, fingers the device could not read, the chain hash.

    Pass ``chain_hash`` as ``previous_hash`` to the next capture of the same applicant.
    """

    slap: Slap
    transaction_id: str
    prints: tuple[CapturedPrint, ...]
    missing: tuple[MissingFinger, ...]
    chain_hash: str


class SbiError(Exception):
    """Base of every fingerprint-device failure; the message is meant for the clerk."""


class NoDeviceFound(SbiError):
    def __init__(self, ports: range | Sequence[int] | None = None) -> None:
        message: str
        if ports is not None and len(ports) > 0:
            message = QT_TRANSLATE_NOOP(
                "fingerprints",
                "No fingerprint scanner found on ports {first}-{last}. Check the scanner is "
                "plugged in and its device service is running, then search again.",
            ).format(first=min(ports), last=max(ports))
        else:
            message = QT_TRANSLATE_NOOP(
                "fingerprints",
                "No fingerprint scanner found. Check the scanner is plugged in and its "
                "device service is running, then search again.",
            )
        super().__init__(message)


class DeviceBusy(SbiError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "fingerprints",
                "The fingerprint scanner is busy with another capture. "
                "Wait a moment and try again.",
            )
        )


class CaptureTimeout(SbiError):
    def __init__(self, seconds: float) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "fingerprints",
                "The fingerprint scanner did not answer within {seconds} s. Ask the applicant "
                "to lift and place the fingers again, then retry; restart the scanner if it "
                "repeats.",
            ).format(seconds=f"{seconds:g}")
        )


class CaptureCancelled(SbiError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("fingerprints", "Capture cancelled."))


class BadDeviceResponse(SbiError):
    """The device answered, but the answer cannot be trusted; ``problem`` names what was wrong."""

    WRONG_TRANSACTION_ID = QT_TRANSLATE_NOOP("fingerprints", "wrong transaction id")
    STALE_TIMESTAMP = QT_TRANSLATE_NOOP(
        "fingerprints", "timestamp outside 5 minutes of this computer's clock"
    )
    BAD_SIGNATURE = QT_TRANSLATE_NOOP("fingerprints", "bad signature")
    UNTRUSTED_CERTIFICATE = QT_TRANSLATE_NOOP(
        "fingerprints", "device certificate not issued by the trusted device CA"
    )
    HASH_CHAIN_BROKEN = QT_TRANSLATE_NOOP("fingerprints", "hash chain broken")
    MALFORMED = QT_TRANSLATE_NOOP("fingerprints", "malformed response")
    UNSUPPORTED_SPEC_VERSION = QT_TRANSLATE_NOOP("fingerprints", "unsupported spec version")
    UNSUPPORTED_IMAGE = QT_TRANSLATE_NOOP("fingerprints", "unsupported image format")

    def __init__(self, problem: str, detail: str = "") -> None:
        self.problem = problem
        self.detail = detail
        message: str
        if detail:
            message = QT_TRANSLATE_NOOP(
                "fingerprints",
                "The fingerprint scanner sent an answer that cannot be accepted: "
                "{problem} ({detail}). Capture again; if it repeats, call the administrator.",
            ).format(problem=problem, detail=detail)
        else:
            message = QT_TRANSLATE_NOOP(
                "fingerprints",
                "The fingerprint scanner sent an answer that cannot be accepted: "
                "{problem}. Capture again; if it repeats, call the administrator.",
            ).format(problem=problem)
        super().__init__(message)


class DeviceError(SbiError):
    """The device reported an SBI error code."""

    def __init__(self, code: str, info: str = "") -> None:
        self.code = code
        text = SBI_ERROR_TEXT.get(code) or info or QT_TRANSLATE_NOOP("fingerprints", "Device error")
        super().__init__(
            QT_TRANSLATE_NOOP("fingerprints", "Fingerprint scanner error {code}: {text}.").format(
                code=code, text=text
            )
        )


# ---------------------------------------------------------------------------------------------
# JWS and hash helpers (shared with the simulator, which must produce what the client checks)


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    padded = text + "=" * (-len(text) % 4)
    return base64.urlsafe_b64decode(padded.encode("ascii"))


def chain_hash(previous_hash: str | None, bio_value: bytes) -> str:
    """SBI chained hash of one biometric; ``previous_hash`` None or "" starts a new chain."""
    previous = hashlib.sha256(b"").digest() if not previous_hash else bytes.fromhex(previous_hash)
    return hashlib.sha256(previous + hashlib.sha256(bio_value).digest()).hexdigest().upper()


@dataclass(frozen=True)
class Jws:
    """A decoded JWS compact string."""

    header: Mapping[str, Any]
    payload: bytes
    signing_input: bytes
    signature: bytes

    def json_payload(self) -> dict[str, Any]:
        try:
            value = json.loads(self.payload)
        except (ValueError, UnicodeDecodeError) as exc:
            raise BadDeviceResponse(BadDeviceResponse.MALFORMED, "payload is not JSON") from exc
        if not isinstance(value, dict):
            raise BadDeviceResponse(BadDeviceResponse.MALFORMED, "payload is not an object")
        return value

    def certificates(self) -> list[x509.Certificate]:
        chain = self.header.get("x5c")
        if isinstance(chain, str):
            chain = [chain]
        if not isinstance(chain, list):
            return []
        certs = []
        for entry in chain:
            try:
                certs.append(x509.load_der_x509_certificate(base64.b64decode(str(entry))))
            except (ValueError, binascii.Error) as exc:
                raise BadDeviceResponse(
                    BadDeviceResponse.MALFORMED, "certificate in x5c unreadable"
                ) from exc
        return certs


def parse_jws(token: str) -> Jws:
    """Split a compact JWS; a bare base64url payload (unsigned SBI block) has no header."""
    parts = token.split(".")
    try:
        if len(parts) == 1:
            return Jws({}, b64url_decode(parts[0]), b"", b"")
        if len(parts) != 3:
            raise ValueError("expected 3 parts")
        header = json.loads(b64url_decode(parts[0]))
        if not isinstance(header, dict):
            raise ValueError("header is not an object")
        return Jws(
            header,
            b64url_decode(parts[1]),
            f"{parts[0]}.{parts[1]}".encode("ascii"),
            b64url_decode(parts[2]),
        )
    except (ValueError, UnicodeError, binascii.Error) as exc:
        raise BadDeviceResponse(BadDeviceResponse.MALFORMED, "signed block unreadable") from exc


def sign_jws(payload: bytes, key: rsa.RSAPrivateKey, chain: Sequence[x509.Certificate]) -> str:
    """RS256 compact JWS with the certificate chain (leaf first) in x5c, as SBI devices send."""
    header = {
        "alg": "RS256",
        "typ": "JWT",
        "x5c": [base64.b64encode(c.public_bytes(Encoding.DER)).decode("ascii") for c in chain],
    }
    head = b64url_encode(json.dumps(header, separators=(",", ":")).encode())
    body = b64url_encode(payload)
    signature = key.sign(f"{head}.{body}".encode("ascii"), padding.PKCS1v15(), hashes.SHA256())
    return f"{head}.{body}.{b64url_encode(signature)}"


def verify_jws(jws: Jws, trusted_ca: x509.Certificate | None, now: datetime) -> None:
    """Check a JWS: signature by the x5c leaf, and the leaf issued by ``trusted_ca`` if given.

    Without a trusted CA the signature is still checked when present (it catches corruption),
    but an unsigned block is accepted, since nothing could vouch for its signer anyway.
    """
    certs = jws.certificates() if jws.signing_input else []
    if not certs:
        if trusted_ca is not None:
            raise BadDeviceResponse(BadDeviceResponse.BAD_SIGNATURE, "block is not signed")
        return
    if jws.header.get("alg") != "RS256":
        raise BadDeviceResponse(BadDeviceResponse.BAD_SIGNATURE, "algorithm is not RS256")
    leaf = certs[0]
    public_key = leaf.public_key()
    if not isinstance(public_key, rsa.RSAPublicKey):
        raise BadDeviceResponse(BadDeviceResponse.BAD_SIGNATURE, "device key is not RSA")
    try:
        public_key.verify(jws.signature, jws.signing_input, padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature as exc:
        raise BadDeviceResponse(BadDeviceResponse.BAD_SIGNATURE) from exc
    if trusted_ca is None:
        return
    try:
        leaf.verify_directly_issued_by(trusted_ca)
    except (ValueError, TypeError, InvalidSignature) as exc:
        raise BadDeviceResponse(BadDeviceResponse.UNTRUSTED_CERTIFICATE) from exc
    if not leaf.not_valid_before_utc <= now <= leaf.not_valid_after_utc:
        raise BadDeviceResponse(
            BadDeviceResponse.UNTRUSTED_CERTIFICATE, "device certificate expired or not yet valid"
        )


def parse_sbi_time(text: str) -> datetime:
    """ISO 8601 as SBI devices write it (UTC, 'Z', optional fraction) to an aware datetime."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except (ValueError, AttributeError) as exc:
        raise BadDeviceResponse(BadDeviceResponse.MALFORMED, f"bad timestamp {text!r}") from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def format_sbi_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + (
        f"{moment.microsecond // 1000:03d}Z"
    )


def _version_key(version: str) -> tuple[int, ...]:
    try:
        return tuple(int(p) for p in version.split("."))
    except ValueError:
        return (0,)


# ---------------------------------------------------------------------------------------------
# HTTP transport with cancellation


class _Exchange:
    """One HTTP exchange with an SBI service that another thread can abort.

    Aborting shuts the socket down, so a read blocked in this thread returns at once and the
    connection is discarded rather than left half-read.
    """

    def __init__(
        self,
        port: int,
        method: str,
        path: str,
        body: Mapping[str, Any] | None,
        timeout_s: float,
        cancel: threading.Event | None,
        connect_timeout_s: float,
    ) -> None:
        self.port = port
        self.cancelled = False
        self._conn = http.client.HTTPConnection(LOOPBACK, port, timeout=connect_timeout_s)
        self._cancel = cancel
        self._done = threading.Event()
        self._watcher: threading.Thread | None = None
        self._method = method
        self._path = path
        self._body = b"" if body is None else json.dumps(body).encode("utf-8")
        self._timeout_s = timeout_s

    def open(self) -> http.client.HTTPResponse:
        self._conn.connect()
        sock = self._conn.sock
        assert sock is not None
        sock.settimeout(self._timeout_s)
        if self._cancel is not None:
            if self._cancel.is_set():
                self.cancelled = True
                self.close()
                raise CaptureCancelled()
            self._watcher = threading.Thread(
                target=self._watch, args=(self._cancel, sock), daemon=True
            )
            self._watcher.start()
        self._conn.request(
            self._method,
            self._path,
            body=self._body,
            headers={
                "Content-Type": "application/json",
                "EXT": "dnr-workstation",
                "Connection": "close",
            },
        )
        return self._conn.getresponse()

    def _watch(self, cancel: threading.Event, sock: socket.socket) -> None:
        while not self._done.is_set():
            if cancel.wait(0.05):
                self.cancelled = True
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                return

    def close(self) -> None:
        self._done.set()
        self._conn.close()
        if self._watcher is not None and self._watcher is not threading.current_thread():
            self._watcher.join(timeout=1.0)


def _read_json(response: http.client.HTTPResponse) -> Any:
    raw = response.read(_MAX_RESPONSE_BYTES + 1)
    if len(raw) > _MAX_RESPONSE_BYTES:
        raise BadDeviceResponse(BadDeviceResponse.MALFORMED, "response too large")
    try:
        return json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadDeviceResponse(BadDeviceResponse.MALFORMED, "body is not JSON") from exc


def _error_of(item: Mapping[str, Any]) -> tuple[str, str]:
    error = item.get("error")
    if not isinstance(error, dict):
        return "0", ""
    return str(error.get("errorCode", "0")).strip(), str(error.get("errorInfo", ""))


def _raise_for_code(code: str, info: str) -> None:
    if code in ("0", ""):
        return
    if code == "111":
        raise DeviceBusy()
    if code == "106":
        raise NoDeviceFound()
    raise DeviceError(code, info)


# ---------------------------------------------------------------------------------------------
# The client


@dataclass(frozen=True)
class SbiClient:
    """Talks to SBI device services on this computer.

    ``trusted_ca``: the device CA whose certificates vouch for scanners; when set, every signed
    block must verify against it. ``now`` is injectable for tests of the 5-minute window.
    """

    ports: range | Sequence[int] = DEFAULT_PORTS
    trusted_ca: x509.Certificate | None = None
    env: str = "Staging"
    connect_timeout_s: float = 0.3
    info_timeout_s: float = 5.0
    # Seconds waited beyond the capture timeout asked of the device: it should answer with
    # its best frame by then, so anything later is a hung device.
    response_grace_s: float = 2.0
    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))

    # -- discovery -----------------------------------------------------------------------------

    def discover(self, device_type: str = "Finger") -> list[DeviceInfo]:
        """Probe every port in parallel with MOSIPDISC; closed ports cost one refused connect."""
        ports = list(self.ports)
        if not ports:
            return []
        with ThreadPoolExecutor(max_workers=min(64, len(ports))) as pool:
            results = list(pool.map(lambda p: self._discover_port(p, device_type), ports))
        return [device for found in results for device in found]

    def _discover_port(self, port: int, device_type: str) -> list[DeviceInfo]:
        try:
            payload = self._call(port, "MOSIPDISC", "/device", {"type": device_type}, None)
        except (OSError, http.client.HTTPException, SbiError):
            # A closed port, another program on the port, or a broken service: not a scanner.
            return []
        if not isinstance(payload, list):
            return []
        devices = []
        for item in payload:
            if not isinstance(item, dict) or "deviceId" not in item:
                continue
            with contextlib.suppress(SbiError, KeyError, ValueError, TypeError):
                devices.append(self._device_from(item, port, verify=False))
        return devices

    def device_info(self, port: int) -> list[DeviceInfo]:
        """MOSIPDINFO: the signed device descriptions of the service on ``port``."""
        try:
            payload = self._call(port, "MOSIPDINFO", "/info", None, None, self.info_timeout_s)
        except (OSError, http.client.HTTPException) as exc:
            raise NoDeviceFound([port]) from exc
        if isinstance(payload, dict):
            _raise_for_code(*_error_of(payload))
        if not isinstance(payload, list):
            raise BadDeviceResponse(BadDeviceResponse.MALFORMED, "device info is not a list")
        devices = []
        for item in payload:
            if not isinstance(item, dict):
                raise BadDeviceResponse(BadDeviceResponse.MALFORMED, "device info entry")
            token = item.get("deviceInfo")
            if not isinstance(token, str):
                _raise_for_code(*_error_of(item))
                raise BadDeviceResponse(BadDeviceResponse.MALFORMED, "deviceInfo missing")
            jws = parse_jws(token)
            verify_jws(jws, self.trusted_ca, self.now())
            devices.append(self._device_from(jws.json_payload(), port, verify=True))
        return devices

    def find_finger_scanner(self) -> DeviceInfo:
        """The first finger slap scanner found, checked through its signed device info."""
        candidates = [
            d
            for d in self.discover("Finger")
            if d.device_type == "Finger" and d.purpose in ("Registration", "")
        ]
        if not candidates:
            raise NoDeviceFound(self.ports)
        busy = False
        for candidate in candidates:
            for device in self.device_info(candidate.port):
                if device.device_type != "Finger" or device.device_id != candidate.device_id:
                    continue
                if device.is_ready:
                    return device
                busy = busy or device.status == "Busy"
        if busy:
            raise DeviceBusy()
        raise DeviceError("110", "Device is not ready")

    def _device_from(self, item: Mapping[str, Any], port: int, verify: bool) -> DeviceInfo:
        digital_token = item.get("digitalId")
        if not isinstance(digital_token, str):
            raise BadDeviceResponse(BadDeviceResponse.MALFORMED, "digitalId missing")
        digital_jws = parse_jws(digital_token)
        if verify:
            verify_jws(digital_jws, self.trusted_ca, self.now())
        digital = digital_jws.json_payload()
        specs = item.get("specVersion") or []
        sub_ids = item.get("deviceSubId") or []
        return DeviceInfo(
            device_id=str(item["deviceId"]),
            serial=str(digital.get("serialNo") or item.get("deviceCode") or ""),
            make=str(digital.get("make", "")),
            model=str(digital.get("model", "")),
            status=str(item.get("deviceStatus", "")),
            spec_versions=tuple(str(v) for v in specs),
            port=port,
            device_type=str(digital.get("type", "")),
            device_sub_type=str(digital.get("deviceSubType", "")),
            purpose=str(item.get("purpose", "")),
            certification=str(item.get("certification", "")),
            device_sub_ids=tuple(int(v) for v in sub_ids),
            firmware=str(item.get("firmware", "")),
        )

    # -- capture -------------------------------------------------------------------------------

    def capture_slap(
        self,
        device: DeviceInfo,
        slap: Slap,
        *,
        exceptions: Iterable[FingerPosition] = (),
        fingers: Iterable[FingerPosition] | None = None,
        previous_hash: str | None = None,
        requested_score: int = 40,
        timeout_s: float = 30.0,
        cancel: threading.Event | None = None,
        transaction_id: str | None = None,
    ) -> SlapCapture:
        """RCAPTURE one slap (or the two thumbs), skipping fingers marked as exceptions.

        ``fingers`` narrows the request to some fingers of the slap (e.g. those still below
        the threshold); by default all of them. ``previous_hash`` is the ``chain_hash`` of the
        previous capture for the same applicant (None for the first). Raises CaptureCancelled
        when ``cancel`` is set meanwhile.
        """
        excepted = set(exceptions)
        asked = set(slap.fingers if fingers is None else fingers)
        wrong = [f for f in excepted | asked if f not in slap.fingers]
        if wrong:
            raise ValueError(f"{wrong[0].value} is not part of {slap.name}")
        wanted = [f for f in slap.fingers if f in asked and f not in excepted]
        if not wanted:
            raise ValueError("No finger of this slap is left to capture")
        transaction_id = transaction_id or str(uuid.uuid4())
        if not _TRANSACTION_ID.match(transaction_id):
            raise ValueError("transaction id: 4-50 letters, digits or hyphens")
        start_hash = previous_hash or EMPTY_PREVIOUS_HASH
        request = {
            "env": self.env,
            "purpose": "Registration",
            "specVersion": device.spec_version,
            "timeout": str(int(timeout_s * 1000)),
            "captureTime": format_sbi_time(self.now()),
            "transactionId": transaction_id,
            "bio": [
                {
                    "type": "Finger",
                    "count": str(len(wanted)),
                    "bioSubType": [f.value for f in wanted],
                    "exception": [f.value for f in slap.fingers if f in excepted],
                    "requestedScore": str(requested_score),
                    "deviceId": device.device_id,
                    "deviceSubId": str(slap.device_sub_id),
                    "previousHash": start_hash,
                }
            ],
            "customOpts": None,
        }
        payload = self._call(
            device.port, "RCAPTURE", "/capture", request, cancel, timeout_s + self.response_grace_s
        )
        return self._read_capture(payload, device, slap, wanted, transaction_id, start_hash)

    def _read_capture(
        self,
        payload: Any,
        device: DeviceInfo,
        slap: Slap,
        wanted: Sequence[FingerPosition],
        transaction_id: str,
        start_hash: str,
    ) -> SlapCapture:
        if isinstance(payload, dict) and "biometrics" not in payload:
            _raise_for_code(*_error_of(payload))
        items = payload.get("biometrics") if isinstance(payload, dict) else None
        if not isinstance(items, list) or not items:
            raise BadDeviceResponse(BadDeviceResponse.MALFORMED, "no biometrics in response")
        now = self.now()
        prints: list[CapturedPrint] = []
        missing: list[MissingFinger] = []
        running_hash = start_hash
        for item in items:
            if not isinstance(item, dict):
                raise BadDeviceResponse(BadDeviceResponse.MALFORMED, "biometric entry")
            code, info = _error_of(item)
            token = item.get("data")
            if not token:
                # A whole-request failure comes back as one entry with an error and no data.
                _raise_for_code(code, info)
                raise BadDeviceResponse(BadDeviceResponse.MALFORMED, "biometric without data")
            spec = str(item.get("specVersion", ""))
            if spec not in SUPPORTED_SPEC_VERSIONS:
                raise BadDeviceResponse(BadDeviceResponse.UNSUPPORTED_SPEC_VERSION, spec)
            jws = parse_jws(str(token))
            verify_jws(jws, self.trusted_ca, now)
            data = jws.json_payload()
            if data.get("transactionId") != transaction_id:
                raise BadDeviceResponse(BadDeviceResponse.WRONG_TRANSACTION_ID)
            stamp = parse_sbi_time(str(data.get("timestamp", "")))
            if abs(stamp - now) > MAX_CLOCK_SKEW:
                raise BadDeviceResponse(BadDeviceResponse.STALE_TIMESTAMP, stamp.isoformat())
            try:
                bio_value = b64url_decode(str(data.get("bioValue") or ""))
            except (ValueError, binascii.Error) as exc:
                raise BadDeviceResponse(BadDeviceResponse.MALFORMED, "bioValue") from exc
            expected_hash = chain_hash(running_hash, bio_value)
            if str(item.get("hash", "")).upper() != expected_hash:
                raise BadDeviceResponse(BadDeviceResponse.HASH_CHAIN_BROKEN)
            running_hash = expected_hash
            try:
                position = FingerPosition(str(data.get("bioSubType")))
            except ValueError as exc:
                raise BadDeviceResponse(
                    BadDeviceResponse.MALFORMED, f"finger {data.get('bioSubType')!r}"
                ) from exc
            if position not in wanted:
                raise BadDeviceResponse(
                    BadDeviceResponse.MALFORMED, f"{position.value} was not requested"
                )
            if code not in ("0", "") or not bio_value:
                missing.append(
                    MissingFinger(position, code or "101", SBI_ERROR_TEXT.get(code, info))
                )
                continue
            digital = parse_jws(str(data.get("digitalId", "")))
            verify_jws(digital, self.trusted_ca, now)
            serial = str(digital.json_payload().get("serialNo", device.serial))
            prints.append(
                CapturedPrint(
                    position=position,
                    image_png=to_grayscale_png(bio_value),
                    quality=_quality(data.get("qualityScore")),
                    device_id=device.device_id,
                    device_serial=serial,
                    captured_at=stamp,
                )
            )
        seen = [p.position for p in prints] + [m.position for m in missing]
        if len(set(seen)) != len(seen):
            raise BadDeviceResponse(BadDeviceResponse.MALFORMED, "a finger came back twice")
        for position in wanted:
            if position not in seen:
                missing.append(MissingFinger(position, "101", SBI_ERROR_TEXT["101"]))
        if not prints:
            first = missing[0]
            raise DeviceError(first.error_code, first.reason)
        return SlapCapture(
            slap=slap,
            transaction_id=transaction_id,
            prints=tuple(prints),
            missing=tuple(missing),
            chain_hash=running_hash,
        )

    # -- stream --------------------------------------------------------------------------------

    def stream(
        self,
        device: DeviceInfo,
        slap: Slap,
        cancel: threading.Event,
        timeout_s: float = 300.0,
    ) -> Iterator[bytes]:
        """Live preview frames (JPEG or PNG bytes) until ``cancel`` is set or the device stops.

        The generator closes its connection when it finishes, when cancelled, or when the
        caller stops iterating (generator close).
        """
        request = {
            "deviceId": device.device_id,
            "deviceSubId": str(slap.device_sub_id),
            "timeout": str(int(timeout_s * 1000)),
        }
        exchange = _Exchange(
            device.port, "STREAM", "/stream", request, timeout_s, cancel, self.connect_timeout_s
        )
        try:
            try:
                response = exchange.open()
            except (OSError, http.client.HTTPException) as exc:
                if exchange.cancelled:
                    return
                raise NoDeviceFound([device.port]) from exc
            content_type = response.getheader("Content-Type", "")
            if "multipart/" not in content_type:
                _raise_for_code(*_error_of(_read_json(response)))
                raise BadDeviceResponse(BadDeviceResponse.MALFORMED, "stream is not multipart")
            boundary = _boundary_of(content_type)
            try:
                yield from _frames(response, boundary, cancel)
            except (OSError, http.client.HTTPException, ValueError):
                if exchange.cancelled or cancel.is_set():
                    return
                raise
        finally:
            exchange.close()

    # -- transport -----------------------------------------------------------------------------

    def _call(
        self,
        port: int,
        method: str,
        path: str,
        body: Mapping[str, Any] | None,
        cancel: threading.Event | None,
        timeout_s: float | None = None,
    ) -> Any:
        timeout = self.connect_timeout_s if timeout_s is None else timeout_s
        exchange = _Exchange(port, method, path, body, timeout, cancel, self.connect_timeout_s)
        try:
            try:
                response = exchange.open()
                return _read_json(response)
            except TimeoutError as exc:
                if exchange.cancelled:
                    raise CaptureCancelled() from exc
                raise CaptureTimeout(timeout) from exc
            except (OSError, http.client.HTTPException, BadDeviceResponse) as exc:
                # A cancel shuts the socket, which surfaces as whatever the read was doing:
                # a reset, a short body, or a body that is not JSON.
                if exchange.cancelled:
                    raise CaptureCancelled() from exc
                raise
        finally:
            exchange.close()


def _quality(value: Any) -> int:
    try:
        score = round(float(value))
    except (TypeError, ValueError) as exc:
        raise BadDeviceResponse(BadDeviceResponse.MALFORMED, "qualityScore") from exc
    return max(0, min(100, score))


def to_grayscale_png(image_bytes: bytes) -> bytes:
    """Any image Pillow reads (PNG, JPEG, JPEG 2000) as an 8-bit grayscale PNG."""
    if image_bytes.startswith(b"FIR\x00"):
        raise BadDeviceResponse(
            BadDeviceResponse.UNSUPPORTED_IMAGE, "ISO 19794-4 records are not supported yet"
        )
    try:
        with Image.open(io.BytesIO(image_bytes)) as image:
            if image.format == "PNG" and image.mode == "L":
                return image_bytes
            out = io.BytesIO()
            image.convert("L").save(out, format="PNG")
            return out.getvalue()
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise BadDeviceResponse(BadDeviceResponse.UNSUPPORTED_IMAGE) from exc


def _boundary_of(content_type: str) -> bytes:
    for part in content_type.split(";"):
        name, _, value = part.strip().partition("=")
        if name.lower() == "boundary" and value:
            return value.strip('"').encode("latin-1")
    raise BadDeviceResponse(BadDeviceResponse.MALFORMED, "stream without boundary")


def _frames(
    response: http.client.HTTPResponse, boundary: bytes, cancel: threading.Event
) -> Iterator[bytes]:
    """Parse multipart/x-mixed-replace parts; each part must carry a Content-Length."""
    # RFC 2046 puts "--" before the boundary parameter; some services put it in the parameter
    # and do not add it again, so both spellings are accepted.
    markers = {b"--" + boundary, boundary} if boundary.startswith(b"--") else {b"--" + boundary}
    while not cancel.is_set():
        line = response.readline(1024)
        if not line:
            return
        line = line.strip()
        if not line:
            continue
        if line.endswith(b"--") and line[:-2] in markers:
            return
        if line not in markers:
            raise BadDeviceResponse(BadDeviceResponse.MALFORMED, "stream part boundary")
        length = -1
        while True:
            header = response.readline(1024)
            if not header:
                return
            header = header.strip()
            if not header:
                break
            name, _, value = header.decode("latin-1").partition(":")
            if name.strip().lower() == "content-length":
                length = int(value.strip())
        if not 0 < length <= _MAX_STREAM_FRAME_BYTES:
            raise BadDeviceResponse(BadDeviceResponse.MALFORMED, "stream frame length")
        frame = response.read(length)
        if len(frame) < length:
            return
        if cancel.is_set():
            return
        yield frame


def trusted_ca_from_pem(pem: bytes) -> x509.Certificate:
    """Load the device CA certificate an administrator configured."""
    return x509.load_pem_x509_certificate(pem)


__all__ = [
    "DEFAULT_PORTS",
    "BadDeviceResponse",
    "CaptureCancelled",
    "CaptureTimeout",
    "CapturedPrint",
    "DeviceBusy",
    "DeviceError",
    "DeviceInfo",
    "FingerPosition",
    "MissingFinger",
    "NoDeviceFound",
    "SbiClient",
    "SbiError",
    "Slap",
    "SlapCapture",
    "chain_hash",
    "trusted_ca_from_pem",
]
