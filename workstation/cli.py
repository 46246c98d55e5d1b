"""Headless commands for administrators, support staff and tests (no Qt is loaded here)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from workstation import __version__
from workstation.domain.clock import SystemClock
from workstation.domain.programme import DEFAULT_RULES
from workstation.journal.envelope import Actor
from workstation.services.desk import CaseNotFound, Desk
from workstation.services.setup import default_data_dir, desk_identity, remember_central_url
from workstation.store.local import DataDirMissing, LocalStore
from workstation.sync.demo_seed import seed_central
from workstation.sync.gateway import CentralError, CentralGateway
from workstation.sync.syncer import sync_once

HEADLESS_COMMANDS = ("central", "sync", "case", "sbi-simulator")


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

    central = commands.add_parser("central", help="create and fill a central database")
    central_cmds = central.add_subparsers(dest="central_command", metavar="ACTION", required=True)
    init = central_cmds.add_parser("init", help="create or upgrade the central schema")
    init.add_argument("url", metavar="URL", help="SQLAlchemy URL, e.g. sqlite:///central.sqlite3")
    seed = central_cmds.add_parser("seed-demo", help="add realistic demo approvals")
    seed.add_argument("url", metavar="URL")
    seed.add_argument("--cases", type=_positive_int, required=True, metavar="N")
    seed.add_argument("--seed", type=int, default=2026, metavar="S")
    seed.add_argument("--today", type=_iso_date, default=None, help="date the data around")

    sync = commands.add_parser("sync", help="push this desk's events and pull new ones")
    sync.add_argument("--central", required=True, metavar="URL")
    sync.add_argument("--data-dir", type=Path, default=None, metavar="DIR")
    sync.add_argument("--city", default=None, help="the desk's branch city (remembered)")

    case = commands.add_parser("case", help="look at a case on this desk")
    case_cmds = case.add_subparsers(dest="case_command", metavar="ACTION", required=True)
    show = case_cmds.add_parser("show", help="state, steps and days left of a case")
    show.add_argument("case_id", metavar="CASE_ID")
    show.add_argument("--data-dir", type=Path, default=None, metavar="DIR")
    show.add_argument("--json", action="store_true", help="machine-readable output")

    # Its options (--port, --ca-out, --scan-ms, ...) belong to the simulator; main() forwards
    # them unparsed, so `sbi-simulator --help` shows the simulator's own help.
    commands.add_parser(
        "sbi-simulator",
        help="run the fingerprint scanner simulator (MOSIP SBI) for training and tests",
        add_help=False,
    )
    return parser


def _open_store(data_dir: Path | None) -> LocalStore:
    if data_dir is None:
        return LocalStore.open(default_data_dir(), create=True)
    return LocalStore.open(data_dir)


def run_central(args: argparse.Namespace) -> int:
    gateway = CentralGateway(args.url)
    try:
        if args.central_command == "init":
            revision = gateway.init_schema()
            print(f"central schema ready at revision {revision}: {gateway.engine.url!r}")
        else:
            gateway.check_schema()
            today = args.today or SystemClock().today()
            added = seed_central(gateway, args.cases, seed=args.seed, today=today)
            print(f"added {added} demo approved arrivals (central now has {gateway.case_count()})")
    finally:
        gateway.dispose()
    return 0


def run_sync(args: argparse.Namespace) -> int:
    store = _open_store(args.data_dir)
    gateway = CentralGateway(args.central)
    try:
        identity = desk_identity(store, args.city)
        remember_central_url(store, args.central)
        report = sync_once(store, gateway, DEFAULT_RULES, city=identity.city)
    finally:
        gateway.dispose()
        store.close()
    where = identity.city or "all cities"
    print(f"{identity.workstation_id} ({where}): {report.summary()}")
    return 0


def run_case(args: argparse.Namespace) -> int:
    store = _open_store(args.data_dir)
    try:
        identity = desk_identity(store)
        desk = Desk(
            store,
            actor=_support_actor(),
            workstation_id=identity.workstation_id,
            rules=DEFAULT_RULES,
            clock=SystemClock(),
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
    return Actor(iin="", name="support (read-only)", role="support")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, rest = parser.parse_known_args(argv)
    if args.command == "sbi-simulator":
        from workstation.biometrics import simulator

        return simulator.main(rest)
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    handlers = {"central": run_central, "sync": run_sync, "case": run_case}
    if args.command not in handlers:
        parser.error(
            "name a command: central, sync, case or sbi-simulator (the desk opens without one)"
        )
    try:
        return handlers[args.command](args)
    except (CentralError, DataDirMissing, CaseNotFound, CommandFailed) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
