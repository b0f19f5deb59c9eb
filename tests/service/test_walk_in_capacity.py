"""Walk-ins against a full venue: the capacity check and the check-in are one transaction.

Eight walk-ins at once, from eight processes, for three places: three get in, five are refused.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.helpers.process import environment, run_kiosk, wait_until

ROOT = Path(__file__).resolve().parents[2]


def ran(data: Path, *args: str) -> tuple[int, str, str]:
    done = run_kiosk(data, *args, timeout=60)
    return done.returncode, done.stdout, done.stderr


# Each process loads kiosk, says it is ready (a file), then waits for the same starting gun, fired once
# every one is ready: the submits really overlap, however slow the machine is to start them.
_AT_ONCE = """
import sys, time, pathlib
from kiosk.cli.main import main
import kiosk.service  # the heavy imports done before saying ready
ready, gun = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
ready.touch()
while not gun.exists():
    time.sleep(0.002)
raise SystemExit(main(sys.argv[3:]))
"""


def at_once(data: Path, *args: str, ready: Path, gun: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", _AT_ONCE, str(ready), str(gun), "--data-dir", str(data), *args],
                            cwd=ROOT, env=environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def all_at_once(data: Path, runs: list[list[str]], folder: Path) -> list[tuple[int, str, str]]:
    """Start one process per run, fire the gun once all of them are ready, and return what each said."""
    gun = folder / "go"
    readies = [folder / f"ready-{i}" for i in range(len(runs))]
    procs = [at_once(data, *args, ready=ready, gun=gun) for args, ready in zip(runs, readies, strict=True)]
    try:
        wait_until(lambda: all(r.exists() for r in readies) or any(p.poll() is not None for p in procs),
                   timeout=120, what="every process loaded")
        gun.touch()
        return [done(p) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()


def done(proc: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=60)
    return proc.returncode, out, err


def test_eight_walk_ins_at_once_for_three_places(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert ran(data, "event", "create", "--name", "Tiny", "--capacity", "3")[0] == 0
    results = all_at_once(data, [["register", "--first-name", f"Walk{i}", "--last-name", "In", "--checkin", "--json"]
                                 for i in range(8)], tmp_path)
    admitted = [r for r in results if r[0] == 0]
    refused = [r for r in results if r[0] != 0]
    assert len(admitted) == 3, results
    assert all("complet" in err for _code, _out, err in refused), refused
    code, out, _err = ran(data, "stats", "--json")
    assert code == 0
    stats = json.loads(out)
    assert (stats["inside"], stats["checked_in"]) == (3, 3)
    assert stats["walk_ins"] == 3  # nothing half-done: the refused were not created either


def test_an_existing_guest_is_not_let_past_a_full_venue(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert ran(data, "event", "create", "--name", "Tiny", "--capacity", "1")[0] == 0
    assert ran(data, "register", "--first-name", "Ann", "--last-name", "Lee", "--email",
                    "ann@example.org")[0] == 0
    assert ran(data, "register", "--first-name", "Bob", "--last-name", "Ray", "--checkin")[0] == 0
    code, _out, err = ran(data, "register", "--first-name", "Ann", "--last-name", "Lee",
                                "--email", "ann@example.org", "--checkin")
    assert code != 0 and "complet" in err
    stats = json.loads(ran(data, "stats", "--json")[1])
    assert stats["inside"] == 1


def test_the_waiting_list_is_visible_to_staff(tmp_path: Path) -> None:
    from kiosk.domain.model import Event
    from kiosk.domain.walkin import WalkInForm
    from kiosk.service import Kiosk
    from kiosk.service.self_service import Outcome, SelfService

    data = tmp_path / "data"
    kiosk = Kiosk.open(data, device_name="walk-in")
    try:
        kiosk.create_event(Event(id="e1", name="Tiny", capacity=0))
        service = SelfService(kiosk)
        form = WalkInForm(first_name="Late", last_name="Comer", email="late@example.org", consent=True, contact_ok=True)
        assert service.submit(form).outcome is Outcome.VENUE_FULL
        service.join_waitlist(form)
    finally:
        kiosk.close()
    code, out, err = ran(data, "waitlist", "--json")
    assert code == 0, err
    [entry] = json.loads(out)
    assert (entry["first_name"], entry["email"], entry["contact_ok"]) == ("Late", "late@example.org", True)
    code, out, _err = ran(data, "waitlist", "--lang", "en")
    assert code == 0 and "Late Comer" in out


def test_the_last_workshop_place_goes_to_one_of_four_simultaneous_walk_ins(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert ran(data, "event", "create", "--name", "Tiny", "--workshop", "Atelier:1")[0] == 0
    results = all_at_once(data, [["register", "--first-name", f"W{i}", "--last-name", "In", "--workshop", "Atelier",
                                  "--checkin", "--json"] for i in range(4)], tmp_path)
    assert sum(1 for r in results if r[0] == 0) == 1, results
    stats = json.loads(ran(data, "stats", "--json")[1])
    assert stats["by_workshop"]["Atelier"]["registered"] == 1 and stats["inside"] == 1
