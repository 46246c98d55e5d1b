"""Where a desk keeps its data, who it is and how it reaches central: data directory,
workstation id, branch city, and the connection settings (workstation.sync.config)."""

from __future__ import annotations

import dataclasses
import logging
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import platformdirs

from workstation.domain.clock import Clock
from workstation.domain.programme import DEFAULT_RULES, ProgrammeRules
from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.journal.envelope import Actor
from workstation.journal.signing import Verification
from workstation.security.roles import Action
from workstation.security.tsa_client import TsaClient
from workstation.services.access import require_actor
from workstation.services.audit import AuditLog
from workstation.services.context import DeskContext
from workstation.services.desk import Desk
from workstation.services.login import LoginService, load_login_settings
from workstation.services.quarantine import QuarantinedApproval, quarantine_list
from workstation.store.local import LocalStore, get_setting, put_setting
from workstation.sync.config import (
    APP_AUTHOR,
    APP_NAME,
    DEFAULT_SYNC_INTERVAL_S,
    ConnectionSettings,
    SettingsInvalid,
    TsaSettings,
    config_path,
    connection_password,
    load_settings,
    split_password,
)
from workstation.sync.gaps import Gap, all_gaps
from workstation.sync.gateway import CentralGateway
from workstation.sync.syncer import Progress, SyncReport, SyncRound, queue_length, run_round

log = logging.getLogger(__name__)


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


@dataclass(frozen=True)
class DeskIdentity:
    workstation_id: str
    city: str | None  # the branch's city; None pulls every city (single-desk set-ups)


def desk_identity(
    store: LocalStore,
    city: str | None = None,
    *,
    settings: ConnectionSettings | Literal["file"] | None = "file",
) -> DeskIdentity:
    """The desk's id and city, remembered in the store once known.

    `settings` are the connection settings to follow ("file": the settings file at
    `config.config_path()`, if any; None: none). The workstation id is the settings' when they
    name one, else the remembered one, else a new one; the city is `city` when given, else
    the settings', else the remembered one.
    """
    if settings == "file":
        settings = settings_file_or_none()
    with store.transaction() as conn:
        workstation_id = get_setting(conn, "workstation_id")
        wanted_id = settings.workstation_id if settings else None
        if wanted_id and wanted_id != workstation_id:
            workstation_id = wanted_id
            put_setting(conn, "workstation_id", workstation_id)
        if workstation_id is None:
            workstation_id = f"WS-{secrets.token_hex(4).upper()}"
            put_setting(conn, "workstation_id", workstation_id)
        city = city or (settings.city if settings else None)
        if city:
            put_setting(conn, "city", city)
        saved_city = get_setting(conn, "city")
    return DeskIdentity(workstation_id, saved_city or None)


def command_context(
    store: LocalStore, data_dir: Path, key_file: Path, password: str, clock: Clock
) -> tuple[DeskContext, DeskIdentity]:
    """Log in with an EDS key for one headless command (audited like a log-in at the
    screen; LoginRefused when it is refused) and the desk context the command works in."""
    identity = desk_identity(store)
    audit = AuditLog(store, workstation_id=identity.workstation_id, clock=clock)
    login = LoginService(
        store,
        load_login_settings(store, data_dir),
        desk_city=identity.city,
        clock=clock,
        audit=audit.record_event,
    )
    staff = login.log_in(key_file, password)
    context = DeskContext(
        store,
        actor=staff.actor,
        workstation_id=identity.workstation_id,
        rules=DEFAULT_RULES,
        clock=clock,
        audit=audit,
    )
    return context, identity


def settings_file_or_none(path: Path | None = None) -> ConnectionSettings | None:
    """The settings file's content, or None when there is none or it is unusable (the
    problem is logged here and named again when the desk tries to sync)."""
    try:
        return load_settings(path)
    except SettingsInvalid as exc:
        log.warning("%s", exc)
        return None


@dataclass
class DeskSession:
    """Everything a running desk needs, made once at start-up and handed to the UI."""

    store: LocalStore
    identity: DeskIdentity
    actor: Actor
    rules: ProgrammeRules
    clock: Clock
    central_url: str | None = None  # never with a password (see workstation.sync.config)
    demo: bool = False
    sync_interval_s: int | None = None  # None: the settings file's, else the default
    # How pulled events are checked (from the log-in set-up); every desk a person logs in
    # to has one. Without it pulled events are kept pending, applied once it is there.
    verification: Verification | None = None
    # Apply pulled events unchecked when there is no verification (tests of projections
    # and sync mechanics that sign nothing; never a desk).
    trust_unsigned: bool = False
    # The TSA events are stamped by before the push, and its trust; None: the settings
    # file's [tsa] (demo mode runs a local simulator and sets it).
    tsa: TsaSettings | None = None
    _audit: AuditLog | None = field(default=None, init=False, repr=False)

    def audit_log(self) -> AuditLog:
        """This desk's audit trail (log-ins, viewing prints, printing, exports)."""
        if self._audit is None:
            self._audit = AuditLog(
                self.store, workstation_id=self.identity.workstation_id, clock=self.clock
            )
        return self._audit

    def context(self) -> DeskContext:
        """What every use case of this session works with: the logged-in person at this
        desk, its store, rules, clock and audit trail."""
        return DeskContext(
            self.store,
            actor=self.actor,
            workstation_id=self.identity.workstation_id,
            rules=self.rules,
            clock=self.clock,
            audit=self.audit_log(),
        )

    def desk(self) -> Desk:
        return Desk(self.context())

    def sync_interval(self) -> int:
        """Seconds between background syncs."""
        if self.sync_interval_s is not None:
            return self.sync_interval_s
        settings = settings_file_or_none()
        return settings.sync_interval_s if settings else DEFAULT_SYNC_INTERVAL_S

    def connection_url(self) -> str:
        """The central URL to use (without password), or SettingsInvalid saying how to set one."""
        if self.central_url is not None:
            return self.central_url
        settings = load_settings()  # raises SettingsInvalid with the file's problem
        if settings is None:
            raise SettingsInvalid(
                QT_TRANSLATE_NOOP(
                    "sync",
                    "This desk has no central database configured. An administrator writes "
                    "{file} or runs `dnr-workstation sync --central URL --save` once.",
                ).format(file=str(config_path()))
            )
        return settings.central_url

    def start_sync(self, batch: int | None = None) -> SyncRound:
        """A sync round to step through (the UI runs one step at a time on its worker);
        its gateway is closed by `SyncRound.close()`. The password, if the database needs
        one, comes from the OS credential store."""
        require_actor(self.actor, Action.SYNC)
        url = self.connection_url()
        tsa, verification = with_tsa(self.tsa_settings(), self.verification)
        gateway = CentralGateway(
            split_password(url)[0],
            password=connection_password(url),
            # The demo's central is embedded in the desk: it keeps the desk's clock.
            clock=self.clock if self.demo else None,
        )
        return SyncRound(
            self.store,
            gateway,
            self.rules,
            city=self.identity.city,
            batch=batch,
            own_gateway=True,
            verification=verification,
            audit=self.audit_log(),
            trust_unsigned=self.trust_unsigned,
            tsa=tsa,
        )

    def tsa_settings(self) -> TsaSettings | None:
        """The TSA events are stamped by and its trust: the session's, else the settings
        file's [tsa]."""
        if self.tsa is not None:
            return self.tsa
        settings = settings_file_or_none()
        return settings.tsa if settings else None

    def sync(
        self, progress: Progress | None = None, cancel: threading.Event | None = None
    ) -> SyncReport:
        round_ = self.start_sync()
        try:
            return run_round(round_, progress=progress, cancel=cancel)
        finally:
            round_.close()

    def queue_length(self) -> int:
        return queue_length(self.store)

    def gaps(self) -> list[Gap]:
        """Holes in workstations' numbering of their events, and this desk's own events
        central never handed back (sync.gaps)."""
        with self.store.reading() as conn:
            return all_gaps(conn, self.identity.workstation_id)

    def quarantined(self) -> list[QuarantinedApproval]:
        """What the desk pulled and did not apply: approvals and events refused for their
        signatures, rows that did not parse (services.quarantine)."""
        with self.store.reading() as conn:
            return quarantine_list(conn)


def with_tsa(
    tsa: TsaSettings | None, verification: Verification | None
) -> tuple[TsaClient | None, Verification | None]:
    """The TSA client to stamp with, and `verification` that also checks tokens, from the
    [tsa] settings; SettingsInvalid when its trust folder cannot be read."""
    if tsa is None:
        return None, verification
    trust = tsa.trust()
    if verification is not None and trust is not None:
        verification = dataclasses.replace(verification, tsa=trust)
    return tsa.client(), verification


def saved_central_url(store: LocalStore) -> str | None:
    """The central this desk syncs with: the settings file's, else the one remembered by
    `dnr-workstation sync --central URL`; never with a password."""
    settings = settings_file_or_none()
    if settings is not None:
        return settings.central_url
    return remembered_central_url(store)


def remembered_central_url(store: LocalStore) -> str | None:
    """The central URL `dnr-workstation sync --central URL` last used on this store."""
    with store.reading() as conn:
        return get_setting(conn, "central_url")


def remember_central_url(store: LocalStore, url: str) -> None:
    """Remember `url` in the store, without its password (that goes to the credential store
    with `dnr-workstation sync --save`, never into the database or the settings file)."""
    with store.transaction() as conn:
        put_setting(conn, "central_url", split_password(url)[0])
