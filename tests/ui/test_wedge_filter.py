"""The wedge filter measures keys by when they were typed (the event's timestamp), not by when a busy
event loop delivers them: a person's keys delivered in a clump stay typing, a scanner's burst stays a
scan however late it is handled."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.wedge_filter import WedgeFilter


class Door(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.field = QLineEdit(self)
        QVBoxLayout(self).addWidget(self.field)
        self.bursts: list[str] = []


@pytest.fixture
def door(qtbot: QtBot) -> Iterator[Door]:
    window = Door()
    qtbot.addWidget(window)
    window.show()
    wedge = WedgeFilter(window)
    wedge.burst.connect(lambda raw, _alternatives: window.bursts.append(raw))
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(wedge)
    window.field.setFocus()
    yield window
    app.removeEventFilter(wedge)


def deliver_at_once(target: QWidget, text: str, start_ms: int, gap_ms: int, enter: bool) -> None:
    """Key presses stamped ``gap_ms`` apart, all handed to Qt in one go (a loaded laptop's clump)."""
    stamp = start_ms
    for ch in text:
        event = QKeyEvent(QEvent.Type.KeyPress, ord(ch.upper()) if ch.isalnum() else 0, Qt.KeyboardModifier.NoModifier,
                          ch)
        event.setTimestamp(stamp)
        QApplication.sendEvent(target, event)
        stamp += gap_ms
    if enter:
        event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
        event.setTimestamp(stamp)
        QApplication.sendEvent(target, event)


@pytest.mark.parametrize("gap_ms", [50, 80])
def test_a_person_typing_is_typing_even_when_delivered_in_a_clump(qtbot: QtBot, door: Door, gap_ms: int) -> None:
    deliver_at_once(door.field, "camille moreau", 1_000_000, gap_ms, enter=False)
    qtbot.waitUntil(lambda: door.field.text() == "camille moreau", timeout=2000)
    assert door.bursts == []


def test_a_person_pressing_enter_is_not_a_scan(qtbot: QtBot, door: Door) -> None:
    deliver_at_once(door.field, "moreau", 2_000_000, 70, enter=True)
    qtbot.waitUntil(lambda: door.field.text() == "moreau", timeout=2000)
    assert door.bursts == []


@pytest.mark.parametrize("gap_ms", [2, 20])
def test_a_scanner_burst_is_a_scan_however_late_it_is_handled(qtbot: QtBot, door: Door, gap_ms: int) -> None:
    deliver_at_once(door.field, "PLUS20-0007", 3_000_000, gap_ms, enter=True)
    qtbot.waitUntil(lambda: door.bursts == ["PLUS20-0007"], timeout=2000)
    assert door.field.text() == ""  # the scanner's keys never reach the field
