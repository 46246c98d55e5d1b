"""journal report index: who recorded what, when, without reading payloads

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-21 12:00:00.000000

The supervisor's report counts the events of a period by person, desk and kind
(workstation.reports.query). Without an index that is a scan of the whole journal, payloads
and all (about a second per million events on an encrypted store); with this covering index
a month reads only that month's index entries. About 100 bytes per event.
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_COLUMNS = ["recorded_at", "outcome", "type", "actor_iin", "workstation_id", "case_id"]


def upgrade() -> None:
    with op.batch_alter_table("journal", schema=None) as batch_op:
        batch_op.create_index("ix_journal_report", _COLUMNS, unique=False)


def downgrade() -> None:
    with op.batch_alter_table("journal", schema=None) as batch_op:
        batch_op.drop_index("ix_journal_report")
