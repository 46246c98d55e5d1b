"""Start the SBI simulator as a real process on loopback and steer it, for the tests."""

from __future__ import annotations

import http.client
import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_simulator(
    state_dir: Path, *, scan_ms: int, via_cli: bool = False
) -> Iterator[tuple[int, Path]]:
    """(port, device CA file) of a simulator process, stopped afterwards.

    via_cli starts it the way an administrator does, `dnr-workstation sbi-simulator`.
    """
    ca_file = state_dir / "device-ca.pem"
    port = free_port()
    module = (
        ["workstation.cli", "sbi-simulator"] if via_cli else ["workstation.biometrics.simulator"]
    )
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            *module,
            "--port",
            str(port),
            "--ca-out",
            str(ca_file),
            "--scan-ms",
            str(scan_ms),
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None and process.stderr is not None
        line = process.stdout.readline()  # printed once the socket is listening
        if f"listening on 127.0.0.1:{port}" not in line:
            pytest.fail(f"the simulator did not start: {line!r} {process.stderr.read()}")
        yield port, ca_file
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def set_mode(port: int, **changes: Any) -> dict[str, Any]:
    """Tell the simulator how to misbehave next (see workstation.biometrics.simulator)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("POST", "/simulator/mode", body=json.dumps(changes))
        response = conn.getresponse()
        body = json.loads(response.read())
        assert response.status == 200, body
        return dict(body)
    finally:
        conn.close()
