"""Rows pulled from the hub that this kiosk refused, kept aside with their reason.

A refused row never stops a sync round: it is stored here, the pull cursor moves past it, and the
counts per device are what `kiosk sync`, `kiosk hub status` and the window's Sync light show. The
payload is kept (bounded) so an organiser can see what was refused; it is never applied.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

PAYLOAD_LIMIT = 4000  # characters of the row kept: a 5,000,000-character name is not stored twice


@dataclass(frozen=True)
class Refused:
    kind: str  # scan, guest, event, link, print
    row_id: str | None
    device_id: str | None
    reason: str


def _payload(row: object) -> str:
    text = json.dumps(row, default=str, ensure_ascii=False)
    return text if len(text) <= PAYLOAD_LIMIT else text[:PAYLOAD_LIMIT] + "…"


def put(conn: sqlite3.Connection, refused: Refused, row: object, now: str) -> None:
    """Keep one refused row (once per kind, id and reason: a row pulled again is not counted twice).
    Call in the transaction that moves the pull cursor past it."""
    conn.execute(
        "INSERT OR IGNORE INTO quarantine(kind, row_id, device_id, reason, payload, refused_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (refused.kind, None if refused.row_id is None else refused.row_id[:200],
         None if refused.device_id is None else refused.device_id[:200], refused.reason[:500],
         _payload(row), now),
    )


def count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM quarantine").fetchone()[0])


def by_device(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """(device id or '', rows refused) for each device that sent refused rows, most first."""
    rows = conn.execute(
        "SELECT coalesce(device_id, ''), count(*) FROM quarantine GROUP BY 1 ORDER BY 2 DESC, 1").fetchall()
    return [(str(d), int(n)) for d, n in rows]


def latest(conn: sqlite3.Connection, limit: int = 20) -> list[tuple[Refused, str]]:
    """The most recently refused rows with the time they were refused."""
    rows = conn.execute(
        "SELECT kind, row_id, device_id, reason, refused_at FROM quarantine ORDER BY id DESC LIMIT ?",
        (limit,)).fetchall()
    return [(Refused(str(k), r, d, str(why)), str(at)) for k, r, d, why, at in rows]
