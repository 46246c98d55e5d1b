"""untrusted pulls: quarantined central rows, pending events, central's receipt time

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 16:00:00.000000

A desk no longer trusts what central hands it (issue 15):
- `pulled_rejects` keeps central rows that do not parse or cannot be processed, with the
  reason, instead of stopping every sync at them;
- journal `received_at` (central's clock at receipt: signatures are judged then) and
  `workstation_seq` (the desk's own number of the event, signed, for the gap check);
- a pulled event journalled `pending` waits for a trust store before it is applied;
- `reverify_pulled` in desk_settings: every pulled event applied before this revision is
  verified once more at the next verified sync, and unapplied if it fails
  (workstation.sync.reverify).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("journal", schema=None) as batch_op:
        batch_op.add_column(sa.Column("workstation_seq", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("received_at", sa.String(length=32), nullable=True))
        batch_op.create_index(
            "ix_journal_workstation_seq", ["workstation_id", "workstation_seq"], unique=False
        )
    op.create_table(
        "pulled_rejects",
        sa.Column("reject_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("central_seq", sa.Text(), nullable=True),
        sa.Column("event_id", sa.Text(), nullable=True),
        sa.Column("case_id", sa.Text(), nullable=True),
        sa.Column("type", sa.Text(), nullable=True),
        sa.Column("workstation_id", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("row", sa.Text(), nullable=False),
        sa.Column("quarantined_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("reject_id", name=op.f("pk_pulled_rejects")),
        sa.UniqueConstraint("digest", name=op.f("uq_pulled_rejects_digest")),
    )
    pulled = (
        op.get_bind()
        .execute(
            sa.text("SELECT count(*) FROM journal WHERE origin = 'central' AND outcome = 'applied'")
        )
        .scalar()
    )
    if pulled:
        op.execute(
            "INSERT OR REPLACE INTO desk_settings (name, value) VALUES ('reverify_pulled', '1')"
        )


def downgrade() -> None:
    op.drop_table("pulled_rejects")
    op.execute("DELETE FROM desk_settings WHERE name = 'reverify_pulled'")
    op.execute("UPDATE journal SET outcome = 'refused' WHERE outcome = 'pending'")
    with op.batch_alter_table("journal", schema=None) as batch_op:
        batch_op.drop_index("ix_journal_workstation_seq")
        batch_op.drop_column("received_at")
        batch_op.drop_column("workstation_seq")
