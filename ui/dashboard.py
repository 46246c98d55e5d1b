"""The supervisor's dashboard: a period and center, the figures as tiles, the funnel and weekly
charts, the arrival windows about to close, the work of each clerk and officer, and the same
report exported as PDF or CSV. The figures come from workstation.reports, on the runner;
ui.features.reports puts the dashboard in the supervisor's window."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui import i18n
from ui.dashboard_charts import FunnelChart, WeeklyChart, stage_labels
from ui.i18n import error_text, format_date, format_number
from ui.runner import Runner
from workstation.reports import ReportData, ReportPeriod
from workstation.reports.model import STAGE_COLOURS, InvalidReportPeriod
from workstation.security.private_files import write_private
from workstation.security.roles import Role
from workstation.services.reports import ReportDesk

TILE_KEYS = ("approved", "arrived", "annulled", "submitted", "issued", "refused")
LANGUAGE_NAMES = (("en", "English"), ("ru", "Русский"), ("kk", "Қазақша"))


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class Tile(QFrame):
    """A big number over its label."""

    def __init__(self, key: str, label: str, colour: str | None = None) -> None:
        super().__init__()
        self.setObjectName(f"tile-{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"QFrame#tile-{key} {{ background: #f6f7fa; border: 1px solid #d9dce3; "
            "border-radius: 6px; }"
        )
        self.number = QLabel("—")
        self.number.setObjectName(f"value-{key}")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number.setStyleSheet(
            f"font-size: 26px; font-weight: 600; color: {colour or '#111827'};"
        )
        self.caption = QLabel(label)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #4b5563;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)

    def set_value(self, text: str, caption: str | None = None) -> None:
        self.number.setText(text)
        if caption is not None:
            self.caption.setText(caption)


class DashboardPanel(QWidget):
    """The dashboard screen. `shown` fires when a report's figures are on screen; `exported`
    with the path of a file written."""

    shown = Signal()
    exported = Signal(str)

    def __init__(
        self,
        reports: ReportDesk,
        runner: Runner,
        *,
        default_center: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.reports = reports
        self.runner = runner
        self.report: ReportData | None = None
        self._default_center = default_center
        self._build()
        self.set_period(ReportPeriod.month_of(reports.context.today()))

    # Layout --------------------------------------------------------------------------------

    def _build(self) -> None:
        self.from_date = QDateEdit()
        self.from_date.setObjectName("fromDate")
        self.to_date = QDateEdit()
        self.to_date.setObjectName("toDate")
        for edit in (self.from_date, self.to_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(i18n.date_format())
            edit.dateChanged.connect(self.refresh)
        self.center = QComboBox()
        self.center.setObjectName("center")
        self.center.addItem(self.tr("All centers"), None)
        if self._default_center:
            self.center.addItem(self._default_center, self._default_center)
            self.center.setCurrentIndex(1)
        self.center.currentIndexChanged.connect(self.refresh)
        this_month = QPushButton(self.tr("This &month"))
        this_month.clicked.connect(
            lambda: self.set_period(ReportPeriod.month_of(self.reports.context.today()))
        )
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        # The report is written in the desk's language unless the supervisor picks another.
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.current_language())))
        self.pdf_button = QPushButton(self.tr("Export &PDF…"))
        self.pdf_button.setObjectName("exportPdf")
        self.pdf_button.clicked.connect(lambda: self.ask_and_export("pdf"))
        self.csv_button = QPushButton(self.tr("Export &CSV…"))
        self.csv_button.setObjectName("exportCsv")
        self.csv_button.clicked.connect(lambda: self.ask_and_export("csv"))

        controls = QHBoxLayout()
        for text, widget in ((self.tr("&From:"), self.from_date), (self.tr("&To:"), self.to_date),
                             (self.tr("C&enter:"), self.center)):  # fmt: skip
            label = QLabel(text)
            label.setBuddy(widget)
            controls.addWidget(label)
            controls.addWidget(widget)
        controls.addWidget(this_month)
        controls.addStretch(1)
        language_label = QLabel(self.tr("Report &language:"))
        language_label.setBuddy(self.language)
        controls.addWidget(language_label)
        controls.addWidget(self.language)
        controls.addWidget(self.pdf_button)
        controls.addWidget(self.csv_button)

        self.status = QLabel()
        self.status.setObjectName("dashboardStatus")
        self.status.setStyleSheet("color: #4b5563;")
        self.status.setWordWrap(True)

        names = stage_labels()
        self.tiles = {key: Tile(key, names[key], STAGE_COLOURS[key]) for key in TILE_KEYS}
        self.tiles["to_arrival"] = Tile("to_arrival", self.tr("Median days, approval to arrival"))
        self.tiles["to_decision"] = Tile(
            "to_decision", self.tr("Median days, submission to decision")
        )
        self.tiles["in_time"] = Tile("in_time", self.tr("Decided within 3 working days"))
        tiles = QGridLayout()
        tiles.setSpacing(8)
        for column, key in enumerate(TILE_KEYS):
            tiles.addWidget(self.tiles[key], 0, column)
        for column, key in enumerate(("to_arrival", "to_decision", "in_time")):
            tiles.addWidget(self.tiles[key], 1, 2 * column, 1, 2)

        self.funnel = FunnelChart()
        self.funnel.setObjectName("funnelChart")
        self.weekly = WeeklyChart()
        self.weekly.setObjectName("weeklyChart")
        charts = QHBoxLayout()
        charts.addWidget(self.funnel, 1)
        charts.addWidget(self.weekly, 1)
        for chart in (self.funnel, self.weekly):  # high as there is room, not as they'd like
            chart.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)

        self.window_title = QLabel()
        self.window_title.setStyleSheet("font-weight: 600;")
        self.window_table = self._table(
            "windowList",
            [self.tr("Case"), self.tr("Applicant"), self.tr("Window ends"), self.tr("Days left")],
        )
        self.staff_table = self._table(
            "staffTable",
            [self.tr("Staff member"), self.tr("Role"), self.tr("Arrivals"), self.tr("Steps"),
             self.tr("Printed"), self.tr("Submitted"), self.tr("Reviews"), self.tr("Decisions"),
             self.tr("All events")],
        )  # fmt: skip
        staff_title = QLabel(self.tr("Work of clerks and migration officers"))
        staff_title.setStyleSheet("font-weight: 600;")
        tables = QSplitter(Qt.Orientation.Horizontal)
        for title, table in ((self.window_title, self.window_table),
                             (staff_title, self.staff_table)):  # fmt: skip
            box = QWidget()
            stack = QVBoxLayout(box)
            stack.setContentsMargins(0, 0, 0, 0)
            stack.addWidget(title)
            stack.addWidget(table)
            tables.addWidget(box)
        tables.setSizes([420, 640])

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(controls)
        layout.addWidget(self.status)
        layout.addLayout(tiles)
        layout.addLayout(charts, 3)
        layout.addWidget(tables, 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        # The header and a few rows at least, in this font.
        table.setMinimumHeight(
            header.sizeHint().height()
            + 5 * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth()
        )
        # Each column as wide as its header and cells; the staff table scrolls sideways
        # rather than cut a column, the arrival windows give what is left to the applicant.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if name == "windowList":
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        else:
            header.setStretchLastSection(True)
        return table

    # Behaviour ---------------------------------------------------------------------------

    def set_period(self, period: ReportPeriod) -> None:
        for edit in (self.from_date, self.to_date):
            edit.blockSignals(True)
        self.from_date.setDate(_qdate(period.start))
        self.to_date.setDate(_qdate(period.end))
        for edit in (self.from_date, self.to_date):
            edit.blockSignals(False)
        self.refresh()

    def period(self) -> ReportPeriod:
        return ReportPeriod(_pydate(self.from_date.date()), _pydate(self.to_date.date()))

    def refresh(self) -> None:
        """Compute the report of the chosen period and center on the runner."""
        try:
            period = self.period()
        except InvalidReportPeriod as exc:
            self.status.setText(error_text(exc))
            self.status.setStyleSheet("color: #b91c1c;")
            return
        self.status.setStyleSheet("color: #4b5563;")
        self.status.setText(self.tr("Counting…"))
        center = self.center.currentData()
        reports = self.reports
        self.runner.run(
            lambda: (reports.centers(), reports.report(period, center)),
            lambda result: self._show(*result),
            label=self.tr("Counting the report…"),
        )

    def _show(self, centers: tuple[str, ...], data: ReportData) -> None:
        if (data.period, data.center) != (self.period(), self.center.currentData()):
            return  # the person changed the period meanwhile; that report is on its way
        self._offer_centers(centers)
        self.report = data
        f = data.funnel
        for key, value in zip(TILE_KEYS, (f.approved, f.arrived, f.annulled, f.submitted,
                                          f.issued, f.refused), strict=True):  # fmt: skip
            self.tiles[key].set_value(format_number(value))
        for key, median in (("to_arrival", data.median_days_to_arrival),
                            ("to_decision", data.median_days_to_decision)):  # fmt: skip
            self.tiles[key].set_value("—" if median is None else format_number(median, 1))
        share = data.share_in_time
        self.tiles["in_time"].set_value(
            "—"
            if share is None
            else self.tr("{percent} %").format(percent=format_number(share * 100, 1)),
            self.tr("Decided within 3 working days ({n} of {total})").format(
                n=format_number(data.decided_in_time), total=format_number(data.decided)
            ),
        )
        self.funnel.show_report(data)
        self.weekly.show_report(data)
        self._fill_window_list(data)
        self._fill_staff(data)
        where = data.center or self.tr("all centers")
        self.status.setText(
            self.tr("{start} – {end}, {where}; as of {today}").format(
                start=format_date(data.period.start),
                end=format_date(data.period.end),
                where=where,
                today=format_date(data.as_of),
            )
        )
        self.shown.emit()

    def _offer_centers(self, centers: tuple[str, ...]) -> None:
        present = {self.center.itemData(i) for i in range(self.center.count())}
        self.center.blockSignals(True)
        for city in centers:
            if city not in present:
                self.center.addItem(city, city)
        self.center.blockSignals(False)

    def _fill_window_list(self, data: ReportData) -> None:
        self.window_title.setText(
            self.tr("Arrival windows ending in the next 3 days ({n})").format(
                n=format_number(len(data.window_ending))
            )
        )
        table = self.window_table
        table.setRowCount(len(data.window_ending))
        for row, case in enumerate(data.window_ending):
            cells = [case.case_id, f"{case.surname} {case.given_names}",
                     format_date(case.window_end), format_number(case.days_left)]  # fmt: skip
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                    if case.days_left <= 1:
                        item.setForeground(QColor("#b91c1c"))
                table.setItem(row, column, item)

    def _fill_staff(self, data: ReportData) -> None:
        table = self.staff_table
        table.setRowCount(len(data.staff))
        for row, person in enumerate(data.staff):
            role = _role_label(person.role)
            name = (
                person.name
                if person.known
                else QCoreApplication.translate("dashboard", "IIN {iin}").format(iin=person.name)
            )
            cells = [name, role, person.arrivals, person.steps,
                     person.printed, person.submitted, person.reviews, person.decisions,
                     person.total]  # fmt: skip
            for column, value in enumerate(cells):
                item = QTableWidgetItem(
                    format_number(value) if isinstance(value, int) else str(value)
                )
                if isinstance(value, int):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(row, column, item)

    # Export ------------------------------------------------------------------------------

    def suggested_name(self, format: str) -> str:
        period = self.period()
        center = self.center.currentData() or "all"
        return f"dnr-report-{center}-{period.start.isoformat()}-{period.end.isoformat()}.{format}"

    def ask_and_export(self, format: str) -> None:
        """Ask where to save, then write the report shown on screen as PDF or CSV."""
        if self.report is None:
            return
        caption = (
            self.tr("Save the report as PDF")
            if format == "pdf"
            else self.tr("Save the report as CSV (for spreadsheets)")
        )
        pattern = self.tr("PDF files (*.pdf)") if format == "pdf" else self.tr("CSV files (*.csv)")
        path, _filter = QFileDialog.getSaveFileName(self, caption, self.suggested_name(format),
                                                    pattern)  # fmt: skip
        if path:
            self.export_to(Path(path), format)

    def export_to(self, path: Path, format: str) -> None:
        data = self.report
        if data is None:
            return
        if not path.suffix:
            path = path.with_suffix(f".{format}")
        language = self.language.currentData()
        reports = self.reports

        def work() -> Path:
            exported = reports.export(data, format, language)
            write_private(path, exported.content)
            return path

        def done(written: Path) -> None:
            self.status.setText(self.tr("Saved to {path}").format(path=written))
            self.exported.emit(str(written))

        self.runner.run(work, done, label=self.tr("Writing the report…"))


def _role_label(role: str | None) -> str:
    """The role in the desk's language; a role this desk does not know, as recorded."""
    known = {r.value: r for r in Role}
    return i18n.text_of(known[role].label) if role in known else role or "—"
