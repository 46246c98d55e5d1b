"""Headless commands for administrators, support staff and tests (no Qt is loaded here).

The one entry point (`main`, the parser) with the `sync` and `case` commands; each other
command group has its module beside it: central, print_cmd, report, audit."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from workstation import __version__
from workstation.cli.audit import AuditCommandFailed, add_audit_parser, run_audit
from workstation.cli.central import add_central_parser, run_central
from workstation.cli.print_cmd import add_print_parser, run_print
from workstation.cli.report import add_report_parser, run_report
from workstation.domain.clock import SystemClock
from workstation.domain.programme import DEFAULT_RULES
from workstation.journal.envelope import Actor
from workstation.journal.signing import Verification
from workstation.security.dbkey import DatabaseKeyUnusable
from workstation.security.eds import LoginRefused
from workstation.services.context import DeskContext
from workstation.services.desk import CaseNotFound, Desk
from workstation.services.printing import PrintedFormChanged
from workstation.services.setup import (
    default_data_dir,
    desk_identity,
    remember_central_url,
    remembered_central_url,
    with_tsa,
)
from workstation.store.local import DataDirMissing, LocalStore
from workstation.sync.config import (
    CONFIG_ENV,
    DEFAULT_SYNC_INTERVAL_S,
    ConnectionSettings,
    config_path,
    load_settings,
    save_password,
    save_settings,
    split_password,
    stored_password,
    with_user,
)
from workstation.sync.gateway import CentralError, CentralGateway
from workstation.sync.syncer import sync_once

HEADLESS_COMMANDS = (
    "central",
    "sync",
    "case",
    "print",
    "report",
    "audit",
    "sbi-simulator",
    "tsa-simulator",
)


class CommandFailed(Exception):
    """A command could not do its work; the message is printed as `error: ...`."""


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected 1 or more, got {value}")
    return value


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date like 2026-11-21, got {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dnr-workstation",
        description="DNR Workstation. Without a command it opens the desk application.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    add_central_parser(commands, _positive_int, _iso_date)

    sync = commands.add_parser(
        "sync",
        help="push this desk's events and pull new ones",
        description="Push this desk's events to central and pull new ones, then print the "
        "counts. Without --central the desk's settings file is used (see --config).",
    )
    sync.add_argument(
        "--central", default=None, metavar="URL", help="central database (default: settings file)"
    )
    sync.add_argument("--data-dir", type=Path, default=None, metavar="DIR")
    sync.add_argument("--city", default=None, help="the desk's branch city (remembered)")
    sync.add_argument(
        "--workstation-id",
        default=None,
        metavar="ID",
        help="the id `central add-workstation` registered this desk under (remembered; "
        "--save to a PostgreSQL central needs it)",
    )
    sync.add_argument("--user", default=None, help="database user, if not in the URL")
    sync.add_argument(
        "--config",
        type=Path,
        default=None,
        metavar="FILE",
        help=f"settings file (default: ${CONFIG_ENV} or {config_path(None)})",
    )
    sync.add_argument(
        "--save",
        action="store_true",
        help="keep these settings in the settings file and the password in the OS "
        "credential store, for the desk application and later syncs",
    )
    sync.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the database password from the first line of standard input",
    )
    sync.add_argument(
        "--interval",
        type=_positive_int,
        default=None,
        metavar="SECONDS",
        help=f"with --save: seconds between background syncs (default {DEFAULT_SYNC_INTERVAL_S})",
    )

    case = commands.add_parser("case", help="look at a case on this desk")
    case_cmds = case.add_subparsers(dest="case_command", metavar="ACTION", required=True)
    show = case_cmds.add_parser("show", help="state, steps and days left of a case")
    show.add_argument("case_id", metavar="CASE_ID")
    show.add_argument("--data-dir", type=Path, default=None, metavar="DIR")
    show.add_argument("--json", action="store_true", help="machine-readable output")

    add_print_parser(commands)
    add_report_parser(commands)
    add_audit_parser(commands)

    # Its options (--port, --ca-out, --scan-ms, ...) belong to the simulator; main() forwards
    # them unparsed, so `sbi-simulator --help` shows the simulator's own help.
    commands.add_parser(
        "sbi-simulator",
        help="run the fingerprint scanner simulator (MOSIP SBI) for training and tests",
        add_help=False,
    )
    commands.add_parser(
        "tsa-simulator",
        help="run a local RFC 3161 time-stamping authority (DEMO keys) for training and tests",
        add_help=False,
    )
    return parser


def _open_store(data_dir: Path | None) -> LocalStore:
    if data_dir is None:
        return LocalStore.open(default_data_dir(), create=True)
    return LocalStore.open(data_dir)


def _run_central(args: argparse.Namespace) -> int:
    return run_central(args, SystemClock())


def _desk_verification(store: LocalStore, data_dir: Path | None) -> Verification | None:
    """How the desk's log-in set-up checks pulled events; None when it has no trust store."""
    from workstation.security.eds import LoginRefused
    from workstation.services.login import LoginService, load_login_settings

    settings = load_login_settings(store, data_dir or default_data_dir())
    if not settings.trust_dir.is_dir():
        return None
    try:
        service = LoginService(store, settings, desk_city=None, clock=SystemClock(), audit=None)
        return service.verification()
    except LoginRefused as refused:
        raise CommandFailed(f"The desk's trust store cannot be used: {refused}") from None


def _with_id(
    settings: ConnectionSettings | None, url: str, args: argparse.Namespace
) -> ConnectionSettings | None:
    """The settings the desk's id follows: --workstation-id over the file's. Saving a
    PostgreSQL central without an id is refused: a made-up id is not the one central
    registered, and its row-level security would refuse every sync of the desk."""
    if args.workstation_id:
        base = settings or ConnectionSettings(url)
        return dataclasses.replace(base, workstation_id=args.workstation_id)
    known = settings is not None and settings.workstation_id
    if args.save and url.startswith("postgresql") and not known:
        raise CommandFailed(
            "--save to a PostgreSQL central needs --workstation-id ID: the id "
            "`dnr-workstation central add-workstation` registered this desk under."
        )
    return settings


def run_sync(args: argparse.Namespace) -> int:
    file_settings = load_settings(args.config)
    store = _open_store(args.data_dir)
    saved: list[str] = []
    try:
        url = args.central or (file_settings.central_url if file_settings else None)
        url = url or remembered_central_url(store)
        if url is None:
            raise CommandFailed(
                f"No central database: give --central URL, or write {config_path(args.config)} "
                "(`dnr-workstation sync --central URL --save` writes it)."
            )
        url, password = split_password(url)
        if args.user:
            url = with_user(url, args.user)
        if args.password_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
            if not password:
                raise CommandFailed("--password-stdin: standard input had no password line.")
        id_settings = _with_id(file_settings, url, args)  # refused before any connection
        gateway = CentralGateway(url, password=password or stored_password(url))
        try:
            identity = desk_identity(store, args.city, settings=id_settings)
            if args.central:
                remember_central_url(store, url)
            if args.save:
                interval = args.interval or (
                    file_settings.sync_interval_s if file_settings else DEFAULT_SYNC_INTERVAL_S
                )
                settings = ConnectionSettings(
                    url, identity.workstation_id, identity.city, sync_interval_s=interval
                )
                saved.append(f"settings saved to {save_settings(settings, args.config)}")
                if password:
                    saved.append(f"password kept in the {save_password(url, password)}")
            elif password and args.central and split_password(args.central)[1]:
                print(
                    "note: the password in the URL was used for this sync only; add --save "
                    "to keep it in the OS credential store.",
                    file=sys.stderr,
                )
            verification = _desk_verification(store, args.data_dir)
            if verification is None:
                saved.append(
                    "note: this desk has no trust store set up, so the events pulled were kept "
                    "unapplied: they are verified and applied by the first sync that has one "
                    "(the application's, after log-in, or this command once the trust store "
                    "is set up)."
                )
            tsa, verification = with_tsa(file_settings.tsa if file_settings else None, verification)
            report = sync_once(
                store,
                gateway,
                DEFAULT_RULES,
                city=identity.city,
                verification=verification,
                tsa=tsa,
            )
        finally:
            gateway.dispose()
    finally:
        store.close()
    where = identity.city or "all cities"
    print(f"{identity.workstation_id} ({where}): {report.summary()}")
    for line in saved:
        print(line)
    return 0


def run_case(args: argparse.Namespace) -> int:
    store = _open_store(args.data_dir)
    try:
        identity = desk_identity(store)
        desk = Desk(
            DeskContext(
                store,
                actor=_support_actor(),
                workstation_id=identity.workstation_id,
                rules=DEFAULT_RULES,
                clock=SystemClock(),
            )
        )
        detail = desk.case_detail(args.case_id)
    finally:
        store.close()
    data = detail.to_json()
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(f"{data['case_id']}: {data['effective_state']}, {data['days_left']} day(s) left")
        for step in data["steps"]:
            print(f"  {step['status']:>12}  {step['title']}")
    return 0


def _support_actor() -> Actor:
    # Read-only on case data, like a supervisor: the services check this role.
    return Actor(iin="", name="support (read-only)", role="supervisor")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, rest = parser.parse_known_args(argv)
    if args.command == "sbi-simulator":
        from workstation.biometrics import simulator

        return simulator.main(rest)
    if args.command == "tsa-simulator":
        from workstation.security import tsa_simulator

        return tsa_simulator.main(rest)
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    handlers = {
        "central": _run_central,
        "sync": run_sync,
        "case": run_case,
        "print": lambda a: run_print(a, _open_store, SystemClock()),
        "report": lambda a: run_report(a, _open_store, SystemClock()),
        "audit": run_audit,
    }
    if args.command not in handlers:
        parser.error(
            "name a command: central, sync, case, print, report, audit, sbi-simulator or "
            "tsa-simulator "
            "(the desk opens without one)"
        )
    try:
        return handlers[args.command](args)
    except (
        CentralError,
        DataDirMissing,
        CaseNotFound,
        CommandFailed,
        AuditCommandFailed,
        DatabaseKeyUnusable,  # the desk database key is missing or does not open the store
        LoginRefused,
        PrintedFormChanged,
        OSError,  # a file that cannot be written; PermissionError: a role that may not
    ) as exc:
        # With its notes: a refused log-in says there how many attempts are left.
        print(" ".join(["error:", str(exc), *getattr(exc, "__notes__", ())]), file=sys.stderr)
        return 1
