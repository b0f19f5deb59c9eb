"""Badge printing as the window uses it: the seam it is handed (a PrintSeam over the print queue, or
none: the window then hides "Print badge" rather than show a button that does nothing), opening the
queue from the settings, reading its state off the UI thread, a guest for a test badge. No widgets here.

Why a snapshot: ``PrintQueue.backlog()`` asks the printer (``lpstat``) once its 2 s cache is stale,
so the window polls it on the TaskRunner and only renders the result.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from kiosk.domain.model import Attendee
from kiosk.service import Kiosk
from kiosk.settings import Settings

log = logging.getLogger(__name__)


@runtime_checkable
class BadgePrinter(Protocol):
    """What the window needs from the printing service (kiosk.service.printing.PrintQueue)."""

    def print_badge(self, attendee: Attendee) -> object: ...


PrinterStatus = Callable[[], tuple[bool, str]]  # (ok, problem in words or "" when ready) for the header


@dataclass
class PrintSeam:
    """The printing service as the window sees it; ``printer=None`` means no printing configured."""

    printer: BadgePrinter | None = None
    status: PrinterStatus | None = None
    queue: Any = None  # the kiosk.service.printing.PrintQueue behind it, if any (banner, retry, test badge)

    @property
    def available(self) -> bool:
        return self.printer is not None

    def adopt(self, other: PrintSeam) -> None:
        """Take another seam's printer in place, so every page holding this seam follows a rebuild."""
        self.printer, self.status, self.queue = other.printer, other.status, other.queue

    def print_badge(self, attendee: Attendee) -> None:
        if self.printer is not None:
            self.printer.print_badge(attendee)


def queue_seam(queue: Any) -> PrintSeam:
    """The seam over kiosk.service.printing.PrintQueue: enqueue by attendee id (it never blocks),
    header light from its banner (badges stuck) or its destination."""

    class _QueuePrinter:
        def print_badge(self, attendee: Attendee) -> object:
            return queue.enqueue(attendee.id)

    def status() -> tuple[bool, str]:
        banner = queue.backlog().message(queue.kiosk.lang)
        return (banner is None, banner or "")

    return PrintSeam(_QueuePrinter(), status, queue)


@dataclass(frozen=True)
class PrinterSnapshot:
    """What the header light and the check-in banner show, read in one go from the queue."""

    ok: bool
    message: str  # why not ok, or the printer's own words
    banner: str | None  # PrintQueue.backlog() in words: badges stuck, or None
    pending: int
    failed: int
    destination: str

    @property
    def needs_banner(self) -> bool:
        return self.banner is not None or not self.ok


def snapshot(queue: Any) -> PrinterSnapshot:
    """Read the queue's state; may block on the printer, so call it from a worker thread."""
    state = queue.status()
    return PrinterSnapshot(ok=bool(state.ok), message=str(state.message or ""),
                           banner=queue.backlog().message(queue.kiosk.lang),
                           pending=int(queue.pending_count()), failed=int(queue.failed_count()),
                           destination=str(queue.destination))


def open_print_seam(kiosk: Kiosk, settings: Settings) -> PrintSeam:
    """A started PrintQueue for these settings as the window's seam; no printing if it cannot be set up.

    Build it on the UI thread: the queue uses the kiosk's connection on the thread that made it."""
    try:
        from kiosk.adapters.printing import make_printer
        from kiosk.service.print_runner import PrintRunner
        from kiosk.service.printing import PrintQueue

        printer = make_printer(settings.printer_backend, settings.printer_name, data_dir=kiosk.data_dir)
        queue = PrintQueue(kiosk, printer, default_format=settings.badge_format)
        PrintRunner(queue).start()
    except Exception:  # printing is optional at the door: check-in goes on without it
        log.exception("badge printing unavailable")
        return PrintSeam()
    return queue_seam(queue)


def printer_names() -> list[tuple[str, bool]]:
    """(name, is default) of the system's printers; empty when none or when asking fails."""
    try:
        from kiosk.adapters.printing import list_printers

        return [(p.name, p.default) for p in list_printers()]
    except Exception:  # probing printers must not break the settings page
        log.exception("listing printers failed")
        return []


def sample_guest(kiosk: Kiosk) -> Attendee | None:
    """The guest a test badge is printed for: the first one (by last name) not cancelled."""
    return next((a for a in kiosk.attendees(limit=50) if not a.cancelled), None)


def printing_changed(old: Settings, new: Settings) -> bool:
    return (old.printer_backend, old.printer_name, old.badge_format) != \
        (new.printer_backend, new.printer_name, new.badge_format)
