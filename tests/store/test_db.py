"""Connection pragmas and versioned migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kiosk.store import StoreError, connect, db, migrate

CORE_SQL = (Path(db.__file__).parent / "migrations" / "0001_core.sql").read_text(encoding="utf-8")
EVENT_ROW = ("e1", "Forum", "2026-01-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z", "dev")


def tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")}


def test_pragmas(tmp_path: Path) -> None:
    conn = connect(tmp_path / "sub" / "k.db")  # parent folders are created
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
        assert conn.execute("PRAGMA cache_size").fetchone()[0] <= -32768  # >= 32 MB: big imports stay fast
        assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 4000
        assert conn.isolation_level is None  # autocommit: writes go through transaction()
        assert db.schema_version(conn) == db.latest_version() >= 1
    finally:
        conn.close()


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    conn = connect(tmp_path / "k.db")
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        conn.execute("INSERT INTO workshops(event_id, name, position) VALUES ('missing', 'W', 0)")
    conn.close()


def test_transaction_rolls_back_on_error(tmp_path: Path) -> None:
    conn = connect(tmp_path / "k.db")
    with pytest.raises(RuntimeError), db.transaction(conn):
        conn.execute("INSERT INTO meta(key, value) VALUES ('x', '1')")
        raise RuntimeError("boom")
    assert conn.execute("SELECT count(*) FROM meta WHERE key = 'x'").fetchone()[0] == 0
    assert not conn.in_transaction
    with db.transaction(conn), db.transaction(conn):  # nested: one transaction
        conn.execute("INSERT INTO meta(key, value) VALUES ('y', '1')")
    assert conn.execute("SELECT value FROM meta WHERE key = 'y'").fetchone()[0] == "1"
    conn.close()


def test_version_0_database_is_upgraded(tmp_path: Path) -> None:
    """A file made by something older (empty schema, user_version 0) opens and gets the schema."""
    path = tmp_path / "k.db"
    old = sqlite3.connect(path)
    old.execute("CREATE TABLE legacy_notes (x TEXT)")
    old.execute("INSERT INTO legacy_notes VALUES ('kept')")
    old.commit()
    assert old.execute("PRAGMA user_version").fetchone()[0] == 0
    old.close()
    conn = connect(path)
    assert db.schema_version(conn) == db.latest_version()
    assert {"events", "attendees", "scans", "attendees_fts", "scans_no_update"} <= tables(conn)
    assert conn.execute("SELECT x FROM legacy_notes").fetchone()[0] == "kept"
    conn.close()


def test_version_1_database_keeps_its_data_and_upgrades(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A v1 database (made with the v1 script, holding data and scans) opens and is brought up to date."""
    path = tmp_path / "k.db"
    old = sqlite3.connect(path)
    old.executescript(CORE_SQL + "\nPRAGMA user_version = 1;")
    old.execute("INSERT INTO events(id, name, created_at, updated_at, updated_by) VALUES (?,?,?,?,?)", EVENT_ROW)
    old.execute("INSERT INTO scans(id, event_id, code, kind, verdict, device_id, device_name, device_time)"
                " VALUES ('s1', 'e1', 'X', 'refused', 'unknown', 'd', 'door', '2026-01-01T00:00:00.000Z')")
    old.commit()
    old.close()
    conn = connect(path)
    assert db.schema_version(conn) == db.latest_version()
    assert conn.execute("SELECT name FROM events").fetchone()[0] == "Forum"
    assert conn.execute("SELECT code FROM scans").fetchone()[0] == "X"
    conn.close()
    # The next release adds a migration: opened again, the database is upgraded once.
    shipped = db._migration_scripts()
    nxt = db.latest_version() + 1
    script = "ALTER TABLE events ADD COLUMN colour TEXT NOT NULL DEFAULT '#000';"
    monkeypatch.setattr(db, "_migration_scripts", lambda: [*shipped, (nxt, "colour", script)])
    conn = connect(path)
    assert db.schema_version(conn) == nxt
    assert tuple(conn.execute("SELECT name, colour FROM events").fetchone()) == ("Forum", "#000")
    assert migrate(conn) == nxt  # idempotent
    conn.close()


def test_failed_migration_leaves_the_database_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "k.db"
    connect(path).close()
    current = db.latest_version()
    shipped = db._migration_scripts()
    broken = "CREATE TABLE half_done (x INTEGER);\nINSERT INTO no_such_table VALUES (1);"
    monkeypatch.setattr(db, "_migration_scripts", lambda: [*shipped, (current + 1, "broken", broken)])
    with pytest.raises(StoreError, match=f"v{current + 1}.*no_such_table"):
        connect(path)
    check = sqlite3.connect(path, timeout=0.5)
    assert check.execute("PRAGMA user_version").fetchone()[0] == current
    assert "half_done" not in tables(check)
    check.execute("BEGIN IMMEDIATE")  # no write lock left behind by the failed attempt
    check.execute("ROLLBACK")
    check.close()


def test_newer_database_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    connect(path).close()
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {db.latest_version() + 1}")
    raw.commit()
    raw.close()
    with pytest.raises(StoreError, match=r"newer than this kiosk.*upgrade kiosk"):
        connect(path)
    # Refused without damage: the version is untouched and the file is not held locked.
    raw = sqlite3.connect(path, timeout=0.5)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == db.latest_version() + 1
    raw.execute("BEGIN IMMEDIATE")
    raw.execute("ROLLBACK")
    raw.close()


def test_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    path.write_bytes(b"this is a spreadsheet, not a database" * 200)
    with pytest.raises(StoreError, match="cannot open database"):
        connect(path)
