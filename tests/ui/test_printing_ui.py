"""Printing in the window over a real PrintQueue: settings section, test badge, banner, reprint.

The PDF-folder backend writes real files in the data dir; the banner is tested against the
private CUPS server of tests/printing (a paused queue), skipped where it cannot run.
"""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kiosk.service import Kiosk
from kiosk.settings import Settings
from kiosk.ui.main_window import MainWindow
from kiosk.ui.pages import attendees_page
from kiosk.ui.printing import open_print_seam
from tests.printing.cups_server import CupsServer

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from tests.ui.conftest import MakeWindow


@pytest.fixture
def printing_window(make_window: MakeWindow, kiosk: Kiosk) -> MakeWindow:
    """A window that opens (and re-opens) the real print queue from its settings, like `kiosk gui`."""

    def make(**settings: object) -> MainWindow:
        return make_window(settings=Settings(camera="", **settings),  # type: ignore[arg-type]
                           print_factory=partial(open_print_seam, kiosk))

    return make


def pdfs(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.pdf")) if folder.exists() else []


def test_printing_section_saves_and_rebuilds_the_queue(printing_window: MakeWindow, data_dir: Path, tmp_path: Path,
                                                       qtbot: QtBot) -> None:
    window = printing_window()
    old = window.printing.queue
    section = window.settings_page.printing
    assert section.destination.text() == str(data_dir / "printed")
    folder = tmp_path / "badges-out"
    section.printer.setEditText(str(folder))
    section.badge_format.setCurrentIndex(section.badge_format.findData("cr80"))
    section.auto_print.setChecked(True)
    window.settings_page.save_button.click()

    stored = json.loads((data_dir / "settings.json").read_text(encoding="utf-8"))
    assert (stored["printer_backend"], stored["printer_name"], stored["badge_format"]) == ("pdf", str(folder),
                                                                                            "cr80")
    queue = window.printing.queue
    assert queue is not None and queue is not old and queue.default_format == "cr80"
    assert queue.destination == str(folder) and section.destination.text() == str(folder)
    qtbot.waitUntil(lambda: old.runner is None, timeout=5000)  # the old worker stopped, off the UI thread
    window.presenter.scan("PLUS20-0003")  # auto-print on check-in goes through the new queue
    qtbot.waitUntil(lambda: len(pdfs(folder)) == 1, timeout=10_000)


def test_test_badge_lands_in_the_pdf_folder_and_says_where(printing_window: MakeWindow, data_dir: Path,
                                                           qtbot: QtBot) -> None:
    window = printing_window()
    section = window.settings_page.printing
    section.test_button.click()
    folder = data_dir / "printed"
    assert str(folder) in section.result.text()
    qtbot.waitUntil(lambda: len(pdfs(folder)) == 1, timeout=10_000)
    assert pdfs(folder)[0].read_bytes().startswith(b"%PDF")


def test_find_printers_fills_the_list(printing_window: MakeWindow, qtbot: QtBot,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from kiosk.ui.controllers import printer_status

    monkeypatch.setattr(printer_status, "printer_names", lambda: [("Brother_QL", True), ("Hall", False)])
    section = printing_window().settings_page.printing
    section.backend.setCurrentIndex(section.backend.findData("cups"))
    section.refresh_button.click()
    qtbot.waitUntil(lambda: section.printer.count() >= 2, timeout=5000)
    section.printer.setCurrentIndex(section.printer.findData("Brother_QL"))
    assert "(default)" in section.printer.currentText() and section.printer_name() == "Brother_QL"
    assert section.refresh_button.isEnabled()


def test_reprint_from_the_detail_goes_through_the_real_queue(printing_window: MakeWindow, kiosk: Kiosk, data_dir: Path,
                                                            qtbot: QtBot) -> None:
    window = printing_window()
    guest = kiosk.find("PLUS20-0013")
    dialog = window.attendees_page.open_details(guest)
    qtbot.addWidget(dialog)
    assert dialog.print_button is not None
    dialog.print_button.click()
    qtbot.waitUntil(lambda: len(pdfs(data_dir / "printed")) == 1, timeout=10_000)
    dialog.print_button.click()
    qtbot.waitUntil(lambda: len(pdfs(data_dir / "printed")) == 2, timeout=10_000)
    jobs = window.printing.queue.jobs()
    assert [j.reprint for j in jobs] == [True, False]  # newest first
    assert all(j.attendee_id == guest.id for j in jobs)


def test_banner_for_a_missing_printer_with_retry(printing_window: MakeWindow, qtbot: QtBot, data_dir: Path) -> None:
    window = printing_window(printer_backend="cups", printer_name="NoSuchQueue-kiosk")
    banner = window.checkin_page.printer_banner
    qtbot.waitUntil(banner.isVisible, timeout=10_000)  # shown even before a badge waits
    window.presenter.scan("PLUS20-0004")
    window.checkin_page.print_current()
    qtbot.waitUntil(lambda: "1 badge" in banner.text.text(), timeout=10_000)
    assert banner.retry_button.isVisible()
    assert window.header.printer.state.value == "error"
    window.printer.retry()
    page = window.settings_page
    page.printing.backend.setCurrentIndex(page.printing.backend.findData("pdf"))
    page.printing.printer.setEditText("")
    page.save()  # "fixed": the waiting badge now comes out of the PDF folder
    qtbot.waitUntil(lambda: len(pdfs(data_dir / "printed")) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: window.header.printer.state.value == "ok", timeout=10_000)
    assert not banner.isVisible()


def test_banner_with_a_paused_cups_queue(printing_window: MakeWindow, cups: CupsServer, qtbot: QtBot) -> None:
    window = printing_window(printer_backend="cups", printer_name=cups.queue)
    banner = window.checkin_page.printer_banner
    cups.disable("paper jam")
    window.presenter.scan("PLUS20-0005")
    window.checkin_page.print_current()
    qtbot.waitUntil(lambda: banner.isVisible() and "1 badge" in banner.text.text(), timeout=15_000)
    cups.enable()
    qtbot.waitUntil(lambda: window.printer.last is not None and not window.printer.last.needs_banner,
                    timeout=20_000)
    assert not banner.isVisible()
    assert len(cups.wait_outputs(1)) == 1


def test_attendees_page_lists_everyone_before_typing(make_window: MakeWindow, kiosk: Kiosk,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    page = make_window().attendees_page
    everyone = kiosk.attendees()
    assert page.model.rowCount() == len(everyone) > 100
    assert page.model.rows[0].attendee == everyone[0]
    assert str(len(everyone)) in page.summary.text()
    monkeypatch.setattr(attendees_page, "BROWSE_LIMIT", 10)
    page.run_search()
    assert page.model.rowCount() == 10 and "type to search" in page.summary.text()
