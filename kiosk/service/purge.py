"""The after-event purge: what the privacy notice promises, carried out on this kiosk.

For one event it erases every personal field of its guests and of its scan log's free text (kiosk.store.
purge), deletes the files kiosk wrote with their names in them (badges sent to a PDF folder, exports,
evacuation lists), then vacuums SQLite and empties its WAL so the erased text is left neither in free
pages nor in the log. What the after-event report reads stays: the report made after a purge equals the
one made before it. It takes the event id and the moment of the purge, records both, and may run again
(idempotent), so a signed organiser fact pulled from the hub can later call it as the CLI does.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from kiosk import paths
from kiosk.domain import retention, rules
from kiosk.domain.model import Event
from kiosk.service import pin
from kiosk.service.errors import storage_guard
from kiosk.service.session import OnSession, Session
from kiosk.store import events as event_store
from kiosk.store import purge as purge_store
from kiosk.store import transaction

LOG_NAME = "kiosk.log"  # the window's log (kiosk.ui.app), rotated as kiosk.log.1, .2, .3


@dataclass(frozen=True)
class FileToErase:
    path: Path
    kind: str  # 'badge' | 'export' | 'present' | 'tickets' | 'log'
    size: int


@dataclass(frozen=True)
class Plan:
    """What a purge of one event would erase and keep (the dry run), and whether it is due."""

    event: Event
    due_at: str                     # when the retention ends (UTC)
    due: bool
    purged_at: str | None           # already purged then (a new run only sweeps leftovers)
    guests: int
    scans: int
    waitlist: int
    files: list[FileToErase] = field(default_factory=list)
    database_bytes: int = 0
    last_export: str | None = None  # the latest export kiosk wrote of this event
    last_change: str | None = None  # the latest guest write or scan

    @property
    def export_stale(self) -> bool:
        """No export since the last import, edit or check-in: the purge would lose what no file keeps."""
        return self.last_export is None or (self.last_change is not None and self.last_change > self.last_export)


@dataclass(frozen=True)
class Done:
    event_id: str
    purged_at: str
    guests: int
    scans: int
    files_deleted: int
    bytes_before: int
    bytes_after: int
    wal_emptied: bool = True  # False: another process held the WAL (see kiosk.store.purge.vacuum)


@dataclass(frozen=True)
class Left:
    event_id: str
    unsent_lost: int
    files_deleted: int
    bytes_before: int
    bytes_after: int


def _event_date(conn: sqlite3.Connection, event: Event) -> datetime:
    """The event's start (a naive one read as UTC), else when it was made here."""
    text = event.starts_at or event_store.created_at(conn, event.id) or "1970-01-01T00:00:00Z"
    try:
        moment = rules.parse_time(text)
    except ValueError:
        moment = rules.parse_time(event_store.created_at(conn, event.id) or "1970-01-01T00:00:00Z")
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


class Purge(OnSession):
    """The purge of this data dir's events (the CLI's `kiosk purge`, the automatic one at start)."""

    def __init__(self, session: Session) -> None:
        super().__init__(session)

    def _data_dir(self) -> Path | None:
        return self._session.data_dir

    def database_bytes(self) -> int:
        db = self._session.db_path
        if db is None:
            return 0
        return sum(_size(db.with_name(db.name + suffix)) for suffix in ("", "-wal"))

    def due_at(self, event: Event) -> datetime:
        return retention.ends(_event_date(self.conn, event), event.retention)

    def _files(self, event_id: str) -> list[FileToErase]:
        found: dict[Path, FileToErase] = {}
        for folder, job_id in purge_store.badge_files(self.conn, event_id):
            path = Path(folder) / f"kiosk-{job_id}.pdf"
            if path.is_file():
                found[path] = FileToErase(path, "badge", _size(path))
        for name, kind, _at in purge_store.written_files(self.conn, event_id):
            path = Path(name)
            if path.is_file():
                found[path] = FileToErase(path, kind, _size(path))
        data = self._data_dir()
        if data is not None:
            for path in sorted(data.glob(LOG_NAME + "*")):
                if path.is_file():
                    found[path] = FileToErase(path, "log", _size(path))
        return list(found.values())

    @storage_guard
    def plan(self, event: Event) -> Plan:
        """What purging ``event`` would erase and keep; writes nothing."""
        now = self._session.clock()
        ends = self.due_at(event)
        done = purge_store.purged(self.conn, event.id)
        held = purge_store.content(self.conn, event.id)
        return Plan(
            event=event, due_at=rules.format_time(ends), due=now >= ends,
            purged_at=done.purged_at if done else None, guests=held.guests, scans=held.scans,
            waitlist=held.waitlist, files=self._files(event.id), database_bytes=self.database_bytes(),
            last_export=purge_store.last_written(self.conn, event.id, "export"),
            last_change=purge_store.last_change(self.conn, event.id))

    @storage_guard
    def plans(self, *, only_due: bool) -> list[Plan]:
        """Every event of this data dir (``only_due``: those whose retention has passed and that were
        not purged yet), with what a purge would do."""
        found = [self.plan(e) for e in event_store.all_events(self.conn)]
        return [p for p in found if p.due and p.purged_at is None] if only_due else found

    @storage_guard
    def purge(self, event_id: str, *, at: str | None = None) -> Done:
        """Erase ``event_id``'s personal data now (``at``: the moment recorded, default now). Files first,
        so a crash in between leaves the database saying nothing was purged and a new run does it all."""
        purged_at = at or self._session.now()
        before = self.database_bytes()
        deleted = _unlink(self._files(event_id))
        with transaction(self.conn):
            record = purge_store.erase(self.conn, event_id, now=purged_at, files=deleted)
        emptied = purge_store.vacuum(self.conn)
        self._session.forget_event()
        return Done(event_id, record.purged_at, record.guests, record.scans, deleted, before, self.database_bytes(),
                    emptied)

    @storage_guard
    def due(self) -> list[Event]:
        """The events whose retention has passed and that are not purged yet (cheap: no file is looked at)."""
        now = self._session.clock()
        return [e for e in event_store.all_events(self.conn)
                if now >= self.due_at(e) and purge_store.purged(self.conn, e.id) is None]

    def purge_due(self) -> list[tuple[Event, Done]]:
        """Purge every event whose retention has passed and that is not purged yet: the automatic purge a
        kiosk runs at start, even if it never reaches the hub again."""
        return [(e, self.purge(e.id)) for e in self.due()]

    @storage_guard
    def unsent(self, event_id: str) -> int:
        """Scans of the event the hub has not acknowledged yet: what `leave` would lose."""
        return purge_store.unsent_scans(self.conn, event_id)

    @storage_guard
    def leave(self, event_id: str) -> Left:
        """Erase this door's copy of ``event_id``: its rows, the files kiosk wrote for it, the ticket keys,
        the staff PIN and the hub it synced with; then vacuum. The caller returns the laptop to the demo.
        The caller checks ``unsent`` first: scans the hub has not got are lost with the copy."""
        before = self.database_bytes()
        unsent = purge_store.unsent_scans(self.conn, event_id)
        files = self._files(event_id)
        data = self._data_dir()
        if data is not None:
            keys = paths.keys_dir(data)
            extra = [*(sorted(keys.iterdir()) if keys.is_dir() else []), data / pin.FILE_NAME, paths.hub_passfile(data)]
            files += [FileToErase(p, "key", _size(p)) for p in extra if p.is_file()]
        deleted = _unlink(files)
        with transaction(self.conn):
            purge_store.forget_event(self.conn, event_id)
        purge_store.vacuum(self.conn)
        self._session.forget_event()
        return Left(event_id, unsent, deleted, before, self.database_bytes())

    @storage_guard
    def record_written(self, *files: Path, kind: str) -> None:
        """Remember files written with the active event's guests in them, so the purge deletes them."""
        event_id, now = self._session.event.id, self._session.now()
        with transaction(self.conn):
            for path in files:
                purge_store.record_written_file(self.conn, event_id, str(Path(path).resolve()), kind, now)

    @storage_guard
    def set_retention(self, value: str | None) -> Event:
        """The active event's retention period ('90d', '12w', '3m'; None: the default)."""
        stored = retention.parse(value) if value else None
        with transaction(self.conn):
            purge_store.set_retention(self.conn, self._session.event.id, stored)
        self._session.forget_event()
        return self._session.event


def _unlink(files: list[FileToErase]) -> int:
    """Delete ``files``; how many were there (one already gone is not an error: a purge run again)."""
    deleted = 0
    for item in files:
        try:
            item.path.unlink()
            deleted += 1
        except FileNotFoundError:
            pass
    return deleted
