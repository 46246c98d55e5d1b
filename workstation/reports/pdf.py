"""The report as a landscape A4 PDF: figures as tiles, a funnel bar chart and a weekly chart,
then the tables, which run over pages with their header row repeated; every word in the
language asked for (workstation.reports.texts), set in the embedded DejaVu fonts."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepTogether,
    LongTable,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from workstation.documents.fonts import FONTS, register_fonts
from workstation.documents.printing import (
    LABEL_GREY,
    RULE_GREY,
    PageNumberCanvas,
    table_style,
    text,
)
from workstation.reports.csv_export import staff_name
from workstation.reports.model import STAGE_COLOURS, ReportData
from workstation.reports.texts import ReportTexts, texts_for

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
MARGIN = 14 * mm
MARGIN_BOTTOM = 16 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
HEADER_FILL = colors.Color(0.88, 0.91, 0.96)
ZEBRA = colors.Color(0.965, 0.965, 0.965)
TILE_FILL = colors.Color(0.97, 0.975, 0.985)
URGENT = colors.HexColor("#b91c1c")

_BASE = ParagraphStyle("report", fontName=FONTS.regular, fontSize=8.5, leading=10.5)
_TITLE = ParagraphStyle("report_title", _BASE, fontName=FONTS.bold, fontSize=15, leading=18)
_SUB = ParagraphStyle("report_sub", _BASE, fontSize=9, leading=12, textColor=LABEL_GREY)
_HEADING = ParagraphStyle(
    "report_heading", _BASE, fontName=FONTS.bold, fontSize=11, leading=14, spaceBefore=4
)
_NOTE = ParagraphStyle("report_note", _BASE, fontSize=7.5, leading=9.5, textColor=LABEL_GREY)
_HEAD_CELL = ParagraphStyle("report_head", _BASE, fontName=FONTS.bold, fontSize=7.5, leading=9)
_TILE_NUMBER = ParagraphStyle(
    "tile_number", _BASE, fontName=FONTS.bold, fontSize=20, leading=23, alignment=TA_CENTER
)
_TILE_LABEL = ParagraphStyle(
    "tile_label", _BASE, fontSize=8, leading=10, alignment=TA_CENTER, textColor=LABEL_GREY
)
_METRIC_NUMBER = ParagraphStyle("metric_number", _TILE_NUMBER, fontSize=16, leading=19)
_METRIC_LABEL = ParagraphStyle("metric_label", _TILE_LABEL, alignment=TA_LEFT)


def render_pdf(data: ReportData, language: str = "en") -> bytes:
    """The PDF bytes of `data`, every label in `language` (kk, ru or en)."""
    t = texts_for(language)
    register_fonts()
    story: list[Any] = [
        Paragraph(text(t.title), _TITLE),
        Paragraph(text(_subtitle(data, t)), _SUB),
        Spacer(1, 4 * mm),
        _tiles(data, t),
        Spacer(1, 5 * mm),
        _charts(data, t),
        CondPageBreak(60 * mm),
        *_window_section(data, t),
        CondPageBreak(50 * mm),
        *_staff_section(data, t),
        CondPageBreak(40 * mm),
        *_desk_section(data, t),
        Spacer(1, 4 * mm),
        KeepTogether(
            [
                Paragraph(text(t.definitions_title), _HEADING),
                *(Paragraph(text(line), _NOTE) for line in t.definitions),
            ]
        ),
    ]
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN_BOTTOM,
        title=t.title,
        author="DNR Workstation",
        creator="DNR Workstation",
        invariant=1,
        initialFontName=FONTS.regular,
    )
    frame = Frame(
        MARGIN, MARGIN_BOTTOM, CONTENT_WIDTH, PAGE_HEIGHT - MARGIN - MARGIN_BOTTOM,
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="content",
    )  # fmt: skip
    document.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    footer = f"{t.title} · {_period_text(data, t)} · {data.center or t.all_centers}"

    def make_canvas(*args: Any, **kwargs: Any) -> PageNumberCanvas:
        return PageNumberCanvas(
            *args,
            footer_left=footer,
            page_text=t.page,
            left=MARGIN,
            right=PAGE_WIDTH - MARGIN,
            baseline=MARGIN_BOTTOM - 8 * mm,
            rule_gap=3.5 * mm,
            **kwargs,
        )

    document.build(story, canvasmaker=make_canvas)
    return buffer.getvalue()


def _period_text(data: ReportData, t: ReportTexts) -> str:
    return f"{t.day(data.period.start)} – {t.day(data.period.end)}"


def _subtitle(data: ReportData, t: ReportTexts) -> str:
    prepared = t.prepared.format(
        date=t.day(data.generated_at.date()), name=data.prepared_by or t.role_unknown
    )
    return (
        f"{t.period}: {_period_text(data, t)}   ·   {t.center}: {data.center or t.all_centers}"
        f"   ·   {prepared}"
    )


def _tiles(data: ReportData, t: ReportTexts) -> Table:
    f = data.funnel
    counts = [
        (f.approved, t.approved, "approved"),
        (f.arrived, t.arrived, "arrived"),
        (f.annulled, t.annulled, "annulled"),
        (f.submitted, t.submitted, "submitted"),
        (f.issued, t.issued, "issued"),
        (f.refused, t.refused, "refused"),
    ]
    top = [
        [Paragraph(f'<font color="{STAGE_COLOURS[key]}">{value}</font>', _TILE_NUMBER),
         Paragraph(text(label), _TILE_LABEL)]
        for value, label, key in counts
    ]  # fmt: skip
    share = data.share_in_time
    metrics = [
        (_days(data.median_days_to_arrival, t), t.median_to_arrival),
        (_days(data.median_days_to_decision, t), t.median_to_decision),
        (
            t.no_value if share is None else f"{t.number(share * 100)} %",
            f"{t.in_time} ({t.in_time_detail.format(n=data.decided_in_time, total=data.decided)})",
        ),
    ]
    bottom = [
        [Paragraph(text(value), _METRIC_NUMBER), Paragraph(text(label), _TILE_LABEL)]
        for value, label in metrics
    ]
    width = CONTENT_WIDTH / 6
    # Six count tiles on the first row; the three measures span two columns each below.
    rows = [top, [bottom[0], "", bottom[1], "", bottom[2], ""]]
    style = table_style(
        [
            ("BACKGROUND", (0, 0), (-1, -1), TILE_FILL),
            ("BOX", (0, 0), (-1, -1), 0.5, RULE_GREY),
            ("INNERGRID", (0, 0), (-1, -1), 0.5, colors.white),
            ("LINEBELOW", (0, 0), (-1, 0), 2, colors.white),
            ("SPAN", (0, 1), (1, 1)),
            ("SPAN", (2, 1), (3, 1)),
            ("SPAN", (4, 1), (5, 1)),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ]
    )
    return Table(rows, colWidths=[width] * 6, style=style)


def _days(value: float | None, t: ReportTexts) -> str:
    return t.no_value if value is None else f"{t.number(value)} {t.days}"


def _charts(data: ReportData, t: ReportTexts) -> Table:
    half = CONTENT_WIDTH / 2 - 3 * mm
    return Table(
        [[_funnel_chart(data, t, half, 68 * mm), _weekly_chart(data, t, half, 68 * mm)]],
        colWidths=[CONTENT_WIDTH / 2] * 2,
        style=table_style(
            [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]
        ),
    )


def _chart_title(drawing: Drawing, title: str, width: float, height: float) -> None:
    drawing.add(String(0, height - 11, title, fontName=FONTS.bold, fontSize=10))


def _funnel_chart(data: ReportData, t: ReportTexts, width: float, height: float) -> Drawing:
    f = data.funnel
    stages = [
        (t.approved, f.approved, "approved"),
        (t.arrived, f.arrived, "arrived"),
        (t.submitted, f.submitted, "submitted"),
        (t.issued, f.issued, "issued"),
        (t.refused, f.refused, "refused"),
        (t.annulled, f.annulled, "annulled"),
    ]
    drawing = Drawing(width, height)
    _chart_title(drawing, t.funnel_chart, width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 28, 30
    chart.width, chart.height = width - 40, height - 58
    chart.data = [[value for _label, value, _key in stages]]
    # Two words a line: six stage names side by side must not run into each other.
    chart.categoryAxis.categoryNames = [_two_lines(label) for label, _v, _k in stages]
    _style_axes(chart, max(value for _l, value, _k in stages))
    chart.barWidth = 10
    chart.groupSpacing = 12
    for i, (_label, _value, key) in enumerate(stages):
        chart.bars[(0, i)].fillColor = colors.HexColor(STAGE_COLOURS[key])
        chart.bars[(0, i)].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = FONTS.bold
    chart.barLabels.fontSize = 7.5
    chart.barLabels.nudge = 6
    drawing.add(chart)
    return drawing


def _two_lines(label: str) -> str:
    words = label.split()
    if len(words) < 2 or len(label) <= 12:
        return label
    half = (len(words) + 1) // 2
    return " ".join(words[:half]) + "\n" + " ".join(words[half:])


def _weekly_chart(data: ReportData, t: ReportTexts, width: float, height: float) -> Drawing:
    series = [
        (t.approved, [w.approved for w in data.weeks], "approved"),
        (t.arrived, [w.arrived for w in data.weeks], "arrived"),
        (t.submitted, [w.submitted for w in data.weeks], "submitted"),
        (t.decided, [w.issued + w.refused for w in data.weeks], "decided"),
    ]
    drawing = Drawing(width, height)
    _chart_title(drawing, t.weekly_chart, width, height)
    chart = HorizontalLineChart()
    chart.x, chart.y = 28, 30
    chart.width, chart.height = width - 40, height - 72
    chart.data = [values for _label, values, _key in series]
    step = max(1, len(data.weeks) // 12)  # at most about a dozen date labels
    chart.categoryAxis.categoryNames = [
        w.week_start.strftime("%d.%m") if i % step == 0 else "" for i, w in enumerate(data.weeks)
    ]
    peak = max((max(values) for _label, values, _key in series if values), default=0)
    _style_axes(chart, peak)
    for i, (_label, _values, key) in enumerate(series):
        chart.lines[i].strokeColor = colors.HexColor(STAGE_COLOURS[key])
        chart.lines[i].strokeWidth = 1.6
        chart.lines[i].symbol = makeMarker("FilledCircle", size=3)
        chart.lines[i].symbol.fillColor = colors.HexColor(STAGE_COLOURS[key])
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 28, height - 20
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.fontName = FONTS.regular
    legend.fontSize = 7.5
    legend.dx = legend.dy = 6
    legend.deltax = max(60, (width - 40) / 4)
    legend.colorNamePairs = [
        (colors.HexColor(STAGE_COLOURS[key]), label) for label, _v, key in series
    ]
    drawing.add(legend)
    return drawing


def _style_axes(chart: Any, peak: int) -> None:
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(4, int(peak * 1.15) + 1)
    chart.valueAxis.valueStep = _nice_step(chart.valueAxis.valueMax)
    chart.valueAxis.labels.fontName = FONTS.regular
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.gridStrokeColor = colors.Color(0.88, 0.88, 0.88)
    chart.valueAxis.visibleGrid = True
    chart.categoryAxis.labels.fontName = FONTS.regular
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.dy = -2


def _nice_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if top / step <= 8:
            return step
    return max(1, top // 8)


def _table(
    header: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float],
    extra: Sequence[tuple[Any, ...]] = (),
) -> LongTable:  # fmt: skip
    """A table over as many pages as it needs, its header row repeated on each."""
    head = [Paragraph(text(label), _HEAD_CELL) for label in header]
    scale = CONTENT_WIDTH / sum(widths)
    style = [
        ("FONT", (0, 1), (-1, -1), FONTS.regular, 8),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE_GREY),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.Color(0.8, 0.8, 0.8)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        *extra,
    ]
    return LongTable(
        [head, *rows],
        colWidths=[w * scale for w in widths],
        repeatRows=1,
        style=table_style(style),
    )


def _window_section(data: ReportData, t: ReportTexts) -> list[Any]:
    heading = Paragraph(text(t.window_title.format(date=t.day(data.as_of))), _HEADING)
    if not data.window_ending:
        return [heading, Paragraph(text(t.window_none), _NOTE)]
    rows = [
        [c.case_id, f"{c.surname} {c.given_names}", t.day(c.approval_date), t.day(c.window_end),
         str(c.days_left), c.city]
        for c in data.window_ending
    ]  # fmt: skip
    urgent = [
        ("TEXTCOLOR", (4, i), (4, i), URGENT)
        for i, c in enumerate(data.window_ending, start=1)
        if c.days_left <= 1
    ]
    numbers = [("ALIGN", (4, 1), (4, -1), "RIGHT")]
    table = _table(
        [t.case, t.applicant, t.approval_date, t.window_end, t.days_left, t.city],
        rows, [42, 80, 26, 26, 20, 24], [*numbers, *urgent],
    )  # fmt: skip
    return [heading, table]


def _staff_section(data: ReportData, t: ReportTexts) -> list[Any]:
    heading = Paragraph(text(t.staff_title), _HEADING)
    if not data.staff:
        return [heading, Paragraph(text(t.staff_none), _NOTE)]
    rows = [
        [staff_name(s, t), t.role_name(s.role), s.arrivals, s.steps, s.printed, s.submitted,
         s.reviews, s.decisions, s.total]
        for s in data.staff
    ]  # fmt: skip
    header = [t.staff_member, t.role, t.arrivals, t.steps, t.printed, t.submitted, t.reviews,
              t.decisions, t.total]  # fmt: skip
    return [
        heading,
        _table(header, rows, [46, 42, 24, 24, 24, 24, 24, 24, 24],
               [("ALIGN", (2, 1), (-1, -1), "RIGHT")]),
    ]  # fmt: skip


def _desk_section(data: ReportData, t: ReportTexts) -> list[Any]:
    heading = Paragraph(text(t.desks_title), _HEADING)
    if not data.desks:
        return [heading, Paragraph(text(t.staff_none), _NOTE)]
    rows = [[d.workstation_id, d.events, d.arrivals, d.submitted, d.decided] for d in data.desks]
    return [
        heading,
        _table([t.desk, t.events, t.arrivals, t.submitted, t.decided], rows,
               [60, 25, 25, 25, 25], [("ALIGN", (1, 1), (-1, -1), "RIGHT")]),
        Spacer(1, 1.5 * mm),
        Paragraph(text(t.desks_note), _NOTE),
    ]  # fmt: skip
