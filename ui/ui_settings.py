"""The desk's own UI settings, per user: `ui.ini` beside the desk's settings file (desk.toml).

It holds what a person chooses in the UI and expects to find again: the language, and that
this computer runs the demo desk (chosen on the first-run screen). Connection settings stay
in desk.toml (`workstation.sync.config`), keys in the OS credential store.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from workstation.sync.config import config_path

DEMO_KEY = "start/demo"


def settings() -> QSettings:
    return QSettings(str(config_path().parent / "ui.ini"), QSettings.Format.IniFormat)


def remember_demo() -> None:
    """The first-run screen's "Use demo mode": the next starts open the demo desk too."""
    store = settings()
    store.setValue(DEMO_KEY, True)
    store.sync()


def demo_remembered() -> bool:
    return str(settings().value(DEMO_KEY, False)).lower() in ("true", "1")


def needs_first_run(demo: bool, scripted: bool, data_dir: Path) -> bool:
    """Whether to ask: not demo, not a script, no settings file and no desk store yet.

    Here, not in ui.first_run, so that a desk already set up never imports the first-run
    screen (and what it needs to test a connection) at start."""
    from workstation.store.local import STORE_FILE

    if demo or scripted:
        return False
    return not config_path().exists() and not (data_dir / STORE_FILE).exists()
