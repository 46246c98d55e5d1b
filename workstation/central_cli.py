"""`dnr-workstation central ...`: the administrator's commands for the central database."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import Any

from workstation.domain.clock import Clock
from workstation.sync.branches import (
    DeskConnection,
    add_branch,
    add_workstation,
    list_branches,
    remove_workstation,
)
from workstation.sync.demo_seed import seed_central
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

    seed = cmds.add_parser("seed-demo", help="add realistic demo approvals")
    seed.add_argument("url", metavar="URL", help=URL_HELP)
    seed.add_argument("--cases", type=positive_int, required=True, metavar="N")
    seed.add_argument("--seed", type=int, default=2026, metavar="S")
    seed.add_argument("--today", type=iso_date, default=None, help="date the data around")

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
            added = seed_central(gateway, args.cases, seed=args.seed, today=today)
            print(f"added {added} demo approved arrivals (central now has {gateway.case_count()})")
        elif action == "add-branch":
            made = add_branch(gateway, args.branch_id, args.city, args.name)
            print(f"branch {made.branch_id} added: {made.name}, {made.city}")
        elif action == "add-workstation":
            desk = add_workstation(
                gateway, args.branch_id, args.workstation_id, args.name, role=args.role
            )
            print(connection_note(desk))
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
