"""A throw-away PostgreSQL cluster a test may kill: initdb and postgres from
/usr/lib/postgresql/*/bin into a temporary folder, on a free port of 127.0.0.1.

initdb refuses to run as root, so as root the cluster runs as the `postgres` OS user. It
stops itself at the end: `stop()` (the fixture calls it), and a watchdog process that stops
it and deletes the folder if the test's process dies without doing so.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import psycopg

# Stops the cluster once the test's process is gone (even SIGKILLed), then deletes it.
WATCHDOG = """
import os, shutil, signal, sys, time
parent, data, folder = sys.argv[1:]
while os.getppid() == int(parent):
    time.sleep(1)
try:
    with open(os.path.join(data, "postmaster.pid")) as pid_file:
        os.kill(int(pid_file.readline()), signal.SIGQUIT)  # immediate shutdown
    time.sleep(2)
except (OSError, ValueError):
    pass
shutil.rmtree(folder, ignore_errors=True)
"""


class ClusterUnavailable(Exception):
    """No PostgreSQL server binaries here, or initdb or the server failed (the message says)."""


def server_bin() -> Path:
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if not found:
        raise ClusterUnavailable("no /usr/lib/postgresql/*/bin/initdb (apt install postgresql)")
    return found[-1].parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (a postmaster's backends and helpers)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


class PgCluster:
    def __init__(self) -> None:
        self.bin = server_bin()
        self.folder = Path(tempfile.mkdtemp(prefix="dnr-pg-kill-"))
        self.data = self.folder / "data"
        self.port = free_port()
        self.as_user: list[str] = []
        self.user: str | None = None  # the OS user the server runs as
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
            self.user = "postgres"
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync")
        # fsync off: a killed postmaster loses nothing the kernel holds (only a power cut
        # would), and the test restarts the server 40 times.
        options = [f"port = {self.port}", "listen_addresses = '127.0.0.1'"]
        options += [f"unix_socket_directories = '{self.folder}'", "fsync = off"]
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write("\n".join(options) + "\n")
        self.watchdog = subprocess.Popen(
            [
                sys.executable,
                "-c",
                WATCHDOG,
                str(os.getpid()),
                str(self.data),
                str(self.folder),
            ],
            start_new_session=True,  # a Ctrl+C of the test does not stop it before its time
        )
        self.start()

    def _run(self, program: str, *args: str) -> None:
        done = subprocess.run(
            [*self.as_user, str(self.bin / program), *args], capture_output=True, text=True
        )
        if done.returncode != 0:
            raise ClusterUnavailable(f"{program} failed: {(done.stdout + done.stderr).strip()}")

    def url(self, database: str = "postgres", user: str = "postgres") -> str:
        return f"postgresql+psycopg://{user}@127.0.0.1:{self.port}/{database}"

    def connect(self, database: str = "postgres") -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname=database, autocommit=True
        )

    def create_database(self, name: str) -> str:
        with self.connect() as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def start(self, timeout: float = 60.0) -> float:
        """Start (after a kill: with crash recovery); returns the seconds until it answers.
        The postmaster is this process's own child, so a killed one is reaped at once (its
        pid in postmaster.pid would otherwise stop the restart)."""
        started = time.monotonic()
        with (self.folder / "server.log").open("ab") as log:
            self.postmaster = subprocess.Popen(
                [str(self.bin / "postgres"), "-D", str(self.data)],
                stdout=log,
                stderr=subprocess.STDOUT,
                user=self.user,
                group=self.user,
            )
        while True:
            try:
                self.connect().close()
                return time.monotonic() - started
            except psycopg.OperationalError as exc:
                if self.postmaster.poll() is not None or time.monotonic() - started > timeout:
                    log_tail = (self.folder / "server.log").read_text()[-1500:]
                    raise ClusterUnavailable(
                        f"the server did not start: {exc}\n{log_tail}"
                    ) from exc
                time.sleep(0.05)

    def kill(self, grace: float = 5.0) -> None:
        """SIGKILL the postmaster, as a crash would; its backends notice and exit (any left
        after `grace` seconds are killed too, or the restart finds its shared memory taken)."""
        pid = self.postmaster.pid
        children = _children(pid)
        self.postmaster.kill()
        self.postmaster.wait()
        deadline = time.monotonic() + grace
        waiting: Sequence[int] = children
        while waiting and time.monotonic() < deadline:
            time.sleep(0.02)
            waiting = [p for p in waiting if alive(p)]
        for straggler in waiting:
            with contextlib.suppress(ProcessLookupError):
                os.kill(straggler, signal.SIGKILL)

    def stop(self) -> None:
        try:
            if self.postmaster.poll() is None:
                self.postmaster.send_signal(signal.SIGINT)  # fast shutdown
                try:
                    self.postmaster.wait(30)
                except subprocess.TimeoutExpired:
                    self.postmaster.kill()
                    self.postmaster.wait()
        finally:
            self.watchdog.kill()
            self.watchdog.wait()
            shutil.rmtree(self.folder, ignore_errors=True)
