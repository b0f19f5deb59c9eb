"""A session: one open data dir's connection, its clock, this device and the active event.

Nothing else: the operations are small services composed on a session (check-in, registration,
attendees, events, stats, keys, badges; see ``kiosk.service.kiosk.Kiosk`` for the composition).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Self

from kiosk import paths
from kiosk.domain import rules
from kiosk.domain.model import (
    Attendee,
    CheckinResult,
    Device,
    Event,
    ScanKind,
)
from kiosk.service.errors import (
    NoEventError,
    StorageError,
    StorageKind,
    storage_guard,
)
from kiosk.store import StoreError, connect, meta, migrate, quick_check, transaction
from kiosk.store import attendees as attendee_store
from kiosk.store import events as event_store
from kiosk.store.db import checkpoint, set_busy_timeout

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class Session:
    """One open data dir: its database, its active event, this machine's device identity."""

    def __init__(
        self, conn: sqlite3.Connection, *, device_name: str = "kiosk", clock: Clock = utc_now,
        lang: str = "fr", data_dir: Path | None = None,
    ) -> None:
        self.conn = conn
        self.device_name = device_name
        self.clock = clock
        self.lang = lang
        self.data_dir = data_dir
        self.db_path = paths.database(data_dir) if data_dir else None
        # Read first: a read-only command must not wait for the write lock a long import holds.
        self._install_id = meta.get(conn, "install_id") or self._mint_install_id()
        self._device_id: str | None = None
        self._event: Event | None = None
        # What follows a guest let in, whatever the way in (kiosk.service.printing.AutoPrint: the badge);
        # it returns what it did (a print job) or None. ``badges_queued`` counts the jobs it made.
        self.on_admitted: Callable[[Attendee], object] | None = None
        self.badges_queued = 0

    def admitted(self, result: CheckinResult) -> None:
        """A check-in, an override, a walk-in's check-in: called by the check-in service inside the
        transaction that records the entry, so the badge job and the entry are stored together. A
        replayed scan (the same code twice in a row), an exit or a refusal is no admission."""
        scan = result.scan
        if self.on_admitted is None or result.repeated or result.attendee is None or scan is None \
                or scan.kind not in (ScanKind.ENTRY, ScanKind.OVERRIDE):
            return
        if self.on_admitted(result.attendee) is not None:
            self.badges_queued += 1

    @storage_guard
    def _mint_install_id(self) -> str:
        with transaction(self.conn):
            return meta.install_id(self.conn)

    @classmethod
    def open(
        cls, data_dir: Path, *, device_name: str = "kiosk", clock: Clock = utc_now, lang: str = "fr",
        check: bool = True,
    ) -> Self:
        """Open (creating if needed) the data dir's database. With ``check`` (the default) a damaged
        file is refused at once (``PRAGMA quick_check``) rather than failing on some later scan.
        Raises StorageError (locked, full, read-only, corrupt, unavailable) and StoreError (newer schema)."""
        path = paths.database(data_dir)
        _make_private(data_dir)
        try:
            conn = connect(path, migrate_schema=False)
        except (sqlite3.Error, OSError, StoreError) as exc:
            storage = StorageError.from_exception(exc, path)
            if storage is None:
                raise
            raise storage from exc
        try:
            problems = quick_check(conn, max_problems=1) if check else []
            if problems:
                raise StorageError(StorageKind.CORRUPT, path, problems[0])
            migrate(conn)
            if attendee_store.search_backlog(conn):  # an import or join killed before its guests were indexed
                attendee_store.catch_up_search(conn)
            return cls(conn, device_name=device_name, clock=clock, lang=lang, data_dir=data_dir)
        except BaseException as exc:
            conn.close()
            storage = StorageError.from_exception(exc, path) if isinstance(exc, Exception) else None
            if storage is None or storage is exc:
                raise
            raise storage from exc

    def close(self) -> None:
        self.conn.close()

    def database_problems(self) -> list[str]:
        """``PRAGMA quick_check`` on a private read-only connection, so the window can run it on a
        worker thread at start-up; [] when the file is sound."""
        return quick_check(self.db_path) if self.db_path is not None else quick_check(self.conn)

    def wait_for_writers(self, ms: int) -> None:
        """Bound how long a write waits for another writer (the window: ~200 ms, then "not recorded")."""
        set_busy_timeout(self.conn, ms)

    @storage_guard
    def checkpoint(self) -> tuple[int, int]:
        """Fold the WAL into the database now, while the door is idle, so that SQLite's automatic
        checkpoint (20-60 ms) rarely lands on a check-in. PASSIVE: never waits for readers.
        Returns (frames in the WAL, frames checkpointed)."""
        return checkpoint(self.conn)

    # --- identity and time -------------------------------------------------------------
    def device(self, name: str | None = None) -> Device:
        """This kiosk: its id, minted once per data dir *and machine* (kiosk.store.sync.device_id), and
        ``name`` (else the session's name) for display. The name is not part of the identity: a renamed
        kiosk is the same device, two kiosks called alike are two devices, and a data dir copied to
        another laptop becomes a new device instead of colliding with the original."""
        label = (name or self.device_name).strip() or "kiosk"
        if self._device_id is None:
            self._device_id = self._mint_device_id(label)
        return Device(self._device_id, label)

    @storage_guard
    def _mint_device_id(self, label: str) -> str:
        from kiosk.service.device import machine_id
        from kiosk.store import sync as sync_store

        mine = sync_store.known_device_id(self.conn, machine_id())  # read first: no write lock needed
        if mine is not None:
            return mine
        with transaction(self.conn):
            return sync_store.device_id(self.conn, machine_id(), label)

    def now(self) -> str:
        return rules.format_time(self.clock())

    @property
    def keys_dir(self) -> Path | None:
        return paths.keys_dir(self.data_dir) if self.data_dir else None

    # --- event -------------------------------------------------------------------------
    @property
    @storage_guard
    def event(self) -> Event:
        if self._event is None:
            self._event = event_store.active(self.conn)
            if self._event is None:
                raise NoEventError()
        return self._event

    def forget_event(self) -> None:
        """The active event changed (or was created): read it again on next use."""
        self._event = None

    def has_event(self) -> bool:
        try:
            return bool(self.event.id)
        except NoEventError:
            return False


class OnSession:
    """A service composed on a session: its connection, and the database path ``storage_guard``
    names in its errors."""

    def __init__(self, session: Session) -> None:
        self._session = session

    @property
    def db_path(self) -> Path | None:
        return self._session.db_path

    @property
    def conn(self) -> sqlite3.Connection:
        return self._session.conn


def _make_private(data_dir: Path) -> None:
    """The data dir holds every guest's name: 0700 with 0600 files. One made by an older kiosk (0755,
    0644) is narrowed here, and said once (to stderr when nothing else logs; in the log file)."""
    from kiosk.files import tighten_tree

    if not data_dir.is_dir():
        return  # created private by connect
    if not data_dir.stat().st_mode & 0o077:
        return  # already ours alone: kiosk creates everything in it private, no walk at every open
    changed = tighten_tree(data_dir)
    if changed:
        log.warning("%s : lisible par les autres utilisateurs de cet ordinateur, restreint au propriétaire"
                    " (%d fichiers et dossiers) / was readable by other users of this computer: narrowed to"
                    " the owner only", data_dir, changed)
