"""signer certificates: the registry pulled events are verified against

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21 10:00:00.000000

Events carry CMS signatures without certificates; each SignerInfo names its certificate by
issuer and serial number, and this table holds the certificates (from central and from each
log-in) so that a desk verifies offline and `audit export-event` can write the signer's.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
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


def downgrade() -> None:
    op.drop_table("certificates")
