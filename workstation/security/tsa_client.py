"""The desk's RFC 3161 client: asks a time-stamping authority for a token over HTTP.

NCA RK's TSP service (and the local simulator) take a DER TimeStampReq POSTed as
application/timestamp-query and answer application/timestamp-reply. The client checks the
answer against its request (status, imprint, nonce) and, with a TSA trust, the token itself,
so a misconfigured or hostile TSA is noticed when stamping, not at every pulling desk.
"""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.security.timestamp import (
    TsaTrust,
    read_response,
    timestamp_request,
    verify_token,
)

MAX_RESPONSE = 256 * 1024  # a token with a certificate chain is a few kilobytes


class TsaUnavailable(Exception):
    """The TSA could not be reached or did not answer as one: try again later."""


@dataclass(frozen=True)
class TsaClient:
    url: str
    timeout_s: float = 10.0
    request_certificate: bool = False
    policy: str | None = None
    trust: TsaTrust | None = None

    def __post_init__(self) -> None:
        if urlsplit(self.url).scheme not in ("http", "https"):
            raise ValueError(
                QT_TRANSLATE_NOOP(
                    "timestamps", "The TSA address {url} is not an http(s) URL."
                ).format(url=repr(self.url))
            )

    def token_for(self, data: bytes) -> bytes:
        """A token over SHA-256(data). TsaUnavailable when the TSA cannot be asked;
        TimestampInvalid when it answers with a refusal or a token that does not check."""
        request = timestamp_request(data, cert_req=self.request_certificate, policy=self.policy)
        answer = self._post(request)
        token = read_response(answer, request)
        if self.trust is not None:
            verify_token(token, data, self.trust)
        return token

    def _post(self, request: bytes) -> bytes:
        http_request = urllib.request.Request(
            self.url,
            data=request,
            method="POST",
            headers={"Content-Type": "application/timestamp-query"},
        )
        try:
            with urllib.request.urlopen(http_request, timeout=self.timeout_s) as reply:
                content_type = reply.headers.get_content_type()
                body: bytes = reply.read(MAX_RESPONSE + 1)
        except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as error:
            reason = getattr(error, "reason", None) or error
            raise TsaUnavailable(
                QT_TRANSLATE_NOOP(
                    "timestamps", "The time-stamping authority {url} cannot be reached: {reason}"
                ).format(url=self.url, reason=str(reason))
            ) from None
        if content_type != "application/timestamp-reply" or len(body) > MAX_RESPONSE:
            raise TsaUnavailable(
                QT_TRANSLATE_NOOP(
                    "timestamps",
                    "{url} did not answer as a time-stamping authority ({content_type}).",
                ).format(url=self.url, content_type=content_type)
            )
        return body
