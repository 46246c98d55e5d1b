"""The DER of CMS signatures and RFC 3161 tokens, walked and spliced byte by byte.

asn1crypto re-encodes what it is asked about (and asking for a token's native form cost
0.2 s per event); these helpers read and splice the received bytes instead, with the strict
length reader of workstation.security.cms_fast. Every function raises ValueError
(NotFastPath is one) for bytes that are not the expected shape.
"""

from __future__ import annotations

from collections.abc import Callable

from asn1crypto import cms as asn1_cms  # type: ignore[import-untyped]

from workstation.security.cms import _der_length
from workstation.security.cms_fast import _tlv

Element = tuple[int, int, int, int]  # tag, position, start of value, end of value


def splice(
    buf: bytes,
    found: list[tuple[bytes, list[bytes]]],
    token_for: Callable[[bytes], bytes | None],
) -> bytes:
    """Append an id-aa-signatureTimeStampToken attribute to each unstamped SignerInfo and
    re-length the structures around them (ContentInfo, [0], SignedData, SET OF SignerInfo)."""
    _, info_start, _ = _tlv(buf, 0)
    _, _, oid_end = _tlv(buf, info_start)
    _, explicit_start, _ = _tlv(buf, oid_end)
    _, signed_start, signed_end = _tlv(buf, explicit_start)
    set_pos = children(buf, signed_start, signed_end)[-1][1]
    infos = signer_info_elements(buf)
    if len(infos) != len(found):
        raise ValueError("SignerInfos")
    changed = False
    rebuilt = []
    for (_, pos, start, end), (value, tokens) in zip(infos, found, strict=True):
        token = None if tokens else token_for(value)
        if token is None:
            rebuilt.append(buf[pos:end])
            continue
        asn1_cms.ContentInfo.load(token, strict=True)  # one DER element, or ValueError
        attribute = element(_SEQUENCE, _STAMP_OID + element(_SET, token))
        parts = children(buf, start, end)
        last_tag, last_pos, last_start, last_end = parts[-1]
        if last_tag == _UNSIGNED:  # other unsigned attributes: add ours to them
            body = buf[start:last_pos] + element(_UNSIGNED, buf[last_start:last_end] + attribute)
        else:
            body = buf[start:end] + element(_UNSIGNED, attribute)
        rebuilt.append(element(_SEQUENCE, body))
        changed = True
    if not changed:
        return buf
    signed = buf[signed_start:set_pos] + element(_SET, b"".join(rebuilt))
    content = buf[info_start:oid_end] + element(0xA0, element(_SEQUENCE, signed))
    return element(_SEQUENCE, content)


_SEQUENCE, _SET, _OCTETS, _UNSIGNED = 0x30, 0x31, 0x04, 0xA1
_STAMP_OID = bytes.fromhex("060b2a864886f70d010910020e")  # 1.2.840.113549.1.9.16.2.14
_SIGNED_DATA_OID = bytes.fromhex("06092a864886f70d010702")  # 1.2.840.113549.1.7.2


def children(buf: bytes, start: int, end: int) -> list[tuple[int, int, int, int]]:
    """(tag, position, start of value, end) of each element between start and end."""
    found = []
    pos = start
    while pos < end:
        tag, value_start, value_end = _tlv(buf, pos)
        found.append((tag, pos, value_start, value_end))
        pos = value_end
    if pos != end or not found:
        raise ValueError("a structure's elements do not fill it")
    return found


def element(tag: int, value: bytes) -> bytes:
    return bytes([tag]) + _der_length(len(value)) + value


def signer_tokens(signature_der: bytes) -> list[tuple[bytes, list[bytes]]]:
    """(signature value, its tokens' DER) for each SignerInfo of a CMS SignedData.

    Read with the strict DER walker, not asn1crypto: asking asn1crypto for the native form
    of a token normalises its algorithm identifiers, and the re-encoding that follows cost
    0.2 s per event. Tokens found are parsed strictly by `verify_token`."""
    buf = signature_der
    infos = signer_info_elements(buf)
    found = []
    for _, _, start, end in infos:
        fields = children(buf, start, end)
        values = [f for f in fields if f[0] == _OCTETS]
        if len(values) != 1:
            raise ValueError("a SignerInfo without one signature value")
        tokens: list[bytes] = []
        if fields[-1][0] == _UNSIGNED:
            _, _, unsigned_start, unsigned_end = fields[-1]
            for _, _, attr_start, attr_end in children(buf, unsigned_start, unsigned_end):
                oid, values_set = children(buf, attr_start, attr_end)
                if buf[oid[1] : oid[3]] == _STAMP_OID and values_set[0] == _SET:
                    tokens.extend(
                        buf[pos:value_end]
                        for _, pos, _, value_end in children(buf, values_set[2], values_set[3])
                    )
        found.append((buf[values[0][2] : values[0][3]], tokens))
    return found


def signer_info_elements(buf: bytes) -> list[tuple[int, int, int, int]]:
    """The SignerInfo elements of a DER ContentInfo holding SignedData."""
    tag, info_start, info_end = _tlv(buf, 0)
    if tag != _SEQUENCE or info_end != len(buf):
        raise ValueError("not one DER ContentInfo")
    oid, explicit = children(buf, info_start, info_end)
    if buf[oid[1] : oid[3]] != _SIGNED_DATA_OID or explicit[0] != 0xA0:
        raise ValueError("not SignedData")
    (signed,) = children(buf, explicit[2], explicit[3])
    if signed[0] != _SEQUENCE:
        raise ValueError("not SignedData")
    last = children(buf, signed[2], signed[3])[-1]
    if last[0] != _SET:
        raise ValueError("the SignerInfos are not the last field of the SignedData")
    infos = children(buf, last[2], last[3])
    if any(info[0] != _SEQUENCE for info in infos):
        raise ValueError("SignerInfos")
    return infos


def raw_parts(token: bytes) -> tuple[bytes, bytes]:
    """The TSTInfo bytes and the signed attributes' contents, as received (asn1crypto would
    re-encode them when asked, slowly: see _signer_tokens)."""
    (info,) = signer_info_elements(token)
    _, _, info_start, info_end = info
    attributes = [f for f in children(token, info_start, info_end) if f[0] == 0xA0]
    _, _, signed_start, signed_end = children(token, *signed_bounds(token))[2]
    _, explicit = children(token, signed_start, signed_end)
    (octets,) = children(token, explicit[2], explicit[3])
    if len(attributes) != 1 or explicit[0] != 0xA0 or octets[0] != _OCTETS:
        raise ValueError("the token's content or signed attributes")
    content = token[octets[2] : octets[3]]
    return content, token[attributes[0][2] : attributes[0][3]]


def signed_bounds(buf: bytes) -> tuple[int, int]:
    _, info_start, _ = _tlv(buf, 0)
    _, _, oid_end = _tlv(buf, info_start)
    _, explicit_start, _ = _tlv(buf, oid_end)
    _, signed_start, signed_end = _tlv(buf, explicit_start)
    return signed_start, signed_end


def response_token(buf: bytes) -> bytes | None:
    """The timeStampToken element of a DER TimeStampResp, or None when it has none."""
    tag, start, end = _tlv(buf, 0)
    if tag != _SEQUENCE or end != len(buf):
        raise ValueError("not one DER TimeStampResp")
    fields = children(buf, start, end)
    if len(fields) > 2:
        raise ValueError("TimeStampResp")
    if len(fields) == 1:
        return None
    _, pos, _, token_end = fields[1]
    return buf[pos:token_end]
