"""Set up a machine for DNR Workstation and run it: `python3 bootstrap.py demo|test [args]`.

demo: system libraries Qt needs (Debian/Ubuntu), a virtual environment in .venv with the
      application, then the desk in demo mode (arguments go to the desk, e.g. --smoke).
test: the same plus the test tools, then the test suite; arguments go to pytest, e.g.
      `python3 bootstrap.py test tests/packaging tests/e2e -x`.

Only the standard library is used here: this file runs before anything is installed.
Every failed step ends with one line saying what to do, and a non-zero exit status.
"""

from __future__ import annotations

import hashlib
import os
import platform
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
# Left in .venv while it is being made or filled; still there = that step failed.
UNFINISHED = ".bootstrap-unfinished"
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
DISPLAY_PACKAGES = ["xvfb", "xauth"]  # xvfb-run: a desk without a display, and the UI tests
TEST_PACKAGES = [*DISPLAY_PACKAGES, "poppler-utils", "openssl", "binutils"]


class Failed(Exception):
    """A step failed; the message is the one line that says what to do."""


def say(text: str) -> None:
    print(f"[bootstrap] {text}", flush=True)


def store_packages(system: str = sys.platform, machine: str = platform.machine()) -> list[str]:
    """The encrypted store (sqlcipher3) comes as a wheel on Linux x86_64, Windows and macOS;
    anywhere else pip builds it against the system SQLCipher."""
    if system.startswith("linux") and machine not in {"x86_64", "AMD64"}:
        return ["libsqlcipher-dev", "gcc", "python3-dev"]
    return []


def distro_python(prefix: str = sys.base_prefix) -> bool:
    """The distribution's own Python (/usr) comes without ensurepip and libpython: both are
    packages of their own on Debian and Ubuntu. A Python built elsewhere (pyenv, /usr/local)
    carries them."""
    return prefix == "/usr"


def python_packages(mode: str, version: tuple[int, int], distro: bool) -> list[str]:
    """python3.X-venv to make .venv; libpython3.X for the bundle tests (PyInstaller copies
    libpython3.X.so.1.0 into the bundle)."""
    if not distro:
        return []
    tag = f"python{version[0]}.{version[1]}"
    return [f"{tag}-venv"] + ([f"lib{tag}"] if mode == "test" else [])


def system_packages(
    mode: str,
    version: tuple[int, int] = (sys.version_info[0], sys.version_info[1]),
    distro: bool | None = None,
    headless: bool = False,
) -> list[str]:
    """Every Debian/Ubuntu package the command needs. A demo with no display gets xvfb too,
    so the `xvfb-run` it is told to use is there."""
    distro = distro_python() if distro is None else distro
    extra = TEST_PACKAGES if mode == "test" else DISPLAY_PACKAGES if headless else []
    return QT_PACKAGES + extra + python_packages(mode, version, distro) + store_packages()


def os_release(path: Path = Path("/etc/os-release")) -> dict[str, str]:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return {}
    pairs = (line.split("=", 1) for line in lines if "=" in line)
    return {key.strip(): value.strip().strip("\"'") for key, value in pairs}


def known_distro(release: Mapping[str, str]) -> bool:
    """Debian, Ubuntu and their derivatives (ID_LIKE names one of them)."""
    names = {release.get("ID", ""), *release.get("ID_LIKE", "").split()}
    return bool(names & {"debian", "ubuntu"})


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


def ensure_system_packages(packages: list[str], release: Mapping[str, str] | None = None) -> None:
    if not sys.platform.startswith("linux"):
        return  # Windows and macOS ship what Qt needs
    release = os_release() if release is None else release
    if not known_distro(release) or not shutil.which("apt-get"):
        name = release.get("PRETTY_NAME", "this Linux distribution")
        say(f"{name} is not Debian or Ubuntu: I install no system packages here.")
        say("If something below fails, install your distribution's equivalents of:")
        print("    " + " ".join(packages), flush=True)
        return
    missing = debian_missing(packages)
    if not missing:
        return
    line = "apt-get install -y " + " ".join(missing)
    if os.geteuid() != 0:
        raise Failed(
            f"system packages are missing; run once `sudo apt-get update && sudo {line}`, "
            "then run me again"
        )
    say(f"installing system packages: {' '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for step in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", *missing]):
        if subprocess.run(step, env=env).returncode != 0:
            raise Failed(
                f"`{' '.join(step)}` failed (its message is above): check the network and "
                f"the apt sources, then run `{line}` or run me again"
            )


def sudo() -> str:
    return "" if os.name == "nt" or os.geteuid() == 0 else "sudo "


def venv_python(venv: Path = VENV) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def venv_version(venv: Path) -> str | None:
    """The Python version pyvenv.cfg names (`version` or `version_info`), None if none."""
    try:
        text = (venv / "pyvenv.cfg").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    values = dict(
        (key.strip(), value.strip())
        for key, _, value in (line.partition("=") for line in text.splitlines())
    )
    return values.get("version") or values.get("version_info")


def has_pip(venv: Path) -> bool:
    site = ["Lib/site-packages"] if os.name == "nt" else ["lib/python*/site-packages"]
    return any(any(venv.glob(f"{folder}/pip/__init__.py")) for folder in site)


def venv_problem(venv: Path, version: tuple[int, int, int]) -> str | None:
    """Why an existing .venv cannot be used (then it is rebuilt), or None if it can."""
    if not venv.exists():
        return None
    if (venv / UNFINISHED).exists():
        return "its last install did not finish"
    if not venv_python(venv).exists():
        return "it has no Python"
    made_by = venv_version(venv)
    running = ".".join(str(part) for part in version)
    if made_by is None:
        return "it has no pyvenv.cfg"
    if made_by.split(".")[:2] != running.split(".")[:2]:
        return f"it was made by Python {made_by}, this is Python {running}"
    if not has_pip(venv):
        return "it has no pip"
    return None


def make_venv(venv: Path) -> None:
    version = sys.version_info
    problem = venv_problem(venv, (version[0], version[1], version[2]))
    if problem is not None:
        say(f"{venv} is half made ({problem}): rebuilding it")
        shutil.rmtree(venv)
    if venv.exists():
        return
    say(f"creating the virtual environment in {venv}")
    venv.mkdir(parents=True)
    (venv / UNFINISHED).write_text("creating\n")
    # `-m venv`, not venv.EnvBuilder: a missing ensurepip is its message, not our traceback.
    made = subprocess.run([sys.executable, "-m", "venv", str(venv)], capture_output=True, text=True)
    if made.returncode != 0 or not has_pip(venv):
        tag = f"python{version[0]}.{version[1]}"
        detail = (made.stdout + made.stderr).strip().splitlines()
        reason = detail[0] if detail else "pip is missing from it"
        raise Failed(
            f"making {venv} failed ({reason}); on Debian/Ubuntu run "
            f"`{sudo()}apt-get install {tag}-venv`, then run me again"
        )
    (venv / UNFINISHED).unlink()


def ensure_venv(extras: str, venv: Path = VENV) -> Path:
    make_venv(venv)
    python = venv_python(venv)
    # Reinstall only when the dependencies changed: a stamp holds the pyproject digest.
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    stamp = venv / f".installed-{extras or 'app'}"
    if stamp.exists() and stamp.read_text() == digest:
        return python
    target = f".[{extras}]" if extras else "."
    say(f"installing DNR Workstation and its dependencies ({target})")
    (venv / UNFINISHED).write_text("installing\n")
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    if subprocess.run([*pip, "-e", target], cwd=ROOT).returncode != 0:
        raise Failed(
            "installing the Python packages failed (pip's message is above): check the "
            "network (or pip's proxy settings), then run me again; .venv will be rebuilt"
        )
    (venv / UNFINISHED).unlink()
    stamp.write_text(digest)
    return python


def display_problem(env: Mapping[str, str], system: str = sys.platform) -> str | None:
    """Why the desk cannot open a window here, or None. Only Linux needs a display server
    named in the environment; the offscreen platform needs none."""
    if not system.startswith("linux") or env.get("QT_QPA_PLATFORM") == "offscreen":
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no display to open the desk on ($DISPLAY and $WAYLAND_DISPLAY are unset): run me "
        "in a desktop session, or without one: `xvfb-run -a python3 bootstrap.py demo`"
    )


def run(argv: list[str], env: Mapping[str, str]) -> int:
    if not argv or argv[0] not in {"demo", "test"}:
        print(__doc__)
        return 2
    if sys.version_info < (3, 11):  # noqa: UP036 - bootstrap runs under any python3
        raise Failed(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}")
    mode, rest = argv[0], argv[1:]
    headless = display_problem(env) is not None
    ensure_system_packages(system_packages(mode, headless=headless))
    if mode == "test":
        python = ensure_venv("test")
        return subprocess.call([str(python), "-m", "pytest", *rest], cwd=ROOT)
    python = ensure_venv("")
    problem = display_problem(env)
    if problem is not None:  # everything is installed: the next command starts at once
        raise Failed(problem)
    return subprocess.call([str(python), str(ROOT / "main.py"), "--demo", *rest], cwd=ROOT)


def main(argv: list[str], env: Mapping[str, str] = os.environ) -> int:
    try:
        return run(argv, env)
    except Failed as exc:
        say(str(exc))
        return 1
    except OSError as exc:  # a disk full, a folder not writable: still one line
        say(f"{exc.strerror or exc} ({exc.filename or ''}): fix that, then run me again")
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
