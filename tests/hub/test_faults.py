"""Faults with real processes: a kiosk killed mid-sync, clocks skewed by ±10 minutes (faketime)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from tests.helpers.process import environment, run_kiosk
from tests.hub.slow_push import BATCH, SCANS, arrived, pushing, slow_pushes

ROOT = Path(__file__).resolve().parents[2]


def kiosk(data: Path, *args: str, device: str = "poste-A", skew: str | None = None) -> subprocess.CompletedProcess[str]:
    return run_kiosk(data, *args, device=device, faketime=("-f", skew) if skew else ())

def _faketime() -> None:
    if shutil.which("faketime") is None:
        if os.environ.get("CI"):
            pytest.fail("faketime is needed under CI (apt-get install faketime)")
        pytest.skip("no faketime")


@pytest.mark.parametrize("late", ["-10m", "+4m"])
def test_entry_then_exit_across_kiosks_minutes_apart(tmp_path: Path, hub: str, late: str) -> None:
    """A (on time) admits the guest; B, whose clock is 10 min late (or 4 min ahead: within the
    5 minutes a stamp may run ahead of the hub's clock), records the exit a moment later. Every kiosk
    must end with the guest checked in and outside, never "inside"."""
    _faketime()
    a, b = tmp_path / "a", tmp_path / "b"
    for data, device in ((a, "poste-A"), (b, "poste-B")):
        assert kiosk(data, "demo", device=device).returncode == 0
    assert kiosk(a, "checkin", "PLUS20-0007").returncode == 0
    assert kiosk(a, "sync", "--hub", hub).returncode == 0
    pulled = kiosk(b, "sync", "--hub", hub, device="poste-B", skew=late)
    assert pulled.returncode == 0 and "1 pulled" in pulled.stdout, pulled.stderr
    out = kiosk(b, "checkin", "PLUS20-0007", "--exit", "--json", device="poste-B", skew=late)
    assert json.loads(out.stdout)["verdict"] == "exit_recorded"
    assert kiosk(b, "sync", "--hub", hub, device="poste-B", skew=late).returncode == 0
    assert kiosk(a, "sync", "--hub", hub).returncode == 0
    for data in (a, b):
        row = _presence(data, "PLUS20-0007")
        assert row[0] is not None and row[1] == 0, (data.name, row)
    status = kiosk(a, "hub", "status", hub, "--json")
    offsets = {d["name"]: d["offset_ms"] for d in json.loads(status.stdout)["kiosks"]}
    assert abs(offsets["poste-B"] - (-600_000 if late == "-10m" else 240_000)) < 5000, offsets
    assert abs(offsets["poste-A"]) < 5000


def test_a_kiosk_ten_minutes_ahead_is_refused_and_told_to_set_its_clock(tmp_path: Path, hub: str) -> None:
    """B's clock runs 10 min ahead of the hub's: its exit is not adopted by A (it would drag A's clock,
    and every kiosk's, 10 min ahead): A quarantines it and says so; B is told to set the time."""
    _faketime()
    a, b = tmp_path / "a", tmp_path / "b"
    for data, device in ((a, "poste-A"), (b, "poste-B")):
        assert kiosk(data, "demo", device=device).returncode == 0
    assert kiosk(a, "checkin", "PLUS20-0007").returncode == 0
    assert kiosk(a, "sync", "--hub", hub).returncode == 0
    assert kiosk(b, "sync", "--hub", hub, device="poste-B", skew="+10m").returncode == 0
    out = kiosk(b, "checkin", "PLUS20-0007", "--exit", "--json", device="poste-B", skew="+10m")
    assert json.loads(out.stdout)["verdict"] == "exit_recorded"
    told = kiosk(b, "--lang", "en", "sync", "--hub", hub, device="poste-B", skew="+10m")
    assert told.returncode == 0 and "this laptop's clock says " in told.stdout and ": set the time" in told.stdout
    pulled = kiosk(a, "sync", "--hub", hub)
    assert pulled.returncode == 0, pulled.stderr
    assert "1 ligne(s) reçue(s) du hub refusée(s) et mise(s) de côté (1 de poste-B)" in pulled.stdout, pulled.stdout
    assert "horloge" not in pulled.stdout
    assert _presence(a, "PLUS20-0007")[1] == 1  # the exit was not applied here
    assert json.loads(kiosk(a, "stats", "--json").stdout)["inside"] == 1


def _presence(data: Path, code: str) -> tuple[object, ...]:
    import sqlite3

    conn = sqlite3.connect(data / "kiosk.db")
    try:
        return tuple(conn.execute("SELECT first_entry_at, inside FROM attendees WHERE ticket_code = ?",
                                  (code,)).fetchone())
    finally:
        conn.close()


def test_kiosk_killed_mid_sync_loses_and_doubles_nothing(tmp_path: Path, hub: str) -> None:
    data = tmp_path / "a"
    assert kiosk(data, "demo").returncode == 0
    script = (
        "import sys; from datetime import timedelta; from kiosk.service import Kiosk\n"
        "from kiosk.domain.model import Direction\n"
        "k = Kiosk.open(__import__('pathlib').Path(sys.argv[1]), device_name='poste-A')\n"
        f"for i in range({SCANS}):\n"
        "    k.check_in(f'PLUS20-{i % 150 + 1:04d}', direction=Direction.EXIT if (i // 150) % 2 else Direction.ENTRY)\n"
    )
    made = subprocess.run([sys.executable, "-c", script, str(data)], cwd=ROOT, env=environment(device="poste-A"),
                          timeout=300)
    assert made.returncode == 0
    local = _count(data)
    slow_pushes(hub)  # each batch holds its transaction open a while: the kill lands inside one
    proc = subprocess.Popen([sys.executable, "-c",
                             "import sys; from kiosk.service.sync.round import sync_once\n"
                             "from kiosk.service import Kiosk\n"
                             "k = Kiosk.open(__import__('pathlib').Path(sys.argv[1]), device_name='poste-A')\n"
                             f"sync_once(k, sys.argv[2], batch={BATCH})\n", str(data), hub],
                            cwd=ROOT, env=environment(device="poste-A"))
    with psycopg.connect(hub, autocommit=True) as watch:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if (arrived(watch) >= 2 * BATCH and pushing(watch)) or proc.poll() is not None:
                break
            time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "sync finished before it could be killed"
    again = kiosk(data, "sync", "--hub", hub)
    assert again.returncode == 0, again.stderr
    assert "0 queued" in again.stdout
    with psycopg.connect(hub) as conn:
        total, distinct = conn.execute("SELECT count(*), count(DISTINCT id) FROM scans").fetchone()  # type: ignore[misc]
    assert total == distinct == local


def _count(data: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(data / "kiosk.db")
    try:
        return int(conn.execute("SELECT count(*) FROM scans").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize(("skew_a", "skew_b"), [("+4m", None), (None, "-10m")])
def test_an_edit_made_after_seeing_another_wins_whatever_the_clocks(
        tmp_path: Path, hub: str, skew_a: str | None, skew_b: str | None) -> None:
    """A edits a guest's e-mail (A's clock 4 min ahead, or on time); B syncs, sees it, and corrects
    it a moment later (on time, or 10 min behind). By device time A's edit is the later one; by the
    HLC stamps `kiosk edit` writes, B's is, and that is what every kiosk ends with."""
    _faketime()
    a, b = tmp_path / "a", tmp_path / "b"
    for data, device in ((a, "poste-A"), (b, "poste-B")):
        assert kiosk(data, "demo", device=device).returncode == 0
    first = kiosk(a, "edit", "PLUS20-0007", "--email", "first@example.org", "--json", skew=skew_a)
    assert first.returncode == 0 and json.loads(first.stdout)["changed"] == ["email"], first.stderr
    assert kiosk(a, "sync", "--hub", hub, skew=skew_a).returncode == 0
    assert kiosk(b, "sync", "--hub", hub, device="poste-B", skew=skew_b).returncode == 0
    assert _email(b, "PLUS20-0007") == "first@example.org"
    second = kiosk(b, "edit", "PLUS20-0007", "--email", "second@example.org", device="poste-B", skew=skew_b)
    assert second.returncode == 0, second.stderr
    for data, device, skew in ((b, "poste-B", skew_b), (a, "poste-A", skew_a), (b, "poste-B", skew_b)):
        assert kiosk(data, "sync", "--hub", hub, device=device, skew=skew).returncode == 0
    assert [_email(d, "PLUS20-0007") for d in (a, b)] == ["second@example.org"] * 2


def _email(data: Path, code: str) -> str | None:
    import sqlite3

    conn = sqlite3.connect(data / "kiosk.db")
    try:
        row = conn.execute("SELECT email FROM attendees WHERE ticket_code = ?", (code,)).fetchone()
        return None if row is None or row[0] is None else str(row[0])
    finally:
        conn.close()
