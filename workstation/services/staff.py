"""Staff records of this desk: who may log in, in which role, branch and city."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from workstation.domain.iin import InvalidIIN, parse_iin
from workstation.journal.envelope import format_instant
from workstation.security.roles import Action, Role
from workstation.services.context import DeskContext
from workstation.store.models import staff


@dataclass(frozen=True)
class StaffRecord:
    """One member of staff as the desk knows them (the IIN is the one in their certificate)."""

    iin: str
    display_name: str
    role: str  # a Role value; kept as text so an unknown role from central is reported, not lost
    branch_id: str
    city: str
    active: bool = True
    cert_fingerprint: str | None = None  # set: only this certificate may log in as this IIN


def find_staff(conn: Connection, iin: str) -> StaffRecord | None:
    row = conn.execute(select(staff).where(staff.c.iin == iin)).first()
    if row is None:
        return None
    return StaffRecord(
        iin=row.iin,
        display_name=row.display_name,
        role=row.role,
        branch_id=row.branch_id,
        city=row.city,
        active=bool(row.active),
        cert_fingerprint=row.cert_fingerprint,
    )


def put_staff(conn: Connection, record: StaffRecord, now: datetime) -> None:
    """Insert or replace a staff record (set-up and tests; people use StaffDirectory)."""
    values = {
        "iin": record.iin,
        "display_name": record.display_name,
        "role": record.role,
        "branch_id": record.branch_id,
        "city": record.city,
        "active": record.active,
        "cert_fingerprint": record.cert_fingerprint,
        "updated_at": format_instant(now),
    }
    stmt = sqlite_insert(staff).values(**values)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=["iin"], set_={k: v for k, v in values.items() if k != "iin"}
        )
    )


class StaffDirectory:
    """The administrator's use cases over staff records; each checks MANAGE_STAFF first."""

    def __init__(self, context: DeskContext) -> None:
        self.context = context

    def list(self) -> list[StaffRecord]:
        self.context.require(Action.MANAGE_STAFF)
        with self.context.store.reading() as conn:
            iins = conn.execute(select(staff.c.iin).order_by(staff.c.display_name)).scalars()
            return [r for r in (find_staff(conn, iin) for iin in iins) if r is not None]

    def put(self, record: StaffRecord) -> None:
        """Add a member of staff or change their role, branch, city, key or activity."""
        self.context.require(Action.MANAGE_STAFF)
        try:
            parse_iin(record.iin)
        except InvalidIIN as error:
            raise ValueError(f"The staff member's IIN is not valid: {error}") from error
        Role(record.role)  # an unknown role is a ValueError naming it
        if not record.display_name.strip() or not record.branch_id.strip():
            raise ValueError("A staff record needs a name and a branch.")
        with self.context.store.transaction() as conn:
            put_staff(conn, record, self.context.clock.now())

    def set_active(self, iin: str, active: bool) -> None:
        self.context.require(Action.MANAGE_STAFF)
        with self.context.store.transaction() as conn:
            record = find_staff(conn, iin)
            if record is None:
                raise LookupError("No staff record with that IIN on this desk.")
            put_staff(
                conn,
                StaffRecord(
                    record.iin,
                    record.display_name,
                    record.role,
                    record.branch_id,
                    record.city,
                    active,
                    record.cert_fingerprint,
                ),
                self.context.clock.now(),
            )
