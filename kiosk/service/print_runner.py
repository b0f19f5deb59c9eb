"""The print runner: sends a PrintQueue's jobs to its printer, one step at a time.

Each step settles the jobs the printer finished, holds or releases the queue as the printer is
missing, paused or back, and hands the next due badge to the printer (rendered to a PDF in a
private spool folder first). ``start`` takes the steps on a daemon thread, woken when a badge is
queued; the CLI takes them itself (``run_until_empty``). The states, and what the window reads, are
the queue's (kiosk.service.printing.PrintQueue).
"""

from __future__ import annotations

import logging
import os
import socket
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path

from kiosk.adapters.printing.base import JobState, Media, PrinterError, PrinterState
from kiosk.domain import rules
from kiosk.domain.printing import ACTIVE, JobStatus, after_failure
from kiosk.files import private_dir
from kiosk.service.errors import KioskError
from kiosk.service.printing import PrintQueue
from kiosk.store import attendees as attendee_store
from kiosk.store import print_jobs as store
from kiosk.store import transaction
from kiosk.store.print_jobs import PrintJob

log = logging.getLogger(__name__)


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


class PrintRunner:
    """Takes a queue's steps; on its own daemon thread once started (never touching the UI). The
    thread's SQLite connection (opened by the queue on first use) is closed when it ends."""

    def __init__(self, queue: PrintQueue, *, poll: float = 1.0) -> None:
        self.queue = queue
        self.poll = poll
        self.thread: threading.Thread | None = None
        self._wake = threading.Event()
        self._stop = threading.Event()

    # --- the steps ---------------------------------------------------------------------------
    def recover(self) -> int:
        """Settle jobs a killed process left 'printing' without the printer's job id."""
        changed = 0
        conn = self.queue.conn
        for job in store.with_status(conn, self.queue.device_id, (JobStatus.PRINTING,)):
            if job.cups_job_id or (_alive(job.claimed_by) and job.claimed_by != _token()):
                continue  # known to the printer (polled below), or another live process is sending it
            try:
                found = self.queue.printer.find_job(job.title)
            except PrinterError:
                continue  # cannot tell now: leave it for the next start
            with transaction(conn):
                if found is None:
                    self.queue.move(job, JobStatus.QUEUED, claimed_by=None)
                else:
                    self.queue.move(job, JobStatus.PRINTING, cups_job_id=found[0])
            changed += 1
        self.queue.recovered = True
        return changed

    def _poll(self) -> int:
        """Jobs handed to the printer: done when it says completed; retried when it failed."""
        settled = 0
        conn = self.queue.conn
        for job in store.with_status(conn, self.queue.device_id, (JobStatus.PRINTING,)):
            if not job.cups_job_id:
                continue
            try:
                state = self.queue.printer.job_state(job.cups_job_id)
            except PrinterError:
                continue
            if state is JobState.COMPLETED:
                with transaction(conn):
                    self.queue.move(job, JobStatus.DONE, last_error=None)
                settled += 1
            elif state in (JobState.FAILED, JobState.UNKNOWN):
                reason = "the printer aborted the job" if state is JobState.FAILED else \
                    "the printer lost track of the job"
                self._failed(job, reason)
                settled += 1
        return settled

    def _failed(self, job: PrintJob, error: str) -> None:
        to, delay = after_failure(job.attempts)
        due = rules.format_time(self.queue.clock() + timedelta(seconds=delay)) if delay is not None else None
        queue = self.queue
        with transaction(queue.conn):
            if to is JobStatus.FAILED:
                queue.move(job, JobStatus.FAILED, last_error=error, claimed_by=None, cups_job_id=None, expect=False)
            else:
                queue.move(job, JobStatus.QUEUED, last_error=error, claimed_by=None, cups_job_id=None,
                           next_attempt_at=due, expect=False)

    def _hold_or_release(self, state: PrinterState) -> None:
        conn = self.queue.conn
        now = self.queue.now()
        with transaction(conn):
            if state.ok:
                for job in store.with_status(conn, self.queue.device_id, (JobStatus.HELD,)):
                    self.queue.move(job, JobStatus.QUEUED, now=now, next_attempt_at=None)
            else:
                for job in store.with_status(conn, self.queue.device_id, (JobStatus.QUEUED,)):
                    self.queue.move(job, JobStatus.HELD, now=now, last_error=state.message)

    def process_once(self) -> PrintJob | None:
        """One step: settle finished jobs, then hand the next due badge to the printer.
        Returns the job submitted (or that failed to submit), None when nothing was sent."""
        with self.queue.step_lock:
            if not self.queue.recovered:
                self.recover()
            self._poll()
            state = self.queue.status(fresh=True)
            self._hold_or_release(state)
            if not state.ok:
                return None
            conn = self.queue.conn
            with transaction(conn):
                job = store.next_due(conn, self.queue.device_id, self.queue.now())
                if job is None:
                    return None
                self.queue.move(job, JobStatus.PRINTING, attempts=job.attempts + 1, claimed_by=_token())
            job = store.get(conn, job.id) or job
            try:
                printer_id = self._submit(job)
            except (PrinterError, OSError, KioskError) as exc:
                self._failed(job, str(exc) or type(exc).__name__)
                self.queue.forget_status()
                return store.get(conn, job.id)
            with transaction(conn):
                store.update(conn, job.id, now=self.queue.now(), cups_job_id=printer_id)
            self._poll_one(job.id)
            return store.get(conn, job.id)

    def _poll_one(self, job_id: str) -> None:
        """The PDF folder completes at once: settle it now rather than on the next step."""
        job = store.get(self.queue.conn, job_id)
        if job is not None and job.cups_job_id and self.queue.printer.backend == "pdf":
            self._poll()

    def _submit(self, job: PrintJob) -> str:
        from kiosk.badges import engine, layouts

        layout = layouts.get(job.format)
        attendee = attendee_store.get(self.queue.conn, job.attendee_id)
        if attendee is None:
            raise KioskError(f"attendee {job.attendee_id} no longer exists")
        badge = self.queue.kiosk.badges.contents([attendee])
        lacking = "".join(dict.fromkeys("".join(engine.unprintable(b) for b in badge)))
        if lacking != job.missing_glyphs:  # the record says what the badge lacks (the engine logs it)
            with transaction(self.queue.conn):
                store.update(self.queue.conn, job.id, now=self.queue.now(), missing_glyphs=lacking)
        # Badges waiting to print hold guests' names: a private folder, never the shared temp folder narrowed.
        data_dir = self.queue.kiosk.data_dir
        spool = private_dir(data_dir / "spool") if data_dir else Path(tempfile.gettempdir())
        pdf = spool / f"{job.title}.pdf"
        try:
            engine.render(badge, layout, pdf, title=job.title)
            media = Media(layout.page_w_mm, layout.page_h_mm, layout.media)
            return self.queue.printer.submit(str(pdf), media, job.title)
        finally:
            pdf.unlink(missing_ok=True)

    def run_until_empty(self, *, timeout: float = 120.0, poll: float = 0.2) -> int:
        """Process until nothing is queued or printing (held jobs wait for the printer: stop).
        Returns how many jobs ended done. Waits for backoffs and for the printer to finish."""
        deadline = time.monotonic() + timeout
        done_before = store.count(self.queue.conn, self.queue.device_id, (JobStatus.DONE,))
        while time.monotonic() < deadline:
            sent = self.process_once()
            active = store.count(self.queue.conn, self.queue.device_id, ACTIVE)
            if active == 0:
                break
            if store.count(self.queue.conn, self.queue.device_id, (JobStatus.HELD,)) and not self.queue.status().ok:
                break
            if sent is None:
                time.sleep(poll)
        return store.count(self.queue.conn, self.queue.device_id, (JobStatus.DONE,)) - done_before

    # --- the thread ----------------------------------------------------------------------------
    def alive(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    def start(self) -> None:
        """Take the steps on a daemon thread: ``PrintQueue.enqueue`` wakes it, else it looks every
        ``poll`` s. A queue has one such thread: none is started while another runs for it."""
        current = self.queue.runner
        if isinstance(current, PrintRunner) and current.alive():
            return
        self.queue.runner = self
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
        if self.queue.runner is self:
            self.queue.runner = None

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                try:
                    sent = self.process_once()
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
