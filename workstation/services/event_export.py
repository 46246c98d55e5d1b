"""Export one journalled event so that any outside tool can check its signature.

The files: event.json (the exact canonical bytes that were signed), event.p7s (the detached
CMS signature, DER), signers.pem (the signer certificates from the desk's registry),
trust.pem (the desk's trust store: roots and intermediate CAs) and verify.sh, which runs

    openssl cms -verify -binary -inform DER -in event.p7s -content event.json \\
        -certfile signers.pem -CAfile trust.pem -purpose any -out /dev/null

`-purpose any` because NCA RK signing certificates carry the e-mail protection purpose
and their policy OIDs, not S/MIME's.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from sqlalchemy import select

from workstation.journal.certificates import load_registry
from workstation.journal.projector import event_from_row
from workstation.security.cms_fast import NotFastPath, read_signer_infos
from workstation.security.eds import EmptyTrustStore, TrustStore
from workstation.security.private_files import private_dir, write_private
from workstation.services.login import load_login_settings
from workstation.store.local import LocalStore
from workstation.store.models import journal

OPENSSL_VERIFY = (
    "openssl cms -verify -binary -inform DER -in event.p7s -content event.json "
    "-certfile signers.pem -CAfile trust.pem -purpose any -out /dev/null"
)


class EventNotExportable(Exception):
    """The event is unknown, unsigned, or its signer's certificate is not on this desk."""


def export_event(store: LocalStore, data_dir: Path, event_id: str, out: Path) -> list[Path]:
    """Write the files named above into `out` (created); returns their paths."""
    with store.reading() as conn:
        row = conn.execute(select(journal).where(journal.c.event_id == event_id)).first()
        registry = load_registry(conn)
    if row is None:
        raise EventNotExportable(f"No event {event_id!r} in this desk's journal.")
    event = event_from_row(row)
    if not event.signature:
        raise EventNotExportable(f"Event {event_id} is not signed: there is nothing to check.")
    try:
        infos = read_signer_infos(event.signature)
    except NotFastPath:
        infos = []
    signers: list[x509.Certificate] = []
    for info in infos:
        certificate = registry.by_issuer_serial(info.issuer_der, info.serial)
        if certificate is None:
            raise EventNotExportable(
                f"The certificate of a signer of {event_id} (serial {info.serial:x}) is not on "
                "this desk; sync first."
            )
        signers.append(certificate)
    settings = load_login_settings(store, data_dir)
    try:
        trust = TrustStore.from_pem_dir(settings.trust_dir)
    except (EmptyTrustStore, OSError, ValueError) as error:
        raise EventNotExportable(f"This desk's trust store cannot be read: {error}") from None
    private_dir(out)
    pem = serialization.Encoding.PEM
    files = {
        "event.json": event.signed_bytes(),
        "event.p7s": event.signature,
        "signers.pem": b"".join(c.public_bytes(pem) for c in signers),
        # openssl takes -certfile certificates for finding signers, not for building the
        # chain: the trust store's intermediate CAs go in the CA file with its roots.
        "trust.pem": b"".join(c.public_bytes(pem) for c in [*trust.anchors, *trust.intermediates]),
        "verify.sh": f'#!/bin/sh\ncd "$(dirname "$0")" && {OPENSSL_VERIFY}\n'.encode(),
    }
    written = []
    for name, data in files.items():
        path = out / name
        write_private(path, data)  # the event names the applicant: the desk's user only
        if name == "verify.sh":
            os.chmod(path, 0o700)
        written.append(path)
    return written
