"""The supervisor's report use cases: centers, the figures of a period, PDF and CSV exports.

Each call checks VIEW_REPORTS first (supervisors only; workstation.security.roles). A file
made from a report is recorded in the audit trail (it carries applicants' names).
"""

from __future__ import annotations

from dataclasses import dataclass

from workstation.reports.csv_export import render_csv
from workstation.reports.model import ReportData, ReportPeriod, UnknownCenter
from workstation.reports.pdf import render_pdf
from workstation.reports.query import build_report, centers
from workstation.reports.texts import texts_for
from workstation.security.roles import Action
from workstation.services.context import DeskContext

FORMATS = ("pdf", "csv")


@dataclass(frozen=True)
class ReportFile:
    """An exported report: its bytes and what it is, for the file name and the audit."""

    content: bytes
    format: str  # "pdf" or "csv"
    language: str

    @property
    def suffix(self) -> str:
        return f".{self.format}"


class ReportDesk:
    """Reports over this desk's store, for the logged-in supervisor (in one desk context)."""

    def __init__(self, context: DeskContext) -> None:
        self.context = context

    def centers(self) -> tuple[str, ...]:
        """The centers (cities) this desk has cases of."""
        self.context.require(Action.VIEW_REPORTS)
        with self.context.store.reading() as conn:
            return centers(conn)

    def report(self, period: ReportPeriod, center: str | None) -> ReportData:
        """The figures of `period` for `center` (a city, or None for every center)."""
        self.context.require(Action.VIEW_REPORTS)
        with self.context.store.reading() as conn:
            if center is not None:
                known = centers(conn)
                if center not in known:
                    raise UnknownCenter(center, known)
            return build_report(
                conn,
                period,
                center,
                today=self.context.today(),
                calendar=self.context.calendar,
                generated_at=self.context.clock.now(),
                prepared_by=self.context.actor.name,
            )

    def export(self, data: ReportData, format: str, language: str) -> ReportFile:
        """`data` as a PDF or CSV file in `language` (kk, ru, en); recorded in the audit."""
        self.context.require(Action.VIEW_REPORTS)
        texts_for(language)  # an unknown language is refused before anything is made
        if format == "pdf":
            content = render_pdf(data, language)
        elif format == "csv":
            content = render_csv(data, language)
        else:
            raise ValueError(f"A report is exported as pdf or csv, not {format!r}.")
        if self.context.audit is not None:
            self.context.audit.exported(
                self.context.actor,
                "report",
                f"report:{data.period.start.isoformat()}..{data.period.end.isoformat()}",
                count=len(data.window_ending),
                details={
                    "format": format,
                    "language": language,
                    "center": data.center or "all",
                },
            )
        return ReportFile(content, format, language)
