"""Handheld scanner bursts caught anywhere in the window; people typing still reach their field."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.domain.model import Verdict
from kiosk.service import Kiosk
from kiosk.ui.main_window import MainWindow
from tests.ui.conftest import SteppingClock, panel_verdict

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from tests.ui.conftest import MakeWindow

# "PLUS20-0001" typed by a scanner configured for a US keyboard on a French AZERTY layout:
# the digit row gives its unshifted AZERTY characters and "-" lands on ")".
AZERTY_GARBLED = "PLUSéà)ààà&"


def type_text(widget: QWidget, text: str) -> None:
    """Key events as a keyboard (or a scanner) sends them, including non-ASCII characters that
    QTest.keyClicks cannot type ("é", "à")."""
    for ch in text:
        key = ord(ch.upper()) if ord(ch.upper()) < 256 else 0
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))


def scanner_burst(qtbot: QtBot, widget: QWidget, text: str) -> None:
    type_text(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_burst_checks_in_without_focusing_a_field(window: MainWindow, kiosk: Kiosk, qtbot: QtBot) -> None:
    target = window.checkin_page.recent_view  # focus anywhere but the code field
    target.setFocus()
    scanner_burst(qtbot, target, "PLUS20-0001")
    qtbot.waitUntil(lambda: panel_verdict(window) is Verdict.ACCEPTED, timeout=2000)
    assert kiosk.presence(kiosk.find("PLUS20-0001").id).inside
    assert window.checkin_page.code_field.text() == ""


def test_burst_while_on_another_page_goes_back_to_checkin(window: MainWindow, kiosk: Kiosk, qtbot: QtBot) -> None:
    window.open_search("")
    scanner_burst(qtbot, window.attendees_page.search_field, "PLUS20-0002")
    qtbot.waitUntil(lambda: panel_verdict(window) is Verdict.ACCEPTED, timeout=2000)
    assert window.stack.currentWidget() is window.checkin_page
    assert window.attendees_page.search_field.text() == ""  # the burst did not leak into the search


def test_azerty_garbled_burst_is_repaired(window: MainWindow, kiosk: Kiosk, qtbot: QtBot) -> None:
    scanner_burst(qtbot, window.checkin_page.code_field, AZERTY_GARBLED)
    qtbot.waitUntil(lambda: panel_verdict(window) is not None, timeout=2000)
    assert panel_verdict(window) is Verdict.ACCEPTED
    assert window.checkin_page.panel.name.text() == kiosk.find("PLUS20-0001").full_name


def test_people_typing_reach_the_focused_field(make_window: MakeWindow, qtbot: QtBot) -> None:
    window = make_window(clock=SteppingClock(0.25))
    field = window.attendees_page.search_field
    window.open_search("")
    qtbot.keyClicks(field, "Dupo")
    qtbot.waitUntil(lambda: field.text() == "Dupo", timeout=2000)
    assert panel_verdict(window) is None
    qtbot.waitUntil(lambda: window.attendees_page.model.rowCount() > 0, timeout=2000)


def test_typed_code_and_enter_in_the_field(make_window: MakeWindow, kiosk: Kiosk, qtbot: QtBot) -> None:
    window = make_window(clock=SteppingClock(0.3))
    field = window.checkin_page.code_field
    field.setFocus()
    qtbot.keyClicks(field, "PLUS20-0003")
    qtbot.waitUntil(lambda: field.text() == "PLUS20-0003", timeout=3000)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel_verdict(window) is Verdict.ACCEPTED, timeout=2000)
