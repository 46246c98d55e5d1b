"""`dnr-workstation print application|receipt CASE_ID --out FILE.pdf`: batch and support printing.

Printing is done in someone's name, so the command logs in with an EDS key file like the
desk does (the password from an environment variable or a prompt, never an argument that
would show in the process list), and the printed application is recorded on the case.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workstation.cli.key_password import PASSWORD_ENV, key_password
from workstation.domain.clock import Clock
from workstation.security.private_files import write_private
from workstation.services.printing import NotReadyToPrint, PrintDesk
from workstation.services.setup import command_context, default_data_dir
from workstation.store.local import LocalStore

EXIT_NOT_READY = 2


def add_print_parser(commands: Any) -> None:
    printing = commands.add_parser("print", help="print a case's application or receipt to PDF")
    kinds = printing.add_subparsers(dest="print_kind", metavar="DOCUMENT", required=True)
    for kind, text in (
        ("application", "the residence-permit application (recorded on the case)"),
        ("receipt", "the applicant's receipt for the printed application"),
    ):
        sub = kinds.add_parser(kind, help=text)
        sub.add_argument("case_id", metavar="CASE_ID")
        sub.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
        sub.add_argument("--data-dir", type=Path, default=None, metavar="DIR")
        sub.add_argument(
            "--key",
            type=Path,
            required=True,
            metavar="KEY.p12",
            help=f"your EDS key file; its password comes from ${PASSWORD_ENV} or a prompt",
        )


def run_print(
    args: argparse.Namespace, open_store: Callable[[Path | None], LocalStore], clock: Clock
) -> int:
    out: Path = args.out
    if not out.parent.is_dir():
        raise NotADirectoryError(f"The folder for {out} does not exist.")
    password = key_password(args.key)
    store = open_store(args.data_dir)
    try:
        context, _ = command_context(
            store, args.data_dir or default_data_dir(), args.key, password, clock
        )
        printer = PrintDesk(context)
        try:
            if args.print_kind == "application":
                document = printer.application(args.case_id)
            else:
                document = printer.receipt(args.case_id)
        except NotReadyToPrint as refused:
            print(f"error: {refused.message}", file=sys.stderr)
            for reason in refused.reasons:
                print(f"  - {reason}", file=sys.stderr)
            return EXIT_NOT_READY
        # Written beside the target first, recorded, then renamed: a failed write records
        # nothing and a refused record leaves no file that looks printed.
        partial = out.with_name(f".{out.name}.partial")
        write_private(partial, document.pdf)  # the applicant's data: this OS user only
        try:
            if document.kind == "application":
                printer.record_printed(document, copies=1, channel="cli")
            else:
                printer.record_receipt_printed(document, copies=1, channel="cli")
            partial.replace(out)
        finally:
            partial.unlink(missing_ok=True)
    finally:
        store.close()
    print(f"{document.kind} of {document.case_id} written to {out} ({len(document.pdf)} bytes)")
    return 0
