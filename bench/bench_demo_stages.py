"""How long the demo's first start spends seeding: 400 signed approvals, then the share of
them carried through the stages (workstation.services.demo_stages). Prints the figures."""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from workstation.security.demo_setup import ensure_demo_pki
from workstation.services.demo import DEMO_CASES
from workstation.services.demo_stages import DEMO_STAGE_SHARE, StageStaff, seed_stages
from workstation.sync.demo_seed import ApprovalSigners, seed_central
from workstation.sync.gateway import CentralGateway


def main() -> None:
    share = float(sys.argv[1]) if len(sys.argv) > 1 else DEMO_STAGE_SHARE
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        started = time.perf_counter()
        pki = ensure_demo_pki(root / "pki", now)
        made_pki = time.perf_counter()
        signers = ApprovalSigners.from_files(
            pki.ministry_p12, pki.migration_service_p12, pki.password
        )
        gateway = CentralGateway(f"sqlite:///{root / 'central.sqlite3'}")
        gateway.init_schema()
        seed_central(gateway, DEMO_CASES, seed=2026, today=now.date(), signers=signers)
        seeded = time.perf_counter()
        staged = seed_stages(
            gateway, StageStaff.from_pki(pki), seed=2026, today=now.date(), signers=signers,
            share=share,
        )  # fmt: skip
        done = time.perf_counter()
        gateway.dispose()
    cases = sum(staged.stages.values())
    print(f"demo PKI             {made_pki - started:6.2f} s")
    print(f"{DEMO_CASES} approvals        {seeded - made_pki:6.2f} s")
    print(f"stages (share {share})  {done - seeded:6.2f} s  {cases} cases, {staged.events} events")
    for stage, n in sorted(staged.stages.items(), key=lambda item: item[0].value):
        print(f"    {stage.value:<24} {n}")


if __name__ == "__main__":
    main()
