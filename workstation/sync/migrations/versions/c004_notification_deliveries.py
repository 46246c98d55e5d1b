"""notification outbox: which decision notifications central has delivered

Revision ID: c004
Revises: c003
Create Date: 2026-11-26 09:00:00.000000

The outbox itself is not a table: it is derived from the DecisionRecorded events, whose
signed payload carries the applicant's contact and the message in Kazakh, Russian and
English (workstation.sync.notifications). This table records deliveries, one row per
decision event. Only central's administrator uses it: desk roles get no grant on it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c004"
down_revision = "c003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notification_deliveries",
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=40), nullable=False),
        sa.Column("delivered_at", sa.String(length=32), nullable=False),
        sa.Column("channel", sa.String(length=40), nullable=False),
        sa.Column("reference", sa.String(length=120), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_notification_deliveries")),
    )


def downgrade() -> None:
    op.drop_table("notification_deliveries")
