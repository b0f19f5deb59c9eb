"""A large import's writes, staged outside the write lock and applied in a few statements under it.

New guests and changed ones are copied into TEMP tables first (this connection's own temp database:
the door keeps checking in meanwhile), then inserted or updated in SQLite's C loops inside the
import's short transaction; their door figures are counted while staging. Also what each import
brought (migration 0017), so a re-import can spare the doors' corrections, and the index an import
matches its rows against.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from kiosk.domain.model import WALK_IN, Attendee, Status
from kiosk.domain.text import email_key
from kiosk.store import hlc as hlc_store
from kiosk.store.attendees import EDITABLE, ROW_COLUMNS, index_text, with_changes
from kiosk.store.search_index import open_backlog, top_rowid

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
    _stage(conn, ROW_COLUMNS, values, [(*group, n) for group, n in groups.items()])


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


# Positions in a full staged row (see ROW_COLUMNS) of what the door figures count.
_EVENT, _CATEGORY, _WORKSHOP, _STATUS_AT, _SOURCE = 1, 9, 10, 11, 12


def _count_group(v: tuple[object, ...]) -> tuple[object, ...]:
    return v[_EVENT], v[_STATUS_AT], v[_WORKSHOP] or "", v[_CATEGORY] or "", v[_SOURCE] == WALK_IN


def insert_staged(conn: sqlite3.Connection, shared: NewGuests | None = None) -> int:
    """Insert the rows :func:`stage_values` (or :func:`stage_new`, given its ``shared``) staged and count
    them (inside a transaction): the part of a large import that must hold the write lock, all in
    SQLite's C loops. They join the search backlog (migration 0011): search finds them at once, and
    :func:`catch_up_search`, run after the commit, indexes them in short transactions. Returns the rows
    inserted."""
    open_backlog(conn, top_rowid(conn))
    staged = int(conn.execute("SELECT count(*) FROM temp.import_staged").fetchone()[0])
    # Into a table smaller than the import (a first import, a join), dropping the secondary indexes and
    # building them again once sorted is twice as fast as 100,000 random inserts into each (the lock is
    # held for this). Inside the transaction: other connections see the old indexes until the commit.
    rebuilt = _secondary_indexes(conn) if staged > 10_000 and staged >= top_rowid(conn) else []
    for name, _sql in rebuilt:
        conn.execute(f'DROP INDEX main."{name}"')
    if shared is None:
        cursor = conn.execute(f"INSERT INTO main.attendees({ROW_COLUMNS}) SELECT * FROM temp.import_staged")
    else:
        cursor = conn.execute(f"INSERT INTO main.attendees({ROW_COLUMNS}, imported) {_FROM_NEW}", {
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


# New rows have no entry yet: their door figures were counted when they were staged.
_COUNT_STAGED = (
    "INSERT INTO attendee_counts(event_id, status, workshop, category, walk_in, registered, checked_in, inside)"
    " SELECT event_id, status, workshop, category, walk_in, registered, 0, 0 FROM temp.import_staged_counts"
    " WHERE true ON CONFLICT DO UPDATE SET registered = registered + excluded.registered"
)


def stage_updates(conn: sqlite3.Connection, updates: Iterable[tuple[Attendee, Mapping[str, object]]], *,
                  case_sensitive: bool, now: str, imported: Mapping[str, str] | None = None) -> int:
    """Stage many guests' field changes (what :func:`update` does for one) in a TEMP table, outside any
    lock; :func:`apply_staged_updates` then writes them all in one statement. A re-import that changes
    10,000 guests held the write lock 2.2 s doing them one by one. ``imported`` (guest id -> AS_IMPORTED or
    a record): what the import brought them, written by the same statement. Returns how many were staged."""
    rows = []
    records = imported or {}
    for current, changes in updates:
        merged, key, changed = with_changes(current, changes, case_sensitive, now)
        rows.append((merged.id, merged.ticket_code, key, merged.first_name, merged.last_name, merged.email,
                     email_key(merged.email), merged.organisation, merged.category, merged.workshop,
                     merged.status.value, index_text(merged), json.dumps(changed), records.get(merged.id)))
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


def set_import_keys(conn: sqlite3.Connection, keys: Iterable[tuple[str, str | None]]) -> None:
    """(attendee id, key) pairs: the identity a newer export gives existing guests."""
    conn.executemany("UPDATE attendees SET import_key = ? WHERE id = ?", ((k, i) for i, k in keys))
