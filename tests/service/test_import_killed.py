"""An import killed half-way (SIGKILL) leaves the database as it was: one transaction, all or nothing."""

from __future__ import annotations

import signal
import sqlite3
import time
from pathlib import Path

import pytest

from kiosk.service import Kiosk
from tests.helpers.process import start_kiosk

ROOT = Path(__file__).resolve().parents[2]
ROWS = 60_000


def _write_export(path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("Prénom;Nom;Email;Billet\r\n")
        for i in range(ROWS):
            out.write(f"Prénom{i};Nom{i};p{i}@example.org;KILL-{i:06d}\r\n")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_import_killed_midway_is_all_or_nothing(data_dir: Path, tmp_path: Path) -> None:
    k = Kiosk.open(data_dir, device_name="setup")
    k.create_demo()
    before = k.stats().registered
    k.close()
    export = tmp_path / "big.csv"
    _write_export(export)
    child = start_kiosk(data_dir, "import", str(export))
    wal = data_dir / "kiosk.db-wal"
    size0 = wal.stat().st_size if wal.exists() else 0
    deadline = time.monotonic() + 60
    # Kill it once it is visibly writing (the WAL grows), i.e. in the middle of the transaction.
    while time.monotonic() < deadline and child.poll() is None:
        if wal.exists() and wal.stat().st_size > size0 + 1_000_000:
            break
        time.sleep(0.01)
    assert child.poll() is None, "the import finished before it could be killed: make the file larger"
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    conn = sqlite3.connect(data_dir / "kiosk.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    imported = conn.execute("SELECT count(*) FROM attendees WHERE ticket_code LIKE 'KILL-%'").fetchone()[0]
    conn.close()
    print("rows after the kill:", imported)
    assert imported in (0, ROWS)  # all or nothing, whichever side of COMMIT the kill landed
    k = Kiosk.open(data_dir, device_name="setup")
    assert k.stats().registered == before + imported
    assert len(k.search("Prénom123 Nom123")) == (1 if imported else 0)
    k.close()
