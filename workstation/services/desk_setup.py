"""The administrator's workstation set-up: where the trust store and CRLs are, the log-in
limits, the central connection. Each use case checks MANAGE_SETUP first."""

from __future__ import annotations

from pathlib import Path

from workstation.domain.actions import Action
from workstation.journal.envelope import Actor
from workstation.services.access import require_actor
from workstation.services.login import LoginSettings, load_login_settings, save_login_settings
from workstation.services.setup import remember_central_url
from workstation.store.local import LocalStore


class DeskSetup:
    """Set-up use cases over one desk's store and data folder."""

    def __init__(self, store: LocalStore, data_dir: Path, *, actor: Actor) -> None:
        self.store = store
        self.data_dir = data_dir
        self.actor = actor

    def login_settings(self) -> LoginSettings:
        require_actor(self.actor, Action.MANAGE_SETUP)
        return load_login_settings(self.store, self.data_dir)

    def change_login_settings(self, settings: LoginSettings) -> None:
        """Trust store and CRL folders, attempts before the lock-out, lock-out and idle times."""
        require_actor(self.actor, Action.MANAGE_SETUP)
        for folder in (settings.trust_dir, settings.crl_dir):
            if not folder.is_dir():
                raise ValueError(f"The folder {folder} does not exist.")
        save_login_settings(self.store, settings)

    def connect_central(self, url: str) -> None:
        """Remember the central database this desk syncs with."""
        require_actor(self.actor, Action.MANAGE_SETUP)
        if "://" not in url:
            raise ValueError(
                "Give an SQLAlchemy URL, e.g. postgresql://user@host/dnr or sqlite:///central.db"
            )
        remember_central_url(self.store, url)
