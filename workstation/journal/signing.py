"""Signed events: every event carries a detached CMS signature by the person who made it.

The signature covers `Event.signed_bytes()` (canonical JSON of the envelope and payload).
Events travel without certificates in the CMS (about 500 bytes instead of 2,000 per event):
the SignerInfo names its certificate by issuer and serial number, and every desk keeps the
certificates of the people who sign in a registry (its `certificates` table, filled from
central at each sync and from each log-in). An approval carries two SignerInfos: the
ministry's and the migration service's.

A pulled event is applied only when `EventVerifier.check` passes:
1. it has a signature, and the CMS parses;
2. every SignerInfo's certificate is in the registry; its messageDigest matches the bytes
   and its signature value matches the signed attributes;
3. each signer certificate chains to the trust store and was valid, and not revoked, when
   the event was recorded;
4. the signer may make this event: an approval needs the ministry and the migration
   service; a desk or officer event needs exactly one signer whose certificate carries the
   event's actor IIN and fingerprint and whose role (the staff list of this desk, or for
   staff this desk does not know, the organisation in the certificate) permits the action.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from asn1crypto import cms as asn1_cms  # type: ignore[import-untyped]
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.hashes import SHA256

from workstation.domain.lifecycle import STEP_EVENTS, EventType
from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.journal.envelope import Event, format_instant
from workstation.security.cms import (
    DIGESTS,
    SignatureInvalid,
    as_signature_problem,
    bytes_to_verify,
    check_signature_value,
    cosign_detached,
    require_signing_usage,
    sign_detached,
)
from workstation.security.cms_fast import NotFastPath, read_signer_infos
from workstation.security.eds import (
    LoginRefused,
    RevocationPolicy,
    StaffKey,
    TrustStore,
    fingerprint_sha256,
    subject_iin_and_bin,
    verify_signer_certificate,
)
from workstation.security.key_usage import is_signing_certificate
from workstation.security.roles import Action, Role, is_permitted
from workstation.security.timestamp import TimestampInvalid, TsaTrust, signature_time


def _unknown_signer(serial: int) -> str:
    return QT_TRANSLATE_NOOP(
        "signatures",
        "the signer's certificate (serial {serial}) is not known to this desk; "
        "it comes with the next sync if central has it",
    ).format(serial=f"{serial:x}")


__all__ = [
    "CertificateRegistry",
    "EventRejected",
    "EventSigner",
    "EventVerifier",
    "SignerOrganisations",
    "Verification",
    "action_for",
    "sign_approval",
]


class EventRejected(Exception):
    """A pulled event whose signature, certificate or signer's role does not check out."""


@dataclass(frozen=True)
class EventSigner:
    """The logged-in person's signing key: signs each event as it is made."""

    key: StaffKey

    @property
    def certificate(self) -> x509.Certificate:
        return self.key.certificate

    @property
    def fingerprint(self) -> str:
        return self.key.fingerprint_sha256

    def sign(self, data: bytes) -> bytes:
        return sign_detached(
            data, self.key.private_key, self.key.certificate, include_certificates=False
        )


def sign_approval(data: bytes, signers: Sequence[StaffKey]) -> bytes:
    """One CMS with a SignerInfo per organisation key (ministry, migration service)."""
    return cosign_detached(
        data, [(k.private_key, k.certificate) for k in signers], include_certificates=False
    )


@dataclass(frozen=True)
class SignerOrganisations:
    """The BINs whose keys sign approvals and decisions (from the desk set-up)."""

    ministry_bins: frozenset[str]
    migration_bins: frozenset[str]


class CertificateRegistry:
    """Signer certificates by fingerprint and by (issuer, serial number)."""

    def __init__(self, certificates: Iterable[x509.Certificate] = ()) -> None:
        self._by_fingerprint: dict[str, x509.Certificate] = {}
        self._by_issuer_serial: dict[tuple[bytes, int], x509.Certificate] = {}
        for certificate in certificates:
            self.add(certificate)

    def add(self, certificate: x509.Certificate) -> str:
        fingerprint = fingerprint_sha256(certificate)
        self._by_fingerprint[fingerprint] = certificate
        key = (certificate.issuer.public_bytes(), certificate.serial_number)
        self._by_issuer_serial[key] = certificate
        return fingerprint

    def get(self, fingerprint: str) -> x509.Certificate | None:
        return self._by_fingerprint.get(fingerprint)

    def by_issuer_serial(self, issuer_der: bytes, serial: int) -> x509.Certificate | None:
        return self._by_issuer_serial.get((issuer_der, serial))

    def __len__(self) -> int:
        return len(self._by_fingerprint)


# What each event type asks of its signer's role. Annulment is a desk act (a late entry).
_ACTIONS: Mapping[str, Action] = {
    EventType.ARRIVAL_RECORDED: Action.RECORD_ARRIVAL,
    EventType.FINGERPRINTS_CAPTURED: Action.CAPTURE_FINGERPRINTS,
    EventType.APPLICATION_PRINTED: Action.PRINT_APPLICATION,
    EventType.APPLICATION_SUBMITTED: Action.SUBMIT_APPLICATION,
    EventType.REVIEW_STARTED: Action.REVIEW_APPLICATION,
    EventType.DECISION_RECORDED: Action.DECIDE_APPLICATION,
    EventType.ANNULLED: Action.RECORD_ARRIVAL,
    **{t: Action.RECORD_STEP for t in STEP_EVENTS if t is not EventType.FINGERPRINTS_CAPTURED},
}
_OFFICER_ACTIONS = frozenset({Action.REVIEW_APPLICATION, Action.DECIDE_APPLICATION})


# How long before central received it an event may say it was recorded. A desk records
# offline and pushes when it is back; a week covers a long outage (a branch offline longer
# sends its events after an administrator has looked at it). Longer delays are refused:
# the event's own time is then the only evidence of when it was signed.
MAX_DELAY = timedelta(days=7)
# How far a desk's clock may run ahead of central's (recorded_at after received_at).
CLOCK_SKEW = timedelta(minutes=5)


def action_for(event_type: str) -> Action | None:
    """The action an event of this type records (None for approvals and unknown types)."""
    return _ACTIONS.get(event_type)


@dataclass(frozen=True)
class Verification:
    """What a desk checks pulled events with (from its log-in set-up): EventVerifier's
    fixed part; the registry and staff roles come from the store at each round."""

    trust: TrustStore
    organisations: SignerOrganisations
    crls: tuple[x509.CertificateRevocationList, ...] = ()
    revocation: RevocationPolicy | None = None
    max_delay: timedelta | None = MAX_DELAY
    tsa: TsaTrust | None = None  # the TSAs whose tokens prove when a signature existed

    def verifier(
        self, registry: CertificateRegistry, staff_roles: Mapping[str, Role]
    ) -> EventVerifier:
        return EventVerifier(
            self.trust,
            registry,
            self.organisations,
            staff_roles,
            self.crls,
            self.revocation,
            self.max_delay,
            tsa=self.tsa,
        )


@dataclass(frozen=True)
class _Signer:
    certificate: x509.Certificate
    fingerprint: str
    iin: str | None
    bin: str | None
    for_signing: bool


def _signer(certificate: x509.Certificate) -> _Signer:
    iin, bin_ = subject_iin_and_bin(certificate)
    for_signing = is_signing_certificate(certificate)
    return _Signer(certificate, fingerprint_sha256(certificate), iin, bin_, for_signing)


@dataclass
class EventVerifier:
    """Checks pulled events; one per sync round (it caches certificate checks)."""

    trust: TrustStore
    registry: CertificateRegistry
    organisations: SignerOrganisations
    staff_roles: Mapping[str, Role]
    crls: Sequence[x509.CertificateRevocationList] = ()
    revocation: RevocationPolicy | None = None
    max_delay: timedelta | None = MAX_DELAY
    tsa: TsaTrust | None = None
    _chains: dict[tuple[str, object], str | None] = field(default_factory=dict, repr=False)
    _listed: frozenset[int] | None = field(default=None, repr=False)
    _signers: dict[tuple[bytes, int], _Signer] = field(default_factory=dict, repr=False)

    def problem(self, event: Event, received_at: datetime | None = None) -> str | None:
        """Why `event` may not be applied, or None when its signature checks out.

        `received_at` is central's clock when it took the event (None for an event that
        has not been through central); see `_judging_time`. Fails closed: a signature that
        cannot even be examined is a problem, never an exception."""
        try:
            at = self._judging_time(event, received_at)
            self.check(
                str(event.type),
                event.signed_bytes(),
                event.signature,
                event.actor_iin,
                event.actor_fingerprint,
                at,
            )
        except EventRejected as rejected:
            text = str(rejected)
            return text[:1].upper() + text[1:]  # shown as a sentence on screen
        except Exception as error:  # hostile bytes must not stop a sync
            return QT_TRANSLATE_NOOP(
                "signatures", "The signature could not be checked ({error})."
            ).format(error=type(error).__name__)
        return None

    def _judging_time(self, event: Event, received_at: datetime | None) -> datetime:
        """The instant the signer's certificate must have been valid and unrevoked at:
        the time an RFC 3161 token on the signature proves, where there is one and this
        desk has a TSA trust; else central's (`_central_time`).

        A token that does not verify refuses the event; so does an event that says it was
        recorded after its token's time, or a token dated after central received the event
        (beyond CLOCK_SKEW)."""
        at = self._central_time(event, received_at)
        if self.tsa is None or not event.signature:
            return at
        try:
            proven = signature_time(event.signature, self.tsa)
        except TimestampInvalid as invalid:
            raise EventRejected(str(invalid)) from invalid
        if proven is None:
            return at
        if event.recorded_at > proven + CLOCK_SKEW:
            raise EventRejected(
                QT_TRANSLATE_NOOP(
                    "signatures",
                    "the event says it was recorded at {recorded}, after its time-stamp "
                    "({stamped})",
                ).format(recorded=format_instant(event.recorded_at), stamped=format_instant(proven))
            )
        if received_at is not None and proven > received_at + CLOCK_SKEW:
            raise EventRejected(
                QT_TRANSLATE_NOOP(
                    "signatures",
                    "the event's time-stamp ({stamped}) is after central received it at {received}",
                ).format(stamped=format_instant(proven), received=format_instant(received_at))
            )
        return proven

    def _central_time(self, event: Event, received_at: datetime | None) -> datetime:
        """The instant the signer's certificate must have been valid and unrevoked at,
        without a time-stamp token.

        The signer writes `recorded_at` and can backdate it; central's `received_at` is
        central's clock, which no desk writes, so a pulled event is judged when central got
        it. An event claiming to be recorded after central received it (beyond CLOCK_SKEW),
        or longer before than `max_delay`, is refused: its time cannot be trusted.
        Without `received_at` (an event not through central) the signer's time is all
        there is."""
        if received_at is None:
            return event.recorded_at
        if event.recorded_at > received_at + CLOCK_SKEW:
            raise EventRejected(
                QT_TRANSLATE_NOOP(
                    "signatures",
                    "the event says it was recorded at {recorded}, after central received it "
                    "at {received}",
                ).format(
                    recorded=format_instant(event.recorded_at),
                    received=format_instant(received_at),
                )
            )
        # Approvals come from the ministry's system, which may load earlier approvals in
        # bulk; desks record and push within days.
        delay = self.max_delay
        if (
            delay is not None
            and event.type != EventType.ARRIVAL_APPROVED
            and event.recorded_at < received_at - delay
        ):
            raise EventRejected(
                QT_TRANSLATE_NOOP(
                    "signatures",
                    "the event says it was recorded at {recorded}, more than {hours} hours "
                    "before central received it at {received}",
                ).format(
                    recorded=format_instant(event.recorded_at),
                    hours=int(delay.total_seconds() // 3600),
                    received=format_instant(received_at),
                )
            )
        return received_at

    def check(
        self,
        event_type: str,
        signed: bytes,
        signature: bytes | None,
        actor_iin: str,
        actor_fingerprint: str,
        recorded_at: datetime,
    ) -> None:
        """Raise EventRejected with the reason the event may not be applied."""
        if not signature:
            raise EventRejected(QT_TRANSLATE_NOOP("signatures", "the event is not signed"))
        signers = self._verified_signers(signed, signature, recorded_at)
        if event_type == EventType.ARRIVAL_APPROVED:
            self._check_approval(signers)
            return
        if len(signers) != 1:
            raise EventRejected(
                QT_TRANSLATE_NOOP("signatures", "expected one signer, found {count}").format(
                    count=len(signers)
                )
            )
        signer = signers[0]
        if signer.fingerprint != actor_fingerprint:
            raise EventRejected(
                QT_TRANSLATE_NOOP(
                    "signatures", "the signer's certificate is not the one the event names"
                )
            )
        if signer.iin != actor_iin:
            raise EventRejected(
                QT_TRANSLATE_NOOP("signatures", "the signer's IIN is not the event's actor")
            )
        self._check_role(event_type, signer)

    # ---- steps ---------------------------------------------------------------------------

    def _verified_signers(self, signed: bytes, signature: bytes, at: datetime) -> list[_Signer]:
        try:
            infos = read_signer_infos(signature)
        except NotFastPath:
            return self._verified_signers_general(signed, signature, at)
        digest = hashlib.sha256(signed).digest()
        signers = []
        for info in infos:
            signer = self._signer_by(info.issuer_der, info.serial)
            if info.message_digest != digest:
                raise EventRejected(
                    QT_TRANSLATE_NOOP(
                        "signatures",
                        "The data does not match the signature: it was changed after signing.",
                    )
                )
            try:
                key: Any = signer.certificate.public_key()
                if info.scheme == "rsa" and isinstance(key, rsa.RSAPublicKey):
                    key.verify(info.signature, info.to_verify, padding.PKCS1v15(), SHA256())
                elif info.scheme == "ecdsa" and isinstance(key, ec.EllipticCurvePublicKey):
                    key.verify(info.signature, info.to_verify, ec.ECDSA(SHA256()))
                else:
                    raise EventRejected(
                        QT_TRANSLATE_NOOP(
                            "signatures", "The signature algorithm does not fit the signer's key."
                        )
                    )
            except InvalidSignature:
                raise EventRejected(
                    QT_TRANSLATE_NOOP(
                        "signatures",
                        "The signature value does not match: the signature or its attributes "
                        "were changed.",
                    )
                ) from None
            self._check_certificate(signer.certificate, at)
            if not signer.for_signing:
                raise EventRejected(
                    QT_TRANSLATE_NOOP(
                        "signatures",
                        "The signer's certificate is not for signing (its key usage lacks "
                        "nonRepudiation: an authentication key never signs).",
                    )
                )
            signers.append(signer)
        return signers

    def _signer_by(self, issuer_der: bytes, serial: int) -> _Signer:
        cached = self._signers.get((issuer_der, serial))
        if cached is not None:
            return cached
        certificate = self.registry.by_issuer_serial(issuer_der, serial)
        if certificate is None:
            raise EventRejected(_unknown_signer(serial))
        signer = _signer(certificate)
        self._signers[(issuer_der, serial)] = signer
        return signer

    def _verified_signers_general(
        self, signed: bytes, signature: bytes, at: datetime
    ) -> list[_Signer]:
        """The asn1crypto path, for any CMS shape (certificates inside, other digests)."""
        try:
            info = asn1_cms.ContentInfo.load(signature, strict=True)
            if info["content_type"].native != "signed_data":
                raise ValueError("not SignedData")
            signer_infos = list(info["content"]["signer_infos"])
        except (ValueError, TypeError, KeyError) as error:
            raise EventRejected(
                QT_TRANSLATE_NOOP("signatures", "the signature is not valid CMS ({error})").format(
                    error=str(error)
                )
            ) from error
        if not signer_infos:
            raise EventRejected(QT_TRANSLATE_NOOP("signatures", "the signature has no signer"))
        signers = []
        for signer_info in signer_infos:
            certificate = self._certificate_of(signer_info)
            try:
                digest_name = signer_info["digest_algorithm"]["algorithm"].native
                hash_type = DIGESTS.get(digest_name)
                if hash_type is None:
                    raise EventRejected(
                        QT_TRANSLATE_NOOP(
                            "signatures", "digest algorithm {algorithm} is not accepted"
                        ).format(algorithm=digest_name)
                    )
                _, to_verify = bytes_to_verify(signer_info, signed, hash_type)
                check_signature_value(signer_info, certificate, to_verify, hash_type())
                self._check_certificate(certificate, at)
                require_signing_usage(certificate)
            except SignatureInvalid as error:
                raise EventRejected(error.args[-1] if error.args else str(error)) from error
            signers.append(_signer(certificate))
        return signers

    def _certificate_of(self, signer_info: object) -> x509.Certificate:
        sid = signer_info["sid"]  # type: ignore[index]
        if sid.name != "issuer_and_serial_number":
            raise EventRejected(
                QT_TRANSLATE_NOOP(
                    "signatures", "the signer is not named by issuer and serial number"
                )
            )
        issuer = sid.chosen["issuer"].dump()
        serial = sid.chosen["serial_number"].native
        certificate = self.registry.by_issuer_serial(issuer, serial)
        if certificate is None:
            raise EventRejected(_unknown_signer(serial))
        return certificate

    def _check_certificate(self, certificate: x509.Certificate, at: datetime) -> None:
        """Chain, validity and revocation at `at`; cached per certificate and day unless a
        CRL lists the certificate (then the instant matters)."""
        if self._listed is None:
            self._listed = frozenset(entry.serial_number for crl in self.crls for entry in crl)
        fingerprint = fingerprint_sha256(certificate)
        when: object = at if certificate.serial_number in self._listed else at.date()
        if not (certificate.not_valid_before_utc <= at <= certificate.not_valid_after_utc):
            when = at  # the validity boundary needs the instant too
        key = (fingerprint, when)
        if key not in self._chains:
            try:
                verify_signer_certificate(
                    certificate,
                    self.trust,
                    self.crls,
                    at,
                    revocation=self.revocation,
                    check_revocation=bool(self.crls),
                )
                self._chains[key] = None
            except LoginRefused as refused:
                problem_of = as_signature_problem(refused)
                self._chains[key] = problem_of.args[-1] if problem_of.args else str(problem_of)
        problem = self._chains[key]
        if problem is not None:
            raise EventRejected(problem)

    def _check_approval(self, signers: list[_Signer]) -> None:
        bins = {s.bin for s in signers}
        no_ministry = not bins & self.organisations.ministry_bins
        no_migration = not bins & self.organisations.migration_bins
        if no_ministry and no_migration:
            raise EventRejected(
                QT_TRANSLATE_NOOP(
                    "signatures",
                    "the approval is not signed by the ministry and the migration service "
                    "(an untrusted or unknown signer)",
                )
            )
        if no_ministry:
            raise EventRejected(
                QT_TRANSLATE_NOOP(
                    "signatures",
                    "the approval is not signed by the ministry (an untrusted or unknown signer)",
                )
            )
        if no_migration:
            raise EventRejected(
                QT_TRANSLATE_NOOP(
                    "signatures",
                    "the approval is not signed by the migration service "
                    "(an untrusted or unknown signer)",
                )
            )

    def _check_role(self, event_type: str, signer: _Signer) -> None:
        action = action_for(event_type)
        if action is None:  # fail closed: no permission says who may make it
            raise EventRejected(
                QT_TRANSLATE_NOOP(
                    "signatures",
                    "no role may make a {type} event on this desk (the type has no "
                    "permission mapping)",
                ).format(type=event_type)
            )
        role = self.staff_roles.get(signer.iin or "")
        if role is not None:
            if not is_permitted(role, action):
                raise EventRejected(
                    QT_TRANSLATE_NOOP(
                        "signatures", "a {role} may not {action} (signer's role does not permit it)"
                    ).format(role=role.label, action=action.label)
                )
            return
        # Staff of another branch this desk's staff list does not hold: the organisation in
        # the certificate decides. Officers belong to the migration service; desk work is
        # done by service-centre staff, never by the ministry or migration service keys.
        organisations = self.organisations
        if action in _OFFICER_ACTIONS:
            if signer.bin not in organisations.migration_bins:
                raise EventRejected(
                    QT_TRANSLATE_NOOP(
                        "signatures",
                        "only a migration officer may {action}; the signer's certificate "
                        "is not the migration service's",
                    ).format(action=action.label)
                )
        elif signer.bin in organisations.ministry_bins | organisations.migration_bins:
            raise EventRejected(
                QT_TRANSLATE_NOOP(
                    "signatures", "a ministry or migration service key may not {action}"
                ).format(action=action.label)
            )
