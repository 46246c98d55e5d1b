"""Alembic environment for the desk's local store; run through workstation.store.schema."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, engine_from_config, pool

from workstation.store.models import metadata

config = context.config
connection = config.attributes.get("connection")


def _run(conn: Connection) -> None:
    # Batch mode: SQLite cannot ALTER most things, so Alembic copies tables instead.
    context.configure(connection=conn, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    _run(connection)
else:  # `alembic -x` from a shell, for developers writing a new migration
    engine = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with engine.connect() as conn:
        _run(conn)
