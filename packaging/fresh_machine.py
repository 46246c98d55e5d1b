"""The README's two commands on a really fresh Debian 12, as a newcomer runs them.

    sudo python3 packaging/fresh_machine.py [--ref REF] [--keep] [--host-ca auto|yes|no]

1. debootstrap: a minimal bookworm root (minbase + python3, git, ca-certificates), kept as a
   tar in --cache (default /var/cache/dnr-fresh/) under today's date, reused within the day.
2. A clean clone of REF (default HEAD) of this checkout (`git clone`: committed files only,
   never the working tree) in /root/dnr of a fresh copy of that root; /proc, /sys, /dev,
   /dev/pts and /dev/shm mounted, the host's resolv.conf copied.
3. In /root/dnr, with no display and a clean environment, exactly what README.md says:
     python3 bootstrap.py demo              -> must stop with the one "no display" line
     xvfb-run -a python3 bootstrap.py demo --smoke        -> must print "smoke ok"
     CI=true python3 bootstrap.py test tests/packaging tests/e2e <a PostgreSQL test>
   The tests reach the host's PostgreSQL at 127.0.0.1:5432 (a chroot shares the host's
   network). --tests replaces the pytest arguments.
4. Unmounts everything (lazily if a mount is busy), deletes the root, prints each phase's
   time (debootstrap, apt, pip, smoke, tests, total) and exits 0 only if all three passed.

--host-ca: a machine whose HTTPS goes through an inspecting proxy (as on the machines this
project is built on) has that proxy's CA in /usr/local/share/ca-certificates/ and pip's
`cert` setting in /etc/pip.conf; without them no fresh machine behind that proxy reaches
PyPI. `auto` (default) copies them into the root when the host has such CAs; `no` keeps
the root exactly as debootstrap made it. Standard library only; needs root and debootstrap.
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MIRROR = "http://deb.debian.org/debian"
SUITE = "bookworm"
INCLUDE = "python3,git,ca-certificates"
HOME = "/root"
CLONE = f"{HOME}/dnr"
DEFAULT_TESTS = ["tests/packaging", "tests/e2e", "tests/integration/test_central_postgres.py"]
NO_DISPLAY = "xvfb-run -a python3 bootstrap.py demo"  # what the no-display line must offer
HOST_CAS = Path("/usr/local/share/ca-certificates")
HOST_PIP = [Path("/etc/pip.conf"), Path("/etc/xdg/pip")]
# A clean login environment: nothing of the host's session (no DISPLAY, no PIP_*, no venv).
CLEAN_ENV = {"HOME": HOME, "LANG": "C.UTF-8", "TERM": "dumb", "USER": "root"}
CLEAN_ENV["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


class CheckFailed(Exception):
    """A phase failed: the message says which and why."""


def say(text: str) -> None:
    print(f"[fresh-machine] {text}", flush=True)


@dataclass
class Times:
    phases: dict[str, float] = field(default_factory=dict)

    def add(self, name: str, seconds: float) -> None:
        self.phases[name] = self.phases.get(name, 0.0) + seconds

    def report(self, total: float) -> str:
        order = ["debootstrap", "unpack", "apt", "pip", "smoke", "tests"]
        parts = [f"{name} {self.phases[name]:.0f} s" for name in order if name in self.phases]
        return ", ".join([*parts, f"total {total:.0f} s"])


def cached_root_tar(cache: Path, times: Times, today: datetime.date) -> Path:
    """Today's debootstrap as a tar; older ones are deleted. Built in a temporary folder and
    renamed, so an interrupted build never passes for a cached one."""
    cache.mkdir(parents=True, exist_ok=True)
    tar = cache / f"{SUITE}-minbase-{today.isoformat()}.tar"
    if tar.exists():
        say(f"debootstrap: reusing {tar}")
        times.add("debootstrap", 0.0)
        return tar
    if shutil.which("debootstrap") is None:
        raise CheckFailed("debootstrap is not installed: apt-get install debootstrap")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(dir=cache, prefix="build-") as building:
        target = Path(building) / "root"
        say(f"debootstrap: {SUITE} minbase + {INCLUDE} from {MIRROR}")
        command = ["debootstrap", "--variant=minbase", f"--include={INCLUDE}", SUITE]
        made = subprocess.run([*command, str(target), MIRROR], capture_output=True, text=True)
        if made.returncode != 0:
            tail = " | ".join((made.stdout + made.stderr).strip().splitlines()[-3:])
            raise CheckFailed(f"debootstrap failed: {tail}")
        partial = Path(building) / "root.tar"
        subprocess.run(["tar", "-C", str(target), "-cf", str(partial), "."], check=True)
        partial.rename(tar)
    for old in cache.glob(f"{SUITE}-minbase-*.tar"):
        if old != tar:
            old.unlink()
    times.add("debootstrap", time.monotonic() - started)
    return tar


def resolve(ref: str, source: Path) -> str:
    found = subprocess.run(
        ["git", "-C", str(source), "rev-parse", "--verify", f"{ref}^{{commit}}"],
        capture_output=True,
        text=True,
    )
    if found.returncode != 0:
        raise CheckFailed(f"{ref!r} is no commit of {source}")
    return found.stdout.strip()


def clean_clone(source: Path, commit: str, target: Path) -> None:
    """`git clone` of the checkout, then that commit: what a newcomer's clone holds."""
    quiet = ["-c", "advice.detachedHead=false"]
    subprocess.run(["git", "clone", "-q", "--no-checkout", str(source), str(target)], check=True)
    have = subprocess.run(["git", "-C", str(target), "cat-file", "-e", f"{commit}^{{commit}}"])
    if have.returncode != 0:  # a commit on no branch: fetch it by name
        subprocess.run(["git", "-C", str(target), "fetch", "-q", "origin", commit], check=True)
    subprocess.run(["git", *quiet, "-C", str(target), "checkout", "-q", commit], check=True)


def mounts_under(root: Path, table: Path = Path("/proc/self/mounts")) -> list[str]:
    """Mount points at or below root, deepest first."""
    prefix = str(root.resolve())
    points = []
    for line in table.read_text().splitlines():
        point = line.split()[1].replace("\\040", " ")
        if point == prefix or point.startswith(prefix + "/"):
            points.append(point)
    return sorted(points, key=len, reverse=True)


@contextmanager
def mounted(root: Path) -> Iterator[None]:
    """The kernel file systems a chroot needs; always unmounted, lazily if busy."""
    plan = [
        ["-t", "proc", "proc", "proc"],
        ["-t", "sysfs", "sysfs", "sys"],
        ["--bind", "/dev", "dev"],
        ["--bind", "/dev/pts", "dev/pts"],
        ["-t", "tmpfs", "-o", "mode=1777", "shm", "dev/shm"],
    ]
    try:
        for *options, point in plan:
            (root / point).mkdir(parents=True, exist_ok=True)
            subprocess.run(["mount", *options, str(root / point)], check=True)
        yield
    finally:
        for point in mounts_under(root):
            if subprocess.run(["umount", point], capture_output=True).returncode != 0:
                say(f"{point} is busy: unmounting it lazily")
                subprocess.run(["umount", "-l", point], check=False)


def trust_host_proxy(root: Path) -> None:
    """This machine's inspecting proxy: its CAs and pip's `cert` setting (see the top)."""
    target = root / HOST_CAS.relative_to("/")
    target.mkdir(parents=True, exist_ok=True)
    for ca in HOST_CAS.glob("*.crt"):
        shutil.copy2(ca, target / ca.name)
    for path in HOST_PIP:
        if path.is_dir():
            shutil.copytree(path, root / path.relative_to("/"), dirs_exist_ok=True)
        elif path.is_file():
            shutil.copy2(path, root / path.relative_to("/"))
    subprocess.run(["chroot", str(root), "update-ca-certificates"], check=True, capture_output=True)
    say(f"host CAs trusted in the root: {', '.join(c.name for c in HOST_CAS.glob('*.crt'))}")


STEP = re.compile(
    r"^\[bootstrap\] (installing system packages|creating the virtual|installing DNR)"
)


class PhaseClock:
    """Splits a command's time into apt (bootstrap's system packages), pip (the .venv and
    its packages) and the command's own phase, by the lines bootstrap prints as each step
    starts. pip runs --quiet, so the first line after it belongs to what follows."""

    def __init__(self, times: Times, phase: str, now: float) -> None:
        self.times, self.phase = times, phase
        self.current, self.since = phase, now

    def line(self, text: str, now: float) -> None:
        step = STEP.match(text)
        if step is not None:
            now_in = "apt" if "system" in step.group(1) else "pip"
        elif self.current == "pip" or (self.current == "apt" and text.startswith("[bootstrap]")):
            now_in = self.phase
        else:
            now_in = self.current
        if now_in != self.current:
            self.end(now)
            self.current = now_in

    def end(self, now: float) -> None:
        self.times.add(self.current, now - self.since)
        self.since = now


def run_in_root(root: Path, command: str, times: Times, phase: str) -> tuple[int, str]:
    """Run `command` with sh in the clone with a clean environment, stream its output and
    time it (PhaseClock); returns its exit status and output."""
    argv = ["chroot", str(root), "/usr/bin/env", "-i", *(f"{k}={v}" for k, v in CLEAN_ENV.items())]
    argv += ["sh", "-c", f"cd {CLONE} && {command}"]
    say(f"$ {command}")
    started = time.monotonic()
    clock = PhaseClock(times, phase, started)
    lines: list[str] = []
    with subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as p:
        assert p.stdout is not None
        for line in p.stdout:
            print(f"    {line}", end="", flush=True)
            lines.append(line)
            clock.line(line, time.monotonic())
    clock.end(time.monotonic())
    say(f"  exit {p.returncode} after {time.monotonic() - started:.0f} s")
    return p.returncode, "".join(lines)


def check_readme_commands(root: Path, times: Times, tests: list[str]) -> None:
    code, out = run_in_root(root, "python3 bootstrap.py demo", times, "smoke")
    last = out.strip().splitlines()[-1] if out.strip() else ""
    if code == 0 or "no display" not in last or NO_DISPLAY not in last:
        raise CheckFailed(
            f"`python3 bootstrap.py demo` with no display exited {code} and ended "
            f"{last!r}: it must stop non-zero with one line naming `{NO_DISPLAY}`"
        )
    if "Traceback" in out:
        raise CheckFailed("`python3 bootstrap.py demo` printed a Python traceback")
    code, out = run_in_root(root, "xvfb-run -a python3 bootstrap.py demo --smoke", times, "smoke")
    if code != 0 or "smoke ok" not in out:
        raise CheckFailed(f"`xvfb-run -a python3 bootstrap.py demo --smoke` exited {code}")
    command = "CI=true python3 bootstrap.py test " + " ".join(tests)
    code, out = run_in_root(root, command, times, "tests")
    if code != 0:
        raise CheckFailed(f"`{command}` exited {code}")


def fresh_machine(args: argparse.Namespace) -> None:
    if os.geteuid() != 0:
        raise CheckFailed("run me as root (debootstrap, mount and chroot need it)")
    commit = resolve(args.ref, args.source)
    times = Times()
    total = time.monotonic()
    tar = cached_root_tar(args.cache, times, datetime.date.today())
    workdir = Path(tempfile.mkdtemp(prefix="dnr-fresh-", dir=args.workdir))
    root = workdir / "root"
    try:
        started = time.monotonic()
        root.mkdir()
        subprocess.run(["tar", "-C", str(root), "-xf", str(tar)], check=True)
        shutil.copy2("/etc/resolv.conf", root / "etc" / "resolv.conf", follow_symlinks=True)
        say(f"clean clone of {args.ref} ({commit[:12]}) in {root}{CLONE}")
        clean_clone(args.source, commit, root / CLONE.lstrip("/"))
        host_ca = args.host_ca == "yes" or (args.host_ca == "auto" and any(HOST_CAS.glob("*.crt")))
        with mounted(root):
            if host_ca:
                trust_host_proxy(root)
            times.add("unpack", time.monotonic() - started)
            check_readme_commands(root, times, args.tests or DEFAULT_TESTS)
    finally:
        left = mounts_under(root)
        if left:  # never delete through a mount (it would be the host's /dev)
            say(f"still mounted, so {workdir} is kept: {', '.join(left)}")
        elif args.keep:
            say(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
        say(f"times: {times.report(time.monotonic() - total)}")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ref", default="HEAD", help="the commit to clone (default HEAD)")
    parser.add_argument("--source", type=Path, default=ROOT, help="the repository to clone")
    parser.add_argument("--cache", type=Path, default=Path("/var/cache/dnr-fresh"))
    parser.add_argument("--workdir", type=Path, default=None, help="where the root is made")
    parser.add_argument("--host-ca", choices=["auto", "yes", "no"], default="auto")
    parser.add_argument("--keep", action="store_true", help="keep the root for a look")
    parser.add_argument("--tests", nargs="+", help=f"pytest arguments ({' '.join(DEFAULT_TESTS)})")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    try:
        fresh_machine(args)
    except CheckFailed as exc:
        say(f"FAILED: {exc}")
        return 1
    except (OSError, subprocess.CalledProcessError) as exc:
        say(f"FAILED: {exc}")
        return 1
    say("passed: both README commands work on a fresh Debian 12")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
