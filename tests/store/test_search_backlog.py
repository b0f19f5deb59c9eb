"""A bulk insert's search backlog (migration 0011): search never misses a guest, the index ends exact."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kiosk.domain.model import Attendee
from kiosk.service import Kiosk
from kiosk.store import attendees as attendee_store
from kiosk.store import import_staging, search_index, transaction


def _guests(kiosk: Kiosk, n: int, start: int = 0) -> list[Attendee]:
    return [Attendee(id=f"bulk-{i}", event_id=kiosk.event.id, first_name=f"Zoé{i}", last_name="Bulkowska",
                     ticket_code=f"BULK-{i}", email=f"z{i}@example.org", source="import:t.csv")
            for i in range(start, start + n)]


def _bulk(kiosk: Kiosk, guests: list[Attendee]) -> None:
    """What an import does: stage, insert under the lock, and (here) no catch-up yet."""
    conn = kiosk.conn
    import_staging.stage_values(conn, attendee_store.prepared_values(
        guests, case_sensitive=False, now=kiosk.now(), device_id="d"))
    with transaction(conn):
        import_staging.insert_staged(conn)
    import_staging.drop_staged(conn)


def _index_is_exact(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO attendees_fts(attendees_fts, rank) VALUES ('integrity-check', 1)")


def test_search_finds_backlog_rows_before_they_are_indexed(kiosk: Kiosk) -> None:
    demo = [a.id for a in kiosk.search("helene")]
    _bulk(kiosk, _guests(kiosk, 300))
    assert search_index.search_backlog(kiosk.conn) == 300
    before = [a.id for a in kiosk.search("zoe12 bulkow")]
    assert set(before) == {"bulk-12", *(f"bulk-{i}" for i in range(120, 130))}
    assert search_index.catch_up_search(kiosk.conn, chunk=70) == 300
    assert search_index.search_backlog(kiosk.conn) == 0
    assert [a.id for a in kiosk.search("zoe12 bulkow")] == before
    assert [a.id for a in kiosk.search("helene")] == demo  # the demo's own guests, as before
    _index_is_exact(kiosk.conn)


def test_edits_and_deletes_of_backlog_rows_leave_the_index_exact(kiosk: Kiosk) -> None:
    guests = _guests(kiosk, 50)
    _bulk(kiosk, guests)
    with transaction(kiosk.conn):
        attendee_store.update(kiosk.conn, guests[3], {"last_name": "Renamed"}, case_sensitive=False,
                              now=kiosk.now(), device_id="d")
        kiosk.conn.execute("DELETE FROM attendees WHERE id = 'bulk-49'")
        kiosk.conn.execute("DELETE FROM attendees WHERE id = 'bulk-7'")
    assert [a.id for a in kiosk.search("renamed")] == ["bulk-3"]
    assert [a.id for a in kiosk.search("zoe7 ")] == []
    search_index.catch_up_search(kiosk.conn)
    assert [a.id for a in kiosk.search("renamed")] == ["bulk-3"]
    found = {a.id for a in kiosk.search("bulkowska", limit=500)}
    assert len(found) == 47 and not found & {"bulk-3", "bulk-7", "bulk-49"}
    _index_is_exact(kiosk.conn)


def test_a_walk_in_during_the_backlog_joins_it_and_reused_rowids_are_indexed(kiosk: Kiosk) -> None:
    _bulk(kiosk, _guests(kiosk, 40))
    kiosk.register(first_name="Walter", last_name="Inn")  # the door's own write: never waits for the backlog
    assert search_index.search_backlog(kiosk.conn) == 41
    assert [a.last_name for a in kiosk.search("walter")] == ["Inn"]
    search_index.catch_up_search(kiosk.conn)
    with transaction(kiosk.conn):  # the top rows go: the next insert reuses their rowids
        kiosk.conn.execute("DELETE FROM attendees WHERE rowid > (SELECT max(rowid) - 5 FROM attendees)")
    kiosk.register(first_name="Wilma", last_name="Reused")
    assert search_index.search_backlog(kiosk.conn) == 0
    assert [a.last_name for a in kiosk.search("wilma")] == ["Reused"]
    _index_is_exact(kiosk.conn)


def test_open_indexes_what_a_killed_import_left(data_dir: Path, kiosk: Kiosk) -> None:
    _bulk(kiosk, _guests(kiosk, 120))
    kiosk.close()
    again = Kiosk.open(data_dir)
    try:
        assert search_index.search_backlog(again.conn) == 0
        assert len(again.search("bulkowska", limit=500)) == 120
        _index_is_exact(again.conn)
    finally:
        again.close()


def test_a_large_first_insert_rebuilds_the_indexes_and_keeps_them(kiosk: Kiosk) -> None:
    names = {r[0] for r in kiosk.conn.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'attendees'")}
    _bulk(kiosk, _guests(kiosk, 12_000))  # more than the table held: indexes dropped and built again
    assert {r[0] for r in kiosk.conn.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'attendees'")} == names
    assert kiosk.find("BULK-11999").id == "bulk-11999"
    assert kiosk.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    clash = Attendee(id="other", event_id=kiosk.event.id, first_name="A", last_name="B", ticket_code="bulk-5")
    with pytest.raises(sqlite3.IntegrityError), transaction(kiosk.conn):  # the code index is unique again
        attendee_store.insert(kiosk.conn, clash, case_sensitive=False, now=kiosk.now(), device_id="d")
