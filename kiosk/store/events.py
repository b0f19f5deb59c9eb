"""Events with their workshops and categories."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence

from kiosk.domain import merge
from kiosk.domain.model import Category, Event, Workshop
from kiosk.store import hlc as hlc_store
from kiosk.store import meta

Wire = dict[str, list[str | None]]  # {field: [value, HLC stamp, device id]} (kiosk.domain.merge)


def insert(conn: sqlite3.Connection, event: Event, *, now: str, device_id: str, wire: Wire | None = None) -> None:
    """Store a new event. Each field is stamped with this kiosk's next HLC tick, or with the stamps
    of ``wire`` (an event joined from the hub keeps the stamps it has there)."""
    _insert_rows(conn, event, now=now, device_id=device_id)
    if wire is None:
        stamp = hlc_store.tick(conn, now)
        stamps = {f: [stamp, device_id] for f in merge.event_values(event)}
    else:
        stamps = {f: _stamp(v) for f, v in wire.items()}
    _set_stamps(conn, event.id, stamps)


def _stamp(version: Sequence[str | None]) -> list[str]:
    """A wire version's stamp as stored: [hlc, device], and the organiser's signature when signed."""
    return [str(version[1]), str(version[2]), *[str(s) for s in version[3:4] if s]]


def _insert_rows(conn: sqlite3.Connection, event: Event, *, now: str, device_id: str) -> None:
    conn.execute(
        "INSERT INTO events(id, name, starts_at, venue, capacity, tagline, codes_case_sensitive,"
        " privacy_notice, retention, created_at, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (event.id, event.name, event.starts_at, event.venue, event.capacity, event.tagline,
         int(event.codes_case_sensitive), event.privacy_notice, event.retention, now, now, device_id),
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
        privacy_notice=row["privacy_notice"], retention=row["retention"],
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


def _set_stamps(conn: sqlite3.Connection, event_id: str, stamps: Mapping[str, Sequence[str]]) -> None:
    conn.execute("UPDATE events SET field_stamps = ? WHERE id = ?",
                 (json.dumps(dict(sorted(stamps.items())), separators=(",", ":")), event_id))


def record(conn: sqlite3.Connection, event_id: str) -> Wire | None:
    """The event in the wire form: every field's value and stamp, tombstones included."""
    row = conn.execute("SELECT created_at, updated_by, field_stamps FROM events WHERE id = ?", (event_id,)).fetchone()
    event = get(conn, event_id)
    if row is None or event is None:
        return None
    stamps: dict[str, list[str]] = json.loads(row["field_stamps"])
    values: dict[str, str | None] = {f: None for f in stamps}  # stamped but absent: removed
    values.update(merge.event_values(event))
    base = [row["created_at"], row["updated_by"]]
    return {f: [v, *stamps.get(f, base)] for f, v in sorted(values.items())}


def replace(conn: sqlite3.Connection, event_id: str, wire: Mapping[str, Sequence[str | None]], *, now: str) -> Event:
    """Make the stored event what ``wire`` (a merged record) says: its fields, workshops,
    categories and stamps. Guests keep their workshop and category text whatever happens here."""
    event = merge.event_from_values(event_id, {f: v[0] for f, v in wire.items()})
    conn.execute(
        "UPDATE events SET name=?, starts_at=?, venue=?, capacity=?, tagline=?, codes_case_sensitive=?,"
        " privacy_notice=?, updated_at=? WHERE id=?",
        (event.name, event.starts_at, event.venue, event.capacity, event.tagline, int(event.codes_case_sensitive),
         event.privacy_notice, now, event_id))
    conn.execute("DELETE FROM workshops WHERE event_id = ?", (event_id,))
    conn.execute("DELETE FROM categories WHERE event_id = ?", (event_id,))
    conn.executemany("INSERT INTO workshops(event_id, name, capacity, position) VALUES (?,?,?,?)",
                     [(event_id, w.name, w.capacity, i) for i, w in enumerate(event.workshops)])
    conn.executemany("INSERT INTO categories(event_id, name, color, position) VALUES (?,?,?,?)",
                     [(event_id, c.name, c.color, i) for i, c in enumerate(event.categories)])
    _set_stamps(conn, event_id, {f: _stamp(v) for f, v in wire.items()})
    return event


def edit(conn: sqlite3.Connection, event_id: str, values: Mapping[str, str | None], *, now: str,
         device_id: str) -> Event | None:
    """A local edit: the fields in ``values`` that change get this kiosk's next HLC tick. None when
    nothing changes (or there is no such event)."""
    current = record(conn, event_id)
    if current is None:
        return None
    changed = {f: v for f, v in values.items() if f not in current or current[f][0] != v}
    if not changed:
        return None
    stamp = hlc_store.tick(conn, now)
    return replace(conn, event_id, {**current, **{f: [v, stamp, device_id] for f, v in changed.items()}}, now=now)


def created_at(conn: sqlite3.Connection, event_id: str) -> str | None:
    """When the event was made here: its date for the retention when it has no start."""
    row = conn.execute("SELECT created_at FROM events WHERE id = ?", (event_id,)).fetchone()
    return None if row is None else str(row[0])
