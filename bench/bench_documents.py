"""Times the printed documents: N application forms and N acknowledgement slips, median and p95.

Run: python bench/bench_documents.py [N]. Font registration happens once before timing,
as it does once per process in the application.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workstation.documents import render_application, render_receipt
from workstation.documents.fonts import register_fonts
from workstation.documents.samples import (
    sample_application,
    sample_application_long,
    sample_receipt,
)


def time_renders(render: Callable[[int], bytes], count: int) -> list[float]:
    """Milliseconds for each of ``count`` renders; ``render`` gets the run number."""
    timings = []
    for run in range(count):
        started = time.perf_counter()
        render(run)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def report(name: str, timings: list[float]) -> None:
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    print(
        f"{name:<28} n={len(ordered):<4} median {statistics.median(ordered):6.2f} ms"
        f"   p95 {p95:6.2f} ms   min {ordered[0]:6.2f} ms"
    )


def desk_case(count: int) -> None:
    """The whole print path of the desk: read a ready case, judge the checklist, render."""
    import tempfile

    from tests.core.conftest import CLERK, CaseBook
    from workstation.domain.clock import FixedClock
    from workstation.domain.programme import DEFAULT_RULES
    from workstation.services.context import DeskContext
    from workstation.services.printing import PrintDesk
    from workstation.store.local import LocalStore
    from workstation.sync.demo_seed import make_approvals

    clock = FixedClock(datetime(2026, 11, 21, 6, 30, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as folder:
        store = LocalStore.open(Path(folder) / "desk", create=True)
        book = CaseBook(store, DEFAULT_RULES, clock)
        approvals = [
            a
            for a in make_approvals(200, seed=7, today=clock.today())
            if a.birth_date.year < 2006
            and a.passport_expiry > clock.today() + timedelta(days=400)
            and a.approval_date < clock.today() - timedelta(days=2)
            and a.approval_date >= clock.today() - timedelta(days=28)
        ][:20]
        for approval in approvals:
            book.approve(approval)
            book.arrive(approval.case_id, clock.today() - timedelta(days=1))
            book.all_steps(approval.case_id)
        printer = PrintDesk(
            DeskContext(
                store, actor=CLERK, workstation_id="WS-BENCH", rules=DEFAULT_RULES, clock=clock
            )
        )
        ids = [a.case_id for a in approvals]
        printer.application(ids[0])
        report(
            "application (desk case)",
            time_renders(lambda n: printer.application(ids[n % len(ids)]).pdf, count),
        )
        store.close()


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    started = time.perf_counter()
    register_fonts()
    print(f"font registration (once per process): {(time.perf_counter() - started) * 1000:.1f} ms")
    normal = sample_application()
    long = sample_application_long()
    # Distinct case ids per run so no layer can serve a cached document.
    applications = [replace(normal, case_id=f"DNR-AST-2025-{n:06d}") for n in range(count)]
    receipts = [sample_receipt(application) for application in applications]
    render_application(normal)  # warm-up: first use imports and builds glyph caches
    render_receipt(receipts[0])
    report(
        "application (normal)", time_renders(lambda n: render_application(applications[n]), count)
    )
    report("application (long names)", time_renders(lambda n: render_application(long), count))
    report("receipt (with QR)", time_renders(lambda n: render_receipt(receipts[n]), count))
    desk_case(count)
    application_kib = len(render_application(normal)) / 1024
    receipt_kib = len(render_receipt(receipts[0])) / 1024
    print(f"PDF size: application {application_kib:.1f} KiB, receipt {receipt_kib:.1f} KiB")


if __name__ == "__main__":
    main()
