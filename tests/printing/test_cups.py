"""Printing through a real (private) CUPS server with a PDF queue: what comes out, and the queue
surviving a paused printer and a killed process."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.adapters.printing import Media, ipp
from kiosk.adapters.printing.cups import CupsPrinter, list_printers
from kiosk.badges import engine, layouts
from kiosk.cli.main import main
from kiosk.domain.model import Attendee
from kiosk.service import Kiosk
from kiosk.service.print_runner import PrintRunner
from kiosk.service.printing import PrintQueue
from kiosk.store import print_jobs, transaction
from tests.helpers.process import wait_until
from tests.printing.cups_server import CupsServer

MM = 72 / 25.4


def _output_of(cups: CupsServer, job_id: str) -> Path:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        found = [p for p in cups.outputs() if job_id in p.name]
        if found and not list(cups.out.glob("*.part")):
            return found[0]
        time.sleep(0.1)
    raise AssertionError(f"no PDF for {job_id} in {[p.name for p in cups.outputs()]}")


def _page_size(pdf: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert match, info
    return float(match.group(1)), float(match.group(2))


@pytest.mark.parametrize("fmt", ["a6", "ql62", "dymo99014", "a4-8"])
def test_badge_comes_out_of_cups_with_the_name_and_the_format_size(cups: CupsServer, kiosk: Kiosk,
                                                                   fmt: str) -> None:
    queue = PrintQueue(kiosk, CupsPrinter(cups.queue))
    attendee = _ascii_guest(kiosk)
    job = queue.enqueue(attendee.id, fmt)
    assert PrintRunner(queue).run_until_empty(timeout=30) == 1
    done = queue.job(job.id)
    assert done is not None and done.status == "done" and done.cups_job_id
    pdf = _output_of(cups, job.id)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert attendee.first_name in text and attendee.last_name in text
    layout = layouts.get(fmt)
    width, height = _page_size(pdf)
    assert abs(width - layout.page_w_mm * MM) < 2 and abs(height - layout.page_h_mm * MM) < 2
    # The page as printed still carries a readable QR code (nothing rasterised or clipped away).
    import zxingcpp
    from PIL import Image

    subprocess.run(["pdftoppm", "-png", "-r", "150", "-singlefile", str(pdf), str(pdf.with_suffix(""))],
                   check=True)
    decoded = zxingcpp.read_barcodes(Image.open(pdf.with_suffix(".png")))
    assert [r.text for r in decoded] == [attendee.ticket_code]


def _ascii_guest(kiosk: Kiosk) -> Attendee:
    """CUPS's PostScript round trip drops the Unicode map of non-ASCII glyphs (they still print,
    but pdftotext cannot read them back), so the text check uses a guest with an ASCII name."""
    for attendee in kiosk.search("Martin") + kiosk.search("Thomas") + kiosk.search("Robert"):
        if f"{attendee.first_name} {attendee.last_name}".isascii() and not attendee.cancelled:
            return attendee
    raise AssertionError("no ASCII-named demo guest")


def test_paused_printer_holds_jobs_with_a_banner_and_they_complete_when_enabled(
    cups: CupsServer, kiosk: Kiosk
) -> None:
    queue = PrintQueue(kiosk, CupsPrinter(cups.queue))
    runner = PrintRunner(queue)
    jobs = [queue.enqueue(kiosk.find(f"PLUS20-{i:04d}").id, "cr80") for i in range(10, 14)]
    first = runner.process_once()
    assert first is not None and first.status == "printing"
    cups.disable("paper jam")
    assert runner.process_once() is None
    statuses = [j.status for j in (queue.job(j.id) for j in jobs) if j]
    assert statuses[1:] == ["held"] * 3
    banner = queue.backlog().message("fr")
    assert banner is not None and re.match(r"Imprimante indisponible — [34] badges en attente", banner)
    assert "paused" in banner  # the reason CUPS shows may be the running job's, not "paper jam"
    assert not CupsPrinter(cups.queue).status().ok and CupsPrinter(cups.queue).status().paused
    cups.enable()
    assert runner.run_until_empty(timeout=30) >= 3
    assert [j.status for j in (queue.job(j.id) for j in jobs) if j] == ["done"] * 4
    assert queue.backlog().message("fr") is None
    for job in jobs:
        _output_of(cups, job.id)


def _cups_titles(cups: CupsServer) -> list[str]:
    """Kiosk job titles of every job CUPS knows (from the submitted file name, never hidden)."""
    return [job.document.removesuffix(".pdf") for job in ipp.get_jobs(cups.queue)]


_CHILD = """
import sys
from pathlib import Path
from kiosk.adapters.printing.cups import CupsPrinter
from kiosk.service import Kiosk
from kiosk.service.print_runner import PrintRunner
from kiosk.service.printing import PrintQueue
k = Kiosk.open(Path(sys.argv[1]), device_name="door-1")
PrintRunner(PrintQueue(k, CupsPrinter(sys.argv[2]))).run_until_empty(timeout=60)
"""


def test_a_killed_process_resumes_without_losing_or_doubling_a_badge(
    cups: CupsServer, kiosk: Kiosk, data_dir: Path
) -> None:
    queue = PrintQueue(kiosk, CupsPrinter(cups.queue))
    jobs = [queue.enqueue(kiosk.find(f"PLUS20-{i:04d}").id, "cr80") for i in range(20, 30)]
    child = subprocess.Popen([sys.executable, "-c", _CHILD, str(data_dir), cups.queue],
                             env={**os.environ, "CUPS_SERVER": str(cups.socket)})
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        sent = kiosk.conn.execute("SELECT count(*) FROM print_jobs WHERE cups_job_id IS NOT NULL").fetchone()[0]
        if sent >= 3:
            break
        time.sleep(0.005)
    os.kill(child.pid, signal.SIGKILL)
    child.wait(10)
    statuses = [j.status for j in (queue.job(j.id) for j in jobs) if j]
    assert "queued" in statuses, statuses  # killed mid-queue

    restarted = PrintQueue(kiosk, CupsPrinter(cups.queue))
    PrintRunner(restarted).run_until_empty(timeout=60)
    assert [j.status for j in (restarted.job(j.id) for j in jobs) if j] == ["done"] * len(jobs)
    titles = _cups_titles(cups)
    for job in jobs:
        assert titles.count(job.title) == 1, job.title  # every badge sent exactly once


def test_a_job_claimed_by_a_dead_process_is_found_by_title_or_requeued(cups: CupsServer, kiosk: Kiosk) -> None:
    printer = CupsPrinter(cups.queue)
    queue = PrintQueue(kiosk, printer)
    runner = PrintRunner(queue)
    sent = queue.enqueue(kiosk.find("PLUS20-0040").id, "cr80")
    lost = queue.enqueue(kiosk.find("PLUS20-0041").id, "cr80")
    # What a process killed between `lp` and its database write leaves behind:
    src = cups.root / f"{sent.title}.pdf"
    engine.render(kiosk.badges.contents([kiosk.find("PLUS20-0040")]), layouts.get("cr80"), src)
    printer.submit(str(src), Media(85.6, 54), sent.title)
    wait_until(lambda: [j.state for j in ipp.get_jobs(cups.queue) if j.document == src.name] == ["completed"],
               timeout=60, what="CUPS completing the job")  # CUPS then hides its title, only the file name is left
    with transaction(kiosk.conn):
        for job in (sent, lost):
            print_jobs.update(kiosk.conn, job.id, now=kiosk.now(), status="printing", attempts=1,
                              claimed_by="elsewhere-host:999999")
    assert runner.recover() == 2
    assert queue.job(sent.id).cups_job_id  # type: ignore[union-attr]
    assert queue.job(lost.id).status == "queued"  # type: ignore[union-attr]
    runner.run_until_empty(timeout=30)
    titles = _cups_titles(cups)
    assert titles.count(sent.title) == 1 and titles.count(lost.title) == 1


def test_printers_listing_and_the_print_command(cups: CupsServer, kiosk: Kiosk,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert cups.queue in [p.name for p in list_printers()]
    assert main(["printers", "--json"]) == 0
    assert cups.queue in [p["name"] for p in json.loads(capsys.readouterr().out)]
    assert main(["print", "PLUS20-0005", "--backend", "cups", "--printer", cups.queue, "--format", "ql62",
                 "--json"]) == 0
    job = json.loads(capsys.readouterr().out)
    assert job["status"] == "done" and job["backend"] == "cups" and job["destination"] == cups.queue
    _output_of(cups, job["id"])
    assert main(["print", "PLUS20-0005", "--backend", "cups", "--printer", "NoSuchPrinter", "--json"]) == 1
    held = json.loads(capsys.readouterr().out)
    assert held["status"] == "held" and "not found" in held["banner"]


def test_qt_backend_prints_through_the_same_cups_queue(cups: CupsServer, kiosk: Kiosk, qapp: object) -> None:
    """QPrinter path (Windows/macOS): pages rasterised, painted at the format's size."""
    import zxingcpp
    from PIL import Image

    from kiosk.adapters.printing.qt import QtPrinter

    printer = QtPrinter(cups.queue)
    assert printer.status().ok and cups.queue in [p.name for p in printer.list_printers()]
    queue = PrintQueue(kiosk, printer)
    attendee = kiosk.find("PLUS20-0060")
    job = queue.enqueue(attendee.id, "a6")
    assert PrintRunner(queue).run_until_empty(timeout=30) == 1
    wait_until(lambda: bool(cups.outputs()) and not any(
        j.state in ("pending", "held", "processing") for j in ipp.get_jobs(cups.queue)), timeout=60,
        what="cups-pdf writing the page")
    pdf = cups.outputs()[-1]
    width, height = _page_size(pdf)
    assert abs(width - 105 * MM) < 2 and abs(height - 148 * MM) < 2
    subprocess.run(["pdftoppm", "-png", "-r", "100", "-singlefile", str(pdf), str(cups.root / "qt")], check=True)
    assert [r.text for r in zxingcpp.read_barcodes(Image.open(cups.root / "qt.png"))] == [attendee.ticket_code]
    assert queue.job(job.id).status == "done"  # type: ignore[union-attr]
