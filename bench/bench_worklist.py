"""Worklist search latency at 1,000,000 cases and cold start to a shown window at 100,000.

    .venv/bin/python bench/bench_worklist.py            # both, generating stores on first run
    .venv/bin/python bench/bench_worklist.py --cases 200000 --start-cases 20000 --runs 3

Stores are generated once into bench/out/ (about 2 minutes for a million cases) and reused.
Targets (issue 2): search p95 under 30 ms at 1M cases, cold start under 0.6 s at 100k.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from generate import build_store  # noqa: E402

from workstation.domain.clock import FixedClock  # noqa: E402

OUT = ROOT / "bench" / "out"


def store_for(count: int, today: date) -> Path:
    path = OUT / f"store-{count}-{today.isoformat()}"
    if not (path / "desk.sqlite3").exists():
        print(f"generating {count:,} cases into {path} ...", flush=True)
        seconds = build_store(path, count, today)
        print(f"  done in {seconds:.1f} s", flush=True)
    return path


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def bench_search(count: int, today: date, samples: int) -> None:
    from datetime import UTC, datetime
    from datetime import time as dtime

    from PySide6.QtWidgets import QApplication, QTableView

    from ui.runner import Runner
    from ui.worklist_model import WorklistModel, load
    from workstation.domain.programme import DEFAULT_RULES
    from workstation.journal.envelope import Actor
    from workstation.services.context import DeskContext
    from workstation.services.desk import Desk
    from workstation.services.worklist import StatusFilter, WorklistQuery
    from workstation.store.local import LocalStore

    path = store_for(count, today)
    app = QApplication.instance() or QApplication([])
    store = LocalStore.open(path)
    clock = FixedClock(datetime.combine(today, dtime(6, 0), UTC))
    desk = Desk(
        DeskContext(
            store,
            actor=Actor("", "", "clerk"),
            workstation_id="WS-BENCH",
            rules=DEFAULT_RULES,
            clock=clock,
        )
    )
    model = WorklistModel(desk, Runner())
    view = QTableView()
    view.setModel(model)
    view.resize(900, 700)
    view.show()
    app.processEvents()

    with store.reading() as conn:
        from sqlalchemy import text

        people = conn.execute(
            text("SELECT iin, surname, passport_number FROM cases ORDER BY random() LIMIT :n"),
            {"n": samples},
        ).all()
    rng = random.Random(1)
    classes = {
        "IIN prefix (6 digits)": [p.iin[:6] for p in people],
        "IIN prefix (10 digits)": [p.iin[:10] for p in people],
        "surname prefix (3 letters)": [p.surname[:3].lower() for p in people],
        "surname prefix (1 letter)": [p.surname[:1].lower() for p in people],
        "passport prefix (4)": [p.passport_number[:4] for p in people],
        "typing a surname, each keystroke": [
            p.surname[:k].lower() for p in people[: samples // 4] for k in range(1, 6)
        ],
    }
    print(f"\nworklist search over {count:,} cases (first page of 100 + count, model reset)")
    print(f"{'query':36} {'n':>5} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}")
    for name, texts in classes.items():
        rng.shuffle(texts)
        timings = []
        for status in (StatusFilter.OPEN_AT_DESK, StatusFilter.ALL):
            for generation, typed in enumerate(texts, start=1):
                started = time.perf_counter()
                model._generation = generation  # the worker half, then the GUI half
                model.apply(load(desk, WorklistQuery(text=typed, status=status), generation))
                app.processEvents()
                timings.append(1000 * (time.perf_counter() - started))
        print(
            f"{name:36} {len(timings):5d} {statistics.median(timings):10.2f} "
            f"{percentile(timings, 95):8.2f} {max(timings):8.2f}"
        )
    store.close()


def login_key_for(path: Path) -> tuple[Path, str]:
    """A DEMO clerk key and its password: the desk asks for an EDS log-in before its window."""
    from datetime import UTC, datetime

    from workstation.security.demo_setup import ensure_demo_pki
    from workstation.security.roles import Role
    from workstation.services.login import LoginSettings, save_login_settings
    from workstation.services.setup import desk_identity
    from workstation.services.staff import StaffRecord, put_staff
    from workstation.store.local import LocalStore

    pki = ensure_demo_pki(path / "pki")
    key = pki.key_for(Role.CLERK)
    store = LocalStore.open(path)
    try:
        save_login_settings(store, LoginSettings(trust_dir=pki.trust_dir, crl_dir=pki.crl_dir))
        city = desk_identity(store).city or ""
        record = StaffRecord(key.iin or "", key.display_name, Role.CLERK.value, "BENCH", city)
        with store.transaction() as conn:
            put_staff(conn, record, datetime.now(UTC))
    finally:
        store.close()
    return key.path, pki.password


ANCHOR = """
import sys, time
started = time.perf_counter()
from PySide6.QtCore import QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView
app = QApplication(sys.argv[:1])
model = QStandardItemModel(100, 8)
view = QTableView()
view.setModel(model)
view.resize(900, 700)
view.show()
def report():
    print(f"shown {1000 * (time.perf_counter() - started):.0f} ms", flush=True)
    app.quit()
QTimer.singleShot(0, report)
app.exec()
"""


def anchor_start(runs: int, env: dict[str, str]) -> list[float]:
    """The anchor beside the app, started the same way: a bare PySide6 window with a table."""
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", ANCHOR], stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT
        )
        assert proc.stdout is not None
        line = proc.stdout.readline()
        timings.append(1000 * (time.perf_counter() - started))
        proc.wait(timeout=60)
        if not line.startswith("shown"):
            raise SystemExit(f"the anchor did not report a shown window: {line!r}")
    return timings


def bench_start(count: int, today: date, runs: int) -> None:
    path = store_for(count, today)
    key, password = login_key_for(path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    timings, inside = [], []
    for _ in range(runs):
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "--data-dir", str(path), "--exit-when-shown",
             "--key", str(key), "--password-stdin"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
            cwd=ROOT,
        )  # fmt: skip
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(password + "\n")
        proc.stdin.close()
        line = proc.stdout.readline()
        timings.append(1000 * (time.perf_counter() - started))
        proc.wait(timeout=60)
        if not line.startswith("shown"):
            raise SystemExit(f"the app did not report a shown window: {line!r}")
        inside.append(float(line.split()[1]))
    print(f"\ncold start to a shown main window with its first page, {count:,} cases, {runs} runs")
    print(
        f"  process start to shown: median {statistics.median(timings):.0f} ms, "
        f"min {min(timings):.0f} ms, max {max(timings):.0f} ms"
    )
    print(f"  of which after Python imported ui.app: median {statistics.median(inside):.0f} ms")
    anchor = anchor_start(runs, env)
    print(
        f"  anchor, a bare PySide6 window + QTableView started the same way: median "
        f"{statistics.median(anchor):.0f} ms, min {min(anchor):.0f} ms, max {max(anchor):.0f} ms"
    )
    print(
        f"  ratio app / anchor (target at most 3.5): "
        f"{statistics.median(timings) / statistics.median(anchor):.2f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--start-cases", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 11, 21))
    parser.add_argument("--only", choices=["search", "start"], default=None)
    args = parser.parse_args()
    if args.only in (None, "search"):
        bench_search(args.cases, args.today, args.samples)
    if args.only in (None, "start"):
        bench_start(args.start_cases, args.today, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
