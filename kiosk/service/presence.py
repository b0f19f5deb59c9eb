"""A guest's presence, folded again from the log and stored on their row, inside the caller's
transaction: after a check-in, an undo, a merge, an occupancy correction or a sync round pulled their
scans. A guest merged into another (kiosk.domain.duplicates) counts as that one."""

from __future__ import annotations

import sqlite3

from kiosk.domain.model import Attendee, Presence
from kiosk.domain.presence import fold_presence
from kiosk.store import attendees as attendee_store
from kiosk.store import guest_links as link_store


def refresh_presence(conn: sqlite3.Connection, attendee_id: str) -> Presence:
    """Fold the guest's log again and store the result (inside the caller's transaction). A guest
    merged into another (kiosk.domain.duplicates) counts as that one: the kept guest's log holds both.
    Read back, so the first entry's device is shown under its current name, not the one it had then."""
    keep = link_store.counts_as(conn, attendee_id)
    if keep != attendee_id:
        attendee_store.set_presence(conn, attendee_id, Presence())
    attendee_store.set_presence(conn, keep, fold_presence(link_store.presence_log(conn, keep)))
    return attendee_store.presence(conn, keep)


def counted_person(conn: sqlite3.Connection, attendee: Attendee | None) -> Attendee | None:
    """The guest a scan of ``attendee`` is for: the kept record when it was merged away."""
    if attendee is None:
        return None
    keep = link_store.counts_as(conn, attendee.id)
    return attendee if keep == attendee.id else (attendee_store.get(conn, keep) or attendee)
