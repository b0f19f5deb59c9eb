"""Attendees and settings pages, and the item models without any view."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt

from kiosk.domain.model import Attendee, Verdict
from kiosk.service import Kiosk
from kiosk.settings import Settings
from kiosk.ui.main_window import MainWindow
from kiosk.ui.models.attendees import ATTENDEE_ROLE, AttendeeRow, AttendeeTableModel
from kiosk.ui.pages.attendees_page import AttendeesPage
from kiosk.ui.printing import PrintSeam
from tests.ui.conftest import FakeBadgePrinter, SteppingClock

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from tests.ui.conftest import MakeWindow, ScriptedDialogs


def test_search_is_debounced_and_checks_in_after_confirmation(make_window: MakeWindow, kiosk: Kiosk, qtbot: QtBot,
                                                              dialogs: ScriptedDialogs) -> None:
    window = make_window(clock=SteppingClock(0.12))  # typing at a person's speed, not a scanner's
    guest = kiosk.find("PLUS20-0012")
    window.open_search()
    page: AttendeesPage = window.attendees_page
    calls: list[str] = []
    original = kiosk.search
    def search(text: str, limit: int = 50) -> list[Attendee]:
        calls.append(text)
        return original(text, limit)

    kiosk.search = search  # type: ignore[method-assign]
    try:
        qtbot.keyClicks(page.search_field, guest.last_name[:4])
        qtbot.waitUntil(lambda: len(calls) > 0, timeout=2000)
        qtbot.wait(200)
        assert len(calls) == 1  # one search for the whole burst of typing
    finally:
        kiosk.search = original  # type: ignore[method-assign]
    page.search_field.setText(guest.full_name)
    page.run_search()
    assert page.selected() == guest
    dialogs.confirm_answer = False
    page.check_in_button.click()
    assert not kiosk.presence(guest.id).checked_in
    dialogs.confirm_answer = True
    page.check_in_button.click()
    assert guest.full_name in dialogs.questions[-1]
    assert kiosk.presence(guest.id).inside
    assert window.stack.currentWidget() is window.checkin_page
    assert window.checkin_page.panel.verdict is Verdict.ACCEPTED


def test_attendee_detail_shows_history_and_reprint(make_window: MakeWindow, kiosk: Kiosk, qtbot: QtBot) -> None:
    printer = FakeBadgePrinter()
    window = make_window(printing=PrintSeam(printer))
    window.presenter.scan("PLUS20-0013")
    guest = kiosk.find("PLUS20-0013")
    dialog = window.attendees_page.open_details(guest)
    qtbot.addWidget(dialog)
    assert dialog.history.rowCount() == 1
    assert dialog.print_button is not None
    dialog.print_button.click()
    assert printer.printed == [guest.full_name]
    dialog.close()
    no_print = make_window().attendees_page.open_details(guest)
    qtbot.addWidget(no_print)
    assert no_print.print_button is None


def test_attendee_model_without_view(kiosk: Kiosk) -> None:
    model = AttendeeTableModel()
    people = kiosk.search("PLUS20", limit=5) or [kiosk.find("PLUS20-0001")]
    model.set_rows([AttendeeRow(a, kiosk.presence(a.id)) for a in people])
    assert model.rowCount() == len(people) and model.columnCount() == 6
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert people[0].last_name.upper() in model.data(model.index(0, 0))
    assert model.data(model.index(0, 4)) in ("expected", "cancelled")


def test_settings_saved_and_applied(window: MainWindow, data_dir: Path) -> None:
    page = window.settings_page
    page.device.setText("porte-nord")
    page.sounds.setChecked(False)
    page.timeout.setValue(2.5)
    page.language.setCurrentIndex(page.language.findData("en"))
    page.decoder.setCurrentIndex(page.decoder.findData("zxing"))
    page.camera.setEditText("")
    page.save_button.click()
    stored = json.loads((data_dir / "settings.json").read_text(encoding="utf-8"))
    assert stored["device_name"] == "porte-nord" and stored["sounds"] is False
    assert stored["verdict_timeout_s"] == 2.5 and stored["language"] == "en" and stored["decoder"] == "zxing"
    assert window.kiosk.device_name == "porte-nord"
    assert "porte-nord" in window.header.device.text()
    assert window.presenter.timeout_s == 2.5 and not window.sounds.enabled
    window.presenter.scan("PLUS20-0020")
    assert window.kiosk.recent_scans(1)[0].device_name == "porte-nord"


def test_settings_page_loads_current_values(make_window: MakeWindow) -> None:
    window = make_window(settings=Settings(device_name="x", camera="/tmp/video.avi", verdict_timeout_s=7))
    page = window.settings_page
    assert page.device.text() == "x" and page.camera_source() == "/tmp/video.avi"
    assert page.timeout.value() == 7


@pytest.mark.parametrize(("lang", "expected"), [("fr", "1\u202f234 / 96\u202f663"), ("en", "1,234 / 96,663")])
def test_large_counts_are_grouped_as_the_windows_language_writes_them(qtbot: QtBot, lang: str, expected: str) -> None:
    """A 96,663-guest event reads "96 663" in French (a narrow no-break space), "96,663" in English."""
    from PySide6.QtCore import QLocale

    from kiosk.service import Stats
    from kiosk.ui.widgets.header import Header

    before = QLocale()
    QLocale.setDefault(QLocale(lang))  # what i18n.install does for the window's language
    try:
        header = Header()
        qtbot.addWidget(header)
        header.set_stats(Stats(registered=96_663, checked_in=1_234, inside=1_001, capacity=2_500))
        text = header.figures.text()
        assert expected in text and ("1\u202f001 / 2\u202f500" if lang == "fr" else "1,001 / 2,500") in text
    finally:
        QLocale.setDefault(before)


def test_a_search_lists_guests_named_so_first_then_e_mail_matches(window: MainWindow, kiosk: Kiosk) -> None:
    """"roussel" in the guest list: the Roussels by name, then the guest found by a payer's e-mail, though
    "Abadie" comes first alphabetically; Z→A (the Name header clicked) is the same list upside down."""
    abadie = kiosk.register(first_name="Anne", last_name="Abadie", email="famille.roussel@example.org").attendee
    zoe = kiosk.register(first_name="Zoé", last_name="Roussel").attendee
    luc = kiosk.register(first_name="Luc", last_name="Roussel").attendee
    window.open_search("roussel")
    page: AttendeesPage = window.attendees_page
    page.run_search()
    shown = [page.proxy.index(r, 0).data(ATTENDEE_ROLE).id for r in range(page.proxy.rowCount())]
    assert shown == [luc.id, zoe.id, abadie.id]
    assert page.selected() == luc
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    shown = [page.proxy.index(r, 0).data(ATTENDEE_ROLE).id for r in range(page.proxy.rowCount())]
    assert shown == [abadie.id, zoe.id, luc.id]
