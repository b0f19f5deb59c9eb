"""An acknowledged check-in survives the process being killed at any moment (SIGKILL)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest

from kiosk.domain.model import Attendee, Event
from kiosk.service import Kiosk
from kiosk.store import attendees as attendee_store
from kiosk.store import transaction

ROOT = Path(__file__).resolve().parents[2]
GUESTS = 10_000

CHILD = """
import sys
from pathlib import Path
from kiosk.service import Kiosk
k = Kiosk.open(Path(sys.argv[1]), device_name="door-1")
codes = [f"D-{i:05d}" for i in range(1, int(sys.argv[2]) + 1)]
print("ready", flush=True)
for code in codes:
    result = k.check_in(code)
    assert result.verdict.value == "accepted", result.verdict
    print(result.scan.id, flush=True)  # acknowledged only once check_in has returned
print("exhausted", flush=True)
"""


def _event_with_guests(data_dir: Path) -> None:
    k = Kiosk.open(data_dir, device_name="setup")
    event = k.create_event(Event(id=str(uuid.uuid4()), name="Durability"))
    guests = [Attendee(id=str(uuid.uuid4()), event_id=event.id, first_name=f"G{i}", last_name="Test",
                       ticket_code=f"D-{i:05d}") for i in range(1, GUESTS + 1)]
    with transaction(k.conn):
        attendee_store.insert_many(k.conn, guests, case_sensitive=False, now=k.now(), device_id="setup")
    k.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_acknowledged_checkins_survive_sigkill(tmp_path: Path, seed: int) -> None:
    data_dir = tmp_path / "data"
    _event_with_guests(data_dir)
    delay = random.Random(seed).uniform(0.3, 1.5)
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(data_dir), str(GUESTS)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(child.stdout))  # type: ignore[arg-type]
    reader.start()
    threading.Event().wait(delay)
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)
    reader.join(timeout=10)
    _, err = child.communicate(timeout=10)
    assert child.returncode == -signal.SIGKILL, err
    reported = [line.strip() for line in lines if line.endswith("\n")]
    assert "exhausted" not in reported, "the child ran out of guests before the kill: raise GUESTS"
    assert len(reported) > 0

    conn = sqlite3.connect(data_dir / "kiosk.db")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {r[0] for r in conn.execute("SELECT id FROM scans")}
        assert set(reported) <= stored  # every acknowledged scan is on disk
        assert len(stored) - len(reported) in (0, 1)  # at most the one committed as the kill came
        # Presence was written in the same transaction as each scan.
        inside = conn.execute("SELECT count(*) FROM attendees WHERE inside = 1").fetchone()[0]
        assert inside == len(stored)
    finally:
        conn.close()
