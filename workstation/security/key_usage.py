"""Which certificates may sign: the one key-usage check of the project (issue 15, point 5).

An NCA RK person has two keys: AUTH (digitalSignature, keyEncipherment: TLS client and the
log-in challenge) and RSA256/GOST signing (digitalSignature and nonRepudiation, a.k.a.
contentCommitment). Only the signing key makes a signature that binds its holder: events,
approvals, documents and the desk's audit trail are verified only against a certificate
whose key usage includes nonRepudiation. A certificate without a key-usage extension signs
nothing (fail closed).
"""

from __future__ import annotations

from cryptography import x509


def is_signing_certificate(certificate: x509.Certificate) -> bool:
    """Whether `certificate`'s key may sign (its key usage includes nonRepudiation)."""
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except (x509.ExtensionNotFound, ValueError):
        return False
    return bool(usage.content_commitment)
