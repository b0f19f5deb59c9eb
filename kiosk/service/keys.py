"""Ticket-signing keys on disk: the private key stays with the organiser (mode 0600),
a kiosk needs only the public key(s) in ``<data dir>/keys``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.domain import authority, tickets
from kiosk.domain.model import Attendee
from kiosk.files import atomic_write, private_dir
from kiosk.service.errors import KioskError, Refused

if TYPE_CHECKING:
    from kiosk.service.session import Session

PRIVATE = "ticket-private.pem"
PUBLIC = "ticket-public.pem"


def init_keys(directory: Path, *, force: bool = False) -> tuple[Path, Path]:
    private_path, public_path = directory / PRIVATE, directory / PUBLIC
    if private_path.exists() and not force:
        raise Refused("keys_exist", directory=directory)
    key = tickets.new_private_key()
    # Both files are complete on disk before either is renamed into place: a full disk or a kill
    # leaves the old pair (or none), never an empty private key. The private one lands first.
    try:
        private_dir(directory)
        with atomic_write(public_path) as public, atomic_write(private_path, mode=0o600) as private:
            private.write(tickets.private_key_pem(key))
            private.flush()
            public.write(tickets.public_key_pem(key.public_key()))
            public.flush()
    except OSError as exc:
        raise KioskError(f"cannot write the key pair in {directory}: {exc.strerror or exc}") from exc
    return private_path, public_path


def rotate_keys(directory: Path) -> tuple[Path, Path]:
    """A new key pair for new tickets, the old one kept: its public key still verifies the tickets
    it signed (``ticket-public-<fingerprint>.pem``), and its private key (``ticket-private-
    <fingerprint>.pem``, 0600) signs the new key set so doors that pinned the old key accept the new."""
    if not (directory / PRIVATE).exists():
        raise Refused("no_private_key", directory=directory)
    old = load_private(directory)
    tag = authority.normalise_fingerprint(authority.fingerprint(old.public_key()))[:16].lower()
    try:
        with atomic_write(directory / f"ticket-private-{tag}.pem", mode=0o600) as out:
            out.write(tickets.private_key_pem(old))
        with atomic_write(directory / f"ticket-public-{tag}.pem") as out:
            out.write(tickets.public_key_pem(old.public_key()))
    except OSError as exc:
        raise KioskError(f"cannot keep the old key in {directory}: {exc.strerror or exc}") from exc
    return init_keys(directory, force=True)


def retired_private(directory: Path) -> list[Ed25519PrivateKey]:
    """The private keys a rotation retired (they sign nothing but the event's key set)."""
    found: list[Ed25519PrivateKey] = []
    for path in sorted(directory.glob("ticket-private-*.pem")):
        try:
            found.append(tickets.load_private_key(path.read_bytes()))
        except (ValueError, tickets.TicketError, OSError):
            continue
    return found


_private_cache: dict[Path, tuple[tuple[int, int], Ed25519PrivateKey]] = {}


def load_private(directory: Path) -> Ed25519PrivateKey:
    """The organiser's private key, parsed once per process (a batch of badges signs hundreds of
    QR codes); read again only when the file changes (``keys init --force``)."""
    path = directory / PRIVATE
    try:
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        cached = _private_cache.get(path)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        key = tickets.load_private_key(path.read_bytes())
        _private_cache[path] = (stamp, key)
        return key
    except FileNotFoundError as exc:
        raise Refused("no_private_key", directory=directory) from exc
    except (ValueError, tickets.TicketError) as exc:
        raise Refused("not_a_private_key", path=path) from exc


def load_public(directory: Path) -> list[Ed25519PublicKey]:
    """Every ``*.pem`` public key in the folder, so a rotated key can sit beside the old one."""
    found: list[Ed25519PublicKey] = []
    if not directory.is_dir():
        return found
    for path in sorted(directory.glob("*public*.pem")):
        try:
            found.append(tickets.load_public_key(path.read_bytes()))
        except (ValueError, tickets.TicketError, OSError):
            continue
    return found


class Keys:
    """The session's ticket keys: public ones to verify scans, the private one (if here) to sign."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self.public: list[Ed25519PublicKey] = []
        self.reload()

    def reload(self) -> None:
        """Read the public keys again (after `kiosk keys init` or a key copied in)."""
        directory = self._session.keys_dir
        self.public = load_public(directory) if directory is not None else []

    def can_sign(self) -> bool:
        directory = self._session.keys_dir
        return directory is not None and (directory / PRIVATE).exists()

    def sign(self, attendee: Attendee, private_key_dir: Path | None = None) -> str:
        """The signed QR payload of a guest of the active event."""
        directory = private_key_dir or self._session.keys_dir
        if directory is None:
            raise KioskError("no key directory")
        key = load_private(directory)
        event_id = self._session.event.id
        return tickets.sign_ticket(
            tickets.TicketClaims(event_id, attendee.id, attendee.first_name, attendee.last_name), key
        )
