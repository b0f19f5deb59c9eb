"""The pairing code a new door reads (QR code, handheld scanner or paste) to join an evening: where
the hub is, the door's own login, the event, and the organiser's ticket-key fingerprint to pin.

``kiosk-pair:1:`` then base64url (no padding) of a small JSON object: only letters, digits, ``-`` and
``_`` after the prefix, so a keyboard-wedge scanner types it as it is whatever its layout's Shift
handling. Read as input: bounded, every field checked, one clear reason when it is not one."""

from __future__ import annotations

import base64
import binascii
import json
import re
import uuid
from dataclasses import dataclass

PREFIX = "kiosk-pair:1:"
MAX_CHARS = 2000  # a QR code holds ~2,900 bytes; a real pairing is ~300
_HOST = re.compile(r"^[A-Za-z0-9.\-:\[\]]{1,255}$")  # a host name, IPv4 or [IPv6]
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")  # a PostgreSQL role or database name as kiosk makes them
_FP = re.compile(r"^[0-9A-F ]{8,80}$")


class PairingError(ValueError):
    """Not a pairing code kiosk can use; the message says why (in English: the caller words it)."""


@dataclass(frozen=True)
class Pairing:
    host: str
    port: int
    dbname: str
    user: str  # the door's own login on the hub
    password: str
    event_id: str
    door: str  # the door's name, as the organiser gave it ("Accueil 2")
    fingerprint: str | None = None  # the organiser's ticket key; None when the evening has no key

    def conninfo(self) -> str:
        """The libpq connection string without the password (it goes to a private passfile)."""
        return f"host={self.host} port={self.port} dbname={self.dbname} user={self.user}"

    def text(self) -> str:
        body = {"h": self.host, "p": self.port, "d": self.dbname, "u": self.user, "w": self.password,
                "e": self.event_id, "n": self.door, "f": self.fingerprint}
        raw = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
        return PREFIX + base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def parse(text: str) -> Pairing:
    """The pairing in ``text`` (surrounding blanks and a scanner's trailing newline ignored)."""
    if not isinstance(text, str):
        raise PairingError("not a pairing code")
    text = text.strip()
    if len(text) > MAX_CHARS:
        raise PairingError("too long to be a pairing code")
    if not text.lower().startswith(PREFIX):
        raise PairingError("not a kiosk pairing code (it starts with kiosk-pair:1:)")
    encoded = text[len(PREFIX):]
    try:
        raw = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
        body = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise PairingError("the pairing code is damaged (read it again)") from None
    if not isinstance(body, dict):
        raise PairingError("the pairing code is damaged (read it again)")
    return _checked(body)


def _checked(body: dict[str, object]) -> Pairing:
    host, port, dbname, user, password = body.get("h"), body.get("p"), body.get("d"), body.get("u"), body.get("w")
    event, door, fingerprint = body.get("e"), body.get("n"), body.get("f")
    if not isinstance(host, str) or not _HOST.match(host):
        raise PairingError("the pairing code names no usable hub address")
    if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
        raise PairingError("the pairing code names no usable hub port")
    if not isinstance(dbname, str) or not 0 < len(dbname) <= 63 or any(c in dbname for c in " '\\=\n"):
        raise PairingError("the pairing code names no usable hub database")
    if not isinstance(user, str) or not _NAME.match(user):
        raise PairingError("the pairing code holds no usable door login")
    if not isinstance(password, str) or not 16 <= len(password) <= 128 or not password.isalnum():
        raise PairingError("the pairing code holds no usable door password")
    try:
        event_id = str(uuid.UUID(str(event)))
    except ValueError:
        raise PairingError("the pairing code names no event") from None
    if not isinstance(door, str) or not 0 < len(door.strip()) <= 60 or not door.isprintable():
        raise PairingError("the pairing code names no door")
    if fingerprint is not None and (not isinstance(fingerprint, str) or not _FP.match(fingerprint)):
        raise PairingError("the pairing code's key fingerprint is not one")
    return Pairing(host, port, dbname, user, password, event_id, door.strip(), fingerprint)
