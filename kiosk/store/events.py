"""Events with their workshops and categories."""

from __future__ import annotations

import sqlite3

from kiosk.domain.model import Category, Event, Workshop
from kiosk.store import meta


def insert(conn: sqlite3.Connection, event: Event, *, now: str, device_id: str) -> None:
    conn.execute(
        "INSERT INTO events(id, name, starts_at, venue, capacity, tagline, codes_case_sensitive,"
        " privacy_notice, created_at, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (event.id, event.name, event.starts_at, event.venue, event.capacity, event.tagline,
         int(event.codes_case_sensitive), event.privacy_notice, now, now, device_id),
    )
    conn.executemany(
        "INSERT INTO workshops(event_id, name, capacity, position) VALUES (?,?,?,?)",
        [(event.id, w.name, w.capacity, i) for i, w in enumerate(event.workshops)],
    )
    conn.executemany(
        "INSERT INTO categories(event_id, name, color, position) VALUES (?,?,?,?)",
        [(event.id, c.name, c.color, i) for i, c in enumerate(event.categories)],
    )


def get(conn: sqlite3.Connection, event_id: str) -> Event | None:
    row = conn.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        return None
    workshops = tuple(
        Workshop(r["name"], r["capacity"])
        for r in conn.execute("SELECT * FROM workshops WHERE event_id = ? ORDER BY position", (event_id,))
    )
    categories = tuple(
        Category(r["name"], r["color"])
        for r in conn.execute("SELECT * FROM categories WHERE event_id = ? ORDER BY position", (event_id,))
    )
    return Event(
        id=row["id"], name=row["name"], starts_at=row["starts_at"], venue=row["venue"],
        capacity=row["capacity"], tagline=row["tagline"],
        codes_case_sensitive=bool(row["codes_case_sensitive"]), workshops=workshops, categories=categories,
        privacy_notice=row["privacy_notice"],
    )


def active(conn: sqlite3.Connection) -> Event | None:
    """The event this data dir serves (one active event per data dir)."""
    event_id = meta.get(conn, "active_event")
    return get(conn, event_id) if event_id else None


def set_active(conn: sqlite3.Connection, event_id: str) -> None:
    meta.put(conn, "active_event", event_id)


def all_events(conn: sqlite3.Connection) -> list[Event]:
    """Every event in the database, oldest first."""
    ids = [str(r[0]) for r in conn.execute("SELECT id FROM events ORDER BY created_at, rowid")]
    return [e for e in (get(conn, i) for i in ids) if e is not None]
