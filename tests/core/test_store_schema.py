"""The local store's schema: the start-up shortcut agrees with Alembic, migrations run."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect

from workstation.store import schema
from workstation.store.local import LocalStore


def test_head_constant_is_alembics_head() -> None:
    # LocalStore.open compares with schema.HEAD to avoid importing Alembic on every start;
    # a new migration must move HEAD too, or desks would never run it.
    assert schema.head_revision() == schema.HEAD


def test_a_new_store_is_migrated_to_head_and_reopens_without_work(tmp_path: Path) -> None:
    store = LocalStore.open(tmp_path, create=True)
    with store.reading() as conn:
        assert schema.current_revision(conn) == schema.HEAD
        tables = set(inspect(conn).get_table_names())
    assert {"journal", "cases", "case_steps", "attachments", "fingerprint_prints"} <= tables
    store.close()
    again = LocalStore.open(tmp_path)
    with again.reading() as conn:
        assert schema.current_revision(conn) == schema.HEAD
    again.close()


def test_an_older_store_is_upgraded(tmp_path: Path) -> None:
    from alembic import command

    store = LocalStore.open(tmp_path, create=True)
    with store.engine.begin() as conn:
        command.downgrade(schema.alembic_config(conn), "0001")
        assert schema.current_revision(conn) == "0001"
        assert "attachments" not in inspect(conn).get_table_names()
    store.close()
    upgraded = LocalStore.open(tmp_path)
    with upgraded.reading() as conn:
        assert schema.current_revision(conn) == schema.HEAD
        assert "attachments" in inspect(conn).get_table_names()
    upgraded.close()
