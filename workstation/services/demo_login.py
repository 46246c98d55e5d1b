"""Demo mode's log-in: the demo PKI in the demo folder, staff records for its keys, settings.

Never used outside demo mode: the keys it offers are DEMO keys (O=DEMO ..., CA "DEMO NCA RK").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from workstation.security.demo_setup import DemoLoginPki, ensure_demo_pki, refresh_demo_crls
from workstation.security.pki import MIGRATION_BIN, MINISTRY_BIN, DemoKeyPool
from workstation.services.demo import PKI_FOLDER
from workstation.services.login import LoginAudit, LoginService, LoginSettings, save_login_settings
from workstation.services.setup import DeskSession
from workstation.services.staff import StaffRecord, put_staff

DEMO_BRANCH = "TSON-AST-01"


@dataclass(frozen=True)
class DemoLogin:
    pki: DemoLoginPki
    service: LoginService


def prepare_demo_login(
    session: DeskSession,
    data_dir: Path,
    *,
    keys: DemoKeyPool | None = None,
    settings: LoginSettings | None = None,
    audit: LoginAudit | None = None,
) -> DemoLogin:
    """Make (or reuse) the demo PKI under `data_dir`/pki, add its staff to the desk's staff
    records, point the desk's log-in settings at it, and return the log-in service.

    Log-ins are audited in the desk's audit trail unless `audit` says where else."""
    if not session.demo:
        raise ValueError("The demo PKI is for demo desks only.")
    now = session.clock.now()
    pki = ensure_demo_pki(data_dir / PKI_FOLDER, now, keys=keys)
    city = session.identity.city or ""
    with session.store.transaction() as conn:
        for key in pki.staff_keys:
            assert key.iin is not None and key.role is not None
            put_staff(
                conn,
                StaffRecord(
                    iin=key.iin,
                    display_name=key.display_name,
                    role=key.role.value,
                    branch_id=DEMO_BRANCH,
                    city=city,
                ),
                now,
            )
    base = settings or LoginSettings.defaults_for(data_dir)
    chosen = LoginSettings(
        trust_dir=pki.trust_dir,
        crl_dir=pki.crl_dir,
        max_failures=base.max_failures,
        lockout=base.lockout,
        failure_window=base.failure_window,
        idle_lock=base.idle_lock,
        revocation=base.revocation,
        ministry_bins=(MINISTRY_BIN,),
        migration_bins=(MIGRATION_BIN,),
        # The demo's staged history is recorded days and weeks before central gets it.
        max_event_delay=None,
    )
    save_login_settings(session.store, chosen)
    service = LoginService(
        session.store,
        chosen,
        desk_city=session.identity.city,
        clock=session.clock,
        refresh_crls=lambda at: _refresh(pki, at),
        audit=audit if audit is not None else session.audit_log().record_event,
    )
    return DemoLogin(pki, service)


def _refresh(pki: DemoLoginPki, at: datetime) -> None:
    refresh_demo_crls(pki, at)
