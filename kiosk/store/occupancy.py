"""What the occupancy fold reads: new rows of the scan log, registrations' groups, and a change signal."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass

from kiosk.domain.occupancy import Move, Person


@dataclass(frozen=True)
class LogTail:
    """The log's rows after a rowid: the fold's moves, and each device's latest scan (its last contact)."""

    moves: list[Move]
    devices: dict[str, tuple[str, str]]  # device id → (device name, latest device time)
    last_rowid: int
    complete: bool = True  # False: ``limit`` rows were read and more may follow


def data_version(conn: sqlite3.Connection) -> int:
    """Changes when another connection commits to the file (SQLite's cheap change signal)."""
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


def top_rowid(conn: sqlite3.Connection) -> int:
    """The log's last rowid (every event's): how far a first load has to read."""
    return int(conn.execute("SELECT coalesce(max(rowid), 0) FROM scans").fetchone()[0])


def log_tail(conn: sqlite3.Connection, event_id: str, after_rowid: int = 0,
             merged: Mapping[str, str] | None = None, *, limit: int | None = None) -> LogTail:
    """Rows appended since ``after_rowid``: the log is append-only, so this is all that changed.
    ``merged``: guests merged into another (kiosk.domain.duplicates), whose moves are that one's.
    ``limit``: read at most that many rows (a long replay, in steps)."""
    merged = merged or {}
    rows = conn.execute(
        "SELECT rowid, id, attendee_id, kind, device_time, target_id, device_id, device_name, hlc FROM scans"
        " WHERE rowid > ? AND +event_id = ? ORDER BY rowid LIMIT ?",  # +: walk the rowid
        (after_rowid, event_id, -1 if limit is None else limit))
    moves: list[Move] = []
    devices: dict[str, tuple[str, str]] = {}
    last = after_rowid
    read = 0
    for rowid, scan_id, attendee_id, kind, device_time, target_id, device_id, device_name, hlc in rows:
        last = rowid
        read += 1
        if attendee_id is not None and kind != "refused":
            moves.append(Move(scan_id, merged.get(attendee_id, attendee_id), kind, device_time, target_id, hlc))
        seen = devices.get(device_id)
        if seen is None or device_time > seen[1]:
            devices[device_id] = (device_name, device_time)
    return LogTail(moves, devices, last, complete=limit is None or read < limit)


def people(conn: sqlite3.Connection, event_id: str) -> list[Person]:
    rows = conn.execute(
        "SELECT id, status = 'valid', source = 'walk-in', workshop, category FROM attendees WHERE event_id = ?",
        (event_id,))
    return [Person(r[0], bool(r[1]), bool(r[2]), r[3], r[4]) for r in rows]


@dataclass(frozen=True)
class PresentRow:
    id: str
    first_name: str
    last_name: str
    organisation: str | None
    cancelled: bool


def present_rows(conn: sqlite3.Connection, attendee_ids: list[str]) -> list[PresentRow]:
    """Names for the evacuation list (and only for it: the screen never reads names)."""
    found: list[PresentRow] = []
    for start in range(0, len(attendee_ids), 500):
        chunk = attendee_ids[start:start + 500]
        rows = conn.execute(
            "SELECT id, first_name, last_name, organisation, status = 'cancelled' FROM attendees"
            f" WHERE id IN ({','.join('?' * len(chunk))})", chunk)
        found.extend(PresentRow(r[0], r[1], r[2], r[3], bool(r[4])) for r in rows)
    return found
