"""First pull of N approved cases into an empty desk, and a no-change sync, per central.

    .venv/bin/python bench/bench_sync.py                     # 100,000 cases, PostgreSQL + SQLite
    .venv/bin/python bench/bench_sync.py --cases 20000 --backends sqlite
    .venv/bin/python bench/bench_sync.py --pg postgresql://postgres@127.0.0.1:5432/postgres

The cases are the demo generator's (workstation.sync.demo_seed), all addressed to Astana.
On PostgreSQL a throwaway database is made and the desk pulls as its own role, under
row-level security, exactly as a desk would; it is dropped at the end. The baseline is a
plain bulk insert of the very rows the pull produced (journal and cases) into an empty
local store of the same kind, in one transaction.

Targets (issue 6): first pull within 3x of the bulk insert; a no-change sync under 20 ms.
Since issue 7 every approval is signed by the demo ministry and migration service keys and
the desk verifies both signatures of each before applying it (as a desk in service does);
`--unsigned` measures the pull without signatures for comparison.
"""

from __future__ import annotations

import argparse
import secrets
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from workstation.domain.lifecycle import EventType  # noqa: E402
from workstation.domain.programme import DEFAULT_RULES  # noqa: E402
from workstation.journal.envelope import Event  # noqa: E402
from workstation.journal.signing import SignerOrganisations, Verification  # noqa: E402
from workstation.security.eds import TrustStore, load_crls_from_dir  # noqa: E402
from workstation.security.pki import (  # noqa: E402
    MIGRATION_BIN,
    MINISTRY_BIN,
    DemoKeyPool,
    make_demo_pki,
)
from workstation.store.local import LocalStore  # noqa: E402
from workstation.store.models import cases, journal  # noqa: E402
from workstation.sync.branches import add_branch, add_workstation, remove_workstation  # noqa: E402
from workstation.sync.demo_seed import (  # noqa: E402
    ApprovalSigners,
    approval_event,
    make_approvals,
)
from workstation.sync.gateway import CentralGateway  # noqa: E402

try:  # the door's owner role of a database (c006); older trees have none, for comparison
    from workstation.sync.door import door_role
except ImportError:  # pragma: no cover

    def door_role(database: str) -> str:
        return "dnr_no_door_role"


from workstation.sync.syncer import sync_once  # noqa: E402

# Central stamps received_at with its clock, and signatures are judged then. The approvals
# are dated up to yesterday: one dated today is made at 10:00 Astana time (05:00 UTC), and
# before that hour it is signed in the future and rightly refused (the benchmark failed
# every night between 00:00 and 05:00 UTC).
TODAY = datetime.now(UTC).date() - timedelta(days=1)
CITY = "Astana"
# One throwaway key for the benchmark's stores, so nothing goes to the OS credential store.
KEY = secrets.token_bytes(32)


class Pki:
    """The demo PKI of the benchmark: approval signers and the desk's verification."""

    def __init__(self, work: Path) -> None:
        keys = DemoKeyPool(work / "keys")
        # Made on the benchmark's day: the approvals (up to 60 days older) fall within the
        # keys' validity, as real approvals fall within the ministry's keys'.
        made_at = datetime.combine(TODAY, clock_time(12), UTC)
        made = make_demo_pki(work / "pki", keys=keys, now=made_at)
        self.signers = ApprovalSigners.from_files(
            made.ministry.p12, made.migration_service.p12, made.password
        )
        self.verification = Verification(
            TrustStore.from_pem_dir(made.trust_dir),
            SignerOrganisations(frozenset({MINISTRY_BIN}), frozenset({MIGRATION_BIN})),
            tuple(load_crls_from_dir(made.directory / "crl")),
        )


def generate(count: int, pki: Pki | None) -> list[tuple[Event, str]]:
    started = time.perf_counter()
    signers = pki.signers if pki else None
    made = [
        (approval_event(a, signers), a.city)
        for a in make_approvals(count, seed=11, today=TODAY, cities=(CITY,))
    ]
    signed = "signed" if pki else "unsigned"
    took = time.perf_counter() - started
    print(f"generated {count:,} {signed} approvals in {took:.1f} s", flush=True)
    return made


PKI: Pki | None = None


def seed(gateway: CentralGateway, batch: list[tuple[Event, str]]) -> None:
    if PKI is not None:
        gateway.add_certificates(PKI.signers.certificates_der())
    started = time.perf_counter()
    for i in range(0, len(batch), 2000):
        gateway.push(batch[i : i + 2000])
    print(f"  central seeded in {time.perf_counter() - started:.1f} s", flush=True)


def pull_and_resync(url: str, password: str | None, work: Path, runs: int) -> tuple[float, Path]:
    data = work / f"desk-{secrets.token_hex(3)}"
    store = LocalStore.open(data, create=True, key=KEY)
    gateway = CentralGateway(url, password=password)
    try:
        started = time.perf_counter()
        verification = PKI.verification if PKI else None
        report = sync_once(
            store,
            gateway,
            DEFAULT_RULES,
            city=CITY,
            verification=verification,
            trust_unsigned=verification is None,
        )
        first = time.perf_counter() - started
        if PKI is not None and report.refused:
            raise SystemExit(f"{report.refused} approvals were refused: the benchmark is wrong")
        print(
            f"  first pull: {report.pulled:,} events, {report.applied:,} applied, "
            f"{report.refused} refused in {first:.2f} s "
            f"({report.pulled / first:,.0f} events/s)",
            flush=True,
        )
        idle: list[float] = []
        for _ in range(runs):
            started = time.perf_counter()
            again = sync_once(
                store,
                gateway,
                DEFAULT_RULES,
                city=CITY,
                verification=verification,
                trust_unsigned=verification is None,
            )
            idle.append(time.perf_counter() - started)
            assert again.pulled == 0 and again.pushed == 0
        idle.sort()
        print(
            f"  no-change sync: median {statistics.median(idle) * 1000:.1f} ms, "
            f"p95 {idle[int(0.95 * (len(idle) - 1))] * 1000:.1f} ms, "
            f"max {idle[-1] * 1000:.1f} ms over {runs} runs (target < 20 ms)",
            flush=True,
        )
    finally:
        gateway.dispose()
        store.close()
    return first, data


def desk_push(
    url: str, password: str | None, workstation: str, events: list[tuple[Event, str]]
) -> None:
    """A desk's own events (one per case), pushed as a desk does: batches of 500, unsigned."""
    mine = [
        (
            Event(
                event_id=str(uuid.uuid4()),
                case_id=approved.case_id,
                type=EventType.ARRIVAL_RECORDED,
                payload={"arrival_date": "2026-03-09", "entry_point": "NQZ"},
                actor_iin="910517400017",
                actor_fingerprint="",
                workstation_id=workstation,
                recorded_at=datetime(2026, 3, 10, 6, 0, tzinfo=UTC),
                workstation_seq=n,
            ),
            city,
        )
        for n, (approved, city) in enumerate(events, 1)
    ]
    gateway = CentralGateway(url, password=password)
    try:
        started = time.perf_counter()
        for i in range(0, len(mine), 500):
            gateway.push(mine[i : i + 500])
        took = time.perf_counter() - started
    finally:
        gateway.dispose()
    print(
        f"  desk push: {len(mine):,} events in batches of 500 in {took:.2f} s "
        f"({len(mine) / took:,.0f} events/s)",
        flush=True,
    )


def bulk_insert_baseline(pulled: Path, work: Path) -> float:
    """Insert exactly the rows the pull wrote, into an empty store, in one transaction."""
    source = LocalStore.open(pulled, key=KEY)
    with source.reading() as conn:
        journal_rows = [dict(r._mapping) for r in conn.execute(select(journal))]
        case_rows = [dict(r._mapping) for r in conn.execute(select(cases))]
    source.close()
    for row in journal_rows:
        del row["local_seq"]
    target = LocalStore.open(work / f"bulk-{secrets.token_hex(3)}", create=True, key=KEY)
    try:
        started = time.perf_counter()
        with target.transaction() as conn:
            conn.execute(insert(journal), journal_rows)
            conn.execute(insert(cases), case_rows)
        took = time.perf_counter() - started
    finally:
        target.close()
    print(f"  bulk insert of the same {len(journal_rows):,} journal + cases rows: {took:.2f} s")
    return took


def report_ratio(first: float, bulk: float) -> None:
    verdict = "within" if first <= 3 * bulk else "NOT within"
    print(f"  first pull / bulk insert = {first / bulk:.2f}x ({verdict} the 3x target)")


def bench_sqlite(events: list[tuple[Event, str]], work: Path, runs: int) -> None:
    print("SQLite central", flush=True)
    url = f"sqlite:///{work / 'central.sqlite3'}"
    admin = CentralGateway(url)
    try:
        admin.init_schema()
        seed(admin, events)
    finally:
        admin.dispose()
    first, pulled = pull_and_resync(url, None, work, runs)
    report_ratio(first, bulk_insert_baseline(pulled, work))
    desk_push(url, None, "WS-BENCH-SQLITE", events)


def bench_postgres(events: list[tuple[Event, str]], server: str, work: Path, runs: int) -> None:
    print("PostgreSQL central", flush=True)
    parsed = make_url(server)
    name = f"dnr_bench_{secrets.token_hex(4)}"
    params = {"host": parsed.host, "port": parsed.port, "user": parsed.username}
    with psycopg.connect(**params, dbname=parsed.database, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = parsed.set(database=name).render_as_string(hide_password=False)
    admin = CentralGateway(url)
    desk = None
    try:
        admin.init_schema()
        add_branch(admin, "AST-BENCH", CITY, "Benchmark branch")
        desk = add_workstation(admin, "AST-BENCH", f"WS-BENCH-{secrets.token_hex(3)}")
        seed(admin, events)
        with admin.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
        first, pulled = pull_and_resync(desk.url, desk.password, work, runs)
        report_ratio(first, bulk_insert_baseline(pulled, work))
        desk_push(desk.url, desk.password, desk.workstation_id, events)
    finally:
        if desk is not None:
            remove_workstation(admin, desk.workstation_id)
        admin.dispose()
        with psycopg.connect(**params, dbname=parsed.database, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'DROP ROLE IF EXISTS "{door_role(name)}"')  # the door's (c006)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30, help="no-change syncs to time")
    parser.add_argument("--backends", default="postgresql,sqlite")
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--unsigned", action="store_true", help="no signatures, no checks")
    args = parser.parse_args()
    global PKI
    with tempfile.TemporaryDirectory(prefix="dnr-bench-sync-") as tmp:
        work = Path(tmp)
        PKI = None if args.unsigned else Pki(work)
        events = generate(args.cases, PKI)
        for backend in args.backends.split(","):
            if backend == "postgresql":
                bench_postgres(events, args.pg, work, args.runs)
            elif backend == "sqlite":
                bench_sqlite(events, work, args.runs)
            else:
                parser.error(f"unknown backend {backend!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
