"""The desk's connection to central: a small TOML file, and the password in the OS credential store.

The file lives in the platform's config directory (`~/.config/dnr-workstation/desk.toml` on
Linux), or where `DNR_CONFIG` (or an explicit path) points; it holds the central URL without
a password, the database user, the workstation id, the branch city and the sync interval.
The password is kept by `keyring` (Windows Credential Manager, macOS Keychain, Secret Service)
under the service `dnr-workstation central` and the URL with the user and without password
as the account, and is only ever put into a URL in memory, when connecting.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keyring
import platformdirs
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.security.eds import EmptyTrustStore
from workstation.security.timestamp import TsaTrust
from workstation.security.tsa_client import TsaClient
from workstation.sync.gateway import CentralError

APP_NAME = "dnr-workstation"
APP_AUTHOR = "DNR"
CONFIG_ENV = "DNR_CONFIG"  # a path to the settings file, for tests and several desks per host
CONFIG_FILE = "desk.toml"
KEYRING_SERVICE = "dnr-workstation central"
DEFAULT_SYNC_INTERVAL_S = 60
MIN_SYNC_INTERVAL_S = 5
MAX_SYNC_INTERVAL_S = 24 * 3600
DEFAULT_TSA_TIMEOUT_S = 10.0


class SettingsInvalid(CentralError):
    """The connection settings cannot be used; the message names the file and the fix."""


@dataclass(frozen=True)
class TsaSettings:
    """[tsa]: the time-stamping authority events are stamped by before they are pushed
    (url), and the TSA certificates tokens are checked against (trust_dir, crl_dir)."""

    url: str | None = None
    trust_dir: Path | None = None
    crl_dir: Path | None = None
    timeout_s: float = DEFAULT_TSA_TIMEOUT_S
    request_certificate: bool = False

    def trust(self) -> TsaTrust | None:
        """The TSA trust, or None without trust_dir; SettingsInvalid if it cannot be read."""
        if self.trust_dir is None:
            return None
        try:
            return TsaTrust.from_dir(self.trust_dir, self.crl_dir)
        except (EmptyTrustStore, OSError, ValueError) as error:
            raise SettingsInvalid(
                QT_TRANSLATE_NOOP(
                    "sync", "The TSA trust folder {folder} cannot be used: {error}"
                ).format(folder=str(self.trust_dir), error=str(error))
            ) from None

    def client(self) -> TsaClient | None:
        """The client events are stamped with, or None without url."""
        if self.url is None:
            return None
        return TsaClient(
            self.url,
            timeout_s=self.timeout_s,
            request_certificate=self.request_certificate,
            trust=self.trust(),
        )


@dataclass(frozen=True)
class ConnectionSettings:
    central_url: str  # never with a password; with the user name if the database needs one
    workstation_id: str | None = None
    city: str | None = None
    sync_interval_s: int = DEFAULT_SYNC_INTERVAL_S
    tsa: TsaSettings | None = None

    @property
    def user(self) -> str | None:
        return make_url(self.central_url).username


def config_path(path: Path | None = None) -> Path:
    """The settings file: `path` if given, else $DNR_CONFIG, else the platform's config dir."""
    if path is not None:
        return path
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)) / CONFIG_FILE


def load_settings(path: Path | None = None) -> ConnectionSettings | None:
    """The settings in the file, or None when there is no file; SettingsInvalid if unusable."""
    file = config_path(path)
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SettingsInvalid(
            QT_TRANSLATE_NOOP("sync", "Cannot read the desk settings {file}: {reason}.").format(
                file=str(file), reason=exc.strerror
            )
        ) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    # TOMLDecodeError, bytes that are not UTF-8, a number of more than 4,300 digits (all
    # ValueError), or tables nested too deeply for the parser (RecursionError).
    except (ValueError, RecursionError) as exc:
        raise SettingsInvalid(
            QT_TRANSLATE_NOOP(
                "sync", "The desk settings {file} are not valid TOML: {error}."
            ).format(file=str(file), error=str(exc))
        ) from None
    central = _table(data, "central", file)
    desk = _table(data, "desk", file)
    sync = _table(data, "sync", file)
    url = _text(central, "url", file)
    if url is None:
        raise SettingsInvalid(
            QT_TRANSLATE_NOOP(
                "sync",
                'The desk settings {file} name no central database: add `url = "..."` under '
                "[central], e.g. postgresql://central.example.kz/dnr.",
            ).format(file=str(file))
        )
    user = _text(central, "user", file)
    interval = sync.get("interval_seconds", DEFAULT_SYNC_INTERVAL_S)
    if (
        not isinstance(interval, int)
        or isinstance(interval, bool)
        or not MIN_SYNC_INTERVAL_S <= interval <= MAX_SYNC_INTERVAL_S
    ):
        raise SettingsInvalid(
            QT_TRANSLATE_NOOP(
                "sync",
                "In {file}, [sync] interval_seconds must be a whole number of seconds from "
                "{min} to {max}, not {value}.",
            ).format(
                file=str(file),
                min=MIN_SYNC_INTERVAL_S,
                max=MAX_SYNC_INTERVAL_S,
                value=repr(interval),
            )
        )
    parsed = _parse_url(url, file)
    if parsed.password is not None:
        raise SettingsInvalid(
            QT_TRANSLATE_NOOP(
                "sync",
                "The central URL in {file} contains a password. Remove it from the file and keep "
                "it in the OS credential store: `dnr-workstation sync --save --password-stdin`.",
            ).format(file=str(file))
        )
    if user is not None:
        parsed = parsed.set(username=user)
    return ConnectionSettings(
        central_url=_render(parsed, file),
        workstation_id=_text(desk, "workstation_id", file),
        city=_text(desk, "city", file),
        sync_interval_s=interval,
        tsa=_tsa(data, file),
    )


def save_settings(settings: ConnectionSettings, path: Path | None = None) -> Path:
    """Write the settings file (created with mode 0600 in a new 0700 folder); returns its path.

    A password in the URL is refused: it belongs in the credential store (`save_password`)."""
    url = make_url(settings.central_url)
    if url.password is not None:
        raise SettingsInvalid(
            QT_TRANSLATE_NOOP("sync", "The password goes to the OS credential store, not the file.")
        )
    file = config_path(path)
    file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    lines = [
        "# DNR Workstation: this desk's connection to central.",
        "# The password is not here: it is kept in the OS credential store",
        f"# (service {_toml(KEYRING_SERVICE)}), set with `dnr-workstation sync --save`.",
        "",
        "[central]",
        f"url = {_toml(_render(url._replace(username=None)))}",
    ]
    if url.username:
        lines.append(f"user = {_toml(url.username)}")
    lines += ["", "[desk]"]
    if settings.workstation_id:
        lines.append(f"workstation_id = {_toml(settings.workstation_id)}")
    if settings.city:
        lines.append(f"city = {_toml(settings.city)}")
    lines += ["", "[sync]", f"interval_seconds = {int(settings.sync_interval_s)}", ""]
    if settings.tsa is not None:
        lines += _tsa_lines(settings.tsa)
    fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write("\n".join(lines))
    return file


def split_password(url: str) -> tuple[str, str | None]:
    """(the URL without its password, the password or None)."""
    parsed = _parse_url(url, None)
    # URL.set(password=None) keeps the password (None means "unchanged"): replace it.
    return _render(parsed._replace(password=None)), (
        None if parsed.password is None else str(parsed.password)
    )


def with_user(url: str, user: str) -> str:
    return _render(_parse_url(url, None).set(username=user), None)


def keyring_account(url: str) -> str:
    """The credential store's account for a central: its URL with user, without password."""
    return split_password(url)[0]


def save_password(url: str, password: str) -> str:
    """Keep the password for `url`'s user in the OS credential store; returns where."""
    account = keyring_account(url)
    if make_url(account).username is None:
        raise SettingsInvalid(
            QT_TRANSLATE_NOOP(
                "sync",
                "A password needs a database user: give the URL a user "
                '(postgresql://USER@host/db) or `user = "..."` under [central].',
            )
        )
    try:
        keyring.set_password(KEYRING_SERVICE, account, password)
        kept = keyring.get_password(KEYRING_SERVICE, account)
    # Backends raise KeyringError and also their own transport errors (D-Bus, locked store).
    except Exception as exc:
        raise SettingsInvalid(
            QT_TRANSLATE_NOOP(
                "sync",
                "The OS credential store did not take the central password ({error}). "
                "On a headless host install and unlock a Secret Service (e.g. "
                "gnome-keyring) or configure a keyring backend; the password is never written "
                "to the settings file.",
            ).format(error=f"{type(exc).__name__}: {exc}")
        ) from None
    if kept != password:
        raise SettingsInvalid(
            QT_TRANSLATE_NOOP(
                "sync",
                "The OS credential store ({backend}) did not keep "
                "the central password; configure a keyring backend that stores passwords.",
            ).format(backend=type(keyring.get_keyring()).__name__)
        )
    return f"OS credential store ({KEYRING_SERVICE} / {account})"


def stored_password(url: str) -> str | None:
    """The password kept for `url`'s user, or None (no user, none kept, no usable store)."""
    account = keyring_account(url)
    if make_url(account).username is None:
        return None
    try:
        value = keyring.get_password(KEYRING_SERVICE, account)
    except Exception:  # no usable store: connect without, and let central say what it wants
        return None
    return value if isinstance(value, str) else None


def connection_password(url: str) -> str | None:
    """The password to connect to `url` with: the one in the URL (given on a command line)
    wins, else the one kept in the credential store."""
    given = split_password(url)[1]
    return given if given is not None else stored_password(url)


def _parse_url(url: str, file: Path | None) -> URL:
    try:
        parsed = make_url(url)
    except ArgumentError:
        if file:
            message = QT_TRANSLATE_NOOP(
                "sync",
                "{url} in {file} is not a database URL. Examples: "
                "sqlite:////var/lib/dnr/central.sqlite3, postgresql://central.example.kz/dnr",
            ).format(url=repr(url), file=str(file))
        else:
            message = QT_TRANSLATE_NOOP(
                "sync",
                "{url} is not a database URL. Examples: "
                "sqlite:////var/lib/dnr/central.sqlite3, postgresql://central.example.kz/dnr",
            ).format(url=repr(url))
        raise SettingsInvalid(message) from None
    return _checked(parsed, file)


def _checked(parsed: URL, file: Path | None) -> URL:
    if parsed.get_backend_name() == "sqlite" and (parsed.username or parsed.password):
        message: str
        if file:
            message = QT_TRANSLATE_NOOP(
                "sync",
                "An SQLite central has no users or passwords: leave them out of the URL in {file}.",
            ).format(file=str(file))
        else:
            message = QT_TRANSLATE_NOOP(
                "sync", "An SQLite central has no users or passwords: leave them out of the URL."
            )
        raise SettingsInvalid(message)
    return parsed


def _render(url: URL, file: Path | None = None) -> str:
    _checked(url, file)
    return url.render_as_string(hide_password=False)


def _table(data: dict[str, Any], name: str, file: Path) -> dict[str, Any]:
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise SettingsInvalid(
            QT_TRANSLATE_NOOP(
                "sync", "In {file}, [{name}] must be a table (a [{name}] section)."
            ).format(file=str(file), name=name)
        )
    return table


def _text(table: dict[str, Any], key: str, file: Path) -> str | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise SettingsInvalid(
            QT_TRANSLATE_NOOP(
                "sync", "In {file}, {key} must be text in quotes, not {value}."
            ).format(file=str(file), key=key, value=repr(value))
        )
    return value.strip() or None


def _toml(text: str) -> str:
    # A JSON string is a valid TOML basic string (same escapes; no "\/" is ever produced).
    return json.dumps(text, ensure_ascii=False)


def _tsa(data: dict[str, Any], file: Path) -> TsaSettings | None:
    """[tsa] url, trust_dir, crl_dir, timeout_seconds, request_certificate; None if absent."""
    if "tsa" not in data:
        return None
    table = _table(data, "tsa", file)
    url = _text(table, "url", file)
    if url is not None:
        try:
            TsaClient(url)
        except ValueError as error:
            raise SettingsInvalid(
                QT_TRANSLATE_NOOP("sync", "In {file}, [tsa] url: {error}").format(
                    file=str(file), error=str(error)
                )
            ) from None
    timeout = table.get("timeout_seconds", DEFAULT_TSA_TIMEOUT_S)
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not 0 < timeout <= 300:
        raise SettingsInvalid(
            QT_TRANSLATE_NOOP(
                "sync",
                "In {file}, [tsa] timeout_seconds must be a number of seconds above 0 and "
                "at most 300, not {value}.",
            ).format(file=str(file), value=repr(timeout))
        )
    wants_certificate = table.get("request_certificate", False)
    if not isinstance(wants_certificate, bool):
        raise SettingsInvalid(
            QT_TRANSLATE_NOOP(
                "sync", "In {file}, [tsa] request_certificate must be true or false, not {value}."
            ).format(file=str(file), value=repr(wants_certificate))
        )
    trust_dir, crl_dir = _text(table, "trust_dir", file), _text(table, "crl_dir", file)
    return TsaSettings(
        url=url,
        trust_dir=Path(trust_dir).expanduser() if trust_dir else None,
        crl_dir=Path(crl_dir).expanduser() if crl_dir else None,
        timeout_s=float(timeout),
        request_certificate=wants_certificate,
    )


def _tsa_lines(tsa: TsaSettings) -> list[str]:
    lines = ["[tsa]"]
    if tsa.url:
        lines.append(f"url = {_toml(tsa.url)}")
    for key, folder in (("trust_dir", tsa.trust_dir), ("crl_dir", tsa.crl_dir)):
        if folder is not None:
            lines.append(f"{key} = {_toml(str(folder))}")
    lines.append(f"timeout_seconds = {tsa.timeout_s:g}")
    lines.append(f"request_certificate = {'true' if tsa.request_certificate else 'false'}")
    return [*lines, ""]
