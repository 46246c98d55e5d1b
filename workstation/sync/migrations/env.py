"""Alembic environment for the central database; run through workstation.sync.gateway."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, engine_from_config, pool

from workstation.sync.central_schema import central_metadata

config = context.config
connection = config.attributes.get("connection")


def _run(conn: Connection) -> None:
    context.configure(
        connection=conn,
        target_metadata=central_metadata,
        render_as_batch=True,
        version_table="central_schema_version",
    )
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    _run(connection)
else:  # developers generating a new migration from a shell
    engine = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with engine.connect() as conn:
        _run(conn)
