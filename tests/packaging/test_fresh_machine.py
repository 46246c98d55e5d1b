"""packaging/fresh_machine.py's own parts, without root: what it demands of the README
commands' output, the day's cache of the debootstrap, the clean clone, the mount table and
the phase times. The whole check runs in .ci/run (as root, with debootstrap)."""

from __future__ import annotations

import datetime
import importlib.util
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_check() -> ModuleType:
    path = ROOT / "packaging" / "fresh_machine.py"
    spec = importlib.util.spec_from_file_location("dnr_fresh_machine", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


fresh = load_check()
TODAY = datetime.date(2026, 12, 7)
NO_DISPLAY = (
    "[bootstrap] no display to open the desk on ($DISPLAY and $WAYLAND_DISPLAY are unset): "
    "run me in a desktop session, or without one: `xvfb-run -a python3 bootstrap.py demo`\n"
)
# What main's bootstrap printed on a fresh Debian 12 before this change (issue 21).
NO_ENSUREPIP = (
    "[bootstrap] creating the virtual environment in /root/dnr/.venv\n"
    "The virtual environment was not created successfully because ensurepip is not\n"
    "available.  On Debian/Ubuntu systems, you need to install the python3-venv\n"
    "    apt install python3.11-venv\n"
    "Failing command: /root/dnr/.venv/bin/python3\n"
)
SMOKE_OK = "smoke ok: synced in 5.2 s, pulled 640, worklist rows 100\n"


def answers(*outputs: tuple[int, str]) -> Callable[..., tuple[int, str]]:
    """A run_in_root that answers the README commands in turn."""
    queue = list(outputs)
    commands: list[str] = []

    def run(root: Path, command: str, times: Any, phase: str) -> tuple[int, str]:
        commands.append(command)
        return queue.pop(0)

    run.commands = commands  # type: ignore[attr-defined]
    return run


def test_todays_bootstrap_passes_and_the_commands_are_the_readmes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run = answers((1, NO_DISPLAY), (0, SMOKE_OK), (0, "61 passed\n"))
    monkeypatch.setattr(fresh, "run_in_root", run)
    fresh.check_readme_commands(Path("/r"), fresh.Times(), ["tests/packaging", "tests/e2e"])
    assert run.commands == [  # type: ignore[attr-defined]
        "python3 bootstrap.py demo",
        "xvfb-run -a python3 bootstrap.py demo --smoke",
        "CI=true python3 bootstrap.py test tests/packaging tests/e2e",
    ]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in run.commands[:2]:  # type: ignore[attr-defined]
        assert command in readme


@pytest.mark.parametrize(
    ("outputs", "named"),
    [
        ([(1, NO_ENSUREPIP)], "with no display exited 1 and ended 'Failing command"),
        ([(0, "")], "with no display exited 0"),
        ([(1, "Traceback (most recent call last):\n" + NO_DISPLAY)], "printed a Python traceback"),
        ([(1, NO_DISPLAY), (0, "smoke FAILED: no sync\n")], "demo --smoke` exited 0"),
        (
            [(1, NO_DISPLAY), (0, SMOKE_OK), (1, "4 errors\n")],
            "bootstrap.py test tests/e2e` exited 1",
        ),
    ],
    ids=["main-before-issue-21", "demo-exits-0", "traceback", "smoke-not-ok", "tests-fail"],
)
def test_what_a_newcomer_would_hit_fails_the_check(
    monkeypatch: pytest.MonkeyPatch, outputs: list[tuple[int, str]], named: str
) -> None:
    monkeypatch.setattr(fresh, "run_in_root", answers(*outputs))
    with pytest.raises(fresh.CheckFailed) as failed:
        fresh.check_readme_commands(Path("/r"), fresh.Times(), ["tests/e2e"])
    assert named in str(failed.value)


def test_the_days_root_is_reused_and_yesterdays_deleted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[list[str]] = []

    def run(command: list[str], **_: Any) -> subprocess.CompletedProcess[str]:
        made.append(command)
        if command[0] == "debootstrap":
            Path(command[-2]).mkdir(parents=True)
        if command[0] == "tar":
            Path(command[command.index("-cf") + 1]).write_bytes(b"root")
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(fresh.subprocess, "run", run)
    monkeypatch.setattr(fresh.shutil, "which", lambda name: f"/usr/sbin/{name}")
    yesterday = tmp_path / "bookworm-minbase-2026-12-06.tar"
    yesterday.write_bytes(b"old")
    times = fresh.Times()
    tar = fresh.cached_root_tar(tmp_path, times, TODAY)
    assert tar == tmp_path / "bookworm-minbase-2026-12-07.tar" and tar.read_bytes() == b"root"
    assert made[0][:4] == [
        "debootstrap",
        "--variant=minbase",
        f"--include={fresh.INCLUDE}",
        "bookworm",
    ]
    assert not yesterday.exists() and sorted(p.name for p in tmp_path.iterdir()) == [tar.name]
    made.clear()
    assert fresh.cached_root_tar(tmp_path, times, TODAY) == tar
    assert made == []  # reused within the day


def test_a_failed_debootstrap_leaves_no_cached_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def run(command: list[str], **_: Any) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(command, 1, "", "E: Failed getting release file\n")

    monkeypatch.setattr(fresh.subprocess, "run", run)
    monkeypatch.setattr(fresh.shutil, "which", lambda name: f"/usr/sbin/{name}")
    with pytest.raises(fresh.CheckFailed, match="debootstrap failed: E: Failed getting release"):
        fresh.cached_root_tar(tmp_path, fresh.Times(), TODAY)
    assert list(tmp_path.iterdir()) == []


def test_the_clone_holds_the_commit_not_the_working_tree(tmp_path: Path) -> None:
    source = tmp_path / "source"
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.kz", "-C", str(source)]
    subprocess.run(["git", "init", "-q", str(source)], check=True)
    (source / "bootstrap.py").write_text("committed\n")
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "one"], check=True)
    (source / "bootstrap.py").write_text("edited, not committed\n")
    (source / "stray.txt").write_text("untracked\n")
    commit = fresh.resolve("HEAD", source)
    fresh.clean_clone(source, commit, tmp_path / "clone")
    assert (tmp_path / "clone" / "bootstrap.py").read_text() == "committed\n"
    assert not (tmp_path / "clone" / "stray.txt").exists()
    with pytest.raises(fresh.CheckFailed, match="is no commit"):
        fresh.resolve("no-such-branch", source)


def test_mounts_under_the_root_deepest_first(tmp_path: Path) -> None:
    root = tmp_path / "root"
    table = tmp_path / "mounts"
    table.write_text(
        f"proc {root}/proc proc rw 0 0\n"
        f"udev {root}/dev devtmpfs rw 0 0\n"
        f"devpts {root}/dev/pts devpts rw 0 0\n"
        f"tmpfs {root}2/dev tmpfs rw 0 0\n"  # another root beside it
        "tmpfs /dev/shm tmpfs rw 0 0\n"
        f"x {root}/with\\040space ext4 rw 0 0\n"
    )
    assert fresh.mounts_under(root, table) == [
        f"{root}/with space",
        f"{root}/dev/pts",
        f"{root}/proc",
        f"{root}/dev",
    ]


def test_phase_times_follow_bootstraps_lines() -> None:
    times = fresh.Times()
    clock = fresh.PhaseClock(times, "tests", 0.0)
    transcript = [
        (1.0, "[bootstrap] installing system packages: libpython3.11\n"),
        (2.0, "Unpacking libpython3.11 ...\n"),
        (11.0, "[bootstrap] installing DNR Workstation and its dependencies (.[test])\n"),
        (41.0, "============ test session starts ============\n"),
        (100.0, "61 passed\n"),
    ]
    for now, line in transcript:
        clock.line(line, now)
    clock.end(101.0)
    assert times.phases == {"tests": 61.0, "apt": 10.0, "pip": 30.0}
    assert times.report(130.0) == "apt 10 s, pip 30 s, tests 61 s, total 130 s"
