"""The scan log is append-only and immutable; two writers share one database file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest

from kiosk.domain.model import ScanKind
from kiosk.service import Kiosk
from kiosk.store import connect, transaction

ROOT = Path(__file__).resolve().parents[2]


def test_scans_carry_uuids_and_device_ids(kiosk: Kiosk) -> None:
    a = kiosk.check_in("PLUS20-0001", device_name="door-1").scan
    b = kiosk.check_in("PLUS20-0002", device_name="door-2").scan  # the kiosk renamed: same device
    assert a is not None and b is not None
    assert uuid.UUID(a.id).version == 4 and uuid.UUID(b.id).version == 4 and a.id != b.id
    assert (a.device_name, b.device_name) == ("door-1", "door-2")
    assert a.device_id == b.device_id == kiosk.device("anything").id
    rows = kiosk.conn.execute("SELECT id, device_id, device_name FROM scans ORDER BY device_name").fetchall()
    assert [tuple(r) for r in rows] == [(a.id, a.device_id, "door-1"), (b.id, b.device_id, "door-2")]
    names = kiosk.conn.execute("SELECT device_id, name FROM device_names").fetchall()
    assert [tuple(r) for r in names] == [(a.device_id, "door-2")]  # the latest name seen


def test_device_ids_differ_between_databases(tmp_path: Path) -> None:
    one = Kiosk(connect(tmp_path / "a.db"))
    two = Kiosk(connect(tmp_path / "b.db"))
    assert one.device("door-1").id != two.device("door-1").id
    again = Kiosk(connect(tmp_path / "a.db"))
    assert again.device("door-1").id == one.device("door-1").id
    for k in (one, two, again):
        k.close()


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE scans SET kind = 'exit'",
        "UPDATE scans SET verdict = 'invalid'",
        "UPDATE scans SET device_time = '2020-01-01T00:00:00.000Z'",
        "UPDATE scans SET attendee_id = NULL",
        "UPDATE scans SET staff = 'mallory', reason = 'covering tracks'",
        # The hub stamping received_at is allowed - but not as a vehicle for other changes:
        "UPDATE scans SET received_at = '2026-11-30T18:00:00.000Z', verdict = 'invalid'",
        "UPDATE scans SET received_at = '2026-11-30T18:00:00.000Z', code = 'X'",
        "UPDATE scans SET received_at = '2026-11-30T18:00:00.000Z', device_id = 'other'",
        "UPDATE scans SET received_at = '2026-11-30T18:00:00.000Z', device_name = 'other'",
        "UPDATE scans SET received_at = '2026-11-30T18:00:00.000Z', event_id = 'another-event'",
        "UPDATE scans SET received_at = '2026-11-30T18:00:00.000Z', staff = 'x'",
        "DELETE FROM scans",
    ],
)
def test_scans_cannot_be_changed_or_deleted(kiosk: Kiosk, statement: str) -> None:
    kiosk.check_in("PLUS20-0001")
    kiosk.check_in("NOPE-404")
    before = [tuple(r) for r in kiosk.conn.execute("SELECT * FROM scans ORDER BY id")]
    with pytest.raises(sqlite3.IntegrityError, match=r"immutable|append-only"):
        kiosk.conn.execute(statement)
    assert [tuple(r) for r in kiosk.conn.execute("SELECT * FROM scans ORDER BY id")] == before


def test_received_at_can_be_stamped_once(kiosk: Kiosk) -> None:
    scan = kiosk.check_in("PLUS20-0001").scan
    assert scan is not None and scan.received_at is None
    kiosk.conn.execute("UPDATE scans SET received_at = '2026-11-30T18:00:00.000Z' WHERE id = ?", (scan.id,))
    assert kiosk.conn.execute("SELECT received_at FROM scans").fetchone()[0] == "2026-11-30T18:00:00.000Z"
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        kiosk.conn.execute("UPDATE scans SET received_at = '2027-01-01T00:00:00.000Z' WHERE id = ?", (scan.id,))


def test_undo_is_a_new_event_not_a_deletion(kiosk: Kiosk) -> None:
    entry = kiosk.check_in("PLUS20-0001").scan
    undone = kiosk.undo(staff="Chloé", reason="wrong guest")
    assert undone is not None and entry is not None and undone.id == entry.id
    kinds = [(r["kind"], r["target_id"]) for r in kiosk.conn.execute("SELECT * FROM scans ORDER BY rowid")]
    assert kinds == [(ScanKind.ENTRY.value, None), (ScanKind.UNDO.value, entry.id)]


# --------------------------------------------------------------------------- two writers


def test_two_connections_in_two_threads_write_without_locking_errors(kiosk: Kiosk, data_dir: Path) -> None:
    codes = [f"PLUS20-{i:04d}" for i in range(1, 153)]
    halves = {"door-A": codes[0::2], "door-B": codes[1::2]}
    start = threading.Barrier(3)
    errors: list[BaseException] = []
    verdicts: dict[str, list[str]] = {}

    def door(name: str) -> None:
        k = Kiosk.open(data_dir, device_name=name)  # its own connection, like the GUI and a CLI command
        try:
            start.wait()
            verdicts[name] = [k.check_in(code).verdict.value for code in halves[name]]
        except BaseException as exc:
            errors.append(exc)
        finally:
            k.close()

    def hog() -> None:
        """A third writer holding the write lock for a while: the doors wait, they do not fail."""
        conn = connect(data_dir / "kiosk.db")
        start.wait()
        with transaction(conn):
            conn.execute("INSERT INTO meta(key, value) VALUES ('hog', '1')")
            time.sleep(0.4)
        conn.close()

    threads = [threading.Thread(target=door, args=(n,)) for n in halves] + [threading.Thread(target=hog)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    assert set(verdicts["door-A"]) <= {"accepted", "cancelled"} and len(verdicts["door-A"]) == 76
    assert set(verdicts["door-B"]) <= {"accepted", "cancelled"} and len(verdicts["door-B"]) == 76
    accepted = sum(v == "accepted" for vs in verdicts.values() for v in vs)
    assert kiosk.conn.execute("SELECT count(*) FROM scans").fetchone()[0] == 152
    assert kiosk.stats().checked_in == accepted == kiosk.stats().registered


CHILD = """
import sys
from pathlib import Path
from kiosk.service import Kiosk
k = Kiosk.open(Path(sys.argv[1]), device_name=sys.argv[2])
print("ready", flush=True)
sys.stdin.readline()
for code in sys.argv[3:]:
    k.check_in(code)
k.close()
print("done", flush=True)
"""


def test_two_processes_write_concurrently(kiosk: Kiosk, data_dir: Path) -> None:
    codes = [f"PLUS20-{i:04d}" for i in range(1, 153)]
    procs = [
        subprocess.Popen([sys.executable, "-c", CHILD, str(data_dir), f"door-{n}", *codes[n::2]], cwd=ROOT,
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for n in (0, 1)
    ]
    for p in procs:
        assert p.stdout is not None and p.stdout.readline().strip() == "ready"
    for p in procs:  # go together
        assert p.stdin is not None
        p.stdin.write("\n")
        p.stdin.flush()
    results = [p.communicate(timeout=60) for p in procs]
    for p, (out, err) in zip(procs, results, strict=True):
        assert (p.returncode, out.strip(), err) == (0, "done", "")
    per_device = dict(kiosk.conn.execute("SELECT device_name, count(*) FROM scans GROUP BY device_name").fetchall())
    assert per_device == {"door-0": 76, "door-1": 76}
    assert kiosk.stats().checked_in == kiosk.stats().registered
