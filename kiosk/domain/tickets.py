"""Signed tickets: a QR payload a kiosk can verify offline with only the public key.

Format v1 (also in docs/organiser.md, "Signed tickets")::

    K1.<base64url without padding of BODY>
    BODY = event_id (16 bytes, UUID) | attendee_id (16 bytes, UUID)
           | first_name UTF-8 | 0x1F | last_name UTF-8 | signature (64 bytes, Ed25519)

The signature covers ``b"kiosk-ticket-v1\\0" + BODY-without-signature``. Names are cut to
32 UTF-8 bytes each so a payload stays under 220 characters (at most 161 bytes, 218 characters;
QR version <= 10 at level M). Only the canonical base64 spelling of a body is accepted, so a
payload cannot be altered (padding bits, ``+``/``/`` for ``-``/``_``, stray characters) and still verify.
"""

from __future__ import annotations

import base64
import binascii
import uuid
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

PREFIX = "K1."
_CONTEXT = b"kiosk-ticket-v1\0"
_SIG_LEN = 64
_NAME_BYTES = 32
_SEP = b"\x1f"


class TicketError(ValueError):
    """The payload is not a well-formed, correctly signed kiosk ticket."""


@dataclass(frozen=True)
class TicketClaims:
    event_id: str
    attendee_id: str
    first_name: str
    last_name: str


def looks_signed(text: str) -> bool:
    return text.startswith(PREFIX)


def _cut(name: str) -> bytes:
    raw = name.replace("\x1f", " ").encode("utf-8")[:_NAME_BYTES]
    return raw.decode("utf-8", errors="ignore").encode("utf-8")


def _unsigned_body(claims: TicketClaims) -> bytes:
    try:
        ids = uuid.UUID(claims.event_id).bytes + uuid.UUID(claims.attendee_id).bytes
    except ValueError as exc:
        raise TicketError("event and attendee ids must be UUIDs") from exc
    return ids + _cut(claims.first_name) + _SEP + _cut(claims.last_name)


def sign_ticket(claims: TicketClaims, private_key: Ed25519PrivateKey) -> str:
    body = _unsigned_body(claims)
    signature = private_key.sign(_CONTEXT + body)
    return PREFIX + base64.urlsafe_b64encode(body + signature).decode("ascii").rstrip("=")


def verify_ticket(payload: str, public_keys: list[Ed25519PublicKey]) -> TicketClaims:
    """Claims of a genuine ticket; TicketError for anything malformed, altered or forged."""
    if not looks_signed(payload):
        raise TicketError("not a kiosk ticket")
    encoded = payload[len(PREFIX):].strip()
    try:
        blob = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
    except (binascii.Error, ValueError) as exc:
        raise TicketError("ticket is not valid base64") from exc
    if base64.urlsafe_b64encode(blob).decode("ascii").rstrip("=") != encoded:
        raise TicketError("ticket is not canonical base64")  # altered: same bytes, other text
    if len(blob) < 32 + len(_SEP) + _SIG_LEN:
        raise TicketError("ticket too short")
    body, signature = blob[:-_SIG_LEN], blob[-_SIG_LEN:]
    if not public_keys:
        raise TicketError("no public key to verify tickets with")
    for key in public_keys:
        try:
            key.verify(signature, _CONTEXT + body)
            break
        except InvalidSignature:
            continue
    else:
        raise TicketError("signature does not match")
    names = body[32:].split(_SEP)
    if len(names) != 2:
        raise TicketError("malformed name fields")
    try:
        first, last = (part.decode("utf-8") for part in names)
    except UnicodeDecodeError as exc:
        raise TicketError("names are not UTF-8") from exc
    return TicketClaims(str(uuid.UUID(bytes=body[:16])), str(uuid.UUID(bytes=body[16:32])), first, last)


def new_private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def private_key_pem(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def public_key_pem(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def load_private_key(pem: bytes) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(pem, password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise TicketError("not an Ed25519 private key")
    return key


def load_public_key(pem: bytes) -> Ed25519PublicKey:
    key = serialization.load_pem_public_key(pem)
    if not isinstance(key, Ed25519PublicKey):
        raise TicketError("not an Ed25519 public key")
    return key


def fingerprint(key: Ed25519PublicKey) -> str:
    """The key's fingerprint as every screen shows it (kiosk.domain.authority.fingerprint)."""
    from kiosk.domain.authority import fingerprint as readable

    return readable(key)
