"""The auto-print setting ("print the badge on check-in") through every way a guest comes in, with the
session's private CUPS and its PDF queue: real `kiosk` processes, real badges out of cups-pdf.

One decision (kiosk.service.printing.AutoPrint, installed on the session): the window, the walk-in
screen, `kiosk checkin`, `kiosk register --checkin` and `kiosk override` all go through it."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk import paths, settings
from kiosk.service import Kiosk
from kiosk.service.print_runner import PrintRunner
from kiosk.service.printing import PrintQueue, auto_print, configured_queue
from tests.helpers.process import run_kiosk, start_kiosk
from tests.printing.cups_server import CupsServer

ROOT = Path(__file__).resolve().parents[2]


def kiosk_cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_kiosk(data_dir, "--lang", "en", *args, device="door-1", env={"LANG": "en_GB.UTF-8"})

def jobs(data_dir: Path) -> list[tuple[str, str, int]]:
    """(attendee id, status, reprint) of every print job, oldest first."""
    with sqlite3.connect(paths.database(data_dir)) as conn:
        return [(str(a), str(s), int(r)) for a, s, r in conn.execute(
            "SELECT attendee_id, status, reprint FROM print_jobs ORDER BY created_at, rowid")]


def until(what: Callable[[], bool], timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if what():
            return True
        time.sleep(0.1)
    return what()


@pytest.fixture
def door(kiosk: Kiosk, data_dir: Path, cups: CupsServer) -> Path:
    """A data dir holding the demo event, auto-print on, badges to the private CUPS's PDF queue."""
    settings.save(data_dir, settings.Settings(auto_print=True, printer_backend="cups", printer_name=cups.queue))
    return data_dir


def test_kiosk_checkin_prints_the_badge_when_auto_print_is_on(kiosk: Kiosk, door: Path, cups: CupsServer) -> None:
    guest = kiosk.find("PLUS20-0001")
    done = kiosk_cli(door, "checkin", "PLUS20-0001")
    assert done.returncode == 0, done.stderr
    assert "Badge printed" in done.stderr and guest.full_name in done.stderr
    assert len(cups.wait_outputs(1)) == 1
    assert jobs(door) == [(guest.id, "done", 0)]
    # out, and in again: the badge came out already, none more
    assert kiosk_cli(door, "checkin", "PLUS20-0001", "--exit").returncode == 0
    again = kiosk_cli(door, "checkin", "PLUS20-0001")
    assert again.returncode == 0 and "Badge" not in again.stderr
    assert len(jobs(door)) == 1


def test_register_checkin_and_override_print_through_the_same_decision(
        kiosk: Kiosk, door: Path, cups: CupsServer) -> None:
    walk_in = kiosk_cli(door, "register", "--first-name", "Inès", "--last-name", "Fabre", "--checkin", "--json")
    assert walk_in.returncode == 0, walk_in.stderr
    assert "Badge printed" in walk_in.stderr and walk_in.stdout.count("\n") == 1  # --json: stdout stays JSON
    cancelled = next(a for a in kiosk.attendees() if a.cancelled)
    let_in = kiosk_cli(door, "override", cancelled.id, "--reason", "on the list at the desk", "--staff", "Sam")
    assert let_in.returncode == 0, let_in.stderr
    assert "Badge printed" in let_in.stderr
    assert len(cups.wait_outputs(2)) == 2
    assert [status for _, status, _ in jobs(door)] == ["done", "done"]
    # a registration without --checkin lets nobody in: no badge
    assert kiosk_cli(door, "register", "--first-name", "Léa", "--last-name", "Roux").returncode == 0
    assert len(jobs(door)) == 2


def test_auto_print_off_prints_nothing_from_the_command_line(kiosk: Kiosk, data_dir: Path, cups: CupsServer) -> None:
    settings.save(data_dir, settings.Settings(auto_print=False, printer_backend="cups", printer_name=cups.queue))
    assert kiosk_cli(data_dir, "checkin", "PLUS20-0002").returncode == 0
    assert jobs(data_dir) == []


@pytest.fixture
def resumer(door: Path, tmp_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    """`kiosk print --resume --watch` beside the door: the watcher that prints held badges."""
    proc = start_kiosk(door, "print", "--resume", "--watch", log=tmp_path / "resume.log", device="door-1")
    yield proc
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(15) == 0


def test_a_paused_printer_holds_the_badge_and_it_comes_out_when_the_queue_is_resumed_with_nobody_there(
        kiosk: Kiosk, door: Path, cups: CupsServer, resumer: subprocess.Popen[bytes]) -> None:
    guest = kiosk.find("PLUS20-0003")
    cups.disable("paper jam")
    done = kiosk_cli(door, "checkin", "PLUS20-0003")
    assert done.returncode == 0, done.stderr  # the guest is in: a paused printer refuses nobody
    assert "Badge waiting" in done.stderr and "paper jam" in done.stderr
    assert jobs(door) == [(guest.id, "held", 0)]
    assert cups.outputs() == []
    cups.enable()  # nobody touches the kiosk from here
    assert len(cups.wait_outputs(1, timeout=60)) == 1
    assert until(lambda: jobs(door) == [(guest.id, "done", 0)], timeout=60), jobs(door)
    assert resumer.poll() is None  # still watching


def test_print_resume_once_prints_what_waits_and_says_what_is_left(kiosk: Kiosk, door: Path, cups: CupsServer) -> None:
    cups.disable("out of labels")
    assert kiosk_cli(door, "checkin", "PLUS20-0004").returncode == 0
    still = kiosk_cli(door, "print", "--resume", "--timeout", "5")
    assert still.returncode == 1 and "0 badge(s) printed, 1 waiting" in still.stdout
    cups.enable()
    resumed = kiosk_cli(door, "print", "--resume")
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert "1 badge(s) printed, 0 waiting" in resumed.stdout
    assert len(cups.wait_outputs(1)) == 1


def test_the_window_and_the_walk_in_screen_use_the_session_decision(kiosk: Kiosk, door: Path,
                                                                    cups: CupsServer) -> None:
    """In-process entry points (the window's presenter and the walk-in screen call these): an admission
    queues a badge once the session's auto-print is on, not before, and never twice for one guest."""
    queue: PrintQueue = configured_queue(kiosk, settings.load(door))
    try:
        kiosk.check_in("PLUS20-0005")
        assert queue.jobs() == []  # auto-print not installed on this session: nothing
        auto_print(kiosk, lambda a: queue.enqueue(a.id), True)
        kiosk.check_in("PLUS20-0006")
        kiosk.check_in_attendee(kiosk.find("PLUS20-0006").id)  # already inside: refused, no badge
        walk_in = kiosk.register(first_name="Noé", last_name="Petit", checkin=True)
        assert [j.attendee_id for j in reversed(queue.jobs())] == [kiosk.find("PLUS20-0006").id, walk_in.attendee.id]
        assert kiosk.badges_queued == 2
        PrintRunner(queue).run_until_empty(timeout=60)
        assert len(cups.wait_outputs(2)) == 2
    finally:
        queue.stop()


def test_the_walk_in_screen_follows_the_setting(kiosk: Kiosk, door: Path, cups: CupsServer) -> None:
    """The walk-in screen printed whenever a printer was set up; now it follows auto-print like the rest."""
    from kiosk.domain.walkin import WalkInForm
    from kiosk.service.self_service import Outcome, SelfService

    queue = configured_queue(kiosk, settings.load(door))
    try:
        service = SelfService(kiosk)
        off = service.submit(WalkInForm(first_name="Yanis", last_name="Morel", consent=True))
        assert off.outcome is Outcome.WELCOME and not off.badge_queued and queue.jobs() == []
        auto_print(kiosk, lambda a: queue.enqueue(a.id), True)
        on = service.submit(WalkInForm(first_name="Maëlle", last_name="Garnier", consent=True))
        assert on.outcome is Outcome.WELCOME and on.badge_queued and len(queue.jobs()) == 1
        ticket = service.check_in_ticket("PLUS20-0008")
        assert ticket.outcome is Outcome.WELCOME and ticket.badge_queued and len(queue.jobs()) == 2
        again = service.check_in_ticket("PLUS20-0008")  # the same ticket held up again: no second badge
        assert not again.badge_queued and len(queue.jobs()) == 2
    finally:
        queue.stop()
