"""Work the window runs off its UI thread, each on a private Kiosk (its own SQLite connection).

A SQLite connection belongs to the thread that made it, so a worker opens the data dir again, does
one job and closes it. These entry points sit above the composition (kiosk.service.kiosk): they open
a ``Kiosk``, so no service below it needs to, and the services stay one-way. Each takes plain values
(a data dir, a device name) and callbacks, never a widget: the window posts what they return back to
its own thread (kiosk.ui.background).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kiosk.service.errors import KioskError
from kiosk.service.kiosk import Kiosk

if TYPE_CHECKING:
    from kiosk.badges.batch import BatchResult, Progress
    from kiosk.domain.pairing import Pairing
    from kiosk.domain.readiness import Line
    from kiosk.service.duplicates import Snapshot
    from kiosk.service.importer import ImportReport
    from kiosk.service.sync.join import Joined
    from kiosk.service.sync.round import SyncSummary

log = logging.getLogger(__name__)


class PhasedProgress(Protocol):
    """``progress(done, total)`` and ``progress.phase(name)`` (kiosk.ui.background.TaskProgress)."""

    def __call__(self, done: int, total: int) -> None: ...

    def phase(self, name: str) -> None: ...


def import_in_thread(data_dir: Path, device: str, lang: str, path: Path, progress: PhasedProgress, *,
                     overwrite: bool = False) -> ImportReport:
    """Kiosk menu → Import registrations…: committed or rolled back as one transaction."""
    from kiosk.service.importer import import_registrations

    kiosk = Kiosk.open(data_dir, device_name=device, lang=lang)
    try:
        return import_registrations(kiosk, path, progress=progress, phase=progress.phase, overwrite=overwrite)
    finally:
        kiosk.close()


def badges_in_thread(data_dir: Path, device: str, lang: str, fmt: str, output: Path,
                     progress: Progress) -> BatchResult:
    """Kiosk menu → Badges PDF for everyone: the same rendering as `kiosk badges --all`."""
    from kiosk.badges import layouts

    kiosk = Kiosk.open(data_dir, device_name=device, lang=lang)
    try:
        try:
            layout = layouts.get(fmt)
        except KeyError as exc:
            raise KioskError(str(exc.args[0])) from None
        return kiosk.badges.render_all(layout, output, progress=progress)
    finally:
        kiosk.close()


def read_duplicates(data_dir: Path, device_name: str) -> Snapshot:
    """What the "Duplicates" view lists for the active event."""
    from kiosk.service.duplicates import Snapshot

    kiosk = Kiosk.open(data_dir, device_name=device_name, check=False)
    try:
        return Snapshot(kiosk.duplicates.entries(), kiosk.duplicates.walk_in_pairs())
    finally:
        kiosk.close()


def add_door_in_thread(data_dir: Path, device: str, url: str, name: str, host: str | None) -> Pairing:
    """Hub → Add a door: the door's hub login and its pairing code (kiosk.service.pairing.add_door)."""
    from kiosk.service.pairing import add_door

    kiosk = Kiosk.open(data_dir, device_name=device, check=False)
    try:
        return add_door(kiosk, url, name, host=host)
    finally:
        kiosk.close()


def join_in_thread(data_dir: Path, device: str, pairing: Pairing) -> Joined:
    """Join an evening: this door joins the event a pairing code names (kiosk.service.pairing.join_paired)."""
    from kiosk.service.pairing import join_paired

    kiosk = Kiosk.open(data_dir, device_name=device, check=False)
    try:
        return join_paired(kiosk, pairing)
    finally:
        kiosk.close()


def check_data_dir(data_dir: Path, device_name: str, lang: str) -> list[Line]:
    """Kiosk → Ready for the evening?: the readiness list (the hub may be slow to answer)."""
    from kiosk.service.readiness import check

    kiosk = Kiosk.open(data_dir, device_name=device_name, check=False)
    try:
        return check(kiosk, lang)
    finally:
        kiosk.close()


@dataclass(frozen=True)
class SyncOutcome:
    """What the window's background sync brings back: the round, and what to look at afterwards."""

    summary: SyncSummary
    duplicate_entries: int
    walk_in_pairs: int


def watch_hub(data_dir: Path, device_name: str, url: str, *, poll_s: float, stop: Callable[[], bool],
              wake: threading.Event, report: Callable[[str], None], on_outcome: Callable[[SyncOutcome], None],
              on_failed: Callable[[object], None]) -> None:
    """The window's sync thread: the loop of `kiosk sync --watch` (kiosk.service.sync.watch) until
    ``stop()``, each round's outcome to ``on_outcome``; a database that cannot be opened, or a loop
    that stopped on an error, to ``on_failed`` (the window says it on its Sync light)."""
    from kiosk.service.duplicates import Duplicates
    from kiosk.service.sync.watch import watch

    try:
        kiosk = Kiosk.open(data_dir, device_name=device_name, check=False)
    except Exception as exc:  # the database cannot be opened: said on the light, no sync
        on_failed(exc)
        return
    try:
        watch(kiosk, url, poll_s=poll_s, stop=stop, wake=wake, report=report,
              on_round=lambda summary: on_outcome(SyncOutcome(summary, *Duplicates(kiosk).counts())))
    except Exception as exc:
        log.exception("background sync stopped")
        on_failed(exc)
    finally:
        kiosk.close()
