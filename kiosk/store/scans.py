"""The append-only scan log."""

from __future__ import annotations

import sqlite3

from kiosk.domain.model import Scan, ScanKind, Verdict
from kiosk.domain.rules import UNDOABLE
from kiosk.store import hlc as hlc_store

_UNDOABLE_SQL = ", ".join(f"'{kind.value}'" for kind in sorted(UNDOABLE))  # the rule is kiosk.domain.rules

_COLUMNS = (
    "id, event_id, attendee_id, code, kind, verdict, target_id, device_id, device_name, staff, reason,"
    " device_time, received_at, hlc"
)


def from_row(row: sqlite3.Row) -> Scan:
    return Scan(
        id=row["id"], event_id=row["event_id"], attendee_id=row["attendee_id"], code=row["code"],
        kind=ScanKind(row["kind"]), verdict=Verdict(row["verdict"]), device_id=row["device_id"],
        device_name=row["device_name"], device_time=row["device_time"], target_id=row["target_id"],
        staff=row["staff"], reason=row["reason"], received_at=row["received_at"],
        hlc=row["hlc"],
    )


def append(conn: sqlite3.Connection, s: Scan) -> None:
    """Append a scan; one made here gets this kiosk's next HLC stamp in the same transaction."""
    hlc = s.hlc or hlc_store.tick(conn, s.device_time)
    conn.execute(
        f"INSERT INTO scans({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (s.id, s.event_id, s.attendee_id, s.code, s.kind.value, s.verdict.value, s.target_id, s.device_id,
         s.device_name, s.staff, s.reason, s.device_time, s.received_at, hlc),
    )


def get(conn: sqlite3.Connection, scan_id: str) -> Scan | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM scans WHERE id = ?", (scan_id,)).fetchone()
    return None if row is None else from_row(row)


def for_attendee(conn: sqlite3.Connection, attendee_id: str) -> list[Scan]:
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM scans WHERE attendee_id = ? ORDER BY device_time, id", (attendee_id,)
    )
    return [from_row(r) for r in rows]


def last_of_device(conn: sqlite3.Connection, device_id: str) -> Scan | None:
    """The most recent scan this device made, whatever its kind."""
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM scans WHERE device_id = ? ORDER BY device_time DESC, rowid DESC LIMIT 1",
        (device_id,),
    ).fetchone()
    return None if row is None else from_row(row)


def last_undoable(conn: sqlite3.Connection, device_id: str) -> Scan | None:
    """The device's latest entry/exit/override that no undo has reverted yet."""
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM scans s WHERE device_id = ? AND kind IN ({_UNDOABLE_SQL})"
        " AND NOT EXISTS (SELECT 1 FROM scans u WHERE u.kind = 'undo' AND u.target_id = s.id)"
        " ORDER BY device_time DESC, rowid DESC LIMIT 1",
        (device_id,),
    ).fetchone()
    return None if row is None else from_row(row)


def is_undone(conn: sqlite3.Connection, scan_id: str) -> bool:
    return conn.execute("SELECT 1 FROM scans WHERE kind = 'undo' AND target_id = ?", (scan_id,)).fetchone() is not None


def recent(conn: sqlite3.Connection, event_id: str, *, limit: int = 20, device_id: str | None = None) -> list[Scan]:
    if device_id is None:
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM scans WHERE event_id = ? ORDER BY device_time DESC, rowid DESC LIMIT ?",
            (event_id, limit),
        )
    else:
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM scans WHERE event_id = ? AND device_id = ?"
            " ORDER BY device_time DESC, rowid DESC LIMIT ?",
            (event_id, device_id, limit),
        )
    return [from_row(r) for r in rows]


def attendee_ids_with_scans(conn: sqlite3.Connection, event_id: str) -> list[str]:
    rows = conn.execute(
        "SELECT DISTINCT attendee_id FROM scans WHERE event_id = ? AND attendee_id IS NOT NULL", (event_id,)
    )
    return [str(r[0]) for r in rows]


def count(conn: sqlite3.Connection, event_id: str) -> int:
    return int(conn.execute("SELECT count(*) FROM scans WHERE event_id = ?", (event_id,)).fetchone()[0])


def device_names(conn: sqlite3.Connection) -> dict[str, str]:
    """Each device's current name: the one on its latest scan by HLC (table device_names, kept by
    trigger). A scan keeps the name it was made under; screens that name a device use this."""
    return {str(r[0]): str(r[1]) for r in conn.execute("SELECT device_id, name FROM device_names")}
