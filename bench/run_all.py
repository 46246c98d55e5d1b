"""Every benchmark in bench/, each beside its anchor from the same run, in one table of ratios.

    .venv/bin/python bench/run_all.py --quick     # small sizes, about a minute or two
    .venv/bin/python bench/run_all.py             # the benches' own (full) sizes

Each bench runs as its own process; its printed figures are read back here, and the anchors
the benches do not print themselves come from bench/anchors.py run on the same stores. A
bench that crashes (or whose output can no longer be read) is reported and the rest go on;
the exit status is non-zero only then, never for a missed target. bench_bundle needs a
PyInstaller build (minutes) and runs only with --bundle.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
TODAY = "2026-11-21"  # bench_worklist's and bench_reports' default day (their store names)


@dataclass(frozen=True)
class Row:
    """One line of the table: a figure, its anchor (same unit) and its target."""

    measure: str
    figure: float
    unit: str
    anchor: float | None = None
    anchor_name: str = ""
    target: str = "-"
    limit: float | None = None  # the figure must stay under this (in `unit`)
    max_ratio: float | None = None  # or the figure / anchor must stay under this

    @property
    def ratio(self) -> float | None:
        return self.figure / self.anchor if self.anchor else None

    @property
    def met(self) -> str:
        if self.max_ratio is not None and self.ratio is not None:
            return "yes" if self.ratio <= self.max_ratio else "NO"
        if self.limit is not None:
            return "yes" if self.figure < self.limit else "NO"
        return "-"


class Unreadable(Exception):
    """A bench's output no longer has the line the guard reads."""


def find(pattern: str, text: str) -> re.Match[str]:
    match = re.search(pattern, text, re.MULTILINE)
    if match is None:
        raise Unreadable(f"no line matching {pattern!r}")
    return match


def anchor(text: str) -> tuple[str, float]:
    """The `ANCHOR {json}` line bench/anchors.py prints last."""
    data = json.loads(find(r"^ANCHOR (\{.*\})$", text).group(1))
    return str(data["anchor"]), float(data["value"])


def parse_sync(out: dict[str, str]) -> list[Row]:
    rows = []
    for section in re.split(r"^(?=\w+ central$)", out["bench"], flags=re.MULTILINE)[1:]:
        backend = section.split()[0]
        pull = find(r"first pull: ([\d,]+) events.* in ([\d.]+) s", section)
        bulk = float(find(r"bulk insert of the same .*: ([\d.]+) s", section).group(1))
        idle = float(find(r"no-change sync: .*p95 ([\d.]+) ms", section).group(1))
        rows += [
            Row(f"first pull, {pull.group(1)} signed, {backend}", float(pull.group(2)), "s",
                bulk, "bulk insert of the same rows", "<= 3x anchor (issue 6)", max_ratio=3),
            Row(f"no-change sync p95, {backend}", idle, "ms", target="< 20 ms", limit=20),
        ]  # fmt: skip
    if not rows:
        raise Unreadable("no backend section")
    return rows


def parse_worklist(out: dict[str, str]) -> list[Row]:
    name, floor = anchor(out["prefix"])
    cases = find(r"worklist search over ([\d,]+) cases", out["bench"]).group(1)
    rows = []
    for match in re.finditer(
        r"^(\S.*?)\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)$", out["bench"], re.MULTILINE
    ):
        rows.append(
            Row(f"search p95, {match.group(1)}, {cases} cases", float(match.group(4)), "ms",
                floor, name, "p95 < 30 ms at 1M (issue 20)", limit=30)
        )  # fmt: skip
    if not rows:
        raise Unreadable("no search table")
    start = find(r"cold start .*?, ([\d,]+) cases", out["bench"]).group(1)
    shown = float(find(r"process start to shown: median (\d+) ms", out["bench"]).group(1))
    name, bare = anchor(out["window"])
    rows.append(Row(f"cold start to shown window, {start} cases", shown, "ms", bare, name,
                    "<= 3.5x anchor (issue 20)", max_ratio=3.5))  # fmt: skip
    return rows


def parse_reports(out: dict[str, str]) -> list[Row]:
    name, floor = anchor(out["scan"])
    events = find(r"store: ([\d,]+) journal rows", out["bench"]).group(1)
    found = {
        m.group(1): (float(m.group(2)), float(m.group(3)))
        for m in re.finditer(
            r"^(.+?)\s+query median\s+(\d+) ms\s+PDF\s+(\d+) ms", out["bench"], re.MULTILINE
        )
    }
    try:
        year, month_city, month_all = (
            found[k] for k in ("year, all centers", "month, Astana", "month, all centers")
        )
    except KeyError as missing:
        raise Unreadable(f"no report line {missing}") from None
    return [
        Row(f"report query, year, {events} events", year[0], "ms", floor, name,
            "< 1 s at 1M events (issue 20)", limit=1000),
        Row("report query, month of Astana", month_city[0], "ms", month_all[0],
            "month of all centers", "<= 1x anchor (issue 20)", max_ratio=1),
        Row("report PDF, year", year[1], "ms", target="-"),
    ]  # fmt: skip


def _median(label: str, text: str) -> float:
    return float(find(rf"^{re.escape(label)}\s+n=\d+\s+median\s+([\d.]+) ms", text).group(1))


def parse_documents(out: dict[str, str]) -> list[Row]:
    name, floor = anchor(out["pdf"])
    text = out["bench"]
    return [
        Row("receipt PDF (with QR), median", _median("receipt (with QR)", text), "ms", floor,
            name, "< 20 ms (issue 20)", limit=20),
        Row("application PDF, median", _median("application (normal)", text), "ms", floor,
            name, "- (15 ms in issue 20)"),
        Row("application PDF (desk case), median", _median("application (desk case)", text),
            "ms", floor, name),
    ]  # fmt: skip


def parse_audit(out: dict[str, str]) -> list[Row]:
    text = out["bench"]
    record = find(r"record: (\d+) entries, median [\d.]+ ms, p95 ([\d.]+) ms", text)
    verify = float(find(r"verify: .*\(([\d.]+) ms per entry\)", text).group(1))
    opened = find(r"open: encrypted store median ([\d.]+) ms.*plain SQLite ([\d.]+) ms", text)
    return [
        Row(f"audit record p95 ({record.group(1)} entries)", float(record.group(2)), "ms"),
        Row("audit verify, per entry", verify, "ms"),
        Row("open encrypted store, median", float(opened.group(1)), "ms",
            float(opened.group(2)), "plain SQLite open"),
    ]  # fmt: skip


def parse_demo_stages(out: dict[str, str]) -> list[Row]:
    text = out["bench"]
    pki = float(find(r"^demo PKI\s+([\d.]+) s", text).group(1))
    approvals = find(r"^(\d+) approvals\s+([\d.]+) s", text)
    stages = float(find(r"^stages \(share [\d.]+\)\s+([\d.]+) s", text).group(1))
    return [
        Row("demo PKI", pki, "s"),
        Row(f"demo seed, {approvals.group(1)} signed approvals", float(approvals.group(2)), "s"),
        Row("demo stages", stages, "s"),
    ]


@dataclass(frozen=True)
class Bench:
    name: str
    commands: dict[str, list[str]]  # "bench" and its anchors: script and arguments
    parse: Callable[[dict[str, str]], list[Row]]


def benches(quick: bool) -> list[Bench]:
    """Quick sizes keep the whole run under a few minutes; stores are made once in bench/out/."""
    cases, start = (100_000, 20_000) if quick else (1_000_000, 100_000)
    events = 200_000 if quick else 1_000_000
    store = str(BENCH / "out" / f"store-{cases}-{TODAY}")
    reports = str(BENCH / "out" / f"reports-{events}-{TODAY}")
    small = quick
    return [
        Bench("bench_sync", {"bench": ["bench_sync.py", *(
            ["--cases", "5000", "--runs", "20"] if small else [])]}, parse_sync),
        Bench("bench_worklist", {
            "bench": ["bench_worklist.py", "--cases", str(cases), "--start-cases", str(start),
                      *(["--samples", "60", "--runs", "5"] if small else [])],
            "prefix": ["anchors.py", "prefix", "--store", store],
            "window": ["anchors.py", "window", "--runs", "5" if small else "7"],
        }, parse_worklist),
        Bench("bench_reports", {
            "bench": ["bench_reports.py", "--events", str(events),
                      *(["--runs", "3"] if small else [])],
            "scan": ["anchors.py", "scan", "--store", reports],
        }, parse_reports),
        Bench("bench_documents", {
            "bench": ["bench_documents.py", *(["50"] if small else [])],
            "pdf": ["anchors.py", "pdf", "--runs", "50" if small else "200"],
        }, parse_documents),
        Bench("bench_audit", {"bench": ["bench_audit.py", *(["500"] if small else [])]},
              parse_audit),
        Bench("bench_demo_stages", {"bench": ["bench_demo_stages.py"]}, parse_demo_stages),
    ]  # fmt: skip


def run(bench: Bench, timeout: float) -> tuple[list[Row], str | None]:
    """The bench's rows, or none and why it failed; anchors run after the bench (its stores)."""
    out: dict[str, str] = {}
    for key, (script, *args) in bench.commands.items():
        try:
            done = subprocess.run(
                [sys.executable, str(BENCH / script), *args],
                capture_output=True, text=True, timeout=timeout, cwd=ROOT,
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            return [], f"{script} took over {timeout:.0f} s"
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
            return [], f"{script} exited {done.returncode}: " + " | ".join(tail)
        out[key] = done.stdout
    try:
        return bench.parse(out), None
    except Unreadable as error:
        return [], f"output not understood ({error})"


def _num(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:,.0f}" if value >= 100 else f"{value:.3g}" if value < 1 else f"{value:.1f}"


def table(rows: list[Row]) -> str:
    head = ("measure", "figure", "anchor", "ratio", "target", "met", "anchor is")
    cells = [
        (r.measure, f"{_num(r.figure)} {r.unit}",
         f"{_num(r.anchor)} {r.unit}" if r.anchor is not None else "-",
         f"{r.ratio:.2f}x" if r.ratio is not None else "-", r.target, r.met, r.anchor_name or "-")
        for r in rows
    ]  # fmt: skip
    widths = [max(len(str(c[i])) for c in [head, *cells]) for i in range(len(head))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)).rstrip()
             for line in [head, *cells]]  # fmt: skip
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (a few minutes)")
    parser.add_argument("--bundle", action="store_true", help="also bench_bundle (builds)")
    parser.add_argument("--only", help="comma-separated bench names")
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args(argv)
    chosen = benches(args.quick)
    if args.only:
        chosen = [b for b in chosen if b.name in args.only.split(",")]
    rows: list[Row] = []
    failed: list[str] = []
    started = time.perf_counter()
    for bench in chosen:
        began = time.perf_counter()
        print(f"running {bench.name} ...", end=" ", flush=True)
        got, error = run(bench, args.timeout)
        print(f"{time.perf_counter() - began:.0f} s" + (f"  FAILED: {error}" if error else ""))
        rows += got
        if error:
            failed.append(bench.name)
    if not args.bundle:
        print("bench_bundle skipped: it needs a PyInstaller build (minutes); --bundle runs it")
    else:
        done = subprocess.run([sys.executable, str(BENCH / "bench_bundle.py")], cwd=ROOT)
        if done.returncode != 0:
            failed.append("bench_bundle")
    print(f"\nall benches in {time.perf_counter() - started:.0f} s\n")
    print(table(rows))
    if failed:
        print(f"\ncrashed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
