"""This kiosk's hybrid logical clock (kiosk.domain.hlc), kept in the meta table: every stamp a write
here takes comes from ``tick``, in that write's transaction; a sync round ``observe``s the stamps it
pulls, so this kiosk's next stamp sorts after everything it has seen."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from kiosk.domain import hlc
from kiosk.store import meta

_HLC_KEY = "hlc"


def clock(conn: sqlite3.Connection) -> hlc.Stamp:
    """The latest stamp this kiosk issued or saw."""
    text = meta.get(conn, _HLC_KEY)
    return hlc.decode(text) if text else hlc.ZERO


def tick(conn: sqlite3.Connection, device_time: str) -> str:
    """The next stamp for a local event at ``device_time``; call inside the write transaction."""
    stamp = hlc.tick(clock(conn), hlc.to_ms(device_time))
    meta.put(conn, _HLC_KEY, stamp.encode())
    return stamp.encode()


def observe(conn: sqlite3.Connection, seen: Iterable[str]) -> None:
    """Move the clock past stamps pulled from the hub (encoded stamps sort as stamps: one decode)."""
    top = max(seen, default=None)
    if top is not None:
        meta.put(conn, _HLC_KEY, hlc.observe(clock(conn), hlc.decode(top)).encode())
