"""What replication keeps in the kiosk's SQLite: the device id, the push queue, the pull cursor
(the HLC the stamps come from: kiosk.store.hlc).

The push queue is not a table: a scan the hub has not acknowledged has ``received_at`` NULL (the
one column the immutability trigger lets us set, once). Scans pulled from the hub arrive with it.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kiosk.domain.model import Scan
from kiosk.store import meta
from kiosk.store import scans as scan_store


# --- device identity ------------------------------------------------------------------
def known_device_id(conn: sqlite3.Connection, machine_id: str) -> str | None:
    """This data dir's device id if it was minted on this machine, else None (mint it: device_id)."""
    current, machine = meta.get(conn, "device"), meta.get(conn, "device_machine")
    return current if current and machine == machine_id else None


def device_id(conn: sqlite3.Connection, machine_id: str, name: str) -> str:
    """This data dir's device id, minted once; minted anew when the data dir was copied to another
    machine (``machine_id`` differs from the one recorded beside it). A v8 data dir derived its ids
    from a root and the device name: on its own machine it keeps the id its scans carry under
    ``name`` (if any), so its own scans stay its own. Call in a transaction."""
    known = known_device_id(conn, machine_id)
    if known is not None:
        return known
    root, machine = meta.get(conn, "device_id"), meta.get(conn, "device_machine")
    fresh = str(uuid.uuid4())
    if root and machine == machine_id:
        legacy = str(uuid.uuid5(uuid.UUID(root), name))
        if conn.execute("SELECT 1 FROM scans WHERE device_id = ? LIMIT 1", (legacy,)).fetchone():
            fresh = legacy
    meta.put(conn, "device", fresh)
    meta.put(conn, "device_machine", machine_id)
    return fresh


# --- push queue -----------------------------------------------------------------------
SCAN_COLUMNS = (
    "id", "event_id", "attendee_id", "code", "kind", "verdict", "target_id", "device_id", "device_name",
    "staff", "reason", "device_time", "hlc",
)


def unsent_scans(conn: sqlite3.Connection, limit: int) -> list[tuple[object, ...]]:
    """Up to ``limit`` scans the hub has not acknowledged, oldest first, as SCAN_COLUMNS tuples.
    A scan from before v8 has no stamp: its device time stands in (same encoding, counter 0)."""
    rows = conn.execute(
        "SELECT id, event_id, attendee_id, code, kind, verdict, target_id, device_id, device_name, staff,"
        " reason, device_time, coalesce(hlc, device_time) FROM scans WHERE received_at IS NULL"
        " ORDER BY rowid LIMIT ?", (limit,),
    )
    return [tuple(r) for r in rows]


def count_unsent(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM scans WHERE received_at IS NULL").fetchone()[0])


def mark_received(conn: sqlite3.Connection, receipts: Iterable[tuple[str, str]]) -> None:
    """Record the hub's receipt time of pushed scans (scan id, received_at)."""
    conn.executemany(
        "UPDATE scans SET received_at = ? WHERE id = ? AND received_at IS NULL",
        [(at, scan_id) for scan_id, at in receipts],
    )


@dataclass(frozen=True)
class Applied:
    inserted: int
    attendee_ids: set[str]
    waiting: int = 0  # pulled scans kept in pending_scans until their guest (or undo target) arrives


_INSERT_PULLED = (
    "INSERT INTO scans(id, event_id, attendee_id, code, kind, verdict, target_id, device_id,"
    " device_name, staff, reason, device_time, hlc, received_at)"
    " SELECT ?,?,?,?,?,?,?,?,?,?,?,?,?,? WHERE EXISTS (SELECT 1 FROM events WHERE id = ?2)"
    " AND (?3 IS NULL OR EXISTS (SELECT 1 FROM attendees WHERE id = ?3))"
    " AND (?7 IS NULL OR EXISTS (SELECT 1 FROM scans WHERE id = ?7))"
    " ON CONFLICT(id) DO NOTHING"
)


def _max_scan_rowid(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT coalesce(max(rowid), 0) FROM scans").fetchone()[0])


def insert_pulled(conn: sqlite3.Connection, rows: Sequence[Sequence[object]]) -> Applied:
    """Insert scans pulled from the hub (SCAN_COLUMNS + received_at); ones already here are skipped
    (set union). Scans of an event this kiosk does not hold are skipped too: the hub keeps them, and
    a later join brings them with their guests. A scan whose guest (or, for an undo, target scan) is
    not here yet waits in pending_scans, in the caller's transaction (the one that moves the cursor
    past it), until :func:`apply_pending` finds what it names."""
    # Counted by rowid, not total_changes: the device_names trigger writes too.
    before = _max_scan_rowid(conn)
    conn.executemany(_INSERT_PULLED, [tuple(r) for r in rows])
    inserted = int(conn.execute("SELECT count(*) FROM scans WHERE rowid > ?", (before,)).fetchone()[0])
    # Every guest named by the batch is refolded (a few more than needed when some rows were known).
    touched = {str(r[2]) for r in rows if r[2] is not None} if inserted else set()
    waiting = 0
    if inserted < len(rows):  # some were here already, of another event, or name what is not here yet
        marks = conn.total_changes
        conn.executemany(
            "INSERT INTO pending_scans(id, event_id, attendee_id, target_id, row) SELECT ?1, ?2, ?3, ?4, ?5"
            " WHERE EXISTS (SELECT 1 FROM events WHERE id = ?2) AND NOT EXISTS (SELECT 1 FROM scans WHERE id = ?1)"
            " ON CONFLICT(id) DO NOTHING",
            [(r[0], r[1], r[2], r[6], json.dumps(list(r), separators=(",", ":"))) for r in rows])
        waiting = conn.total_changes - marks
    return Applied(inserted, touched, waiting)


def apply_pending(conn: sqlite3.Connection) -> Applied:
    """Store the waiting scans whose guest and target are now here, in the order they were pulled (an
    undo waiting with its target comes after it); call in the transaction that brought what they
    waited for. Returns what was stored and the guests whose presence it changes."""
    inserted, touched = 0, set[str]()
    while True:  # each pass stores at least one row or stops: an undo freed by its target goes next pass
        ready = conn.execute(
            "SELECT p.id, p.row FROM pending_scans p"
            " WHERE (p.attendee_id IS NULL OR EXISTS (SELECT 1 FROM attendees a WHERE a.id = p.attendee_id))"
            " AND (p.target_id IS NULL OR EXISTS (SELECT 1 FROM scans s WHERE s.id = p.target_id))"
            " ORDER BY p.rowid").fetchall()
        if not ready:
            return Applied(inserted, touched)
        rows = [tuple(json.loads(r[1])) for r in ready]
        before = _max_scan_rowid(conn)
        conn.executemany(_INSERT_PULLED, rows)
        conn.executemany("DELETE FROM pending_scans WHERE id = ?", [(r[0],) for r in ready])
        inserted += int(conn.execute("SELECT count(*) FROM scans WHERE rowid > ?", (before,)).fetchone()[0])
        touched |= {str(r[2]) for r in rows if r[2] is not None}


def count_pending(conn: sqlite3.Connection) -> int:
    """Scans pulled that still wait for their guest or target (shown by `kiosk hub status`)."""
    return int(conn.execute("SELECT count(*) FROM pending_scans").fetchone()[0])


# --- cursor ---------------------------------------------------------------------------
def cursor(conn: sqlite3.Connection, hub_id: str) -> int:
    row = conn.execute("SELECT pull_cursor FROM sync_state WHERE hub_id = ?", (hub_id,)).fetchone()
    return 0 if row is None else int(row[0])


def save_cursor(conn: sqlite3.Connection, hub_id: str, value: int, contact: str) -> None:
    conn.execute(
        "INSERT INTO sync_state(hub_id, pull_cursor, last_contact) VALUES (?,?,?) ON CONFLICT(hub_id)"
        " DO UPDATE SET pull_cursor = max(pull_cursor, excluded.pull_cursor), last_contact = excluded.last_contact",
        (hub_id, value, contact),
    )


def newest_record(conn: sqlite3.Connection) -> str | None:
    """The latest store time this data dir holds: a scan, a guest's creation or edit, a hub contact."""
    row = conn.execute(
        "SELECT max(t) FROM (SELECT max(device_time) AS t FROM scans UNION ALL SELECT max(updated_at) FROM attendees"
        " UNION ALL SELECT max(created_at) FROM attendees UNION ALL SELECT max(last_contact) FROM sync_state)"
    ).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def last_contact(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT max(last_contact) FROM sync_state").fetchone()
    return None if row is None or row[0] is None else str(row[0])


# --- guests ---------------------------------------------------------------------------
_FIELDS = ("ticket_code", "first_name", "last_name", "email", "organisation", "category", "workshop", "status")


@dataclass(frozen=True)
class GuestRecord:
    """One guest in the wire form: {field: [value, stamp, device]} plus what never changes."""

    id: str
    event_id: str
    fields: dict[str, list[str | None]]
    source: str
    source_device: str
    created_at: str


def _record(row: sqlite3.Row) -> GuestRecord:
    stamps: dict[str, list[str]] = json.loads(row["field_stamps"])
    base = [row["created_at"], row["source_device"] or ""]
    fields = {f: [row[f], *stamps.get(f, base)] for f in _FIELDS}
    return GuestRecord(row["id"], row["event_id"], fields, row["source"], row["source_device"] or "",
                       row["created_at"])


_SELECT = ("SELECT rowid, id, event_id, ticket_code, first_name, last_name, email, organisation, category,"
           " workshop, status, source, source_device, created_at, field_stamps FROM attendees")


# A purged event's guests hold placeholders, not edits: they are never pushed (kiosk.service.purge).
_NOT_PURGED = "event_id NOT IN (SELECT event_id FROM event_purges)"


def unsent_guests(conn: sqlite3.Connection, limit: int) -> tuple[list[GuestRecord], int]:
    """Up to ``limit`` guests to push (new above the mark, or edited), and the rowid mark they reach."""
    mark = int(meta.get(conn, "attendees_pushed_rowid") or 0)
    rows = conn.execute(
        f"{_SELECT} WHERE (rowid > ? OR id IN (SELECT attendee_id FROM attendee_outbox)) AND {_NOT_PURGED}"
        " ORDER BY rowid LIMIT ?",
        (mark, limit),
    ).fetchall()
    reached = max([mark, *(int(r["rowid"]) for r in rows)])
    return [_record(r) for r in rows], reached


def count_unsent_guests(conn: sqlite3.Connection) -> int:
    mark = int(meta.get(conn, "attendees_pushed_rowid") or 0)
    return int(conn.execute(
        "SELECT count(*) FROM attendees WHERE (rowid > ? OR id IN (SELECT attendee_id FROM attendee_outbox))"
        f" AND {_NOT_PURGED}",
        (mark,)).fetchone()[0])


def mark_guests_sent(conn: sqlite3.Connection, records: Sequence[GuestRecord], reached: int) -> None:
    """Called after the hub stored ``records``: unqueue them, unless edited again meanwhile."""
    for r in records:
        current = conn.execute(f"{_SELECT} WHERE id = ?", (r.id,)).fetchone()
        if current is not None and _record(current).fields == r.fields:
            conn.execute("DELETE FROM attendee_outbox WHERE attendee_id = ?", (r.id,))
    meta.put(conn, "attendees_pushed_rowid", str(reached))


def local_guest(conn: sqlite3.Connection, attendee_id: str) -> GuestRecord | None:
    row = conn.execute(f"{_SELECT} WHERE id = ?", (attendee_id,)).fetchone()
    return None if row is None else _record(row)


def set_field_stamps(conn: sqlite3.Connection, attendee_id: str, stamps: dict[str, list[str]]) -> None:
    conn.execute("UPDATE attendees SET field_stamps = ? WHERE id = ?",
                 (json.dumps(stamps, separators=(",", ":")), attendee_id))


def sign_status(conn: sqlite3.Connection, attendee_id: str, stamp: str, device: str, signature: str) -> None:
    """Keep the organiser's signature beside a guest's status stamp (when it is still that stamp)."""
    conn.execute(
        "UPDATE attendees SET field_stamps = json_set(field_stamps, '$.status', json_array(?, ?, ?))"
        " WHERE id = ? AND status IS NOT NULL AND coalesce(json_extract(field_stamps, '$.status[0]'), created_at) = ?"
        " AND coalesce(json_extract(field_stamps, '$.status[1]'), source_device) = ?",
        (stamp, device, signature, attendee_id, stamp, device))


def queue_unsigned_statuses(conn: sqlite3.Connection, device_id: str) -> int:
    """Queue again the guests whose status this device wrote without a signature (a cancellation, or
    any edit after creation): written before the organiser's key existed, they are signed on the way
    out, so doors that pinned the key accept them. Returns how many."""
    cur = conn.execute(
        "INSERT OR IGNORE INTO attendee_outbox(attendee_id) SELECT id FROM attendees"
        " WHERE coalesce(json_extract(field_stamps, '$.status[1]'), source_device) = ?"
        " AND json_extract(field_stamps, '$.status[2]') IS NULL"
        " AND (status = 'cancelled' OR json_extract(field_stamps, '$.status[0]') IS NOT NULL)", (device_id,))
    return cur.rowcount


def unqueue_guest(conn: sqlite3.Connection, attendee_id: str) -> None:
    conn.execute("DELETE FROM attendee_outbox WHERE attendee_id = ?", (attendee_id,))


def follow_mark(conn: sqlite3.Connection, before_max: int) -> None:
    """Rows inserted by a pull came from the hub: move the push mark past them if nothing local
    was waiting below (``before_max``: max rowid before the pull, equal to the mark then)."""
    mark = int(meta.get(conn, "attendees_pushed_rowid") or 0)
    if mark >= before_max:
        top = int(conn.execute("SELECT coalesce(max(rowid), 0) FROM attendees").fetchone()[0])
        meta.put(conn, "attendees_pushed_rowid", str(top))


def max_guest_rowid(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT coalesce(max(rowid), 0) FROM attendees").fetchone()[0])


def cursors(conn: sqlite3.Connection, hub_id: str) -> tuple[int, int, int]:
    """(scan, guest, event) pull cursors for this hub."""
    row = conn.execute("SELECT pull_cursor, attendee_cursor, event_cursor FROM sync_state WHERE hub_id = ?",
                       (hub_id,)).fetchone()
    return (0, 0, 0) if row is None else (int(row[0]), int(row[1]), int(row[2]))


def save_cursors(conn: sqlite3.Connection, hub_id: str, *, guests: int | None = None,
                 events: int | None = None) -> None:
    conn.execute("INSERT OR IGNORE INTO sync_state(hub_id) VALUES (?)", (hub_id,))
    if guests is not None:
        conn.execute("UPDATE sync_state SET attendee_cursor = max(attendee_cursor, ?) WHERE hub_id = ?",
                     (guests, hub_id))
    if events is not None:
        conn.execute("UPDATE sync_state SET event_cursor = max(event_cursor, ?) WHERE hub_id = ?",
                     (events, hub_id))


def mark_presence_stale(conn: sqlite3.Connection, attendee_ids: Iterable[str]) -> None:
    conn.executemany("INSERT OR IGNORE INTO presence_stale(attendee_id) VALUES (?)", [(a,) for a in attendee_ids])


def stale_presence(conn: sqlite3.Connection) -> list[str]:
    return [str(r[0]) for r in conn.execute("SELECT attendee_id FROM presence_stale")]


def clear_stale_presence(conn: sqlite3.Connection, attendee_ids: Sequence[str]) -> None:
    conn.executemany("DELETE FROM presence_stale WHERE attendee_id = ?", [(a,) for a in attendee_ids])


def scans_of_guests_entered_twice(conn: sqlite3.Connection, event_id: str) -> list[Scan]:
    """Every scan of the guests with entries from two devices or more (the candidates for a
    duplicate entry), so the pure rule (kiosk.domain.merge.duplicate_entries) sees whole logs."""
    ids = [str(r[0]) for r in conn.execute(
        "SELECT attendee_id FROM scans WHERE event_id = ? AND attendee_id IS NOT NULL"
        " AND kind IN ('entry', 'override') GROUP BY attendee_id HAVING count(DISTINCT device_id) > 1",
        (event_id,))]
    return [s for a in ids for s in scan_store.for_attendee(conn, a)]


# --- what this kiosk holds, told to the hub at each contact (`kiosk hub status` compares) ------------
def id_bits(scan_id: str) -> int:
    """A scan id's share of the order-independent digest: its first 8 hex digits (32 bits); the hub
    reads its ids the same way (kiosk.adapters.hub.replica), so equal sets have equal sums of these."""
    try:
        return int(scan_id[:8], 16)
    except ValueError:
        return 0


def _tally(rows: Iterable[Sequence[object]]) -> tuple[int, int]:
    count = digest = 0
    for (scan_id,) in rows:
        count += 1
        digest += id_bits(str(scan_id))
    return count, digest


def holdings(conn: sqlite3.Connection, hub_id: str) -> list[dict[str, object]]:
    """Per event held: the scans it holds that the hub knows (pulled, or pushed and acknowledged) with
    those waiting for their guest, their digest, the scans still to push, the guests, and the pull
    cursors. Scans are append-only, so the tally of every scan up to a rowid mark is kept in meta and
    only newer ones are read (a 100,000-scan event is not summed at every round); the few still to
    push are taken off. Call in a transaction."""
    scan_cursor, guest_cursor, _events = cursors(conn, hub_id)
    top = _max_scan_rowid(conn)
    found: list[dict[str, object]] = []
    for (event_id,) in conn.execute("SELECT id FROM events ORDER BY id").fetchall():
        key = f"held_scans:{event_id}"
        saved = json.loads(meta.get(conn, key) or "[0, 0, 0]")
        mark, count, digest = (int(v) for v in saved) if int(saved[0]) <= top else (0, 0, 0)
        more = _tally(conn.execute("SELECT id FROM scans WHERE event_id = ? AND rowid > ? AND rowid <= ?",
                                   (event_id, mark, top)))
        count, digest = count + more[0], digest + more[1]
        meta.put(conn, key, json.dumps([top, count, digest]))
        unsent = _tally(conn.execute("SELECT id FROM scans WHERE received_at IS NULL AND event_id = ?", (event_id,)))
        waiting = _tally(conn.execute("SELECT id FROM pending_scans WHERE event_id = ?", (event_id,)))
        guests = conn.execute("SELECT count(*) FROM attendees WHERE event_id = ?", (event_id,)).fetchone()[0]
        found.append({"event_id": str(event_id), "scans": count - unsent[0] + waiting[0],
                      "digest": digest - unsent[1] + waiting[1], "waiting": waiting[0], "unsent": unsent[0],
                      "guests": int(guests), "scan_cursor": scan_cursor, "guest_cursor": guest_cursor})
    return found
