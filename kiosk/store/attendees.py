"""Attendee records: inserting and editing one or a few, the lookups (by id, code, e-mail, name,
search), the presence columns derived from the scan log, and the door figures' grouped counts.

A large import's staged writes are kiosk.store.import_staging; the search index's backlog and its
catch-up thread are kiosk.store.search_index.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from kiosk.domain.codes import code_key as make_code_key
from kiosk.domain.model import SORT_KEYS, WALK_IN, Attendee, Presence, Status
from kiosk.domain.text import email_key, names_match, search_text, tokens
from kiosk.store import hlc as hlc_store
from kiosk.store.search_index import index_backlog, open_backlog, top_rowid

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


def index_text(a: Attendee) -> str:
    return search_text(a.first_name, a.last_name, a.organisation, a.email, a.ticket_code)


def _values(
    a: Attendee, case_sensitive: bool, now: str, device_id: str, import_key: str | None = None,
    stamps: str = "{}",
) -> tuple[object, ...]:
    key = make_code_key(a.ticket_code, case_sensitive=case_sensitive) if a.ticket_code else None
    return (
        a.id, a.event_id, a.ticket_code, key or None, a.first_name, a.last_name, a.email, email_key(a.email),
        a.organisation, a.category, a.workshop, a.status.value, a.source, a.source_device or device_id,
        a.created_at or now, a.updated_at or now, device_id, index_text(a), import_key, stamps,
    )


ROW_COLUMNS = (
    "id, event_id, ticket_code, code_key, first_name, last_name, email, email_key, organisation, category,"
    " workshop, status, source, source_device, created_at, updated_at, updated_by, search_text, import_key,"
    " field_stamps"
)
_INSERT = f"INSERT INTO attendees({ROW_COLUMNS}) VALUES ({','.join('?' * 20)})"


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


def existing_ids(conn: sqlite3.Connection, ids: Sequence[str]) -> set[str]:
    """Which of these guest ids this kiosk already holds (one query for a page of 20,000)."""
    return {str(r[0]) for r in conn.execute(
        "SELECT id FROM attendees WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(list(ids)),))}


def insert_values(conn: sqlite3.Connection, values: Sequence[tuple[object, ...]]) -> None:
    """Insert rows made by :func:`prepared_values`, index them for search and count them (in a transaction).
    While a large import's backlog is being indexed they join it instead (the door never waits for that)."""
    before = top_rowid(conn)
    indexed = open_backlog(conn, before)
    conn.executemany(_INSERT, values)
    if indexed:
        index_backlog(conn)
    conn.execute(_COUNT_NEW, (before,))


# Door figures of the rows just inserted, added to attendee_counts (updates and deletes: triggers).
_COUNT_NEW = (
    "INSERT INTO attendee_counts(event_id, status, workshop, category, walk_in, registered, checked_in, inside)"
    f" SELECT event_id, status, coalesce(workshop, ''), coalesce(category, ''), source = '{WALK_IN}', count(*),"
    " count(first_entry_at), total(inside) FROM attendees WHERE rowid > ? GROUP BY 1, 2, 3, 4, 5"
    " ON CONFLICT DO UPDATE SET registered = registered + excluded.registered,"
    " checked_in = checked_in + excluded.checked_in, inside = inside + excluded.inside"
)


def with_changes(current: Attendee, changes: Mapping[str, object], case_sensitive: bool,
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
    merged, key, changed = with_changes(current, changes, case_sensitive, now)
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
         "device": device_id, "search": index_text(merged), "id": merged.id, "stamp": stamp},
    )
    return merged


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


def change_mark(conn: sqlite3.Connection) -> tuple[object, ...]:
    """Changes when an attendee is added, edited or removed (check-ins leave it alone; migration 0013).
    An import matched outside the write lock checks it inside before applying; the occupancy screen
    re-reads the registrations when it moves. O(1): two lookups."""
    row = conn.execute("SELECT (SELECT coalesce(max(rowid), 0) FROM attendees), (SELECT n FROM attendee_edits)"
                       ).fetchone()
    return tuple(row)


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
