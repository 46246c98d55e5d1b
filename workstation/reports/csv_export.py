"""The report as one CSV file for spreadsheets: UTF-8 with a BOM (so Excel reads Cyrillic
and Kazakh letters), one section per table separated by an empty line, each section a title
row, a header row and its rows. Russian and Kazakh reports use ';' between fields and a
decimal comma, as Excel does in those locales; English ones ',' and a decimal point. Dates
are ISO (YYYY-MM-DD), which every spreadsheet reads as a date."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from workstation.reports.model import ReportData, StaffWork, masked_iin
from workstation.reports.texts import ReportTexts, texts_for

BOM = "\ufeff"


def delimiter_for(language: str) -> str:
    return "," if texts_for(language).language == "en" else ";"


def render_csv(data: ReportData, language: str = "en") -> bytes:
    t = texts_for(language)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter_for(language), lineterminator="\r\n")

    def section(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
        writer.writerow([title])
        writer.writerow(header)
        writer.writerows(rows)
        writer.writerow([])

    writer.writerow([t.title])
    writer.writerow([t.period, data.period.start.isoformat(), data.period.end.isoformat()])
    writer.writerow([t.center, data.center or t.all_centers])
    writer.writerow(
        [t.prepared.format(date=data.generated_at.date().isoformat(), name=data.prepared_by)]
    )
    writer.writerow([])
    section(t.summary, [t.summary, ""], _summary_rows(data, t))
    section(
        t.weekly_chart,
        [t.week, t.approved, t.arrived, t.submitted, t.issued,
         t.refused],
        [
            [w.week_start.isoformat(), w.approved, w.arrived, w.submitted, w.issued, w.refused]
            for w in data.weeks
        ],
    )  # fmt: skip
    section(
        t.window_title.format(date=data.as_of.isoformat()),
        [t.case, t.applicant, t.approval_date, t.window_end, t.days_left, t.city],
        [
            [c.case_id, f"{c.surname} {c.given_names}", c.approval_date.isoformat(),
             c.window_end.isoformat(), c.days_left, c.city]
            for c in data.window_ending
        ],
    )  # fmt: skip
    section(
        t.staff_title,
        [t.staff_member, t.iin, t.role, t.arrivals, t.steps, t.printed, t.submitted, t.reviews,
         t.decisions, t.total],
        [
            [staff_name(s, t), masked_iin(s.iin), t.role_name(s.role), s.arrivals, s.steps,
             s.printed, s.submitted, s.reviews, s.decisions, s.total]
            for s in data.staff
        ],
    )  # fmt: skip
    section(
        t.desks_title,
        [t.desk, t.events, t.arrivals, t.submitted, t.decided],
        [[d.workstation_id, d.events, d.arrivals, d.submitted, d.decided] for d in data.desks],
    )
    return (BOM + out.getvalue()).encode("utf-8")


def _summary_rows(data: ReportData, t: ReportTexts) -> list[list[object]]:
    f = data.funnel
    rows: list[list[object]] = [
        [t.approved, f.approved],
        [t.arrived, f.arrived],
        [t.annulled, f.annulled],
        [t.submitted, f.submitted],
        [t.issued, f.issued],
        [t.refused, f.refused],
        [f"{t.median_to_arrival}, {t.days}", _decimal(data.median_days_to_arrival, t)],
        [f"{t.median_to_decision}, {t.days}", _decimal(data.median_days_to_decision, t)],
    ]
    share = data.share_in_time
    rows.append([f"{t.in_time}, %", "" if share is None else t.number(share * 100)])
    rows.append([t.in_time_detail.format(n=data.decided_in_time, total=data.decided), ""])
    return rows


def _decimal(value: float | None, t: ReportTexts) -> str:
    return "" if value is None else t.number(value)


def staff_name(work: StaffWork, t: ReportTexts) -> str:
    """The staff record's name, or "IIN ******400017" for someone the desk has no record of."""
    return work.name if work.known else f"{t.iin} {work.name}"
