"""Desks syncing through their own central connections, against PostgreSQL (as desk roles
under row-level security) and against the SQLite central: round trips, eight desks at
once, and a desk process killed with SIGKILL in the middle of a push or a pull."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text

from tests.integration.central_setup import (
    BACKENDS,
    CentralUnderTest,
    SyncingDesk,
    assert_desk_has_its_city_exactly_once,
    make_central,
)
from workstation.domain.approval import ApprovedArrival
from workstation.domain.clock import FixedClock
from workstation.domain.lifecycle import TransitionRefused
from workstation.services.desk import ConfirmationNeeded, Desk
from workstation.sync.demo_seed import approval_event
from workstation.sync.gateway import CentralGateway

TODAY = date(2026, 3, 10)
ROOT = Path(__file__).resolve().parents[2]
DESK_PROCESS = Path(__file__).with_name("desk_process.py")


@pytest.fixture(
    params=[
        pytest.param(k, marks=pytest.mark.postgres) if k == "postgresql" else k for k in BACKENDS
    ]
)
def central(request: Any, tmp_path: Path) -> Iterator[CentralUnderTest]:
    made = make_central(request.param, request, tmp_path)
    yield made
    made.close()


def approvals(make_approval: Any, city: str, numbers: range) -> list[ApprovedArrival]:
    code = "AST" if city == "Astana" else "ALA"
    return [
        make_approval(
            n,
            city=city,
            case_id=f"DNR-{code}-26-{n:07d}",
            approval_date=TODAY - timedelta(days=12),
        )
        for n in numbers
    ]


def publish(central: CentralUnderTest, items: list[ApprovedArrival]) -> None:
    """The migration service publishes approvals (as the administrator)."""
    central.admin.push([(approval_event(a), a.city) for a in items])


def test_push_and_pull_round_trip_between_desks_of_a_city(
    central: CentralUnderTest, tmp_path: Path, fixed_clock: FixedClock, make_approval: Any
) -> None:
    astana = approvals(make_approval, "Astana", range(1, 6))
    almaty = approvals(make_approval, "Almaty", range(6, 9))
    publish(central, astana + almaty)
    a = SyncingDesk(central, central.add_desk("AST-1", 1), tmp_path / "a", fixed_clock)
    b = SyncingDesk(central, central.add_desk("AST-2", 2), tmp_path / "b", fixed_clock)
    c = SyncingDesk(central, central.add_desk("ALA-1", 3), tmp_path / "c", fixed_clock)
    try:
        first = a.sync()
        assert (first.pulled, first.applied, first.refused) == (5, 5, 0)
        assert a.case_ids() == {x.case_id for x in astana}
        a.desk.record_arrival(astana[0].case_id, TODAY - timedelta(days=3), "Khorgos")
        pushed = a.sync()
        assert (pushed.pushed, pushed.pushed_again, pushed.already_here) == (1, 0, 1)

        on_b = b.sync()  # another Astana branch: same city, same cases
        assert (on_b.pulled, on_b.applied) == (6, 6)
        assert b.desk.case_detail(astana[0].case_id).border_point == "Khorgos"
        on_c = c.sync()  # the Almaty desk gets Almaty only
        assert (on_c.pulled, on_c.applied) == (3, 3)
        assert c.case_ids() == {x.case_id for x in almaty}
        for desk in (a, b, c):
            desk.sync()
            assert_desk_has_its_city_exactly_once(desk, central)
        branch = a.gateway.desk_branch()
        if central.postgres:
            assert branch is not None
            assert (branch.branch_id, branch.city) == ("AST-1", "Astana")
            assert branch.workstation_id == a.connection.workstation_id
        else:
            assert branch is None
    finally:
        for desk in (a, b, c):
            desk.close()


def test_a_desk_without_a_city_pulls_what_its_role_may_see(
    central: CentralUnderTest, tmp_path: Path, fixed_clock: FixedClock, make_approval: Any
) -> None:
    """city=None pulls every city on SQLite; on PostgreSQL the role still sees only its own."""
    publish(central, approvals(make_approval, "Astana", range(1, 4)))
    publish(central, approvals(make_approval, "Almaty", range(4, 6)))
    desk = SyncingDesk(central, central.add_desk("ALA-1", 1), tmp_path / "d", fixed_clock)
    desk.city = None  # type: ignore[assignment]
    try:
        report = desk.sync()
        assert report.pulled == (2 if central.postgres else 5)
    finally:
        desk.close()


def test_eight_desks_pushing_and_pulling_at_once_end_with_every_event_once(
    central: CentralUnderTest, tmp_path: Path, fixed_clock: FixedClock, make_approval: Any
) -> None:
    """Eight desks in three branches record and sync concurrently while the migration service
    publishes new approvals; pushes commit in any order and pulls interleave with them.
    Afterwards every desk holds every event of its city exactly once, with central's seq:
    no cursor ever moved past an event that committed late."""
    publish(central, approvals(make_approval, "Astana", range(1, 13)))
    publish(central, approvals(make_approval, "Almaty", range(13, 25)))
    placement = ["AST-1", "AST-1", "AST-1", "AST-2", "AST-2", "ALA-1", "ALA-1", "ALA-1"]
    desks = [
        SyncingDesk(central, central.add_desk(branch, n), tmp_path / f"desk-{n}", fixed_clock)
        for n, branch in enumerate(placement)
    ]
    for n, desk in enumerate(desks):
        # A slow network or disk between taking seq numbers and committing them: the window
        # in which a reader that trusts "last seq seen" would skip an event for good.
        slow = random.Random(100 + n)
        event.listen(desk.gateway.engine, "commit", lambda _c, s=slow: time.sleep(s.random() / 25))
    rounds = 6
    start = threading.Barrier(len(desks) + 2)  # the desks, the ministry, this thread
    errors: list[BaseException] = []
    made: list[int] = [0] * len(desks)

    def work(n: int, desk: SyncingDesk) -> None:
        rng = random.Random(n)
        try:
            start.wait()
            for _ in range(rounds):
                desk.sync(batch=rng.randint(2, 6))
                for case_id in rng.sample(sorted(desk.case_ids()), k=3):
                    try:
                        desk.desk.record_arrival(
                            case_id, TODAY - timedelta(days=rng.randint(0, 11)), f"Post {n}"
                        )
                        made[n] += 1
                    except (TransitionRefused, ConfirmationNeeded):
                        pass
                    desk.sync(batch=rng.randint(2, 6))
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    def ministry() -> None:
        try:
            start.wait()
            for k in range(4):
                first = 100 + 4 * k
                publish(central, approvals(make_approval, "Astana", range(first, first + 2)))
                publish(central, approvals(make_approval, "Almaty", range(first + 2, first + 4)))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n, d)) for n, d in enumerate(desks)]
    threads.append(threading.Thread(target=ministry))
    try:
        for t in threads:
            t.start()
        start.wait()
        for t in threads:
            t.join(timeout=600)
        assert not any(t.is_alive() for t in threads)
        assert errors == []
        assert sum(made) > 8 * rounds  # the desks did record events
        for desk in desks:
            desk.sync()
        for desk in desks:
            assert_desk_has_its_city_exactly_once(desk, central)
        desk_made = sum(
            1 for d in desks for r in d.journal() if r.origin == "local"
        )  # each desk's own events, all at central once
        everywhere = central.city_events("Astana") | central.city_events("Almaty")
        assert desk_made == sum(made)
        assert len(everywhere) == 24 + 16 + sum(made)
    finally:
        for desk in desks:
            desk.close()


# --- a desk process killed in the middle of a sync ---------------------------------------


def _spawn(args: list[str]) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def run_desk_process(desk: SyncingDesk, url: str, *extra: str) -> dict[str, int]:
    done = _spawn([str(DESK_PROCESS), str(desk.data_dir), url, desk.city, *extra])
    out, err = done.communicate(timeout=300)
    assert done.returncode == 0, err
    result: dict[str, int] = json.loads(out.strip().splitlines()[-1])
    return result


def kill_desk_process_at(desk: SyncingDesk, url: str, point: str, after: int, batch: int) -> None:
    """Run the desk's sync in a process, wait until it reaches `point`, SIGKILL it there."""
    process = _spawn(
        [
            str(DESK_PROCESS),
            str(desk.data_dir),
            url,
            desk.city,
            "--batch",
            str(batch),
            "--pause-at",
            point,
            "--after",
            str(after),
        ]
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # blocks until the pause point (or an early exit)
        assert line.strip() == "PAUSED", process.communicate(timeout=60)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
        assert process.returncode == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate()


def _desk_with_local_events(
    central: CentralUnderTest, tmp_path: Path, clock: FixedClock, make_approval: Any, count: int
) -> tuple[SyncingDesk, str]:
    publish(central, approvals(make_approval, "Astana", range(1, count + 1)))
    connection = central.add_desk("AST-1", 1)
    desk = SyncingDesk(central, connection, tmp_path / "killed", clock)
    desk.sync()
    for n, case_id in enumerate(sorted(desk.case_ids())):
        desk.desk.record_arrival(case_id, TODAY - timedelta(days=n % 10), "Khorgos")
    desk.store.close()  # the process owns the store now; the test reopens it afterwards
    return desk, central.desk_url_with_password(connection)


def _reopen(desk: SyncingDesk) -> None:
    from workstation.store.local import LocalStore

    desk.store = LocalStore.open(desk.data_dir)
    desk.desk = Desk(replace(desk.desk.context, store=desk.store))


def _desk_events_at_central(central: CentralUnderTest, desk: SyncingDesk) -> int:
    with central.admin.engine.connect() as conn:
        return int(
            conn.execute(
                text("SELECT count(*) FROM events WHERE workstation_id = :w"),
                {"w": desk.connection.workstation_id},
            ).scalar_one()
        )


@pytest.mark.parametrize(
    ("point", "at_central_after_kill", "marked_sent_after_kill"),
    [("push-before-commit", 10, 10), ("push-committed", 20, 10)],
)
def test_a_desk_killed_in_the_middle_of_a_push_loses_and_duplicates_nothing(
    central: CentralUnderTest,
    tmp_path: Path,
    fixed_clock: FixedClock,
    make_approval: Any,
    point: str,
    at_central_after_kill: int,
    marked_sent_after_kill: int,
) -> None:
    desk, url = _desk_with_local_events(central, tmp_path, fixed_clock, make_approval, 25)
    kill_desk_process_at(desk, url, point, after=2, batch=10)
    _reopen(desk)
    try:
        assert _desk_events_at_central(central, desk) == at_central_after_kill
        assert sum(1 for r in desk.journal() if r.pushed) == 25 + marked_sent_after_kill
        report = run_desk_process(desk, url, "--batch", "10")
        assert report["pushed"] + report["pushed_again"] == 25 - marked_sent_after_kill
        assert report["pushed"] == 25 - at_central_after_kill
        assert report["already_here"] == 25  # its own events come back with central's seq
        assert _desk_events_at_central(central, desk) == 25
        assert_desk_has_its_city_exactly_once(desk, central)
    finally:
        desk.close()


@pytest.mark.parametrize(
    ("point", "committed_batches"), [("pull-before-commit", 2), ("pull-committed", 3)]
)
def test_a_desk_killed_in_the_middle_of_a_pull_loses_and_duplicates_nothing(
    central: CentralUnderTest,
    tmp_path: Path,
    fixed_clock: FixedClock,
    make_approval: Any,
    point: str,
    committed_batches: int,
) -> None:
    publish(central, approvals(make_approval, "Astana", range(1, 48)))
    publish(central, approvals(make_approval, "Almaty", range(48, 60)))
    connection = central.add_desk("AST-2", 1)
    desk = SyncingDesk(central, connection, tmp_path / "killed", fixed_clock)
    desk.store.close()
    url = central.desk_url_with_password(connection)
    kill_desk_process_at(desk, url, point, after=3, batch=10)
    _reopen(desk)
    try:
        assert len(desk.case_ids()) == 10 * committed_batches
        expected = sorted(central.city_events("Astana").values())
        assert desk.cursor() == expected[10 * committed_batches - 1]
        report = run_desk_process(desk, url, "--batch", "10")
        assert (report["pulled"], report["applied"], report["already_here"]) == (
            47 - 10 * committed_batches,
            47 - 10 * committed_batches,
            0,
        )
        assert len(desk.case_ids()) == 47
        assert_desk_has_its_city_exactly_once(desk, central)
    finally:
        desk.close()


@pytest.mark.postgres
def test_the_sync_command_killed_while_waiting_for_central_then_run_again(
    make_pg_database: Any, tmp_path: Path, fixed_clock: FixedClock, make_approval: Any
) -> None:
    """The real `dnr-workstation sync` blocks on central's order lock (held here), is
    killed there, and a second run delivers everything once."""
    central = CentralUnderTest("postgresql", make_pg_database())
    try:
        desk, url = _desk_with_local_events(central, tmp_path, fixed_clock, make_approval, 12)
        role = desk.connection.role
        holder = CentralGateway(central.url)
        try:
            with holder.engine.connect() as lock, lock.begin():
                lock.execute(text("LOCK TABLE central_order IN EXCLUSIVE MODE"))
                cli = _spawn(
                    [
                        "-m",
                        "workstation.cli",
                        "sync",
                        "--central",
                        url,
                        "--data-dir",
                        str(desk.data_dir),
                        "--city",
                        "Astana",
                    ]
                )
                try:
                    _wait_for_order_lock(central.admin, role)
                    os.kill(cli.pid, signal.SIGKILL)
                    cli.wait(timeout=60)
                finally:
                    if cli.poll() is None:
                        cli.kill()
                    cli.communicate()
                assert cli.returncode == -signal.SIGKILL
        finally:
            holder.dispose()
        assert _desk_events_at_central(central, desk) == 0
        again = _spawn(
            [
                "-m",
                "workstation.cli",
                "sync",
                "--central",
                url,
                "--data-dir",
                str(desk.data_dir),
                "--city",
                "Astana",
            ]
        )
        out, err = again.communicate(timeout=300)
        assert again.returncode == 0, err
        assert "pushed 12 new event(s)" in out
        _reopen(desk)
        assert _desk_events_at_central(central, desk) == 12
        assert_desk_has_its_city_exactly_once(desk, central)
        desk.close()
    finally:
        central.close()


def _wait_for_order_lock(admin: CentralGateway, role: str | None) -> None:
    """Until a session of `role` waits for central's order lock (the push is blocked there).
    A new transaction each time: pg_stat_activity is a snapshot per transaction."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        with admin.engine.connect() as conn:
            waiting = conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE usename = :r "
                    "AND wait_event_type = 'Lock' AND wait_event = 'relation'"
                ),
                {"r": role},
            ).scalar_one()
        if waiting:
            return
        time.sleep(0.05)
    raise AssertionError(f"no session of {role} ever waited for the sequence lock")
