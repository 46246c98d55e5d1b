"""Tables of the desk's local store: the append-only journal and the projections built from it."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

# A naming convention makes constraint names stable, which Alembic's SQLite batch mode needs
# to find and recreate them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

# Every change ever made or received, never updated except for its delivery bookkeeping
# (central_seq, pushed) and the outcome of applying it.
journal = Table(
    "journal",
    metadata,
    Column("local_seq", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(36), nullable=False, unique=True),
    Column("case_id", String(40), nullable=False, index=True),
    Column("type", String(40), nullable=False),
    Column("payload", Text, nullable=False),  # canonical JSON
    Column("actor_iin", String(12), nullable=False),
    Column("actor_fingerprint", String(64), nullable=False),
    Column("workstation_id", String(64), nullable=False),
    Column("recorded_at", String(32), nullable=False),  # canonical UTC text, as signed
    Column("signature", LargeBinary, nullable=True),
    Column("origin", String(8), nullable=False),  # "local" (made here) or "central" (pulled)
    Column("central_seq", Integer, nullable=True, unique=True),
    Column("pushed", Boolean, nullable=False, default=False),
    # "applied", "refused", or "pending": pulled by a desk with no trust store, kept and
    # applied only once it is verified (migration 0007).
    Column("outcome", String(8), nullable=False),
    Column("refusal", Text, nullable=True),
    # The workstation's own number of the event, signed with it (None before migration 0007).
    Column("workstation_seq", Integer, nullable=True),
    # Central's clock when it received a pulled event: signatures are judged at this time.
    Column("received_at", String(32), nullable=True),
)
Index("ix_journal_unpushed", journal.c.origin, journal.c.pushed, journal.c.local_seq)
# Each workstation's numbers, for the gap check (sync.gaps).
Index("ix_journal_workstation_seq", journal.c.workstation_id, journal.c.workstation_seq)
# The supervisor's report: events of a period by person, desk and kind, read from the index
# alone (migration 0006; workstation.reports.query).
Index(
    "ix_journal_report",
    journal.c.recorded_at,
    journal.c.outcome,
    journal.c.type,
    journal.c.actor_iin,
    journal.c.workstation_id,
    journal.c.case_id,
)

# One row per case: what the worklist shows and searches.
cases = Table(
    "cases",
    metadata,
    Column("case_id", String(40), primary_key=True),
    Column("iin", String(12), nullable=False),
    Column("passport_number", String(20), nullable=False),
    Column("surname", String(200), nullable=False),
    Column("given_names", String(200), nullable=False),
    Column("surname_cyr", String(200), nullable=False, default=""),
    Column("given_names_cyr", String(200), nullable=False, default=""),
    # Upper-cased, accent-free forms for prefix search (see journal.search_key).
    Column("surname_key", String(200), nullable=False),
    Column("given_key", String(200), nullable=False),
    Column("surname_cyr_key", String(200), nullable=False),
    Column("nationality", String(3), nullable=False),
    Column("birth_date", Date, nullable=False),
    Column("sex", String(1), nullable=False),
    Column("city", String(60), nullable=False),
    Column("approval_number", String(40), nullable=False),
    Column("approval_date", Date, nullable=False),
    Column("window_end", Date, nullable=False),
    Column("state", String(20), nullable=False),
    Column("entry_date", Date, nullable=True),
    Column("border_point", String(120), nullable=True),
    Column("annul_reason", Text, nullable=True),
    Column("decision", String(10), nullable=True),
    Column("flagged", Text, nullable=True),  # why a pulled event could not be applied
    Column("approval", Text, nullable=False),  # the approval payload, canonical JSON
    Column("updated_at", String(32), nullable=False),
    Column("event_count", Integer, nullable=False, default=0),
    # Submission and decision (migration 0005), from the signed payloads.
    Column("submitted_on", Date, nullable=True),
    Column("due_date", Date, nullable=True),  # the migration service decides by this day
    Column("decided_on", Date, nullable=True),
    Column("permit_number", String(60), nullable=True),
    Column("refusal_reason", String(40), nullable=True),
    Column("reapply_not_before", Date, nullable=True),  # of a refused case
    # Why this approval may not be processed: a refusal of the same person within a year.
    Column("reapply_lock", Text, nullable=True),
)
# The worklist's default order is urgency: the end of the arrival window, then the case id.
Index("ix_cases_urgency", cases.c.window_end, cases.c.case_id)
Index("ix_cases_state_urgency", cases.c.state, cases.c.window_end, cases.c.case_id)
Index("ix_cases_iin", cases.c.iin)
# The officer's review queue: submitted and under-review cases by due date.
Index("ix_cases_state_due", cases.c.state, cases.c.due_date, cases.c.case_id)
Index("ix_cases_passport", cases.c.passport_number)
Index("ix_cases_surname_key", cases.c.surname_key)
Index("ix_cases_given_key", cases.c.given_key)
Index("ix_cases_surname_cyr_key", cases.c.surname_cyr_key)

# The current record of each step of a case; the journal keeps every earlier version.
case_steps = Table(
    "case_steps",
    metadata,
    Column("case_id", String(40), primary_key=True),
    Column("step", String(20), primary_key=True),
    Column("event_id", String(36), nullable=False),
    Column("recorded_at", String(32), nullable=False),
    Column("actor_iin", String(12), nullable=False),
    Column("workstation_id", String(64), nullable=False),
    Column("data", Text, nullable=False),  # the step's payload, canonical JSON
    Column("versions", Integer, nullable=False, default=1),
)

# Small key/value facts about this desk: workstation id, branch, pull cursor.
desk_settings = Table(
    "desk_settings",
    metadata,
    Column("name", String(60), primary_key=True),
    Column("value", Text, nullable=False),
)

PROJECTION_TABLES = (cases, case_steps)

# Scanned documents, kept inside the store (never a path to the user's file). Adding and
# removing are journal events; the bytes live here, referenced by attachment_id and sha256.
attachments = Table(
    "attachments",
    metadata,
    Column("attachment_id", String(36), primary_key=True),
    Column("case_id", String(40), nullable=False, index=True),
    Column("kind", String(40), nullable=False),
    Column("filename", String(255), nullable=False),
    Column("media_type", String(60), nullable=False),
    Column("size", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("added_event_id", String(36), nullable=False),
    Column("removed_event_id", String(36), nullable=True),
)

# Fingerprint images (biometric data: Personal Data Law No. 94-V). Only in the local store;
# the FingerprintsCaptured event carries positions, qualities and digests, not the images.
fingerprint_prints = Table(
    "fingerprint_prints",
    metadata,
    Column("print_id", String(36), primary_key=True),
    Column("case_id", String(40), nullable=False, index=True),
    Column("event_id", String(36), nullable=False, index=True),
    Column("position", String(40), nullable=False),
    Column("image_png", LargeBinary, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("quality", Integer, nullable=False),
    Column("device_id", String(120), nullable=False),
    Column("device_serial", String(120), nullable=False),
    Column("captured_at", String(32), nullable=False),
    Column("imported", Boolean, nullable=False, default=False),
)

# Staff known to this desk (kept in step with central by sync): who may log in, in which role
# and branch. The IIN is the one in the EDS certificate's SERIALNUMBER; cert_fingerprint pins
# a certificate (SHA-256 hex) when the administrator wants one key per person.
staff = Table(
    "staff",
    metadata,
    Column("iin", String(12), primary_key=True),
    Column("display_name", String(200), nullable=False),
    Column("role", String(32), nullable=False),
    Column("branch_id", String(40), nullable=False),
    Column("city", String(60), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("cert_fingerprint", String(64), nullable=True),
    Column("updated_at", String(32), nullable=False),
)

# The Decree 832 audit trail (workstation.security.audit, workstation.services.audit).
# Append-only: the application never updates an entry except for `pushed` (delivery
# bookkeeping, outside the hash) and never deletes one; entries are kept at least 3 years.
# seq is assigned by the chain (1, 2, ...), not by SQLite.
audit_log = Table(
    "audit_log",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", String(32), nullable=False),  # canonical UTC text, as hashed and signed
    Column("actor_iin", String(12), nullable=True),
    Column("actor_fingerprint", String(64), nullable=True),
    Column("workstation_id", String(64), nullable=False),
    Column("action", String(40), nullable=False),
    Column("subject", String(120), nullable=False),  # a case id or similar, never PII
    Column("details", Text, nullable=False),  # canonical JSON
    Column("prev_hash", String(64), nullable=False),
    Column("entry_hash", String(64), nullable=False, unique=True),
    Column("signature", LargeBinary, nullable=False),  # detached CMS by the desk key
    Column("pushed", Boolean, nullable=False, default=False),
)
Index("ix_audit_log_unpushed", audit_log.c.pushed, audit_log.c.seq)

# Signer certificates (migration 0004): events carry signatures without certificates, so
# the desk verifies pulled events against these (from central, and from each log-in).
certificates = Table(
    "certificates",
    metadata,
    Column("fingerprint", String(64), primary_key=True),  # SHA-256 hex of the DER
    Column("der", LargeBinary, nullable=False),
    Column("subject", Text, nullable=False),
    Column("added_at", String(32), nullable=False),
)

# Central rows a desk could not take (migration 0007): a row that does not parse, or an
# event that could not be processed. Kept with the reason and shown in the quarantine list;
# the pull goes on past them. `digest` (SHA-256 of the row's text) keeps each row once.
pulled_rejects = Table(
    "pulled_rejects",
    metadata,
    Column("reject_id", Integer, primary_key=True, autoincrement=True),
    Column("digest", String(64), nullable=False, unique=True),
    Column("central_seq", Text, nullable=True),  # as central gave it (may not be a number)
    Column("event_id", Text, nullable=True),
    Column("case_id", Text, nullable=True),
    Column("type", Text, nullable=True),
    Column("workstation_id", Text, nullable=True),
    Column("reason", Text, nullable=False),
    Column("row", Text, nullable=False),  # a bounded text of the row (intake.describe)
    Column("quarantined_at", String(32), nullable=False),
)
