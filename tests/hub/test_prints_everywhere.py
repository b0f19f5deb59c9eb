"""A badge printed at door A counts as printed at door B once both synced through a real PostgreSQL:
`kiosk print` at B marks it a reprint, `kiosk badges --only-not-printed` at B leaves the guest out, and
B's auto-print does not print it again when the guest comes in at B."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import psycopg

from kiosk import settings
from kiosk.adapters.printing.pdf_folder import PdfFolderPrinter
from kiosk.service import Kiosk
from kiosk.service.print_runner import PrintRunner
from kiosk.service.printing import PrintQueue, auto_print
from kiosk.service.sync.round import sync_once
from tests.helpers.process import run_kiosk, start_kiosk, stop
from tests.printing.cups_server import CupsServer

ROOT = Path(__file__).resolve().parents[2]
MakeKiosk = Callable[..., Kiosk]


def test_a_badge_printed_at_door_a_counts_as_printed_at_door_b(make_kiosk: MakeKiosk, hub: str,
                                                                 tmp_path: Path) -> None:
    a, b = make_kiosk("poste-A"), make_kiosk("poste-B")
    assert b.data_dir is not None
    guest = a.find("PLUS20-0011")
    queue = PrintQueue(a, PdfFolderPrinter(tmp_path / "printed-a"))
    queue.enqueue(guest.id)
    assert PrintRunner(queue).run_until_empty() == 1
    assert guest.id in {g.id for g in b.badges.guests(only_not_printed=True)}  # B does not know yet
    sync_once(a, hub)
    sync_once(b, hub)
    assert guest.id not in {g.id for g in b.badges.guests(only_not_printed=True)}
    listed = run_kiosk(b.data_dir, "badges", "--all", "--only-not-printed", "-o", str(tmp_path / "b.pdf"), "--json")
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout)["badges"] == len(b.badges.guests(only_not_printed=True))
    again = run_kiosk(b.data_dir, "print", "PLUS20-0011", "--backend", "pdf", "--printer", str(tmp_path / "b"),
                      "--json")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["reprint"] is True
    # B's auto-print: the guest printed at A gets none at B; a guest never printed gets one
    b_queue = PrintQueue(b, PdfFolderPrinter(tmp_path / "printed-b2"))
    auto_print(b, lambda g: b_queue.enqueue(g.id), True)
    assert b.check_in("PLUS20-0011").verdict.admits
    assert b.badges_queued == 0
    b.check_in("PLUS20-0012")
    assert b.badges_queued == 1
    assert b.find("PLUS20-0012").id in [j.attendee_id for j in b_queue.jobs()]


def test_sync_watch_prints_the_badge_a_paused_printer_held_and_pushes_it(
        make_kiosk: MakeKiosk, hub: str, cups: CupsServer, tmp_path: Path) -> None:
    """The door's only companion is `kiosk sync --watch`: with auto-print on it also runs the print queue,
    so a badge held while the CUPS queue was disabled comes out when it is enabled, with nobody at the
    kiosk, and the hub learns the badge was printed."""
    a = make_kiosk("poste-A")
    assert a.data_dir is not None
    settings.save(a.data_dir, settings.Settings(auto_print=True, printer_backend="cups", printer_name=cups.queue))
    sync_once(a, hub)
    watcher = start_kiosk(a.data_dir, "sync", "--hub", hub, "--watch", log=tmp_path / "watch.log")
    try:
        cups.disable("paper jam")
        done = run_kiosk(a.data_dir, "checkin", "PLUS20-0021")
        assert done.returncode == 0, done.stderr
        assert cups.outputs() == []
        cups.enable()  # nobody touches the kiosk from here
        assert len(cups.wait_outputs(1, timeout=60)) == 1

        def printed_at_hub() -> bool:
            with psycopg.connect(hub) as conn:
                return conn.execute("SELECT count(*) FROM badge_prints").fetchone() == (1,)

        deadline = time.monotonic() + 60
        while not printed_at_hub() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert printed_at_hub()
    finally:
        stop(watcher)
