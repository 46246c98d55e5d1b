"""Demo mode: an embedded central with sample approvals, and a desk of its own that pulls them."""

from __future__ import annotations

from pathlib import Path

from workstation.domain.clock import Clock
from workstation.domain.programme import ProgrammeRules
from workstation.journal.envelope import Actor
from workstation.services.setup import DeskSession, desk_identity, remember_central_url
from workstation.store.local import LocalStore
from workstation.sync.demo_seed import seed_central
from workstation.sync.gateway import CentralGateway

DEMO_CASES = 400
DEMO_CITY = "Astana"
CENTRAL_FILE = "demo-central.sqlite3"
# A demo clerk until EDS log-in exists; the IIN is a valid one made for the demo.
DEMO_CLERK = Actor(iin="910517400017", name="DEMO CLERK", role="clerk")


def central_url_for(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / CENTRAL_FILE}"


def ensure_demo_central(data_dir: Path, clock: Clock, *, cases: int = DEMO_CASES) -> str:
    """Create and seed the embedded central on first run; returns its URL."""
    data_dir.mkdir(parents=True, exist_ok=True)
    url = central_url_for(data_dir)
    first_run = not (data_dir / CENTRAL_FILE).exists()
    gateway = CentralGateway(url)
    try:
        gateway.init_schema()
        if first_run:
            seed_central(gateway, cases, seed=2026, today=clock.today())
    finally:
        gateway.dispose()
    return url


def open_demo_session(
    data_dir: Path, rules: ProgrammeRules, clock: Clock, *, cases: int = DEMO_CASES
) -> DeskSession:
    """The demo desk, ready to open; the caller syncs it (in the background in the app)."""
    url = ensure_demo_central(data_dir, clock, cases=cases)
    store = LocalStore.open(data_dir, create=True)
    remember_central_url(store, url)
    return DeskSession(
        store=store,
        identity=desk_identity(store, DEMO_CITY),
        actor=DEMO_CLERK,
        rules=rules,
        clock=clock,
        central_url=url,
        demo=True,
    )
