"""SQL for staff decisions about two guest records (``guest_links``) and badges printed anywhere
(``badge_prints``), migration 0010. Callers own the transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kiosk.domain.duplicates import GuestLink, LinkKind, resolve
from kiosk.domain.model import Attendee, Scan

LINK_COLUMNS = ("id", "event_id", "kind", "keep_id", "other_id", "device_id", "device_name", "made_at", "hlc")
PRINT_COLUMNS = ("id", "event_id", "attendee_id", "device_id", "device_name", "printed_at")


def _link(row: Sequence[object]) -> GuestLink:
    return GuestLink(str(row[0]), str(row[1]), LinkKind(str(row[2])), str(row[3]), str(row[4]), str(row[5]),
                     str(row[6]), str(row[7]), str(row[8]))


def add(conn: sqlite3.Connection, link: GuestLink) -> None:
    conn.execute(
        f"INSERT INTO guest_links({', '.join(LINK_COLUMNS)}) VALUES (?,?,?,?,?,?,?,?,?)",
        (link.id, link.event_id, link.kind.value, link.keep_id, link.other_id, link.device_id, link.device_name,
         link.made_at, link.hlc),
    )


def links(conn: sqlite3.Connection, event_id: str) -> list[GuestLink]:
    return [_link(r) for r in conn.execute(
        f"SELECT {', '.join(LINK_COLUMNS)} FROM guest_links WHERE event_id = ?", (event_id,))]


def merged_map(conn: sqlite3.Connection, event_id: str) -> dict[str, str]:
    """{merged-away guest: the guest it counts as} (kiosk.domain.duplicates.resolve)."""
    return resolve(links(conn, event_id))


def _event_of(conn: sqlite3.Connection, attendee_id: str) -> str | None:
    row = conn.execute("SELECT event_id FROM attendees WHERE id = ?", (attendee_id,)).fetchone()
    return None if row is None else str(row[0])


def link_count(conn: sqlite3.Connection) -> int:
    """Changes when a decision is recorded here or pulled (the occupancy fold's change signal)."""
    return int(conn.execute("SELECT count(*) FROM guest_links").fetchone()[0])


def has_merges(conn: sqlite3.Connection) -> bool:
    """One indexed probe: a door with no merge (nearly always) pays nothing more per read of the figures."""
    return conn.execute("SELECT 1 FROM guest_links WHERE kind = 'merge' LIMIT 1").fetchone() is not None


def counts_as(conn: sqlite3.Connection, attendee_id: str) -> str:
    """The guest whose presence ``attendee_id``'s scans count for (itself unless merged away)."""
    if not conn.execute("SELECT 1 FROM guest_links WHERE kind = 'merge' AND (other_id = ? OR keep_id = ?)"
                        " LIMIT 1", (attendee_id, attendee_id)).fetchone():
        return attendee_id
    event_id = _event_of(conn, attendee_id)
    return attendee_id if event_id is None else merged_map(conn, event_id).get(attendee_id, attendee_id)


def presence_log(conn: sqlite3.Connection, attendee_id: str) -> list[Scan]:
    """Every scan of the person ``attendee_id`` is: its own and those of the guests merged into it."""
    from kiosk.store import scans as scan_store

    own = scan_store.for_attendee(conn, attendee_id)
    if not conn.execute("SELECT 1 FROM guest_links WHERE kind = 'merge' AND keep_id = ? LIMIT 1",
                        (attendee_id,)).fetchone():
        return own
    event_id = _event_of(conn, attendee_id)
    if event_id is None:
        return own
    merged = [g for g, keep in merged_map(conn, event_id).items() if keep == attendee_id]
    scans = own + [s for g in merged for s in scan_store.for_attendee(conn, g)]
    return sorted(scans, key=lambda s: (s.device_time, s.id))


def walk_ins(conn: sqlite3.Connection, event_id: str) -> list[Attendee]:
    from kiosk.store import attendees as attendee_store

    cols = attendee_store._COLUMNS  # the attendee row as the attendee store reads it
    return [attendee_store.from_row(r) for r in conn.execute(
        f"SELECT {cols} FROM attendees WHERE event_id = ? AND source = 'walk-in' AND status = 'valid'",
        (event_id,))]


_HUB_DEVICES = "hub_devices"


def save_hub_devices(conn: sqlite3.Connection, devices: Sequence[tuple[str, str, str]]) -> None:
    """The kiosks the hub has heard from: (device id, name, last contact UTC ISO-8601), at the last sync."""
    from kiosk.store import meta

    meta.put(conn, _HUB_DEVICES, json.dumps([list(d) for d in devices], separators=(",", ":")))


def hub_devices(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    from kiosk.store import meta

    raw = meta.get(conn, _HUB_DEVICES)
    return [(str(d[0]), str(d[1]), str(d[2])) for d in json.loads(raw)] if raw else []


def device_names(conn: sqlite3.Connection, device_ids: Iterable[str]) -> dict[str, str]:
    """Names of devices as the hub, their scans, links and badges carry them (the latest one seen)."""
    ids = sorted(set(device_ids))
    if not ids:
        return {}
    known = {d: n for d, n, _ in hub_devices(conn) if d in ids}
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        f"SELECT device_id, device_name FROM (SELECT device_id, device_name, device_time AS t FROM scans"
        f" WHERE device_id IN ({marks}) UNION ALL SELECT device_id, device_name, made_at FROM guest_links"
        f" WHERE device_id IN ({marks}) UNION ALL SELECT device_id, device_name, printed_at FROM badge_prints"
        f" WHERE device_name IS NOT NULL AND device_id IN ({marks})) ORDER BY t", ids * 3)
    return known | {str(d): str(n) for d, n in rows}


def repoint_print_jobs(conn: sqlite3.Connection, other_id: str, keep_id: str) -> None:
    """This kiosk's print records of a merged-away guest now belong to the kept one."""
    conn.execute("UPDATE print_jobs SET attendee_id = ? WHERE attendee_id = ?", (keep_id, other_id))


# --- replication --------------------------------------------------------------------------
def unsent_links(conn: sqlite3.Connection, limit: int) -> list[tuple[object, ...]]:
    return _unsent(conn, "guest_links", LINK_COLUMNS, limit)


def count_unsent_links(conn: sqlite3.Connection) -> int:
    return _count_unsent(conn, "guest_links")


def mark_links_received(conn: sqlite3.Connection, receipts: Iterable[tuple[str, str]]) -> None:
    _mark_received(conn, "guest_links", receipts)


def insert_pulled_links(conn: sqlite3.Connection, rows: Sequence[Sequence[object]]) -> list[GuestLink]:
    """Links pulled from the hub (LINK_COLUMNS + received_at) this kiosk did not hold, for an event it holds."""
    fresh: list[GuestLink] = []
    for r in rows:
        cur = conn.execute(
            f"INSERT INTO guest_links({', '.join(LINK_COLUMNS)}, received_at) SELECT ?,?,?,?,?,?,?,?,?,?"
            " WHERE EXISTS (SELECT 1 FROM events WHERE id = ?2) ON CONFLICT(id) DO NOTHING", tuple(r))
        if cur.rowcount == 1:
            fresh.append(_link(r))
    return fresh


def unsent_prints(conn: sqlite3.Connection, limit: int) -> list[tuple[object, ...]]:
    return _unsent(conn, "badge_prints", PRINT_COLUMNS, limit)


def count_unsent_prints(conn: sqlite3.Connection) -> int:
    return _count_unsent(conn, "badge_prints")


def mark_prints_received(conn: sqlite3.Connection, receipts: Iterable[tuple[str, str]]) -> None:
    _mark_received(conn, "badge_prints", receipts)


# Both replicated facts (links, prints) wait in their table with received_at NULL until the hub has them.
# Table and column names are this module's constants, never input: safe to splice.
def _unsent(conn: sqlite3.Connection, table: str, columns: Sequence[str], limit: int) -> list[tuple[object, ...]]:
    return [tuple(r) for r in conn.execute(
        f"SELECT {', '.join(columns)} FROM {table} WHERE received_at IS NULL ORDER BY rowid LIMIT ?", (limit,))]


def _count_unsent(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT count(*) FROM {table} WHERE received_at IS NULL").fetchone()[0])


def _mark_received(conn: sqlite3.Connection, table: str, receipts: Iterable[tuple[str, str]]) -> None:
    conn.executemany(f"UPDATE {table} SET received_at = ? WHERE id = ? AND received_at IS NULL",
                     [(at, i) for i, at in receipts])


def insert_pulled_prints(conn: sqlite3.Connection, rows: Sequence[Sequence[object]]) -> int:
    before = conn.total_changes
    conn.executemany(
        f"INSERT INTO badge_prints({', '.join(PRINT_COLUMNS)}, received_at) SELECT ?,?,?,?,?,?,?"
        " WHERE EXISTS (SELECT 1 FROM events WHERE id = ?2) ON CONFLICT(id) DO NOTHING", [tuple(r) for r in rows])
    return conn.total_changes - before


@dataclass(frozen=True)
class BadgePrint:
    attendee_id: str
    device_id: str
    device_name: str | None
    printed_at: str


def prints_of(conn: sqlite3.Connection, attendee_ids: Sequence[str]) -> list[BadgePrint]:
    """Badges printed for these guests, anywhere, latest first."""
    if not attendee_ids:
        return []
    marks = ",".join("?" * len(attendee_ids))
    return [BadgePrint(str(r[0]), str(r[1]), None if r[2] is None else str(r[2]), str(r[3])) for r in conn.execute(
        f"SELECT attendee_id, device_id, device_name, printed_at FROM badge_prints WHERE attendee_id IN ({marks})"
        " ORDER BY printed_at DESC", list(attendee_ids))]


def merged_into(conn: sqlite3.Connection, keep_id: str) -> list[str]:
    event_id = _event_of(conn, keep_id)
    if event_id is None:
        return []
    return [g for g, k in merged_map(conn, event_id).items() if k == keep_id]
