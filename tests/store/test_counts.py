"""attendee_counts (what stats read) always equals a fresh count of the attendees table."""

from __future__ import annotations

import random
import sqlite3
import uuid
from pathlib import Path

from kiosk.domain.model import Attendee, Direction, Event, Status, Workshop
from kiosk.service import Kiosk
from kiosk.store import attendees as attendee_store
from kiosk.store import connect, db, transaction
from tests.conftest import FakeClock

FRESH = (
    "SELECT event_id, status, coalesce(workshop, ''), coalesce(category, ''), source = 'walk-in',"
    " count(*), count(first_entry_at), total(inside) FROM attendees GROUP BY 1, 2, 3, 4, 5"
)


def assert_counts_fresh(conn: sqlite3.Connection) -> None:
    kept = {tuple(r[:5]): (r[5], r[6], r[7]) for r in conn.execute("SELECT * FROM attendee_counts")
            if r["registered"] or r["checked_in"] or r["inside"]}
    fresh = {tuple(r[:5]): (r[5], r[6], int(r[7])) for r in conn.execute(FRESH)}
    assert kept == fresh


def test_counts_follow_every_kind_of_change(kiosk: Kiosk, clock: FakeClock) -> None:
    assert_counts_fresh(kiosk.conn)
    rng = random.Random(5)
    codes = [f"PLUS20-{i:04d}" for i in range(1, 153)]
    for _ in range(150):
        clock.advance(rng.uniform(1, 30))
        kiosk.check_in(rng.choice(codes), direction=rng.choice([Direction.ENTRY, Direction.ENTRY, Direction.EXIT]),
                       device_name=rng.choice(["door-1", "door-2"]))
    assert_counts_fresh(kiosk.conn)
    kiosk.undo(device_name="door-1")
    kiosk.override(kiosk.find("PLUS20-0007").id, reason="r", staff="s")
    walk_in = kiosk.register(first_name="Walk", last_name="In", workshop="Se loger", checkin=True).attendee
    assert_counts_fresh(kiosk.conn)
    # Edits that move people between groups: workshop, category, status, source.
    with transaction(kiosk.conn):
        for code, changes in (("PLUS20-0001", {"workshop": "Se nourrir"}), ("PLUS20-0002", {"workshop": None}),
                              ("PLUS20-0003", {"status": Status.CANCELLED}), ("PLUS20-0004", {"category": "X"})):
            attendee_store.update(kiosk.conn, kiosk.find(code), changes, case_sensitive=False, now=kiosk.now(),
                                  device_id="d")
        attendee_store.update(kiosk.conn, walk_in, {"first_name": "Renamed"}, case_sensitive=False,
                              now=kiosk.now(), device_id="d")
        kiosk.conn.execute("UPDATE attendees SET source = 'walk-in' WHERE ticket_code = 'PLUS20-0005'")
    assert_counts_fresh(kiosk.conn)
    before = kiosk.stats().to_json()
    kiosk.conn.execute("UPDATE attendees SET first_entry_at = NULL, first_entry_device = NULL, inside = 0")
    assert_counts_fresh(kiosk.conn)
    kiosk.rebuild_presence()
    assert_counts_fresh(kiosk.conn)
    assert kiosk.stats().to_json() == before
    # Deleting attendees (an event removed with everything in it) takes them out of the counts.
    never_scanned = kiosk.register(first_name="Gone", last_name="Soon").attendee
    kiosk.conn.execute("DELETE FROM attendees WHERE id = ?", (never_scanned.id,))
    assert_counts_fresh(kiosk.conn)


def test_stats_match_a_fresh_count(kiosk: Kiosk, clock: FakeClock) -> None:
    for i in range(1, 60, 3):
        kiosk.check_in(f"PLUS20-{i:04d}")
        clock.advance(5)
    stats = kiosk.stats()
    row = kiosk.conn.execute(
        "SELECT count(*), count(first_entry_at), total(inside) FROM attendees WHERE status = 'valid'").fetchone()
    assert (stats.registered, stats.checked_in, stats.inside) == (row[0], row[1], int(row[2]))
    assert stats.checked_in > 10
    per_workshop = dict(kiosk.conn.execute(
        "SELECT workshop, count(first_entry_at) FROM attendees WHERE status = 'valid' AND workshop IS NOT NULL"
        " GROUP BY workshop").fetchall())
    assert {name: f.checked_in for name, f in stats.by_workshop.items()} == per_workshop


def test_two_events_are_counted_apart(data_dir: Path, clock: FakeClock) -> None:
    k = Kiosk.open(data_dir, clock=clock)
    k.create_demo()
    k.check_in("PLUS20-0002")
    demo_stats = k.stats().to_json()
    event = k.create_event(Event(id=str(uuid.uuid4()), name="Other", workshops=(Workshop("Se loger", 5),)))
    with transaction(k.conn):
        attendee_store.insert_many(k.conn, [Attendee(id=str(uuid.uuid4()), event_id=event.id, first_name="A",
                                                     last_name="B", workshop="Se loger")],
                                   case_sensitive=False, now=k.now(), device_id="d")
    other = k.stats()
    assert (other.registered, other.checked_in, other.by_workshop["Se loger"].registered) == (1, 0, 1)
    k.create_demo(force=True)  # back to the demo event
    assert k.stats().to_json() == demo_stats
    assert_counts_fresh(k.conn)
    k.close()


def test_upgrade_from_v2_fills_the_counts(tmp_path: Path, clock: FakeClock) -> None:
    """A database made before the counts existed (v2) gets them filled in when it is opened."""
    path = tmp_path / "data" / "kiosk.db"
    k = Kiosk.open(tmp_path / "data", clock=clock)
    k.create_demo()
    for code in ("PLUS20-0002", "PLUS20-0003"):
        k.check_in(code)
    expected = k.stats().to_json()
    k.close()
    # Rebuild the same data in a v2-only database.
    scripts = [s for s in db._migration_scripts() if s[0] <= 2]
    old = tmp_path / "old.db"
    raw = sqlite3.connect(old)
    for version, _name, sql in scripts:
        raw.executescript(sql + f"\nPRAGMA user_version = {version};")
    raw.execute("ATTACH DATABASE ? AS cur", (str(path),))
    for table in ("meta", "events", "workshops", "categories", "attendees", "scans"):
        columns = ", ".join(r[1] for r in raw.execute(f"PRAGMA main.table_info({table})"))
        raw.execute(f"INSERT INTO main.{table} SELECT {columns} FROM cur.{table}")
    raw.commit()
    raw.execute("DETACH DATABASE cur")
    assert raw.execute("SELECT count(*) FROM sqlite_master WHERE name = 'attendee_counts'").fetchone()[0] == 0
    raw.close()
    conn = connect(old)
    assert db.schema_version(conn) == db.latest_version() >= 3
    assert_counts_fresh(conn)
    k2 = Kiosk(conn, clock=clock)
    assert k2.stats().to_json() == expected
    k2.close()


def test_undo_uses_an_index(kiosk: Kiosk) -> None:
    plan = " ".join(str(tuple(r)) for r in kiosk.conn.execute(
        "EXPLAIN QUERY PLAN SELECT 1 FROM scans WHERE kind = 'undo' AND target_id = ?", ("x",)))
    assert "scans_target" in plan
