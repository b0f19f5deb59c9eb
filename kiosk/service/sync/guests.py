"""Guests pulled from the hub: pages of new guests inserted all at once, known ones merged field by
field, each row checked first (a malformed one is quarantined, the page goes on)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from kiosk.domain import merge
from kiosk.domain import pulled as pulled_check
from kiosk.domain.model import Attendee, Event, Status
from kiosk.service import authority
from kiosk.service.sync import checks
from kiosk.store import attendees as attendee_store
from kiosk.store import events as event_store
from kiosk.store import savepoint, transaction
from kiosk.store import sync as sync_store

if TYPE_CHECKING:
    from kiosk.service.kiosk import Kiosk

Between = Callable[[str], object]  # called with the step's name between every two steps of a round


def no_pause(_step: str) -> None:
    return None


def pull_guests(kiosk: Kiosk, conn: Any, hub_id: str, batch: int, limit: checks.Horizon,
                 between: Between = no_pause) -> int:
    applied = pull_guest_pages(kiosk, conn, hub_id, batch * 4, limit, between)  # 20,000 a page: a join, 5 trips
    # Pages of new guests joined the search backlog (found by search already): indexed now, in short
    # transactions. A kiosk killed before this finishes indexes the rest when it next opens.
    attendee_store.catch_up_search(kiosk.conn)
    return applied


def pull_guest_pages(kiosk: Kiosk, conn: Any, hub_id: str, page_size: int, limit: checks.Horizon,
                      between: Between = no_pause) -> int:
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
                      limit: checks.Horizon) -> int:
    """One pulled page of guests, in one transaction with the cursor that covers it (a guest that
    fails its check is quarantined there, whichever path, bulk insert or merge, it would have taken)."""
    from kiosk.adapters.hub.replica import guest_record

    applied = 0
    with transaction(kiosk.conn):
        rows = checks.valid(kiosk, "guest", rows, pulled_check.guest, limit, device_at=3,
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
                    checks.refuse(kiosk, "guest", row[0], pulled_check.guest_culprit(row, limit.stamp),
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
        if insert_event_guests(kiosk, event, guests):
            done.update(g.id for g, _ in guests)
    return done


def insert_event_guests(kiosk: Kiosk, event: Event, guests: list[tuple[Attendee, str]]) -> bool:
    """Stage and insert one event's new guests (each written as by its own creating device); False
    and nothing written when one clashes with a local guest."""
    by_device: dict[str, list[Attendee]] = {}
    for g, _ in guests:
        by_device.setdefault(g.source_device or "", []).append(g)
    stamps = {g.id: st for g, st in guests if st != "{}"}
    values = [v for device, group in by_device.items() for v in attendee_store.prepared_values(
        group, case_sensitive=event.codes_case_sensitive, now="", device_id=device, stamps=stamps)]
    return attendee_store.insert_all_or_none(kiosk.conn, values)


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
