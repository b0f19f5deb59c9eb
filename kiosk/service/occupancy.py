"""The organisers' figures, read-only: one incremental occupancy fold over the scan log, shared by the
occupancy screen, `kiosk stats`, `kiosk present` and `kiosk report`. Plus "check everyone out".

``Occupancy`` keeps its own connection when it can, so that SQLite's ``PRAGMA data_version`` tells it
when any other connection (the staff window, a CLI command, a second door on the same file) committed:
a refresh costs one pragma when nothing happened, and folds only the new rows of the log otherwise.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from kiosk import paths
from kiosk.domain import rules
from kiosk.domain.model import Event, Scan, ScanKind, Verdict
from kiosk.domain.occupancy import Figures, GroupFigures, OccupancyFold, PresentPerson, Track
from kiosk.domain.text import fold
from kiosk.service.presence import refresh_presence
from kiosk.service.session import utc_now
from kiosk.service.stats import Stats, WorkshopFigures
from kiosk.store import attendees as attendee_store
from kiosk.store import connect, transaction
from kiosk.store import events as event_store
from kiosk.store import guest_links as link_store
from kiosk.store import occupancy as occupancy_store
from kiosk.store import scans as scan_store

if TYPE_CHECKING:
    from kiosk.service.kiosk import Kiosk

CHECKOUT_ALL_REASON = "checkout-all"
SILENT_AFTER_S = 60  # a kiosk syncs every 5 s: a minute without it while others synced is a silent door
# A replay in steps folds step // SETTLE_RATIO people a call once the log is read (five scans each on a
# long evening): about as long as reading ``step`` scans.
SETTLE_RATIO = 4


@dataclass(frozen=True)
class KioskStatus:
    """One kiosk as the organisers' screen shows it: its name and when it was last heard of."""

    device_name: str
    last_contact: str | None  # UTC ISO-8601 (its latest scan)
    online: bool = True  # False: the hub has not heard from it for SILENT_AFTER_S while others synced
    hub_contact: str | None = None  # UTC ISO-8601 (hub clock): its last sync, as of this kiosk's last sync


class KioskStatuses(Protocol):
    """Where the occupancy screen's kiosk statuses come from (``Occupancy.statuses`` in the window)."""

    def statuses(self) -> list[KioskStatus]: ...


@dataclass
class _Replay:
    """The log folded again under a new merged map, step by step (see Occupancy.refresh)."""

    fold: OccupancyFold
    merged: dict[str, str]
    rowid: int = 0
    first_load: bool = False  # the screen's first fold of the log: nothing to show until it is done
    read_all: bool = False  # the log is read: what is left is folding each person's moves
    to_settle: int = 0  # people to fold once read_all


class Occupancy:
    """Figures for the active event of a database, refreshed from the log's new rows only."""

    def __init__(self, conn: sqlite3.Connection, *, event: Event | None = None,
                 clock: Callable[[], datetime] = utc_now, own_connection: bool = False,
                 load_step: int | None = None) -> None:
        """``load_step``: fold the log that many scans a :meth:`refresh` (the screen: 100,000 scans
        at once held its thread 0.6 s, the door window's too when opened from it); :attr:`loaded` is
        False until it is all folded. Without it the whole log is folded here."""
        self.conn = conn
        self.clock = clock
        self._own = own_connection
        found = event or event_store.active(conn)
        if found is None:
            from kiosk.service.errors import NoEventError

            raise NoEventError()
        self.event = found
        self._fold = self._new_fold()
        self._merged: dict[str, str] = {}  # merged-away guest → the one it counts as (kiosk.domain.duplicates)
        self._rowid = 0
        self._replay: _Replay | None = None
        self._version: int | None = None
        self._signature: tuple[object, ...] | None = None
        self._devices: dict[str, tuple[str, str]] = {}
        self._log_top = 0
        if load_step is not None:
            self._log_top = occupancy_store.top_rowid(conn)
            self._replay = _Replay(self._new_fold(), {}, first_load=True)
        self.refresh(force=True, step=load_step)

    def _new_fold(self) -> OccupancyFold:
        return OccupancyFold(capacity=self.event.capacity,
                             workshops=[(w.name, w.capacity) for w in self.event.workshops],
                             categories=[c.name for c in self.event.categories], starts_at=self.event.starts_at)

    @classmethod
    def for_kiosk(cls, kiosk: Kiosk, *, load_step: int | None = None) -> Occupancy:
        """A second, read-only connection to the kiosk's file (so data_version sees the kiosk's own
        commits too); an in-memory kiosk shares its connection and is refreshed with ``force``."""
        if kiosk.data_dir is None:
            return cls(kiosk.conn, event=kiosk.event, clock=kiosk.clock, load_step=load_step)
        conn = connect(paths.database(kiosk.data_dir), migrate_schema=False)
        return cls(conn, event=kiosk.event, clock=kiosk.clock, own_connection=True, load_step=load_step)

    def close(self) -> None:
        if self._own:
            self.conn.close()

    # --- refreshing ------------------------------------------------------------------------
    def changed(self) -> bool:
        """True when someone committed since the last refresh (one pragma: cheap enough for every tick),
        or a merge's replay is still under way."""
        return self._replay is not None or occupancy_store.data_version(self.conn) != self._version

    def refresh(self, *, force: bool = False, step: int | None = None) -> bool:
        """Fold what changed; returns True if anything did. The registrations are read again only when
        one was added, edited or removed (attendee_store.change_mark: two lookups), never on a timer:
        reading 20,000 of them took 0.3 s of the screen's thread, the door window's too when both are
        open in one process.

        Two records merged into one person means folding the whole log again under that person. With
        ``step`` (the screen), that replay reads at most ``step`` scans a call, the figures staying as
        they were until it has caught up: 100,000 scans at once held the screen's thread 0.6 s."""
        version = occupancy_store.data_version(self.conn)
        if not force and version == self._version and self._replay is None:
            return False
        self._version = version
        signature = (*attendee_store.change_mark(self.conn), link_store.link_count(self.conn))
        if signature != self._signature:
            self._signature = signature
            merged = link_store.merged_map(self.conn, self.event.id)
            people = [p for p in occupancy_store.people(self.conn, self.event.id) if p.id not in merged]
            if merged != (self._replay.merged if self._replay is not None else self._merged):
                first = self._replay is not None and self._replay.first_load
                self._replay = _Replay(self._new_fold(), merged, first_load=first)
            if self._replay is not None:
                self._replay.fold.set_people(people)
                if step is not None and occupancy_store.top_rowid(self.conn) - self._replay.rowid > step:
                    return True  # a long log: reading the registrations was this call's step (20,000: 0.1 s)
            else:
                self._fold.set_people(people)
        if self._replay is not None:
            replay = self._replay
            per_step = None if step is None else max(1, step // SETTLE_RATIO)
            while True:
                if not replay.read_all:  # first the log, ``step`` scans a call...
                    tail = self._read(replay.rowid, replay.merged, step)
                    replay.fold.add(tail.moves, settle=False)
                    replay.rowid = tail.last_rowid
                    replay.read_all, replay.to_settle = tail.complete, replay.fold.unsettled
                    if replay.read_all and (per_step is None or replay.to_settle <= per_step):
                        continue  # a short log: folded in this same call
                elif replay.fold.settle(per_step):
                    # ...then each person's moves; caught up: the replayed fold is the one shown from now on
                    self._fold, self._merged, self._rowid, self._replay = (replay.fold, replay.merged,
                                                                           replay.rowid, None)
                    return True
                if step is not None:
                    return True
        tail = self._read(self._rowid, self._merged, None)
        self._rowid = tail.last_rowid
        self._fold.add(tail.moves)
        return True

    def _read(self, after: int, merged: dict[str, str], limit: int | None) -> occupancy_store.LogTail:
        tail = occupancy_store.log_tail(self.conn, self.event.id, after, merged, limit=limit)
        for device_id, (name, at) in tail.devices.items():
            seen = self._devices.get(device_id)
            if seen is None or at > seen[1]:
                self._devices[device_id] = (name, at)
        return tail

    @property
    def replaying(self) -> bool:
        """A merge's replay or the first load is under way (refresh with ``step`` again until it is not)."""
        return self._replay is not None

    @property
    def loaded(self) -> bool:
        """False while the first load (``load_step``) folds the log: the figures are not there yet."""
        return self._replay is None or not self._replay.first_load

    def load_progress(self) -> float:
        """How much of the log the first load has folded, 0 to 1 (1 once :attr:`loaded`)."""
        if self.loaded or not self._log_top:
            return 1.0
        replay = self._replay
        assert replay is not None
        if not replay.read_all:  # reading the log: the first half
            return min(0.5, replay.rowid / self._log_top / 2)
        return 0.5 + (1 - replay.fold.unsettled / replay.to_settle) / 2 if replay.to_settle else 1.0

    # --- reading ---------------------------------------------------------------------------
    def figures(self, *, with_peak: bool = False, until_now: bool = True, with_timeline: bool = True) -> Figures:
        """``until_now``: the timeline runs to the current five minutes (the screen); without it, to the
        last movement (the report, written the morning after). ``with_timeline=False``: no chart."""
        now = rules.format_time(self.clock()) if until_now else None
        return self._fold.figures(now=now, with_peak=with_peak, with_timeline=with_timeline)

    def statuses(self) -> list[KioskStatus]:
        """Kiosks seen in this machine's log and by the hub (its heartbeat, as of this kiosk's last sync),
        latest scan first. A kiosk the hub has not heard from for SILENT_AFTER_S while the others
        synced is not ``online``: the organisers see a door that went silent."""
        heard = {d: (name, at) for d, name, at in link_store.hub_devices(self.conn)}
        newest = max((at for _n, at in heard.values()), default=None)
        found = []
        for device_id in self._devices.keys() | heard.keys():
            name, scanned = self._devices.get(device_id, (heard.get(device_id, ("?", ""))[0], None))
            contact = heard[device_id][1] if device_id in heard else None
            silent = contact is not None and newest is not None and _seconds(newest, contact) > SILENT_AFTER_S
            found.append(KioskStatus(name, scanned, not silent, contact))
        return sorted(found, key=lambda s: (s.last_contact or "", s.hub_contact or ""), reverse=True)

    def track_of(self, attendee_id: str) -> Track:
        return self._fold.track_of(attendee_id)

    def inside_ids(self) -> list[str]:
        return self._fold.inside_ids()

    def present(self) -> list[PresentPerson]:
        """Everyone inside now, sorted by last name then first name (accents and case folded)."""
        ids = self._fold.inside_ids()
        people = [PresentPerson(r.last_name, r.first_name, r.organisation,
                                self._fold.track_of(r.id).last_entry_at or "", r.cancelled)
                  for r in occupancy_store.present_rows(self.conn, ids)]
        return sorted(people, key=lambda p: (fold(p.last_name), fold(p.first_name), p.arrived_at))


def to_stats(f: Figures) -> Stats:
    """The fold's figures in `kiosk stats`' shape (its JSON keys are a public interface)."""

    def table(groups: dict[str, GroupFigures]) -> dict[str, WorkshopFigures]:
        return {name: WorkshopFigures(g.registered, g.arrived, g.inside, g.capacity) for name, g in groups.items()}

    return Stats(registered=f.registered, checked_in=f.arrived, inside=f.in_room, inside_other=f.inside_other,
                 walk_ins=f.walk_ins, cancelled=f.cancelled, capacity=f.capacity, by_workshop=table(f.by_workshop),
                 by_category=table(f.by_category))


def checkout_all(kiosk: Kiosk, *, staff: str, device_name: str | None = None) -> int:
    """Close the evening: an exit for everyone inside, in one transaction, each naming who did it.
    Each exit is stamped after the person's latest entry even if that entry came from a kiosk whose
    clock is ahead, so the fold replays it as the last word. Returns how many were checked out."""
    occupancy = Occupancy(kiosk.conn, event=kiosk.event, clock=kiosk.clock)
    device, now = kiosk.device(device_name), kiosk.clock()
    ids = occupancy.inside_ids()
    with transaction(kiosk.conn):
        known = {r.id: r for r in occupancy_store.present_rows(kiosk.conn, ids)}
        for attendee_id in ids:
            if attendee_id not in known:
                continue
            last_entry = occupancy.track_of(attendee_id).last_entry_at
            scan_store.append(kiosk.conn, Scan(
                id=str(uuid.uuid4()), event_id=kiosk.event.id, attendee_id=attendee_id, code=f"id:{attendee_id}",
                kind=ScanKind.EXIT, verdict=Verdict.EXIT_RECORDED, device_id=device.id, device_name=device.name,
                device_time=_after(now, last_entry), staff=staff.strip()[:100] or "staff",
                reason=CHECKOUT_ALL_REASON))
            refresh_presence(kiosk.conn, attendee_id)
    return sum(1 for attendee_id in ids if attendee_id in known)


def _seconds(later: str, earlier: str) -> float:
    """Seconds from ``earlier`` to ``later``; 0 when either is not a time (the hub's rows are input)."""
    try:
        return (rules.parse_time(later) - rules.parse_time(earlier)).total_seconds()
    except (ValueError, TypeError, OverflowError):
        return 0.0


def _after(now: datetime, last_entry_at: str | None) -> str:
    """``now``, or a millisecond after ``last_entry_at`` when that is not earlier (and is a time at all:
    a pulled scan's device time may not be; its HLC still orders the exit after it)."""
    try:
        last = rules.parse_time(last_entry_at) if last_entry_at is not None else None
        if last is not None and last.tzinfo is not None and last >= now:
            return rules.format_time(last + timedelta(milliseconds=1))
    except (ValueError, OverflowError):
        pass
    return rules.format_time(now)
