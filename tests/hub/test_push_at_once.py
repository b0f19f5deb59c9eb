"""Two doors, each with only its own `kiosk sync --watch` beside it (real processes, a real PostgreSQL):
what a `kiosk checkin` or `kiosk register --checkin` stores at one door reaches the other with no
manual sync. The watcher wakes on the local write (SQLite's data_version) and pushes; the hub's
NOTIFY wakes the other door's watcher, which pulls. Timings are the benchmark's (bench_doors.py)."""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from kiosk.service import Kiosk
from kiosk.service.sync.round import sync_once
from kiosk.service.sync.watch import watch
from tests.helpers.process import run_kiosk, start_watcher, stop

ROOT = Path(__file__).resolve().parents[2]
MakeKiosk = Callable[..., Kiosk]


def _until(what: Callable[[], bool], timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if what():
            return True
        time.sleep(0.05)
    return what()


@pytest.fixture
def watching(tmp_path: Path, hub: str) -> Iterator[Callable[[Path], None]]:
    """Start `kiosk sync --watch` beside a door's data dir, back once it listens to the hub; every watcher
    is stopped at the end."""
    started: list[subprocess.Popen[bytes]] = []

    def start(data_dir: Path) -> None:
        started.append(start_watcher(data_dir, hub, log=tmp_path / f"watch-{data_dir.name}.log"))

    yield start
    for proc in started:
        stop(proc)


def test_a_check_in_at_one_door_reaches_the_other_with_only_their_own_watchers(
        make_kiosk: MakeKiosk, hub: str, watching: Callable[[Path], None]) -> None:
    a, b = make_kiosk("poste-A"), make_kiosk("poste-B")
    for k in (a, b):
        sync_once(k, hub)
    assert a.data_dir is not None and b.data_dir is not None
    watching(a.data_dir)
    watching(b.data_dir)
    guest = a.find("PLUS20-0007").id
    done = run_kiosk(a.data_dir, "checkin", "PLUS20-0007", "--device", "poste-A")
    assert done.returncode == 0, done.stderr
    assert _until(lambda: b.presence(guest).checked_in), "B never learned A's check-in"
    assert b.check_in("PLUS20-0007").first_entry_device == "poste-A"
    # a walk-in registered and checked in at B is known at A, the other way round
    walk_in = run_kiosk(b.data_dir, "register", "--first-name", "Inès", "--last-name", "Fabre", "--checkin",
                     "--device", "poste-B")
    assert walk_in.returncode == 0, walk_in.stderr
    assert _until(lambda: any(g.last_name == "Fabre" and a.presence(g.id).checked_in for g in a.search("Fabre")))


def _hub_count(hub: str, sql: str) -> int:
    with psycopg.connect(hub) as conn:
        row = conn.execute(sql).fetchone()
    return int(row[0]) if row else 0


def test_the_watch_wakes_on_a_local_write_without_waiting_for_its_poll(make_kiosk: MakeKiosk, hub: str) -> None:
    """With a one-hour poll and nobody else pushing, only the local write can start the round that pushes."""
    a = make_kiosk("poste-A")
    assert a.data_dir is not None
    door = Kiosk.open(a.data_dir, device_name="poste-A")  # the door's own connection (the window, a CLI)
    stop = threading.Event()
    worker = threading.Thread(target=watch, args=(a, hub), kwargs={"poll_s": 3600.0, "stop": stop.is_set})
    worker.start()
    try:
        assert _until(lambda: _hub_count(hub, "SELECT count(*) FROM devices") == 1)  # first round done
        door.check_in("PLUS20-0003")
        assert _until(lambda: _hub_count(hub, "SELECT count(*) FROM scans WHERE code = 'PLUS20-0003'") == 1)
    finally:
        stop.set()
        worker.join(timeout=10)
        door.close()
    assert not worker.is_alive()


def test_a_wake_event_starts_a_round_and_a_stop_ends_the_wait_promptly(
        make_kiosk: MakeKiosk, hub: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from kiosk.service.sync import round as sync

    a = make_kiosk("poste-A")
    wake = threading.Event()
    stop = threading.Event()
    rounds: list[str] = []
    real = sync.sync_once

    def counted(k: Kiosk, url: str, **kw: Any) -> sync.SyncSummary:
        rounds.append(url)
        return real(k, url, **kw)

    monkeypatch.setattr(sync, "sync_once", counted)
    worker = threading.Thread(target=watch, args=(a, hub), kwargs={"poll_s": 3600.0, "stop": stop.is_set,
                                                                  "wake": wake})
    try:
        worker.start()
        assert _until(lambda: len(rounds) >= 1)
        time.sleep(1.0)  # the first round's own push NOTIFYs once more: one round more, then quiet
        settled = len(rounds)
        time.sleep(1.0)
        assert len(rounds) == settled <= 2  # no busy loop: nothing happened, no round
        wake.set()
        assert _until(lambda: len(rounds) == settled + 1)
        stop.set()
        worker.join(timeout=10)
        assert not worker.is_alive()
    finally:
        stop.set()
        worker.join(timeout=10)


def test_a_hub_that_goes_away_while_the_watch_waits_is_reported_and_retried(
        make_kiosk: MakeKiosk, hub: str) -> None:
    """The NOTIFY connection dies under the wait: one line, then rounds again once it is back."""
    a = make_kiosk("poste-A")
    stop = threading.Event()
    lines: list[str] = []
    listening = threading.Event()  # set after the first round: the watch waits on the hub from then on
    worker = threading.Thread(target=watch, args=(a, hub), kwargs={"poll_s": 3600.0, "stop": stop.is_set,
                                                                  "report": lines.append,
                                                                  "on_round": lambda _s: listening.set()})
    worker.start()
    try:
        assert listening.wait(60)
        with psycopg.connect(hub, autocommit=True) as admin:  # cut every kiosk connection to this hub
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                          " WHERE datname = current_database() AND pid <> pg_backend_pid()")
        assert _until(lambda: any(line.startswith("hub") for line in lines), timeout=20), lines
        # back at the next attempt: a round runs and says so
        assert _until(lambda: lines[-1].startswith("sync:"), timeout=20), lines
    finally:
        stop.set()
        worker.join(timeout=10)
    assert not worker.is_alive()
