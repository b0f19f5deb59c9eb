"""Attendee records, their search index and the presence columns derived from the scan log."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.domain.codes import code_key as make_code_key
from kiosk.domain.model import SORT_KEYS, WALK_IN, Attendee, Presence, Status
from kiosk.domain.text import email_key, names_match, search_text, tokens
from kiosk.store import db
from kiosk.store import hlc as hlc_store
from kiosk.store.db import transaction

EDITABLE = ("ticket_code", "first_name", "last_name", "email", "organisation", "category", "workshop", "status")
_COLUMNS = (
    "id, event_id, ticket_code, first_name, last_name, email, organisation, category, workshop,"
    " status, source, source_device, created_at, updated_at"
)
SORTS = {  # one ORDER BY per kiosk.domain.model.SORT_KEYS
    "last_name": "last_name COLLATE NOCASE, first_name COLLATE NOCASE",
    "first_name": "first_name COLLATE NOCASE, last_name COLLATE NOCASE",
    "organisation": "organisation COLLATE NOCASE, last_name COLLATE NOCASE, first_name COLLATE NOCASE",
}
assert tuple(SORTS) == SORT_KEYS


def from_row(row: sqlite3.Row) -> Attendee:
    return Attendee(
        id=row["id"], event_id=row["event_id"], first_name=row["first_name"], last_name=row["last_name"],
        ticket_code=row["ticket_code"], email=row["email"], organisation=row["organisation"],
        category=row["category"], workshop=row["workshop"], status=Status(row["status"]),
        source=row["source"], source_device=row["source_device"], created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def _index_text(a: Attendee) -> str:
    return search_text(a.first_name, a.last_name, a.organisation, a.email, a.ticket_code)


def _values(
    a: Attendee, case_sensitive: bool, now: str, device_id: str, import_key: str | None = None,
    stamps: str = "{}",
) -> tuple[object, ...]:
    key = make_code_key(a.ticket_code, case_sensitive=case_sensitive) if a.ticket_code else None
    return (
        a.id, a.event_id, a.ticket_code, key or None, a.first_name, a.last_name, a.email, email_key(a.email),
        a.organisation, a.category, a.workshop, a.status.value, a.source, a.source_device or device_id,
        a.created_at or now, a.updated_at or now, device_id, _index_text(a), import_key, stamps,
    )


_STAGED_COLUMNS = (
    "id, event_id, ticket_code, code_key, first_name, last_name, email, email_key, organisation, category,"
    " workshop, status, source, source_device, created_at, updated_at, updated_by, search_text, import_key,"
    " field_stamps"
)
_INSERT = f"INSERT INTO attendees({_STAGED_COLUMNS}) VALUES ({','.join('?' * 20)})"


def insert(conn: sqlite3.Connection, a: Attendee, *, case_sensitive: bool, now: str, device_id: str) -> None:
    insert_many(conn, [a], case_sensitive=case_sensitive, now=now, device_id=device_id)


def insert_many(
    conn: sqlite3.Connection, rows: Iterable[Attendee], *, case_sensitive: bool, now: str, device_id: str,
    import_keys: Mapping[str, str] | None = None,
) -> None:
    """Insert attendees and index them for search in one bulk step (call inside a transaction).

    ``import_keys`` (attendee id -> key) is the identity an export gave code-less guests."""
    keys = import_keys or {}
    values = [_values(a, case_sensitive, now, device_id, keys.get(a.id)) for a in rows]
    insert_values(conn, values)


def prepared_values(
    rows: Iterable[Attendee], *, case_sensitive: bool, now: str, device_id: str,
    import_keys: Mapping[str, str] | None = None, stamps: Mapping[str, str] | None = None,
) -> list[tuple[object, ...]]:
    """Everything :func:`insert_values` writes, computed up front: a join of the hub's guests prepares
    its rows outside the write transaction so the door is kept waiting only for the writes themselves
    (an import builds its own, lighter rows: :func:`stage_new`). ``stamps`` (attendee id ->
    field_stamps JSON): what a guest pulled from the hub brings."""
    keys, stamped = import_keys or {}, stamps or {}
    return [_values(a, case_sensitive, now, device_id, keys.get(a.id), stamped.get(a.id, "{}")) for a in rows]


NEW_GUEST_COLUMNS = (
    "id", "ticket_code", "code_key", "first_name", "last_name", "email", "email_key", "organisation", "category",
    "workshop", "status", "search_text", "import_key",
)


@dataclass(frozen=True)
class NewGuests:
    """What every new guest of one import shares. Staged once, not in each of 100,000 rows: a third less
    to bind, stage and copy (the ids and times are the longest values of a row)."""

    event_id: str
    source: str
    device_id: str
    now: str


_STAGED_NEW = ", ".join(NEW_GUEST_COLUMNS)
_NEW_STATUS, _NEW_WORKSHOP, _NEW_CATEGORY = (NEW_GUEST_COLUMNS.index(c) for c in ("status", "workshop", "category"))
# What the last import brought (migration 0017): AS_IMPORTED ("the row's own values", what an import's new
# guests get), else EDITABLE's values joined by U+001F (imported_record), else NULL (no record).
AS_IMPORTED = ""
IMPORTED_SEPARATOR = "\x1f"
_IMPORTED_TRIGGER = "attendees_imported_before_edit"  # migration 0017
_FROM_NEW = (
    "SELECT id, :event, ticket_code, code_key, first_name, last_name, email, email_key, organisation, category,"
    " workshop, status, :source, :device, :now, :now, :device, search_text, import_key, '{}', ''"
    " FROM temp.import_staged"
)


def stage_new(conn: sqlite3.Connection, rows: Sequence[tuple[object, ...]], shared: NewGuests) -> None:
    """Stage an import's new guests, rows of NEW_GUEST_COLUMNS (positional), like :func:`stage_values`;
    :func:`insert_staged` given the same ``shared`` copies them in."""
    groups = Counter((r[_NEW_STATUS], r[_NEW_WORKSHOP] or "", r[_NEW_CATEGORY] or "") for r in rows)
    _stage(conn, _STAGED_NEW, rows, [(shared.event_id, status, workshop, category, shared.source == WALK_IN, n)
                                      for (status, workshop, category), n in groups.items()])


def stage_values(conn: sqlite3.Connection, values: Sequence[tuple[object, ...]]) -> None:
    """Copy prepared rows into a TEMP table (this connection's own temp database): no lock on the event's
    database is taken, so the door keeps checking in while a large import is staged. Their door figures
    are counted here too (in Python: 10x faster than SQLite grouping the staged rows under the lock)."""
    groups = Counter(map(_count_group, values))
    _stage(conn, _STAGED_COLUMNS, values, [(*group, n) for group, n in groups.items()])


def _stage(conn: sqlite3.Connection, columns: str, rows: Sequence[tuple[object, ...]],
           counts: list[tuple[object, ...]]) -> None:
    conn.execute("DROP TABLE IF EXISTS temp.import_staged")
    conn.execute("DROP TABLE IF EXISTS temp.import_staged_counts")
    conn.execute(f"CREATE TEMP TABLE import_staged AS SELECT {columns} FROM main.attendees WHERE 0")
    conn.execute("CREATE TEMP TABLE import_staged_counts(event_id, status, workshop, category, walk_in, registered)")
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")  # deferred: the first write goes to the temp database only
    marks = ", ".join("?" * len(columns.split(",")))
    conn.executemany(f"INSERT INTO temp.import_staged VALUES ({marks})", rows)
    conn.executemany("INSERT INTO temp.import_staged_counts VALUES (?, ?, ?, ?, ?, ?)", counts)
    if own:
        conn.execute("COMMIT")


# Positions in a full staged row (see _STAGED_COLUMNS) of what the door figures count.
_EVENT, _CATEGORY, _WORKSHOP, _STATUS_AT, _SOURCE = 1, 9, 10, 11, 12


def _count_group(v: tuple[object, ...]) -> tuple[object, ...]:
    return v[_EVENT], v[_STATUS_AT], v[_WORKSHOP] or "", v[_CATEGORY] or "", v[_SOURCE] == WALK_IN


def insert_staged(conn: sqlite3.Connection, shared: NewGuests | None = None) -> int:
    """Insert the rows :func:`stage_values` (or :func:`stage_new`, given its ``shared``) staged and count
    them (inside a transaction): the part of a large import that must hold the write lock, all in
    SQLite's C loops. They join the search backlog (migration 0011): search finds them at once, and
    :func:`catch_up_search`, run after the commit, indexes them in short transactions. Returns the rows
    inserted."""
    _open_backlog(conn, _top_rowid(conn))
    staged = int(conn.execute("SELECT count(*) FROM temp.import_staged").fetchone()[0])
    # Into a table smaller than the import (a first import, a join), dropping the secondary indexes and
    # building them again once sorted is twice as fast as 100,000 random inserts into each (the lock is
    # held for this). Inside the transaction: other connections see the old indexes until the commit.
    rebuilt = _secondary_indexes(conn) if staged > 10_000 and staged >= _top_rowid(conn) else []
    for name, _sql in rebuilt:
        conn.execute(f'DROP INDEX main."{name}"')
    if shared is None:
        cursor = conn.execute(f"INSERT INTO main.attendees({_STAGED_COLUMNS}) SELECT * FROM temp.import_staged")
    else:
        cursor = conn.execute(f"INSERT INTO main.attendees({_STAGED_COLUMNS}, imported) {_FROM_NEW}", {
            "event": shared.event_id, "source": shared.source, "device": shared.device_id, "now": shared.now})
    for _name, sql in rebuilt:
        conn.execute(sql)
    conn.execute(_COUNT_STAGED)
    return cursor.rowcount


def _secondary_indexes(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(name, CREATE statement) of the attendees' own indexes (the primary key's has no statement)."""
    rows = conn.execute("SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name = 'attendees'"
                        " AND sql IS NOT NULL ORDER BY name")
    return [(str(r[0]), str(r[1])) for r in rows]


def drop_staged(conn: sqlite3.Connection) -> None:
    conn.execute("DROP TABLE IF EXISTS temp.import_staged")
    conn.execute("DROP TABLE IF EXISTS temp.import_staged_counts")
    conn.execute("DROP TABLE IF EXISTS temp.import_updates")
    conn.execute("DROP TABLE IF EXISTS temp.import_imported")


def imported_record(values: Sequence[str | None]) -> str:
    """What an import brought for one guest as stored (migration 0017): EDITABLE's values in order."""
    return IMPORTED_SEPARATOR.join(v or "" for v in values)


_KEEPS_EMPTY = frozenset({"first_name", "last_name"})  # never None: "" is their empty value


def read_imported(text: str | None) -> dict[str, str | None] | None:
    """The values :func:`imported_record` stored, by field; None when there is no usable record (none
    stored, or a value held U+001F itself, which the reader lets through in rare files). AS_IMPORTED is
    the caller's to read: the row's own values."""
    if not text:
        return None
    parts = text.split(IMPORTED_SEPARATOR)
    if len(parts) != len(EDITABLE):
        return None
    return {f: (v if v or f in _KEEPS_EMPTY else None) for f, v in zip(EDITABLE, parts, strict=True)}


def imported_records(conn: sqlite3.Connection, ids: Sequence[str]) -> list[tuple[str, str]]:
    """(guest id, what its last import brought: AS_IMPORTED or a record) of those of ``ids`` that have one."""
    return [(str(r[0]), str(r[1])) for r in conn.execute(
        "SELECT id, imported FROM attendees WHERE id IN (SELECT value FROM json_each(?)) AND imported IS NOT NULL",
        (json.dumps(list(ids)),))]


def stage_imported(conn: sqlite3.Connection, rows: Sequence[tuple[str, str]]) -> None:
    """(guest id, AS_IMPORTED or :func:`imported_record`) of the guests whose record an import renews, staged
    outside any lock like :func:`stage_updates`; :func:`apply_staged_imported` writes them (after the import's
    own updates, which migration 0017's trigger took for edits)."""
    conn.execute("DROP TABLE IF EXISTS temp.import_imported")
    conn.execute("CREATE TEMP TABLE import_imported(id TEXT PRIMARY KEY, imported TEXT) WITHOUT ROWID")
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")
    conn.executemany("INSERT INTO temp.import_imported VALUES (?, ?)", rows)
    if own:
        conn.execute("COMMIT")


def apply_staged_imported(conn: sqlite3.Connection) -> None:
    """Write the records :func:`stage_imported` staged (inside the import's transaction). Only the
    ``imported`` column: neither the push outbox nor the edit counter is moved (migration 0017)."""
    if conn.execute("SELECT 1 FROM temp.import_imported LIMIT 1").fetchone() is None:
        return
    conn.execute("UPDATE attendees SET imported = s.imported FROM temp.import_imported AS s WHERE attendees.id = s.id")


def insert_all_or_none(conn: sqlite3.Connection, values: Sequence[tuple[object, ...]]) -> bool:
    """Insert prepared rows (see prepared_values) through the staged path, all of them or, when one
    clashes with a guest already here (its code), none: False then, and the caller goes one by one.
    Inside the caller's transaction (a savepoint)."""
    conn.execute("SAVEPOINT all_or_none")
    try:
        stage_values(conn, values)
        insert_staged(conn)
    except sqlite3.IntegrityError:
        conn.execute("ROLLBACK TO all_or_none")
        return False
    finally:
        conn.execute("RELEASE all_or_none")
        drop_staged(conn)
    return True


def existing_ids(conn: sqlite3.Connection, ids: Sequence[str]) -> set[str]:
    """Which of these guest ids this kiosk already holds (one query for a page of 20,000)."""
    return {str(r[0]) for r in conn.execute(
        "SELECT id FROM attendees WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(list(ids)),))}


# New rows have no entry yet: their door figures were counted when they were staged.
_COUNT_STAGED = (
    "INSERT INTO attendee_counts(event_id, status, workshop, category, walk_in, registered, checked_in, inside)"
    " SELECT event_id, status, workshop, category, walk_in, registered, 0, 0 FROM temp.import_staged_counts"
    " WHERE true ON CONFLICT DO UPDATE SET registered = registered + excluded.registered"
)


def insert_values(conn: sqlite3.Connection, values: Sequence[tuple[object, ...]]) -> None:
    """Insert rows made by :func:`prepared_values`, index them for search and count them (in a transaction).
    While a large import's backlog is being indexed they join it instead (the door never waits for that)."""
    before = _top_rowid(conn)
    indexed = _open_backlog(conn, before)
    conn.executemany(_INSERT, values)
    if indexed:
        index_backlog(conn)
    conn.execute(_COUNT_NEW, (before,))


def _top_rowid(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT coalesce(max(rowid), 0) FROM attendees").fetchone()[0])


def _indexed_upto(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT upto FROM search_indexed").fetchone()[0])


def _open_backlog(conn: sqlite3.Connection, before: int) -> bool:
    """Called before inserting above rowid ``before`` (the highest): the index covers nothing above it, so a
    mark left higher by deleted rows comes down (rowids get reused). True when no backlog is waiting."""
    conn.execute("UPDATE search_indexed SET upto = ? WHERE upto > ?", (before, before))
    return _indexed_upto(conn) == before


def index_backlog(conn: sqlite3.Connection, limit: int | None = None) -> int:
    """Index up to ``limit`` (all when None) rows of the search backlog, in the caller's transaction;
    return how many are left."""
    upto, top = _indexed_upto(conn), _top_rowid(conn)
    if upto >= top:
        return 0
    end = top if limit is None else min(top, upto + limit)
    conn.execute("INSERT INTO attendees_fts(rowid, search_text) SELECT rowid, search_text FROM attendees"
                 " WHERE rowid > ? AND rowid <= ?", (upto, end))
    conn.execute("UPDATE search_indexed SET upto = ?", (end,))
    return top - end


SEARCH_CHUNK = 20_000  # rows indexed per transaction: ~0.08 s of the write lock each, under the window's 200 ms
# SQLite's busy handler retries a waiting writer after sleeps growing to 100 ms: a check-in that waited
# through a large import's transaction retries every 100 ms, so the catch-up first pauses that long;
# one that waited through a chunk is at its 25 ms sleeps, so between chunks a shorter pause does.
_FIRST_PAUSE_S = 0.1
_PAUSE_S = 0.03


def catch_up_search(conn: sqlite3.Connection, chunk: int = SEARCH_CHUNK, *, after_bulk: bool = False) -> int:
    """Index the whole search backlog, one short transaction per ``chunk`` rows with a pause between them:
    back to back, a check-in retrying the lock kept landing inside one (waits of 0.4-0.6 s). Run after a
    bulk insert (``after_bulk``: first a pause for the check-ins it kept waiting), and at open in case one
    was killed before it finished."""
    done = 0
    if after_bulk:
        time.sleep(_FIRST_PAUSE_S)
    while True:
        with transaction(conn):
            before = _indexed_upto(conn)
            left = index_backlog(conn, chunk)
            done += max(0, _indexed_upto(conn) - before)
        if not left:
            return done
        time.sleep(_PAUSE_S)


class SearchCatchUp:
    """:func:`catch_up_search` on its own connection and thread, started at once: SQLite indexes without
    the GIL, so what the caller does meanwhile on its own connection runs on the other core. ``join``
    waits and re-raises the thread's sqlite3.Error."""

    def __init__(self, path: Path) -> None:
        self.indexed = 0
        self._error: sqlite3.Error | None = None
        self._thread = threading.Thread(target=self._run, args=(path,), name="search-catch-up", daemon=True)
        self._thread.start()

    def _run(self, path: Path) -> None:
        try:
            conn = db.connect(path, migrate_schema=False)
            try:
                self.indexed = catch_up_search(conn, after_bulk=True)
            finally:
                conn.close()
        except sqlite3.Error as exc:
            self._error = exc

    def join(self, *, raise_error: bool = True) -> None:
        self._thread.join()
        error, self._error = self._error, None
        if error is not None and raise_error:
            raise error


def search_backlog(conn: sqlite3.Connection) -> int:
    """Attendees not in the search index yet (0 but for a moment after a large import or a join)."""
    return max(0, _top_rowid(conn) - _indexed_upto(conn))


# Door figures of the rows just inserted, added to attendee_counts (updates and deletes: triggers).
_COUNT_NEW = (
    "INSERT INTO attendee_counts(event_id, status, workshop, category, walk_in, registered, checked_in, inside)"
    f" SELECT event_id, status, coalesce(workshop, ''), coalesce(category, ''), source = '{WALK_IN}', count(*),"
    " count(first_entry_at), total(inside) FROM attendees WHERE rowid > ? GROUP BY 1, 2, 3, 4, 5"
    " ON CONFLICT DO UPDATE SET registered = registered + excluded.registered,"
    " checked_in = checked_in + excluded.checked_in, inside = inside + excluded.inside"
)


def _updated(current: Attendee, changes: Mapping[str, object], case_sensitive: bool,
             now: str) -> tuple[Attendee, str | None, list[str]]:
    """The guest after ``changes``, its code key and the fields that really change."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    fields = {k: (Status(str(v)) if k == "status" else v) for k, v in changes.items()}
    merged = Attendee(**{**current.__dict__, **fields, "updated_at": now})
    key = make_code_key(merged.ticket_code, case_sensitive=case_sensitive) if merged.ticket_code else None
    changed = [k for k in EDITABLE if k in fields and getattr(current, k) != getattr(merged, k)]
    return merged, key or None, changed


def update(
    conn: sqlite3.Connection, current: Attendee, changes: Mapping[str, object], *,
    case_sensitive: bool, now: str, device_id: str, stamp: str | None = None,
) -> Attendee:
    """Apply field changes (names from EDITABLE), keeping derived keys and the index in step.

    Each changed field is stamped (``stamp``, device) for the field-by-field merge. A local edit
    passes no stamp and gets this kiosk's next HLC tick (not its bare clock: a kiosk ten minutes
    behind still stamps after what it has seen); a merge passes the stamp the write came with."""
    merged, key, changed = _updated(current, changes, case_sensitive, now)
    stamp = stamp or hlc_store.tick(conn, now)
    # Field names come from EDITABLE, never from input: safe to splice into the JSON paths.
    stamps = "field_stamps" + "".join(f", '$.{k}', json_array(:stamp, :device)" for k in changed)
    conn.execute(
        "UPDATE attendees SET ticket_code=:code, code_key=:key, first_name=:first, last_name=:last, email=:email,"
        " email_key=:email_key, organisation=:org, category=:cat, workshop=:workshop, status=:status,"
        " updated_at=:now, updated_by=:device, search_text=:search,"
        f" field_stamps={'json_set(' + stamps + ')' if changed else 'field_stamps'} WHERE id = :id",
        {"code": merged.ticket_code, "key": key, "first": merged.first_name, "last": merged.last_name,
         "email": merged.email, "email_key": email_key(merged.email), "org": merged.organisation,
         "cat": merged.category, "workshop": merged.workshop, "status": merged.status.value, "now": now,
         "device": device_id, "search": _index_text(merged), "id": merged.id, "stamp": stamp},
    )
    return merged


def stage_updates(conn: sqlite3.Connection, updates: Iterable[tuple[Attendee, Mapping[str, object]]], *,
                  case_sensitive: bool, now: str, imported: Mapping[str, str] | None = None) -> int:
    """Stage many guests' field changes (what :func:`update` does for one) in a TEMP table, outside any
    lock; :func:`apply_staged_updates` then writes them all in one statement. A re-import that changes
    10,000 guests held the write lock 2.2 s doing them one by one. ``imported`` (guest id -> AS_IMPORTED or
    a record): what the import brought them, written by the same statement. Returns how many were staged."""
    rows = []
    records = imported or {}
    for current, changes in updates:
        merged, key, changed = _updated(current, changes, case_sensitive, now)
        rows.append((merged.id, merged.ticket_code, key, merged.first_name, merged.last_name, merged.email,
                     email_key(merged.email), merged.organisation, merged.category, merged.workshop,
                     merged.status.value, _index_text(merged), json.dumps(changed), records.get(merged.id)))
    conn.execute("DROP TABLE IF EXISTS temp.import_updates")
    conn.execute("CREATE TEMP TABLE import_updates(id TEXT PRIMARY KEY, ticket_code, code_key, first_name,"
                 " last_name, email, email_key, organisation, category, workshop, status, search_text, changed,"
                 " imported)")
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")  # one transaction of the temp database, not one per row
    conn.executemany(f"INSERT INTO temp.import_updates VALUES ({','.join('?' * 14)})", rows)
    if own:
        conn.execute("COMMIT")
    return len(rows)


# The columns an edit of each field rewrites (the derived keys and search text with it).
_REWRITES = {
    "ticket_code": ("ticket_code", "code_key", "search_text"), "first_name": ("first_name", "search_text"),
    "last_name": ("last_name", "search_text"), "email": ("email", "email_key", "search_text"),
    "organisation": ("organisation", "search_text"), "category": ("category",), "workshop": ("workshop",),
    "status": ("status",),
}
assert set(_REWRITES) == set(EDITABLE)


def apply_staged_updates(conn: sqlite3.Connection, *, now: str, device_id: str) -> None:
    """Write the changes :func:`stage_updates` staged (inside a transaction): one HLC tick stamps every
    changed field of this one write, as :func:`update` stamps the fields of one guest. One statement per
    set of changed fields, setting only their columns: SQLite then leaves the other indexes alone (a
    re-import renaming 10,000 guests does not rewrite their code and e-mail index entries). The record of
    what the import brought is set by the same statement, migration 0017's trigger left out of it (an
    import's own write is no edit to keep; dropped and made again inside this transaction, as insert_staged
    does with indexes: 10,000 changed guests held the lock twice as long with it firing and undone)."""
    kinds = [json.loads(r[0]) for r in conn.execute("SELECT DISTINCT changed FROM temp.import_updates")]
    if not kinds:
        return
    stamp = hlc_store.tick(conn, now)
    trigger = conn.execute("SELECT sql FROM main.sqlite_master WHERE type = 'trigger' AND name = ?",
                           (_IMPORTED_TRIGGER,)).fetchone()
    if trigger is not None:
        conn.execute(f"DROP TRIGGER main.{_IMPORTED_TRIGGER}")
    for fields in kinds:
        if not fields:
            continue
        columns = dict.fromkeys(c for f in fields for c in _REWRITES[f])  # KeyError: not a field we staged
        sets = ", ".join(f"{c} = u.{c}" for c in columns)
        conn.execute(
            f"UPDATE attendees SET {sets}, updated_at = :now, updated_by = :device,"
            " field_stamps = json_patch(attendees.field_stamps,"
            "   (SELECT json_group_object(f.value, json_array(:stamp, :device)) FROM json_each(u.changed) AS f)),"
            " imported = coalesce(u.imported, attendees.imported)"
            " FROM temp.import_updates AS u WHERE attendees.id = u.id AND u.changed = :changed",
            {"now": now, "device": device_id, "stamp": stamp, "changed": json.dumps(fields)})
    if trigger is not None:
        conn.execute(str(trigger[0]))


def field_stamps(conn: sqlite3.Connection, attendee_id: str) -> dict[str, tuple[str, str]]:
    """(HLC stamp, device id) of the last write of each edited field, for field-by-field merges."""
    row = conn.execute("SELECT field_stamps FROM attendees WHERE id = ?", (attendee_id,)).fetchone()
    if row is None:
        return {}
    raw: dict[str, list[str]] = json.loads(row[0])
    return {name: (stamp[0], stamp[1]) for name, stamp in raw.items()}


def get(conn: sqlite3.Connection, attendee_id: str) -> Attendee | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM attendees WHERE id = ?", (attendee_id,)).fetchone()
    return None if row is None else from_row(row)


def by_code(conn: sqlite3.Connection, event_id: str, key: str) -> Attendee | None:
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM attendees WHERE event_id = ? AND code_key = ?", (event_id, key)
    ).fetchone()
    return None if row is None else from_row(row)


def by_email(conn: sqlite3.Connection, event_id: str, key: str) -> list[Attendee]:
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM attendees WHERE event_id = ? AND email_key = ? ORDER BY created_at",
        (event_id, key),
    )
    return [from_row(r) for r in rows]


def by_name(
    conn: sqlite3.Connection, event_id: str, first_name: str, last_name: str, organisation: str | None
) -> list[Attendee]:
    """Same name and organisation, compared folded: how walk-in duplicates are spotted."""
    wanted = search_text(first_name, last_name)
    org = search_text(organisation)
    out: list[Attendee] = []
    for a in search(conn, event_id, wanted, limit=50):
        if search_text(a.first_name, a.last_name) == wanted and search_text(a.organisation) == org:
            out.append(a)
    return out


SEARCH_POOL = 1_000  # matches looked at for name matches (see search)


def search(conn: sqlite3.Connection, event_id: str, text: str, *, limit: int = 50) -> list[Attendee]:
    """Accent-, case- and order-insensitive prefix search over names, organisation, email, code."""
    words = tokens(text)
    if not words:
        return []
    # A one-letter word ("chloe l", "benoit d'o") is checked on each candidate's text instead of being
    # matched: FTS5 merges the lists of every word starting with that letter (a third of the event) for
    # it, the slowest keystrokes at the door (9-13 ms of 100,000 guests; 3-5 ms checked). Same rows.
    longer = [w for w in words if len(w) > 1]
    letters = [w for w in words if len(w) == 1] if longer else []
    query = " ".join(f'"{w}"*' for w in longer or words)
    letter_check = "".join(" AND instr(' ' || a.search_text, ' ' || ?) > 0" for _ in letters)
    # The event filter sits inside the limited sub-query: other events in the same file (the demo
    # tried first...) must not use up the candidates and hide this event's guests. CROSS JOIN keeps
    # the FTS match as the outer loop (otherwise SQLite may run the match once per attendee).
    # Rows above the index's mark (a large import being indexed, migration 0011) are read directly:
    # every query word starts one of their words. An empty range when nothing is waiting.
    backlog = " AND ".join(["instr(' ' || search_text, ' ' || ?) > 0"] * len(words))
    # Of the first POOL matches, those whose first or last name a word starts (ASCII case folded: a
    # first cut, the sort below is exact) are the candidates first: on a large event "martin" matches
    # thousands of e-mails, and Ms Martin must not be left out of the candidates by them.
    named = " AND ".join(["(' ' || a.first_name || ' ' || a.last_name) LIKE ('% ' || ? || '%')"] * len(words))
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM attendees WHERE rowid IN "
        f"(SELECT rowid FROM (SELECT f.rowid, {named} AS named FROM attendees_fts f"
        " CROSS JOIN attendees a ON a.rowid = f.rowid WHERE attendees_fts MATCH ? AND a.event_id = ?"
        f"{letter_check} LIMIT ?) ORDER BY named DESC LIMIT ?)"
        " OR rowid IN (SELECT rowid FROM attendees WHERE rowid > (SELECT upto FROM search_indexed)"
        f" AND +event_id = ? AND {backlog} LIMIT ?)"  # + : by rowid range, not the whole event
        " ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE",
        (*words, query, event_id, *letters, SEARCH_POOL, limit * 4, event_id, *words, limit * 4),
    ).fetchall()
    # Guests whose name the words start come first (still by name): "martin" at the door is Ms Martin,
    # then the guests it finds only in an e-mail or an organisation (francois.martin@...). A stable sort.
    rows.sort(key=lambda r: not names_match(words, r[3], r[4]))
    return [from_row(r) for r in rows[:limit]]


EXPORT_COLUMNS = (
    "id", "ticket_code", "first_name", "last_name", "email", "organisation", "category", "workshop",
    "status", "first_entry_at", "first_entry_device", "last_scan_at", "inside", "source",
)


def export_rows(conn: sqlite3.Connection, event_id: str) -> Iterator[tuple[object, ...]]:
    """The event's attendees as raw tuples in ``EXPORT_COLUMNS`` order, by name (no Attendee built)."""
    columns = ", ".join("coalesce(d.name, a.first_entry_device)" if c == "first_entry_device" else f"a.{c}"
                        for c in EXPORT_COLUMNS)
    yield from conn.execute(
        f"SELECT {columns} FROM attendees a LEFT JOIN device_names d ON d.device_id = a.first_entry_device"
        " WHERE a.event_id = ?"
        " ORDER BY a.last_name COLLATE NOCASE, a.first_name COLLATE NOCASE",
        (event_id,),
    )


def count_valid(conn: sqlite3.Connection, event_id: str) -> int:
    row = conn.execute("SELECT count(*) FROM attendees WHERE event_id = ? AND status = ?",
                       (event_id, Status.VALID.value)).fetchone()
    return int(row[0])


def clear_presence(conn: sqlite3.Connection, event_id: str) -> None:
    """Forget every attendee's folded presence (before replaying the log)."""
    conn.execute("UPDATE attendees SET first_entry_at=NULL, first_entry_device=NULL, last_scan_at=NULL,"
                 " inside=0 WHERE event_id = ?", (event_id,))


def iterate(conn: sqlite3.Connection, event_id: str, *, sort: str = "last_name") -> Iterator[Attendee]:
    order = SORTS[sort]
    for row in conn.execute(f"SELECT {_COLUMNS} FROM attendees WHERE event_id = ? ORDER BY {order}", (event_id,)):
        yield from_row(row)


def count(conn: sqlite3.Connection, event_id: str) -> int:
    return int(conn.execute("SELECT count(*) FROM attendees WHERE event_id = ?", (event_id,)).fetchone()[0])


def presence(conn: sqlite3.Connection, attendee_id: str) -> Presence:
    """The stored presence, with the first entry's device under its current name (device_names)."""
    row = conn.execute(
        "SELECT a.first_entry_at, coalesce(d.name, a.first_entry_device), a.last_scan_at, a.inside,"
        " a.first_entry_device FROM attendees a LEFT JOIN device_names d ON d.device_id = a.first_entry_device"
        " WHERE a.id = ?",
        (attendee_id,),
    ).fetchone()
    if row is None:
        return Presence()
    return Presence(row[0], row[1], row[2], bool(row[3]), row[4])


def set_presence(conn: sqlite3.Connection, attendee_id: str, p: Presence) -> None:
    """Store a folded presence: the first entry's device by id (its name is looked up when read)."""
    conn.execute(
        "UPDATE attendees SET first_entry_at=?, first_entry_device=?, last_scan_at=?, inside=? WHERE id=?",
        (p.first_entry_at, p.first_entry_device_id or p.first_entry_device, p.last_scan_at, int(p.inside),
         attendee_id),
    )


@dataclass(frozen=True)
class IndexEntry:
    """What an import needs to know about an existing attendee to match and diff it: ``imported`` is
    what the last import brought (migration 0017), ``stamps`` the field stamps of a guest without it
    (which fields were written since it was created: a door's correction, a merged edit)."""

    attendee: Attendee
    code_key: str | None
    email_key: str | None
    import_key: str | None = None
    imported: str | None = None
    stamps: str | None = None


_STATUS = {s.value: s for s in Status}


def import_index(conn: sqlite3.Connection, event_id: str) -> list[IndexEntry]:
    # Plain tuples read by position (not sqlite3.Row by name): a re-import reads 100,000 guests, 2x faster.
    cursor = conn.cursor()
    cursor.row_factory = None
    rows = cursor.execute(
        "SELECT id, event_id, first_name, last_name, ticket_code, email, organisation, category, workshop,"
        " status, source, source_device, created_at, updated_at, code_key, email_key, import_key, imported,"
        " iif(imported IS NULL AND field_stamps <> '{}', field_stamps, NULL)"
        " FROM attendees WHERE event_id = ?", (event_id,))
    status = _STATUS
    return [IndexEntry(Attendee(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], status[r[9]], r[10], r[11],
                                r[12], r[13]), r[14], r[15], r[16], r[17], r[18]) for r in rows]


def change_mark(conn: sqlite3.Connection) -> tuple[object, ...]:
    """Changes when an attendee is added, edited or removed (check-ins leave it alone; migration 0013).
    An import matched outside the write lock checks it inside before applying; the occupancy screen
    re-reads the registrations when it moves. O(1): two lookups."""
    row = conn.execute("SELECT (SELECT coalesce(max(rowid), 0) FROM attendees), (SELECT n FROM attendee_edits)"
                       ).fetchone()
    return tuple(row)


def set_import_keys(conn: sqlite3.Connection, keys: Iterable[tuple[str, str | None]]) -> None:
    """(attendee id, key) pairs: the identity a newer export gives existing guests."""
    conn.executemany("UPDATE attendees SET import_key = ? WHERE id = ?", ((k, i) for i, k in keys))


@dataclass(frozen=True)
class StatsRow:
    status: str
    workshop: str | None
    category: str | None
    walk_in: bool
    checked_in: int
    inside: int
    count: int


def stats_rows(conn: sqlite3.Connection, event_id: str) -> list[StatsRow]:
    """Grouped counts, kept up to date in ``attendee_counts`` (a few dozen rows, whatever the size)."""
    rows = conn.execute(
        "SELECT status, nullif(workshop, ''), nullif(category, ''), walk_in, checked_in, inside, registered"
        " FROM attendee_counts WHERE event_id = ? AND registered > 0",
        (event_id,),
    )
    return [StatsRow(r[0], r[1], r[2], bool(r[3]), int(r[4]), int(r[5]), int(r[6])) for r in rows]


def stats_rows_of(conn: sqlite3.Connection, attendee_ids: Sequence[str]) -> list[StatsRow]:
    """The same groups as :func:`stats_rows` for a few guests (merged-away records, which the figures
    leave out: their person is the kept record)."""
    found: list[StatsRow] = []
    ids = list(attendee_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        found += [StatsRow(r[0], r[1], r[2], bool(r[3]), int(r[4]), int(r[5]), int(r[6])) for r in conn.execute(
            "SELECT status, nullif(workshop, ''), nullif(category, ''), source = 'walk-in', count(first_entry_at),"
            " total(inside), count(*)"
            f" FROM attendees WHERE id IN ({','.join('?' * len(chunk))}) GROUP BY 1, 2, 3, 4", chunk)]
    return found
