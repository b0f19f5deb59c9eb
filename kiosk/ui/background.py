"""The one way from a worker thread back to the UI thread, and the one way to run long work there.

Worker threads (camera capture, decoding) never call Qt: they ``post(callable, *args)`` into a
queue and write one byte to a socket pair; a QSocketNotifier on the UI thread wakes up, drains the
queue and runs the callables there. No polling, no Qt object touched off the UI thread, and it
works the same on Linux, macOS and Windows (sockets, not pipes). Emitting PySide signals from
plain Python threads is avoided on purpose: it is where bindings have had threading bugs.

``TaskRunner`` builds on it for long work (import, badge PDF, printer status): the function runs
on a pool thread, and its Task's signals (progress, result, error) are emitted on the UI thread.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from queue import Empty, SimpleQueue
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, Signal

log = logging.getLogger(__name__)


class UiMailbox(QObject):
    """Create on the UI thread; ``post`` from any thread; ``close`` on the UI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: SimpleQueue[tuple[Callable[..., Any], tuple[Any, ...]]] = SimpleQueue()
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._lock = threading.Lock()
        self._signalled = False
        self._closed = False
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self.drain)

    def post(self, fn: Callable[..., Any], *args: Any) -> None:
        """Run ``fn(*args)`` on the UI thread soon. Safe from any thread; never blocks."""
        with self._lock:
            if self._closed:
                return
            self._queue.put((fn, args))
            if self._signalled:
                return
            self._signalled = True
            with contextlib.suppress(BlockingIOError, OSError):  # a wake-up byte is already waiting
                self._writer.send(b"\0")

    def drain(self) -> int:
        """Run everything posted so far (called by the notifier; tests may call it directly)."""
        with self._lock:
            self._signalled = False
            try:
                while self._reader.recv(4096):
                    pass
            except (BlockingIOError, OSError):
                pass
        done = 0
        while True:
            try:
                fn, args = self._queue.get_nowait()
            except Empty:
                return done
            try:
                fn(*args)
            except Exception:  # one bad callback must not stop the others (or the camera)
                log.exception("UI callback %r failed", fn)
            done += 1

    def close(self) -> None:
        with self._lock:
            self._closed = True
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()


ProgressFn = Callable[[int, int], None]
PROGRESS_INTERVAL_S = 0.05


class Task(QObject):
    """One piece of long work; its signals are emitted on the UI thread only (via the mailbox). Its owner
    passes its callbacks to ``TaskRunner.start``; the signals stay for observers of threaded work."""

    progressed = Signal(int, int)  # done, total
    phased = Signal(str)  # the work's phase as it starts (an import's "read", "match", "write", "index")
    succeeded = Signal(object)  # the function's result
    failed = Signal(object)  # the exception it raised
    finished = Signal()  # after succeeded or failed

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.running = True
        self.result: object = None
        self.error: BaseException | None = None

    def _succeed(self, result: object) -> None:
        self.running, self.result = False, result
        self.succeeded.emit(result)
        self.finished.emit()

    def _fail(self, error: BaseException) -> None:
        self.running, self.error = False, error
        self.failed.emit(error)
        self.finished.emit()


class TaskProgress:
    """What a task's function is given: ``progress(done, total)``, posted a few times a second (and always
    the last step), and ``progress.phase(name)``, posted every time, for work whose steps have no count."""

    def __init__(self, task: Task, post: Callable[..., None]) -> None:
        self._task, self._post, self._last = task, post, 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - self._last >= PROGRESS_INTERVAL_S:
            self._last = now
            self._post(self._task.progressed.emit, int(done), int(total))

    def phase(self, name: str) -> None:
        self._post(self._task.phased.emit, str(name))


UI_SWITCH_INTERVAL_S = 0.0005


def share_the_interpreter() -> None:
    """Hand the GIL over every 0.5 ms instead of Python's 5 ms. Qt calls from the UI thread release
    and retake the GIL; while a worker runs pure Python (an import parsing 100,000 rows) each retake
    waited up to 5 ms, and the few hundred of them that showing a dialog makes froze the window
    for 0.4-0.8 s (the convoy effect). The worker loses a few per cent; the door stays live."""
    if sys.getswitchinterval() > UI_SWITCH_INTERVAL_S:
        sys.setswitchinterval(UI_SWITCH_INTERVAL_S)


class TaskRunner(QObject):
    """The one way to run long work (imports, PDFs, printer polls) off the UI thread.

    ``start(fn, on_done=..., on_failed=...)`` runs ``fn(progress)`` on a small thread pool;
    ``progress(done, total)`` may be called from the worker. Results, errors and progress come back
    through a UiMailbox and are re-emitted as the Task's signals on the UI thread. The callbacks are
    given to ``start`` and connected before the work runs, so ``synchronous=True`` (tests: the work runs
    inline, inside ``start``) delivers to them too."""

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False, workers: int = 4) -> None:
        super().__init__(parent)
        share_the_interpreter()
        self.synchronous = synchronous
        self.mailbox = UiMailbox(self)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kiosk-task")
        self.tasks: set[Task] = set()

    def start(self, fn: Callable[[TaskProgress], Any], name: str = "task", *,
              on_done: Callable[[Any], object] | None = None,
              on_failed: Callable[[BaseException], object] | None = None,
              on_progress: Callable[[int, int], object] | None = None,
              on_phase: Callable[[str], object] | None = None,
              on_finished: Callable[[], object] | None = None) -> Task:
        """Run ``fn(progress)``; on the UI thread, ``on_progress(done, total)`` and ``on_phase(name)`` as
        the work says them, then ``on_done(result)`` or ``on_failed(error)``, then ``on_finished()``."""
        task = Task(name, self)
        self.tasks.add(task)
        task.finished.connect(lambda: self.tasks.discard(task))
        for signal, slot in ((task.progressed, on_progress), (task.phased, on_phase), (task.succeeded, on_done),
                             (task.failed, on_failed), (task.finished, on_finished)):
            if slot is not None:
                signal.connect(slot)
        if self.synchronous:
            self._run(task, fn, lambda fn_, *args: fn_(*args))
        else:
            self._pool.submit(self._run, task, fn, self.mailbox.post)
        return task

    @staticmethod
    def _run(task: Task, fn: Callable[[TaskProgress], Any], post: Callable[..., None]) -> None:
        try:
            result = fn(TaskProgress(task, post))
        except Exception as exc:  # handed to the UI thread, which says it in words
            log.debug("task %s failed", task.name, exc_info=True)
            post(task._fail, exc)
        else:
            post(task._succeed, result)

    def busy(self) -> bool:
        return bool(self.tasks)

    def shutdown(self) -> None:
        """Drop queued work and stop delivering results; running work ends in its thread."""
        self._pool.shutdown(wait=False, cancel_futures=True)
        self.mailbox.close()
