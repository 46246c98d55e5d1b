"""RFC 3161 time-stamp tokens on event signatures (CAdES-T): the proof of when a signature existed.

A desk signs an event with the clerk's key; before the event is pushed it asks a time-stamping
authority (NCA RK's TSP service, or the local simulator) for a token over the hash of each
SignerInfo's signature value, and keeps the token in that SignerInfo's unsigned attribute
id-aa-signatureTimeStampToken (1.2.840.113549.1.9.16.2.14). Unsigned attributes are outside
what the clerk signed, so stamping changes neither the event nor its signature check.

A token proves that the signature existed at its genTime: the signer's certificate is then
judged at that time (validity and revocation), not at the `recorded_at` the signer wrote.

A token is accepted (`verify_token`) only when, in order:
1. it is a SignedData whose content is a TSTInfo (v1) with a SHA-2 message imprint that
   equals the hash of the bytes it claims to stamp;
2. it has one SignerInfo, with content type id-ct-TSTInfo, a messageDigest over the TSTInfo
   and an ESS signing-certificate(-v2) attribute naming the TSA certificate by its hash;
3. the signature value checks with the TSA certificate's key;
4. the TSA certificate is for time-stamping only (extended key usage id-kp-timeStamping,
   critical, RFC 3161 2.3), chains to the configured TSA trust and was valid, and not revoked
   (when CRLs are configured), at genTime; genTime is not in the future.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Any

from asn1crypto import cms as asn1_cms  # type: ignore[import-untyped]
from asn1crypto import tsp as asn1_tsp
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509.oid import ExtendedKeyUsageOID

from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.security.cms import (
    DIGESTS,
    SignatureInvalid,
    _der_length,
    as_signature_problem,
    check_signature_value,
)
from workstation.security.eds import (
    LoginRefused,
    RevocationPolicy,
    TrustStore,
    fingerprint_sha256,
    load_crls_from_dir,
    verify_signer_certificate,
)
from workstation.security.timestamp_der import raw_parts, response_token, signer_tokens, splice

__all__ = [
    "CLOCK_SKEW",
    "OID_SIGNATURE_TIME_STAMP_TOKEN",
    "TimeStampResp",
    "TimestampInvalid",
    "TimestampProblem",
    "TimestampToken",
    "TsaTrust",
    "has_timestamp",
    "read_response",
    "signature_time",
    "stamp_signature",
    "timestamp_request",
    "verify_token",
]

OID_SIGNATURE_TIME_STAMP_TOKEN = "1.2.840.113549.1.9.16.2.14"
# How far a token's genTime may be ahead of this desk's clock (two clocks never agree exactly).
CLOCK_SKEW = timedelta(minutes=5)


class TimeStampResp(asn1_tsp.TimeStampResp):  # type: ignore[misc]
    """RFC 3161's TimeStampResp: the token is OPTIONAL (absent in a refusal); asn1crypto's
    own class demands it."""

    _fields = [  # noqa: RUF012 - asn1crypto's declaration style
        ("status", asn1_tsp.PKIStatusInfo),
        ("time_stamp_token", asn1_cms.ContentInfo, {"optional": True}),
    ]


class TimestampProblem(Enum):
    MALFORMED = "malformed"
    IMPRINT_MISMATCH = "imprint_mismatch"
    TAMPERED = "tampered"
    BAD_SIGNATURE = "bad_signature"
    NOT_A_TSA = "not_a_tsa"
    UNTRUSTED_TSA = "untrusted_tsa"
    FUTURE = "future"
    REFUSED = "refused"


class TimestampInvalid(Exception):
    """A time-stamp token that does not prove a time: the message says why."""

    def __init__(self, problem: TimestampProblem, message: str) -> None:
        self.problem = problem
        super().__init__(message)


def _invalid(problem: TimestampProblem, message: str) -> TimestampInvalid:
    return TimestampInvalid(problem, message)


@dataclass(frozen=True)
class TsaTrust:
    """The TSAs this desk believes: their CA certificates (and TSA certificates, so tokens
    without certificates can be checked), optionally CRLs. Caches certificate checks."""

    trust: TrustStore
    crls: tuple[x509.CertificateRevocationList, ...] = ()
    revocation: RevocationPolicy | None = None
    _checked: dict[tuple[str, object], str | None] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    @classmethod
    def from_dir(cls, trust_dir: Path, crl_dir: Path | None = None) -> TsaTrust:
        """PEM/DER certificates from `trust_dir` (at least one self-signed CA); CRLs from
        `crl_dir` when given and present. EmptyTrustStore or OSError/ValueError if unusable."""
        trust = TrustStore.from_pem_dir(trust_dir)
        crls: list[x509.CertificateRevocationList] = []
        if crl_dir is not None and crl_dir.is_dir():
            crls = load_crls_from_dir(crl_dir)
        return cls(trust, tuple(crls))

    @property
    def known_certificates(self) -> tuple[x509.Certificate, ...]:
        return (*self.trust.intermediates, *self.trust.anchors)


@dataclass(frozen=True)
class TimestampToken:
    """A verified token: when, by which TSA, under which policy."""

    gen_time: datetime
    serial_number: int
    policy: str
    tsa_certificate: x509.Certificate
    der: bytes


# ---- request and response ------------------------------------------------------------------


def timestamp_request(
    data: bytes, *, nonce: int | None = None, cert_req: bool = False, policy: str | None = None
) -> bytes:
    """A DER TimeStampReq for the SHA-256 of `data`, with a random 64-bit nonce unless given."""
    request: dict[str, Any] = {
        "version": "v1",
        "message_imprint": {
            "hash_algorithm": {"algorithm": "sha256"},
            "hashed_message": hashlib.sha256(data).digest(),
        },
        "nonce": secrets.randbits(63) if nonce is None else nonce,
        "cert_req": cert_req,
    }
    if policy is not None:
        request["req_policy"] = policy
    return bytes(asn1_tsp.TimeStampReq(request).dump())


def read_response(response_der: bytes, request_der: bytes) -> bytes:
    """The token in a TimeStampResp answering `request_der`: status granted, the same
    imprint and nonce. TimestampInvalid (REFUSED or MALFORMED) otherwise, for any bytes."""
    try:
        return _read_response(response_der, request_der)
    except TimestampInvalid:
        raise
    except Exception as error:  # fail closed, as verify_token
        raise _malformed(error) from error


def _read_response(response_der: bytes, request_der: bytes) -> bytes:
    try:
        request = asn1_tsp.TimeStampReq.load(request_der, strict=True)
        response = TimeStampResp.load(response_der, strict=True)
        status = response["status"]["status"].native
    except (ValueError, TypeError, KeyError) as error:
        raise _malformed(error) from error
    if status not in ("granted", "granted_with_mods"):
        texts = response["status"]["status_string"].native or []
        raise _invalid(
            TimestampProblem.REFUSED,
            QT_TRANSLATE_NOOP(
                "timestamps", "The time-stamping authority refused the request ({status}: {text})."
            ).format(status=status, text="; ".join(texts) or "-"),
        )
    try:
        token_der = response_token(response_der)  # as received: never re-encoded
        if token_der is None:
            raise ValueError("a granted response without a token")
        info = _tst_info(_signed_data(asn1_cms.ContentInfo.load(token_der, strict=True)))
        same_imprint = _imprint(info["message_imprint"]) == _imprint(request["message_imprint"])
        same_nonce = info["nonce"].native == request["nonce"].native
    except (ValueError, TypeError, KeyError) as error:
        raise _malformed(error) from error
    if not same_imprint:
        raise _imprint_mismatch()
    if not same_nonce:
        raise _invalid(
            TimestampProblem.MALFORMED,
            QT_TRANSLATE_NOOP(
                "timestamps", "The time-stamp answers another request (its nonce differs)."
            ),
        )
    return token_der


def _imprint(imprint: Any) -> tuple[str, bytes]:
    return imprint["hash_algorithm"]["algorithm"].dotted, imprint["hashed_message"].native


# ---- verification --------------------------------------------------------------------------


def verify_token(
    token_der: bytes, stamped: bytes, tsa: TsaTrust, *, now: datetime | None = None
) -> TimestampToken:
    """Check a token over `stamped` (the bytes whose hash it must carry); see the module
    docstring for what is checked. TimestampInvalid with the reason otherwise, for any
    bytes: asn1crypto and cryptography parse lazily, so a broken field may surface at any
    step, as any exception."""
    try:
        return _verify_token(token_der, stamped, tsa, now)
    except TimestampInvalid:
        raise
    except Exception as error:  # fail closed: e.g. x509.InvalidVersion is no ValueError
        raise _malformed(error) from error


def _verify_token(
    token_der: bytes, stamped: bytes, tsa: TsaTrust, now: datetime | None
) -> TimestampToken:
    try:
        token = asn1_cms.ContentInfo.load(token_der, strict=True)
        signed = _signed_data(token)
        info = _tst_info(signed)
        content, signed_attributes = raw_parts(bytes(token_der))
        signer_infos = list(signed["signer_infos"])
        carried = [
            x509.load_der_x509_certificate(choice.chosen.dump())
            for choice in (signed["certificates"] or [])
            if choice.name == "certificate"
        ]
        gen_time = info["gen_time"].native
        imprint = info["message_imprint"]
        imprint_hash = DIGESTS.get(imprint["hash_algorithm"]["algorithm"].native)
        hashed_message = imprint["hashed_message"].native
        serial = int(info["serial_number"].native)
        policy = str(info["policy"].dotted)
        version = info["version"].native
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        raise _malformed(error) from error
    if version != "v1" or len(signer_infos) != 1 or not isinstance(gen_time, datetime):
        raise _malformed(ValueError("not a v1 TSTInfo with one signer"))
    if imprint_hash is None:
        raise _invalid(
            TimestampProblem.MALFORMED,
            QT_TRANSLATE_NOOP("timestamps", "The time-stamp's hash algorithm is not accepted."),
        )
    if _digest(imprint_hash, stamped) != hashed_message:
        raise _imprint_mismatch()
    signer_info = signer_infos[0]
    tsa_certificate = _tsa_certificate(signer_info, [*carried, *tsa.known_certificates])
    _check_signer_info(signer_info, content, signed_attributes, tsa_certificate)
    _require_time_stamping(tsa_certificate)
    if gen_time > (now or datetime.now(UTC)) + CLOCK_SKEW:
        raise _invalid(
            TimestampProblem.FUTURE,
            QT_TRANSLATE_NOOP(
                "timestamps", "The time-stamp is dated in the future ({time})."
            ).format(time=gen_time.isoformat()),
        )
    _check_tsa_certificate(tsa_certificate, carried, tsa, gen_time)
    return TimestampToken(gen_time, serial, policy, tsa_certificate, bytes(token_der))


def signature_time(signature_der: bytes, tsa_trust: TsaTrust) -> datetime | None:
    """When the signature in `signature_der` (a CMS SignedData) is proven to have existed.

    None when it carries no token, or when only some of its SignerInfos carry one (an
    unstamped signature has no proven time). Every token present must verify, else
    TimestampInvalid. Each SignerInfo's time is its earliest token; with several SignerInfos
    (an approval) the latest of their times, so every signature is judged no earlier than
    it is proven to exist.
    """
    times: list[datetime | None] = []
    for signature_value, tokens in _signer_tokens(signature_der):
        proven = [verify_token(t, signature_value, tsa_trust).gen_time for t in tokens]
        times.append(min(proven) if proven else None)
    if not times or any(t is None for t in times):
        return None
    return max(t for t in times if t is not None)


def has_timestamp(signature_der: bytes) -> bool:
    """Whether every SignerInfo of the signature carries a token (unchecked)."""
    try:
        found = _signer_tokens(signature_der)
    except TimestampInvalid:
        return False
    return bool(found) and all(tokens for _, tokens in found)


def stamp_signature(signature_der: bytes, token_for: Callable[[bytes], bytes | None]) -> bytes:
    """The signature with a token in each SignerInfo that has none: `token_for(signature
    value)` returns a token over those bytes (e.g. TsaClient.token_for), or None to leave
    that SignerInfo as it is. The DER is spliced, not re-encoded: every signed byte stays
    as it was, so the signature checks exactly as before."""
    found = _signer_tokens(signature_der)
    try:
        return splice(signature_der, found, token_for)
    except (ValueError, TypeError, KeyError) as error:  # NotFastPath is a ValueError
        raise _malformed(error) from error


# ---- pieces --------------------------------------------------------------------------------


def _signer_tokens(signature_der: bytes) -> list[tuple[bytes, list[bytes]]]:
    """timestamp_der.signer_tokens, with MALFORMED for bytes of another shape."""
    try:
        return signer_tokens(signature_der)
    except ValueError as error:  # NotFastPath is a ValueError
        raise _malformed(error) from error


def _signed_data(token: Any) -> Any:
    if token["content_type"].native != "signed_data":
        raise ValueError("the token is not SignedData")
    signed = token["content"]
    if signed["encap_content_info"]["content_type"].native != "tst_info":
        raise ValueError("the token's content is not a TSTInfo")
    return signed


def _tst_info(signed: Any) -> Any:
    info = signed["encap_content_info"]["content"].parsed
    if not isinstance(info, asn1_tsp.TSTInfo):
        raise ValueError("the token's content is not a TSTInfo")
    return info


def _tsa_certificate(signer_info: Any, candidates: Sequence[x509.Certificate]) -> x509.Certificate:
    sid = signer_info["sid"]
    for certificate in candidates:
        if sid.name == "issuer_and_serial_number":
            if (
                certificate.issuer.public_bytes() == sid.chosen["issuer"].dump()
                and certificate.serial_number == sid.chosen["serial_number"].native
            ):
                return certificate
        else:
            try:
                ski = certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier)
            except x509.ExtensionNotFound:
                continue
            if ski.value.digest == sid.chosen.native:
                return certificate
    raise _invalid(
        TimestampProblem.UNTRUSTED_TSA,
        QT_TRANSLATE_NOOP(
            "timestamps",
            "The time-stamping authority's certificate is neither in the token nor in the "
            "TSA trust of this desk.",
        ),
    )


def _check_signer_info(
    signer_info: Any, content: bytes, contents: bytes, certificate: x509.Certificate
) -> None:
    try:
        hash_type = DIGESTS.get(signer_info["digest_algorithm"]["algorithm"].native)
        attributes = signer_info["signed_attrs"]
        values = {a["type"].native: a["values"] for a in attributes}
        content_type = values["content_type"][0].native
        message_digest = values["message_digest"][0].native
    except (ValueError, TypeError, KeyError) as error:
        raise _malformed(error) from error
    if hash_type is None or content_type != "tst_info":
        raise _malformed(ValueError("digest algorithm or content type"))
    if message_digest != _digest(hash_type, content):
        raise _invalid(
            TimestampProblem.TAMPERED,
            QT_TRANSLATE_NOOP(
                "timestamps", "The time-stamp's content was changed after the TSA signed it."
            ),
        )
    _check_signing_certificate(values, certificate)
    to_verify = b"\x31" + _der_length(len(contents)) + contents
    try:
        check_signature_value(signer_info, certificate, to_verify, hash_type())
    except SignatureInvalid as error:
        raise _invalid(
            TimestampProblem.BAD_SIGNATURE,
            QT_TRANSLATE_NOOP(
                "timestamps", "The time-stamp's signature does not match the TSA's key."
            ),
        ) from error


def _check_signing_certificate(values: dict[str, Any], certificate: x509.Certificate) -> None:
    """ESSCertIDv2 (or v1, SHA-1) must name the TSA certificate the token was checked with."""
    der = certificate.public_bytes(serialization.Encoding.DER)
    try:
        if "signing_certificate_v2" in values:
            first = values["signing_certificate_v2"][0]["certs"][0]
            hash_type = DIGESTS.get(first["hash_algorithm"]["algorithm"].native)
            ok = hash_type is not None and first["cert_hash"].native == _digest(hash_type, der)
        elif "signing_certificate" in values:
            first = values["signing_certificate"][0]["certs"][0]
            ok = first["cert_hash"].native == hashlib.sha1(der).digest()
        else:
            ok = False
    except (ValueError, TypeError, KeyError, IndexError) as error:
        raise _malformed(error) from error
    if not ok:
        raise _invalid(
            TimestampProblem.UNTRUSTED_TSA,
            QT_TRANSLATE_NOOP(
                "timestamps",
                "The time-stamp does not name its TSA certificate (ESS signing-certificate), "
                "or names another one.",
            ),
        )


def _require_time_stamping(certificate: x509.Certificate) -> None:
    try:
        extension = certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage)
    except x509.ExtensionNotFound:
        extension = None
    if (
        extension is None
        or not extension.critical
        or list(extension.value) != [ExtendedKeyUsageOID.TIME_STAMPING]
    ):
        raise _invalid(
            TimestampProblem.NOT_A_TSA,
            QT_TRANSLATE_NOOP(
                "timestamps",
                "The token's signer is not a time-stamping authority (its certificate is not "
                "for time-stamping only).",
            ),
        )


def _check_tsa_certificate(
    certificate: x509.Certificate,
    carried: Sequence[x509.Certificate],
    tsa: TsaTrust,
    at: datetime,
) -> None:
    """Chain, validity and revocation at genTime; cached per certificate and day unless a
    CRL lists it or genTime is at a validity boundary (then the instant matters)."""
    listed = {entry.serial_number for crl in tsa.crls for entry in crl}
    when: object = at.date()
    if certificate.serial_number in listed or not (
        certificate.not_valid_before_utc + timedelta(days=1)
        <= at
        <= certificate.not_valid_after_utc - timedelta(days=1)
    ):
        when = at
    key = (fingerprint_sha256(certificate), when)
    if key not in tsa._checked:
        try:
            verify_signer_certificate(
                certificate,
                tsa.trust,
                tsa.crls,
                at,
                intermediates=[c for c in carried if c != certificate],
                revocation=tsa.revocation,
                check_revocation=bool(tsa.crls),
            )
            tsa._checked[key] = None
        except LoginRefused as refused:
            problem = as_signature_problem(refused)
            tsa._checked[key] = QT_TRANSLATE_NOOP(
                "timestamps", "The time-stamping authority is not trusted: {reason}"
            ).format(reason=problem.args[-1] if problem.args else str(problem))
    reason = tsa._checked[key]
    if reason is not None:
        raise _invalid(TimestampProblem.UNTRUSTED_TSA, reason)


def _digest(hash_type: type[hashes.HashAlgorithm], data: bytes) -> bytes:
    digest = hashes.Hash(hash_type())
    digest.update(data)
    return digest.finalize()


def _malformed(error: Exception) -> TimestampInvalid:
    return _invalid(
        TimestampProblem.MALFORMED,
        QT_TRANSLATE_NOOP("timestamps", "The time-stamp token is not valid: {error}").format(
            error=str(error)
        ),
    )


def _imprint_mismatch() -> TimestampInvalid:
    return _invalid(
        TimestampProblem.IMPRINT_MISMATCH,
        QT_TRANSLATE_NOOP(
            "timestamps", "The time-stamp is for other data (its message imprint differs)."
        ),
    )
