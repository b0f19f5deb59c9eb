"""Real faults for storage tests: tmpfs mounts (full, read-only), a filled disk, damaged pages."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def mount_point(tmp_path: Path) -> Iterator[Path]:
    """An empty folder on which a test mounts a tmpfs; unmounted whatever happens."""
    if shutil.which("mount") is None or os.geteuid() != 0:
        pytest.skip("needs root and mount(8) for a real tmpfs")
    point = tmp_path / "mnt"
    point.mkdir()
    yield point
    subprocess.run(["umount", "-l", str(point)], capture_output=True)


def mount_tmpfs(point: Path, *options: str) -> None:
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join(("mode=755", *options)), "tmpfs", str(point)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")


def fill(point: Path, leave_kib: int) -> Path:
    """Fill the file system at ``point`` until about ``leave_kib`` KiB are left."""
    filler = point / "filler"
    stat = os.statvfs(point)
    free = stat.f_bavail * stat.f_frsize
    with filler.open("wb") as fh:
        try:
            fh.write(b"\0" * max(0, free - leave_kib * 1024))
            fh.flush()
            os.fsync(fh.fileno())
        except OSError:
            pass  # full
    return filler


def damage(db: Path, seed: int = 7) -> None:
    """Overwrite bytes inside every other page after the first two, as a failing disk would, except
    the pages of the schema itself (sqlite_schema grew past page 1 with kiosk's tables): the guests'
    and scans' pages are hit, so the database opens and its quick check names the damage. A damaged
    schema is its own case (test_a_damaged_schema_is_refused_at_open)."""
    conn = sqlite3.connect(db)
    try:
        schema = {int(r[0]) for r in conn.execute("SELECT pageno FROM dbstat WHERE name = 'sqlite_schema'")}
    finally:
        conn.close()
    data = bytearray(db.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    rng = random.Random(seed)
    for number in range(3, len(data) // page, 2):
        if number + 1 in schema:  # dbstat numbers pages from 1
            continue
        at = number * page + rng.randrange(0, page - 64)
        data[at:at + 64] = rng.randbytes(64)
    db.write_bytes(bytes(data))


def damage_schema(db: Path) -> None:
    """Garble the text of the CREATE statements on the schema's pages, as a failing disk would: the
    page structure holds, the SQL no longer is text (what made SQLite's error undecodable)."""
    conn = sqlite3.connect(db)
    try:
        schema = sorted(int(r[0]) for r in conn.execute("SELECT pageno FROM dbstat WHERE name = 'sqlite_schema'"))
    finally:
        conn.close()
    data = bytearray(db.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for number in schema:
        start, end = (number - 1) * page, number * page
        at = data.find(b"CREATE ", start, end)
        while at != -1:
            data[at + 7:at + 19] = b"\x9e" * 12
            at = data.find(b"CREATE ", at + 19, end)
    db.write_bytes(bytes(data))


def integrity_ok(db: Path) -> bool:
    conn = sqlite3.connect(db)
    try:
        return bool(conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
    finally:
        conn.close()
