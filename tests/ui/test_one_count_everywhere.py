"""Issue 24's own case, through the real commands and the real widgets: two guests scanned in, then a
cancelled ticket let in with `kiosk override`. The window's header, `kiosk stats`, `kiosk present`,
`kiosk report` and the occupancy screen all say 3 inside (they said 2 and 3)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.service import Kiosk
from kiosk.store import attendees as attendee_store
from kiosk.ui.occupancy.screen import OccupancyScreen
from tests.helpers.process import run_kiosk
from tests.ui.conftest import MakeWindow

ROOT = Path(__file__).resolve().parents[2]


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_kiosk(data_dir, *args, device="door-2", timeout=60)

def test_an_override_of_a_cancelled_ticket_is_counted_once_everywhere(qtbot: QtBot, kiosk: Kiosk, data_dir: Path,
                                                                     make_window: MakeWindow,
                                                                     tmp_path: Path) -> None:
    guests = list(attendee_store.iterate(kiosk.conn, kiosk.event.id))
    cancelled = next(a for a in guests if a.cancelled)
    for guest in [a for a in guests if not a.cancelled][:2]:
        assert cli(data_dir, "checkin", guest.ticket_code or "").returncode == 0
    assert cli(data_dir, "checkin", cancelled.ticket_code or "").returncode != 0  # refused at the door...
    done = cli(data_dir, "override", cancelled.ticket_code or "", "--reason", "paid at the desk", "--staff", "Chloé")
    assert done.returncode == 0, done.stderr  # ...and let in anyway

    stats = json.loads(cli(data_dir, "stats", "--json").stdout)
    present = json.loads(cli(data_dir, "present", "--json").stdout)
    report = json.loads(cli(data_dir, "report", "-o", str(tmp_path / "r.pdf"), "--json").stdout)
    assert (stats["inside"], stats["inside_other"], stats["checked_in"]) == (3, 1, 2)
    assert present["count"] == 3 and report["inside_now"] == 3 and report["arrived"] == 2

    window = make_window()
    window.refresh_stats()
    assert "Inside now 3" in window.header.figures.text() and "Arrived 2 / 143" in window.header.figures.text()
    screen = OccupancyScreen(kiosk)
    qtbot.addWidget(screen)
    screen.show()
    screen.show_figures()
    QApplication.processEvents()
    assert screen.inside.text() == "3"
    screen.close()


def test_the_screen_and_the_header_with_scans_dated_2001_or_no_time(qtbot: QtBot, kiosk: Kiosk,
                                                                     make_window: MakeWindow) -> None:
    from tests.cli.test_untimed_scans import ODD, pull

    kiosk.check_in("PLUS20-0001")
    for code, when in ODD.items():
        pull(kiosk, code, "entry", when, when or "garbage-hlc")
    window = make_window()
    window.refresh_stats()
    assert "Inside now 6" in window.header.figures.text()
    screen = OccupancyScreen(kiosk)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    screen.show_figures()
    QApplication.processEvents()
    shown = screen.figures_shown
    assert screen.inside.text() == "6" and shown is not None and shown.untimed == 5
    assert 1 <= len(shown.timeline) <= 12 * 72 + 1 and shown.timeline[0].start.startswith("2026-11-30")
    screen.close()
