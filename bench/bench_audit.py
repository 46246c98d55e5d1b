"""Times the audit trail and the encrypted store: appending N entries, verifying them, and
opening the store (encrypted vs plain SQLite with the same schema).

Run: python bench/bench_audit.py [N]. Uses a throw-away data directory and key directory.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(count: int) -> None:
    scratch = Path(tempfile.mkdtemp(prefix="bench-audit-"))
    os.environ.setdefault("DNR_WORKSTATION_KEY_DIR", str(scratch / "keys"))
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    import logging

    logging.disable(logging.WARNING)  # the key-file warning is expected here
    from sqlalchemy import create_engine, text

    from workstation.domain.clock import SystemClock
    from workstation.journal.envelope import Actor
    from workstation.security.audit import AuditAction
    from workstation.services.audit import AuditLog
    from workstation.store.local import LocalStore

    clerk = Actor("850304400015", "BENCH CLERK", "clerk", "ab" * 32)
    store = LocalStore.open(scratch / "desk", create=True)
    audit = AuditLog(store, workstation_id="WS-BENCH", clock=SystemClock())
    audit.desk_key()
    timings = []
    for n in range(count):
        started = time.perf_counter()
        audit.record(AuditAction.VIEW_FINGERPRINTS, clerk, f"DNR-AST-26-{n:07d}", {"n": n})
        timings.append((time.perf_counter() - started) * 1000)
    ordered = sorted(timings)
    p95 = ordered[round(0.95 * (len(ordered) - 1))]
    print(
        f"record: {count} entries, median {statistics.median(timings):.2f} ms, "
        f"p95 {p95:.2f} ms (own transaction each)"
    )
    started = time.perf_counter()
    result = audit.verify()
    elapsed = time.perf_counter() - started
    assert result.ok, result.summary()
    print(
        f"verify: {result.entries} entries in {elapsed:.2f} s "
        f"({1000 * elapsed / result.entries:.2f} ms per entry)"
    )
    size = (scratch / "desk" / "desk.sqlite3").stat().st_size
    store.close()
    print(f"store size with {count} entries: {size / 1024:.0f} KiB")

    opens = []
    for _ in range(20):
        started = time.perf_counter()
        LocalStore.open(scratch / "desk").close()
        opens.append((time.perf_counter() - started) * 1000)
    plain_path = scratch / "plain.sqlite3"
    create_engine(f"sqlite:///{plain_path}").dispose()
    plain = []
    for _ in range(20):
        started = time.perf_counter()
        engine = create_engine(f"sqlite:///{plain_path}")
        with engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM sqlite_master"))
        engine.dispose()
        plain.append((time.perf_counter() - started) * 1000)
    shutil.rmtree(scratch, ignore_errors=True)
    print(
        f"open: encrypted store median {statistics.median(opens):.1f} ms "
        f"(key lookup, key, schema check); plain SQLite {statistics.median(plain):.1f} ms"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
