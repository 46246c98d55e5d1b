"""the desks' audit trails at central (Decree 832: kept at least 3 years)

Revision ID: c005
Revises: c004
Create Date: 2026-11-27 09:00:00.000000

Each desk sends its audit entries as it hashed and signed them. On PostgreSQL a desk role
inserts and reads only its own workstation's entries (row-level security); desk roles made
before this revision get the grant here, `central add-workstation` gives it to new ones.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c005"
down_revision = "c004"
branch_labels = None
depends_on = None

_OWN = (
    "workstation_id IN (SELECT w.workstation_id FROM workstations w WHERE w.db_role = current_user)"
)


def upgrade() -> None:
    op.create_table(
        "audit_entries",
        sa.Column("workstation_id", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.Column("received_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("workstation_id", "seq", name=op.f("pk_audit_entries")),
    )
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE audit_entries ENABLE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY desk_read_own_audit ON audit_entries FOR SELECT USING ({_OWN})")
    op.execute(
        f"CREATE POLICY desk_write_own_audit ON audit_entries FOR INSERT WITH CHECK ({_OWN})"
    )
    roles = bind.execute(
        sa.text("SELECT db_role FROM workstations WHERE db_role IS NOT NULL")
    ).scalars()
    for role in roles:
        quoted = bind.dialect.identifier_preparer.quote(role)
        op.execute(f"GRANT SELECT, INSERT ON audit_entries TO {quoted}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP POLICY IF EXISTS desk_write_own_audit ON audit_entries")
        op.execute("DROP POLICY IF EXISTS desk_read_own_audit ON audit_entries")
    op.drop_table("audit_entries")
