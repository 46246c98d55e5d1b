"""Detached CMS (PKCS#7) signatures: make them with `cryptography`, check them here.

`cryptography` signs CMS but cannot verify it, so verification parses the SignedData with
asn1crypto and checks, in order: the messageDigest attribute against the data, the signature
over the DER signed attributes with the signer's public key, then the signer certificate
(validity at `at`, chain to the trust store, optionally CRLs). `openssl cms -verify
-binary -inform DER -content data -CAfile root.pem -purpose any` accepts what we make.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

from asn1crypto import cms as asn1_cms  # type: ignore[import-untyped]
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs7

from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.security.eds import (
    CertificateExpired,
    CertificateNotYetValid,
    CertificateRevoked,
    CrlMissingOrStale,
    LoginRefused,
    RevocationPolicy,
    SigningPrivateKey,
    TrustStore,
    UntrustedCertificate,
    verify_signer_certificate,
)
from workstation.security.key_usage import is_signing_certificate

# The digest algorithms a signature may use, by their CMS name.
DIGESTS: dict[str, type[hashes.HashAlgorithm]] = {
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}


class SignatureProblem(Enum):
    MALFORMED = "malformed"
    TAMPERED = "tampered"
    BAD_SIGNATURE = "bad_signature"
    UNTRUSTED_SIGNER = "untrusted_signer"
    EXPIRED_SIGNER = "expired_signer"
    REVOKED_SIGNER = "revoked_signer"
    REVOCATION_UNKNOWN = "revocation_unknown"
    WRONG_KEY_USAGE = "wrong_key_usage"


class SignatureInvalid(Exception):
    """A detached signature does not prove that a trusted signer signed these bytes."""

    def __init__(self, problem: SignatureProblem, message: str) -> None:
        self.problem = problem
        super().__init__(message)


@dataclass(frozen=True)
class VerifiedSignature:
    """The result of a successful check."""

    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]
    signing_time: datetime | None
    warnings: tuple[str, ...]


def sign_detached(
    data: bytes,
    key: SigningPrivateKey,
    cert: x509.Certificate,
    chain: Sequence[x509.Certificate] = (),
    *,
    include_certificates: bool = True,
) -> bytes:
    """DER CMS SignedData over `data`, detached, SHA-256, with the signer (and chain) certs.

    Without certificates (include_certificates=False) the signature is about 500 bytes
    instead of 2,000: events travel that way and name their signer by issuer and serial
    number; the verifier finds the certificate in its registry.
    """
    return cosign_detached(data, [(key, cert)], chain, include_certificates=include_certificates)


def cosign_detached(
    data: bytes,
    signers: Sequence[tuple[SigningPrivateKey, x509.Certificate]],
    chain: Sequence[x509.Certificate] = (),
    *,
    include_certificates: bool = True,
) -> bytes:
    """One detached CMS SignedData over `data` with a SignerInfo for each of `signers`
    (an approval carries the ministry's and the migration service's)."""
    if not signers:
        raise ValueError("at least one signer is needed")
    builder = pkcs7.PKCS7SignatureBuilder().set_data(data)
    for key, cert in signers:
        builder = builder.add_signer(cert, key, hashes.SHA256())
    certs = [cert for _, cert in signers]
    for extra in chain:
        if extra not in certs:
            builder = builder.add_certificate(extra)
    options = [
        pkcs7.PKCS7Options.DetachedSignature,
        pkcs7.PKCS7Options.Binary,
        pkcs7.PKCS7Options.NoCapabilities,
    ]
    if not include_certificates:
        options.append(pkcs7.PKCS7Options.NoCerts)
    return builder.sign(serialization.Encoding.DER, options)


def verify_detached(
    data: bytes,
    signature_der: bytes,
    trust: TrustStore,
    at: datetime,
    *,
    crls: Sequence[x509.CertificateRevocationList] = (),
    revocation: RevocationPolicy | None = None,
) -> x509.Certificate:
    """Check a detached signature over `data` and return the signer's certificate.

    The signer must chain to `trust` and be valid at `at` (when the signed thing was made).
    Revocation is checked only when `crls` are given.
    """
    return verify_detached_signature(
        data, signature_der, trust, at, crls=crls, revocation=revocation
    ).certificate


def verify_detached_signature(
    data: bytes,
    signature_der: bytes,
    trust: TrustStore,
    at: datetime,
    *,
    crls: Sequence[x509.CertificateRevocationList] = (),
    revocation: RevocationPolicy | None = None,
) -> VerifiedSignature:
    """verify_detached, returning the chain, signing time and CRL warnings too."""
    signed = _parse(signature_der)
    signer_info = signed.signer_info
    signer = _find_signer(signer_info, signed.certificates)
    digest_name = signer_info["digest_algorithm"]["algorithm"].native
    hash_type = DIGESTS.get(digest_name)
    if hash_type is None:
        raise SignatureInvalid(
            SignatureProblem.MALFORMED,
            QT_TRANSLATE_NOOP("signatures", "digest algorithm {algorithm} is not accepted").format(
                algorithm=digest_name
            ),
        )
    signing_time, to_verify = bytes_to_verify(signer_info, data, hash_type)
    check_signature_value(signer_info, signer, to_verify, hash_type())
    others = [c for c in signed.certificates if c != signer]
    try:
        verified = verify_signer_certificate(
            signer,
            trust,
            crls,
            at,
            intermediates=others,
            revocation=revocation,
            check_revocation=bool(crls),
        )
    except LoginRefused as refused:
        raise as_signature_problem(refused) from refused
    # After the chain: a key from nowhere is refused for that first.
    require_signing_usage(signer)
    return VerifiedSignature(signer, verified.chain, signing_time, verified.warnings)


@dataclass(frozen=True)
class _SignedData:
    signer_info: Any
    certificates: list[x509.Certificate]


def _parse(signature_der: bytes) -> _SignedData:
    try:
        info = asn1_cms.ContentInfo.load(signature_der, strict=True)
        if info["content_type"].native != "signed_data":
            raise ValueError("not SignedData")
        signed = info["content"]
        if signed["encap_content_info"]["content"].native is not None:
            raise ValueError("the signature embeds its content; a detached one is expected")
        certificates = [
            x509.load_der_x509_certificate(choice.chosen.dump())
            for choice in (signed["certificates"] or [])
            if choice.name == "certificate"
        ]
        signer_infos = list(signed["signer_infos"])
    except (ValueError, TypeError, KeyError) as error:
        raise SignatureInvalid(
            SignatureProblem.MALFORMED,
            QT_TRANSLATE_NOOP("signatures", "The signature is not valid CMS: {error}").format(
                error=str(error)
            ),
        ) from error
    if len(signer_infos) != 1:
        raise SignatureInvalid(
            SignatureProblem.MALFORMED,
            QT_TRANSLATE_NOOP("signatures", "Expected one signer, found {count}.").format(
                count=len(signer_infos)
            ),
        )
    return _SignedData(signer_infos[0], certificates)


def _find_signer(signer_info: Any, certificates: list[x509.Certificate]) -> x509.Certificate:
    sid = signer_info["sid"]
    for certificate in certificates:
        if sid.name == "issuer_and_serial_number":
            issuer = sid.chosen["issuer"].dump()
            serial = sid.chosen["serial_number"].native
            if certificate.issuer.public_bytes() == issuer and certificate.serial_number == serial:
                return certificate
        else:
            try:
                ski = certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier)
            except x509.ExtensionNotFound:
                continue
            if ski.value.digest == sid.chosen.native:
                return certificate
    raise SignatureInvalid(
        SignatureProblem.MALFORMED,
        QT_TRANSLATE_NOOP("signatures", "The signer's certificate is not in the signature."),
    )


def bytes_to_verify(
    signer_info: Any, data: bytes, hash_type: type[hashes.HashAlgorithm]
) -> tuple[datetime | None, bytes]:
    """The signing time and the bytes a SignerInfo's signature value covers, after checking
    its signed attributes (content type, message digest of `data`)."""
    attributes = signer_info["signed_attrs"]
    if not len(attributes):
        return None, data  # no signed attributes: the signature is over the content itself
    values: dict[str, Any] = {}
    for attribute in attributes:
        values[attribute["type"].native] = attribute["values"]
    content_type = values.get("content_type")
    if content_type is None or content_type[0].native != "data":
        raise SignatureInvalid(
            SignatureProblem.MALFORMED,
            QT_TRANSLATE_NOOP("signatures", "The signed content type is not data."),
        )
    message_digest = values.get("message_digest")
    if message_digest is None:
        raise SignatureInvalid(
            SignatureProblem.MALFORMED,
            QT_TRANSLATE_NOOP("signatures", "The signature has no message digest."),
        )
    digest = hashes.Hash(hash_type())
    digest.update(data)
    if message_digest[0].native != digest.finalize():
        raise SignatureInvalid(
            SignatureProblem.TAMPERED,
            QT_TRANSLATE_NOOP(
                "signatures", "The data does not match the signature: it was changed after signing."
            ),
        )
    signing_time = values.get("signing_time")
    when = signing_time[0].native if signing_time is not None else None
    # The signature covers the attributes DER-encoded as a SET OF (tag 0x31), not as the
    # [0] IMPLICIT field they are stored in; reuse the received bytes rather than re-encode.
    contents: bytes = attributes.contents
    return when, b"\x31" + _der_length(len(contents)) + contents


def check_signature_value(
    signer_info: Any, signer: x509.Certificate, to_verify: bytes, hash_algorithm: Any
) -> None:
    """Raise SignatureInvalid unless the SignerInfo's signature value verifies with `signer`."""
    algorithm = signer_info["signature_algorithm"]
    scheme = algorithm.signature_algo
    signature: bytes = signer_info["signature"].native
    public_key = signer.public_key()
    try:
        if isinstance(public_key, rsa.RSAPublicKey) and scheme == "rsassa_pkcs1v15":
            public_key.verify(signature, to_verify, padding.PKCS1v15(), hash_algorithm)
        elif isinstance(public_key, rsa.RSAPublicKey) and scheme == "rsassa_pss":
            parameters = algorithm["parameters"]
            pss_hash = DIGESTS[parameters["hash_algorithm"]["algorithm"].native]()
            mgf_hash = DIGESTS[parameters["mask_gen_algorithm"]["parameters"]["algorithm"].native]()
            pss = padding.PSS(padding.MGF1(mgf_hash), parameters["salt_length"].native)
            public_key.verify(signature, to_verify, pss, pss_hash)
        elif isinstance(public_key, ec.EllipticCurvePublicKey) and scheme == "ecdsa":
            public_key.verify(signature, to_verify, ec.ECDSA(hash_algorithm))
        else:
            raise SignatureInvalid(
                SignatureProblem.MALFORMED,
                QT_TRANSLATE_NOOP(
                    "signatures", "Signature algorithm {scheme} does not fit the signer's key."
                ).format(scheme=scheme),
            )
    except (InvalidSignature, KeyError) as error:
        raise SignatureInvalid(
            SignatureProblem.BAD_SIGNATURE,
            QT_TRANSLATE_NOOP(
                "signatures",
                "The signature value does not match: the signature or its attributes were changed.",
            ),
        ) from error


def require_signing_usage(signer: x509.Certificate) -> None:
    """Refuse a certificate whose key is not for signing (an authentication key)."""
    if not is_signing_certificate(signer):
        raise SignatureInvalid(
            SignatureProblem.WRONG_KEY_USAGE,
            QT_TRANSLATE_NOOP(
                "signatures",
                "The signer's certificate is not for signing (its key usage lacks "
                "nonRepudiation: an authentication key never signs).",
            ),
        )


def as_signature_problem(refused: LoginRefused) -> SignatureInvalid:
    """A signer certificate's refusal (from the log-in checks) as a signature problem."""
    if isinstance(refused, CertificateNotYetValid):
        return SignatureInvalid(
            SignatureProblem.EXPIRED_SIGNER,
            QT_TRANSLATE_NOOP(
                "signatures",
                "The signer's certificate was not yet valid at the signing time "
                "(valid from {date}).",
            ).format(date=refused.not_before.date()),
        )
    if isinstance(refused, CertificateExpired):
        return SignatureInvalid(
            SignatureProblem.EXPIRED_SIGNER,
            QT_TRANSLATE_NOOP(
                "signatures", "The signer's certificate had expired at the signing time ({date})."
            ).format(date=refused.not_after.date()),
        )
    if isinstance(refused, UntrustedCertificate):
        return SignatureInvalid(
            SignatureProblem.UNTRUSTED_SIGNER,
            QT_TRANSLATE_NOOP(
                "signatures",
                "The signer's certificate does not chain to the trust store (issuer: {issuer}).",
            ).format(issuer=refused.issuer),
        )
    if isinstance(refused, CertificateRevoked):
        return SignatureInvalid(
            SignatureProblem.REVOKED_SIGNER,
            QT_TRANSLATE_NOOP(
                "signatures", "The signer's certificate was revoked on {date}."
            ).format(date=refused.revoked_at.date()),
        )
    message = refused.args[0] if refused.args else str(refused)
    if isinstance(refused, CrlMissingOrStale):
        return SignatureInvalid(SignatureProblem.REVOCATION_UNKNOWN, message)
    return SignatureInvalid(SignatureProblem.UNTRUSTED_SIGNER, message)


def _der_length(length: int) -> bytes:
    if length < 0x80:
        return bytes([length])
    encoded = length.to_bytes((length.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(encoded)]) + encoded
