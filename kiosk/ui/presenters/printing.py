"""The printer as the window sees it: owns the PrintQueue behind the seam, shows its state, rebuilds
it when printer settings change, retries and prints test badges.

The state comes from the queue's runner (its worker thread): after each step it reads the queue's
state on its own thread and connection and, when it changed, posts it to the UI thread through the
TaskRunner's mailbox (the window's one way back). Only a queue without a runner is polled (on the
TaskRunner).

No widgets: the window connects ``changed`` to the header light and the check-in banner.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.service import Kiosk, KioskError
from kiosk.settings import Settings
from kiosk.ui.background import Task, TaskRunner
from kiosk.ui.printing import PrinterSnapshot, PrintSeam, sample_guest, snapshot

log = logging.getLogger(__name__)
POLL_MS = 2000
PrintFactory = Callable[[Settings], PrintSeam]


class PrinterController(QObject):
    changed = Signal(object)  # a PrinterSnapshot, or None when no queue is behind the seam
    rebuilt = Signal()

    def __init__(self, kiosk: Kiosk, seam: PrintSeam, runner: TaskRunner, factory: PrintFactory | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kiosk, self.seam, self.runner, self.factory = kiosk, seam, runner, factory
        self.last: PrinterSnapshot | None = None
        self._polling: Task | None = None
        self._reported: PrinterSnapshot | None = None  # the worker's last report (worker thread only)
        self._force = False
        self._generation = 0  # bumped by pause/attach: reports already in the mailbox are then stale
        self.timer = QTimer(self)  # only for a queue without a worker
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        self._attach(self.seam.queue)
        self.poll()

    def pause(self) -> None:
        """Stop taking the queue's reports (a screenshot showing a state of its own)."""
        self.timer.stop()
        self._generation += 1
        queue = self.seam.queue
        if queue is not None and hasattr(queue, "on_step"):
            queue.on_step = None

    def _attach(self, queue: Any) -> None:
        if queue is not None and getattr(queue, "runner", None) is not None:
            self._reported, self._force = None, True
            self._generation += 1
            generation = self._generation
            queue.on_step = lambda: self._from_worker(queue, generation)
            self.timer.stop()
        elif queue is not None:
            self.timer.start()

    def _from_worker(self, queue: Any, generation: int) -> None:
        """On the print worker's thread: read the state there, post it to the UI thread if it changed."""
        result = snapshot(queue)
        if result != self._reported or self._force:
            self._reported, self._force = result, False
            self.runner.mailbox.post(self._on_snapshot, queue, result, generation)

    # --- state -------------------------------------------------------------------------
    def poll(self) -> Task | None:
        """Ask for the queue's state now: its worker reports after its next step (woken now); a queue
        without a worker is read on the TaskRunner, skipped while the previous read runs."""
        queue = self.seam.queue
        if queue is not None and getattr(queue, "runner", None) is not None and queue.on_step is not None:
            self._force = True
            queue.wake()
            return None
        if queue is None or (self._polling is not None and self._polling.running):
            return None
        task = self.runner.start(lambda _progress: snapshot(queue), "printer status",
                                 on_done=lambda result: self._on_snapshot(queue, result),
                                 on_failed=lambda error: log.warning("printer status failed: %s", error))
        self._polling = task
        return task

    def _on_snapshot(self, queue: object, result: PrinterSnapshot, generation: int | None = None) -> None:
        if generation is not None and generation != self._generation:
            return  # posted before a pause or a rebuild
        if queue is self.seam.queue:  # a rebuild since then makes this answer stale
            self.last = result
            self.changed.emit(result)

    def retry(self) -> int:
        """Put failed badges back in the queue (staff pressed Retry on the banner)."""
        queue = self.seam.queue
        count = int(queue.retry_failed()) if queue is not None else 0
        self.poll()
        return count

    # --- settings ----------------------------------------------------------------------
    def rebuild(self, settings: Settings) -> None:
        """A new queue for new printer settings; the old one is stopped on a worker thread (it may
        be waiting on the printer), its unfinished badges stay queued for the new one."""
        if self.factory is None:
            return
        old = self.seam.queue
        if old is not None and hasattr(old, "on_step"):
            old.on_step = None
        self.seam.adopt(self.factory(settings))
        self._attach(self.seam.queue)
        if old is not None:
            self.runner.start(lambda _progress: old.stop(), "stop print queue")
        self.last = None
        self.changed.emit(None)
        self.rebuilt.emit()
        self.poll()

    def destination(self) -> str:
        queue = self.seam.queue
        return str(queue.destination) if queue is not None else ""

    def print_test(self) -> str:
        """Enqueue a badge for the first guest through the real queue; says where it will come out."""
        queue = self.seam.queue
        if queue is None:
            return self.tr("Printing is not set up: check the printer settings.")
        guest = sample_guest(self.kiosk)
        if guest is None:
            return self.tr("No guest to print a test badge for: import registrations first.")
        try:
            queue.enqueue(guest.id)
        except KioskError as exc:
            return str(exc)
        self.poll()
        where = self.destination() or self.tr("the default printer")
        if getattr(queue.printer, "backend", "") == "pdf":
            return self.tr("Test badge for %1 queued: the PDF goes to the folder %2").replace(
                "%1", guest.full_name).replace("%2", where)
        return self.tr("Test badge for %1 sent to %2").replace("%1", guest.full_name).replace("%2", where)

    def shutdown(self) -> None:
        """Stop polling and the queue (its unfinished badges stay queued for the next start)."""
        self.pause()
        queue, self.seam.queue = self.seam.queue, None
        stop = getattr(queue, "stop", None)
        if callable(stop):
            stop()
