"""Supervisor reports: the figures of a period and center, as PDF and CSV (no Qt here)."""

from workstation.reports.csv_export import render_csv
from workstation.reports.model import (
    InvalidReportPeriod,
    ReportData,
    ReportPeriod,
    UnknownCenter,
)
from workstation.reports.pdf import render_pdf
from workstation.reports.texts import LANGUAGES, UnknownLanguage, texts_for

__all__ = [
    "LANGUAGES",
    "InvalidReportPeriod",
    "ReportData",
    "ReportPeriod",
    "UnknownCenter",
    "UnknownLanguage",
    "render_csv",
    "render_pdf",
    "texts_for",
]
