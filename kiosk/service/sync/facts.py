"""The immutable facts a sync round carries besides scans and guests: staff decisions about two guest
records (merge / not the same person, kiosk.domain.duplicates) and badges printed at each kiosk.

Like scans, each is named by UUID and stored once by the hub; a kiosk's row leaves its queue
(``received_at`` NULL) only once the hub acknowledged it, and the pull cursors (one per hub, in meta)
move in the transaction that stored what they cover.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kiosk.domain import pulled as pulled_check
from kiosk.domain.duplicates import LinkKind
from kiosk.service.checkin import refresh_presence
from kiosk.service.sync.checks import Horizon, valid
from kiosk.store import events as event_store
from kiosk.store import guest_links as link_store
from kiosk.store import help_calls as help_store
from kiosk.store import meta, transaction
from kiosk.store import sync as sync_store

if TYPE_CHECKING:
    from kiosk.service.kiosk import Kiosk


@dataclass(frozen=True)
class Queued:
    """What this kiosk still has to push, by kind (the Sync light and `kiosk hub status` show it)."""

    scans: int
    guests: int
    prints: int
    links: int

    @property
    def total(self) -> int:
        return self.scans + self.guests + self.prints + self.links


def queued(kiosk: Kiosk) -> Queued:
    conn = kiosk.conn
    return Queued(sync_store.count_unsent(conn), sync_store.count_unsent_guests(conn),
                  link_store.count_unsent_prints(conn), link_store.count_unsent_links(conn))


def exchange(kiosk: Kiosk, conn: Any, hub_id: str, batch: int, limit: Horizon,
             between: Callable[[str], object] = lambda _step: None) -> int:
    """Push this kiosk's links and badge prints, pull the others'; returns how many were pulled. A
    pulled row that fails its check (kiosk.domain.pulled) is quarantined, the cursor moves on."""
    from kiosk.adapters.hub import replica

    _push(kiosk, conn, lambda: link_store.unsent_links(kiosk.conn, batch), replica.push_links,
          link_store.mark_links_received, batch)
    between("links pushed")
    _push(kiosk, conn, lambda: _named(kiosk, link_store.unsent_prints(kiosk.conn, batch)), replica.push_prints,
          link_store.mark_prints_received, batch)
    between("prints pushed")
    _push(kiosk, conn, lambda: help_store.unsent(kiosk.conn, batch), replica.push_help_calls,
          help_store.mark_received, batch)
    events = [e.id for e in event_store.all_events(kiosk.conn)]
    device = kiosk.device().id
    pulled = 0
    pulled += _pull_help_calls(kiosk, conn, hub_id, batch, limit, events, device)
    for key, pull in (("links", replica.pull_links), ("prints", replica.pull_prints)):
        cursor_key = f"{key}_cursor:{hub_id}"
        after = int(meta.get(kiosk.conn, cursor_key) or 0)
        while True:
            got = pull(conn, after, batch, events)
            if not got.rows:
                break
            at = 5 if key == "links" else 3
            foreign = [r for r in got.rows if r[at] != device]
            with transaction(kiosk.conn):
                foreign = valid(kiosk, "link" if key == "links" else "print", foreign,
                                pulled_check.link if key == "links" else pulled_check.badge_print, limit, device_at=at)
                pulled += _store_links(kiosk, foreign) if key == "links" else \
                    link_store.insert_pulled_prints(kiosk.conn, foreign)
                meta.put(kiosk.conn, cursor_key, str(got.cursor))
            after = got.cursor
            between(f"{key} pulled")
            if len(got.rows) < batch:
                break
    contacts = replica.last_contacts(conn)  # the heartbeat: every kiosk's name and last contact
    with transaction(kiosk.conn):
        link_store.save_hub_devices(kiosk.conn, contacts)
    return pulled


def _pull_help_calls(kiosk: Kiosk, conn: Any, hub_id: str, batch: int, limit: Horizon, events: list[str],
                     device: str) -> int:
    """Calls for help and answers from the other doors (this kiosk's own are already here)."""
    from kiosk.adapters.hub import replica

    cursor_key, pulled = f"help_cursor:{hub_id}", 0
    after = int(meta.get(kiosk.conn, cursor_key) or 0)
    while True:
        got = replica.pull_help_calls(conn, after, batch, events)
        if not got.rows:
            return pulled
        foreign = [r for r in got.rows if r[4] != device]
        with transaction(kiosk.conn):
            foreign = valid(kiosk, "help call", foreign, pulled_check.help_call, limit, device_at=4)
            pulled += help_store.insert_pulled(kiosk.conn, foreign)
            meta.put(kiosk.conn, cursor_key, str(got.cursor))
        after = got.cursor
        if len(got.rows) < batch:
            return pulled


def _named(kiosk: Kiosk, rows: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    """This kiosk's own badge prints carry no device name in SQLite: the hub's copy gets it."""
    return [(*r[:4], r[4] if r[4] is not None else kiosk.device_name, *r[5:]) for r in rows]


def _push(kiosk: Kiosk, conn: Any, unsent: Callable[[], list[tuple[object, ...]]],
          push: Callable[[Any, list[tuple[object, ...]]], list[tuple[str, str]]],
          mark: Callable[[Any, list[tuple[str, str]]], None], batch: int) -> None:
    while True:
        rows = unsent()
        if not rows:
            return
        receipts = push(conn, rows)
        with transaction(kiosk.conn):
            mark(kiosk.conn, receipts)
        if len(rows) < batch:
            return


def _store_links(kiosk: Kiosk, rows: list[tuple[object, ...]]) -> int:
    """Pulled decisions: a merge moves this kiosk's print records and refolds the kept guest."""
    fresh = link_store.insert_pulled_links(kiosk.conn, rows)
    for link in fresh:
        if link.kind is LinkKind.MERGE:
            keep = link_store.counts_as(kiosk.conn, link.other_id)
            link_store.repoint_print_jobs(kiosk.conn, link.other_id, keep)
            refresh_presence(kiosk.conn, link.other_id)
            refresh_presence(kiosk.conn, link.keep_id)
    if any(link.kind is LinkKind.MERGE for link in fresh) and kiosk.has_event():
        kiosk.duplicates.restore_overruled()  # two doors merged a pair both ways round: one person stays
    return len(fresh)
