"""The EDS key's password for a headless command: from the environment, else asked for."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

PASSWORD_ENV = "DNR_KEY_PASSWORD"


def key_password(key: Path) -> str:
    """$DNR_KEY_PASSWORD, or a prompt in a terminal; PermissionError when neither can be had."""
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        if not sys.stdin.isatty():
            raise PermissionError(
                f"No password: set ${PASSWORD_ENV} or run the command in a terminal."
            )
        password = getpass.getpass(f"Password for {key.name}: ")
    return password
