"""Central on PostgreSQL: schema, seeding through the CLI, push and pull between two desks."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, select, update

from workstation import cli
from workstation.domain.clock import FixedClock
from workstation.domain.programme import DEFAULT_RULES
from workstation.journal.envelope import Actor, Event
from workstation.services.context import DeskContext
from workstation.services.desk import Desk
from workstation.services.setup import desk_identity
from workstation.store.local import LocalStore
from workstation.store.models import cases, journal
from workstation.sync.demo_seed import approval_event, seed_central
from workstation.sync.gateway import CentralGateway, CentralSchemaMismatch, central_head
from workstation.sync.syncer import SyncReport, sync_once

pytestmark = pytest.mark.postgres

TODAY = date(2026, 3, 10)
CLERK = Actor(iin="910517400017", name="PG CLERK", role="clerk")


@pytest.fixture
def central(empty_pg_url: str) -> Iterator[CentralGateway]:
    gateway = CentralGateway(empty_pg_url)
    gateway.init_schema()
    yield gateway
    gateway.dispose()


class PgDesk:
    def __init__(self, data_dir: Path, name: str, clock: FixedClock, city: str | None = None):
        self.store = LocalStore.open(data_dir, create=True)
        self.city = desk_identity(self.store, city).city
        self.desk = Desk(
            DeskContext(
                self.store, actor=CLERK, workstation_id=name, rules=DEFAULT_RULES, clock=clock
            )
        )

    def sync(self, central: CentralGateway) -> SyncReport:
        return sync_once(self.store, central, DEFAULT_RULES, city=self.city, trust_unsigned=True)

    def case_ids(self) -> set[str]:
        with self.store.reading() as conn:
            return set(conn.execute(select(cases.c.case_id)).scalars())

    def case(self, case_id: str) -> Any:
        with self.store.reading() as conn:
            return conn.execute(select(cases).where(cases.c.case_id == case_id)).one()


@pytest.fixture
def desks(tmp_path: Path, fixed_clock: FixedClock) -> Iterator[tuple[PgDesk, PgDesk]]:
    a = PgDesk(tmp_path / "desk-a", "WS-PG-A", fixed_clock)
    b = PgDesk(tmp_path / "desk-b", "WS-PG-B", fixed_clock)
    yield a, b
    a.store.close()
    b.store.close()


def test_central_init_twice(capsys: pytest.CaptureFixture[str], pg_url: str) -> None:
    for _ in range(2):
        assert cli.main(["central", "init", pg_url]) == 0
        out, err = capsys.readouterr()
        assert err == "" and out.startswith(f"central schema ready at revision {central_head()}")
    gateway = CentralGateway(pg_url)
    try:
        gateway.check_schema()
        tables = set(inspect(gateway.engine).get_table_names())
        assert {"events", "branches", "workstations", "central_schema_version"} <= tables
    finally:
        gateway.dispose()


def test_a_plain_postgresql_url_uses_psycopg(pg_url: str) -> None:
    gateway = CentralGateway(pg_url.replace("postgresql+psycopg://", "postgresql://"))
    try:
        assert gateway.engine.dialect.driver == "psycopg"
        gateway.init_schema()
        gateway.check_schema()
    finally:
        gateway.dispose()


def test_check_schema_on_an_empty_database(empty_pg_url: str) -> None:
    gateway = CentralGateway(empty_pg_url)
    try:
        with pytest.raises(CentralSchemaMismatch, match="central init"):
            gateway.check_schema()
    finally:
        gateway.dispose()


def test_seed_demo_through_the_cli(capsys: pytest.CaptureFixture[str], empty_pg_url: str) -> None:
    assert cli.main(["central", "init", empty_pg_url]) == 0
    code = cli.main(
        [
            "central",
            "seed-demo",
            empty_pg_url,
            "--cases",
            "20",
            "--seed",
            "3",
            "--today",
            TODAY.isoformat(),
        ]
    )
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert "added 20 demo approved arrivals (central now has 20)" in out
    gateway = CentralGateway(empty_pg_url)
    try:
        assert gateway.case_count() == 20
    finally:
        gateway.dispose()


def test_a_desk_pulls_from_postgres(central: CentralGateway, desks: Any) -> None:
    a, _ = desks
    assert seed_central(central, 12, seed=4, today=TODAY) == 12
    report = a.sync(central)
    assert (report.pulled, report.applied, report.refused) == (12, 12, 0)
    assert len(a.case_ids()) == 12
    again = a.sync(central)
    assert (again.pulled, again.cursor) == (0, report.cursor)


def test_push_from_one_desk_and_pull_into_another(
    central: CentralGateway, desks: Any, make_approval: Any
) -> None:
    a, b = desks
    approval = make_approval(1, approval_date=TODAY - timedelta(days=4))
    central.push([(approval_event(approval), approval.city)])
    a.sync(central)
    a.desk.record_arrival(approval.case_id, TODAY - timedelta(days=1), "Nur-Sultan airport")
    pushed = a.sync(central)
    assert (pushed.pushed, pushed.already_here) == (1, 1)
    pulled = b.sync(central)
    assert (pulled.pulled, pulled.applied) == (2, 2)
    row = b.case(approval.case_id)
    assert (row.state, row.entry_date, row.border_point) == (
        "arrived",
        TODAY - timedelta(days=1),
        "Nur-Sultan airport",
    )


def test_push_is_idempotent(central: CentralGateway, desks: Any, make_approval: Any) -> None:
    batch = [(approval_event(make_approval(n)), "Astana") for n in range(1, 6)]
    assert central.push(batch) == 5
    assert central.push(batch) == 0
    a, _ = desks
    a.sync(central)
    a.desk.record_arrival(make_approval(1).case_id, TODAY, "Astana airport")
    assert a.sync(central).pushed == 1
    with a.store.transaction() as conn:  # as if the desk crashed before marking it sent
        conn.execute(update(journal).where(journal.c.origin == "local").values(pushed=False))
    again = a.sync(central)
    assert (again.pushed, again.pushed_again) == (0, 1)
    assert len(central.pull(0, None, 100)) == 6


def test_a_city_filtered_pull(
    central: CentralGateway, tmp_path: Path, fixed_clock: FixedClock
) -> None:
    seed_central(central, 10, seed=8, today=TODAY)
    in_almaty = {e.case_id for _, e in central.pull(0, None, 100) if "-ALA-" in e.case_id}
    assert 0 < len(in_almaty) < 10
    almaty = PgDesk(tmp_path / "almaty", "WS-PG-ALA", fixed_clock, city="Almaty")
    try:
        report = almaty.sync(central)
        assert (report.pulled, report.applied) == (len(in_almaty), len(in_almaty))
        assert almaty.case_ids() == in_almaty
        assert [e.case_id for _, e in central.pull(0, "Almaty", 100)] == sorted(
            in_almaty, key=[e.case_id for _, e in central.pull(0, None, 100)].index
        )
    finally:
        almaty.store.close()


def test_concurrent_pushes_never_hide_an_event_from_a_pull(
    central: CentralGateway, make_approval: Any
) -> None:
    """Writers commit in any order; a reader that only remembers the last seq it saw must
    still get every event exactly once (DESIGN.md: the pull must never skip one)."""
    writers, batches, per_batch = 4, 20, 3
    all_ids: set[str] = set()
    plans: list[list[list[tuple[Event, str]]]] = []
    for w in range(writers):
        plan = []
        for b in range(batches):
            batch = []
            for i in range(per_batch):
                n = 1 + (w * batches + b) * per_batch + i
                event = approval_event(make_approval(n))
                batch.append((event, "Astana"))
                all_ids.add(event.event_id)
            plan.append(batch)
        plans.append(plan)

    errors: list[BaseException] = []
    start = threading.Barrier(writers + 1)

    def write(plan: list[list[tuple[Event, str]]]) -> None:
        gateway = CentralGateway(central.url)
        try:
            start.wait()
            for batch in plan:
                gateway.push(batch)
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)
        finally:
            gateway.dispose()

    threads = [threading.Thread(target=write, args=(p,)) for p in plans]
    for t in threads:
        t.start()
    seen: list[tuple[int, str]] = []
    cursor = 0
    start.wait()
    while True:
        writing = any(t.is_alive() for t in threads)
        for seq, event in central.pull(cursor, None, 7):
            seen.append((seq, event.event_id))
            cursor = seq
        if not writing and len(central.pull(cursor, None, 1)) == 0:
            break
    for t in threads:
        t.join()
    assert errors == []
    seqs = [s for s, _ in seen]
    assert seqs == sorted(set(seqs))
    assert len(seen) == len(all_ids) == writers * batches * per_batch
    assert {i for _, i in seen} == all_ids


def test_an_unreachable_central_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url = "postgresql+psycopg://postgres@127.0.0.1:1/dnr"  # nothing listens on port 1
    code = cli.main(["sync", "--central", url, "--data-dir", str(tmp_path)])
    _, err = capsys.readouterr()
    assert code == 1 and err.startswith("error: Cannot reach central")


def test_a_second_approval_event_for_a_case_is_refused_on_the_desk(
    central: CentralGateway, desks: Any, make_approval: Any
) -> None:
    a, _ = desks
    approval = make_approval(1)
    first = approval_event(approval)
    central.push([(first, "Astana")])
    central.push([(replace(first, event_id="7b7b7b7b-0000-4000-8000-000000000003"), "Astana")])
    report = a.sync(central)
    assert (report.applied, report.refused) == (1, 1)


@pytest.mark.parametrize(("ci", "outcome"), [("true", "error"), ("", "skipped")])
def test_without_postgres_ci_fails_and_elsewhere_skips(
    ci: str, outcome: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DNR_TEST_PG_PORT", "1")  # nothing listens there
    monkeypatch.setenv("CI", ci)
    target = f"{Path(__file__).name}::test_check_schema_on_an_empty_database"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", target, "-q", "-p", "no:cacheprovider", "-rs"],
        cwd=Path(__file__).parent,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    summary = done.stdout.strip().splitlines()[-1]
    assert f"1 {outcome}" in summary, done.stdout
    assert done.returncode == (1 if outcome == "error" else 0)
