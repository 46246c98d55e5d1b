"""The worklist table model: one page of cases at a time from the local store, never all rows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from ui import i18n, labels
from ui.paged_model import PagedModel
from ui.runner import Runner
from workstation.domain.lifecycle import CaseState
from workstation.services.desk import Desk
from workstation.services.worklist import PAGE_SIZE, WorklistPage, WorklistQuery, WorklistRow

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Loaded:
    """A fresh result: the first page and how many cases match (up to the cap)."""

    generation: int
    query: WorklistQuery
    page: WorklistPage
    total: int


class WorklistModel(PagedModel[WorklistRow]):
    # The case id is in the case view and the tooltip; the list keeps its width for names.
    COLUMNS = ("days_left", "name", "iin", "passport", "nationality", "status")

    def __init__(
        self, desk: Desk, runner: Runner, urgent_days: int = 3, page_size: int = PAGE_SIZE
    ) -> None:
        super().__init__(runner, page_size)
        self._desk = desk
        self._urgent_days = urgent_days
        self._query = WorklistQuery()

    # Loading ---------------------------------------------------------------------------

    @property
    def query(self) -> WorklistQuery:
        return self._query

    def set_query(self, query: WorklistQuery) -> None:
        """Ask for a new result; an answer to an older query that arrives late is dropped."""
        generation = self._new_generation()
        self._query = query
        desk, size = self._desk, self.page_size
        self._runner.run(lambda: load(desk, query, generation, size), self.apply)

    def refresh(self) -> None:
        self.set_query(self._query)

    def apply(self, result: Loaded) -> None:
        self._reset(result.generation, result.page, result.total)

    def next_page(self, after: Any) -> Callable[[], WorklistPage]:
        desk, query, size = self._desk, self._query, self.page_size
        return lambda: desk.worklist_page(query, after, size)

    # Qt model interface -------------------------------------------------------------------

    def headers(self) -> dict[str, str]:
        return {
            "days_left": self.tr("Days left"),
            "name": self.tr("Name"),
            "iin": self.tr("IIN"),
            "passport": self.tr("Passport"),
            "nationality": self.tr("Citizenship"),
            "status": self.tr("Status"),
        }

    def cell(self, row: WorklistRow, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == CASE_ID_ROLE:
            return row.case_id
        if role == Qt.ItemDataRole.ForegroundRole and column == "days_left":
            if row.state is CaseState.APPROVED:
                return labels.days_left_colour(row.days_left, self._urgent_days)
            return None
        if role == Qt.ItemDataRole.FontRole and column == "days_left":
            return self._bold if 0 <= row.days_left <= self._urgent_days else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "days_left":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        return None

    def _display(self, row: WorklistRow, column: str) -> str:
        if column == "days_left":
            if row.state is not CaseState.APPROVED:
                return "" if row.entry_date is None else "✓"
            return labels.days_left_text(row.days_left)
        if column == "name":
            latin = f"{row.surname} {row.given_names}"
            cyrillic = f"{row.surname_cyr} {row.given_names_cyr}".strip()
            return f"{latin} ({cyrillic})" if cyrillic else latin
        if column == "iin":
            return row.iin
        if column == "passport":
            return row.passport_number
        if column == "nationality":
            return row.nationality
        if column == "status":
            text = (
                labels.window_closed_label()
                if row.state is CaseState.APPROVED and row.days_left < 0
                else labels.state_label(row.state)
            )
            return f"⚠ {text}" if row.flagged else text
        raise KeyError(column)

    def _tooltip(self, row: WorklistRow) -> str:
        if row.state is CaseState.APPROVED:
            text = self.tr("Approved {approval}; entry allowed until {end}").format(
                approval=i18n.format_date(row.approval_date),
                end=i18n.format_date(row.window_end),
            )
        elif row.entry_date is not None:
            text = self.tr("Entered Kazakhstan on {date}").format(
                date=i18n.format_date(row.entry_date)
            )
        else:
            text = labels.state_label(row.state)
        return f"{row.case_id} · {row.city}\n{text}"


def load(desk: Desk, query: WorklistQuery, generation: int, page_size: int = PAGE_SIZE) -> Loaded:
    """The worker-thread half of a fresh query (also what the benchmark times)."""
    page = desk.worklist_page(query, None, page_size)
    total = len(page.rows) if not page.more else desk.worklist_count(query)
    return Loaded(generation, query, page, total)
