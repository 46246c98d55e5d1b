"""submission and decision: due date, permit number, re-application lock on cases

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 09:00:00.000000

The columns are projections of `ApplicationSubmitted` and `DecisionRecorded` payloads, so
the officer's queue sorts by due date and a pulled approval can be checked against refusals
with one indexed lookup. Existing rows get them empty: no earlier version wrote these events
(`rebuild_projections` would fill them from the journal if one had).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_COLUMNS = (
    ("submitted_on", sa.Date()),
    ("due_date", sa.Date()),
    ("decided_on", sa.Date()),
    ("permit_number", sa.String(length=60)),
    ("refusal_reason", sa.String(length=40)),
    ("reapply_not_before", sa.Date()),
    ("reapply_lock", sa.Text()),
)


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        for name, type_ in _COLUMNS:
            batch_op.add_column(sa.Column(name, type_, nullable=True))
        batch_op.create_index("ix_cases_state_due", ["state", "due_date", "case_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_state_due")
        for name, _ in reversed(_COLUMNS):
            batch_op.drop_column(name)
