"""A bad night for the database, for real: another writer holding the lock, a full disk, a read-only
file or disk, a damaged file, a data dir that cannot exist. Each command answers with one line on
stderr and exit status 2, never a traceback. Real processes (`python -m kiosk`), real mounts.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.store.db import quick_check
from tests.helpers.faults import damage, fill, integrity_ok, mount_point, mount_tmpfs
from tests.helpers.process import run_kiosk

__all__ = ["mount_point"]  # a fixture

ROOT = Path(__file__).resolve().parents[2]


def kiosk(data_dir: Path, *args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    return run_kiosk(data_dir, "--lang", lang, *args, device="door-1", timeout=60)

def one_line(result: subprocess.CompletedProcess[str], *words: str) -> str:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == ""
    err = result.stderr
    assert err.startswith("kiosk: ") and err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    for word in words:
        assert word in err, (word, err)
    return err


def demo(data_dir: Path) -> None:
    made = kiosk(data_dir, "demo")
    assert made.returncode == 0, made.stderr


# --------------------------------------------------------------------------- locked


def test_checkin_while_another_process_holds_the_write_lock(tmp_path: Path) -> None:
    """A long import (or any writer) holds BEGIN IMMEDIATE past busy_timeout (5 s): the check-in says
    the database is busy; reads go on; once the writer is done, the same check-in works."""
    data = tmp_path / "data"
    demo(data)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
         "c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); sys.stdin.read(); c.execute('ROLLBACK')",
         str(data / "kiosk.db")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        one_line(kiosk(data, "checkin", "PLUS20-0002"), "database busy", "kiosk.db", "try again")
        assert time.monotonic() - started >= 4.5  # it did wait busy_timeout first
        fr = kiosk(data, "checkin", "PLUS20-0002", lang="fr")
        one_line(fr, "base de données occupée")
        stats = kiosk(data, "stats", "--json")  # a read needs no write lock
        assert stats.returncode == 0 and '"checked_in": 0' in stats.stdout
    finally:
        holder.communicate("", timeout=10)
    assert kiosk(data, "checkin", "PLUS20-0002").returncode == 0


# --------------------------------------------------------------------------- disk full


@pytest.mark.parametrize("leave_kib", [0, 40], ids=["no-byte-left", "no-room-for-the-wal"])
def test_checkin_on_a_full_disk(mount_point: Path, leave_kib: int) -> None:
    """A 3 MB tmpfs with the event on it, then filled up: SQLite fails on the -shm (nothing left) or
    on the WAL (a little left). Both say 'disk full'; after freeing space the door works again."""
    mount_tmpfs(mount_point, "size=3m")
    data = mount_point / "data"
    demo(data)
    filler = fill(mount_point, leave_kib)
    one_line(kiosk(data, "checkin", "PLUS20-0002"), "disk full", "kiosk.db")
    one_line(kiosk(data, "checkin", "PLUS20-0002", lang="fr"), "disque plein")
    filler.unlink()
    ok = kiosk(data, "checkin", "PLUS20-0002", "--json")
    assert ok.returncode == 0 and '"accepted"' in ok.stdout
    assert integrity_ok(data / "kiosk.db")


def test_badges_onto_a_full_stick_say_so_in_the_kiosks_language(mount_point: Path, tmp_path: Path) -> None:
    """The batch PDF written to a full USB stick (a 1 MB tmpfs, filled): one line, exit 2, the system's
    words in French too ("No space left on device" is the C library's English)."""
    mount_tmpfs(mount_point, "size=1m")
    data = tmp_path / "data"
    demo(data)
    fill(mount_point, 0)
    target = mount_point / "badges.pdf"
    one_line(kiosk(data, "badges", "--all", "-o", str(target), lang="fr"),
             f"impossible d'écrire {target} : plus de place sur le disque")
    one_line(kiosk(data, "badges", "--all", "-o", str(target)), f"cannot write {target}: No space left on device")


# --------------------------------------------------------------------------- read-only


def test_checkin_on_an_immutable_database_file(tmp_path: Path) -> None:
    """`chattr +i`: even root cannot write the file (permission bits would not stop root)."""
    if shutil.which("chattr") is None:
        pytest.skip("chattr not available")
    data = tmp_path / "data"
    demo(data)
    db = data / "kiosk.db"
    if subprocess.run(["chattr", "+i", str(db)], capture_output=True).returncode != 0:
        pytest.skip("this file system has no immutable attribute")
    try:
        one_line(kiosk(data, "checkin", "PLUS20-0002"), "read-only", "kiosk.db")
        one_line(kiosk(data, "register", "--first-name", "Ann", "--last-name", "Lee"), "read-only")
    finally:
        subprocess.run(["chattr", "-i", str(db)], check=True)
    assert kiosk(data, "checkin", "PLUS20-0002").returncode == 0


def test_commands_on_a_read_only_disk(mount_point: Path, tmp_path: Path) -> None:
    """The data dir on a read-only mount (a write-protected USB key): the database cannot even take
    its WAL, and a data dir cannot be created there."""
    made = tmp_path / "made"
    demo(made)
    mount_tmpfs(mount_point, "size=8m")
    shutil.copy(made / "kiosk.db", mount_point / "kiosk.db")
    done = subprocess.run(["mount", "-o", "remount,ro", str(mount_point)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot remount read-only: {done.stderr.strip()}")
    one_line(kiosk(mount_point, "checkin", "PLUS20-0002"), "read-only", "kiosk.db")
    one_line(kiosk(mount_point, "stats"), "read-only")
    one_line(kiosk(mount_point / "new", "demo"), "read-only", "Read-only file system")


# --------------------------------------------------------------------------- damaged file


def test_a_damaged_database_is_refused_at_open_with_what_to_do(tmp_path: Path) -> None:
    data = tmp_path / "data"
    demo(data)
    db = data / "kiosk.db"
    assert not (data / "kiosk.db-wal").exists()  # all folded into the file: the damage lands on real pages
    assert quick_check(db) == []
    damage(db)
    problems = quick_check(db)
    assert problems and all("\n" not in p and not p.startswith("***") for p in problems)
    for args in (("stats",), ("checkin", "PLUS20-0002"), ("search", "dupont")):
        one_line(kiosk(data, *args), "database damaged", "keep a copy", "Recovery", "kiosk.db")
    one_line(kiosk(data, "stats", lang="fr"), "endommagée", "Recovery")


def test_a_file_that_is_no_database(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "kiosk.db").write_bytes(b"PK\x03\x04 a spreadsheet saved over the database" * 100)
    assert quick_check(data / "kiosk.db") == ["file is not a database"]
    one_line(kiosk(data, "stats"), "database damaged", "file is not a database")


# --------------------------------------------------------------------------- no data dir


def test_a_data_dir_that_cannot_be_created(tmp_path: Path) -> None:
    """A path under a regular file (root could create anything else)."""
    regular = tmp_path / "notes.txt"
    regular.write_text("not a folder")
    one_line(kiosk(regular / "data", "demo"), "database unavailable", "Not a directory")
    one_line(kiosk(regular, "stats"), "database unavailable", "notes.txt")
    one_line(kiosk(regular / "data", "demo", lang="fr"), "base de données inaccessible")


def test_the_documented_recovery_steps_rebuild_a_working_database(tmp_path: Path) -> None:
    """The recovery fallback of docs/organiser.md (`.dump` into a new file, then the schema version)
    gives a database the kiosk opens with every guest and scan; without the version step it would not."""
    if shutil.which("sqlite3") is None:
        pytest.skip("the sqlite3 shell is not installed")
    data = tmp_path / "data"
    demo(data)
    assert kiosk(data, "checkin", "PLUS20-0002").returncode == 0
    before = kiosk(data, "stats", "--json").stdout
    rebuilt = tmp_path / "rebuilt"
    rebuilt.mkdir()
    new = rebuilt / "kiosk.db"
    subprocess.run(f"sqlite3 {data / 'kiosk.db'} .dump | sqlite3 {new}", shell=True, check=True)
    version = subprocess.run(["sqlite3", str(data / "kiosk.db"), "PRAGMA user_version"], capture_output=True,
                             text=True, check=True).stdout.strip()
    one_line(kiosk(rebuilt, "stats"), "cannot upgrade the database")  # no version: refused, not guessed
    subprocess.run(["sqlite3", str(new), f"PRAGMA user_version = {version}"], check=True)
    assert integrity_ok(new)
    after = kiosk(rebuilt, "stats", "--json")
    assert after.returncode == 0 and after.stdout == before
    assert '"kind": "entry"' in kiosk(rebuilt, "history", "PLUS20-0002", "--json").stdout
