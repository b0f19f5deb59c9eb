"""Writes that find the database busy, tried again for a moment instead of failing at once.

The window waits only 200 ms for the write lock, then would say "not recorded". A write that finds
the database busy (an import's write transaction: ~1 s for 100,000 new guests) is tried again every
RETRY_MS for ``retry_for_s``: the guest waits a moment, and scans or types nothing again. Shared by
the check-in presenter (scans, overrides, undos) and the self-service presenter (a walk-in's form).
Plain Python: the timer is any restartable single-shot timer (a QTimer in the window, a fake in tests).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from kiosk.service import KioskError
from kiosk.service.errors import StorageError, StorageKind

RETRY_MS = 250
RETRY_FOR_S = 3.0

T = TypeVar("T")


class Timer(Protocol):
    """A restartable single-shot timer (a QTimer in the window, a fake in tests)."""

    def start(self, ms: int) -> None: ...
    def stop(self) -> None: ...


@dataclass
class PendingWrite:
    """A write waiting for the lock, and what to do with its result or its failure."""

    key: str
    operation: Callable[[], object]
    then: Callable[[Any], None]
    failed: Callable[[BaseException], None]
    until: float  # monotonic time past which it fails


class BusyRetry:
    """Runs writes in the order they came; one that finds the database busy waits, with those behind
    it, until the timer fires (``on_timer``). ``timer=None``: a busy database fails at once."""

    def __init__(self, timer: Timer | None, *, monotonic: Callable[[], float] = time.monotonic,
                 retry_for_s: float = RETRY_FOR_S) -> None:
        self.timer = timer
        self.retry_for_s = retry_for_s
        self._monotonic = monotonic
        self.pending: list[PendingWrite] = []

    def run(self, key: str, operation: Callable[[], T], then: Callable[[T], None],
            failed: Callable[[BaseException], None]) -> bool | None:
        """Write now, or behind the writes already waiting. True: written (``then`` was called);
        False: refused or a fault of the storage (``failed`` was called with the exception); None:
        the database is busy and the write waits (retried by ``on_timer``)."""
        item = PendingWrite(key, operation, then, failed, self._monotonic() + self.retry_for_s)
        if not self.pending:
            done = self._attempt(item)
            if done is not None:
                return done
        self.pending.append(item)
        if self.timer is not None:
            self.timer.start(RETRY_MS)
        return None

    def waiting(self, key: str) -> bool:
        return any(item.key == key for item in self.pending)

    def clear(self) -> None:
        """Forget the writes waiting (the screen was reset: nothing of them may be written later)."""
        self.pending = []
        if self.timer is not None:
            self.timer.stop()

    def _attempt(self, item: PendingWrite) -> bool | None:
        try:
            result = item.operation()
        except (StorageError, sqlite3.Error, OSError) as exc:  # before KioskError: StorageError is one
            storage = StorageError.from_exception(exc)
            if (self.timer is not None and storage is not None and storage.kind is StorageKind.LOCKED
                    and self._monotonic() < item.until):
                return None
            item.failed(exc)
            return False
        except KioskError as exc:
            item.failed(exc)
            return False
        item.then(result)
        return True

    def on_timer(self) -> None:
        """The timer: the waiting writes in order, until one still finds the database busy."""
        while self.pending:
            if self._attempt(self.pending[0]) is None:
                if self.timer is not None:
                    self.timer.start(RETRY_MS)
                return
            self.pending.pop(0)


def is_storage_fault(exc: BaseException) -> bool:
    """A fault of the storage ("not recorded"), as opposed to a refusal said in words."""
    return isinstance(exc, StorageError | sqlite3.Error | OSError)
