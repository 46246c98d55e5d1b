"""Demo mode: an embedded central with sample approvals, and a desk of its own that pulls them."""

from __future__ import annotations

import threading
from pathlib import Path

from workstation.domain.clock import Clock
from workstation.domain.programme import ProgrammeRules
from workstation.journal.envelope import Actor
from workstation.journal.signing import SignerOrganisations, Verification
from workstation.security.demo_setup import ensure_demo_pki
from workstation.security.eds import TrustStore, load_crls_from_dir
from workstation.security.pki import MIGRATION_BIN, MINISTRY_BIN, DemoKeyPool
from workstation.security.private_files import private_dir
from workstation.security.tsa_simulator import TsaServer, TsaSimulator, load_or_create_authority
from workstation.services.demo_stages import DEMO_STAGE_SHARE, StageStaff, seed_stages
from workstation.services.setup import DeskSession, desk_identity, remember_central_url
from workstation.store.local import LocalStore
from workstation.sync.config import TsaSettings
from workstation.sync.demo_seed import ApprovalSigners, seed_central
from workstation.sync.gateway import CentralGateway

DEMO_CASES = 400
PKI_FOLDER = "pki"  # the demo PKI, under the demo data folder
TSA_FOLDER = "tsa"  # the demo TSA simulator's keys and trust folder
DEMO_CITY = "Astana"
CENTRAL_FILE = "demo-central.sqlite3"
# A demo clerk until EDS log-in exists; the IIN is a valid one made for the demo.
DEMO_CLERK = Actor(iin="910517400017", name="DEMO CLERK", role="clerk")


def central_url_for(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / CENTRAL_FILE}"


def ensure_demo_central(
    data_dir: Path,
    clock: Clock,
    *,
    cases: int = DEMO_CASES,
    signers: ApprovalSigners | None = None,
    staff: StageStaff | None = None,
    stage_share: float = 0.0,
) -> str:
    """Create and seed the embedded central on first run; returns its URL. With `signers`
    (the demo ministry and migration service keys) the approvals are signed; with `staff`
    (the demo clerk and officer) a share of the cases is also carried through the desk's
    stages, their events signed by that staff (services.demo_stages)."""
    private_dir(data_dir)  # the demo desk's store goes here too
    url = central_url_for(data_dir)
    first_run = not (data_dir / CENTRAL_FILE).exists()
    gateway = CentralGateway(url, clock=clock)  # the embedded central shares the desk's clock
    try:
        gateway.init_schema()
        if first_run:
            seed_central(gateway, cases, seed=2026, today=clock.today(), signers=signers)
            if staff is not None and stage_share > 0:
                seed_stages(
                    gateway,
                    staff,
                    seed=2026,
                    today=clock.today(),
                    signers=signers,
                    share=stage_share,
                )
    finally:
        gateway.dispose()
    return url


def open_demo_session(
    data_dir: Path,
    rules: ProgrammeRules,
    clock: Clock,
    *,
    cases: int = DEMO_CASES,
    keys: DemoKeyPool | None = None,
    stage_share: float = 0.0,
    tsa: bool = False,
) -> DeskSession:
    """The demo desk, ready to open; the caller syncs it (in the background in the app).
    The demo PKI comes first: its ministry and migration service keys sign the approvals,
    and its clerk and officer sign the events of the cases carried through the stages
    (`stage_share` of them: the app passes DEMO_STAGE_SHARE; the default 0 leaves every
    case approved only, which the UI tests' fixtures are built on). With `tsa` a local TSA
    simulator runs for the desk's life and its events are time-stamped before each push."""
    pki = ensure_demo_pki(data_dir / PKI_FOLDER, clock.now(), keys=keys)
    signers = ApprovalSigners.from_files(pki.ministry_p12, pki.migration_service_p12, pki.password)
    url = ensure_demo_central(
        data_dir,
        clock,
        cases=cases,
        signers=signers,
        staff=StageStaff.from_pki(pki),
        stage_share=stage_share,
    )
    store = LocalStore.open(data_dir, create=True)
    remember_central_url(store, url)
    # The demo's trust store comes before its first pull: nothing pulled goes unverified.
    verification = Verification(
        TrustStore.from_pem_dir(pki.trust_dir),
        SignerOrganisations(frozenset({MINISTRY_BIN}), frozenset({MIGRATION_BIN})),
        tuple(load_crls_from_dir(pki.crl_dir)),
        max_delay=None,  # the staged history is recorded days before central gets it
    )
    return DeskSession(
        store=store,
        identity=desk_identity(store, DEMO_CITY),
        actor=DEMO_CLERK,
        rules=rules,
        clock=clock,
        central_url=url,
        demo=True,
        verification=verification,
        tsa=start_demo_tsa(data_dir / TSA_FOLDER, clock)[0] if tsa else None,
    )


def start_demo_tsa(folder: Path, clock: Clock) -> tuple[TsaSettings, TsaServer]:
    """A TSA simulator (DEMO keys kept in `folder`) serving on 127.0.0.1 in a daemon
    thread, and the [tsa] settings that stamp with it and trust it."""
    authority = load_or_create_authority(folder, clock.now())
    server = TsaServer(TsaSimulator(authority))
    threading.Thread(target=server.serve_forever, name="demo-tsa", daemon=True).start()
    return TsaSettings(url=server.url, trust_dir=folder / "trust"), server


__all__ = ["DEMO_STAGE_SHARE", "ensure_demo_central", "open_demo_session", "start_demo_tsa"]
