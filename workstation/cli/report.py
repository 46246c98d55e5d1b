"""`dnr-workstation report --from D --to D --format pdf|csv --out FILE`: a supervisor's report,
headless (a monthly job, or a report mailed by a script).

Reports carry applicants' names, so the command logs in with an EDS key file like the desk
does (the password from an environment variable or a prompt, never an argument) and only a
supervisor gets one; the file is recorded in the audit trail.

Exit status: 0 written; 1 refused or failed (log-in, role, files); 2 a usage error (dates,
center, language, format), with the message.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from workstation.cli.key_password import PASSWORD_ENV, key_password
from workstation.domain.clock import Clock
from workstation.reports import LANGUAGES, InvalidReportPeriod, ReportPeriod, UnknownCenter
from workstation.security.private_files import write_private
from workstation.services.reports import FORMATS, ReportDesk
from workstation.services.setup import command_context, default_data_dir
from workstation.store.local import LocalStore

EXIT_USAGE = 2
ALL_CENTERS = "all"


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date like 2026-11-01, got {text!r}") from None


def add_report_parser(commands: Any) -> None:
    report = commands.add_parser(
        "report",
        help="a supervisor's report of a period as PDF or CSV",
        description="Write the report of a period and center (the figures of the dashboard) "
        "as a PDF or a CSV file. Logs in with your EDS key; supervisors only.",
    )
    report.add_argument("--from", dest="start", type=_day, required=True, metavar="YYYY-MM-DD")
    report.add_argument("--to", dest="end", type=_day, required=True, metavar="YYYY-MM-DD")
    report.add_argument(
        "--center",
        default=None,
        metavar="CITY",
        help=f"the center's city (default: this desk's city; {ALL_CENTERS!r}: every center "
        "on this desk)",
    )
    report.add_argument("--format", choices=FORMATS, required=True)
    report.add_argument("--out", type=Path, required=True, metavar="FILE")
    report.add_argument("--lang", choices=LANGUAGES, default="en", help="report language")
    report.add_argument("--data-dir", type=Path, default=None, metavar="DIR")
    report.add_argument(
        "--key",
        type=Path,
        required=True,
        metavar="KEY.p12",
        help=f"your EDS log-in key file; its password comes from ${PASSWORD_ENV} or a prompt",
    )


def run_report(
    args: argparse.Namespace, open_store: Callable[[Path | None], LocalStore], clock: Clock
) -> int:
    try:
        period = ReportPeriod(args.start, args.end)
    except InvalidReportPeriod as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    out: Path = args.out
    if not out.parent.is_dir():
        raise NotADirectoryError(f"The folder for {out} does not exist.")
    password = key_password(args.key)
    store = open_store(args.data_dir)
    try:
        context, identity = command_context(
            store, args.data_dir or default_data_dir(), args.key, password, clock
        )
        reports = ReportDesk(context)
        center = args.center or identity.city
        if center == ALL_CENTERS:
            center = None
        try:
            data = reports.report(period, center)
        except UnknownCenter as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        exported = reports.export(data, args.format, args.lang)
    finally:
        store.close()
    # Written beside the target, then renamed: an interrupted write leaves no half report.
    partial = out.with_name(f".{out.name}.partial")
    try:
        write_private(partial, exported.content)  # names and IINs: this OS user only
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
    where = data.center or "all centers"
    print(
        f"report {period.start.isoformat()}..{period.end.isoformat()} ({where}, "
        f"{args.format}, {args.lang}) written to {out} ({len(exported.content)} bytes)"
    )
    return 0
