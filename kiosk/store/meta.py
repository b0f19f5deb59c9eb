"""Small key/value facts about this database: install id, active event."""

from __future__ import annotations

import sqlite3
import uuid


def get(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def put(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def install_id(conn: sqlite3.Connection) -> str:
    """A UUID minted once per database (before v8 the root of its device ids; see
    kiosk.store.replication.device_id for the device identity now)."""
    existing = get(conn, "install_id")
    if existing:
        return existing
    value = str(uuid.uuid4())
    conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('install_id', ?)", (value,))
    return get(conn, "install_id") or value
