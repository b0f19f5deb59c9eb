"""One round of replication with the hub: push what this kiosk made, pull what others made.

Each step is its own SQLite transaction after the hub has answered, so a kiosk killed (or a hub
stopped) at any point loses nothing: unacknowledged scans stay queued (``received_at`` NULL) and
are pushed again, which the hub ignores if it already has them; the pull cursor only moves in
the transaction that stored the rows it covers, or kept those whose guest has not arrived yet
(pending_scans: stored as soon as it has).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kiosk import paths
from kiosk.domain import merge
from kiosk.domain import pulled as pulled_check
from kiosk.service import authority
from kiosk.service.checkin import refresh_presence
from kiosk.service.device import machine_id
from kiosk.service.sync import checks, facts
from kiosk.service.sync.guests import Between, no_pause, pull_guests
from kiosk.store import events as event_store
from kiosk.store import meta, quarantine, transaction
from kiosk.store import sync as sync_store

if TYPE_CHECKING:
    from kiosk.service.kiosk import Kiosk

BATCH = 5000


@dataclass(frozen=True)
class SyncSummary:
    pushed: int  # scans the hub acknowledged in this round
    pulled: int  # scans from other kiosks stored here
    queued: int  # scans still to push (0 after a complete round)
    offset_ms: int  # this kiosk's clock minus the hub's
    cursor: int
    queued_guests: int = 0  # guests (walk-ins, edits) still to push
    queued_prints: int = 0  # badges printed here, still to push
    queued_links: int = 0  # merge decisions still to push
    facts_pulled: int = 0  # decisions and badge prints from other kiosks stored here
    refused: int = 0  # rows pulled in this round that failed their check (quarantined, not applied)
    refused_by_device: tuple[tuple[str, str, int], ...] = ()  # every row ever refused: (device id, name, rows)
    clock_off: str | None = None  # this kiosk's clock (store time) when far off the hub's, else None

    def line(self) -> str:
        skew = f", clock {self.offset_ms / 1000:+.1f} s from the hub" if abs(self.offset_ms) >= 2000 else ""
        refused = f", {self.refused} refused" if self.refused else ""
        return f"sync: {self.pushed} scans pushed, {self.pulled} pulled, {self.queued} queued{refused}{skew}"


def hub_url(kiosk: Kiosk) -> str | None:
    """The hub this kiosk syncs with: $KIOSK_HUB, else the one remembered (never with a password)."""
    return os.environ.get(paths.HUB_ENV) or meta.get(kiosk.conn, "hub_url")


def sync_once(kiosk: Kiosk, url: str, *, batch: int = BATCH, between_steps: Between = no_pause) -> SyncSummary:
    """Publish the events, push guests and scans, then pull guests and scans until drained. Raises
    kiosk.adapters.hub.connection.HubError (one line) when the hub cannot be used; what was done before that
    stays done. ``between_steps`` runs after each step (a page pushed or pulled): tests use it to let
    other doors write to the hub in the middle of a round, where a real evening's timing would."""
    from kiosk.adapters.hub.connection import HubError, connect, describe, redact

    refold_stale_presence(kiosk)  # left over by a round that was killed: fix the door's view first
    conn = connect(url)
    try:
        hub_id = schema_check(conn, redact(url))
        return _round(kiosk, conn, hub_id, batch, between_steps)
    except HubError:
        raise
    except Exception as exc:
        import psycopg

        if isinstance(exc, psycopg.Error):
            raise HubError(describe(exc, url)) from None
        raise
    finally:
        conn.close()


def schema_check(conn: Any, shown: str) -> str:
    from kiosk.adapters.hub import schema

    return schema.check(conn, shown)


def _round(kiosk: Kiosk, conn: Any, hub_id: str, batch: int, between: Between = no_pause) -> SyncSummary:
    from kiosk.adapters.hub import doors, replica

    device = kiosk.device()
    doors.claim_device(conn, device.id)  # a door's own login: bound to this laptop at its first round
    limit = checks.horizon(kiosk, replica.hub_now(conn))
    refused_before = quarantine.count(kiosk.conn)
    if not doors.is_door(conn):  # a door's login reads the event; only the organiser's side publishes it
        _publish_events(kiosk, conn, device.id, limit)
    authority.queue_statuses_to_sign(kiosk, device.id)
    between("events pushed")
    while True:  # guests first: a scan pulled elsewhere needs its guest there
        records, reached = sync_store.unsent_guests(kiosk.conn, batch)
        if not records:
            with transaction(kiosk.conn):
                sync_store.mark_guests_sent(kiosk.conn, [], reached)
            break
        with transaction(kiosk.conn):  # the organiser's own statuses carry its signature
            authority.sign_statuses(kiosk, records, device.id)
        replica.push_guests(conn, [r.__dict__ for r in records], limit.stamp)
        with transaction(kiosk.conn):
            sync_store.mark_guests_sent(kiosk.conn, records, reached)
        between("guests pushed")
        if len(records) < batch:
            break
    pushed = pulled = 0
    while True:
        rows = sync_store.unsent_scans(kiosk.conn, batch)
        if not rows:
            break
        receipts = replica.push_scans(conn, rows)
        with transaction(kiosk.conn):
            sync_store.mark_received(kiosk.conn, receipts)
        pushed += len(receipts)
        between("scans pushed")
        if len(rows) < batch:
            break
    _pull_events(kiosk, conn, hub_id, limit)
    between("events pulled")
    pull_guests(kiosk, conn, hub_id, batch, limit, between)
    between("guests pulled")
    pulled += _apply_waiting(kiosk)  # scans an earlier round pulled before their guest, whose guest came now
    cursor = sync_store.cursor(kiosk.conn, hub_id)
    while True:
        got = replica.pull_scans(conn, cursor, batch)
        if not got.rows:
            break
        foreign = [r for r in got.rows if r[7] != device.id]
        with transaction(kiosk.conn):
            foreign = checks.valid(kiosk, "scan", foreign, pulled_check.scan, limit, device_at=7)
            # A scan whose guest is not here yet (pushed after this round pulled guests) waits, stored
            # with the cursor that passes it; the next round's guests free it (_apply_waiting).
            applied = sync_store.insert_pulled(kiosk.conn, foreign)
            freed = sync_store.apply_pending(kiosk.conn)  # an undo that waited for its target
            sync_store.observe(kiosk.conn, (str(r[12]) for r in foreign))
            sync_store.mark_presence_stale(kiosk.conn, applied.attendee_ids | freed.attendee_ids)
            sync_store.save_cursor(kiosk.conn, hub_id, got.cursor, kiosk.now())
        pulled += applied.inserted + freed.inserted
        cursor = got.cursor
        between("scans pulled")
        if len(got.rows) < batch:
            break
    if sync_store.count_pending(kiosk.conn):  # guests pushed while this round pulled: fetched now, not next round
        pull_guests(kiosk, conn, hub_id, batch, limit, between)
        pulled += _apply_waiting(kiosk)
    pulled_facts = facts.exchange(kiosk, conn, hub_id, batch, limit, between)  # merge decisions, badges printed
    refold_stale_presence(kiosk)
    left = facts.queued(kiosk)
    with transaction(kiosk.conn):
        holds = sync_store.holdings(kiosk.conn, hub_id)
    offset = replica.record_contact(conn, device.id, device.name, machine_id(), kiosk.now(), left.scans,
                                    queued_guests=left.guests, queued_prints=left.prints, queued_links=left.links,
                                    holds=holds)
    with transaction(kiosk.conn):
        sync_store.save_cursor(kiosk.conn, hub_id, cursor, kiosk.now())
    refused = checks.refusals(kiosk)
    off = checks.clock_off(kiosk.clock(), limit.hub_now, None)
    return SyncSummary(pushed, pulled, left.scans, offset, cursor, left.guests, left.prints, left.links, pulled_facts,
                       refused.total - refused_before, tuple(refused.by_device),
                       None if off is None else kiosk.now())


def _apply_waiting(kiosk: Kiosk) -> int:
    """Store the pulled scans that waited for a guest or target this kiosk now holds (one transaction,
    their guests' presence marked for the round's refold); how many were stored."""
    with transaction(kiosk.conn):
        freed = sync_store.apply_pending(kiosk.conn)
        sync_store.mark_presence_stale(kiosk.conn, freed.attendee_ids)
    return freed.inserted


def refold_stale_presence(kiosk: Kiosk) -> int:
    """Recompute presence of the guests pulled scans touched, once per round rather than per batch
    (a guest with thousands of scans would be refolded for each). The stale set is in the database,
    so a kiosk killed between a batch and this step refolds them at its next round."""
    stale = sync_store.stale_presence(kiosk.conn)
    if stale:
        with transaction(kiosk.conn):
            for attendee_id in stale:
                refresh_presence(kiosk.conn, attendee_id)  # merged guests count as the kept one
            sync_store.clear_stale_presence(kiosk.conn, stale)
    return len(stale)


def _public_keys(kiosk: Kiosk) -> str:
    """The PEM public keys this kiosk trusts; only files named *public*: the private key never goes."""
    if kiosk.data_dir is None:
        return ""
    folder = paths.keys_dir(kiosk.data_dir)
    return "".join(p.read_text(encoding="ascii") for p in sorted(folder.glob("*public*.pem")))


def _digest(wire: dict[str, list[str | None]], keys: str) -> str:
    """What was last published of an event (fields and public keys): unchanged means no push."""
    import hashlib

    return hashlib.sha256((json.dumps(wire, sort_keys=True) + keys).encode()).hexdigest()


def _publish_events(kiosk: Kiosk, conn: Any, device_id: str, limit: checks.Horizon) -> None:
    """Events whose fields (or, for their organiser, public keys) changed since this kiosk last
    published them go to the hub, which merges them field by field. The kiosk holding the
    organiser's private key signs every field and the key set (kiosk.domain.authority); a door
    that pinned the organiser's key publishes no event (it cannot make organiser facts). An event
    with no key at all is published unsigned, as before keys existed."""
    from kiosk.adapters.hub import replica

    key = authority.signer(kiosk)
    pinned = authority.pinned(kiosk)
    for event in event_store.all_events(kiosk.conn):
        wire = event_store.record(kiosk.conn, event.id) or {}
        known = meta.get(kiosk.conn, f"organiser:{event.id}")
        if key is None and pinned:
            continue
        keys = _public_keys(kiosk) if key is not None or known in (None, device_id) else ""
        signatures: list[str] = []
        if key is not None:
            wire = authority.signed_event(event.id, wire, key)
            signatures = authority.key_signatures(kiosk, event.id)
        digest = _digest(wire, keys + "".join(signatures))
        if meta.get(kiosk.conn, f"event_sent:{event.id}") == digest:
            continue
        organiser = replica.push_event(conn, merge.event_body(event, device_id, wire), keys, signatures, limit.stamp)
        with transaction(kiosk.conn):
            meta.put(kiosk.conn, f"organiser:{event.id}", organiser)
            meta.put(kiosk.conn, f"event_sent:{event.id}", digest)


def _pull_events(kiosk: Kiosk, conn: Any, hub_id: str, limit: checks.Horizon) -> None:
    """Each local event's organiser (whose status writes outrank the door's), and the hub's edits of
    the event merged field by field into the local copy. A field that fails its check is quarantined
    and left out of the merge: a malformed value never replaces a good one."""
    from kiosk.adapters.hub import replica

    _scan, _guest, after = sync_store.cursors(kiosk.conn, hub_id)
    found, cursor = replica.events(conn, after)
    with transaction(kiosk.conn):
        for body, _keys in found:
            theirs: Any
            theirs, problems = pulled_check.event(body, limit.stamp)
            for problem in problems:
                checks.refuse(kiosk, "event", body.get("id"), body.get("organiser_device"), problem, body)
            if theirs is None:
                continue  # no usable id or organiser: nothing of it is applied
            event_id = str(body["id"])
            local = event_store.record(kiosk.conn, event_id)
            if local is None:
                continue
            meta.put(kiosk.conn, f"organiser:{event_id}", str(body["organiser_device"]))
            # of the fields that hold, only what the pinned key signed (all of them when nothing is pinned)
            theirs = authority.checked_event_fields(kiosk, {**body, "fields": theirs}, _keys)
            sync_store.observe(kiosk.conn, (str(v[1]) for v in theirs.values()))
            merged = merge.merge_event_wires(local, theirs)
            if merged != local:
                event_store.replace(kiosk.conn, event_id, merged, now=kiosk.now())
        sync_store.save_cursors(kiosk.conn, hub_id, events=cursor)
    kiosk.forget_event()
