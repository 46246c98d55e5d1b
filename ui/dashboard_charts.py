"""The dashboard's charts (QtCharts): the period's cases by stage, and the same by week."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

from workstation.reports.model import STAGE_COLOURS, ReportData


def stage_labels() -> dict[str, str]:
    return {
        "approved": QCoreApplication.translate("dashboard", "Approved"),
        "arrived": QCoreApplication.translate("dashboard", "Arrived"),
        "annulled": QCoreApplication.translate("dashboard", "Annulled"),
        "submitted": QCoreApplication.translate("dashboard", "Submitted"),
        "issued": QCoreApplication.translate("dashboard", "Issued"),
        "refused": QCoreApplication.translate("dashboard", "Refused"),
        "decided": QCoreApplication.translate("dashboard", "Decided"),
    }


FUNNEL_ORDER = ("approved", "arrived", "submitted", "issued", "refused", "annulled")
WEEKLY_SERIES = ("approved", "arrived", "submitted", "decided")


class ChartPanel(QChartView):
    """A chart view that redraws its chart from a report."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(250)
        self._title = title
        self.setChart(self._empty_chart())

    def _empty_chart(self) -> QChart:
        chart = QChart()
        chart.setTitle(self._title)
        font = QFont(chart.titleFont())
        font.setBold(True)
        chart.setTitleFont(font)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        return chart

    def _value_axis(self, chart: QChart, peak: int) -> QValueAxis:
        axis = QValueAxis()
        axis.setLabelFormat("%d")
        axis.setRange(0, max(4, int(peak * 1.15) + 1))
        axis.applyNiceNumbers()
        chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
        return axis


class FunnelChart(ChartPanel):
    """One bar per stage, in the stage's colour (the same as the PDF's), with its number."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("dashboard", "Cases by stage in the period"), parent
        )

    def show_report(self, data: ReportData) -> None:
        chart = self._empty_chart()
        series = QBarSeries()
        names = stage_labels()
        values = {
            "approved": data.funnel.approved,
            "arrived": data.funnel.arrived,
            "submitted": data.funnel.submitted,
            "issued": data.funnel.issued,
            "refused": data.funnel.refused,
            "annulled": data.funnel.annulled,
        }
        for key in FUNNEL_ORDER:
            bar = QBarSet(names[key])
            bar.append(values[key])
            bar.setColor(QColor(STAGE_COLOURS[key]))
            bar.setBorderColor(QColor(STAGE_COLOURS[key]))
            bar.setLabelColor(QColor("#111827"))
            series.append(bar)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsFormat("@value")
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([""])
        categories.setVisible(False)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        series.attachAxis(self._value_axis(chart, max(values.values())))
        self.setChart(chart)


class WeeklyChart(ChartPanel):
    """Approvals, entries, submissions and decisions per week of the period."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("dashboard", "By week"), parent)

    def show_report(self, data: ReportData) -> None:
        chart = self._empty_chart()
        names = stage_labels()
        per_week = {
            "approved": [w.approved for w in data.weeks],
            "arrived": [w.arrived for w in data.weeks],
            "submitted": [w.submitted for w in data.weeks],
            "decided": [w.issued + w.refused for w in data.weeks],
        }
        weeks = QBarCategoryAxis()
        step = max(1, len(data.weeks) // 12)
        weeks.append(
            [
                # Categories must differ: the weeks between two labels get invisible names.
                w.week_start.strftime("%d.%m") if i % step == 0 else "\u200b" * (i + 1)
                for i, w in enumerate(data.weeks)
            ]
        )
        chart.addAxis(weeks, Qt.AlignmentFlag.AlignBottom)
        peak = max((max(v) for v in per_week.values() if v), default=0)
        values_axis = self._value_axis(chart, peak)
        for key in WEEKLY_SERIES:
            line = QLineSeries()
            line.setName(names[key])
            pen = QPen(QColor(STAGE_COLOURS[key]))
            pen.setWidthF(2.2)
            line.setPen(pen)
            line.setPointsVisible(True)
            for index, value in enumerate(per_week[key]):
                line.append(index, value)
            chart.addSeries(line)
            line.attachAxis(weeks)
            line.attachAxis(values_axis)
        self.setChart(chart)
