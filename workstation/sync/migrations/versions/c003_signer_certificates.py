"""signer certificates: the registry desks verify event signatures against

Revision ID: c003
Revises: c002
Create Date: 2026-11-25 09:00:00.000000

Events carry CMS signatures without certificates (a SignerInfo names its certificate by
issuer and serial number). Desks add the certificates of the people who sign on them and
read everyone's; a certificate is public, so no row-level security narrows this table.
Desk roles made before this revision get the grants here; `central add-workstation` gives
them to new ones.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c003"
down_revision = "c002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "certificates",
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("der", sa.LargeBinary(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("added_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("fingerprint", name=op.f("pk_certificates")),
    )
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        roles = bind.execute(
            sa.text("SELECT db_role FROM workstations WHERE db_role IS NOT NULL")
        ).scalars()
        for role in roles:
            quoted = bind.dialect.identifier_preparer.quote(role)
            op.execute(f"GRANT SELECT, INSERT ON certificates TO {quoted}")


def downgrade() -> None:
    op.drop_table("certificates")
