"""The SQL of the after-event purge (kiosk.service.purge): blank every personal field of one event.

What stays is what the after-event report reads: each guest's workshop, category, status, source and
presence, and each scan's kind, verdict, time, device and attendee id. What goes: names, e-mails,
organisations, ticket codes, import keys, the search text and its index, the scan log's free text (the
code as typed, staff names, override reasons), the waiting list's contacts and print errors.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

PLACEHOLDER = "—"  # what a purged guest's name reads: not a person, and never empty in a list


@dataclass(frozen=True)
class Purged:
    """One event's purge record: when, and how many guests, scans and files it erased."""

    event_id: str
    purged_at: str
    guests: int
    scans: int
    files: int


@dataclass(frozen=True)
class Content:
    """What an event holds that a purge would erase (guests, scans, waiting list) or keep."""

    guests: int
    scans: int
    waitlist: int
    print_jobs: int


def purged(conn: sqlite3.Connection, event_id: str) -> Purged | None:
    row = conn.execute("SELECT * FROM event_purges WHERE event_id = ?", (event_id,)).fetchone()
    if row is None:
        return None
    return Purged(str(row["event_id"]), str(row["purged_at"]), int(row["guests"]), int(row["scans"]),
                  int(row["files"]))


def content(conn: sqlite3.Connection, event_id: str) -> Content:
    def one(sql: str) -> int:
        return int(conn.execute(sql, (event_id,)).fetchone()[0])

    return Content(
        guests=one("SELECT count(*) FROM attendees WHERE event_id = ?"),
        scans=one("SELECT count(*) FROM scans WHERE event_id = ?"),
        waitlist=one("SELECT count(*) FROM waitlist WHERE event_id = ?"),
        print_jobs=one("SELECT count(*) FROM print_jobs WHERE event_id = ?"),
    )


def badge_files(conn: sqlite3.Connection, event_id: str) -> list[tuple[str, str]]:
    """(folder, job id) of the event's badges sent to a PDF folder: each one is ``folder/kiosk-<id>.pdf``."""
    return [(str(r[0]), str(r[1])) for r in conn.execute(
        "SELECT printer, id FROM print_jobs WHERE event_id = ? AND backend = 'pdf' AND printer != ''", (event_id,))]


def written_files(conn: sqlite3.Connection, event_id: str) -> list[tuple[str, str, str]]:
    """(path, kind, written at) of the files kiosk wrote with the event's guests in them, oldest first."""
    return [(str(r[0]), str(r[1]), str(r[2])) for r in conn.execute(
        "SELECT path, kind, written_at FROM written_files WHERE event_id = ? ORDER BY written_at", (event_id,))]


def record_written_file(conn: sqlite3.Connection, event_id: str, path: str, kind: str, now: str) -> None:
    conn.execute("INSERT INTO written_files(path, event_id, kind, written_at) VALUES (?,?,?,?)"
                 " ON CONFLICT(path) DO UPDATE SET event_id = excluded.event_id, kind = excluded.kind,"
                 " written_at = excluded.written_at", (path, event_id, kind, now))


def last_written(conn: sqlite3.Connection, event_id: str, kind: str) -> str | None:
    row = conn.execute("SELECT max(written_at) FROM written_files WHERE event_id = ? AND kind = ?",
                       (event_id, kind)).fetchone()
    return None if row[0] is None else str(row[0])


def last_change(conn: sqlite3.Connection, event_id: str) -> str | None:
    """The latest guest write or scan of the event: an export older than this misses something."""
    row = conn.execute(
        "SELECT max(t) FROM (SELECT max(updated_at) AS t FROM attendees WHERE event_id = ?1"
        " UNION ALL SELECT max(device_time) FROM scans WHERE event_id = ?1)", (event_id,)).fetchone()
    return None if row[0] is None else str(row[0])


def erase(conn: sqlite3.Connection, event_id: str, *, now: str, files: int) -> Purged:
    """Blank the event's personal fields (inside the caller's transaction) and record the purge.

    The record is written first: the scan log's trigger lets a scan's free text be blanked only once
    its event is recorded as purged (migration 0021). Idempotent: rows already blank are left alone, and
    a second purge keeps the first one's date.
    """
    guests = int(conn.execute("SELECT count(*) FROM attendees WHERE event_id = ?", (event_id,)).fetchone()[0])
    scans = int(conn.execute("SELECT count(*) FROM scans WHERE event_id = ?", (event_id,)).fetchone()[0])
    conn.execute(
        "INSERT INTO event_purges(event_id, purged_at, guests, scans, files) VALUES (?,?,?,?,?)"
        " ON CONFLICT(event_id) DO UPDATE SET files = files + excluded.files",
        (event_id, now, guests, scans, files))
    conn.execute(
        "UPDATE attendees SET first_name = ?2, last_name = ?2, email = NULL, email_key = NULL,"
        " organisation = NULL, ticket_code = NULL, code_key = NULL, import_key = NULL, search_text = ''"
        " WHERE event_id = ?1 AND NOT (first_name = ?2 AND last_name = ?2 AND email IS NULL"
        " AND email_key IS NULL AND organisation IS NULL AND ticket_code IS NULL AND code_key IS NULL"
        " AND import_key IS NULL AND search_text = '')", (event_id, PLACEHOLDER))
    # What the last import brought (kept so a re-import spares the doors' corrections) holds the same
    # personal text, and the blanking above just wrote the old values there (migration 0017's trigger).
    conn.execute("UPDATE attendees SET imported = NULL WHERE event_id = ? AND imported IS NOT NULL", (event_id,))
    # A blanked guest is not an edit to replicate: the hub learns of the purge as an organiser fact.
    conn.execute("DELETE FROM attendee_outbox WHERE attendee_id IN (SELECT id FROM attendees WHERE event_id = ?)",
                 (event_id,))
    conn.execute("UPDATE scans SET code = '', staff = NULL, reason = NULL"
                 " WHERE event_id = ? AND NOT (code = '' AND staff IS NULL AND reason IS NULL)", (event_id,))
    conn.execute("UPDATE waitlist SET first_name = ?2, last_name = ?2, email = NULL, organisation = NULL"
                 " WHERE event_id = ?1 AND NOT (first_name = ?2 AND last_name = ?2 AND email IS NULL"
                 " AND organisation IS NULL)", (event_id, PLACEHOLDER))
    conn.execute("UPDATE print_jobs SET last_error = NULL, missing_glyphs = '' WHERE event_id = ?"
                 " AND (last_error IS NOT NULL OR missing_glyphs != '')", (event_id,))
    conn.execute("DELETE FROM written_files WHERE event_id = ?", (event_id,))
    # Scans pulled before their guest (kept as pulled, free text included) and rows refused at a pull
    # (kept with a copy of what was pulled): neither may outlive the promise.
    conn.execute("DELETE FROM pending_scans WHERE event_id = ?", (event_id,))
    conn.execute("DELETE FROM help_calls WHERE event_id = ?", (event_id,))  # who answered: not in the report
    conn.execute("UPDATE quarantine SET payload = '' WHERE payload != ''")
    # The search index keeps the tokens of deleted text in its segments until they are merged: rebuilt
    # from the (now blank) rows, nothing of the old text remains in it.
    conn.execute("INSERT INTO attendees_fts(attendees_fts) VALUES ('rebuild')")
    result = purged(conn, event_id)
    if result is None:  # written above in this very transaction
        raise sqlite3.DatabaseError("the purge record vanished")
    return result


def vacuum(conn: sqlite3.Connection, *, attempts: int = 10) -> bool:
    """Rewrite the file without its free pages (where erased text lingers), then empty the WAL. False when
    another process (an open window reading) kept the WAL from being emptied: its old frames may still
    hold erased text until that process lets go and the next checkpoint runs."""
    from kiosk.store.db import BUSY_TIMEOUT_MS, set_busy_timeout

    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")  # a smaller WAL for VACUUM to append to; never waits
    conn.execute("VACUUM")
    set_busy_timeout(conn, 200)  # a reader blocks TRUNCATE: wait a little for it, not the 5 s a write waits
    try:
        for _ in range(attempts):
            if not int(conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]):
                return True
    finally:
        set_busy_timeout(conn, BUSY_TIMEOUT_MS)
    return False


def retention(conn: sqlite3.Connection, event_id: str) -> str | None:
    row = conn.execute("SELECT retention FROM events WHERE id = ?", (event_id,)).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def set_retention(conn: sqlite3.Connection, event_id: str, value: str | None) -> None:
    conn.execute("UPDATE events SET retention = ? WHERE id = ?", (value, event_id))


def unsent_scans(conn: sqlite3.Connection, event_id: str) -> int:
    """Scans of the event this kiosk holds that the hub has not acknowledged (lost if the door leaves)."""
    return int(conn.execute("SELECT count(*) FROM scans WHERE event_id = ? AND received_at IS NULL",
                            (event_id,)).fetchone()[0])


def forget_event(conn: sqlite3.Connection, event_id: str) -> None:
    """Delete every row of the event (inside the caller's transaction), and what ties this door to its hub.

    The scan log refuses deletes while its event exists: the event goes first and its rows follow by
    cascade; the tables without a foreign key are emptied by hand."""
    conn.execute("DELETE FROM attendee_outbox WHERE attendee_id IN (SELECT id FROM attendees WHERE event_id = ?)",
                 (event_id,))
    conn.execute("DELETE FROM presence_stale WHERE attendee_id IN (SELECT id FROM attendees WHERE event_id = ?)",
                 (event_id,))
    conn.execute("DELETE FROM events WHERE id = ?", (event_id,))
    for table in ("scans", "guest_links", "badge_prints", "print_jobs", "consents", "waitlist", "attendees",
                  "attendee_counts", "workshops", "categories", "written_files", "event_purges", "help_calls"):
        conn.execute(f"DELETE FROM {table} WHERE event_id = ?", (event_id,))
    conn.execute("DELETE FROM sync_state")
    conn.execute("DELETE FROM meta WHERE key IN ('active_event', 'hub_url', 'attendees_pushed_rowid')"
                 " OR key LIKE '%:' || ?", (event_id,))  # e.g. the event's organiser key
    conn.execute("INSERT INTO attendees_fts(attendees_fts) VALUES ('rebuild')")
