"""Central's PostgreSQL killed with SIGKILL in the middle of pushes and of pulls, 20 times
each, then restarted: nothing lost, nothing twice, and the desks carry on by themselves.

The server is a throw-away cluster of this test (pg_cluster.py): the shared one at
127.0.0.1:5432 serves the other tests. The kill comes from inside the desk's own round (an
SQLAlchemy event on its gateway's engine), at a different statement of the push or pull
each time: before the advisory lock, the insert, the check, the commit, a pull's select.
The desk sees CentralUnreachable (the error a dead connection maps to), keeps the same
gateway, and its next round, after the restart, delivers everything.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from tests.integration.central_setup import (
    CentralUnderTest,
    SyncingDesk,
    assert_desk_has_its_city_exactly_once,
)
from tests.integration.pg_cluster import ClusterUnavailable, PgCluster, alive
from workstation.domain.clock import FixedClock
from workstation.domain.lifecycle import EventType
from workstation.sync.central_schema import events
from workstation.sync.demo_seed import approval_event
from workstation.sync.gateway import CentralGateway, CentralUnreachable

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

TODAY = date(2026, 3, 10)
KILLS = 20
PER_ROUND = 6  # events a round exchanges, two at a time: several statements to kill at
BATCH = 2


@pytest.fixture(scope="module")
def cluster() -> Iterator[PgCluster]:
    try:
        made = PgCluster()
    except ClusterUnavailable as exc:  # like the shared server: skipped here, failed in CI
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"cannot make a throw-away PostgreSQL cluster: {exc}", pytrace=False)
        pytest.skip(f"cannot make a throw-away PostgreSQL cluster: {exc}")
    yield made
    made.stop()


@pytest.fixture
def central(cluster: PgCluster) -> Iterator[CentralUnderTest]:
    made = CentralUnderTest("postgresql", cluster.create_database(f"kill_{secrets.token_hex(4)}"))
    yield made
    made.close()


class KillSwitch:
    """Kills the server at the `at`-th statement (or commit) the gateway sends inside one of
    the `watched` calls (push or pull_rows), once per arming."""

    def __init__(self, cluster: PgCluster, gateway: CentralGateway, watched: str) -> None:
        self.cluster = cluster
        self.at = 0
        self.seen = 0
        self.inside = False
        self.fired = False
        self.kill_seconds: list[float] = []
        for name in ("before_cursor_execute", "commit"):
            event.listen(gateway.engine, name, self._statement)
        original: Callable[..., Any] = getattr(gateway, watched)

        def watched_call(*args: Any) -> Any:
            self.inside = True
            try:
                return original(*args)
            finally:
                self.inside = False

        setattr(gateway, watched, watched_call)

    def arm(self, at: int) -> None:
        self.at, self.seen, self.fired = at, 0, False

    def _statement(self, *_: Any) -> None:
        if not self.inside or self.fired:
            return
        self.seen += 1
        if self.seen == self.at:
            self.fired = True
            started = time.monotonic()
            self.cluster.kill()
            self.kill_seconds.append(time.monotonic() - started)


def publish(central: CentralUnderTest, make_approval: Any, numbers: range) -> list[str]:
    items = [
        make_approval(
            n,
            city="Astana",
            case_id=f"DNR-AST-26-{n:07d}",
            approval_date=TODAY - timedelta(days=12),
        )
        for n in numbers
    ]
    central.admin.push([(approval_event(a), a.city) for a in items])
    return [a.case_id for a in items]


def central_counts(central: CentralUnderTest) -> tuple[int, int]:
    with central.admin.engine.connect() as conn:
        row = conn.execute(select(func.count(), func.count(events.c.event_id.distinct()))).one()
    return int(row[0]), int(row[1])


def killed_round(desk: SyncingDesk, switch: KillSwitch, at: int, cluster: PgCluster) -> float:
    """One round with the server killed at statement `at`; the restart's seconds."""
    switch.arm(at)
    with pytest.raises(CentralUnreachable):
        desk.sync(batch=BATCH)
    assert switch.fired, f"the round ended before statement {at}"
    return cluster.start()


def test_central_killed_in_the_middle_of_pushes(
    cluster: PgCluster,
    central: CentralUnderTest,
    tmp_path: Path,
    fixed_clock: FixedClock,
    make_approval: Any,
) -> None:
    case_ids = publish(central, make_approval, range(1, KILLS * PER_ROUND + 1))
    a = SyncingDesk(central, central.add_desk("AST-1", 1), tmp_path / "a", fixed_clock)
    b = SyncingDesk(central, central.add_desk("AST-2", 2), tmp_path / "b", fixed_clock)
    switch = KillSwitch(cluster, a.gateway, "push")
    restarts = []
    try:
        a.sync()
        for kill in range(KILLS):
            for case_id in case_ids[kill * PER_ROUND : (kill + 1) * PER_ROUND]:
                a.desk.record_arrival(case_id, TODAY - timedelta(days=3), "Khorgos")
            # 3 pushes of 2: lock, insert (and commit) each; kill at one of them
            restarts.append(killed_round(a, switch, 1 + kill % 9, cluster))
            report = a.sync(batch=BATCH)  # the same desk and gateway, by itself
            assert report.pushed + report.pushed_again >= 1
            assert sum(1 for r in a.journal() if not r.pushed) == 0
        a.sync()
        b.sync()
        total, distinct = central_counts(central)
        assert total == distinct == 2 * KILLS * PER_ROUND  # approvals + arrivals, once each
        for desk in (a, b):
            assert_desk_has_its_city_exactly_once(desk, central)
        arrived = {r.case_id for r in b.journal() if r.type == EventType.ARRIVAL_RECORDED}
        assert arrived == set(case_ids)
    finally:
        a.close()
        b.close()
    print(f"\npush kills: {KILLS}, restart {max(restarts):.2f} s at most")


def test_central_killed_in_the_middle_of_pulls(
    cluster: PgCluster,
    central: CentralUnderTest,
    tmp_path: Path,
    fixed_clock: FixedClock,
    make_approval: Any,
) -> None:
    desk = SyncingDesk(central, central.add_desk("AST-1", 1), tmp_path / "p", fixed_clock)
    switch = KillSwitch(cluster, desk.gateway, "pull_rows")
    restarts = []
    try:
        for kill in range(KILLS):
            first = kill * PER_ROUND + 1
            publish(central, make_approval, range(first, first + PER_ROUND))
            # 3 batches of 2 and the empty pull that ends the round: kill at one of them
            at = 1 + kill % 4
            before = len(desk.journal())
            restarts.append(killed_round(desk, switch, at, cluster))
            kept = len(desk.journal())  # each batch commits with its cursor: those stay
            assert kept - before == min(BATCH * (at - 1), PER_ROUND)
            report = desk.sync(batch=BATCH)  # the same desk and gateway, by itself
            assert report.pulled == PER_ROUND - (kept - before)  # none fetched again
            assert_desk_has_its_city_exactly_once(desk, central)
        assert len(desk.case_ids()) == KILLS * PER_ROUND
    finally:
        desk.close()
    print(f"\npull kills: {KILLS}, restart {max(restarts):.2f} s at most")


@pytest.mark.usefixtures("cluster")  # skipped (failed in CI) where no cluster can be made
def test_the_cluster_stops_itself_when_its_test_process_dies() -> None:
    """A test process SIGKILLed (no fixture teardown) leaves no server and no folder."""
    script = (
        "from tests.integration.pg_cluster import PgCluster\n"
        "c = PgCluster()\n"
        "print(c.folder, c.postmaster.pid, flush=True)\n"
        "import time; time.sleep(120)\n"
    )
    root = Path(__file__).resolve().parents[2]
    process = subprocess.Popen([sys.executable, "-c", script], cwd=root, stdout=subprocess.PIPE)
    assert process.stdout is not None
    folder, pid = process.stdout.readline().decode().split()
    assert Path(folder).is_dir() and alive(int(pid))
    process.kill()
    process.wait()
    deadline = time.monotonic() + 20
    while (Path(folder).exists() or alive(int(pid))) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not alive(int(pid)), "the server outlived its test process"
    assert not Path(folder).exists(), "the cluster's folder outlived its test process"
