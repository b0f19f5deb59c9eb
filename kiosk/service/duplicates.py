"""Duplicates after several kiosks met at the hub: guests admitted at two doors ("Entrées en double")
and walk-ins registered twice for one person, offered for merging (never merged silently).

A merge is an explicit staff decision recorded as an immutable link (kiosk.domain.duplicates) that
replicates through the hub like a scan: the other record is cancelled (a normal field edit, which
replicates too), its scans stay where they are (a scan is never rewritten) but count for the kept
guest, and this kiosk's print records move onto the kept guest. "Not the same person" is a link too:
the pair is never offered again, on any kiosk.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.domain import rules
from kiosk.domain.duplicates import GuestLink, LinkKind, resolve, settled_pairs, walk_in_pairs
from kiosk.domain.merge import duplicate_entries, union_scans
from kiosk.domain.model import Attendee, Scan, Status
from kiosk.service.checkin import refresh_presence
from kiosk.service.errors import Refused, storage_guard
from kiosk.service.session import OnSession, Session
from kiosk.store import attendees as attendee_store
from kiosk.store import guest_links as link_store
from kiosk.store import scans as scan_store
from kiosk.store import sync as sync_store
from kiosk.store import transaction

if TYPE_CHECKING:
    from kiosk.service.sync.round import SyncSummary


@dataclass(frozen=True)
class Admission:
    device_name: str
    at: str  # UTC ISO-8601 device time


@dataclass(frozen=True)
class DuplicateEntryView:
    """One line of "Entrées en double": the guest, the first entry and the later (duplicate) one."""

    attendee_id: str
    name: str
    ticket_code: str | None
    first: Admission
    duplicate: Admission
    duplicate_scan_id: str
    first_scan_id: str = ""


@dataclass(frozen=True)
class WalkInPairView:
    """Two walk-in records that are probably one person, with where each was registered."""

    keep: Attendee
    other: Attendee
    keep_device: str
    other_device: str


@dataclass(frozen=True)
class Merged:
    keep: Attendee
    other: Attendee
    link_id: str


class Duplicates(OnSession):
    def __init__(self, session: Session) -> None:
        super().__init__(session)

    # --- reading -------------------------------------------------------------------------
    @storage_guard
    def entries(self) -> list[DuplicateEntryView]:
        """Guests admitted at two kiosks while already inside through the other (merged records
        count as one guest), later entry last."""
        conn, event = self.conn, self._session.event
        merged = link_store.merged_map(conn, event.id)
        logs: list[list[Scan]] = [sync_store.scans_of_guests_entered_twice(conn, event.id)]
        logs += [link_store.presence_log(conn, keep) for keep in set(merged.values())]
        scans = [replace(s, attendee_id=merged.get(s.attendee_id, s.attendee_id)) if s.attendee_id else s
                 for s in union_scans(*logs).values()]
        names = scan_store.device_names(conn)  # a renamed kiosk is shown by its current name
        views: list[DuplicateEntryView] = []
        for d in duplicate_entries(scans):
            guest = attendee_store.get(conn, d.attendee_id)
            views.append(DuplicateEntryView(
                d.attendee_id, guest.full_name if guest else d.attendee_id, guest.ticket_code if guest else None,
                Admission(names.get(d.first.device_id, d.first.device_name), d.first.device_time),
                Admission(names.get(d.duplicate.device_id, d.duplicate.device_name), d.duplicate.device_time),
                d.duplicate.id, d.first.id))
        return views

    @storage_guard
    def walk_in_pairs(self) -> list[WalkInPairView]:
        """Walk-ins of two kiosks that are probably one person and nobody has decided about yet."""
        conn, event = self.conn, self._session.event
        settled = settled_pairs(link_store.links(conn, event.id))
        pairs = walk_in_pairs(link_store.walk_ins(conn, event.id), settled)
        names = link_store.device_names(conn, [d for p in pairs for d in (p.keep.source_device or "",
                                                                           p.other.source_device or "")])

        def device(a: Attendee) -> str:
            return names.get(a.source_device or "", (a.source_device or "?")[:8])

        return [WalkInPairView(p.keep, p.other, device(p.keep), device(p.other)) for p in pairs]

    @storage_guard
    def badges_printed(self, attendee_id: str) -> list[Admission]:
        """Badges printed for this guest (and the records merged into it), here or at another kiosk,
        latest first: "badge printed (poste-B, 18:42)"."""
        conn = self.conn
        keep = link_store.counts_as(conn, attendee_id)
        prints = link_store.prints_of(conn, [keep, *link_store.merged_into(conn, keep)])
        names = link_store.device_names(conn, [p.device_id for p in prints if p.device_name is None])
        return [Admission(p.device_name or names.get(p.device_id, self._session.device_name), p.printed_at)
                for p in prints]

    @storage_guard
    def counts(self) -> tuple[int, int]:
        """(duplicate entries, walk-in pairs to look at): the window's indicator."""
        return len(self.entries()), len(self.walk_in_pairs())

    # --- deciding ------------------------------------------------------------------------
    @storage_guard
    def merge(self, keep_id: str, other_id: str, *, device_name: str | None = None) -> Merged:
        """``other`` is the same person as ``keep``: recorded, replicated, never undone silently."""
        keep, other = self._pair(keep_id, other_id)
        device = self._session.device(device_name)
        with transaction(self.conn):
            for guest in (keep, other):
                if link_store.counts_as(self.conn, guest.id) != guest.id:
                    raise Refused("merge_already_merged", name=guest.full_name)
            link = self._link(LinkKind.MERGE, keep, other, device.id, device.name)
            link_store.add(self.conn, link)
            if other.status is not Status.CANCELLED:
                other = attendee_store.update(
                    self.conn, other, {"status": Status.CANCELLED}, now=self._session.now(), stamp=link.hlc,
                    device_id=device.id,
                    case_sensitive=self._session.event.codes_case_sensitive)
            link_store.repoint_print_jobs(self.conn, other.id, keep.id)
            refresh_presence(self.conn, other.id)
        return Merged(keep, other, link.id)

    def restore_overruled(self) -> int:
        """A merge that ``resolve`` overrules (B into A made offline after A into B) must not leave its
        other record cancelled: the kept person would vanish. Its cancellation — only if it is still the
        merge's own write, not a later one — is reverted with a fresh edit (which replicates like any
        edit; every kiosk that sees both merges writes the same value). Call inside a transaction."""
        conn, event = self.conn, self._session.event
        found = link_store.links(conn, event.id)
        merged = resolve(found)
        restored = 0
        for link in found:
            if link.kind is not LinkKind.MERGE or link.other_id in merged:
                continue
            guest = attendee_store.get(conn, link.other_id)
            stamp = attendee_store.field_stamps(conn, link.other_id).get("status")
            if guest is None or guest.status is not Status.CANCELLED or stamp != (link.hlc, link.device_id):
                continue
            device = self._session.device()
            attendee_store.update(conn, guest, {"status": Status.VALID}, now=self._session.now(),
                                  device_id=device.id, case_sensitive=event.codes_case_sensitive)
            restored += 1
        return restored

    @storage_guard
    def dismiss(self, first_id: str, second_id: str, *, device_name: str | None = None) -> str:
        """"Not the same person": the pair is not offered again (on any kiosk, after sync)."""
        first, second = self._pair(first_id, second_id)
        device = self._session.device(device_name)
        with transaction(self.conn):
            link = self._link(LinkKind.DISTINCT, first, second, device.id, device.name)
            link_store.add(self.conn, link)
        return link.id

    def _pair(self, keep_id: str, other_id: str) -> tuple[Attendee, Attendee]:
        from kiosk.service.attendees import Attendees

        look = Attendees(self._session)
        keep, other = look.find(keep_id), look.find(other_id)
        if keep.id == other.id:
            raise Refused("merge_same_guest")
        return keep, other

    def _link(self, kind: LinkKind, keep: Attendee, other: Attendee, device_id: str, device_name: str) -> GuestLink:
        now = rules.format_time(self._session.clock())
        return GuestLink(str(uuid.uuid4()), keep.event_id, kind, keep.id, other.id, device_id, device_name, now,
                         sync_store.tick(self.conn, now))


@dataclass(frozen=True)
class SyncOutcome:
    """What the window's background sync brings back: the round, and what to look at afterwards."""

    summary: SyncSummary
    duplicate_entries: int
    walk_in_pairs: int


@dataclass(frozen=True)
class Snapshot:
    """What the window's "Duplicates" view lists, read on a worker."""

    entries: list[DuplicateEntryView]
    pairs: list[WalkInPairView]

    @property
    def total(self) -> int:
        return len(self.entries) + len(self.pairs)


def read_snapshot(data_dir: Path, device_name: str) -> Snapshot:
    """The duplicates of the active event, on a connection of its own (a worker thread's)."""
    from kiosk.service.kiosk import Kiosk

    kiosk = Kiosk.open(data_dir, device_name=device_name, check=False)
    try:
        return Snapshot(kiosk.duplicates.entries(), kiosk.duplicates.walk_in_pairs())
    finally:
        kiosk.close()
