"""Issue 20: the clerk's start imports only what the first window shows; reports, charts,
PDF rendering and the first-run screen load on first use."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = (
    "reportlab",
    "PySide6.QtCharts",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "workstation.reports.pdf",
    "workstation.documents.application",
    "workstation.documents.receipt",
    "ui.dashboard",
    "ui.first_run",
    "ui.smoke",
)


def loaded_after_start() -> set[str]:
    script = "import json, sys; import ui.app; print(json.dumps(sorted(sys.modules)))"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=60, check=True,
    )  # fmt: skip
    return set(json.loads(out.stdout.splitlines()[-1]))


def test_importing_the_app_leaves_the_heavy_modules_unloaded() -> None:
    modules = loaded_after_start()
    assert "ui.main_window" in modules  # the check sees what the start imports
    heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY or m in HEAVY)
    assert heavy == []


def test_the_documents_package_still_gives_its_renderers_on_use() -> None:
    import workstation.documents as documents

    assert callable(documents.render_receipt)
    assert documents.STANDARD_ENCLOSURES is not None
    assert documents.Passport.__name__ == "Passport"
