"""Log-in with an EDS key file (NCA RK PKCS#12 + password), the lock-out, and the idle unlock.

A key is accepted when it opens with the password, its certificate chains to the desk's trust
store, is within its validity and not revoked (CRL files from the configured folder), names
an IIN in SERIALNUMBER, and that IIN has an active staff record of this desk's city with a
known role (and, if the record pins one, this very certificate). Each refusal is its own
LoginRefused subclass with a message for the person at the desk.

Failed attempts are counted by identity, not by file bytes (security.lockout): against the
key file's password-protected secrets, and once the file opens with a certificate that chains
to the trust store, against that certificate (issuer and serial) and its IIN. The counts live
in the store (services.login_lockout), so closing the app does not reset them; after
`max_failures` the key (or person) is locked for `lockout`. A desk set-up problem (no trust
store, stale CRLs) is not the key holder's doing and is not counted. Every attempt, by any
command, reaches the audit hook.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography import x509

from workstation.domain.clock import Clock
from workstation.domain.steps import joined
from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.journal.certificates import remember_certificate
from workstation.journal.envelope import Actor
from workstation.journal.signing import (
    MAX_DELAY,
    EventSigner,
    SignerOrganisations,
    Verification,
)
from workstation.security.audit import AuditAction
from workstation.security.eds import (
    CertifiedIdentity,
    CrlMissingOrStale,
    EmptyTrustStore,
    KeyFileUnreadable,
    KeyLockedOut,
    LoginRefused,
    RevocationPolicy,
    StaffKey,
    TrustStore,
    load_crls_from_dir,
    load_staff_key,
    subject_iin_and_bin,
    verify_signer_certificate,
    verify_staff_key,
)
from workstation.security.key_usage import is_signing_certificate
from workstation.security.lockout import certificate_ids, key_material_ids
from workstation.security.roles import Role
from workstation.services.login_lockout import LockoutBook
from workstation.services.login_refusals import (
    DeskNotSetUp,
    KeyNotRegistered,
    NoSigningKey,
    NotTheLockingKey,
    StaffInactive,
    UnknownRole,
    UnknownStaff,
    WrongBranch,
)
from workstation.services.staff import StaffRecord, find_staff
from workstation.store.local import LocalStore, get_setting, put_setting

DEFAULT_MAX_FAILURES = 5
DEFAULT_LOCKOUT = timedelta(minutes=15)
DEFAULT_FAILURE_WINDOW = timedelta(hours=1)
DEFAULT_IDLE_LOCK = timedelta(minutes=10)

# Refusals that say nothing about the key or its holder: never counted towards the lock-out.
_NOT_COUNTED: tuple[type[LoginRefused], ...] = (
    DeskNotSetUp,
    CrlMissingOrStale,
    KeyLockedOut,
    NoSigningKey,
)


# ---- settings --------------------------------------------------------------------------------


@dataclass(frozen=True)
class LoginSettings:
    """Where the desk finds its trust store and CRLs, and its limits (administrator's set-up)."""

    trust_dir: Path
    crl_dir: Path
    max_failures: int = DEFAULT_MAX_FAILURES
    lockout: timedelta = DEFAULT_LOCKOUT
    failure_window: timedelta = DEFAULT_FAILURE_WINDOW
    idle_lock: timedelta = DEFAULT_IDLE_LOCK
    revocation: RevocationPolicy = field(default_factory=RevocationPolicy)
    # Whose keys sign approvals (OU=BIN... of the certificates): the ministry's and the
    # migration service's. An approval needs one signature of each; decisions of staff this
    # desk does not know need a migration service key.
    ministry_bins: tuple[str, ...] = ()
    migration_bins: tuple[str, ...] = ()
    # How long before central received it a pulled desk event may say it was recorded
    # (EventVerifier._judging_time); None: not checked (the demo, whose history is backdated).
    max_event_delay: timedelta | None = MAX_DELAY

    @classmethod
    def defaults_for(cls, data_dir: Path) -> LoginSettings:
        """trust/ and crl/ beside the store, the documented limits."""
        return cls(trust_dir=data_dir / "trust", crl_dir=data_dir / "crl")


_SETTING_NAMES = {
    "trust_dir": "login_trust_dir",
    "crl_dir": "login_crl_dir",
    "max_failures": "login_max_failures",
    "lockout": "login_lockout_minutes",
    "idle_lock": "idle_lock_minutes",
    "ministry_bins": "approval_ministry_bins",
    "migration_bins": "approval_migration_bins",
    "max_event_delay": "verify_max_event_delay_minutes",
}


def load_login_settings(store: LocalStore, data_dir: Path) -> LoginSettings:
    """The desk's log-in settings: what the administrator saved, else the defaults."""
    defaults = LoginSettings.defaults_for(data_dir)
    with store.reading() as conn:
        saved = {key: get_setting(conn, name) for key, name in _SETTING_NAMES.items()}
    return LoginSettings(
        trust_dir=Path(saved["trust_dir"]) if saved["trust_dir"] else defaults.trust_dir,
        crl_dir=Path(saved["crl_dir"]) if saved["crl_dir"] else defaults.crl_dir,
        max_failures=_count(saved["max_failures"], defaults.max_failures),
        lockout=_minutes(saved["lockout"], defaults.lockout),
        idle_lock=_minutes(saved["idle_lock"], defaults.idle_lock),
        ministry_bins=_bins(saved["ministry_bins"]),
        migration_bins=_bins(saved["migration_bins"]),
        max_event_delay=_delay(saved["max_event_delay"]),
    )


def _delay(text: str | None) -> timedelta | None:
    """The saved maximum event delay: minutes, "off", or the default when not saved."""
    if not text:
        return MAX_DELAY
    return None if text == "off" else _minutes(text, MAX_DELAY)


def _bins(text: str | None) -> tuple[str, ...]:
    return tuple(b for b in (text or "").replace(",", " ").split() if b)


def save_login_settings(store: LocalStore, settings: LoginSettings) -> None:
    """Keep the settings in the store (the administrator's set-up; demo set-up; tests)."""
    if settings.max_failures < 1:
        raise ValueError("Allow at least one attempt before a key is locked.")
    if settings.lockout <= timedelta(0) or settings.idle_lock <= timedelta(0):
        raise ValueError("The lock-out and idle-lock times must be longer than zero.")
    values = {
        "trust_dir": str(settings.trust_dir),
        "crl_dir": str(settings.crl_dir),
        "max_failures": str(settings.max_failures),
        "lockout": _format_minutes(settings.lockout),
        "idle_lock": _format_minutes(settings.idle_lock),
        "ministry_bins": " ".join(settings.ministry_bins),
        "migration_bins": " ".join(settings.migration_bins),
        "max_event_delay": "off"
        if settings.max_event_delay is None
        else _format_minutes(settings.max_event_delay),
    }
    with store.transaction() as conn:
        for key, value in values.items():
            put_setting(conn, _SETTING_NAMES[key], value)


def _minutes(text: str | None, default: timedelta) -> timedelta:
    """Saved minutes; a damaged value (not a number, not above zero, too large) reads as the
    default, so no stored byte stops the log-in screen."""
    try:
        minutes = float(text) if text else 0.0
        return timedelta(minutes=minutes) if minutes > 0 else default
    except (ValueError, OverflowError):
        return default


def _count(text: str | None, default: int) -> int:
    try:
        value = int(text) if text else 0
    except ValueError:
        return default
    return value if value >= 1 else default


def _format_minutes(delta: timedelta) -> str:
    return f"{delta.total_seconds() / 60:g}"


# ---- the session and what the audit trail hears ----------------------------------------------


@dataclass(frozen=True)
class StaffSession:
    """Who is logged in at the desk, with which key, in which role."""

    actor: Actor
    role: Role
    identity: CertifiedIdentity
    staff: StaffRecord
    key_id: str  # the key file's first secret id (security.lockout): names it in the audit
    key_file: Path
    logged_in_at: datetime
    warnings: tuple[str, ...] = ()
    signer: EventSigner | None = field(default=None, repr=False)

    @property
    def display_name(self) -> str:
        return self.staff.display_name or self.identity.common_name


@dataclass(frozen=True)
class LoginEvent:
    """A log-in, failure, lock or unlock, for the audit trail. No personal data beyond the IIN."""

    action: AuditAction
    at: datetime
    actor_iin: str | None
    actor_fingerprint: str | None
    subject: str  # "key:<16 hex of the key file's secret>" (security.lockout), never a name
    details: Mapping[str, Any]


LoginAudit = Callable[[LoginEvent], object]  # the return value (an audit entry) is ignored


_for_signing = is_signing_certificate  # the one key-usage check (security.key_usage)


# ---- the service ------------------------------------------------------------------------------


class LoginService:
    """Checks key files for this desk; thread-safe as far as the store is (one call at a time)."""

    def __init__(
        self,
        store: LocalStore,
        settings: LoginSettings,
        *,
        desk_city: str | None,
        clock: Clock,
        refresh_crls: Callable[[datetime], None] | None = None,
        audit: LoginAudit | None,
    ) -> None:
        """`audit` hears every attempt (the desk's AuditLog.record_event); it has no default
        so that no command logs people in unaudited by forgetting it. None: only for a
        service that checks keys nobody logs in with (the sync's verification)."""
        self.store = store
        self.settings = settings
        self.desk_city = desk_city
        self.clock = clock
        # Demo mode re-issues its own CRLs here; a real desk gets them with the sync.
        self.refresh_crls = refresh_crls
        self.audit = audit

    # Log-in ---------------------------------------------------------------------------------

    def log_in(self, key_file: Path, password: str) -> StaffSession:
        """The session for this key, or a LoginRefused subclass saying what is wrong.

        A counted failure carries a note with the attempts left; the failure that uses up
        the last attempt raises KeyLockedOut (from the original refusal).
        """
        attempt = _Attempt()
        session = self._checked(key_file, password, attempt)
        self._book().success(attempt.ids)
        self._tell(AuditAction.LOGIN, session, {"role": session.role.value})
        return session

    def unlock(self, locked: StaffSession, key_file: Path, password: str) -> StaffSession:
        """Unlock an idle-locked desk: only with the key of the person who was logged in,
        checked again in full (it may have been revoked, or its holder switched off)."""
        attempt = _Attempt()
        session = self._checked(key_file, password, attempt, unlocking=True)
        if session.identity.fingerprint_sha256 != locked.identity.fingerprint_sha256:
            error = NotTheLockingKey(locked.display_name)
            self._tell_failure(attempt, error, None, {"unlocking": True})
            raise error
        self._book().success(attempt.ids)
        self._tell(AuditAction.UNLOCK, session, {})
        return session

    def record_lock(self, session: StaffSession, *, idle: bool) -> None:
        self._tell(AuditAction.LOCK, session, {"idle": idle})

    def record_logout(self, session: StaffSession) -> None:
        self._tell(AuditAction.LOGOUT, session, {})

    def locked_until(self, key_file: Path) -> datetime | None:
        """Until when this key file (or its known holder) is locked out, or None (for the
        dialog, before typing)."""
        try:
            material = key_material_ids(key_file.read_bytes())
        except OSError:
            return None
        book = self._book()
        return book.locked_until((*material, *book.identities_of(material)), self.clock.now())

    # Internals ------------------------------------------------------------------------------

    def _checked(
        self, key_file: Path, password: str, attempt: _Attempt, *, unlocking: bool = False
    ) -> StaffSession:
        details = {"unlocking": True} if unlocking else {}
        try:
            p12 = key_file.read_bytes()
        except OSError as error:
            refused = KeyFileUnreadable(
                QT_TRANSLATE_NOOP("login", "the file cannot be read ({reason})").format(
                    reason=error.strerror
                )
            )
            self._tell_failure(attempt, refused, None, details)
            raise refused from error
        book = self._book()
        attempt.material = key_material_ids(p12)
        attempt.identity = list(book.identities_of(attempt.material))
        now = self.clock.now()
        try:
            book.check(attempt.ids, now)
            return self._verify(key_file, p12, attempt, password, now)
        except LoginRefused as error:
            if isinstance(error, _NOT_COUNTED):
                self._tell_failure(attempt, error, None, details)
                raise
            left, until = book.failure(attempt.ids, now)
            self._tell_failure(attempt, error, left, details)
            if until is not None:
                raise KeyLockedOut(until) from error
            note = (
                QT_TRANSLATE_NOOP(
                    "login",
                    "{left} attempt left before this key is locked for {minutes} minutes.",
                )
                if left == 1
                else QT_TRANSLATE_NOOP(
                    "login",
                    "{left} attempts left before this key is locked for {minutes} minutes.",
                )
            )
            error.add_note(note.format(left=left, minutes=_format_minutes(self.settings.lockout)))
            raise

    def _verify(
        self, key_file: Path, p12: bytes, attempt: _Attempt, password: str, now: datetime
    ) -> StaffSession:
        key = load_staff_key(p12, password)
        trust = self._trust_store()
        if _chains(key, trust, now, self.settings.revocation):
            # Possession is proven: from here on failures count against the certificate and
            # its IIN as well, and a locked certificate or person stays locked in any file.
            attempt.prove(key.certificate)
            book = self._book()
            book.learn(attempt.material, certificate_ids(key.certificate))
            book.check(attempt.ids, now)
        crls = self._crls(now)
        identity = verify_staff_key(key, trust, crls, now, revocation=self.settings.revocation)
        record = self._staff_record(identity)
        role = Role(record.role)
        signer = self._signing_key(key_file, password, identity, trust, crls, now)
        actor = Actor(
            iin=identity.iin,
            name=record.display_name,
            role=role.value,
            cert_fingerprint=signer.fingerprint,
            signer=signer,
        )
        return StaffSession(
            actor=actor,
            role=role,
            identity=identity,
            staff=record,
            key_id=attempt.key_id,
            key_file=key_file,
            logged_in_at=now,
            warnings=identity.warnings,
            signer=signer,
        )

    def verification(self) -> Verification:
        """How this desk checks pulled events: its trust store, CRLs and approval signers."""
        settings = self.settings
        return Verification(
            trust=self._trust_store(),
            organisations=SignerOrganisations(
                frozenset(settings.ministry_bins), frozenset(settings.migration_bins)
            ),
            crls=tuple(self._crls(self.clock.now())),
            revocation=settings.revocation,
            max_delay=settings.max_event_delay,
        )

    def _signing_key(
        self,
        key_file: Path,
        password: str,
        identity: CertifiedIdentity,
        trust: TrustStore,
        crls: list[x509.CertificateRevocationList],
        now: datetime,
    ) -> EventSigner:
        """The person's signing key from the log-in key's folder: a PKCS#12 other than the
        log-in key that opens with the same password, names the same IIN, chains to the
        trust store, is valid now and is for signing (non-repudiation)."""
        problems: list[str] = []
        for candidate in sorted(key_file.parent.glob("*.p12")):
            if candidate.resolve() == key_file.resolve() or candidate.name.upper().startswith(
                "AUTH_"
            ):
                continue
            try:
                key = load_staff_key(candidate.read_bytes(), password)
            except (LoginRefused, OSError):
                continue
            iin, _ = subject_iin_and_bin(key.certificate)
            if iin != identity.iin:
                continue
            if not _for_signing(key.certificate):
                continue
            try:
                verify_signer_certificate(
                    key.certificate,
                    trust,
                    crls,
                    now,
                    intermediates=key.chain,
                    revocation=self.settings.revocation,
                )
            except LoginRefused as refused:
                problems.append(
                    QT_TRANSLATE_NOOP("login", "{file}: {reason}").format(
                        file=candidate.name, reason=refused.args[0] if refused.args else ""
                    )
                )
                continue
            self._register_certificate(key.certificate)
            return EventSigner(key)
        raise NoSigningKey(key_file.parent, joined(problems, "; ", "login") if problems else "")

    def _register_certificate(self, certificate: x509.Certificate) -> None:
        with self.store.transaction() as conn:
            remember_certificate(conn, certificate, self.clock.now())

    def _trust_store(self) -> TrustStore:
        folder = self.settings.trust_dir
        if not folder.is_dir():
            raise DeskNotSetUp(
                QT_TRANSLATE_NOOP(
                    "login", "the trust store folder {folder} does not exist."
                ).format(folder=str(folder))
            )
        try:
            return TrustStore.from_pem_dir(folder)
        except EmptyTrustStore as error:
            raise DeskNotSetUp(error.args[0]) from error
        except ValueError as error:  # a certificate file that does not parse
            raise DeskNotSetUp(
                QT_TRANSLATE_NOOP(
                    "login", "a file in {folder} is not a certificate ({error})."
                ).format(folder=str(folder), error=str(error))
            ) from error

    def _crls(self, now: datetime) -> list[x509.CertificateRevocationList]:
        if self.refresh_crls is not None:
            self.refresh_crls(now)
        folder = self.settings.crl_dir
        if not folder.is_dir():
            raise DeskNotSetUp(
                QT_TRANSLATE_NOOP(
                    "login", "the revocation list folder {folder} does not exist."
                ).format(folder=str(folder))
            )
        try:
            return load_crls_from_dir(folder)
        except ValueError as error:
            raise DeskNotSetUp(
                QT_TRANSLATE_NOOP(
                    "login", "a file in {folder} is not a revocation list ({error})."
                ).format(folder=str(folder), error=str(error))
            ) from error

    def _staff_record(self, identity: CertifiedIdentity) -> StaffRecord:
        with self.store.reading() as conn:
            record = find_staff(conn, identity.iin)
        name = identity.common_name or f"{identity.surname} {identity.given_name}"
        if record is None:
            raise UnknownStaff(name)
        name = record.display_name or name
        if not record.active:
            raise StaffInactive(name)
        if self.desk_city and record.city and record.city.casefold() != self.desk_city.casefold():
            raise WrongBranch(name, record.city, self.desk_city)
        if record.role not in {r.value for r in Role}:
            raise UnknownRole(name, record.role)
        if record.cert_fingerprint and record.cert_fingerprint != identity.fingerprint_sha256:
            raise KeyNotRegistered(name)
        return record

    def _book(self) -> LockoutBook:
        settings = self.settings
        return LockoutBook(
            self.store,
            max_failures=settings.max_failures,
            lockout=settings.lockout,
            window=settings.failure_window,
        )

    def _tell(self, action: AuditAction, session: StaffSession, details: Mapping[str, Any]) -> None:
        if self.audit is None:
            return
        self.audit(
            LoginEvent(
                action=action,
                at=self.clock.now(),
                actor_iin=session.actor.iin,
                actor_fingerprint=session.actor.cert_fingerprint,
                subject=_subject(session.key_id),
                details=dict(details),
            )
        )

    def _tell_failure(
        self,
        attempt: _Attempt,
        error: LoginRefused,
        left: int | None,
        details: Mapping[str, Any],
    ) -> None:
        if self.audit is None:
            return
        locked = isinstance(error, KeyLockedOut) or left == 0
        self.audit(
            LoginEvent(
                action=AuditAction.KEY_LOCKED_OUT if left == 0 else AuditAction.LOGIN_FAILED,
                at=self.clock.now(),
                actor_iin=None,  # not proven: the key did not pass
                actor_fingerprint=None,
                subject=_subject(attempt.key_id),
                details={
                    **details,
                    "reason": type(error).__name__,
                    "attempts_left": left,
                    "locked": locked,
                    # The certificate the failure also counted against (issuer and serial),
                    # when the file opened and chains: which key was tried, not who tried it.
                    "certificate": attempt.certificate,
                },
            )
        )


@dataclass
class _Attempt:
    """What one log-in attempt is counted against (security.lockout), filled in as it goes."""

    material: tuple[str, ...] = ()
    identity: list[str] = field(default_factory=list)
    certificate: str | None = None  # "cert:<issuer>:<serial>" once proven

    @property
    def ids(self) -> tuple[str, ...]:
        return (*self.material, *self.identity)

    @property
    def key_id(self) -> str:
        return self.material[0] if self.material else ""

    def prove(self, certificate: x509.Certificate) -> None:
        proven = certificate_ids(certificate)
        self.identity.extend(i for i in proven if i not in self.identity)
        self.certificate = proven[0]


def _chains(key: StaffKey, trust: TrustStore, now: datetime, policy: RevocationPolicy) -> bool:
    """Whether the key's certificate chains to the trust store (at a moment of its validity,
    so an expired key of a real person counts against that person)."""
    certificate = key.certificate
    at = min(max(now, certificate.not_valid_before_utc), certificate.not_valid_after_utc)
    try:
        verify_signer_certificate(
            certificate,
            trust,
            [],
            at,
            intermediates=key.chain,
            revocation=policy,
            check_revocation=False,
        )
    except LoginRefused:
        return False
    return True


def _subject(key_id: str) -> str:
    return f"key:{key_id.partition(':')[2][:16]}" if key_id else "key:unreadable"
