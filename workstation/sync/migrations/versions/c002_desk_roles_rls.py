"""desk roles and row-level security: a desk's role reads and writes only its branch's city

Revision ID: c002
Revises: c001
Create Date: 2026-11-24 09:00:00.000000

Each workstation row names the PostgreSQL role the desk logs in as. The policies look that
role (current_user) up in workstations -> branches, so a desk's role sees and inserts only
events of its branch's city, and only its own workstation and branch rows. The owner of
the tables (the administrator who runs `central init`) is not restricted: PostgreSQL does
not apply a table's policies to its owner unless FORCE is set, and superusers and roles
with BYPASSRLS skip them too. SQLite has no roles and no row-level security: a SQLite
central is for demo and single-desk use, and its file's permissions are the only guard.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c002"
down_revision = "c001"
branch_labels = None
depends_on = None

# The cities of the branches the connected role is a workstation of (one, in practice).
_DESK_CITIES = (
    "SELECT b.city FROM branches b JOIN workstations w ON w.branch_id = b.branch_id "
    "WHERE w.db_role = current_user"
)

_ENABLE = (
    "ALTER TABLE workstations ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY desk_own_workstation ON workstations FOR SELECT USING (db_role = current_user)",
    "ALTER TABLE branches ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY desk_own_branch ON branches FOR SELECT USING (branch_id IN "
    "(SELECT w.branch_id FROM workstations w WHERE w.db_role = current_user))",
    "ALTER TABLE events ENABLE ROW LEVEL SECURITY",
    f"CREATE POLICY desk_read_own_city ON events FOR SELECT USING (city IN ({_DESK_CITIES}))",
    f"CREATE POLICY desk_write_own_city ON events FOR INSERT WITH CHECK (city IN ({_DESK_CITIES}))",
)

_DISABLE = (
    "DROP POLICY IF EXISTS desk_write_own_city ON events",
    "DROP POLICY IF EXISTS desk_read_own_city ON events",
    "ALTER TABLE events DISABLE ROW LEVEL SECURITY",
    "DROP POLICY IF EXISTS desk_own_branch ON branches",
    "ALTER TABLE branches DISABLE ROW LEVEL SECURITY",
    "DROP POLICY IF EXISTS desk_own_workstation ON workstations",
    "ALTER TABLE workstations DISABLE ROW LEVEL SECURITY",
)


def upgrade() -> None:
    with op.batch_alter_table("workstations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("db_role", sa.String(length=63), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_workstations_db_role"), ["db_role"])
    if op.get_bind().dialect.name == "postgresql":
        for statement in _ENABLE:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in _DISABLE:
            op.execute(statement)
    with op.batch_alter_table("workstations", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_workstations_db_role"), type_="unique")
        batch_op.drop_column("db_role")
