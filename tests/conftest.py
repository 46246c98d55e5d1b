"""Fixtures every test folder needs: a fixed clock and a factory of valid approved arrivals."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from workstation.domain.approval import ApprovedArrival
from workstation.domain.clock import FixedClock
from workstation.domain.iin import make_iin

# memory_keyring and the autouse restore_keyring fixtures.
pytest_plugins = ["tests.memory_keyring"]

# Desk stores are encrypted; their keys must not land in the developer's credential store or
# config folder. Tests that check the credential store set their own keyring backend.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
if "DNR_WORKSTATION_KEY_DIR" not in os.environ:  # set once, in the process that starts pytest
    _KEY_DIR = tempfile.mkdtemp(prefix="dnr-test-keys-")
    os.environ["DNR_WORKSTATION_KEY_DIR"] = _KEY_DIR
    atexit.register(shutil.rmtree, _KEY_DIR, ignore_errors=True)
if "DNR_LOG_DIR" not in os.environ:  # the app's log file (workstation.logs), not the user's
    _LOG_DIR = tempfile.mkdtemp(prefix="dnr-test-logs-")
    os.environ["DNR_LOG_DIR"] = _LOG_DIR
    atexit.register(shutil.rmtree, _LOG_DIR, ignore_errors=True)

# 11:00 in Kazakhstan (UTC+5) on Tuesday 10 March 2026: far from midnight on purpose.
NOW = datetime(2026, 3, 10, 6, 0, tzinfo=UTC)
TODAY = date(2026, 3, 10)

MakeApproval = Callable[..., ApprovedArrival]


@pytest.fixture
def fixed_clock() -> FixedClock:
    """The desk's clock at 10 March 2026, 11:00 Kazakhstan time; tests may `advance` it."""
    return FixedClock(NOW)


def _iin(birth: date, sex: str, serial: int) -> str:
    while True:
        try:
            return make_iin(birth, sex, serial % 10_000)
        except ValueError:  # that serial's check digit is never issued: take the next
            serial += 1


@pytest.fixture
def make_approval() -> MakeApproval:
    """A factory of valid approvals: `make_approval(n, approval_date=..., surname=...)`.

    Number `n` makes the case id, approval number, IIN serial and passport number unique.
    """

    def make(n: int = 1, **overrides: Any) -> ApprovedArrival:
        approval_date = overrides.pop("approval_date", TODAY - timedelta(days=5))
        birth = overrides.pop("birth_date", date(1990, 1, 15))
        sex = overrides.pop("sex", "F")
        values: dict[str, Any] = {
            "case_id": f"DNR-AST-26-{n:07d}",
            "approval_number": f"UMS-2026-{n:06d}",
            "approval_date": approval_date,
            "recommendation_number": f"MDAI-2026-{n:06d}",
            "recommendation_date": approval_date - timedelta(days=10),
            "city": "Astana",
            "iin": _iin(birth, "M" if sex == "M" else "F", n),
            "surname": "IVANOVA",
            "given_names": "ANNA",
            "sex": sex,
            "birth_date": birth,
            "birth_place": "MOSCOW",
            "nationality": "RUS",
            "passport_number": f"AB{n:07d}",
            "passport_issuing_state": "RUS",
            "passport_issue_date": date(2020, 5, 1),
            "passport_expiry": date(2030, 4, 30),
        }
        values.update(overrides)
        return ApprovedArrival(**values)

    return make


@pytest.fixture(autouse=True)
def no_real_desk_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    """No test reads or writes this machine's desk settings file (workstation.sync.config):
    DNR_CONFIG points at a file in the test's own folder, absent unless a test writes it."""
    monkeypatch.setenv("DNR_CONFIG", str(tmp_path / "desk-settings.toml"))


@pytest.fixture(autouse=True)
def demo_key_cache(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: Any) -> None:
    """Demo desks made in tests reuse one set of demo RSA keys (security.pki.DemoKeyPool)."""
    monkeypatch.setenv("DNR_DEMO_KEY_CACHE", str(tmp_path_factory.getbasetemp() / "demo-keys"))


# --- CI guard: the PostgreSQL tests must have run ----------------------------------------
_postgres_outcomes: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call" and "postgres" in report.keywords:
        _postgres_outcomes.append(report.outcome)
    elif report.skipped and "postgres" in report.keywords:
        _postgres_outcomes.append("skipped")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Under CI=true a run in which no PostgreSQL test passed, or any was skipped, fails."""
    if os.environ.get("CI", "").lower() != "true" or hasattr(session.config, "workerinput"):
        return
    if session.config.option.collectonly or exitstatus not in (0, 1):
        return
    passed = _postgres_outcomes.count("passed")
    skipped = _postgres_outcomes.count("skipped")
    if passed == 0 or skipped:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        message = (
            f"CI=true but the PostgreSQL tests did not all run: {passed} passed, "
            f"{skipped} skipped. Start the server at 127.0.0.1:5432."
        )
        if reporter is not None:
            reporter.write_line(message, red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
