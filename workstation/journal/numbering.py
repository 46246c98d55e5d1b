"""Each workstation numbers its own events 1, 2, 3, ... (Event.workstation_seq, signed).

The number is taken in the transaction that records the event: a refused event rolls its
number back with it, so the numbers a workstation sends have no holes, and a hole a pulling
desk sees is an event central lost or withheld (workstation.sync.gaps). The counter lives in
desk_settings, one per workstation id.

Central carries the number (its `events.ws_seq` column, migration c006) and its door
refuses a number a workstation gave twice.
"""

from __future__ import annotations

from sqlalchemy import Connection

from workstation.store.local import get_setting, put_setting


def counter_name(workstation_id: str) -> str:
    return f"workstation_seq:{workstation_id}"


def next_workstation_seq(conn: Connection, workstation_id: str) -> int:
    """The next number of this workstation's events (inside the caller's transaction)."""
    name = counter_name(workstation_id)
    number = int(get_setting(conn, name) or 0) + 1
    put_setting(conn, name, str(number))
    return number
