"""the narrow door: desk roles reach central only through checked functions

Revision ID: c006
Revises: c005
Create Date: 2026-12-07 16:00:00.000000

Before this revision a desk role inserted into `events`, `certificates` and `audit_entries`
itself, under row-level security: any row its columns could hold went in (a garbage
certificate that stopped every desk's sync, a payload `{not json`, another desk's id), and
the advisory lock that ordered pushes could be taken by any role. Now, on PostgreSQL:

- desk roles hold no privilege on any table or sequence (only SELECT on the schema version);
- a NOLOGIN role `dnr_door_<hash of the database>` owns SECURITY DEFINER functions with a
  fixed search_path, and desk roles may only EXECUTE those: dnr_whoami, dnr_push_events,
  dnr_pull_events, dnr_certificate_fingerprints, dnr_certificates, dnr_add_certificates,
  dnr_push_audit, dnr_audit_records;
- each function binds the workstation to `session_user` (workstations.db_role) and the
  event's city (and the case's, as central first holds it) to the desk's branch, refuses
  malformed input with SQLSTATE DNR01 and a reason code of workstation.sync.door.REASONS,
  stamps `received_at` with central's clock and computes a certificate's fingerprint
  itself (sha256 of the DER);
- `events.seq` is no identity any more: the push function takes an EXCLUSIVE lock on the
  one-row table `central_order`, which no desk role can lock, and numbers the batch's new
  events densely after `last_seq`; the lock is held to commit, so seq order is commit
  order. A push that holds it (a hostile `SELECT dnr_push_events(..), pg_sleep(..)`) for
  more than a few seconds while others wait is cut off, when `central init` could give the
  door role pg_signal_backend and pg_read_all_stats (a superuser or CREATEROLE owner can);
- `events.ws_seq` keeps the workstation's own number of each event (signed in the
  envelope); one workstation cannot give one number to two events.

SQLite has no roles: it gets `ws_seq`, and the gateway runs the same checks in Python
(workstation.sync.door).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from workstation.sync.door import door_role
from workstation.sync.door_c006_sql import (
    DESK_FUNCTIONS,
    EVENT_TYPES,
    INTERNAL_FUNCTIONS,
    RLS_TABLES,
    TABLES,
    functions,
)

revision = "c006"
down_revision = "c005"
branch_labels = None
depends_on = None

__all__ = ["DESK_FUNCTIONS", "EVENT_TYPES", "downgrade", "upgrade"]


def _quote(name: str) -> str:
    return op.get_bind().dialect.identifier_preparer.quote(name)


def _desk_roles() -> list[str]:
    rows = op.get_bind().execute(
        sa.text("SELECT db_role FROM workstations WHERE db_role IS NOT NULL")
    )
    return [str(r) for r in rows.scalars()]


def _drop_bad_certificates_sqlite() -> None:
    from workstation.sync.door import DoorRefusal, certificate_row

    bind = op.get_bind()
    bad = []
    for fingerprint, der in bind.execute(sa.text("SELECT fingerprint, der FROM certificates")):
        try:
            if certificate_row(der, 1)[0] != fingerprint:
                bad.append(fingerprint)
        except DoorRefusal:
            bad.append(fingerprint)
    for fingerprint in bad:
        bind.execute(sa.text("DELETE FROM certificates WHERE fingerprint = :f"), {"f": fingerprint})


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ws_seq", sa.BigInteger(), nullable=True))
        batch_op.create_index(
            "ix_events_workstation_ws_seq", ["workstation_id", "ws_seq"], unique=True
        )
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        _drop_bad_certificates_sqlite()
        return
    database = bind.execute(sa.text("SELECT current_database()")).scalar_one()
    schema = _quote(bind.execute(sa.text("SELECT current_schema()")).scalar_one())
    door = _quote(door_role(database))
    sequence = bind.execute(sa.text("SELECT pg_get_serial_sequence('events', 'seq')")).scalar()
    for role in _desk_roles():  # what c002..c005 gave them, and nothing else
        quoted = _quote(role)
        op.execute(f"REVOKE ALL ON {', '.join(TABLES)} FROM {quoted}")
        if sequence:
            op.execute(f"REVOKE ALL ON SEQUENCE {sequence} FROM {quoted}")
        op.execute(f"ALTER ROLE {quoted} CONNECTION LIMIT 10")  # as add-workstation makes them
    op.execute("ALTER TABLE events ALTER COLUMN seq DROP IDENTITY IF EXISTS")
    op.execute(
        "CREATE TABLE central_order (id integer PRIMARY KEY CHECK (id = 1), "
        "last_seq bigint NOT NULL)"
    )
    op.execute("INSERT INTO central_order SELECT 1, coalesce(max(seq), 0) FROM events")
    op.execute(
        f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
        f"'{door_role(database)}') THEN CREATE ROLE {door} NOLOGIN; END IF; END $$"
    )
    op.execute(f"GRANT {door} TO CURRENT_USER")
    op.execute(f"GRANT USAGE, CREATE ON SCHEMA {schema} TO {door}")
    op.execute(f"GRANT SELECT, INSERT ON events, certificates, audit_entries TO {door}")
    op.execute(f"GRANT SELECT ON workstations, branches TO {door}")
    op.execute(f"GRANT SELECT, UPDATE ON central_order TO {door}")
    # The door reads every row; the functions do the narrowing.
    for table in RLS_TABLES:
        op.execute(f"CREATE POLICY door_all ON {table} TO {door} USING (true) WITH CHECK (true)")
    # To cut off a push held open (dnr_take_order): a superuser or CREATEROLE owner may
    # grant these; without them a held push makes the others wait and fail, then retry.
    op.execute(
        f"DO $$ BEGIN GRANT pg_signal_backend, pg_read_all_stats TO {door}; "
        "EXCEPTION WHEN insufficient_privilege THEN "
        "RAISE WARNING 'the door role cannot cut off a push held open: grant it "
        "pg_signal_backend and pg_read_all_stats'; END $$"
    )
    for statement in functions(schema):  # not op.execute: ":MI" is no bind parameter
        bind.exec_driver_sql(statement)
    for function in DESK_FUNCTIONS + INTERNAL_FUNCTIONS:
        op.execute(f"ALTER FUNCTION {function} OWNER TO {door}")
        op.execute(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")
    op.execute(f"REVOKE CREATE ON SCHEMA {schema} FROM {door}")  # needed only to take them
    # Rows a desk role could write before: a fingerprint that is not its DER's, or DER
    # that is no certificate. Worthless to every desk; each one stopped their syncs.
    op.execute(
        "DELETE FROM certificates WHERE fingerprint <> encode(sha256(der), 'hex') "
        "OR NOT dnr_der_ok(der)"
    )
    grantees = ["CURRENT_USER"] + [_quote(r) for r in _desk_roles()]
    for function in DESK_FUNCTIONS:
        op.execute(f"GRANT EXECUTE ON FUNCTION {function} TO {', '.join(grantees)}")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        database = bind.execute(sa.text("SELECT current_database()")).scalar_one()
        door = _quote(door_role(database))
        for function in DESK_FUNCTIONS + INTERNAL_FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS {function}")
        for table in RLS_TABLES:
            op.execute(f"DROP POLICY IF EXISTS door_all ON {table}")
        op.execute("DROP TABLE central_order")
        op.execute(f"DROP OWNED BY {door}")
        op.execute(f"DROP ROLE {door}")
        op.execute("ALTER TABLE events ALTER COLUMN seq ADD GENERATED BY DEFAULT AS IDENTITY")
        op.execute(
            "SELECT setval(pg_get_serial_sequence('events', 'seq'), "
            "coalesce((SELECT max(seq) FROM events), 0) + 1, false)"
        )
        sequence = bind.execute(sa.text("SELECT pg_get_serial_sequence('events', 'seq')")).scalar()
        for role in _desk_roles():
            quoted = _quote(role)
            op.execute(f"GRANT SELECT, INSERT ON events, certificates, audit_entries TO {quoted}")
            op.execute(f"GRANT SELECT ON workstations, branches TO {quoted}")
            op.execute(f"GRANT USAGE ON SEQUENCE {sequence} TO {quoted}")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_workstation_ws_seq")
        batch_op.drop_column("ws_seq")
