"""Two doors are two data dirs: what one door recorded reaches the other the way a pull brings it."""

from __future__ import annotations

from kiosk.service import Kiosk
from kiosk.service.sync.round import refold_stale_presence
from kiosk.store import sync as sync_store
from kiosk.store import transaction


def hand_over(source: Kiosk, target: Kiosk) -> int:
    """Copy the scans ``source`` has not pushed into ``target`` through the pull's own store steps
    (insert, clock observed, presence refolded), as if both had synced with a hub; returns how many."""
    rows = [(*r, r[11]) for r in sync_store.unsent_scans(source.conn, 1_000_000)]  # received_at: device time
    with transaction(target.conn):
        applied = sync_store.insert_pulled(target.conn, rows)
        sync_store.observe(target.conn, (str(r[12]) for r in rows))
        sync_store.mark_presence_stale(target.conn, applied.attendee_ids)
    refold_stale_presence(target)
    return applied.inserted
