"""bench/run_all.py reads each bench's printed figures and anchors into one table.

Canned output (copied from real runs), no timings: a changed bench line must fail here, not
silently drop out of the guard's table.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "run_all.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run_all", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


guard = _load()

SYNC = """generated 1,000 signed approvals in 0.6 s
PostgreSQL central
  central seeded in 0.1 s
  first pull: 1,000 events, 1,000 applied, 0 refused in 0.24 s (4,100 events/s)
  no-change sync: median 3.2 ms, p95 3.6 ms, max 4.8 ms over 10 runs (target < 20 ms)
  bulk insert of the same 1,000 journal + cases rows: 0.06 s
  first pull / bulk insert = 4.10x (NOT within the 3x target)
SQLite central
  central seeded in 0.0 s
  first pull: 1,000 events, 1,000 applied, 0 refused in 0.12 s (8,429 events/s)
  no-change sync: median 1.6 ms, p95 21.8 ms, max 29.9 ms over 10 runs (target < 20 ms)
  bulk insert of the same 1,000 journal + cases rows: 0.06 s
"""
WORKLIST = """worklist search over 20,000 cases (first page of 100 + count, model reset)
query                                    n  median ms   p95 ms   max ms
IIN prefix (6 digits)                   80       1.63     2.75     6.30
surname prefix (3 letters)              80      10.14    34.84   365.35

cold start to a shown main window with its first page, 5,000 cases, 3 runs
  process start to shown: median 904 ms, min 873 ms, max 1223 ms
  of which after Python imported ui.app: median 216 ms
"""
PREFIX = """raw indexed prefix query, p95: 0.500 ms
ANCHOR {"anchor": "raw indexed prefix query, p95", "value": 0.5, "unit": "ms"}
"""
WINDOW = 'ANCHOR {"anchor": "bare PySide6 window + table, median", "value": 200.0, "unit": "ms"}\n'
REPORTS = """store: 49,516 journal rows, 3,846 cases
month, Astana        query median     15 ms  PDF    65 ms (56 KiB)  CSV    0 ms
month, all centers   query median      8 ms  PDF    24 ms (57 KiB)  CSV    0 ms
year, all centers    query median     66 ms  PDF    48 ms (73 KiB)  CSV    0 ms
"""
SCAN = 'ANCHOR {"anchor": "raw GROUP BY over the journal, median", "value": 33.0, "unit": "ms"}\n'
DOCUMENTS = """font registration (once per process): 20.6 ms
application (normal)         n=20   median  10.26 ms   p95  10.64 ms   min  10.01 ms
application (long names)     n=20   median  10.88 ms   p95  11.30 ms   min  10.45 ms
receipt (with QR)            n=20   median  27.97 ms   p95  28.85 ms   min  27.46 ms
application (desk case)      n=20   median  11.08 ms   p95  11.68 ms   min  10.91 ms
"""
PDF = 'ANCHOR {"anchor": "bare one-page reportlab PDF, median", "value": 0.5, "unit": "ms"}\n'
AUDIT = """record: 200 entries, median 1.30 ms, p95 1.41 ms (own transaction each)
verify: 201 entries in 0.07 s (0.37 ms per entry)
store size with 200 entries: 448 KiB
open: encrypted store median 1.0 ms (key lookup, key, schema check); plain SQLite 0.25 ms
"""
STAGES = """demo PKI               0.91 s
400 approvals          0.44 s
stages (share 0.25)    2.84 s  78 cases, 894 events
"""


def test_sync_rows_per_backend_with_the_bulk_insert_as_anchor() -> None:
    rows = guard.parse_sync({"bench": SYNC})
    assert [r.measure for r in rows] == [
        "first pull, 1,000 signed, PostgreSQL", "no-change sync p95, PostgreSQL",
        "first pull, 1,000 signed, SQLite", "no-change sync p95, SQLite",
    ]  # fmt: skip
    pull_pg, idle_pg, pull_lite, idle_lite = rows
    assert pull_pg.ratio == pytest.approx(4.0) and pull_pg.met == "NO"
    assert pull_lite.ratio == pytest.approx(2.0) and pull_lite.met == "yes"
    assert idle_pg.figure == 3.6 and idle_pg.met == "yes" and idle_lite.met == "NO"


def test_worklist_rows_carry_the_prefix_and_window_anchors() -> None:
    out = {"bench": WORKLIST, "prefix": PREFIX, "window": WINDOW}
    rows = guard.parse_worklist(out)
    assert [r.figure for r in rows] == [2.75, 34.84, 904.0]
    assert rows[1].ratio == pytest.approx(69.68) and rows[1].met == "NO"
    assert rows[0].met == "yes"
    start = rows[2]
    assert start.measure == "cold start to shown window, 5,000 cases"
    assert start.ratio == pytest.approx(4.52) and start.met == "NO"


def test_reports_month_of_one_city_is_read_against_all_cities() -> None:
    rows = guard.parse_reports({"bench": REPORTS, "scan": SCAN})
    year, month, pdf = rows
    assert year.figure == 66 and year.ratio == pytest.approx(2.0) and year.met == "yes"
    assert month.anchor == 8 and month.met == "NO"
    assert pdf.figure == 48 and pdf.met == "-"


def test_documents_audit_and_demo_stages() -> None:
    receipt, application, desk = guard.parse_documents({"bench": DOCUMENTS, "pdf": PDF})
    assert receipt.figure == 27.97 and receipt.met == "NO" and receipt.ratio == pytest.approx(55.94)
    assert application.figure == 10.26 and desk.figure == 11.08
    record, verify, opened = guard.parse_audit({"bench": AUDIT})
    assert (record.figure, verify.figure, opened.ratio) == (1.41, 0.37, 4.0)
    pki, approvals, stages = guard.parse_demo_stages({"bench": STAGES})
    assert (
        pki.figure == 0.91
        and approvals.measure == "demo seed, 400 signed approvals"
        and stages.figure == 2.84
    )


def test_a_changed_bench_line_is_reported_not_skipped() -> None:
    with pytest.raises(guard.Unreadable):
        guard.parse_audit({"bench": AUDIT.replace("verify:", "checked:")})
    with pytest.raises(guard.Unreadable):
        guard.parse_worklist({"bench": WORKLIST, "prefix": "no anchor here", "window": WINDOW})
    with pytest.raises(guard.Unreadable):
        guard.parse_sync({"bench": "generated 1,000 signed approvals in 0.6 s\n"})


def test_the_table_has_every_column_and_one_line_per_row() -> None:
    rows = guard.parse_reports({"bench": REPORTS, "scan": SCAN})
    printed = guard.table(rows).splitlines()
    assert printed[0].split() == ["measure", "figure", "anchor", "ratio", "target", "met",
                                  "anchor", "is"]  # fmt: skip
    assert len(printed) == 2 + len(rows)
    assert "2.00x" in printed[2] and "66.0 ms" in printed[2] and "33.0 ms" in printed[2]
    assert printed[4].split()[-1] == "-"  # no anchor, no ratio: dashes, not zeros


def test_a_crashing_bench_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    crash = tmp_path / "crash.py"
    crash.write_text("raise SystemExit('the store is gone')\n")
    bench = guard.Bench("bench_crash", {"bench": [str(crash)]}, guard.parse_audit)
    rows, error = guard.run(bench, timeout=60)
    assert rows == [] and error is not None and "the store is gone" in error


def test_the_sync_bench_makes_no_approval_signed_after_now() -> None:
    """Its approvals are dated up to the bench's TODAY and made at 10:00 Astana time; central
    rightly refuses one signed in the future, so TODAY must leave none after now (with
    TODAY = today's UTC date the bench failed every night between 00:00 and 05:00 UTC)."""
    from datetime import UTC, datetime, time

    from workstation.domain.clock import KAZAKHSTAN_TIME

    spec = importlib.util.spec_from_file_location("bench_sync", BENCH.parent / "bench_sync.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(BENCH.parent))
    try:
        spec.loader.exec_module(bench)
    finally:
        sys.path.remove(str(BENCH.parent))
    latest = datetime.combine(bench.TODAY, time(10, 0), KAZAKHSTAN_TIME)
    # The earliest moment of any day on which the bench may run: 00:00 UTC.
    earliest_run = datetime.combine(datetime.now(UTC).date(), time(0, 0), UTC)
    assert latest <= earliest_run, (latest, earliest_run)
