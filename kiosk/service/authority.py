"""The organiser's facts on this kiosk: signed here when this kiosk holds the organiser's private key,
checked against the pinned public keys before anything pulled from the hub is applied.

The pinned keys are the public keys in ``<data dir>/keys`` (what `kiosk join` kept after the
fingerprint was confirmed, or the organiser's own). What does not verify is quarantined
(kiosk.store.quarantine) and left out; it never outranks a door's write. A kiosk that pinned no
key (an event never given a key) cannot check anything: it merges as before, trusting the hub.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk import paths
from kiosk.domain import authority, tickets
from kiosk.domain.merge import MERGED_FIELDS
from kiosk.domain.model import Status
from kiosk.store import meta, transaction
from kiosk.store import quarantine as quarantine_store
from kiosk.store import replication as replication_store

if TYPE_CHECKING:
    from kiosk.service.kiosk import Kiosk
    from kiosk.store.replication import GuestRecord

STATUS_AT = 5 + 3 * MERGED_FIELDS.index("status")  # the status value in a pulled guest row
STATUS_SIGNATURE_AT = 5 + 3 * len(MERGED_FIELDS)  # the status signature: the column after every field


# --- the organiser's side: signing ------------------------------------------------------
def signer(kiosk: Kiosk) -> Ed25519PrivateKey | None:
    """The organiser's current private key when this kiosk holds it, else None (a door)."""
    from kiosk.service.keys import PRIVATE, load_private

    if kiosk.data_dir is None or not (paths.keys_dir(kiosk.data_dir) / PRIVATE).exists():
        return None
    return load_private(paths.keys_dir(kiosk.data_dir))


def held_private_keys(kiosk: Kiosk) -> list[Ed25519PrivateKey]:
    """Every private key this kiosk holds: the current one and those a rotation retired."""
    from kiosk.service.keys import retired_private

    current = signer(kiosk)
    if current is None or kiosk.data_dir is None:
        return []
    return [current, *retired_private(paths.keys_dir(kiosk.data_dir))]


def signed_event(event_id: str, wire: dict[str, list[str | None]],
                 key: Ed25519PrivateKey) -> dict[str, list[str | None]]:
    """Every field of an event's wire form with the organiser's signature (deterministic: signing
    again gives the same bytes, so an unchanged event is not pushed again)."""
    return {f: [v[0], v[1], v[2], authority.sign(key, authority.event_field(event_id, f, v[0], str(v[1]), str(v[2])))]
            for f, v in wire.items()}


def key_signatures(kiosk: Kiosk, event_id: str) -> list[str]:
    """The event's public keys signed with every private key held, so a door that pinned the key a
    rotation retired accepts the new one."""
    keys = kiosk.services.keys.public
    return [authority.sign(k, authority.key_set(event_id, keys)) for k in held_private_keys(kiosk)]


def queue_statuses_to_sign(kiosk: Kiosk, device_id: str) -> None:
    """Once per organiser key: the statuses this kiosk wrote before it held the key go out again,
    signed (a door that pinned the key quarantines an unsigned cancellation in the organiser's name)."""
    key = signer(kiosk)
    if key is None:
        return
    done = f"statuses_signed:{authority.fingerprint(key.public_key())}"
    if meta.get(kiosk.conn, done):
        return
    with transaction(kiosk.conn):
        replication_store.queue_unsigned_statuses(kiosk.conn, device_id)
        meta.put(kiosk.conn, done, "1")


def sign_statuses(kiosk: Kiosk, records: Sequence[GuestRecord], device_id: str) -> int:
    """Sign the statuses this organiser's kiosk wrote in guests about to be pushed (kept beside the
    stamp, so the local copy is the hub's). A guest created valid needs no authority and is left
    unsigned: a 100,000-guest import signs only its cancellations. Call in a transaction."""
    key = signer(kiosk)
    if key is None:
        return 0
    signed = 0
    for r in records:
        status = r.fields.get("status")
        if status is None or len(status) != 3 or status[2] != device_id:
            continue
        if status[0] == Status.VALID.value and [status[1], status[2]] == [r.created_at, r.source_device]:
            continue
        signature = authority.sign(key, authority.guest_status(r.event_id, r.id, status[0], str(status[1]),
                                                               str(status[2])))
        status.append(signature)
        replication_store.sign_status(kiosk.conn, r.id, str(status[1]), str(status[2]), signature)
        signed += 1
    return signed


# --- the door's side: checking -------------------------------------------------------------
def pinned(kiosk: Kiosk) -> list[Ed25519PublicKey]:
    return list(kiosk.services.keys.public)


def _refuse(kiosk: Kiosk, kind: str, row_id: str, device: object, reason: str, row: object) -> None:
    quarantine_store.put(kiosk.conn, quarantine_store.Refused(kind, row_id, None if device is None else str(device),
                                                              reason), row, kiosk.now())


def checked_event_fields(kiosk: Kiosk, body: dict[str, Any], keys_pem: str) -> dict[str, Any]:
    """The fields of a pulled event that the pinned keys verify (all of them when nothing is
    pinned); the rest quarantined. New public keys signed by a pinned key are pinned (a rotation);
    others are quarantined and never kept. Call in a transaction."""
    fields: Any = body.get("fields") or {}
    trusted = pinned(kiosk)
    if not trusted or not isinstance(fields, dict):
        return fields if isinstance(fields, dict) else {}
    event_id = str(body.get("id"))
    trusted = _follow_rotation(kiosk, event_id, body, keys_pem, trusted)
    kept, refused = authority.signed_fields(event_id, fields, trusted)
    if refused:
        _refuse(kiosk, "event", event_id, body.get("organiser_device"),
                "event fields not signed by the organiser's key: " + ", ".join(refused)[:300],
                {f: fields.get(f) for f in refused})
    return kept


def _follow_rotation(kiosk: Kiosk, event_id: str, body: dict[str, Any], keys_pem: str,
                     trusted: list[Ed25519PublicKey]) -> list[Ed25519PublicKey]:
    offered = authority.parse_keys(keys_pem)
    new = [k for k in offered if not any(authority.same_key(k, t) for t in trusted)]
    if not new:
        return trusted
    signatures = body.get("key_signatures")
    statement = authority.key_set(event_id, offered)
    if isinstance(signatures, list) and any(authority.verifies(s, statement, trusted) for s in signatures):
        if kiosk.data_dir is not None:
            pin(paths.keys_dir(kiosk.data_dir), new)
            kiosk.reload_keys()
        return [*trusted, *new]
    _refuse(kiosk, "event", event_id, body.get("organiser_device"),
            "public keys not signed by a pinned key: " + ", ".join(authority.fingerprint(k) for k in new)[:300],
            {"public_keys": keys_pem})
    return trusted


GuestRow = tuple[str | None, ...]


def checked_guest_rows(kiosk: Kiosk, rows: list[GuestRow]) -> list[GuestRow]:
    """Pulled guest rows with every status that claims the organiser's authority and does not prove
    it left out (quarantined): a signature that the pinned keys do not verify, or a cancellation in
    the organiser's device's name with no signature. Call in a transaction."""
    trusted = pinned(kiosk)
    signed_at, cancelled = STATUS_SIGNATURE_AT, Status.CANCELLED.value
    if not trusted or not any((len(r) > signed_at and r[signed_at]) or r[STATUS_AT] == cancelled for r in rows):
        return rows  # the usual page: nothing claims the organiser's authority (one pass, no copy)
    organisers: dict[str, str | None] = {}
    out: list[GuestRow] = []
    for row in rows:
        signature = row[STATUS_SIGNATURE_AT] if len(row) > STATUS_SIGNATURE_AT else None
        value, stamp, device = row[STATUS_AT], row[STATUS_AT + 1], row[STATUS_AT + 2]
        event_id, guest_id = str(row[1]), str(row[0])
        reason = None
        if signature:
            if not authority.status_verifies(event_id, guest_id, [value, stamp, device, signature], trusted):
                reason = "status signature does not verify with the organiser's key"
        elif value == Status.CANCELLED.value:
            if event_id not in organisers:
                organisers[event_id] = meta.get(kiosk.conn, f"organiser:{event_id}")
            if device is not None and device == organisers[event_id]:
                reason = "cancellation in the organiser's name without the organiser's signature"
        if reason is None:
            out.append(row)
            continue
        _refuse(kiosk, "guest", guest_id, device, reason,
                {"id": guest_id, "event_id": event_id, "status": [value, stamp, device, signature]})
        stripped = list(row)
        stripped[STATUS_AT:STATUS_AT + 3] = [None, None, None]
        if len(stripped) > STATUS_SIGNATURE_AT:
            stripped[STATUS_SIGNATURE_AT] = None
        out.append(tuple(stripped))
    return out


# --- pinning ---------------------------------------------------------------------------------
def pin(directory: Path, keys: Sequence[Ed25519PublicKey]) -> None:
    """Keep ``keys`` as trusted public keys (``ticket-public.pem`` for the first, then one file per
    key named by its fingerprint); a key already pinned is not written twice."""
    from kiosk.files import atomic_write
    from kiosk.service.keys import PUBLIC, load_public

    directory.mkdir(parents=True, exist_ok=True)
    have = load_public(directory)
    for key in keys:
        if any(authority.same_key(key, h) for h in have):
            continue
        name = PUBLIC if not (directory / PUBLIC).exists() else \
            f"ticket-public-{authority.normalise_fingerprint(authority.fingerprint(key))[:16].lower()}.pem"
        with atomic_write(directory / name) as out:
            out.write(tickets.public_key_pem(key))
        have.append(key)
