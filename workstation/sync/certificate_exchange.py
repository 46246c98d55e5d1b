"""Certificates between this desk and central: each side gets the signer certificates it lacks."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from workstation.journal.certificates import known_fingerprints, remember_der
from workstation.store.local import LocalStore
from workstation.store.models import certificates
from workstation.sync.gateway import CentralGateway


def exchange_certificates(store: LocalStore, gateway: CentralGateway, now: datetime) -> int:
    """Send central the certificates it lacks and take the ones this desk lacks; returns
    how many this desk learnt."""
    with store.reading() as conn:
        here = known_fingerprints(conn)
    there = {f for f in gateway.certificate_fingerprints() if isinstance(f, str)}
    if here - there:
        with store.reading() as conn:
            ders = list(
                conn.execute(
                    select(certificates.c.der).where(
                        certificates.c.fingerprint.in_(sorted(here - there))
                    )
                ).scalars()
            )
        gateway.add_certificates(ders)
    missing = {f for f in there - here if isinstance(f, str)}
    if not missing:
        return 0
    fetched = gateway.certificates(missing)
    with store.transaction() as conn:
        return remember_der(conn, fetched, now)
