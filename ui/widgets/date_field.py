"""A date field a clerk types into: dd.mm.yyyy with the dots filled in, parsed on demand."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit, QWidget

DATE_FORMAT = "%d.%m.%Y"


class DateField(QLineEdit):
    """Typing 24102026 or 24.10.2026 both give 24.10.2026; `date()` is None until complete.

    QDateEdit's sections fight a clerk who types a whole date in one go (the day section
    keeps its old digit), so the desk uses a masked line edit and parses it itself.
    """

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setInputMask("99.99.9999;_")
        self.setPlaceholderText(self.tr("dd.mm.yyyy"))
        self.setMaximumWidth(140)
        if value is not None:
            self.set_date(value)

    def set_date(self, value: date) -> None:
        self.setText(value.strftime(DATE_FORMAT))

    def date(self) -> date | None:
        """The typed date, or None when incomplete or not a real calendar date."""
        text = self.text()
        if "_" in text or len(text) != 10:
            return None
        try:
            day, month, year = (int(part) for part in text.split("."))
            return date(year, month, day)
        except ValueError:
            return None

    def focusInEvent(self, event):  # type: ignore[no-untyped-def]
        super().focusInEvent(event)
        # Typing replaces the whole date, as in a paper form's boxes.
        self.selectAll()
