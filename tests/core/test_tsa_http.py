"""The TSA client against the simulator over HTTP on 127.0.0.1, and `dnr-workstation
tsa-simulator`: tokens come back verified; an unreachable or wrong server is a clear
TsaUnavailable; the simulator stops by itself when idle."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from workstation import cli
from workstation.security.eds import TrustStore
from workstation.security.pki import DemoKeyPool
from workstation.security.timestamp import TimestampInvalid, TsaTrust, verify_token
from workstation.security.tsa_client import TsaClient, TsaUnavailable
from workstation.security.tsa_simulator import (
    TsaAuthority,
    TsaServer,
    TsaSimulator,
    load_or_create_authority,
    make_tsa_authority,
)

NOW = datetime.now(UTC)


@pytest.fixture(scope="module")
def authority(tmp_path_factory: pytest.TempPathFactory) -> TsaAuthority:
    keys = DemoKeyPool(tmp_path_factory.getbasetemp() / "demo-keys")
    return make_tsa_authority(NOW - timedelta(days=1), keys)


@pytest.fixture
def server(authority: TsaAuthority) -> Iterator[TsaServer]:
    running = TsaServer(TsaSimulator(authority))
    thread = threading.Thread(target=running.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield running
    running.shutdown()
    running.server_close()
    thread.join(5)


def _trust(authority: TsaAuthority) -> TsaTrust:
    return TsaTrust(TrustStore((authority.ca.certificate,), (authority.certificate,)))


def test_the_client_gets_a_verified_token_over_http(
    server: TsaServer, authority: TsaAuthority
) -> None:
    client = TsaClient(server.url, timeout_s=5, trust=_trust(authority))
    token = client.token_for(b"signature value")
    assert verify_token(token, b"signature value", _trust(authority)).gen_time <= datetime.now(UTC)
    assert server.simulator.issued == 1


def test_a_token_from_an_untrusted_tsa_is_refused_when_stamping(server: TsaServer) -> None:
    other = make_tsa_authority(NOW, DemoKeyPool(key_size=1024), name="OTHER TSA")
    client = TsaClient(server.url, timeout_s=5, trust=_trust(other))
    with pytest.raises(TimestampInvalid):
        client.token_for(b"signature value")


def test_an_unreachable_tsa_is_a_clear_error(server: TsaServer) -> None:
    port = server.port
    server.shutdown()
    server.server_close()
    with pytest.raises(TsaUnavailable, match="cannot be reached"):
        TsaClient(f"http://127.0.0.1:{port}/", timeout_s=2).token_for(b"x")


class _NotATsa(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = b"<html>hello</html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


def test_a_server_that_is_not_a_tsa_is_a_clear_error() -> None:
    web = ThreadingHTTPServer(("127.0.0.1", 0), _NotATsa)
    thread = threading.Thread(target=web.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        url = f"http://127.0.0.1:{web.server_address[1]}/"
        with pytest.raises(TsaUnavailable, match="did not answer as a time-stamping authority"):
            TsaClient(url, timeout_s=5).token_for(b"x")
    finally:
        web.shutdown()
        web.server_close()
        thread.join(5)


def test_only_http_urls_are_taken() -> None:
    with pytest.raises(ValueError, match="not an http"):
        TsaClient("file:///etc/passwd")


def test_the_simulator_stops_by_itself_when_idle(authority: TsaAuthority) -> None:
    idle = TsaServer(TsaSimulator(authority))
    started = time.monotonic()
    thread = threading.Thread(target=idle.serve_until_idle, args=(0.3,))
    thread.start()
    thread.join(10)
    idle.server_close()
    assert not thread.is_alive()
    assert time.monotonic() - started < 5


def test_the_simulator_keeps_its_keys(tmp_path: Path) -> None:
    first = load_or_create_authority(tmp_path / "tsa", NOW)
    again = load_or_create_authority(tmp_path / "tsa", NOW)
    assert again.certificate == first.certificate
    assert (tmp_path / "tsa" / "tsa-key.pem").stat().st_mode & 0o077 == 0
    assert TsaTrust.from_dir(tmp_path / "tsa" / "trust").known_certificates


def test_the_command_serves_tokens_and_stops_by_itself(tmp_path: Path) -> None:
    state = tmp_path / "tsa"
    process = subprocess.Popen(
        [sys.executable, "-m", "workstation.cli", "tsa-simulator", "--port", "0",
         "--state-dir", str(state), "--idle-seconds", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert "TSA simulator (DEMO) listening on http://127.0.0.1:" in line, line
        url = line.split("listening on ")[1].split(";")[0]
        trust = TsaTrust.from_dir(state / "trust")
        token = TsaClient(url, timeout_s=5, trust=trust).token_for(b"value")
        assert verify_token(token, b"value", trust).serial_number > 0
        assert process.wait(timeout=30) == 0  # stopped by itself, 2 s after the last request
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(5)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def test_the_cli_forwards_its_options(monkeypatch: pytest.MonkeyPatch) -> None:
    from workstation.security import tsa_simulator

    received: list[list[str] | None] = []

    def fake_main(argv: list[str] | None = None) -> int:
        received.append(argv)
        return 5

    monkeypatch.setattr(tsa_simulator, "main", fake_main)
    assert cli.main(["tsa-simulator", "--port", "9000", "--state-dir", "x"]) == 5
    assert received == [["--port", "9000", "--state-dir", "x"]]
    assert "tsa-simulator" in cli.HEADLESS_COMMANDS


class _GarbageTsa(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = b"\x30\x03\x02\x01\x00" + b"junk"
        self.send_response(200)
        self.send_header("Content-Type", "application/timestamp-reply")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


def test_a_tsa_answering_garbage_is_a_clear_refusal() -> None:
    web = ThreadingHTTPServer(("127.0.0.1", 0), _GarbageTsa)
    thread = threading.Thread(target=web.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        url = f"http://127.0.0.1:{web.server_address[1]}/"
        with pytest.raises(TimestampInvalid, match="not valid"):
            TsaClient(url, timeout_s=5).token_for(b"x")
    finally:
        web.shutdown()
        web.server_close()
        thread.join(5)
