"""The persistent print queue: badges are written to the database first, then printed.

The queue says what to print and in which state each badge is; its runner
(kiosk.service.print_runner.PrintRunner) sends the jobs to the printer.
API for the window (all methods are safe to call from the GUI thread; none blocks on a printer)::

    queue = PrintQueue(kiosk, make_printer(settings.printer_backend, settings.printer_name,
                                           data_dir=kiosk.data_dir), default_format=settings.badge_format)
    PrintRunner(queue).start()         # background worker thread (plain threading, no Qt)
    job = queue.enqueue(attendee.id)   # on check-in with auto_print, or "Reprint" in the detail view
    queue.pending_count()              # badges still to come out (queued, printing, held)
    queue.backlog()                    # Backlog(pending, failed, printer_ok, reason): words at the edge
    queue.destination                  # where badges go (queue name or PDF folder): show it
    queue.jobs()                       # recent jobs, newest first (PrintJob.to_json())
    queue.retry_failed()               # put failed jobs back in the queue
    queue.stop()                       # on quit; unfinished jobs stay queued for next start

Without a thread (CLI, tests): ``PrintRunner(queue).process_once()`` does one step,
``run_until_empty()`` loops.

Lifecycle: queued -> printing (handed to the printer, its job id kept) -> done. A printer
that is missing, paused or rejecting turns due jobs to ``held`` (no attempt spent) until it is
back. A failed submission is retried with backoff (2 s, 10 s, 30 s, 2 min) and ends ``failed``
after MAX_ATTEMPTS. A job left ``printing`` by a killed process is re-checked at start: the
printer is asked for the job (by its id, or by the title ``kiosk-<job id>``); if it came out
or is on its way it is not sent again; if the printer never got it, it is queued again. So no
badge is lost and none prints twice. Each thread uses its own SQLite connection (WAL); ``stop``
closes them. The states and their moves are kiosk.domain.printing.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from kiosk import paths
from kiosk.adapters.printing.base import Printer, PrinterError, PrinterState
from kiosk.domain import rules
from kiosk.domain.printing import JobStatus, move
from kiosk.service.errors import KioskError
from kiosk.service.kiosk import Kiosk
from kiosk.store import attendees as attendee_store
from kiosk.store import connect, transaction
from kiosk.store import print_jobs as store
from kiosk.store.print_jobs import PrintJob

if TYPE_CHECKING:
    from kiosk.domain.model import Attendee
    from kiosk.settings import Settings

STATUS_CACHE_S = 2.0
log = logging.getLogger(__name__)


class Runner(Protocol):
    """What the queue knows of the thread sending its jobs (kiosk.service.print_runner.PrintRunner)."""

    def wake(self) -> None: ...
    def stop(self, timeout: float = 10.0) -> None: ...


@dataclass(frozen=True)
class Backlog:
    """What the banner reports: badges still to come out, badges given up on, the printer's state."""

    pending: int
    failed: int
    printer_ok: bool
    reason: str  # the printer's own words when it is not ok

    def message(self, lang: str) -> str | None:
        from kiosk.domain.messages import backlog_message

        return backlog_message(self.pending, self.failed, self.printer_ok, self.reason, lang=lang)


class PrintQueue:
    """Print jobs of this device and their states, surviving restarts; a PrintRunner sends them in order."""

    def __init__(
        self, kiosk: Kiosk, printer: Printer, *, default_format: str = "a6",
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.kiosk = kiosk
        self.printer = printer
        self.default_format = default_format
        self.clock = clock or kiosk.clock
        self.device_id = kiosk.device().id
        self.event = kiosk.event  # loaded now: the worker thread must not touch the kiosk's connection
        self._local = threading.local()
        self._owner = threading.get_ident()
        self._opened: list[sqlite3.Connection] = []  # connections of other threads, closed by stop()
        self._conns_lock = threading.Lock()
        self.recovered = False  # jobs a killed process left 'printing' were settled (PrintRunner.recover)
        self._status: tuple[float, PrinterState] | None = None
        self.runner: Runner | None = None  # the thread sending the jobs, while one runs
        # Called on the runner's thread after each of its steps (the window reads the queue's state
        # there, on the runner's own connection, and posts it to the UI thread through its mailbox).
        self.on_step: Callable[[], None] | None = None
        self.step_lock = threading.Lock()  # one step at a time within this process, whichever runner takes it

    # --- connections ----------------------------------------------------------------
    @property
    def conn(self) -> sqlite3.Connection:
        """The kiosk's connection on its own thread; a private one on any other thread."""
        if threading.get_ident() == self._owner or self.kiosk.data_dir is None:
            return self.kiosk.conn
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(paths.database(self.kiosk.data_dir))
            self._local.conn = conn
            with self._conns_lock:
                self._opened.append(conn)
        return conn

    def close_thread_connection(self) -> None:
        """Close the calling thread's private connection (a worker ending)."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            return
        self._local.conn = None
        with self._conns_lock:
            if conn in self._opened:
                self._opened.remove(conn)
        conn.close()

    def now(self) -> str:
        return rules.format_time(self.clock())

    @property
    def destination(self) -> str:
        return self.printer.name

    # --- the API the window calls ---------------------------------------------------
    def enqueue(self, attendee_id: str, fmt: str | None = None) -> PrintJob:
        """Record a badge to print (a second badge for the same guest is marked reprint)."""
        from kiosk.badges import layouts

        name = fmt or self.default_format
        try:
            layouts.get(name)
        except KeyError as exc:
            raise KioskError(str(exc.args[0])) from exc
        conn = self.conn
        attendee = attendee_store.get(conn, attendee_id)
        if attendee is None or attendee.event_id != self.event.id:
            raise KioskError(f"no attendee {attendee_id}")
        now = self.now()
        with transaction(conn):
            job = PrintJob(
                id=str(uuid.uuid4()), event_id=attendee.event_id, attendee_id=attendee.id, format=name,
                backend=self.printer.backend, printer=self.printer.name, status=JobStatus.QUEUED, attempts=0,
                last_error=None, reprint=store.has_badge(conn, attendee.id), cups_job_id=None, claimed_by=None,
                next_attempt_at=None, device_id=self.device_id, created_at=now, updated_at=now,
            )
            store.insert(conn, job)
        self.wake()
        return job

    def pending_count(self) -> int:
        return store.count(self.conn, self.device_id, store.PENDING)

    def failed_count(self) -> int:
        return store.count(self.conn, self.device_id, (JobStatus.FAILED,))

    def jobs(self, limit: int = 50) -> list[PrintJob]:
        return store.recent(self.conn, self.device_id, limit)

    def job(self, job_id: str) -> PrintJob | None:
        return store.get(self.conn, job_id)

    def status(self, *, fresh: bool = False) -> PrinterState:
        """The printer's state, cached a moment so a window refreshing often spawns no storm of lpstat."""
        import time

        now = time.monotonic()
        if fresh or self._status is None or now - self._status[0] > STATUS_CACHE_S:
            try:
                state = self.printer.status()
            except PrinterError as exc:
                state = PrinterState(False, False, False, str(exc))
            self._status = (now, state)
        return self._status[1]

    def forget_status(self) -> None:
        """The printer just refused a job: ask it afresh next time."""
        self._status = None

    def backlog(self) -> Backlog:
        """Badges stuck, as data (the words: kiosk.domain.messages.backlog_message, at the edge)."""
        pending, failed = self.pending_count(), self.failed_count()
        if not pending and not failed:
            return Backlog(0, 0, True, "")
        state = self.status()
        return Backlog(pending, failed, bool(state.ok), str(state.message or ""))

    def retry_failed(self) -> int:
        conn = self.conn
        with transaction(conn):
            jobs = store.with_status(conn, self.device_id, (JobStatus.FAILED,))
            for job in jobs:
                self.move(job, JobStatus.QUEUED, attempts=0, next_attempt_at=None, claimed_by=None)
        self.wake()
        return len(jobs)

    def move(self, job: PrintJob, to: JobStatus, *, now: str | None = None, expect: bool = True,
             **changes: object) -> bool:
        """The one way a job's status is written: the state machine allows the move (IllegalMove
        otherwise), and with ``expect`` only if the job is still in the state it was read in."""
        move(job.status, to)
        return store.update(self.conn, job.id, now=now or self.now(), expect=job.status if expect else None,
                            status=to, **changes)

    # --- the runner sending the jobs (kiosk.service.print_runner) ---------------------------
    def wake(self) -> None:
        """Something changed (a badge queued, a retry): the runner takes its next step now."""
        if self.runner is not None:
            self.runner.wake()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the runner's thread, then close every connection this queue opened for another thread."""
        if self.runner is not None:
            self.runner.stop(timeout)
            self.runner = None
        self.close_connections()

    def close_connections(self) -> None:
        with self._conns_lock:
            opened, self._opened = self._opened, []
        for conn in opened:
            conn.close()
        self._local = threading.local()


class AutoPrint:
    """"Print the badge on check-in", decided here once for every way a guest comes in: the staff
    window, the walk-in screen, ``kiosk checkin``, ``kiosk register --checkin``, ``kiosk override``.

    Installed on the session (``Session.on_admitted``), it is called by the check-in service in the
    transaction that records the entry, so the entry and its badge job are stored together. A guest
    whose badge already came out (here or at another kiosk, once synced) or is on its way gets none:
    a re-entry, or a guest badged at the other door, does not print twice. ``send`` puts the job in
    the persistent queue (``PrintQueue.enqueue``, or the window's seam over it)."""

    def __init__(self, kiosk: Kiosk, send: Callable[[Attendee], object]) -> None:
        self.kiosk, self.send = kiosk, send

    def __call__(self, attendee: Attendee) -> object:
        if store.has_badge(self.kiosk.conn, attendee.id) or self.kiosk.badges_printed(attendee.id):
            return None  # the second check also counts the records merged into this guest
        try:
            return self.send(attendee)
        except (KioskError, PrinterError) as exc:  # a badge format or printer gone: the guest is let in all the same
            log.warning("badge not queued for %s: %s", attendee.id, exc)
            return None


def auto_print(kiosk: Kiosk, send: Callable[[Attendee], object] | None, enabled: bool) -> AutoPrint | None:
    """Turn the auto-print setting on or off for this session (``send`` None: no printer set up)."""
    policy = AutoPrint(kiosk, send) if enabled and send is not None else None
    kiosk.on_admitted = policy
    return policy


def configured_queue(kiosk: Kiosk, settings: Settings) -> PrintQueue:
    """The print queue of the printer in the settings (raises PrinterError for a bad backend)."""
    from kiosk.adapters.printing import make_printer

    printer = make_printer(settings.printer_backend, settings.printer_name, data_dir=kiosk.data_dir)
    return PrintQueue(kiosk, printer, default_format=settings.badge_format)
