"""The administrator's workstation set-up: where the trust store and CRLs are, the log-in
limits, the central connection. Each use case checks MANAGE_SETUP first."""

from __future__ import annotations

from pathlib import Path

from workstation.security.roles import Action
from workstation.services.context import DeskContext
from workstation.services.login import LoginSettings, load_login_settings, save_login_settings
from workstation.services.setup import remember_central_url


class DeskSetup:
    """Set-up use cases in one desk context, over its data folder."""

    def __init__(self, context: DeskContext, data_dir: Path) -> None:
        self.context = context
        self.data_dir = data_dir

    def login_settings(self) -> LoginSettings:
        self.context.require(Action.MANAGE_SETUP)
        return load_login_settings(self.context.store, self.data_dir)

    def change_login_settings(self, settings: LoginSettings) -> None:
        """Trust store and CRL folders, attempts before the lock-out, lock-out and idle times."""
        self.context.require(Action.MANAGE_SETUP)
        for folder in (settings.trust_dir, settings.crl_dir):
            if not folder.is_dir():
                raise ValueError(f"The folder {folder} does not exist.")
        save_login_settings(self.context.store, settings)

    def connect_central(self, url: str) -> None:
        """Remember the central database this desk syncs with."""
        self.context.require(Action.MANAGE_SETUP)
        if "://" not in url:
            raise ValueError(
                "Give an SQLAlchemy URL, e.g. postgresql://user@host/dnr or sqlite:///central.db"
            )
        remember_central_url(self.context.store, url)
