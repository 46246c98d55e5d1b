"""`dnr-workstation central ...`: the administrator's commands for the central database."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from workstation.domain.clock import Clock
from workstation.security.demo_setup import ensure_demo_pki
from workstation.services.demo_stages import DEMO_STAGE_SHARE, StageStaff, seed_stages
from workstation.sync import notifications
from workstation.sync.branches import (
    DeskConnection,
    add_branch,
    add_workstation,
    list_branches,
    remove_workstation,
)
from workstation.sync.demo_seed import ApprovalSigners, seed_central
from workstation.sync.gateway import CentralGateway

URL_HELP = (
    "SQLAlchemy URL of central as its administrator, e.g. sqlite:///central.sqlite3 or "
    "postgresql://dnr_admin@central.example.kz/dnr"
)


def add_central_parser(
    commands: Any,
    positive_int: Callable[[str], int],
    iso_date: Callable[[str], date],
) -> None:
    central = commands.add_parser(
        "central", help="create and fill a central database; add branches and desks"
    )
    cmds = central.add_subparsers(dest="central_command", metavar="ACTION", required=True)
    init = cmds.add_parser("init", help="create or upgrade the central schema (safe to repeat)")
    init.add_argument("url", metavar="URL", help=URL_HELP)

    seed = cmds.add_parser(
        "seed-demo",
        help="add realistic demo approvals; with --pki also carry a share of the cases "
        "through every stage (arrived ... issued, refused, annulled), signed by the demo staff",
    )
    seed.add_argument("url", metavar="URL", help=URL_HELP)
    seed.add_argument("--cases", type=positive_int, required=True, metavar="N")
    seed.add_argument("--seed", type=int, default=2026, metavar="S")
    seed.add_argument("--today", type=iso_date, default=None, help="date the data around")
    seed.add_argument(
        "--pki",
        type=Path,
        default=None,
        metavar="DIR",
        help="the demo PKI folder (made there if absent): its ministry and migration service "
        "keys sign the approvals, its demo clerk and officer the staged cases' events. "
        "Without it the approvals are unsigned and every case stays approved only",
    )
    seed.add_argument(
        "--stage-share",
        type=float,
        default=DEMO_STAGE_SHARE,
        metavar="F",
        help=f"with --pki: the share of the cases nobody has worked on yet carried through "
        f"the stages (default {DEMO_STAGE_SHARE}; 0 for none)",
    )

    branch = cmds.add_parser("add-branch", help="add a service center (branch) in a city")
    branch.add_argument("url", metavar="URL", help=URL_HELP)
    branch.add_argument("--branch-id", required=True, metavar="ID", help="e.g. AST-1")
    branch.add_argument("--city", required=True, help="the city its cases are addressed to")
    branch.add_argument("--name", required=True, help="the service center's name")

    desk = cmds.add_parser(
        "add-workstation",
        help="add a desk to a branch; on PostgreSQL create its database role and password",
    )
    desk.add_argument("url", metavar="URL", help=URL_HELP)
    desk.add_argument("--branch-id", required=True, metavar="ID")
    desk.add_argument("--workstation-id", required=True, metavar="WS", help="e.g. WS-AST-01")
    desk.add_argument("--name", default=None, metavar="N", help="a name for people")
    desk.add_argument(
        "--role", default=None, help="PostgreSQL role name (default: dnr_ + the id, lower case)"
    )

    remove = cmds.add_parser(
        "remove-workstation", help="take a desk off central (and drop its database role)"
    )
    remove.add_argument("url", metavar="URL", help=URL_HELP)
    remove.add_argument("--workstation-id", required=True, metavar="WS")

    listing = cmds.add_parser("list", help="list branches and their workstations")
    listing.add_argument("url", metavar="URL", help=URL_HELP)

    notes = cmds.add_parser(
        "notifications",
        help="list decisions whose e-government notification is pending; --deliver sends "
        "them through the simulator (no real e-government gateway is connected)",
    )
    notes.add_argument("url", metavar="URL", help=URL_HELP)
    notes.add_argument("--deliver", action="store_true", help="send and mark them delivered")
    notes.add_argument("--limit", type=positive_int, default=None, metavar="N")
    notes.add_argument("--json", action="store_true", help="one JSON object per line")
    notes.add_argument(
        "--simulator-log",
        type=Path,
        default=None,
        metavar="FILE",
        help="append what the simulator 'sent' to FILE (JSON lines)",
    )


def run_central(args: argparse.Namespace, clock: Clock) -> int:
    gateway = CentralGateway(args.url)
    try:
        action = args.central_command
        if action == "init":
            revision = gateway.init_schema()
            print(f"central schema ready at revision {revision}: {gateway.engine.url!r}")
        elif action == "seed-demo":
            gateway.check_schema()
            today = args.today or clock.today()
            return run_seed_demo(gateway, args, today)
        elif action == "add-branch":
            made = add_branch(gateway, args.branch_id, args.city, args.name)
            print(f"branch {made.branch_id} added: {made.name}, {made.city}")
        elif action == "add-workstation":
            desk = add_workstation(
                gateway, args.branch_id, args.workstation_id, args.name, role=args.role
            )
            print(connection_note(desk))
        elif action == "notifications":
            gateway.check_schema()
            return run_notifications(gateway, args)
        elif action == "remove-workstation":
            gone = remove_workstation(gateway, args.workstation_id)
            role = f"; database role {gone.db_role} dropped" if gone.db_role else ""
            print(f"workstation {gone.workstation_id} removed from branch {gone.branch_id}{role}")
        else:
            for branch, desks in list_branches(gateway):
                print(f"{branch.branch_id}  {branch.city}  {branch.name}")
                for d in desks:
                    print(
                        f"    {d.workstation_id}  {d.name}"
                        + (f"  role {d.db_role}" if d.db_role else "")
                    )
    finally:
        gateway.dispose()
    return 0


def run_seed_demo(gateway: CentralGateway, args: argparse.Namespace, today: date) -> int:
    """Seed approvals (signed with --pki) and, with --pki, carry a share through the stages."""
    if not 0 <= args.stage_share <= 1:
        print("--stage-share must be between 0 and 1", file=sys.stderr)
        return 2
    if args.pki is None:
        added = seed_central(gateway, args.cases, seed=args.seed, today=today)
        print(f"added {added} demo approved arrivals (central now has {gateway.case_count()})")
        return 0
    pki = ensure_demo_pki(args.pki)
    signers = ApprovalSigners.from_files(pki.ministry_p12, pki.migration_service_p12, pki.password)
    added = seed_central(gateway, args.cases, seed=args.seed, today=today, signers=signers)
    print(f"added {added} signed demo approved arrivals (central now has {gateway.case_count()})")
    if args.stage_share > 0:
        staged = seed_stages(
            gateway,
            StageStaff.from_pki(pki),
            seed=args.seed,
            today=today,
            signers=signers,
            share=args.stage_share,
        )
        stages = ", ".join(f"{n} {stage.value}" for stage, n in staged.stages.items())
        print(f"carried {sum(staged.stages.values())} cases through the stages: {stages}")
        print(f"pushed {staged.events} events signed by the demo staff of {pki.directory}")
        if staged.reapplied_case:
            print(f"{staged.reapplied_case}: a refused applicant's new approval (locked)")
    return 0


def run_notifications(gateway: CentralGateway, args: argparse.Namespace) -> int:
    """List pending notifications; with --deliver send them (simulator) and report."""
    waiting = notifications.pending(gateway, args.limit)
    if not args.deliver:
        for note in waiting:
            if args.json:
                print(json.dumps(_note_json(note), ensure_ascii=False))
            else:
                contact = " ".join(x for x in (note.email, note.phone) if x) or "(no contact)"
                print(f"{note.case_id}  {note.decision:<7}  {note.decided_on}  {contact}")
                print(f"    en: {note.messages.get('en', '(no message)')}")
        print(
            f"{len(waiting)} notification(s) pending; "
            f"{notifications.delivered_count(gateway)} delivered before",
            file=sys.stderr if args.json else sys.stdout,
        )
        return 0
    channel = notifications.SimulatedEgov(args.simulator_log)
    report = notifications.deliver(gateway, channel, waiting)
    for note, reference in report.delivered:
        print(f"delivered {note.case_id} ({note.decision}) as {reference}")
    for note, reason in report.failed:
        print(f"NOT delivered {note.case_id}: {reason}", file=sys.stderr)
    print(
        f"{len(report.delivered)} delivered through the e-government SIMULATOR (nothing was "
        f"sent to a real gateway), {len(report.failed)} still pending"
    )
    return 0 if not report.failed else 2


def _note_json(note: notifications.Notification) -> dict[str, object]:
    return {
        "event_id": note.event_id,
        "case_id": note.case_id,
        "decision": note.decision,
        "decided_on": note.decided_on,
        "email": note.email,
        "phone": note.phone,
        "messages": note.messages,
        "problem": note.problem,
    }


def connection_note(desk: DeskConnection) -> str:
    lines = [
        f"workstation {desk.workstation_id} added to branch {desk.branch.branch_id} "
        f"({desk.branch.name}, {desk.branch.city})",
        "connection settings for the desk:",
        f"  central URL:    {desk.url}",
        f"  city:           {desk.branch.city}",
        f"  workstation id: {desk.workstation_id}",
    ]
    if desk.password is None:
        lines.append("  password:       none (a SQLite central has no database roles)")
    else:
        lines += [
            f"  database role:  {desk.role}",
            f"  password:       {desk.password}",
            "The password is shown only this once. Enter it on the desk when it asks for the "
            "central password: the desk keeps it in the operating system's credential store, "
            "never in a file. Do not write it into the URL.",
        ]
    return "\n".join(lines)
