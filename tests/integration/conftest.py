"""PostgreSQL fixtures: throwaway databases on the server at 127.0.0.1:5432, dropped at the end.

Without a reachable server the PostgreSQL tests are skipped with the reason, except when
CI=true: there they fail, so a CI run can never pass with PostgreSQL silently untested.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator

import pytest

from workstation.sync.door import door_role

PG_HOST = "127.0.0.1"
# Overridable only so a test can prove the skip / CI-failure path against a closed port.
PG_PORT = int(os.environ.get("DNR_TEST_PG_PORT", "5432"))
PG_USERS = ("postgres", "root")

MakeDatabase = Callable[[], str]


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL is required in CI (CI=true): {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL not available at {PG_HOST}:{PG_PORT}: {reason}")


@pytest.fixture(scope="session")
def pg_user() -> str:
    """A user that can create databases (trust auth), or skip / fail as described above."""
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - psycopg is a declared dependency
        _unavailable(f"psycopg is not installed ({exc})")
        raise
    errors = []
    for user in PG_USERS:
        try:
            with psycopg.connect(
                host=PG_HOST, port=PG_PORT, user=user, dbname="postgres", connect_timeout=5
            ):
                return user
        except psycopg.Error as exc:
            errors.append(f"{user}: {str(exc).strip().splitlines()[0]}")
    _unavailable("; ".join(errors))
    raise AssertionError("unreachable")


@pytest.fixture(scope="session")
def make_pg_database(pg_user: str) -> Iterator[MakeDatabase]:
    """A factory of fresh, empty databases `dnr_test_<hex>`; returns each one's URL."""
    import psycopg

    admin = psycopg.connect(
        host=PG_HOST, port=PG_PORT, user=pg_user, dbname="postgres", autocommit=True
    )
    made: list[str] = []

    def make() -> str:
        name = f"dnr_test_{secrets.token_hex(6)}"
        admin.execute(f'CREATE DATABASE "{name}"')
        made.append(name)
        return f"postgresql+psycopg://{pg_user}@{PG_HOST}:{PG_PORT}/{name}"

    yield make
    try:
        for name in made:
            # Engines a failed test left open would block the drop: end their sessions first.
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                (name,),
            )
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            # The door's owner role of that database (migration c006): roles are per server.
            admin.execute(f'DROP ROLE IF EXISTS "{door_role(name)}"')
    finally:
        admin.close()


@pytest.fixture(scope="session")
def pg_url(make_pg_database: MakeDatabase) -> str:
    """One database for the whole session (for tests that do not need it empty)."""
    return make_pg_database()


@pytest.fixture
def empty_pg_url(make_pg_database: MakeDatabase) -> str:
    """A new, empty database for this test alone."""
    return make_pg_database()
