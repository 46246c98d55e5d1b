"""The supervisor's report use cases: centers, the figures of a period, PDF and CSV exports.

Each call checks VIEW_REPORTS first (supervisors only; workstation.security.roles). A file
made from a report is recorded in the audit trail (it carries applicants' names).
"""

from __future__ import annotations

from dataclasses import dataclass

from workstation.domain.actions import Action
from workstation.domain.calendar import WorkingCalendar, default_calendar
from workstation.domain.clock import Clock
from workstation.journal.envelope import Actor
from workstation.reports.csv_export import render_csv
from workstation.reports.model import ReportData, ReportPeriod, UnknownCenter
from workstation.reports.pdf import render_pdf
from workstation.reports.query import build_report, centers
from workstation.reports.texts import texts_for
from workstation.services.access import require_actor
from workstation.services.audit import AuditLog
from workstation.store.local import LocalStore

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
    """Reports over this desk's store, for the logged-in supervisor."""

    def __init__(
        self,
        store: LocalStore,
        *,
        actor: Actor,
        clock: Clock,
        calendar: WorkingCalendar | None = None,
        audit: AuditLog | None = None,
    ) -> None:
        self.store = store
        self.actor = actor
        self.clock = clock
        self.calendar = calendar or default_calendar()
        self.audit = audit

    def centers(self) -> tuple[str, ...]:
        """The centers (cities) this desk has cases of."""
        require_actor(self.actor, Action.VIEW_REPORTS)
        with self.store.reading() as conn:
            return centers(conn)

    def report(self, period: ReportPeriod, center: str | None) -> ReportData:
        """The figures of `period` for `center` (a city, or None for every center)."""
        require_actor(self.actor, Action.VIEW_REPORTS)
        with self.store.reading() as conn:
            if center is not None:
                known = centers(conn)
                if center not in known:
                    raise UnknownCenter(center, known)
            return build_report(
                conn,
                period,
                center,
                today=self.clock.today(),
                calendar=self.calendar,
                generated_at=self.clock.now(),
                prepared_by=self.actor.name,
            )

    def export(self, data: ReportData, format: str, language: str) -> ReportFile:
        """`data` as a PDF or CSV file in `language` (kk, ru, en); recorded in the audit."""
        require_actor(self.actor, Action.VIEW_REPORTS)
        texts_for(language)  # an unknown language is refused before anything is made
        if format == "pdf":
            content = render_pdf(data, language)
        elif format == "csv":
            content = render_csv(data, language)
        else:
            raise ValueError(f"A report is exported as pdf or csv, not {format!r}.")
        if self.audit is not None:
            self.audit.exported(
                self.actor,
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
