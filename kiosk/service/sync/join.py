"""Joining an evening: a fresh data dir becomes a replica of one event on the hub, its ticket key
pinned only when the organiser's fingerprint (or a person shown it) says so."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kiosk import paths
from kiosk.domain import merge
from kiosk.domain import pulled as pulled_check
from kiosk.domain.model import Category, Event, Workshop
from kiosk.service import authority
from kiosk.service.sync import checks
from kiosk.service.sync.round import schema_check, sync_once
from kiosk.store import attendees as attendee_store
from kiosk.store import events as event_store
from kiosk.store import transaction

if TYPE_CHECKING:
    from kiosk.service.kiosk import Kiosk


_JOINING = "joining_event"  # meta: the event a join has created but not finished pulling


@dataclass(frozen=True)
class Joined:
    event_id: str
    event_name: str
    guests: int
    scans: int
    fingerprints: list[str] = field(default_factory=list)  # the ticket keys pinned


def join(kiosk: Kiosk, url: str, event_id: str | None = None, *, fingerprint: str | None = None,
         confirm: Callable[[list[str]], bool] | None = None) -> Joined:
    """Make this fresh data dir a replica of one event on the hub: the event, its public keys (never
    a private key: the hub has none), its guests and scans. The hub's key is kept (pinned) only when
    the organiser's ``fingerprint`` names it, or ``confirm`` (a person shown the fingerprints) says
    yes; a key already kept here is never replaced. Raises HubError or KioskError (one line)."""
    from kiosk.adapters.hub import replica
    from kiosk.adapters.hub.connection import HubError, connect, redact, strip_password
    from kiosk.service.errors import KioskError
    from kiosk.store import meta

    # A join killed half-way leaves the event marked as joining: running join again carries on.
    held = [e.id for e in event_store.all_events(kiosk.conn)]
    resumed = meta.get(kiosk.conn, _JOINING) or None
    if held and held != [resumed]:
        raise KioskError("join needs a fresh data dir: this one already holds an event (use --data-dir)")
    if resumed and event_id not in (None, resumed):
        raise KioskError(f"this data dir is joining event {resumed}: run join again without --event, "
                         "or use another --data-dir")
    event_id = resumed or event_id
    conn = connect(url)
    try:
        schema_check(conn, redact(url))
        limit = checks.horizon(kiosk, replica.hub_now(conn))
        found, _cursor = replica.events(conn)
    finally:
        conn.close()
    if event_id is not None:
        found = [(b, k) for b, k in found if b["id"] == event_id]
    if not found:
        raise HubError(f"no event {event_id} on the hub" if event_id else "the hub holds no event yet: "
                       "sync the organiser's kiosk first")
    if len(found) > 1:
        listed = ", ".join(f"{b['id']} ({b['name']})" for b, _ in found)
        raise KioskError(f"the hub holds several events: give --event ID, one of {listed}")
    body, public_pem = found[0]
    checked, problems = pulled_check.event(body, limit.stamp)
    if checked is None:
        raise HubError(f"the hub's event cannot be used: {problems[0]}")
    fields: Any = checked if body.get("fields") else None
    event = merge.event_from_values(str(body["id"]), {f: _opt(v[0]) for f, v in checked.items()}) if fields else Event(
        id=str(body["id"]), name=str(body.get("name") or "")[:1000],
        starts_at=_opt(body.get("starts_at")), venue=_opt(body.get("venue")), capacity=_int(body.get("capacity")),
        tagline=_opt(body.get("tagline")), codes_case_sensitive=bool(body.get("codes_case_sensitive")),
        privacy_notice=_opt(body.get("privacy_notice")),
        workshops=tuple(Workshop(str(w[0]), _int(w[1])) for w in _rows(body.get("workshops")) if len(w) == 2),
        categories=tuple(Category(str(c[0]), str(c[1])) for c in _rows(body.get("categories")) if len(c) == 2),
    )
    if public_pem and kiosk.data_dir is not None:
        _pin_for_join(kiosk, event.id, body, public_pem, fingerprint, confirm)
    if not resumed and authority.pinned(kiosk) and isinstance(fields, dict):
        with transaction(kiosk.conn):  # the event as the pinned key signed it, never the hub's plain copy
            fields = authority.checked_event_fields(kiosk, {**body, "fields": fields}, public_pem)
        event = merge.event_from_values(event.id, {f: v[0] for f, v in fields.items()})
    if not resumed:
        with transaction(kiosk.conn):
            for problem in problems:
                checks.refuse(kiosk, "event", body.get("id"), body.get("organiser_device"), problem, body)
            event_store.insert(kiosk.conn, event, now=kiosk.now(), device_id=str(body["organiser_device"]),
                               wire=fields or None)
            event_store.set_active(kiosk.conn, event.id)
            meta.put(kiosk.conn, f"organiser:{event.id}", str(body["organiser_device"]))
            meta.put(kiosk.conn, "hub_url", strip_password(url))
            meta.put(kiosk.conn, _JOINING, event.id)
    summary = sync_once(kiosk, url)
    with transaction(kiosk.conn):
        meta.put(kiosk.conn, _JOINING, "")
    guests = attendee_store.count(kiosk.conn, event.id)
    from kiosk.domain.authority import fingerprint as readable

    return Joined(event.id, event.name, guests, summary.pulled, [readable(k) for k in authority.pinned(kiosk)])


def _pin_for_join(kiosk: Kiosk, event_id: str, body: dict[str, Any], public_pem: str, fingerprint: str | None,
                  confirm: Callable[[list[str]], bool] | None) -> None:
    """Pin the hub's ticket key(s) as the organiser said, or refuse (kiosk.service.errors.Refused)."""
    from kiosk.domain import authority as rules
    from kiosk.service.errors import Refused
    from kiosk.service.keys import load_public

    assert kiosk.data_dir is not None
    folder = paths.keys_dir(kiosk.data_dir)
    offered = rules.parse_keys(public_pem)
    if not offered:
        return
    shown = ", ".join(rules.fingerprint(k) for k in offered)
    held = load_public(folder)
    if held:
        if not any(rules.same_key(k, h) for k in offered for h in held):
            raise Refused("join_key_differs", offered=shown, pinned=", ".join(rules.fingerprint(k) for k in held))
        trusted = held
    elif fingerprint:
        named = rules.matching(fingerprint, offered)
        if named is None:
            raise Refused("join_fingerprint_mismatch", given=fingerprint.strip()[:60], offered=shown)
        trusted = [named]
    elif confirm is not None and confirm([rules.fingerprint(k) for k in offered]):
        trusted = offered
    else:
        raise Refused("join_needs_fingerprint", offered=shown)
    signatures = body.get("key_signatures")
    statement = rules.key_set(event_id, offered)
    endorsed = isinstance(signatures, list) and any(rules.verifies(s, statement, trusted) for s in signatures)
    authority.pin(folder, offered if endorsed else trusted)  # the others only when a trusted key signed them
    kiosk.reload_keys()


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def _int(value: object) -> int | None:
    """A capacity of the hub's plain event form: a whole number in range, else none ("abc", "-5")."""
    from kiosk.domain.limits import MAX_CAPACITY

    text = str(value) if value is not None else ""
    return int(text) if text.isascii() and text.isdigit() and int(text) <= MAX_CAPACITY else None


def _rows(value: object) -> list[list[Any]]:
    return [list(v) for v in value] if isinstance(value, list) else []
