"""The attendees' search index (FTS5) and its backlog: rows a large import or a join inserted are
indexed afterwards, in short transactions on a thread of their own, so the door never waits for it.

Search finds the backlog's rows meanwhile by reading them directly (kiosk.store.attendees.search).
Migration 0011 keeps the mark (``search_indexed.upto``): rows above it are not indexed yet.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from kiosk.store import db
from kiosk.store.db import transaction


def top_rowid(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT coalesce(max(rowid), 0) FROM attendees").fetchone()[0])


def _indexed_upto(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT upto FROM search_indexed").fetchone()[0])


def open_backlog(conn: sqlite3.Connection, before: int) -> bool:
    """Called before inserting above rowid ``before`` (the highest): the index covers nothing above it, so a
    mark left higher by deleted rows comes down (rowids get reused). True when no backlog is waiting."""
    conn.execute("UPDATE search_indexed SET upto = ? WHERE upto > ?", (before, before))
    return _indexed_upto(conn) == before


def index_backlog(conn: sqlite3.Connection, limit: int | None = None) -> int:
    """Index up to ``limit`` (all when None) rows of the search backlog, in the caller's transaction;
    return how many are left."""
    upto, top = _indexed_upto(conn), top_rowid(conn)
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
    return max(0, top_rowid(conn) - _indexed_upto(conn))
