"""Where a desk keeps things on this computer, in one list: data, settings, keys, logs.

Every folder comes from `platformdirs` under the same application name and author
("dnr-workstation", "DNR"), each overridable for tests and several desks per host:

- data (the store, demo/): ~/.local/share/dnr-workstation on Linux,
  %LOCALAPPDATA%\\DNR\\dnr-workstation on Windows; --data-dir elsewhere;
- settings (desk.toml): ~/.config/dnr-workstation, %LOCALAPPDATA%\\DNR\\dnr-workstation;
  $DNR_CONFIG;
- fallback key files: the settings folder's keys/ (on Windows, where settings and data
  share a folder, its sibling %LOCALAPPDATA%\\DNR\\dnr-workstation-keys: never inside the
  data folder); $DNR_WORKSTATION_KEY_DIR;
- logs: ~/.local/state/dnr-workstation/log, %LOCALAPPDATA%\\DNR\\dnr-workstation\\Logs;
  $DNR_LOG_DIR.

The owners of the first three stay where they are (services.setup, sync.config,
security.dbkey); this module names them together for the About box and the log set-up.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from workstation.security import dbkey
from workstation.services.setup import default_data_dir
from workstation.sync.config import APP_AUTHOR, APP_NAME, config_path

LOG_DIR_ENV = "DNR_LOG_DIR"


def log_dir() -> Path:
    """The folder of the desk's log files: $DNR_LOG_DIR, else the platform's user log dir."""
    override = os.environ.get(LOG_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


@dataclass(frozen=True)
class DeskFolders:
    data: Path
    config_file: Path
    key_dir: Path
    log_dir: Path

    def rows(self) -> list[tuple[str, Path]]:
        """(what, where) in the order the About box lists them."""
        return [
            ("Data", self.data),
            ("Settings file", self.config_file),
            ("Key files (fallback)", self.key_dir),
            ("Logs", self.log_dir),
        ]


def desk_folders(data_dir: Path | None = None) -> DeskFolders:
    """The folders of this desk; `data_dir` is the one it runs on if not the default."""
    return DeskFolders(
        data=data_dir if data_dir is not None else default_data_dir(),
        config_file=config_path(),
        key_dir=dbkey.default_key_dir(),
        log_dir=log_dir(),
    )
