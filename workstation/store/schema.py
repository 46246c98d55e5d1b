"""Create and upgrade the local store's schema with Alembic, from inside the application."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
# The newest migration. tests/core/test_store_schema.py checks it against Alembic's own
# head, so Alembic (a tenth of a second to import) loads only when there is work to do.
HEAD = "0007"


def alembic_config(connection: Connection | None = None, location: Path = MIGRATIONS) -> Config:
    """An Alembic config for the migrations at `location` (the local store's by default),
    run on `connection` by the env.py there."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(location))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the local store has no migrations"
    return head


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    value = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return None if value is None else str(value)


def upgrade(connection: Connection) -> None:
    """Bring the schema to the newest revision; a no-op when it is already there."""
    from alembic import command

    command.upgrade(alembic_config(connection), "head")
