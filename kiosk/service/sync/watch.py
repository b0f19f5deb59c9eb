"""The sync loop of `kiosk sync --watch` and of the window: a round as soon as something changed here
or at the hub, and a hub that goes away never ends it."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kiosk.service.sync import round as one_round
from kiosk.service.sync.round import SyncSummary

if TYPE_CHECKING:
    from kiosk.service.kiosk import Kiosk


WAKE_SLICE_S = 0.15  # how often a waiting watcher looks at SQLite's data_version (one cheap PRAGMA)


def watch(kiosk: Kiosk, url: str, *, poll_s: float = 5.0, stop: Callable[[], bool] = lambda: False,
          report: Callable[[str], None] = lambda _line: None, wake: threading.Event | None = None,
          on_round: Callable[[SyncSummary], None] = lambda _summary: None) -> None:
    """Sync, then wait, and again, until ``stop()``. A round starts as soon as one of these happens:
    this kiosk stored something (another connection committed to its SQLite file: the window, or a
    ``kiosk checkin`` beside this watcher; SQLite's ``data_version`` changes), ``wake`` was set (same
    process), the hub NOTIFYed that another kiosk pushed, or ``poll_s`` passed. So a check-in at door
    A is pushed at once, and door B pulls it as soon as the hub says so.
    When the hub is away the kiosk keeps working; each change of state is reported once.
    ``on_round`` gets each completed round's summary, on this thread (the window's header light)."""
    from kiosk.adapters.hub.replica import Listener

    listener: Listener | None = None
    last = ""
    while not stop():
        version = data_version(kiosk.conn)  # before the round: a write during it means another round
        try:
            if listener is None:
                listener = Listener(url)
            summary = one_round.sync_once(kiosk, url)
            news = bool(summary.pushed or summary.pulled or summary.refused) or last.startswith("hub")
            line = summary.line() if news else last
            on_round(summary)
        except Exception as exc:
            line = _lost(exc)
            _closed(listener)
            listener = None
        if line != last:  # said before waiting: a round's news is not held back by the wait
            report(line)
            last = line
        try:
            _wait(kiosk, listener, version, poll_s if listener is not None else min(poll_s, 2.0), stop, wake)
        except Exception as exc:
            line = _lost(exc)
            _closed(listener)
            listener = None
            if line != last:
                report(line)
                last = line
            _wait(kiosk, None, None, min(poll_s, 2.0), stop, wake)
    _closed(listener)


def _lost(exc: Exception) -> str:
    """The line for a round or a wait that failed. The hub's own errors say what is wrong; anything
    else is logged with its traceback and said in one line: the loop never ends on it, it tries again."""
    from kiosk.adapters.hub.connection import HubError

    if isinstance(exc, HubError):
        return str(exc)
    import psycopg

    if isinstance(exc, psycopg.Error):
        return "hub connection lost: retrying"
    logging.getLogger(__name__).exception("sync round failed")
    said = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
    return f"hub sync failed, retrying: {said}"


def data_version(conn: sqlite3.Connection) -> int:
    """Changes when another connection commits to the kiosk's file (never for this one's own writes)."""
    from kiosk.store.occupancy import data_version as version

    return version(conn)


def _wait(kiosk: Kiosk, listener: Any, version: int | None, timeout: float, stop: Callable[[], bool],
          wake: threading.Event | None) -> None:
    """Up to ``timeout`` s, in slices that block on the hub's socket (or on ``wake``): back early on a
    NOTIFY, a local write (``version`` moved; None: the hub is away, only wait), ``wake`` or ``stop()``.
    A hub that goes away raises from the listener (psycopg.Error): the caller reconnects."""
    deadline = time.monotonic() + timeout
    while not stop():
        left = deadline - time.monotonic()
        if left <= 0:
            return
        if wake is not None and wake.is_set():
            wake.clear()
            return
        if version is not None and data_version(kiosk.conn) != version:
            return
        step = min(WAKE_SLICE_S, left)
        if listener is not None:
            if listener.wait(step):
                return
        elif wake is not None:
            wake.wait(step)
        else:
            time.sleep(step)


def _closed(conn: Any) -> None:
    if conn is not None:
        with contextlib.suppress(Exception):
            conn.close()
