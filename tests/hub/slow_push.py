"""A hub whose pushes are slow on purpose, so a fault lands mid-push by design rather than by luck.

Each batch's INSERT into the hub's scans waits a moment inside its transaction (a real PostgreSQL
trigger), so a few batches of a few hundred scans leave time to stop the hub or kill the kiosk there,
and ``pushing`` tells the test when a push is inside one. Thousands of scans, made so that a racing
stopper was likely to find a push under way, cost a minute per test.
"""

from __future__ import annotations

from typing import Any

import psycopg

SCANS, BATCH = 1200, 100  # twelve batches: the fault is made after two have arrived


def slow_pushes(hub: str, seconds: float = 0.3) -> None:
    """Every INSERT into the hub's scans waits ``seconds`` inside its transaction."""
    with psycopg.connect(hub, autocommit=True) as admin:
        admin.execute("CREATE FUNCTION slow_push() RETURNS trigger LANGUAGE plpgsql AS"
                      f" $$BEGIN PERFORM pg_sleep({float(seconds)}); RETURN NULL; END$$")
        admin.execute("CREATE TRIGGER slow_push AFTER INSERT ON scans FOR EACH STATEMENT"
                      " EXECUTE FUNCTION slow_push()")


def pushing(watch: psycopg.Connection[Any]) -> bool:
    """A push is inside its transaction now (waiting in slow_push)."""
    return watch.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'"
                         " AND datname = current_database()").fetchone() == (1,)


def arrived(watch: psycopg.Connection[Any]) -> int:
    """Scans the hub holds (committed)."""
    row = watch.execute("SELECT count(*) FROM scans").fetchone()
    return int(row[0]) if row else 0
