"""The persistent print queue: badges are written to the database first, then printed.

API for the window (all methods are safe to call from the GUI thread; none blocks on a printer)::

    queue = PrintQueue(kiosk, make_printer(settings.printer_backend, settings.printer_name,
                                           data_dir=kiosk.data_dir), default_format=settings.badge_format)
    queue.start()                      # background worker thread (plain threading, no Qt)
    job = queue.enqueue(attendee.id)   # on check-in with auto_print, or "Reprint" in the detail view
    queue.pending_count()              # badges still to come out (queued, printing, held)
    queue.backlog()                    # Backlog(pending, failed, printer_ok, reason): words at the edge
    queue.destination                  # where badges go (queue name or PDF folder): show it
    queue.jobs()                       # recent jobs, newest first (PrintJob.to_json())
    queue.retry_failed()               # put failed jobs back in the queue
    queue.stop()                       # on quit; unfinished jobs stay queued for next start

Without a worker (CLI, tests): ``process_once()`` does one step, ``run_until_empty()`` loops.

Lifecycle: queued -> printing (handed to the printer, its job id kept) -> done. A printer
that is missing, paused or rejecting turns due jobs to ``held`` (no attempt spent) until it is
back. A failed submission is retried with backoff (2 s, 10 s, 30 s, 2 min) and ends ``failed``
after MAX_ATTEMPTS. A job left ``printing`` by a killed process is re-checked at start: the
printer is asked for the job (by its id, or by the title ``kiosk-<job id>``); if it came out
or is on its way it is not sent again; if the printer never got it, it is queued again. So no
badge is lost and none prints twice. Each thread uses its own SQLite connection (WAL); ``stop``
closes them. The states and their moves are kiosk.domain.printing; ``PrintWorker`` only says when
to take the next step (the CLI takes them itself with ``run_until_empty``).
"""

from __future__ import annotations

import logging
import os
import socket
import sqlite3
import tempfile
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import paths
from kiosk.adapters.printing.base import JobState, Media, Printer, PrinterError, PrinterState
from kiosk.domain import rules
from kiosk.domain.printing import ACTIVE, JobStatus, after_failure, move
from kiosk.files import private_dir
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
Q, P, D, F, H = JobStatus.QUEUED, JobStatus.PRINTING, JobStatus.DONE, JobStatus.FAILED, JobStatus.HELD


def _token() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _alive(claimed_by: str | None) -> bool:
    """Is the process that claimed a job still running (on this machine)?"""
    if not claimed_by:
        return False
    host, _, pid = claimed_by.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False  # claimed elsewhere: that machine cannot be asked, treat as gone
    if int(pid) == os.getpid():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


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
    """Print jobs of this device, processed in order, surviving restarts."""

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
        self._recovered = False
        self._status: tuple[float, PrinterState] | None = None
        self.worker: PrintWorker | None = None
        # Called on the worker's thread after each of its steps (the window reads the queue's state
        # there, on the worker's own connection, and posts it to the UI thread through its mailbox).
        self.on_step: Callable[[], None] | None = None
        self._lock = threading.Lock()  # one process_once at a time within this process

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

    def _now(self) -> str:
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
        now = self._now()
        with transaction(conn):
            job = PrintJob(
                id=str(uuid.uuid4()), event_id=attendee.event_id, attendee_id=attendee.id, format=name,
                backend=self.printer.backend, printer=self.printer.name, status=Q, attempts=0,
                last_error=None, reprint=store.has_badge(conn, attendee.id), cups_job_id=None, claimed_by=None,
                next_attempt_at=None, device_id=self.device_id, created_at=now, updated_at=now,
            )
            store.insert(conn, job)
        self.wake()
        return job

    def pending_count(self) -> int:
        return store.count(self.conn, self.device_id, store.PENDING)

    def failed_count(self) -> int:
        return store.count(self.conn, self.device_id, (F,))

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
            jobs = store.with_status(conn, self.device_id, (F,))
            for job in jobs:
                self._move(job, Q, attempts=0, next_attempt_at=None, claimed_by=None)
        self.wake()
        return len(jobs)

    # --- processing ---------------------------------------------------------------------
    def recover(self) -> int:
        """Settle jobs a killed process left 'printing' without the printer's job id."""
        changed = 0
        conn = self.conn
        for job in store.with_status(conn, self.device_id, (P,)):
            if job.cups_job_id or (_alive(job.claimed_by) and job.claimed_by != _token()):
                continue  # known to the printer (polled below), or another live process is sending it
            try:
                found = self.printer.find_job(job.title)
            except PrinterError:
                continue  # cannot tell now: leave it for the next start
            with transaction(conn):
                if found is None:
                    self._move(job, Q, claimed_by=None)
                else:
                    self._move(job, P, cups_job_id=found[0])
            changed += 1
        self._recovered = True
        return changed

    def _move(self, job: PrintJob, to: JobStatus, *, now: str | None = None, expect: bool = True,
              **changes: object) -> bool:
        """The one way a job's status is written: the state machine allows the move (IllegalMove
        otherwise), and with ``expect`` only if the job is still in the state it was read in."""
        move(job.status, to)
        return store.update(self.conn, job.id, now=now or self._now(), expect=job.status if expect else None,
                            status=to, **changes)

    def _poll(self) -> int:
        """Jobs handed to the printer: done when it says completed; retried when it failed."""
        settled = 0
        conn = self.conn
        for job in store.with_status(conn, self.device_id, (P,)):
            if not job.cups_job_id:
                continue
            try:
                state = self.printer.job_state(job.cups_job_id)
            except PrinterError:
                continue
            if state is JobState.COMPLETED:
                with transaction(conn):
                    self._move(job, D, last_error=None)
                settled += 1
            elif state in (JobState.FAILED, JobState.UNKNOWN):
                reason = "the printer aborted the job" if state is JobState.FAILED else \
                    "the printer lost track of the job"
                self._failed(job, reason)
                settled += 1
        return settled

    def _failed(self, job: PrintJob, error: str) -> None:
        to, delay = after_failure(job.attempts)
        due = rules.format_time(self.clock() + timedelta(seconds=delay)) if delay is not None else None
        with transaction(self.conn):
            if to is F:
                self._move(job, F, last_error=error, claimed_by=None, cups_job_id=None, expect=False)
            else:
                self._move(job, Q, last_error=error, claimed_by=None, cups_job_id=None, next_attempt_at=due,
                           expect=False)

    def _hold_or_release(self, state: PrinterState) -> None:
        conn = self.conn
        now = self._now()
        with transaction(conn):
            if state.ok:
                for job in store.with_status(conn, self.device_id, (H,)):
                    self._move(job, Q, now=now, next_attempt_at=None)
            else:
                for job in store.with_status(conn, self.device_id, (Q,)):
                    self._move(job, H, now=now, last_error=state.message)

    def process_once(self) -> PrintJob | None:
        """One step: settle finished jobs, then hand the next due badge to the printer.
        Returns the job submitted (or that failed to submit), None when nothing was sent."""
        with self._lock:
            if not self._recovered:
                self.recover()
            self._poll()
            state = self.status(fresh=True)
            self._hold_or_release(state)
            if not state.ok:
                return None
            conn = self.conn
            with transaction(conn):
                job = store.next_due(conn, self.device_id, self._now())
                if job is None:
                    return None
                self._move(job, P, attempts=job.attempts + 1, claimed_by=_token())
            job = store.get(conn, job.id) or job
            try:
                printer_id = self._submit(job)
            except (PrinterError, OSError, KioskError) as exc:
                self._failed(job, str(exc) or type(exc).__name__)
                self._status = None
                return store.get(conn, job.id)
            with transaction(conn):
                store.update(conn, job.id, now=self._now(), cups_job_id=printer_id)
            self._poll_one(job.id)
            return store.get(conn, job.id)

    def _poll_one(self, job_id: str) -> None:
        """The PDF folder completes at once: settle it now rather than on the next step."""
        job = store.get(self.conn, job_id)
        if job is not None and job.cups_job_id and self.printer.backend == "pdf":
            self._poll()

    def _submit(self, job: PrintJob) -> str:
        from kiosk.badges import engine, layouts

        layout = layouts.get(job.format)
        attendee = attendee_store.get(self.conn, job.attendee_id)
        if attendee is None:
            raise KioskError(f"attendee {job.attendee_id} no longer exists")
        badge = self.kiosk.badges.contents([attendee])
        lacking = "".join(dict.fromkeys("".join(engine.unprintable(b) for b in badge)))
        if lacking != job.missing_glyphs:  # the record says what the badge lacks (the engine logs it)
            with transaction(self.conn):
                store.update(self.conn, job.id, now=self._now(), missing_glyphs=lacking)
        # Badges waiting to print hold guests' names: a private folder, never the shared temp folder narrowed.
        spool = private_dir(self.kiosk.data_dir / "spool") if self.kiosk.data_dir else Path(tempfile.gettempdir())
        pdf = spool / f"{job.title}.pdf"
        try:
            engine.render(badge, layout, pdf, title=job.title)
            media = Media(layout.page_w_mm, layout.page_h_mm, layout.media)
            return self.printer.submit(str(pdf), media, job.title)
        finally:
            pdf.unlink(missing_ok=True)

    def run_until_empty(self, *, timeout: float = 120.0, poll: float = 0.2) -> int:
        """Process until nothing is queued or printing (held jobs wait for the printer: stop).
        Returns how many jobs ended done. Waits for backoffs and for the printer to finish."""
        import time

        deadline = time.monotonic() + timeout
        done_before = store.count(self.conn, self.device_id, (D,))
        while time.monotonic() < deadline:
            sent = self.process_once()
            active = store.count(self.conn, self.device_id, ACTIVE)
            if active == 0:
                break
            if store.count(self.conn, self.device_id, (H,)) and not self.status().ok:
                break
            if sent is None:
                time.sleep(poll)
        return store.count(self.conn, self.device_id, (D,)) - done_before

    # --- the worker (a driver of the steps above; the CLI drives them with run_until_empty) ------
    @property
    def _thread(self) -> threading.Thread | None:
        return self.worker.thread if self.worker is not None else None

    def wake(self) -> None:
        """Something changed (a badge queued, a retry): the worker takes its next step now."""
        if self.worker is not None:
            self.worker.wake()

    def start(self, *, poll: float = 1.0) -> None:
        """Print in a daemon thread (:class:`PrintWorker`); ``enqueue`` wakes it, else it looks every ``poll`` s."""
        if self.worker is not None and self.worker.alive():
            return
        self.worker = PrintWorker(self, poll=poll)
        self.worker.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the worker, then close every connection this queue opened for another thread."""
        if self.worker is not None:
            self.worker.stop(timeout)
            self.worker = None
        self.close_connections()

    def close_connections(self) -> None:
        with self._conns_lock:
            opened, self._opened = self._opened, []
        for conn in opened:
            conn.close()
        self._local = threading.local()


class PrintWorker:
    """Runs a queue's steps on one daemon thread, one step at a time; never touches the UI.

    The thread's SQLite connection (opened by the queue on first use) is closed when it ends."""

    def __init__(self, queue: PrintQueue, *, poll: float = 1.0) -> None:
        self.queue = queue
        self.poll = poll
        self.thread: threading.Thread | None = None
        self._wake = threading.Event()
        self._stop = threading.Event()

    def alive(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    def start(self) -> None:
        self._stop.clear()
        self.thread = threading.Thread(target=self._run, name="kiosk-print-queue", daemon=True)
        self.thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self.thread is not None:
            self.thread.join(timeout)
            self.thread = None

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                try:
                    sent = self.queue.process_once()
                except Exception:
                    log.exception("print queue step failed")
                    sent = None
                    self._stop.wait(self.poll)
                self._report()
                if sent is None:
                    self._wake.wait(self.poll)
                    self._wake.clear()
        finally:
            self.queue.close_thread_connection()

    def _report(self) -> None:
        callback = self.queue.on_step
        if callback is None:
            return
        try:
            callback()
        except Exception:
            log.exception("print queue listener failed")


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
