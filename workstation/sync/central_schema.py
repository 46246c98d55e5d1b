"""Tables of the central database (PostgreSQL in production, a SQLite file when embedded)."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    ForeignKey,
    Identity,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

from workstation.store.models import NAMING_CONVENTION

central_metadata = MetaData(naming_convention=NAMING_CONVENTION)

# SQLite only auto-increments a plain INTEGER PRIMARY KEY; PostgreSQL gets a BIGINT identity.
_SEQ_TYPE = BigInteger().with_variant(Integer(), "sqlite")

branches = Table(
    "branches",
    central_metadata,
    Column("branch_id", String(40), primary_key=True),
    Column("city", String(60), nullable=False),
    Column("name", String(200), nullable=False),
)

workstations = Table(
    "workstations",
    central_metadata,
    Column("workstation_id", String(64), primary_key=True),
    Column("branch_id", String(40), ForeignKey("branches.branch_id"), nullable=False),
    Column("name", String(200), nullable=False),
    # The PostgreSQL role the desk logs in as (None on SQLite, which has no roles). The
    # row-level security policies (migration c002) find the desk's branch and city by it.
    Column("db_role", String(63), nullable=True, unique=True),
)

# The global order: `seq` is assigned in commit order (see gateway.push), so a desk that
# pulls "everything after my cursor" can never skip an event committed late. On PostgreSQL
# since c006 `seq` is no identity: dnr_push_events numbers events under central_order's lock.
events = Table(
    "events",
    central_metadata,
    Column("seq", _SEQ_TYPE, Identity(), primary_key=True),
    Column("event_id", String(36), nullable=False, unique=True),
    Column("case_id", String(40), nullable=False),
    Column("city", String(60), nullable=False),
    Column("type", String(40), nullable=False),
    Column("payload", Text, nullable=False),
    Column("actor_iin", String(12), nullable=False),
    Column("actor_fingerprint", String(64), nullable=False),
    Column("workstation_id", String(64), nullable=False),
    Column("recorded_at", String(32), nullable=False),
    Column("signature", LargeBinary, nullable=True),
    Column("received_at", String(32), nullable=False),
    # The workstation's own number of the event (migration c006; Event.workstation_seq).
    Column("ws_seq", BigInteger, nullable=True),
)
Index("ix_events_city_seq", events.c.city, events.c.seq)
Index("ix_events_case", events.c.case_id)

# Signer certificates (migration c003): events travel without certificates in their CMS
# signatures; desks send the certificates of the people who sign and take the others'.
certificates = Table(
    "certificates",
    central_metadata,
    Column("fingerprint", String(64), primary_key=True),
    Column("der", LargeBinary, nullable=False),
    Column("subject", Text, nullable=False),
    Column("added_at", String(32), nullable=False),
)

# The notification outbox (migration c004): central derives it from the signed
# DecisionRecorded events (sync.notifications); this table only says which were delivered.
notification_deliveries = Table(
    "notification_deliveries",
    central_metadata,
    Column("event_id", String(36), primary_key=True),  # the DecisionRecorded event
    Column("case_id", String(40), nullable=False),
    Column("delivered_at", String(32), nullable=False),
    Column("channel", String(40), nullable=False),
    Column("reference", String(120), nullable=False),  # the channel's id for the message
)

# The desks' audit trails (migration c005): each entry as the desk hashed and signed it, so
# central keeps them the 3 years Decree 832 asks even when a desk is lost, and anyone can
# check a desk's chain there. A desk role inserts only its own workstation's entries.
audit_entries = Table(
    "audit_entries",
    central_metadata,
    Column("workstation_id", String(64), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", String(32), nullable=False),
    Column("record", Text, nullable=False),  # AuditEntry.to_record(), canonical JSON
    Column("received_at", String(32), nullable=False),
)
