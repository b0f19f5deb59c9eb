"""One round of replication with the hub: push what this kiosk made, pull what others made.

Each step is its own SQLite transaction after the hub has answered, so a kiosk killed (or a hub
stopped) at any point loses nothing: unacknowledged scans stay queued (``received_at`` NULL) and
are pushed again, which the hub ignores if it already has them; the pull cursor only moves in
the transaction that stored the rows it covers, or kept those whose guest has not arrived yet
(pending_scans: stored as soon as it has).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk import paths
from kiosk.domain import merge
from kiosk.domain import pulled as pulled_check
from kiosk.domain.model import Attendee, Category, Event, Status, Workshop
from kiosk.service import authority, sync_checks, sync_facts
from kiosk.service.checkin import refresh_presence
from kiosk.store import attendees as attendee_store
from kiosk.store import events as event_store
from kiosk.store import import_staging, meta, quarantine, savepoint, search_index, transaction
from kiosk.store import sync as sync_store

if TYPE_CHECKING:
    from kiosk.service.kiosk import Kiosk

BATCH = 5000


def machine_id() -> str:
    """This computer's id (``/etc/machine-id`` and kin), so a data dir copied to another machine is
    told apart from the original and gets a device id of its own. ``KIOSK_MACHINE_ID`` overrides."""
    forced = os.environ.get("KIOSK_MACHINE_ID")
    if forced:
        return forced
    for path in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        try:
            text = Path(path).read_text(encoding="ascii").strip()
        except OSError:
            continue
        if text:
            return text
    return f"node-{uuid.getnode():012x}"


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


def sync_round(data_dir: Path, device_name: str, url: str) -> SyncSummary:
    """One round on a connection of its own: what the window runs on a worker thread."""
    from kiosk.service.kiosk import Kiosk as _Kiosk

    kiosk = _Kiosk.open(data_dir, device_name=device_name, check=False)
    try:
        return sync_once(kiosk, url)
    finally:
        kiosk.close()


Between = Callable[[str], object]  # called with the step's name between every two steps of a round


def _no_pause(_step: str) -> None:
    return None


def sync_once(kiosk: Kiosk, url: str, *, batch: int = BATCH, between_steps: Between = _no_pause) -> SyncSummary:
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


def _round(kiosk: Kiosk, conn: Any, hub_id: str, batch: int, between: Between = _no_pause) -> SyncSummary:
    from kiosk.adapters.hub import replica

    device = kiosk.device()
    limit = sync_checks.horizon(kiosk, replica.hub_now(conn))
    refused_before = quarantine.count(kiosk.conn)
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
    _pull_guests(kiosk, conn, hub_id, batch, limit, between)
    between("guests pulled")
    pulled += _apply_waiting(kiosk)  # scans an earlier round pulled before their guest, whose guest came now
    cursor = sync_store.cursor(kiosk.conn, hub_id)
    while True:
        got = replica.pull_scans(conn, cursor, batch)
        if not got.rows:
            break
        foreign = [r for r in got.rows if r[7] != device.id]
        with transaction(kiosk.conn):
            foreign = sync_checks.valid(kiosk, "scan", foreign, pulled_check.scan, limit, device_at=7)
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
        _pull_guests(kiosk, conn, hub_id, batch, limit, between)
        pulled += _apply_waiting(kiosk)
    facts = sync_facts.exchange(kiosk, conn, hub_id, batch, limit, between)  # merge decisions, badges printed
    refold_stale_presence(kiosk)
    left = sync_facts.queued(kiosk)
    with transaction(kiosk.conn):
        holds = sync_store.holdings(kiosk.conn, hub_id)
    offset = replica.record_contact(conn, device.id, device.name, machine_id(), kiosk.now(), left.scans,
                                    queued_guests=left.guests, queued_prints=left.prints, queued_links=left.links,
                                    holds=holds)
    with transaction(kiosk.conn):
        sync_store.save_cursor(kiosk.conn, hub_id, cursor, kiosk.now())
    refused = sync_checks.refusals(kiosk)
    off = sync_checks.clock_off(kiosk.clock(), limit.hub_now, None)
    return SyncSummary(pushed, pulled, left.scans, offset, cursor, left.guests, left.prints, left.links, facts,
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


def _publish_events(kiosk: Kiosk, conn: Any, device_id: str, limit: sync_checks.Horizon) -> None:
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


def _pull_events(kiosk: Kiosk, conn: Any, hub_id: str, limit: sync_checks.Horizon) -> None:
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
                sync_checks.refuse(kiosk, "event", body.get("id"), body.get("organiser_device"), problem, body)
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


def _pull_guests(kiosk: Kiosk, conn: Any, hub_id: str, batch: int, limit: sync_checks.Horizon,
                 between: Between = _no_pause) -> int:
    applied = _pull_guest_pages(kiosk, conn, hub_id, batch * 4, limit, between)  # 20,000 a page: a join, 5 trips
    # Pages of new guests joined the search backlog (found by search already): indexed now, in short
    # transactions. A kiosk killed before this finishes indexes the rest when it next opens.
    search_index.catch_up_search(kiosk.conn)
    return applied


def _pull_guest_pages(kiosk: Kiosk, conn: Any, hub_id: str, page_size: int, limit: sync_checks.Horizon,
                      between: Between = _no_pause) -> int:
    from concurrent.futures import ThreadPoolExecutor

    from kiosk.adapters.hub import replica

    local_events = [e.id for e in event_store.all_events(kiosk.conn)]
    _scan, after, _event = sync_store.cursors(kiosk.conn, hub_id)
    applied = 0
    # The next page is fetched (network) while this one is written to SQLite (which releases the GIL):
    # a join of 100,000 guests overlaps the two instead of waiting for each in turn.
    with ThreadPoolExecutor(max_workers=1) as fetcher:
        page = fetcher.submit(replica.pull_guest_rows, conn, after, page_size, local_events)
        while True:
            rows, cursor = page.result()
            if not rows:
                return applied
            if len(rows) == page_size:
                page = fetcher.submit(replica.pull_guest_rows, conn, cursor, page_size, local_events)
            applied += _apply_guest_page(kiosk, hub_id, rows, cursor, limit)
            between("guest page pulled")
            if len(rows) < page_size:
                return applied


GuestRow = tuple[str | None, ...]  # a row of kiosk.adapters.hub.replica.pull_guest_rows


def _apply_guest_page(kiosk: Kiosk, hub_id: str, rows: list[GuestRow], cursor: int,
                      limit: sync_checks.Horizon) -> int:
    """One pulled page of guests, in one transaction with the cursor that covers it (a guest that
    fails its check is quarantined there, whichever path, bulk insert or merge, it would have taken)."""
    from kiosk.adapters.hub.replica import guest_record

    applied = 0
    with transaction(kiosk.conn):
        rows = sync_checks.valid(kiosk, "guest", rows, pulled_check.guest, limit, device_at=3,
                                 culprit=pulled_check.guest_culprit)
        rows = authority.checked_guest_rows(kiosk, rows)  # a status claiming the organiser's authority proves it
        before = sync_store.max_guest_rowid(kiosk.conn)
        # The clock moves past the edits pulled, so an edit made here next is stamped after them.
        sync_store.observe(kiosk.conn, (str(r[i + 1]) for r in rows for i in _AT.values() if r[i + 1] is not None))
        inserted = _insert_new_guests(kiosk, rows)
        applied += len(inserted)
        for row in rows:
            if str(row[0]) not in inserted:
                try:
                    with savepoint(kiosk.conn):
                        applied += apply_guest(kiosk, guest_record(row))
                except sqlite3.IntegrityError as exc:  # e.g. an edit giving it another guest's ticket code
                    sync_checks.refuse(kiosk, "guest", row[0], pulled_check.guest_culprit(row, limit.stamp),
                                       f"cannot be applied here: {exc}", list(row))
        sync_store.follow_mark(kiosk.conn, before)
        sync_store.save_cursors(kiosk.conn, hub_id, guests=cursor)
    return applied


def _guest(event_id: str, guest_id: str, source: str, device: str, created: str,
           values: Mapping[str, Any]) -> Attendee:
    """A guest this kiosk has never seen (no merge needed), as created: the one shape of both wire forms."""
    return Attendee(
        id=guest_id, event_id=event_id, first_name=values.get("first_name") or "",
        last_name=values.get("last_name") or "", ticket_code=values.get("ticket_code"),
        email=values.get("email"), organisation=values.get("organisation"), category=values.get("category"),
        workshop=values.get("workshop"), status=Status(values.get("status") or "valid"),
        source=source, source_device=device or None, created_at=created, updated_at=created,
    )


def _new_guest(event: Event, fields: dict[str, list[Any]], remote: dict[str, Any]) -> Attendee:
    """A guest this kiosk has never seen, from the hub's wire form."""
    return _guest(event.id, str(remote["id"]), str(remote["source"]), str(remote["source_device"]),
                  str(remote["created_at"]), {f: v[0] for f, v in fields.items()})


def _stamps(fields: dict[str, list[Any]], remote: dict[str, Any]) -> dict[str, list[str]]:
    """Field stamps as stored: those differing from the creation's, and every signed one."""
    base = [str(remote["created_at"]), str(remote["source_device"])]
    return {f: [str(v[1]), str(v[2]), *[str(x) for x in v[3:4] if x]] for f, v in fields.items()
            if f in merge.MERGED_FIELDS and ([v[1], v[2]] != base or v[3:4] not in ([], [None]))}


_AT = {f: 5 + 3 * i for i, f in enumerate(merge.MERGED_FIELDS)}  # a field's value in a GuestRow


def _row_guest(event_id: str, row: GuestRow) -> tuple[Attendee, str]:
    """A guest this kiosk has never seen straight from its pulled row (no wire dict on the way: a join
    makes 100,000), and its field stamps as stored: those differing from its creation's."""
    created, device = str(row[4]), str(row[3])
    guest = _guest(event_id, str(row[0]), str(row[2]), device, created, {f: row[i] for f, i in _AT.items()})
    stamps = {f: [row[i + 1], row[i + 2]] for f, i in _AT.items()
              if row[i + 1] is not None and (row[i + 1] != created or row[i + 2] != device)}
    signature = row[authority.STATUS_SIGNATURE_AT] if len(row) > authority.STATUS_SIGNATURE_AT else None
    status = row[_AT["status"] + 1: _AT["status"] + 3]
    if signature and status[0] is not None:  # kept with its stamp: the local copy is the hub's
        stamps["status"] = [*status, signature]
    return guest, json.dumps(stamps, separators=(",", ":")) if stamps else "{}"


def _insert_new_guests(kiosk: Kiosk, rows: list[GuestRow]) -> set[str]:
    """Guests this kiosk has never seen, inserted in one bulk step per event through the import's path
    (staged, then one INSERT ... SELECT; search indexing follows the page). If one clashes (a local
    guest holds its code) nothing of that event is inserted here and each goes one by one."""
    have = attendee_store.existing_ids(kiosk.conn, [str(r[0]) for r in rows])
    by_event: dict[str, list[tuple[Attendee, str]]] = {}
    events: dict[str, Event | None] = {}
    for r in rows:
        eid = str(r[1])
        if eid not in events:
            events[eid] = event_store.get(kiosk.conn, eid)
        if events[eid] is not None and str(r[0]) not in have:
            by_event.setdefault(eid, []).append(_row_guest(eid, r))
    done: set[str] = set()
    for eid, guests in by_event.items():
        event = events[eid]
        assert event is not None
        if _insert_event_guests(kiosk, event, guests):
            done.update(g.id for g, _ in guests)
    return done


def _insert_event_guests(kiosk: Kiosk, event: Event, guests: list[tuple[Attendee, str]]) -> bool:
    """Stage and insert one event's new guests (each written as by its own creating device); False
    and nothing written when one clashes with a local guest."""
    by_device: dict[str, list[Attendee]] = {}
    for g, _ in guests:
        by_device.setdefault(g.source_device or "", []).append(g)
    stamps = {g.id: st for g, st in guests if st != "{}"}
    values = [v for device, group in by_device.items() for v in attendee_store.prepared_values(
        group, case_sensitive=event.codes_case_sensitive, now="", device_id=device, stamps=stamps)]
    return import_staging.insert_all_or_none(kiosk.conn, values)


def _purged(kiosk: Kiosk, event_id: str) -> bool:
    from kiosk.store import purge as purge_store

    return purge_store.purged(kiosk.conn, event_id) is not None


def apply_guest(kiosk: Kiosk, remote: dict[str, Any]) -> int:
    """Merge a guest pulled from the hub into this kiosk through the attendee store's write path
    (search index and door counts kept right). Returns 1 if anything changed. In a transaction."""
    from kiosk.store import meta

    event = event_store.get(kiosk.conn, str(remote["event_id"]))
    if event is None or _purged(kiosk, event.id):
        return 0  # a purged event's guests stay erased here whatever another door still holds
    organiser = meta.get(kiosk.conn, f"organiser:{event.id}")
    theirs = merge.versions(remote["fields"], organiser)
    local = sync_store.local_guest(kiosk.conn, str(remote["id"]))
    if local is None:
        guest = _new_guest(event, remote["fields"], remote)
        try:
            attendee_store.insert(kiosk.conn, guest, case_sensitive=event.codes_case_sensitive,
                                  now=guest.created_at, device_id=str(remote["source_device"]))
        except sqlite3.IntegrityError:
            return 0  # another local guest holds this ticket code: left for a person to merge
        sync_store.set_field_stamps(kiosk.conn, guest.id, _stamps(remote["fields"], remote))
        return 1
    mine = merge.versions(local.fields, organiser)
    merged = merge.merge_records(mine, theirs)
    changes = merge.changed_fields(mine, merged)
    if not changes:
        if merged == theirs:
            sync_store.unqueue_guest(kiosk.conn, local.id)
        return 0
    by_stamp: dict[tuple[str, str], dict[str, object]] = {}
    for f, v in changes.items():
        by_stamp.setdefault((v.hlc, v.device), {})[f] = v.value
    for (stamp, device), fields in sorted(by_stamp.items()):
        current = attendee_store.get(kiosk.conn, local.id)
        assert current is not None
        attendee_store.update(kiosk.conn, current, fields, case_sensitive=event.codes_case_sensitive,
                              now=stamp, device_id=device, stamp=stamp)
    signed = merged.get("status")
    if "status" in changes and signed is not None and signed.signature:
        sync_store.sign_status(kiosk.conn, local.id, signed.hlc, signed.device, signed.signature)
    if merged == theirs:
        sync_store.unqueue_guest(kiosk.conn, local.id)
    return 1


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
        limit = sync_checks.horizon(kiosk, replica.hub_now(conn))
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
                sync_checks.refuse(kiosk, "event", body.get("id"), body.get("organiser_device"), problem, body)
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


WAKE_SLICE_S = 0.15  # how often a waiting watcher looks at SQLite's data_version (one cheap PRAGMA)


def watch(kiosk: Kiosk, url: str, *, poll_s: float = 5.0, stop: Callable[[], bool] = lambda: False,
          report: Callable[[str], None] = lambda _line: None, wake: threading.Event | None = None,
          on_round: Callable[[SyncSummary], None] = lambda _summary: None) -> None:
    """Sync, then wait, and again, until ``stop()``. A round starts as soon as one of these happens:
    this kiosk stored something (another connection committed to its SQLite file: the window, or a
    ``kiosk checkin`` beside this watcher; SQLite's ``data_version`` changes), ``wake`` was set (same
    process), the hub NOTIFYed that another kiosk pushed, or ``poll_s`` passed. So a check-in at door
    A is pushed at once, and door B pulls it as soon as the hub says so.
    When the hub is away the kiosk keeps working; each change of state is reported once.
    ``on_round`` gets each completed round's summary, on this thread (the window's header light)."""
    from kiosk.adapters.hub.replica import Listener

    listener: Listener | None = None
    last = ""
    while not stop():
        version = data_version(kiosk.conn)  # before the round: a write during it means another round
        try:
            if listener is None:
                listener = Listener(url)
            summary = sync_once(kiosk, url)
            news = bool(summary.pushed or summary.pulled or summary.refused) or last.startswith("hub")
            line = summary.line() if news else last
            on_round(summary)
        except Exception as exc:
            line = _lost(exc)
            _closed(listener)
            listener = None
        if line != last:  # said before waiting: a round's news is not held back by the wait
            report(line)
            last = line
        try:
            _wait(kiosk, listener, version, poll_s if listener is not None else min(poll_s, 2.0), stop, wake)
        except Exception as exc:
            line = _lost(exc)
            _closed(listener)
            listener = None
            if line != last:
                report(line)
                last = line
            _wait(kiosk, None, None, min(poll_s, 2.0), stop, wake)
    _closed(listener)


def _lost(exc: Exception) -> str:
    """The line for a round or a wait that failed. The hub's own errors say what is wrong; anything
    else is logged with its traceback and said in one line: the loop never ends on it, it tries again."""
    from kiosk.adapters.hub.connection import HubError

    if isinstance(exc, HubError):
        return str(exc)
    import psycopg

    if isinstance(exc, psycopg.Error):
        return "hub connection lost: retrying"
    logging.getLogger(__name__).exception("sync round failed")
    said = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
    return f"hub sync failed, retrying: {said}"


def data_version(conn: sqlite3.Connection) -> int:
    """Changes when another connection commits to the kiosk's file (never for this one's own writes)."""
    from kiosk.store.occupancy import data_version as version

    return version(conn)


def _wait(kiosk: Kiosk, listener: Any, version: int | None, timeout: float, stop: Callable[[], bool],
          wake: threading.Event | None) -> None:
    """Up to ``timeout`` s, in slices that block on the hub's socket (or on ``wake``): back early on a
    NOTIFY, a local write (``version`` moved; None: the hub is away, only wait), ``wake`` or ``stop()``.
    A hub that goes away raises from the listener (psycopg.Error): the caller reconnects."""
    deadline = time.monotonic() + timeout
    while not stop():
        left = deadline - time.monotonic()
        if left <= 0:
            return
        if wake is not None and wake.is_set():
            wake.clear()
            return
        if version is not None and data_version(kiosk.conn) != version:
            return
        step = min(WAKE_SLICE_S, left)
        if listener is not None:
            if listener.wait(step):
                return
        elif wake is not None:
            wake.wait(step)
        else:
            time.sleep(step)


def _closed(conn: Any) -> None:
    if conn is not None:
        with contextlib.suppress(Exception):
            conn.close()
