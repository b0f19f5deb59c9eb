"""When SQLite refuses a check-in, the service raises one typed StorageError (what the window shows
as "Non enregistré — …"), and nothing half-written stays behind. Real files, real locks, real mounts."""

from __future__ import annotations

import errno
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from kiosk.domain.model import Verdict
from kiosk.service import Kiosk, KioskError
from kiosk.service.errors import StorageError, StorageKind
from kiosk.store.db import quick_check
from tests.conftest import FakeClock
from tests.helpers.faults import damage, fill, mount_point, mount_tmpfs

__all__ = ["mount_point"]  # a fixture


def scan_count(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT count(*) FROM scans").fetchone()[0])
    finally:
        conn.close()


def test_locked_check_in_is_a_storage_error_and_records_nothing(kiosk: Kiosk, data_dir: Path) -> None:
    kiosk.conn.execute("PRAGMA busy_timeout = 200")  # the real 5 s is exercised by the CLI test
    other = sqlite3.connect(data_dir / "kiosk.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StorageError) as caught:
            kiosk.check_in("PLUS20-0002")
    finally:
        other.execute("ROLLBACK")
        other.close()
    error = caught.value
    assert isinstance(error, KioskError)  # the window's existing `except KioskError` shows it too
    assert error.kind is StorageKind.LOCKED and error.path == data_dir / "kiosk.db"
    assert "database is locked" in error.detail
    assert error.reason("fr").startswith("base de données occupée") and str(error).startswith("database busy")
    assert scan_count(data_dir / "kiosk.db") == 0
    assert kiosk.check_in("PLUS20-0002").verdict is Verdict.ACCEPTED  # the same session goes on


def test_check_in_on_a_full_disk(mount_point: Path, clock: FakeClock) -> None:
    mount_tmpfs(mount_point, "size=3m")
    k = Kiosk.open(mount_point / "data", device_name="door-1", clock=clock)
    try:
        k.create_demo()
        k.checkpoint()
        filler = fill(mount_point, 0)
        with pytest.raises(StorageError) as caught:
            for n in range(1, 40):  # the WAL's frames already on disk absorb the first ones
                k.check_in(f"PLUS20-{n:04d}")
                clock.advance(5)
        assert caught.value.kind is StorageKind.FULL and "disque plein" in caught.value.reason("fr")
        filler.unlink()
        clock.advance(5)
        assert k.check_in("PLUS20-0100").scan is not None
        assert k.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        k.close()


def test_check_in_on_an_immutable_file(data_dir: Path, clock: FakeClock) -> None:
    if shutil.which("chattr") is None:
        pytest.skip("chattr not available")
    Kiosk.open(data_dir).create_demo()
    db = data_dir / "kiosk.db"
    if subprocess.run(["chattr", "+i", str(db)], capture_output=True).returncode != 0:
        pytest.skip("no immutable attribute on this file system")
    try:
        k = Kiosk.open(data_dir, clock=clock)
        with pytest.raises(StorageError) as caught:
            k.check_in("PLUS20-0002")
        k.close()
    finally:
        subprocess.run(["chattr", "-i", str(db)], check=True)
    assert caught.value.kind is StorageKind.READONLY


def test_damaged_file_refused_at_open_and_malformed_pages_typed(data_dir: Path) -> None:
    k = Kiosk.open(data_dir)
    k.create_demo()
    k.close()
    db = data_dir / "kiosk.db"
    damage(db)
    with pytest.raises(StorageError) as at_open:
        Kiosk.open(data_dir)
    assert at_open.value.kind is StorageKind.CORRUPT and at_open.value.detail == quick_check(db)[0]
    with pytest.raises(StorageError) as unchecked:  # without the check, the first bad page read says it
        late = Kiosk.open(data_dir, check=False)
        late.attendees(sort="last_name", limit=100_000)  # reads every guest's page
        late.check_in("PLUS20-0002")
    assert unchecked.value.kind is StorageKind.CORRUPT


def test_quick_check_on_a_path_or_a_connection(kiosk: Kiosk, data_dir: Path, tmp_path: Path) -> None:
    assert quick_check(kiosk.conn) == [] and quick_check(data_dir / "kiosk.db") == []
    with pytest.raises(FileNotFoundError):
        quick_check(tmp_path / "missing.db")


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (sqlite3.OperationalError("database is locked"), StorageKind.LOCKED),
        (OSError(errno.ENOSPC, "No space left on device", "/d/kiosk.db-wal"), StorageKind.FULL),
        (OSError(errno.EROFS, "Read-only file system", "/d"), StorageKind.READONLY),
        (NotADirectoryError(errno.ENOTDIR, "Not a directory", "/d"), StorageKind.UNAVAILABLE),
        (sqlite3.DatabaseError("database disk image is malformed"), StorageKind.CORRUPT),
    ],
)
def test_from_exception_kinds(error: Exception, kind: StorageKind) -> None:
    found = StorageError.from_exception(error)
    assert found is not None and found.kind is kind
    assert StorageError.from_exception(ValueError("no")) is None


def test_a_wrong_statement_is_no_storage_error() -> None:
    """SQLITE_ERROR (no such table, syntax) is a bug or a schema problem: it keeps its own message."""
    conn = sqlite3.connect(":memory:")
    with pytest.raises(sqlite3.OperationalError) as caught:
        conn.execute("SELECT * FROM no_such_table")
    assert StorageError.from_exception(caught.value) is None


def test_a_damaged_schema_is_refused_at_open(data_dir: Path) -> None:
    """A failing disk that hits the schema's own pages: SQLite's error then quotes bytes that are not
    text. Refused as a damaged file, with what to do, never a UnicodeDecodeError."""
    from tests.helpers.faults import damage_schema

    k = Kiosk.open(data_dir)
    k.create_demo()
    k.close()
    damage_schema(data_dir / "kiosk.db")
    with pytest.raises(StorageError) as at_open:
        Kiosk.open(data_dir)
    assert at_open.value.kind is StorageKind.CORRUPT and "malformed" in at_open.value.detail
