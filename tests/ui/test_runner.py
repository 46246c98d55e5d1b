"""The runner: the store's worker and the outside lane, results on the GUI thread, commands that
publish what they changed, and no other way off the GUI thread in ui/."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from ui.changes import ChangeHub
from ui.runner import Runner
from workstation.services.context import Changes

UI = Path(__file__).resolve().parents[2] / "ui"
CHANGED = Changes(case_ids=frozenset({"DNR-AST-26-0000001"}), worklist=True)


@pytest.fixture
def hub() -> ChangeHub:
    return ChangeHub()


@pytest.fixture
def runner(qtbot, hub: ChangeHub) -> Iterator[Runner]:  # type: ignore[no-untyped-def]
    made = Runner(changes=hub)
    yield made
    qtbot.waitUntil(lambda: made.pending == 0 and made.outside_pending == 0)
    made.shutdown()


def test_a_call_outside_that_waits_does_not_hold_up_the_store(qtbot, runner: Runner) -> None:  # type: ignore[no-untyped-def]
    answer = threading.Event()
    delivered: list[tuple[str, threading.Thread]] = []

    def scanner() -> str:
        assert answer.wait(10)
        return "prints"

    runner.run(scanner, lambda r: delivered.append((r, threading.current_thread())), outside=True)
    runner.run(lambda: "page", lambda r: delivered.append((r, threading.current_thread())))
    qtbot.waitUntil(lambda: runner.pending == 0)
    assert [r for r, _t in delivered] == ["page"] and runner.outside_pending == 1
    answer.set()
    qtbot.waitUntil(lambda: runner.outside_pending == 0)
    assert [r for r, _t in delivered] == ["page", "prints"]
    assert {t for _r, t in delivered} == {threading.main_thread()}


def test_a_command_publishes_its_changes_with_its_initiator_after_its_callback(  # type: ignore[no-untyped-def]
    qtbot, runner: Runner, hub: ChangeHub
) -> None:
    seen: list[object] = []
    hub.changed.connect(lambda changes, initiator: seen.append((changes, initiator)))
    form = object()
    runner.command(lambda: CHANGED, lambda changes: seen.append(("done", changes)), initiator=form)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen == [("done", CHANGED), (CHANGED, form)]


def test_a_command_whose_result_holds_its_changes_publishes_those(  # type: ignore[no-untyped-def]
    qtbot, runner: Runner, hub: ChangeHub
) -> None:
    seen: list[Changes] = []
    hub.changed.connect(lambda changes, _initiator: seen.append(changes))
    runner.command(lambda: ("detail", CHANGED), initiator=None, changes=lambda r: r[1])
    qtbot.waitUntil(lambda: runner.pending == 0)
    assert seen == [CHANGED]


def test_a_command_that_failed_or_changed_nothing_publishes_nothing(  # type: ignore[no-untyped-def]
    qtbot, runner: Runner, hub: ChangeHub
) -> None:
    seen: list[Changes] = []
    failures: list[BaseException] = []
    hub.changed.connect(lambda changes, _initiator: seen.append(changes))

    def refused() -> Changes:
        raise PermissionError("not a clerk")

    runner.command(refused, None, failures.append, initiator=None)
    runner.command(Changes, initiator=None)
    qtbot.waitUntil(lambda: runner.pending == 0)
    assert seen == [] and [str(f) for f in failures] == ["not a clerk"]


def test_a_stream_brings_its_items_in_order_then_its_end(qtbot, runner: Runner) -> None:  # type: ignore[no-untyped-def]
    items: list[int] = []
    ended: list[BaseException] = []

    def frames() -> Iterator[int]:
        yield from range(5)
        raise OSError("scanner unplugged")

    runner.stream_outside(frames, items.append, ended.append)
    qtbot.waitUntil(lambda: runner.outside_pending == 0)
    assert items == [0, 1, 2, 3, 4]
    assert [str(e) for e in ended] == ["scanner unplugged"]


def test_nothing_is_delivered_after_shutdown(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = Runner()
    answer = threading.Event()
    delivered: list[str] = []
    finished = threading.Event()

    def scanner() -> str:
        answer.wait(10)
        finished.set()
        return "late"

    runner.run(scanner, delivered.append, outside=True)
    runner.shutdown()
    answer.set()
    assert finished.wait(10)
    qtbot.wait(50)
    assert delivered == []


def test_the_runner_is_the_only_way_off_the_gui_thread_and_publishes_for_every_screen() -> None:
    threads = re.compile(
        r"threading\.Thread\b|\bQThread\b|ThreadPoolExecutor|QThreadPool|_thread\b"
    )
    by_hand = re.compile(r"\.connect\([\w.]*changes\.publish\)")
    makers, wired = [], []
    for path in sorted(UI.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if threads.search(text) and path.name != "runner.py":
            makers.append(path.relative_to(UI).as_posix())
        if by_hand.search(text):
            wired.append(path.relative_to(UI).as_posix())
    assert makers == [], "run work off the GUI thread through ui.runner.Runner"
    assert wired == [], "run the use case with Runner.command: it publishes its changes"
