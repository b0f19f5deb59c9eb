"""Calls for help and their answers (migration 0026): immutable rows, pushed once, pulled by seq."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from kiosk.domain.help_calls import ANSWER, CALL, HelpCall

COLUMNS = ("id", "event_id", "kind", "call_id", "device_id", "device_name", "at", "staff")


def add(conn: sqlite3.Connection, row: HelpCall) -> None:
    conn.execute(f"INSERT INTO help_calls({', '.join(COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                 (row.id, row.event_id, row.kind, row.call_id, row.device_id, row.device_name, row.at, row.staff))


def rows(conn: sqlite3.Connection, event_id: str) -> list[HelpCall]:
    found = conn.execute(f"SELECT {', '.join(COLUMNS)} FROM help_calls WHERE event_id = ? ORDER BY at, id",
                         (event_id,)).fetchall()
    return [HelpCall(*r) for r in found]


def open_calls(conn: sqlite3.Connection, event_id: str) -> list[HelpCall]:
    """Calls of the event that no answer names yet, oldest first."""
    found = conn.execute(
        f"SELECT {', '.join(COLUMNS)} FROM help_calls c WHERE event_id = ? AND kind = '{CALL}' AND NOT EXISTS"
        f" (SELECT 1 FROM help_calls a WHERE a.kind = '{ANSWER}' AND a.call_id = c.id) ORDER BY at, id",
        (event_id,)).fetchall()
    return [HelpCall(*r) for r in found]


def unsent(conn: sqlite3.Connection, limit: int) -> list[tuple[object, ...]]:
    return [tuple(r) for r in conn.execute(
        f"SELECT {', '.join(COLUMNS)} FROM help_calls WHERE received_at IS NULL ORDER BY at, id LIMIT ?", (limit,))]


def mark_received(conn: sqlite3.Connection, receipts: Iterable[tuple[str, str]]) -> None:
    conn.executemany("UPDATE help_calls SET received_at = ? WHERE id = ?", [(at, i) for i, at in receipts])


def insert_pulled(conn: sqlite3.Connection, pulled: Sequence[Sequence[object]]) -> int:
    """Rows from the hub (COLUMNS then received_at) of events this kiosk holds; how many were new."""
    before = conn.total_changes
    conn.executemany(
        f"INSERT OR IGNORE INTO help_calls({', '.join(COLUMNS)}, received_at)"
        " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM events WHERE id = ?)",
        [(*r[:9], r[1]) for r in pulled])
    return conn.total_changes - before
