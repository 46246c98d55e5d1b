"""`dnr-workstation audit ...`: check and read this desk's audit trail (Decree 832).

`audit verify` exits with 0 when every entry's hash, link and signature are good, and with 3
when the chain is broken, naming the first broken entry (1 is for errors such as a missing
data directory or database key). Verifying adds no entry and changes none.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from cryptography import x509

from workstation.domain.clock import SystemClock
from workstation.security.canonical import canonical_datetime
from workstation.security.eds import TrustStore
from workstation.services.audit import AuditLog
from workstation.store.local import LocalStore, get_setting

EXIT_BROKEN = 3


class AuditCommandFailed(Exception):
    """The audit command could not run; the message is printed as `error: ...`."""


def add_audit_parser(commands: Any) -> Any:
    """Add `audit verify` and `audit list`; returns the actions object, so other actions
    (e.g. `export-event`) can be added with `add_parser(...)` and
    `set_defaults(audit_run=handler)`, where handler(args) returns the exit status."""
    audit = commands.add_parser("audit", help="check and read this desk's audit trail")
    actions = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = actions.add_parser(
        "verify",
        help="check the hash chain and signatures; name the first broken entry",
        description=(
            "Check that no audit entry was changed, deleted, inserted or reordered. "
            "Exit status 0: intact; 3: broken (the first broken entry is named); 1: error."
        ),
    )
    verify.add_argument("--data-dir", type=Path, default=None, metavar="DIR")
    verify.add_argument(
        "--trust",
        type=Path,
        default=None,
        metavar="PEM",
        help="the desk CA certificate as central holds it (default: the one in the store)",
    )
    show = actions.add_parser("list", help="print the newest audit entries")
    show.add_argument("--data-dir", type=Path, default=None, metavar="DIR")
    show.add_argument("--limit", type=int, default=50, metavar="N")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    export = actions.add_parser(
        "export-event",
        help="write an event's signed bytes, signature and signer certificate for openssl",
        description=(
            "Write EVENT_ID's canonical bytes (event.json), its detached CMS signature "
            "(event.p7s, DER), the signer certificates (signers.pem) and this desk's trust "
            "store (trust.pem) to DIR, with the openssl command that checks them "
            "(verify.sh). The export is recorded in the audit trail."
        ),
    )
    export.add_argument("event_id", metavar="EVENT_ID")
    export.add_argument("--out", type=Path, required=True, metavar="DIR")
    export.add_argument("--data-dir", type=Path, default=None, metavar="DIR")
    verify.set_defaults(audit_run=_run_verify)
    show.set_defaults(audit_run=_run_list)
    export.set_defaults(audit_run=_run_export_event)
    return actions


def run_audit(args: argparse.Namespace) -> int:
    run: Any = args.audit_run
    return int(run(args))


def _run_verify(args: argparse.Namespace) -> int:
    trust = _load_trust(args.trust) if args.trust is not None else None
    store = _open(args.data_dir)
    try:
        log = _audit_log(store)
        result = log.verify(trust=trust)
    finally:
        store.close()
    print(f"{log.workstation_id}: {result.summary()}")
    for fingerprint in result.desk_ca_fingerprints:
        print(f"  checked against desk CA SHA-256 {fingerprint}")
    return 0 if result.ok else EXIT_BROKEN


def _run_list(args: argparse.Namespace) -> int:
    store = _open(args.data_dir)
    try:
        entries = _audit_log(store).newest(max(args.limit, 0))
    finally:
        store.close()
    records = [
        {
            "seq": e.seq,
            "at": canonical_datetime(e.at),
            "action": e.action.value,
            "actor_iin": e.actor_iin,
            "subject": e.subject,
            "details": dict(e.details),
        }
        for e in entries
    ]
    if args.json:
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return 0
    for r in records:
        who = r["actor_iin"] or "-"
        print(f"{r['seq']:>7}  {r['at']}  {r['action']:<18} {who:<12}  {r['subject']}")
    return 0


def _run_export_event(args: argparse.Namespace) -> int:
    from workstation.services.event_export import EventNotExportable, export_event

    data_dir = _data_dir(args.data_dir)
    store = LocalStore.open(data_dir)
    try:
        try:
            files = export_event(store, data_dir, args.event_id, args.out)
        except EventNotExportable as error:
            raise AuditCommandFailed(str(error)) from None
        _audit_log(store).exported(None, "event", args.event_id, details={"channel": "cli"})
    finally:
        store.close()
    print(f"event {args.event_id} written to {args.out}:")
    for path in files:
        print(f"  {path.name}")
    print(f"check it with: sh {args.out / 'verify.sh'}")
    return 0


def _data_dir(data_dir: Path | None) -> Path:
    if data_dir is None:
        from workstation.services.setup import default_data_dir

        return default_data_dir()
    return data_dir


def _audit_log(store: LocalStore) -> AuditLog:
    with store.reading() as conn:
        workstation_id = get_setting(conn, "workstation_id") or "this desk"
    return AuditLog(store, workstation_id=workstation_id, clock=SystemClock())


def _open(data_dir: Path | None) -> LocalStore:
    if data_dir is None:
        from workstation.services.setup import default_data_dir

        data_dir = default_data_dir()
    return LocalStore.open(data_dir)


def _load_trust(path: Path) -> TrustStore:
    try:
        data = path.read_bytes()
        certificates = (
            x509.load_pem_x509_certificates(data)
            if b"-----BEGIN" in data
            else [x509.load_der_x509_certificate(data)]
        )
        return TrustStore.from_certs(certificates)
    except (OSError, ValueError) as error:
        raise AuditCommandFailed(
            f"{path} is not a readable certificate file (PEM or DER): {error}"
        ) from None
