"""bootstrap.py's steps driven with a temporary folder and a fake environment: the packages
each command needs, a half-made .venv rebuilt, one line and a non-zero exit for each failure,
and `demo` with no display. packaging/fresh_machine.py runs the real thing on a fresh root."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_bootstrap() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dnr_bootstrap", ROOT / "bootstrap.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bootstrap = load_bootstrap()
RUNNING = (sys.version_info[0], sys.version_info[1], sys.version_info[2])


def make_fake_venv(
    folder: Path, version: str = ".".join(map(str, RUNNING)), pip: bool = True
) -> Path:
    python = bootstrap.venv_python(folder)
    python.parent.mkdir(parents=True, exist_ok=True)
    python.write_text("")
    (folder / "pyvenv.cfg").write_text(f"home = /usr/bin\nversion = {version}\n")
    if pip:
        site = folder / "lib" / f"python{RUNNING[0]}.{RUNNING[1]}" / "site-packages" / "pip"
        site.mkdir(parents=True)
        (site / "__init__.py").write_text("")
    return folder


def fake_run(
    returncode: int = 0, make: Callable[[Path], object] | None = None, output: str = ""
) -> Callable[..., subprocess.CompletedProcess[str]]:
    """A subprocess.run that makes the venv the way `python -m venv` would (or fails)."""

    def run(command: list[str], **_: Any) -> subprocess.CompletedProcess[str]:
        if make is not None and command[1:3] == ["-m", "venv"]:
            make(Path(command[3]))
        return subprocess.CompletedProcess(command, returncode, output, "")

    return run


# --- the packages each command needs -------------------------------------------------------


@pytest.mark.parametrize("version", [(3, 11), (3, 12), (3, 13)])
def test_the_distributions_python_gets_its_venv_package_and_libpython(
    version: tuple[int, int],
) -> None:
    tag = f"python{version[0]}.{version[1]}"
    test = bootstrap.system_packages("test", version=version, distro=True)
    demo = bootstrap.system_packages("demo", version=version, distro=True)
    assert f"{tag}-venv" in test and f"lib{tag}" in test  # PyInstaller needs libpython3.X.so
    assert f"{tag}-venv" in demo and f"lib{tag}" not in demo
    assert set(bootstrap.QT_PACKAGES) <= set(demo) and "xvfb" in test
    assert "xvfb" not in demo  # a desk with a display does not need it


def test_a_python_built_elsewhere_carries_ensurepip_and_libpython() -> None:
    assert not any(
        "python3" in name for name in bootstrap.system_packages("test", (3, 11), distro=False)
    )
    assert bootstrap.distro_python("/usr")
    assert not bootstrap.distro_python("/root/.pyenv/versions/3.11.7")


def test_a_demo_with_no_display_gets_xvfb_for_the_command_it_is_told_to_use() -> None:
    packages = bootstrap.system_packages("demo", (3, 11), distro=True, headless=True)
    assert {"xvfb", "xauth"} <= set(packages)


def test_os_release_is_read_and_derivatives_are_known(tmp_path: Path) -> None:
    release = tmp_path / "os-release"
    release.write_text('PRETTY_NAME="Linux Mint 21"\nID=linuxmint\nID_LIKE="ubuntu debian"\n')
    assert bootstrap.known_distro(bootstrap.os_release(release))
    assert bootstrap.known_distro({"ID": "debian"})
    assert not bootstrap.known_distro({"ID": "fedora", "ID_LIKE": "rhel centos"})
    assert bootstrap.os_release(tmp_path / "missing") == {}


def test_an_unknown_distribution_gets_the_list_and_no_apt(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(bootstrap.subprocess, "run", pytest.fail)  # nothing may run
    packages = bootstrap.system_packages("test", (3, 12), distro=True)
    bootstrap.ensure_system_packages(packages, {"ID": "fedora", "PRETTY_NAME": "Fedora 40"})
    out = capsys.readouterr().out
    assert "Fedora 40 is not Debian or Ubuntu" in out
    assert " ".join(packages) in out and "libpython3.12" in out


def test_missing_packages_without_root_give_the_sudo_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(bootstrap.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(bootstrap, "debian_missing", lambda packages: ["python3.11-venv"])
    monkeypatch.setattr(bootstrap.os, "geteuid", lambda: 1000)
    with pytest.raises(bootstrap.Failed, match=r"sudo apt-get install -y python3.11-venv"):
        bootstrap.ensure_system_packages(["python3.11-venv"], {"ID": "debian"})


def test_a_failed_apt_step_is_one_line_with_the_fix(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(bootstrap.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(bootstrap, "debian_missing", lambda packages: ["libpython3.11"])
    monkeypatch.setattr(bootstrap.os, "geteuid", lambda: 0)
    monkeypatch.setattr(bootstrap.subprocess, "run", fake_run(returncode=100))
    monkeypatch.setattr(bootstrap, "os_release", lambda: {"ID": "debian"})
    monkeypatch.setattr(bootstrap, "system_packages", lambda mode, headless: ["libpython3.11"])
    assert bootstrap.main(["test"], {}) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[-1].startswith("[bootstrap] `apt-get update -qq` failed")
    assert "apt-get install -y libpython3.11" in lines[-1]
    assert "Traceback" not in "\n".join(lines)


# --- a half-made .venv ---------------------------------------------------------------------


def test_a_complete_venv_is_kept(tmp_path: Path) -> None:
    assert bootstrap.venv_problem(tmp_path / "none", RUNNING) is None
    assert bootstrap.venv_problem(make_fake_venv(tmp_path / "v"), RUNNING) is None


@pytest.mark.parametrize(
    ("spoil", "problem"),
    [
        (lambda v: make_fake_venv(v, pip=False), "it has no pip"),
        (lambda v: make_fake_venv(v, version="3.9.2"), "made by Python 3.9.2, this is Python"),
        (
            lambda v: (make_fake_venv(v) / bootstrap.UNFINISHED).write_text("installing\n"),
            "its last install did not finish",
        ),
        (lambda v: bootstrap.venv_python(make_fake_venv(v)).unlink(), "it has no Python"),
        (lambda v: (make_fake_venv(v) / "pyvenv.cfg").unlink(), "it has no pyvenv.cfg"),
    ],
    ids=["no-pip", "other-python", "failed-install", "no-python", "no-cfg"],
)
def test_a_half_made_venv_is_named_and_rebuilt(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    spoil: Callable[[Path], object],
    problem: str,
) -> None:
    venv = tmp_path / ".venv"
    spoil(venv)
    (venv / "left-over").write_text("from the broken one")
    found = bootstrap.venv_problem(venv, RUNNING)
    assert found is not None and problem in found
    monkeypatch.setattr(bootstrap.subprocess, "run", fake_run(make=make_fake_venv))
    bootstrap.make_venv(venv)
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"[bootstrap] {venv} is half made ({found}): rebuilding it"
    assert not (venv / "left-over").exists()
    assert bootstrap.venv_problem(venv, RUNNING) is None


def test_no_ensurepip_is_one_line_naming_the_venv_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a fresh Debian without python3.X-venv answers; the next run rebuilds."""
    debian = "The virtual environment was not created successfully because ensurepip is not"
    venv = tmp_path / ".venv"
    made = fake_run(returncode=1, make=lambda v: make_fake_venv(v, pip=False), output=debian)
    monkeypatch.setattr(bootstrap.subprocess, "run", made)
    monkeypatch.setattr(bootstrap.os, "geteuid", lambda: 1000)
    tag = f"python{RUNNING[0]}.{RUNNING[1]}"
    with pytest.raises(bootstrap.Failed) as failed:
        bootstrap.make_venv(venv)
    message = str(failed.value)
    assert "\n" not in message and debian in message
    assert f"sudo apt-get install {tag}-venv`, then run me again" in message
    assert bootstrap.venv_problem(venv, RUNNING) == "its last install did not finish"


def test_a_failed_pip_install_leaves_the_venv_marked_for_rebuilding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    venv = make_fake_venv(tmp_path / ".venv")
    monkeypatch.setattr(bootstrap.subprocess, "run", fake_run(returncode=1))
    with pytest.raises(bootstrap.Failed, match="installing the Python packages failed"):
        bootstrap.ensure_venv("test", venv)
    assert bootstrap.venv_problem(venv, RUNNING) == "its last install did not finish"
    assert not (venv / ".installed-test").exists()
    monkeypatch.setattr(bootstrap.subprocess, "run", fake_run(make=make_fake_venv))
    assert bootstrap.ensure_venv("test", venv) == bootstrap.venv_python(venv)
    assert bootstrap.venv_problem(venv, RUNNING) is None and (venv / ".installed-test").exists()


def test_a_venv_without_pip_is_rebuilt_for_real(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The state a Debian `python3 -m venv` leaves before python3.X-venv is installed."""
    venv = tmp_path / ".venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    assert bootstrap.venv_problem(venv, RUNNING) == "it has no pip"
    bootstrap.make_venv(venv)
    assert "half made (it has no pip): rebuilding it" in capsys.readouterr().out
    pip = subprocess.run([str(bootstrap.venv_python(venv)), "-m", "pip", "--version"])
    assert pip.returncode == 0 and bootstrap.venv_problem(venv, RUNNING) is None


# --- demo with no display ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "system", "refused"),
    [
        ({}, "linux", True),
        ({"DISPLAY": ""}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"DISPLAY": ":99"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_display_problem(env: dict[str, str], system: str, refused: bool) -> None:
    assert (bootstrap.display_problem(env, system) is not None) == refused


def test_demo_with_no_display_is_one_line_with_the_two_ways_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    asked: list[list[str]] = []
    monkeypatch.setattr(bootstrap, "ensure_system_packages", asked.append)
    monkeypatch.setattr(bootstrap, "ensure_venv", lambda extras: tmp_path / "python")
    monkeypatch.setattr(bootstrap.subprocess, "call", pytest.fail)  # the desk must not start
    assert bootstrap.main(["demo", "--smoke"], {"HOME": "/root"}) == 1
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and out.startswith("[bootstrap] no display")
    assert "desktop session" in out and "`xvfb-run -a python3 bootstrap.py demo`" in out
    assert "xvfb" in asked[0]  # installed already, so that command works next


def test_demo_with_a_display_starts_the_desk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bootstrap, "ensure_system_packages", lambda packages: None)
    monkeypatch.setattr(bootstrap, "ensure_venv", lambda extras: tmp_path / "python")
    started: list[list[str]] = []

    def call(command: list[str], cwd: Path) -> int:
        started.append(command)
        return 0

    monkeypatch.setattr(bootstrap.subprocess, "call", call)
    assert bootstrap.main(["demo", "--smoke"], {"DISPLAY": ":1"}) == 0
    assert started[0][-2:] == ["--demo", "--smoke"]


def test_readme_says_what_the_no_display_line_says() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "xvfb-run -a python3 bootstrap.py demo" in readme
    assert "python3 bootstrap.py test tests/packaging tests/e2e" in readme


def test_an_os_error_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full(packages: list[str]) -> None:
        raise OSError(28, "No space left on device", "/root/dnr/.venv")

    monkeypatch.setattr(bootstrap, "ensure_system_packages", full)
    assert bootstrap.main(["test"], {}) == 1
    out = capsys.readouterr().out
    assert (
        out
        == "[bootstrap] No space left on device (/root/dnr/.venv): fix that, then run me again\n"
    )


def test_an_unknown_command_prints_the_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert bootstrap.main(["serve"], {}) == 2
    assert "tests/packaging tests/e2e" in capsys.readouterr().out


def test_an_old_python_is_told_before_anything_is_installed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "version_info", (3, 10, 12, "final", 0))
    monkeypatch.setattr(bootstrap, "ensure_system_packages", pytest.fail)
    assert bootstrap.main(["test"], {}) == 1
    assert capsys.readouterr().out.startswith("[bootstrap] Python 3.11 or newer is needed")
