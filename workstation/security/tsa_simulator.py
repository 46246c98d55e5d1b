"""A local RFC 3161 time-stamping authority, for tests and demo mode ONLY.

It answers TimeStampReq over HTTP on 127.0.0.1 (POST, application/timestamp-query) the way
NCA RK's TSP service does: a TimeStampResp with a token signed by a TSA certificate whose
extended key usage is id-kp-timeStamping (critical), with an ESSCertIDv2 signing-certificate
attribute, the nonce echoed and the certificate included when the request asks for it.
The TSA's CA and certificate carry "DEMO" in their names; a desk trusts them only when its
[tsa] trust_dir points at the simulator's trust folder.

`dnr-workstation tsa-simulator` runs it and stops by itself after --idle-seconds without a
request (or on SIGTERM / Ctrl+C).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from asn1crypto import algos as asn1_algos  # type: ignore[import-untyped]
from asn1crypto import cms as asn1_cms
from asn1crypto import tsp as asn1_tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID

from workstation.security.pki import (
    CertificateAuthority,
    DemoKeyPool,
    _ca_certificate,
    demo_name,
    issue_certificate,
    make_crl,
)
from workstation.security.timestamp import TimeStampResp

LOOPBACK = "127.0.0.1"
DEFAULT_PORT = 8318
DEMO_POLICY = "2.999.3161.1"  # under the ITU-T example arc: a demo policy, never a real one
TSA_ROOT_NAME = "DEMO NCA RK TSA ROOT"
TSA_NAME = "DEMO NCA RK TSA"
MAX_REQUEST = 16 * 1024
_HASHES = {"sha256", "sha384", "sha512"}


@dataclass(frozen=True)
class TsaAuthority:
    """The simulator's keys: a CA and the TSA certificate it issued."""

    ca: CertificateAuthority
    key: rsa.RSAPrivateKey
    certificate: x509.Certificate

    def crl(
        self, revoked: list[tuple[int, datetime]], now: datetime
    ) -> x509.CertificateRevocationList:
        """A CRL of the TSA's CA (e.g. listing the TSA certificate, for tests)."""
        return make_crl(self.ca, revoked, now)

    def write_trust(self, directory: Path) -> Path:
        """root.pem and tsa.pem in `directory`: what a desk's [tsa] trust_dir holds."""
        directory.mkdir(parents=True, exist_ok=True)
        for name, certificate in (("root.pem", self.ca.certificate), ("tsa.pem", self.certificate)):
            (directory / name).write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
        return directory


def make_tsa_authority(
    now: datetime,
    keys: DemoKeyPool | None = None,
    *,
    valid_days: int = 3 * 365,
    not_before: datetime | None = None,
    name: str = TSA_NAME,
) -> TsaAuthority:
    """A demo TSA: a self-signed root and a TSA certificate valid from `not_before`."""
    pool = keys or DemoKeyPool()
    start = (not_before or now) - timedelta(days=1)
    root_key = pool.key(f"tsa-root-{name}")  # another TSA name: another CA key, same CA name
    root = _ca_certificate(root_key, TSA_ROOT_NAME, root_key, None, start, 20 * 365)
    ca = CertificateAuthority(root_key, root)
    key = pool.key(f"tsa-{name}")
    certificate = issue_certificate(
        key,
        demo_name(name),
        root.subject,
        root_key,
        start,
        start + timedelta(days=valid_days),
        ca=False,
        signing=True,
        content_commitment=True,
        # RFC 3161 2.3: a TSA's certificate is for time-stamping only, marked critical.
        extended=x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]),
        extended_critical=True,
    )
    return TsaAuthority(ca, key, certificate)


def load_or_create_authority(directory: Path, now: datetime) -> TsaAuthority:
    """The authority kept in `directory` (keys 0600), made there on first use; trust/ in it
    holds what a desk trusts."""
    root_key_path, key_path = directory / "tsa-root-key.pem", directory / "tsa-key.pem"
    root_path, cert_path = directory / "trust" / "root.pem", directory / "trust" / "tsa.pem"
    if all(p.is_file() for p in (root_key_path, key_path, root_path, cert_path)):
        root_key = serialization.load_pem_private_key(root_key_path.read_bytes(), None)
        key = serialization.load_pem_private_key(key_path.read_bytes(), None)
        if isinstance(root_key, rsa.RSAPrivateKey) and isinstance(key, rsa.RSAPrivateKey):
            root = x509.load_pem_x509_certificate(root_path.read_bytes())
            certificate = x509.load_pem_x509_certificate(cert_path.read_bytes())
            if certificate.not_valid_after_utc > now:
                return TsaAuthority(CertificateAuthority(root_key, root), key, certificate)
    authority = make_tsa_authority(now)
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    for path, private in ((root_key_path, authority.ca.key), (key_path, authority.key)):
        pem = private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(pem)
    authority.write_trust(directory / "trust")
    return authority


class TsaSimulator:
    """Answers TimeStampReq DER with TimeStampResp DER (no network: `respond`)."""

    def __init__(
        self,
        authority: TsaAuthority,
        clock: Callable[[], datetime] | None = None,
        *,
        policy: str = DEMO_POLICY,
    ) -> None:
        self.authority = authority
        self.clock = clock or (lambda: datetime.now(UTC))
        self.policy = policy
        self._serial = int(time.time() * 1000)
        self._lock = threading.Lock()
        self.issued = 0

    def respond(self, request_der: bytes) -> bytes:
        try:
            request = asn1_tsp.TimeStampReq.load(request_der, strict=True)
            imprint = request["message_imprint"]
            algorithm = imprint["hash_algorithm"]["algorithm"].native
            nonce = request["nonce"].native
            cert_req = bool(request["cert_req"].native)
            policy = request["req_policy"].dotted if request["req_policy"].native else None
            hashed = imprint["hashed_message"].native
        except (ValueError, TypeError, KeyError):
            return _rejection("bad_data_format", "the request is not a DER TimeStampReq")
        if request["version"].native != "v1":
            return _rejection("bad_request", "only version 1 requests are served")
        if algorithm not in _HASHES or len(hashed) != hashlib.new(algorithm).digest_size:
            return _rejection("bad_alg", "the message imprint is not SHA-256/384/512")
        if policy is not None and policy != self.policy:
            return _rejection("unaccepted_policy", f"policy {policy} is not served")
        with self._lock:
            self._serial += 1
            serial = self._serial
            self.issued += 1
        # a fresh imprint: dumping the parsed one made asn1crypto re-encode it, slowly
        fresh = {"hash_algorithm": {"algorithm": algorithm}, "hashed_message": hashed}
        token = self._token(fresh, nonce, serial, cert_req)
        return bytes(
            TimeStampResp({"status": {"status": "granted"}, "time_stamp_token": token}).dump()
        )

    def _token(self, imprint: Any, nonce: int | None, serial: int, cert_req: bool) -> Any:
        gen_time = self.clock().astimezone(UTC)
        info: dict[str, Any] = {
            "version": "v1",
            "policy": self.policy,
            "message_imprint": imprint,
            "serial_number": serial,
            "gen_time": gen_time,
            "accuracy": {"seconds": 1},
        }
        if nonce is not None:
            info["nonce"] = nonce
        tst_info = asn1_tsp.TSTInfo(info)
        content = tst_info.dump()
        tsa_der = self.authority.certificate.public_bytes(serialization.Encoding.DER)
        tsa_cert = asn1_x509.Certificate.load(tsa_der)
        signed_attrs = asn1_cms.CMSAttributes(
            [
                {"type": "content_type", "values": ["tst_info"]},
                {"type": "signing_time", "values": [asn1_cms.Time({"utc_time": gen_time})]},
                {"type": "message_digest", "values": [hashlib.sha256(content).digest()]},
                {
                    "type": "signing_certificate_v2",
                    "values": [
                        {
                            "certs": [
                                {
                                    "hash_algorithm": {"algorithm": "sha256"},
                                    "cert_hash": hashlib.sha256(tsa_der).digest(),
                                    "issuer_serial": {
                                        "issuer": [
                                            asn1_x509.GeneralName(
                                                {"directory_name": tsa_cert.issuer}
                                            )
                                        ],
                                        "serial_number": tsa_cert.serial_number,
                                    },
                                }
                            ]
                        }
                    ],
                },
            ]
        )
        signature = self.authority.key.sign(
            signed_attrs.dump(), padding.PKCS1v15(), hashes.SHA256()
        )
        signer_info = {
            "version": "v1",
            "sid": asn1_cms.SignerIdentifier(
                {
                    "issuer_and_serial_number": {
                        "issuer": tsa_cert.issuer,
                        "serial_number": tsa_cert.serial_number,
                    }
                }
            ),
            "digest_algorithm": {"algorithm": "sha256"},
            "signed_attrs": signed_attrs,
            "signature_algorithm": asn1_algos.SignedDigestAlgorithm({"algorithm": "sha256_rsa"}),
            "signature": signature,
        }
        signed_data: dict[str, Any] = {
            "version": "v3",
            "digest_algorithms": [{"algorithm": "sha256"}],
            "encap_content_info": {
                "content_type": "tst_info",
                "content": asn1_cms.ParsableOctetString(content),
            },
            "signer_infos": [signer_info],
        }
        if cert_req:
            signed_data["certificates"] = [tsa_cert]
        return asn1_cms.ContentInfo({"content_type": "signed_data", "content": signed_data})


def _rejection(failure: str, text: str) -> bytes:
    return bytes(
        TimeStampResp(
            {
                "status": {
                    "status": "rejection",
                    "status_string": [text],
                    "fail_info": asn1_tsp.PKIFailureInfo({failure}),
                }
            }
        ).dump()
    )


# ---- HTTP ----------------------------------------------------------------------------------


class TsaServer(ThreadingHTTPServer):
    """The simulator on 127.0.0.1; `serve_until_idle` returns after `idle_s` without requests."""

    daemon_threads = True

    def __init__(self, simulator: TsaSimulator, port: int = 0) -> None:
        self.simulator = simulator
        self.last_request = time.monotonic()
        super().__init__((LOOPBACK, port), _Handler)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}/"

    def serve_until_idle(self, idle_s: float) -> None:
        def watch() -> None:
            while time.monotonic() - self.last_request < idle_s:
                time.sleep(min(0.2, idle_s))
            self.shutdown()

        threading.Thread(target=watch, daemon=True).start()
        self.serve_forever(poll_interval=0.1)


class _Handler(BaseHTTPRequestHandler):
    server: TsaServer
    # Headers and body go out in two writes: without Nagle's algorithm the second never
    # waits for the client's delayed ACK.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:  # quiet: tests and demo
        return

    def do_POST(self) -> None:
        self.server.last_request = time.monotonic()
        length = int(self.headers.get("Content-Length") or 0)
        if self.headers.get_content_type() != "application/timestamp-query":
            self._send(415, b"expected application/timestamp-query", "text/plain")
            return
        if not 0 < length <= MAX_REQUEST:
            self._send(413, b"request too large or empty", "text/plain")
            return
        answer = self.server.simulator.respond(self.rfile.read(length))
        self._send(200, answer, "application/timestamp-reply")

    def do_GET(self) -> None:
        self.server.last_request = time.monotonic()
        certificate = self.server.simulator.authority.ca.certificate
        self._send(
            200, certificate.public_bytes(serialization.Encoding.PEM), "application/x-pem-file"
        )

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="tsa-simulator",
        description="A local RFC 3161 time-stamping authority for tests and demo (DEMO keys).",
    )
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="port on 127.0.0.1")
    parser.add_argument(
        "--state-dir",
        type=Path,
        required=True,
        help="keep the TSA keys here; its trust/ folder is what a desk's [tsa] trust_dir names",
    )
    parser.add_argument(
        "--idle-seconds",
        type=float,
        default=600.0,
        help="stop after this long without a request (default 600)",
    )
    args = parser.parse_args(argv)
    authority = load_or_create_authority(args.state_dir, datetime.now(UTC))
    try:
        server = TsaServer(TsaSimulator(authority), args.port)
    except OSError as exc:
        print(f"Cannot listen on {LOOPBACK}:{args.port}: {exc.strerror}", file=sys.stderr)
        return 2

    def stop(signum: int, frame: object) -> None:
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    print(
        f"TSA simulator (DEMO) listening on {server.url}; trust folder "
        f"{args.state_dir / 'trust'}; stops after {args.idle_seconds:g} s idle",
        flush=True,
    )
    try:
        server.serve_until_idle(args.idle_seconds)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
