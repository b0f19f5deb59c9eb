"""The persistent print queue with the PDF-folder printer and a printer that fails on demand."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from kiosk import paths
from kiosk.adapters.printing import JobState, Media, PrinterError, PrinterInfo, PrinterState, make_printer
from kiosk.adapters.printing.pdf_folder import PdfFolderPrinter
from kiosk.service import Kiosk, KioskError
from kiosk.service.print_runner import PrintRunner
from kiosk.service.printing import PrintQueue
from tests.conftest import FakeClock


class FlakyPrinter(PdfFolderPrinter):
    """The real PDF folder behind a switch: ``failures`` submissions raise, ``state`` is reported."""

    def __init__(self, directory: Path) -> None:
        super().__init__(directory)
        self.failures = 0
        self.state = PrinterState(True)
        self.submitted: list[str] = []

    def submit(self, pdf_path: str, media: Media, title: str = "") -> str:
        if self.failures:
            self.failures -= 1
            raise PrinterError("out of labels")
        self.submitted.append(title)
        return super().submit(pdf_path, media, title)

    def status(self) -> PrinterState:
        return self.state

    def list_printers(self) -> list[PrinterInfo]:
        return []


def test_pdf_folder_is_the_default_and_records_reprints(kiosk: Kiosk, data_dir: Path) -> None:
    printer = make_printer("pdf", data_dir=data_dir)
    queue = PrintQueue(kiosk, printer)
    runner = PrintRunner(queue)
    attendee = kiosk.find("PLUS20-0001")
    first = queue.enqueue(attendee.id)
    assert first.status == "queued" and not first.reprint and queue.pending_count() == 1
    done = runner.process_once()
    assert done is not None and done.status == "done" and done.attempts == 1
    assert (paths.print_dir(data_dir) / done.cups_job_id).exists() if done.cups_job_id else False
    assert queue.destination == str(paths.print_dir(data_dir))
    again = queue.enqueue(attendee.id, "cr80")
    assert again.reprint and again.format == "cr80"
    assert runner.run_until_empty() == 1 and queue.pending_count() == 0 and queue.backlog().message("fr") is None
    with pytest.raises(KioskError):
        queue.enqueue(attendee.id, "no-such-format")


def test_failures_back_off_then_end_failed_and_can_be_retried(kiosk: Kiosk, data_dir: Path,
                                                             clock: FakeClock) -> None:
    printer = FlakyPrinter(data_dir / "out")
    queue = PrintQueue(kiosk, printer)
    runner = PrintRunner(queue)
    job = queue.enqueue(kiosk.find("PLUS20-0001").id)
    printer.failures = 99
    after = runner.process_once()
    assert after is not None and after.status == "queued" and after.last_error == "out of labels"
    assert runner.process_once() is None  # backing off: not due yet
    for _ in range(10):
        clock.advance(600)
        runner.process_once()
    final = queue.job(job.id)
    assert final is not None and final.status == "failed" and final.attempts == 5
    assert queue.backlog().message("fr") == "1 badge en échec"
    printer.failures = 0
    assert queue.retry_failed() == 1
    assert runner.run_until_empty() == 1 and printer.submitted == [job.title]


def test_missing_printer_holds_jobs_with_a_banner_then_releases_them(kiosk: Kiosk, data_dir: Path) -> None:
    printer = FlakyPrinter(data_dir / "out")
    queue = PrintQueue(kiosk, printer)
    runner = PrintRunner(queue)
    printer.state = PrinterState(False, False, False, "printer Brother not found")
    for code in ("PLUS20-0001", "PLUS20-0002", "PLUS20-0003"):
        queue.enqueue(kiosk.find(code).id)
    assert runner.process_once() is None
    assert {j.status for j in queue.jobs()} == {"held"}
    assert queue.backlog().message("fr") == "Imprimante indisponible — 3 badges en attente (printer Brother not found)"
    printer.state = PrinterState(True)
    assert runner.run_until_empty() == 3 and len(printer.submitted) == 3


class HeldPrinter(FlakyPrinter):
    """A printer whose first submission waits until the test lets it go: the worker is stuck in it."""

    def __init__(self, directory: Path) -> None:
        super().__init__(directory)
        self.printing, self.go = threading.Event(), threading.Event()

    def submit(self, pdf_path: str, media: Media, title: str = "") -> str:
        self.printing.set()
        assert self.go.wait(60), "never let go"
        return super().submit(pdf_path, media, title)


def test_background_worker_prints_without_blocking_the_caller(kiosk: Kiosk, data_dir: Path) -> None:
    """Enqueueing never waits for the printer: five badges are queued while the worker is stuck in one."""
    printer = HeldPrinter(data_dir / "out")
    queue = PrintQueue(kiosk, printer)
    PrintRunner(queue, poll=0.05).start()
    try:
        jobs = [queue.enqueue(kiosk.find("PLUS20-0001").id)]
        assert printer.printing.wait(60)  # the worker is in the printer's submit, held there
        jobs += [queue.enqueue(kiosk.find(f"PLUS20-{i:04d}").id) for i in range(2, 6)]
        assert printer.submitted == [] and queue.pending_count() == 5
        printer.go.set()
        deadline = time.monotonic() + 20
        while queue.pending_count() and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        printer.go.set()
        queue.stop()
    assert [j.status for j in (queue.job(j.id) for j in jobs) if j] == ["done"] * 5
    assert printer.submitted == [j.title for j in jobs]  # in order


def test_job_state_api_of_the_pdf_folder(tmp_path: Path) -> None:
    printer = PdfFolderPrinter(tmp_path / "p")
    src = tmp_path / "x.pdf"
    src.write_bytes(b"%PDF-1.4\n%%EOF\n")
    job_id = printer.submit(str(src), Media(105, 148, "A6"), "kiosk-123")
    assert printer.job_state(job_id) is JobState.COMPLETED
    assert printer.find_job("kiosk-123") == (job_id, JobState.COMPLETED)
    assert printer.find_job("kiosk-999") is None


def test_a_name_no_font_covers_is_logged_and_kept_in_the_print_record(
    kiosk: Kiosk, data_dir: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    import json
    import logging
    import sqlite3
    import subprocess

    from kiosk.cli.main import main

    runic = "ᚱᚢᚾᛅ"  # no Runic font in Debian's fonts-noto-core: the badge prints "Ek" only
    guest = kiosk.register(first_name=runic, last_name="Ek").attendee
    plain = kiosk.find("PLUS20-0001")
    with caplog.at_level(logging.WARNING, logger="kiosk.badges.engine"):
        assert main(["print", guest.id, "--backend", "pdf", "--json"]) == 0
    job = json.loads(capsys.readouterr().out)
    assert job["status"] == "done" and job["missing_glyphs"] == runic
    assert [r.getMessage() for r in caplog.records] == [f"badge of {runic} Ek: no font for {runic} (left out)"]
    assert main(["print", plain.id, "--backend", "pdf"]) == 0
    assert "No font for" not in capsys.readouterr().out
    conn = sqlite3.connect(paths.database(data_dir))
    rows = dict(conn.execute("SELECT attendee_id, missing_glyphs FROM print_jobs").fetchall())
    conn.close()
    assert rows == {guest.id: runic, plain.id: ""}
    badge = next(p for p in paths.print_dir(data_dir).iterdir() if p.name == f"kiosk-{job['id']}.pdf")
    text = subprocess.run(["pdftotext", str(badge), "-"], capture_output=True, text=True, check=True).stdout
    assert "Ek" in text and runic not in text
