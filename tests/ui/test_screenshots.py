"""Each verdict state, the attendees and settings pages, grabbed at 1366x768 (the commonest door
laptop), and the check-in page at 1280x720 (the smallest).

Written to a temp dir; with KIOSK_UPDATE_SCREENSHOTS=1 to docs/screenshots/ (the committed ones).
Look at them: a guest at the door reads them in one second or not at all.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pytest
import qrcode
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from kiosk.domain.model import Verdict
from kiosk.service import Kiosk
from kiosk.settings import Settings
from kiosk.ui import i18n
from kiosk.ui.camera_worker import frame_to_image
from kiosk.ui.main_window import MainWindow
from kiosk.ui.printing import PrinterSnapshot, open_print_seam

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

    from tests.conftest import FakeClock
    from tests.ui.conftest import MakeWindow

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def fake_camera_frame(text: str) -> QImage:
    """A grey 'room' with a phone-sized QR code, like what the camera sees."""
    frame = np.full((480, 640, 3), (92, 84, 78), np.uint8)
    qr = np.array(qrcode.make(text, border=2).convert("L").resize((200, 200)))
    frame[140:340, 220:420] = qr[:, :, None]
    return frame_to_image(frame)


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    if os.environ.get("KIOSK_UPDATE_SCREENSHOTS") == "1":
        DOCS.mkdir(parents=True, exist_ok=True)
        return DOCS
    return tmp_path


@pytest.fixture(params=["en", "fr"])
def lang(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translators = i18n.install(qapp, request.param)
    yield request.param
    i18n.remove(qapp, translators)


def grab(window: MainWindow, path: Path, size: tuple[int, int] = (1366, 768)) -> None:
    image = window.grab().toImage()
    assert (image.width(), image.height()) == size, path.name  # nothing pushed the window larger
    assert image.save(str(path))


def test_screenshots_of_every_state(make_window: MakeWindow, kiosk: Kiosk, clock: FakeClock, shots: Path,
                                    lang: str) -> None:
    window = make_window()
    window.checkin_page.camera_view.set_message("")
    window.checkin_page.set_camera_frame(fake_camera_frame("PLUS20-0001"))
    window.header.camera.set_state(window.header.camera.state.OK, "OK")
    suffix = "" if lang == "fr" else f"-{lang}"
    presenter = window.presenter

    grab(window, shots / f"ready{suffix}.png")
    presenter.scan("PLUS20-0001")
    assert window.checkin_page.panel.verdict is Verdict.ACCEPTED
    grab(window, shots / f"accepted{suffix}.png")
    clock.advance(600)
    presenter.scan("PLUS20-0001")
    grab(window, shots / f"already-checked-in{suffix}.png")
    presenter.scan("XK-99812")
    grab(window, shots / f"unknown{suffix}.png")
    cancelled = next(a for a in (kiosk.find(f"PLUS20-{i:04d}") for i in range(1, 153)) if a.cancelled)
    presenter.scan(cancelled.ticket_code or "")
    grab(window, shots / f"cancelled{suffix}.png")
    presenter.toggle_direction()
    grab(window, shots / f"exit-ready{suffix}.png")
    clock.advance(60)
    presenter.scan("PLUS20-0001")
    assert window.checkin_page.panel.verdict is Verdict.EXIT_RECORDED  # type: ignore[comparison-overlap]
    grab(window, shots / f"exit{suffix}.png")
    presenter.toggle_direction()
    other = sqlite3.connect(str(kiosk.db_path))  # an import in another process holds the write lock
    other.execute("BEGIN IMMEDIATE")
    try:
        presenter.scan("PLUS20-0005")
        assert window.checkin_page.panel.failure is not None and window.checkin_page.panel.failure.retrying
        grab(window, shots / f"busy-one-moment{suffix}.png")
    finally:
        other.rollback()
        other.close()
    presenter.on_retry()
    assert window.checkin_page.panel.verdict is Verdict.ACCEPTED

    window.open_search("dupont")
    window.attendees_page.run_search()
    grab(window, shots / f"attendees{suffix}.png")
    window.show_page(window.PAGE_SETTINGS)
    grab(window, shots / f"settings{suffix}.png")


def test_screenshots_of_printing(make_window: MakeWindow, kiosk: Kiosk, data_dir: Path, shots: Path, lang: str,
                                 qtbot: QtBot) -> None:
    """The settings page's printing section after a test badge, and the banner of a paused printer."""
    window = make_window(settings=Settings(camera="", auto_print=True),
                         print_factory=partial(open_print_seam, kiosk))
    suffix = "" if lang == "fr" else f"-{lang}"
    window.show_page(window.PAGE_SETTINGS)
    window.settings_page.printing.test_button.click()
    qtbot.waitUntil(lambda: window.printer.last is not None, timeout=5000)
    grab(window, shots / f"settings-printing{suffix}.png")

    window.show_page(window.PAGE_CHECKIN)
    window.checkin_page.camera_view.set_message("")
    window.checkin_page.set_camera_frame(fake_camera_frame("PLUS20-0001"))
    window.header.camera.set_state(window.header.camera.state.OK, "OK")
    waiting = "Imprimante indisponible — 3 badges en attente (paused: paper jam)" if lang == "fr" else \
        "Printer unavailable — 3 badges waiting (paused: paper jam)"
    state = PrinterSnapshot(ok=False, message="paused: paper jam", banner=waiting, pending=3, failed=0,
                            destination="Brother_QL")
    window.printer.pause()  # the real PDF printer is fine: show what a paused CUPS queue looks like
    polling = window.printer._polling
    qtbot.waitUntil(lambda: polling is None or not polling.running, timeout=5000)  # no answer on its way
    window.printer.last = state
    window.printer.changed.emit(state)
    window.presenter.scan("PLUS20-0002")
    qtbot.wait(50)  # let the header lay out its new printer text
    grab(window, shots / f"printer-banner{suffix}.png")
    assert window.checkin_page.printer_banner.isVisible()


def test_screenshots_on_the_smallest_laptop(make_window: MakeWindow, kiosk: Kiosk, shots: Path, lang: str,
                                            qtbot: QtBot) -> None:
    window = make_window()
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.height() == 720, timeout=2000)
    window.start_camera()  # no camera: what a laptop with only the handheld scanner shows
    suffix = "" if lang == "fr" else f"-{lang}"
    grab(window, shots / f"ready-no-camera-1280x720{suffix}.png", (1280, 720))
    window.presenter.scan("PLUS20-0003")
    grab(window, shots / f"accepted-1280x720{suffix}.png", (1280, 720))
    guest = kiosk.register(first_name="Marie-Noëlle Anne-Sophie Bérénice", organisation="Association "
                           "pour l'Habitat Solidaire et la Transition des Quartiers Nord de Marseille",
                           last_name="de La Fontaine-Estrosi-Ferrand-Ben Abdallah-Nguyễn",
                           category="Association", workshop="Se nourrir").attendee
    window.presenter.check_in_attendee(guest.id)
    grab(window, shots / f"long-name-1280x720{suffix}.png", (1280, 720))
    # The long organisation is shortened, not the category and the workshop staff act on; all on hover.
    details = window.checkin_page.panel.details
    shown = details.fontMetrics().elidedText(details.full_text, Qt.TextElideMode.ElideRight, details.width())
    assert shown == details.full_text, "the details line is cut at its end"
    assert details.full_text.endswith("Association  ·  Se nourrir") and "…" in details.full_text
    assert "Quartiers Nord de Marseille" in details.toolTip()


def test_screenshots_of_the_self_service_screen(qtbot: QtBot, kiosk: Kiosk, data_dir: Path, shots: Path, lang: str,
                                                tmp_path: Path) -> None:
    """Form (with a problem shown), thank-you, full venue and the staff PIN, at 1366x768."""
    from kiosk.domain.model import Event
    from kiosk.service.pin import StaffPin
    from kiosk.service.printing import auto_print
    from kiosk.service.self_service import SelfService
    from kiosk.ui.self_service.camera_strip import CameraStrip
    from kiosk.ui.self_service.window import SelfServiceWindow

    suffix = "" if lang == "fr" else f"-{lang}"
    strip = CameraStrip("0")  # not started: a still frame of what the webcam sees
    auto_print(kiosk, lambda _a: True, True)  # the badge line shows; nothing is printed
    window = SelfServiceWindow(SelfService(kiosk), StaffPin(data_dir), lang=lang,
                               translators=[], camera=strip)
    strip.view.set_message("")
    strip.view.set_frame(fake_camera_frame("PLUS20-0001"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    form = window.form
    assert form is not None
    form.first_name.setText("Inès")
    form.last_name.setText("Benali")
    form.email.setText("ines.benali@")
    form.workshop.setCurrentIndex(form.workshop.findData("Se nourrir"))
    form.submit_button.click()  # e-mail and consent problems, said beside the fields
    grab_widget(window, shots / f"self-service-form{suffix}.png")
    form.email.setText("ines.benali@example.org")
    form.consent.setChecked(True)
    kiosk.wait_for_writers(200)  # as when opened from the staff window
    busy = sqlite3.connect(str(data_dir / "kiosk.db"))  # an import's transaction holds the lock
    busy.execute("BEGIN IMMEDIATE")
    try:
        form.submit_button.click()
        grab_widget(window, shots / f"self-service-one-moment{suffix}.png")
    finally:
        busy.rollback()
        busy.close()
    window.presenter.on_retry()
    assert window.presenter.last_answer is not None
    grab_widget(window, shots / f"self-service-thanks{suffix}.png")
    window.presenter.ask_pin()
    window.presenter.try_pin("0000")
    grab_widget(window, shots / f"self-service-pin{suffix}.png")
    window._leaving = True
    window.close()

    full = Kiosk.open(tmp_path / "full", device_name="walk-in")
    try:
        full.create_event(Event(id="e-full", name=kiosk.event.name, capacity=1))
        full.register(first_name="First", last_name="Guest", checkin=True)
        other = SelfServiceWindow(SelfService(full), StaffPin(data_dir), lang=lang, translators=[])
        qtbot.addWidget(other)
        other.resize(1366, 768)
        other.show()
        assert other.form is not None
        other.form.first_name.setText("Late")
        other.form.last_name.setText("Comer")
        other.form.consent.setChecked(True)
        other.form.submit_button.click()
        grab_widget(other, shots / f"self-service-full{suffix}.png")
        other._leaving = True
        other.close()
    finally:
        full.close()


def grab_widget(widget: QWidget, path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    image = widget.grab().toImage()
    assert (image.width(), image.height()) == (1366, 768), path.name
    assert image.save(str(path))


def test_screenshot_of_a_second_export_s_summary(kiosk: Kiosk, shots: Path, lang: str) -> None:
    """What staff read after importing pretix's second export from the window (FR and EN pretix files)."""
    from PySide6.QtWidgets import QApplication, QLabel

    from kiosk.service.importer import import_registrations
    from kiosk.ui.bulk_jobs import import_summary
    from kiosk.ui.dialogs import info_box

    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "pretix"
    import_registrations(kiosk, fixtures / f"pretix-v1-{lang}-orderdata.xlsx")
    second = fixtures / f"pretix-v2-{lang}-orderdata.xlsx"
    summary = import_summary(import_registrations(kiosk, second), lang)
    box = info_box(second.name, summary, None)  # the window's own summary box (Dialogs.info)
    box.show()
    QApplication.processEvents()
    image = box.grab().toImage()
    assert image.width() < 1280 and image.height() < 720  # fits the smallest door laptop's screen
    label = box.findChild(QLabel, "qt_msgbox_label")
    # as tall as its lines unwrapped (heightForWidth of a width no line needs), so no line was wrapped
    assert label is not None
    assert label.height() < label.heightForWidth(10_000) + label.fontMetrics().lineSpacing() / 2, \
        "a line of the summary was wrapped"
    suffix = "" if lang == "fr" else f"-{lang}"
    assert image.save(str(shots / f"import-summary{suffix}.png"))
    box.close()
