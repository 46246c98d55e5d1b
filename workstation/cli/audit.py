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
from workstation.services.audit_central import compare_with_central, pinned_trust
from workstation.store.local import LocalStore, get_setting

EXIT_BROKEN = 3
_NO_ID = "this desk"


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
    verify.add_argument(
        "--offline",
        action="store_true",
        help="do not compare with central's copy (by default the desk's central connection "
        "is used when it has one)",
    )
    verify.add_argument(
        "--config", type=Path, default=None, metavar="FILE",
        help="the desk settings file naming central (default: the desk's)",
    )  # fmt: skip
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
        records, note = (None, None) if args.offline else _central_copy(args, log.workstation_id)
        comparison = compare_with_central(store, records) if records is not None else None
        if trust is None and comparison is not None and comparison.desk_cas:
            # Central's copy names the desk CA the desk started with: a CA added to the
            # store later (a store rebuilt around another desk key) does not count.
            trust = pinned_trust(log.trust(), comparison.desk_cas)
            if trust is None:
                print(
                    f"{log.workstation_id}: The audit trail is BROKEN at entry 1 "
                    "(bad_signature): none of the desk CA certificates in the store is the "
                    "one central's copy names for this desk: the store was rebuilt with "
                    "another desk key."
                )
                return EXIT_BROKEN
        result = log.verify(trust=trust)
    finally:
        store.close()
    print(f"{log.workstation_id}: {result.summary()}")
    for fingerprint in result.desk_ca_fingerprints:
        print(f"  checked against desk CA SHA-256 {fingerprint}")
    if note:
        print(f"  {note}")
    if comparison is not None:
        print(f"{log.workstation_id}: {comparison.summary()}")
        if comparison.unreadable:
            print(f"  {comparison.unreadable} of central's records could not be read")
    broken = not result.ok or (comparison is not None and not comparison.ok)
    return EXIT_BROKEN if broken else 0


def _central_copy(
    args: argparse.Namespace, workstation_id: str
) -> tuple[list[Any] | None, str | None]:
    """(central's copy of this desk's entries, or None with a note saying why not)."""
    from sqlalchemy.exc import SQLAlchemyError

    from workstation.sync.config import load_settings, stored_password
    from workstation.sync.gateway import CentralError, CentralGateway

    only_desk = "checked this desk's copy only"
    try:
        settings = load_settings(args.config)
    except CentralError as error:  # SettingsInvalid
        return None, f"the desk settings cannot be used ({error}); {only_desk}"
    if settings is None:
        return None, f"no central connection is set up; {only_desk}"
    if workstation_id == _NO_ID:
        return None, f"the store names no workstation id; {only_desk}"
    try:
        gateway = CentralGateway(
            settings.central_url, password=stored_password(settings.central_url)
        )
    except (CentralError, SQLAlchemyError, ValueError) as error:
        return None, f"central cannot be reached ({error}); {only_desk}"
    try:
        return list(gateway.audit_records(workstation_id)), None
    except (CentralError, SQLAlchemyError, ValueError) as error:  # ValueError: a bad row
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        return None, f"central cannot be reached ({reason}); {only_desk}"
    finally:
        gateway.dispose()


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
        workstation_id = get_setting(conn, "workstation_id") or _NO_ID
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
