"""The first run of a desk as a flow with no screen in it: demo or a real desk, and setting one up.

Asked when the application starts without `--demo` on a computer that has no desk settings file
(`workstation.sync.config.config_path()`) and no desk store yet. The person at the desk either
tries the demo (nothing is written) or fills in the central connection (URL, password,
workstation id, city) and the staff log-in folders (trust store, CRLs). `FirstRun.check` finds
every problem of those entries at once; `FirstRun.begin_test` checks the URL and hands back the
connection test, a blocking call for the caller to run off its GUI thread. `FirstRun.save`
writes entries found ready, in this order, so that a failure half-way leaves the desk "not set
up" and the first run comes again:

1. the log-in settings (trust store and CRL folders) and the desk's id and city into the
   desk's local store (made here, encrypted, as on any first start);
2. the central password, if one is given, into the OS credential store;
3. the settings file (central URL without password, workstation id, city).

Messages are the dialog's ("FirstRunDialog" context), so the desk shows them in its language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Literal

from workstation.domain.programme import DEFAULT_RULES, ProgrammeRules
from workstation.i18n import QT_TRANSLATE_NOOP, Translatable, translatable
from workstation.security.dbkey import DatabaseKeyUnusable
from workstation.security.eds import EmptyTrustStore, TrustStore, load_crls_from_dir
from workstation.services.login import LoginSettings, save_login_settings
from workstation.services.setup import desk_identity
from workstation.store.local import LocalStore
from workstation.sync.config import (
    DEFAULT_SYNC_INTERVAL_S,
    ConnectionSettings,
    SettingsInvalid,
    config_path,
    save_password,
    save_settings,
    split_password,
)
from workstation.sync.gateway import CentralError, CentralGateway, make_engine

# Texts keep the dialog's translation context ("FirstRunDialog"), written out at each call:
# lupdate reads only literal contexts.
Field = Literal["url", "workstation_id", "trust_dir", "crl_dir"]


class Stage(Enum):
    """Where the flow is: it starts at the choice and ends with the demo, a saved desk or quit."""

    CHOOSING = "choosing"  # the entries are being filled in; the demo may still be chosen
    DEMO = "demo"  # the demo for this run: nothing written
    SAVED = "saved"  # the desk is set up
    QUIT = "quit"


class SetupNotSaved(Exception):
    """The entries were fine but writing them failed; the message says why."""


class ConnectionFailed(CentralError):
    """The connection test failed for a reason central's own errors do not name."""


@dataclass(frozen=True)
class Entries:
    """What the person at the desk typed, as typed."""

    url: str = ""
    password: str = ""
    workstation_id: str = ""
    city: str = ""
    trust_dir: str = ""
    crl_dir: str = ""


@dataclass(frozen=True)
class FolderCheck:
    """A trust store or CRL folder: why it cannot be used, or how many files it holds."""

    path: Path
    problem: Translatable | None = None
    found: int = 0  # CA certificates in the trust store, CRLs in the CRL folder

    @property
    def usable(self) -> bool:
        return self.problem is None


@dataclass(frozen=True)
class Checked:
    """Every problem of the entries at once; `ready` when there is none."""

    url: str | None  # without the password
    password: str | None  # the field's, else the one in the URL
    url_problem: CentralError | None  # why the URL cannot be used (SettingsInvalid is one)
    workstation_id: str | None
    workstation_problem: Translatable | None
    city: str | None
    trust: FolderCheck
    crl: FolderCheck

    @property
    def ready(self) -> bool:
        return self.first_problem is None

    @property
    def first_problem(self) -> Field | None:
        """The field to go back to, in the order of the form."""
        if self.url is None:
            return "url"
        if self.workstation_problem is not None:
            return "workstation_id"
        if not self.trust.usable:
            return "trust_dir"
        if not self.crl.usable:
            return "crl_dir"
        return None


def check_central_url(url: str) -> tuple[str, str | None]:
    """(the URL without password, the password in it or None); SettingsInvalid or
    CentralError with a message for the person at the desk when it cannot be used."""
    text = url.strip()
    if not text:
        raise SettingsInvalid(
            QT_TRANSLATE_NOOP(
                "FirstRunDialog",
                "Enter the central database URL, e.g. "
                "postgresql://desk_ast_01@central.example.kz/dnr.",
            )
        )
    bare, password = split_password(text)  # SettingsInvalid: not a URL at all
    make_engine(bare).dispose()  # BadCentralUrl: not PostgreSQL or SQLite, no driver, no folder
    return bare, password


def try_connection(url: str, password: str | None) -> Translatable:
    """Connect to central and check its schema: the result in words, or CentralError (a
    driver's own error becomes ConnectionFailed, naming it: the desk stays up)."""
    try:
        gateway = CentralGateway(url, password=password)
        try:
            gateway.check_schema()
        finally:
            gateway.engine.dispose()
    except CentralError:
        raise
    except Exception as exc:
        raise ConnectionFailed(
            QT_TRANSLATE_NOOP("FirstRunDialog", "Could not connect ({kind}): {reason}").format(
                kind=type(exc).__name__, reason=str(exc)
            )
        ) from exc
    return QT_TRANSLATE_NOOP(
        "FirstRunDialog", "Connected: central answers and its schema matches this version."
    )


def check_trust_dir(text: str) -> FolderCheck:
    path = Path(text.strip()).expanduser()
    if not text.strip() or not path.is_dir():
        return FolderCheck(path, _no_folder(path))
    try:
        store = TrustStore.from_pem_dir(path)
    except EmptyTrustStore:
        return FolderCheck(
            path,
            QT_TRANSLATE_NOOP(
                "FirstRunDialog",
                "{path} holds no root certificate: copy the NCA RK root and issuing CA "
                "certificates (.pem, .crt or .cer) into it.",
            ).format(path=str(path)),
        )
    except (OSError, ValueError) as exc:
        return FolderCheck(
            path,
            QT_TRANSLATE_NOOP(
                "FirstRunDialog", "A certificate in {path} cannot be read ({kind})."
            ).format(path=str(path), kind=type(exc).__name__),
        )
    return FolderCheck(path, found=len(store.anchors) + len(store.intermediates))


def check_crl_dir(text: str) -> FolderCheck:
    """An empty CRL folder is usable: log-in is refused until the CRLs are put there."""
    path = Path(text.strip()).expanduser()
    if not text.strip() or not path.is_dir():
        return FolderCheck(path, _no_folder(path))
    try:
        crls = load_crls_from_dir(path)
    except (OSError, ValueError) as exc:
        return FolderCheck(
            path,
            QT_TRANSLATE_NOOP("FirstRunDialog", "A CRL in {path} cannot be read ({kind}).").format(
                path=str(path), kind=type(exc).__name__
            ),
        )
    return FolderCheck(path, found=len(crls))


def _no_folder(path: Path) -> Translatable:
    return QT_TRANSLATE_NOOP("FirstRunDialog", "The folder {path} does not exist.").format(
        path=str(path)
    )


def check_workstation_id(url: str | None, workstation_id: str) -> Translatable | None:
    """A PostgreSQL central knows each desk by the id `central add-workstation` gave it: its
    row-level security refuses a desk under another id, so one made up here would fail every
    sync. An embedded (SQLite) central takes any id."""
    if url is not None and url.startswith("postgresql") and not workstation_id.strip():
        return QT_TRANSLATE_NOOP(
            "FirstRunDialog",
            "Enter the workstation id the administrator registered at central "
            "(central add-workstation): central accepts this desk's work only under it.",
        )
    return None


class FirstRun:
    """The flow of one first run over the desk's data folder and settings file."""

    def __init__(
        self, data_dir: Path, config_file: Path | None = None, rules: ProgrammeRules = DEFAULT_RULES
    ) -> None:
        self.data_dir = data_dir
        self.config_file = config_path(config_file)
        self.rules = rules
        self.stage = Stage.CHOOSING
        self.testing = False
        self.saved_to: Path | None = None

    @property
    def cities(self) -> tuple[str, ...]:
        return tuple(self.rules.cities)

    def defaults(self) -> Entries:
        """The entries a new desk starts with: trust/ and crl/ beside its store."""
        login = LoginSettings.defaults_for(self.data_dir)
        return Entries(
            city=self.cities[0] if self.cities else "",
            trust_dir=str(login.trust_dir),
            crl_dir=str(login.crl_dir),
        )

    def check(self, entries: Entries) -> Checked:
        url: str | None = None
        in_url: str | None = None
        url_problem: CentralError | None = None
        try:
            url, in_url = check_central_url(entries.url)
        except CentralError as exc:
            url_problem = exc
        return Checked(
            url=url,
            password=entries.password or in_url,
            url_problem=url_problem,
            workstation_id=entries.workstation_id.strip() or None,
            workstation_problem=check_workstation_id(url, entries.workstation_id),
            city=entries.city or None,
            trust=check_trust_dir(entries.trust_dir),
            crl=check_crl_dir(entries.crl_dir),
        )

    # The connection test ----------------------------------------------------------------------

    def begin_test(self, entries: Entries) -> Callable[[], Translatable] | None:
        """The connection test to run (blocking), None while one runs; SettingsInvalid or
        CentralError for a URL that cannot be tried. Call `end_test` when it has answered."""
        if self.testing:
            return None
        url, in_url = check_central_url(entries.url)
        password = entries.password or in_url
        self.testing = True
        return lambda: try_connection(url, password)

    def end_test(self) -> None:
        self.testing = False

    # The way out ------------------------------------------------------------------------------

    def choose_demo(self) -> None:
        self._leave(Stage.DEMO)

    def quit(self) -> None:
        self._leave(Stage.QUIT)

    def save(self, checked: Checked) -> Path:
        """Write the desk's settings from entries `check` found ready (see the module's doc)
        and end the flow: the settings file written; SetupNotSaved when writing failed."""
        url = checked.url
        if url is None or not checked.ready:
            raise ValueError(f"the entries are not ready to save (see {checked.first_problem})")
        settings = ConnectionSettings(
            central_url=url,
            workstation_id=checked.workstation_id,
            city=checked.city,
            sync_interval_s=DEFAULT_SYNC_INTERVAL_S,
        )
        try:
            store = LocalStore.open(self.data_dir, create=True)
            try:
                save_login_settings(
                    store, LoginSettings(trust_dir=checked.trust.path, crl_dir=checked.crl.path)
                )
                identity = desk_identity(store, settings.city, settings=settings)
            finally:
                store.close()
            if checked.password:
                save_password(url, checked.password)
            self.saved_to = save_settings(
                ConnectionSettings(
                    central_url=url,
                    workstation_id=identity.workstation_id,
                    city=identity.city,
                    sync_interval_s=settings.sync_interval_s,
                ),
                self.config_file,
            )
        except (SettingsInvalid, DatabaseKeyUnusable) as exc:
            raise _not_saved(exc) from exc
        except OSError as exc:
            raise SetupNotSaved(
                QT_TRANSLATE_NOOP(
                    "FirstRunDialog", "The settings could not be written: {reason}."
                ).format(reason=exc.strerror or type(exc).__name__)
            ) from exc
        self._leave(Stage.SAVED)
        return self.saved_to

    def _leave(self, stage: Stage) -> None:
        if self.stage is not Stage.CHOOSING:
            raise RuntimeError(f"the first run already ended ({self.stage.value})")
        self.stage = stage


def _not_saved(cause: BaseException) -> SetupNotSaved:
    """The cause's message and notes, as the person at the desk reads them."""
    error = SetupNotSaved(translatable(cause) or str(cause))
    for note in getattr(cause, "__notes__", ()):
        error.add_note(note)
    return error
