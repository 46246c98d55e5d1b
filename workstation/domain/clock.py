"""Time for the desk: instants are stored in UTC, deadlines use the Kazakhstan calendar date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Protocol

# All of Kazakhstan is on UTC+5 since 1 March 2024. A fixed offset (not the tz database)
# keeps deadlines right on desks whose tzdata predates that change; dates before it are
# never computed with this offset (approvals of the programme start in 2025).
KAZAKHSTAN_TIME = timezone(timedelta(hours=5), "UTC+5")


def local_date(instant: datetime) -> date:
    """The calendar date in Kazakhstan of a UTC (or any aware) instant."""
    if instant.tzinfo is None:
        raise ValueError("a naive datetime has no place in time; store UTC instants")
    return instant.astimezone(KAZAKHSTAN_TIME).date()


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware, UTC."""
        ...

    def today(self) -> date:
        """Today's date in Kazakhstan."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        return local_date(self.now())


@dataclass
class FixedClock:
    """A clock tests and the demo can set; `advance` moves it forward."""

    instant: datetime

    def now(self) -> datetime:
        return self.instant

    def today(self) -> date:
        return local_date(self.instant)

    def advance(self, delta: timedelta) -> None:
        self.instant += delta
