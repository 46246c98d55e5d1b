"""The core never loads Qt or the ui package: every workstation module, in a fresh interpreter.

The import-linter contract "The core never imports the screens or Qt" (pyproject.toml) checks
the import statements; this checks what is loaded at run time, which it cannot see: modules
imported by a name made at run time (workstation.documents loads its renderers through
importlib) and what the third-party libraries the core uses import in turn.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[2]

# Imports every module of the workstation package (Alembic's env.py and migration versions
# run only inside Alembic and are not packages, so the walk skips them; the name check is a
# second guard; a __main__ module would run its command) and reports what got loaded. Extra
# modules to import come in argv.
PROBE = """
import importlib, json, pkgutil, sys
import workstation

imported, failed = [], {}
for info in pkgutil.walk_packages(workstation.__path__, "workstation."):
    if ".migrations" in info.name or info.name.endswith(".__main__"):
        continue
    try:
        importlib.import_module(info.name)
        imported.append(info.name)
    except Exception as exc:
        failed[info.name] = repr(exc)
for extra in sys.argv[1:]:
    importlib.import_module(extra)
forbidden = sorted(
    name for name in sys.modules
    if name.startswith(("PySide6", "shiboken6", "PyQt")) or name == "ui" or name.startswith("ui.")
)
print(json.dumps({"imported": imported, "failed": failed, "forbidden": forbidden}))
"""


def probe(*extra: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *extra],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_no_qt_or_ui_in_the_core() -> None:
    result = probe()
    assert result["failed"] == {}
    assert result["forbidden"] == []
    imported = set(result["imported"])
    # The walk really covered the core (a broken walk would pass the check vacuously).
    for module in [
        "workstation.cli",
        "workstation.domain.lifecycle",
        "workstation.journal.projector",
        "workstation.services.desk",
        "workstation.services.worklist",
        "workstation.store.local",
        "workstation.sync.syncer",
    ]:
        assert module in imported
    assert len(imported) >= 30


def test_the_probe_sees_qt_when_it_is_loaded() -> None:
    assert probe("PySide6.QtCore")["forbidden"][:1] == ["PySide6"]
