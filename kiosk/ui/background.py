"""The one way from a worker thread back to the UI thread.

Worker threads (camera capture, decoding) never call Qt: they ``post(callable, *args)`` into a
queue and write one byte to a socket pair; a QSocketNotifier on the UI thread wakes up, drains the
queue and runs the callables there. No polling, no Qt object touched off the UI thread, and it
works the same on Linux, macOS and Windows (sockets, not pipes). Emitting PySide signals from
plain Python threads is avoided on purpose: it is where bindings have had threading bugs.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
from collections.abc import Callable
from queue import Empty, SimpleQueue
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier

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
