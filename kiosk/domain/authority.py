"""The organiser's authority as a signature: what only the organiser may assert, in canonical bytes,
signed with the organiser's Ed25519 key (the ticket key) and checked against the keys a kiosk pinned.

A claim ("this device is the organiser") proves nothing on a hub every kiosk can write to; a
signature over the exact fact does. Each statement is a JSON object with sorted keys and no spaces
(UTF-8), prefixed by a context string, over exactly what is asserted: which event, which field, the
value, its HLC stamp and the device that wrote it. So a signature cannot be moved to another guest,
field, value or time. Pure: no I/O (the private key is loaded by kiosk.service.keys).

Statements (``kind``): ``event-field`` (an event's field, workshop or category), ``guest-status``
(a guest's status: a cancellation outranks the door), ``keys`` (the event's public keys: how a
rotation reaches the doors). Issue 26's purge will be one more kind.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Iterable, Sequence

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

_CONTEXT = b"kiosk-organiser-v1\0"
FINGERPRINT_HEX = 32  # 128 bits of SHA-256 shown, in 8 groups of 4: enough to compare by eye


def statement(kind: str, **fields: object) -> bytes:
    """The canonical bytes of one organiser statement."""
    body = json.dumps({"kind": kind, **fields}, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return _CONTEXT + body.encode("utf-8")


def event_field(event_id: str, field: str, value: str | None, stamp: str, device: str) -> bytes:
    return statement("event-field", event=event_id, field=field, value=value, hlc=stamp, device=device)


def guest_status(event_id: str, guest_id: str, value: str | None, stamp: str, device: str) -> bytes:
    return statement("guest-status", event=event_id, guest=guest_id, value=value, hlc=stamp, device=device)


def key_set(event_id: str, keys: Iterable[Ed25519PublicKey]) -> bytes:
    """The event's public keys (in any order: sorted by their raw bytes here)."""
    return statement("keys", event=event_id, keys=sorted(_raw(k).hex() for k in keys))


def sign(key: Ed25519PrivateKey, data: bytes) -> str:
    """Base64url (no padding) of the Ed25519 signature of ``data``."""
    return base64.urlsafe_b64encode(key.sign(data)).decode("ascii").rstrip("=")


def verifies(signature: object, data: bytes, keys: Sequence[Ed25519PublicKey]) -> bool:
    """True when ``signature`` (as pulled: any type) is one of ``keys``'s signature of ``data``.
    Never raises: a malformed signature is simply not a valid one."""
    if not isinstance(signature, str) or not signature or len(signature) > 200 or not keys:
        return False
    try:
        raw = base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4))
    except (binascii.Error, ValueError):
        return False
    for key in keys:
        try:
            key.verify(raw, data)
            return True
        except InvalidSignature:
            continue
    return False


def _raw(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(key: Ed25519PublicKey) -> str:
    """A short form of a public key to compare by eye or carry in a pairing code: the first 128
    bits of SHA-256 of the raw key, in groups of four hex digits (``AB12 CD34 …``)."""
    digest = hashlib.sha256(_raw(key)).hexdigest().upper()[:FINGERPRINT_HEX]
    return " ".join(digest[i:i + 4] for i in range(0, FINGERPRINT_HEX, 4))


def normalise_fingerprint(text: str) -> str:
    """What a person typed or pasted (spaces, colons, dashes, lower case) as a fingerprint's digits."""
    return "".join(c for c in text.upper() if c in "0123456789ABCDEF")


def matching(text: str, keys: Iterable[Ed25519PublicKey]) -> Ed25519PublicKey | None:
    """The key whose full fingerprint ``text`` gives, else None (a prefix is not enough)."""
    wanted = normalise_fingerprint(text)
    if len(wanted) != FINGERPRINT_HEX:
        return None
    for key in keys:
        if normalise_fingerprint(fingerprint(key)) == wanted:
            return key
    return None


def parse_keys(pem_text: str) -> list[Ed25519PublicKey]:
    """The Ed25519 public keys in a text of concatenated PEM blocks (the hub's ``public_keys``);
    a block that is not one is left out."""
    found: list[Ed25519PublicKey] = []
    end = "-----END PUBLIC KEY-----"
    for block in pem_text.split(end)[:-1]:
        start = block.find("-----BEGIN PUBLIC KEY-----")
        if start < 0:
            continue
        try:
            key = serialization.load_pem_public_key((block[start:] + end + "\n").encode("ascii"))
        except (ValueError, UnicodeEncodeError):
            continue
        if isinstance(key, Ed25519PublicKey):
            found.append(key)
    return found


def same_key(a: Ed25519PublicKey, b: Ed25519PublicKey) -> bool:
    return _raw(a) == _raw(b)


def signed_fields(event_id: str, fields: object, keys: Sequence[Ed25519PublicKey]) -> tuple[dict[str, list[object]],
                                                                                            list[str]]:
    """An event's wire fields split: (those one of ``keys`` signed, the names of the others)."""
    kept: dict[str, list[object]] = {}
    refused: list[str] = []
    if not isinstance(fields, dict):
        return kept, refused
    for name, v in sorted(fields.items(), key=lambda item: str(item[0])):
        if isinstance(v, list) and len(v) == 4 and verifies(
                v[3], event_field(event_id, str(name), _text(v[0]), str(v[1]), str(v[2])), keys):
            kept[str(name)] = v
        else:
            refused.append(str(name))
    return kept, refused


def status_verifies(event_id: str, guest_id: str, version: Sequence[object], keys: Sequence[Ed25519PublicKey]) -> bool:
    """True when a guest's status version [value, hlc, device, signature] carries one of ``keys``'s signature."""
    return len(version) == 4 and verifies(
        version[3], guest_status(event_id, guest_id, _text(version[0]), str(version[1]), str(version[2])), keys)


def _text(value: object) -> str | None:
    return None if value is None else str(value)
