"""The desk's own UI settings, per user: `ui.ini` beside the desk's settings file (desk.toml).

It holds what a person chooses in the UI and expects to find again: the language, and that
this computer runs the demo desk (chosen on the first-run screen). Connection settings stay
in desk.toml (`workstation.sync.config`), keys in the OS credential store.
"""

from __future__ import annotations

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
