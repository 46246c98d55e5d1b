"""Anchors for the benchmarks that print none: the floor of the same work done bare.

    .venv/bin/python bench/anchors.py window --runs 3          # bare PySide6 window + table
    .venv/bin/python bench/anchors.py prefix --store DIR       # raw indexed prefix query
    .venv/bin/python bench/anchors.py scan --store DIR         # one raw pass over the journal
    .venv/bin/python bench/anchors.py pdf --runs 50            # a bare one-page reportlab PDF

Each prints its figure for a person and, last, one line `ANCHOR {json}` for bench/run_all.py.
The stores are the ones the benchmarks themselves generate (bench/out/), opened the way the
desk opens them, so an anchor measures the same rows on the same machine in the same run.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def emit(name: str, value: float, unit: str) -> None:
    print(f"{name}: {value:.3f} {unit}")
    print("ANCHOR " + json.dumps({"anchor": name, "value": value, "unit": unit}), flush=True)


def bare_window() -> None:
    """The child: a bare PySide6 window with an empty table, shown, then gone."""
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication([])
    window = QMainWindow()
    view = QTableView()
    view.setModel(QStandardItemModel(100, 8))
    window.setCentralWidget(view)
    window.resize(900, 700)
    window.show()
    app.processEvents()
    print("shown", flush=True)


def window(runs: int) -> None:
    """Process start to a shown bare window, timed the way bench_worklist times the desk."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, __file__, "bare-window"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT,
        )  # fmt: skip
        assert proc.stdout is not None
        line = proc.stdout.readline()
        timings.append(1000 * (time.perf_counter() - started))
        proc.wait(timeout=60)
        if not line.startswith("shown"):
            raise SystemExit(f"the bare window did not show: {line!r}")
    emit("bare PySide6 window + table, median", statistics.median(timings), "ms")


def prefix(store_dir: Path, samples: int) -> None:
    """Three-letter surname prefixes on the surname index, first page: the query alone."""
    from sqlalchemy import text

    from workstation.domain.names import prefix_upper_bound, search_key
    from workstation.store.local import LocalStore

    store = LocalStore.open(store_dir)
    try:
        with store.reading() as conn:
            names = conn.execute(
                text("SELECT surname FROM cases ORDER BY random() LIMIT :n"), {"n": samples}
            ).scalars()
            keys = [search_key(name[:3]) for name in names]
            timings = []
            for key in keys:
                started = time.perf_counter()
                conn.execute(
                    text(
                        "SELECT case_id FROM cases WHERE surname_key >= :lo AND surname_key < :hi"
                        " ORDER BY surname_key LIMIT 101"
                    ),
                    {"lo": key, "hi": prefix_upper_bound(key)},
                ).all()
                timings.append(1000 * (time.perf_counter() - started))
    finally:
        store.close()
    emit("raw indexed prefix query, p95", percentile(timings, 95), "ms")


def scan(store_dir: Path, runs: int) -> None:
    """One raw grouped pass over every journal row: the floor of any report's query."""
    from sqlalchemy import text

    from workstation.store.local import LocalStore

    store = LocalStore.open(store_dir)
    timings = []
    try:
        with store.reading() as conn:
            for _ in range(runs):
                started = time.perf_counter()
                conn.execute(text("SELECT type, count(*) FROM journal GROUP BY type")).all()
                timings.append(1000 * (time.perf_counter() - started))
    finally:
        store.close()
    emit("raw GROUP BY over the journal, median", statistics.median(timings), "ms")


def pdf(runs: int) -> None:
    """A one-page reportlab PDF with a title and a paragraph of text: no layout, no QR."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    def render(n: int) -> bytes:
        out = io.BytesIO()
        canvas = Canvas(out, pagesize=A4)
        canvas.setFont("Helvetica-Bold", 14)
        canvas.drawString(72, 770, f"Receipt DNR-AST-2025-{n:06d}")
        canvas.setFont("Helvetica", 10)
        for line in range(20):
            canvas.drawString(72, 740 - 14 * line, f"Line {line}: applicant, case and fees")
        canvas.showPage()
        canvas.save()
        return out.getvalue()

    render(0)
    timings = []
    for n in range(runs):
        started = time.perf_counter()
        render(n)
        timings.append(1000 * (time.perf_counter() - started))
    emit("bare one-page reportlab PDF, median", statistics.median(timings), "ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=["window", "bare-window", "prefix", "scan", "pdf"])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--samples", type=int, default=100)
    parser.add_argument("--store", type=Path)
    args = parser.parse_args()
    if args.kind == "bare-window":
        bare_window()
    elif args.kind == "window":
        window(args.runs)
    elif args.kind == "pdf":
        pdf(args.runs)
    elif args.store is None:
        parser.error(f"{args.kind} needs --store")
    elif args.kind == "prefix":
        prefix(args.store, args.samples)
    else:
        scan(args.store, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
