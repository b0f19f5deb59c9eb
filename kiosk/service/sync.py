"""One round of replication with the hub: push what this kiosk made, pull what others made.

Each step is its own SQLite transaction after the hub has answered, so a kiosk killed (or a hub
stopped) at any point loses nothing: unacknowledged scans stay queued (``received_at`` NULL) and
are pushed again, which the hub ignores if it already has them; the pull cursor only moves in
the transaction that stored the rows it covers.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.domain.presence import fold_presence
from kiosk.store import attendees as attendee_store
from kiosk.store import scans as scan_store
from kiosk.store import sync as sync_store
from kiosk.store import transaction

if TYPE_CHECKING:
    from kiosk.service.base import KioskBase

BATCH = 5000


def machine_id() -> str:
    """This computer's id (``/etc/machine-id`` and kin), so a data dir copied to another machine is
    told apart from the original and gets a device id of its own. ``KIOSK_MACHINE_ID`` overrides."""
    forced = os.environ.get("KIOSK_MACHINE_ID")
    if forced:
        return forced
    for path in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        try:
            text = Path(path).read_text(encoding="ascii").strip()
        except OSError:
            continue
        if text:
            return text
    return f"node-{uuid.getnode():012x}"


@dataclass(frozen=True)
class SyncSummary:
    pushed: int  # scans the hub acknowledged in this round
    pulled: int  # scans from other kiosks stored here
    queued: int  # scans still to push (0 after a complete round)
    offset_ms: int  # this kiosk's clock minus the hub's
    cursor: int

    def line(self) -> str:
        skew = f", clock {self.offset_ms / 1000:+.1f} s from the hub" if abs(self.offset_ms) >= 2000 else ""
        return f"sync: {self.pushed} scans pushed, {self.pulled} pulled, {self.queued} queued{skew}"


def sync_once(kiosk: KioskBase, url: str, *, batch: int = BATCH) -> SyncSummary:
    """Push then pull until both are drained. Raises kiosk.hub.connection.HubError (one line) when the
    hub cannot be used; what was done before that stays done."""
    from kiosk.hub import replica, schema
    from kiosk.hub.connection import HubError, connect, describe, redact

    conn = connect(url)
    try:
        hub_id = schema.check(conn, redact(url))
        device = kiosk.device()
        pushed = pulled = 0
        while True:
            rows = sync_store.unsent_scans(kiosk.conn, batch)
            if not rows:
                break
            receipts = replica.push_scans(conn, rows)
            with transaction(kiosk.conn):
                sync_store.mark_received(kiosk.conn, receipts)
            pushed += len(receipts)
            if len(rows) < batch:
                break
        cursor = sync_store.cursor(kiosk.conn, hub_id)
        while True:
            got = replica.pull_scans(conn, cursor, batch)
            if not got.rows:
                break
            foreign = [r for r in got.rows if r[7] != device.id]
            with transaction(kiosk.conn):
                applied = sync_store.insert_pulled(kiosk.conn, foreign)
                sync_store.observe(kiosk.conn, (str(r[12]) for r in foreign))
                for attendee_id in applied.attendee_ids:
                    presence = fold_presence(scan_store.for_attendee(kiosk.conn, attendee_id))
                    attendee_store.set_presence(kiosk.conn, attendee_id, presence)
                sync_store.save_cursor(kiosk.conn, hub_id, got.cursor, kiosk.now())
            pulled += applied.inserted
            cursor = got.cursor
            if len(got.rows) < batch:
                break
        queued = sync_store.count_unsent(kiosk.conn)
        offset = replica.record_contact(conn, device.id, device.name, machine_id(), kiosk.now(), queued)
        with transaction(kiosk.conn):
            sync_store.save_cursor(kiosk.conn, hub_id, cursor, kiosk.now())
        return SyncSummary(pushed, pulled, queued, offset, cursor)
    except HubError:
        raise
    except Exception as exc:
        import psycopg

        if isinstance(exc, psycopg.Error):
            raise HubError(describe(exc, url)) from None
        raise
    finally:
        conn.close()
