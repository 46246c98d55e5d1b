"""Set up a machine for DNR Workstation and run it: `python3 bootstrap.py demo|test [args]`.

demo: system libraries Qt needs (Debian/Ubuntu), a virtual environment in .venv with the
      application, then the desk in demo mode.
test: the same plus the test tools, then the whole test suite (arguments go to pytest).

Only the standard library is used here: this file runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
# What Qt needs on a fresh Debian 12 / Ubuntu, and what the tests use besides.
QT_PACKAGES = [
    "libegl1",
    "libgl1",
    "libfontconfig1",
    "libglib2.0-0",
    "libxkbcommon0",
    "libdbus-1-3",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-shape0",
    "libxkbcommon-x11-0",
    "fonts-dejavu-core",
]
TEST_PACKAGES = ["xvfb", "xauth", "poppler-utils", "openssl", "binutils"]


def store_packages() -> list[str]:
    """The encrypted store (sqlcipher3) comes as a wheel on Linux x86_64, Windows and macOS;
    anywhere else pip builds it against the system SQLCipher."""
    import platform

    if sys.platform.startswith("linux") and platform.machine() not in {"x86_64", "AMD64"}:
        return ["libsqlcipher-dev", "gcc", "python3-dev"]
    return []


def say(text: str) -> None:
    print(f"[bootstrap] {text}", flush=True)


def debian_missing(packages: list[str]) -> list[str]:
    if not shutil.which("dpkg-query"):
        return []

    def installed(name: str) -> bool:
        result = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True
        )
        return result.returncode == 0 and "install ok installed" in result.stdout

    # Ubuntu 24.04 renamed some libraries with a t64 suffix; either name will do.
    return [p for p in packages if not installed(p) and not installed(p + "t64")]


def ensure_system_packages(packages: list[str]) -> None:
    if not sys.platform.startswith("linux") or not shutil.which("apt-get"):
        return  # Windows, macOS and other Linux distributions ship what Qt needs
    missing = debian_missing(packages)
    if not missing:
        return
    line = "apt-get install -y " + " ".join(missing)
    if os.geteuid() != 0:
        say("Qt needs system libraries that are missing. Run this once, then run me again:")
        print(f"    sudo apt-get update && sudo {line}")
        sys.exit(1)
    say(f"installing system libraries: {' '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv(extras: str) -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 - bootstrap runs under any python3
        say(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
        sys.exit(1)
    python = venv_python()
    if not python.exists():
        say(f"creating the virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True).create(VENV)
    # Reinstall only when the dependencies changed: a stamp holds the pyproject digest.
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    stamp = VENV / f".installed-{extras or 'app'}"
    if not stamp.exists() or stamp.read_text() != digest:
        target = f".[{extras}]" if extras else "."
        say(f"installing DNR Workstation and its dependencies ({target})")
        subprocess.run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "-e",
                target,
            ],
            check=True,
            cwd=ROOT,
        )
        stamp.write_text(digest)
    return python


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"demo", "test"}:
        print(__doc__)
        return 2
    mode, rest = argv[0], argv[1:]
    if mode == "demo":
        ensure_system_packages(QT_PACKAGES + store_packages())
        python = ensure_venv("")
        return subprocess.call([str(python), str(ROOT / "main.py"), "--demo", *rest], cwd=ROOT)
    ensure_system_packages(QT_PACKAGES + TEST_PACKAGES + store_packages())
    python = ensure_venv("test")
    return subprocess.call([str(python), "-m", "pytest", *rest], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
