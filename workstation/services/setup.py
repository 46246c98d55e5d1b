"""Where a desk keeps its data and who it is: data directory, workstation id, branch city."""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from workstation.domain.clock import Clock
from workstation.domain.programme import ProgrammeRules
from workstation.journal.envelope import Actor
from workstation.services.desk import Desk
from workstation.store.local import LocalStore, get_setting, put_setting
from workstation.sync.gateway import CentralError, CentralGateway
from workstation.sync.syncer import Progress, SyncReport, queue_length, sync_once

APP_NAME = "dnr-workstation"
APP_AUTHOR = "DNR"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


@dataclass(frozen=True)
class DeskIdentity:
    workstation_id: str
    city: str | None  # the branch's city; None pulls every city (single-desk set-ups)


def desk_identity(store: LocalStore, city: str | None = None) -> DeskIdentity:
    """The desk's id (made once, kept in the store) and its city (remembered once given)."""
    with store.transaction() as conn:
        workstation_id = get_setting(conn, "workstation_id")
        if workstation_id is None:
            workstation_id = f"WS-{secrets.token_hex(4).upper()}"
            put_setting(conn, "workstation_id", workstation_id)
        if city:
            put_setting(conn, "city", city)
        saved_city = get_setting(conn, "city")
    return DeskIdentity(workstation_id, saved_city or None)


@dataclass
class DeskSession:
    """Everything a running desk needs, made once at start-up and handed to the UI."""

    store: LocalStore
    identity: DeskIdentity
    actor: Actor
    rules: ProgrammeRules
    clock: Clock
    central_url: str | None = None
    demo: bool = False

    def desk(self) -> Desk:
        return Desk(
            self.store,
            actor=self.actor,
            workstation_id=self.identity.workstation_id,
            rules=self.rules,
            clock=self.clock,
        )

    def sync(
        self, progress: Progress | None = None, cancel: threading.Event | None = None
    ) -> SyncReport:
        if self.central_url is None:
            raise CentralError(
                "This desk has no central database configured. An administrator runs "
                "`dnr-workstation sync --central URL` once to connect it."
            )
        gateway = CentralGateway(self.central_url)
        try:
            return sync_once(
                self.store,
                gateway,
                self.rules,
                city=self.identity.city,
                progress=progress,
                cancel=cancel,
            )
        finally:
            gateway.dispose()

    def queue_length(self) -> int:
        return queue_length(self.store)


def saved_central_url(store: LocalStore) -> str | None:
    with store.reading() as conn:
        return get_setting(conn, "central_url")


def remember_central_url(store: LocalStore, url: str) -> None:
    with store.transaction() as conn:
        put_setting(conn, "central_url", url)
