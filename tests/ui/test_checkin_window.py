"""The check-in page in a real window: verdicts, exit mode, undo, override, search jump, printing seam."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from kiosk.domain.model import ScanKind, Verdict
from kiosk.service import Kiosk
from kiosk.ui.main_window import MainWindow
from kiosk.ui.printing import PrintSeam
from tests.ui.conftest import FakeBadgePrinter, panel_verdict

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from kiosk.ui.sounds import SoundPlayer
    from tests.conftest import FakeClock
    from tests.ui.conftest import MakeWindow, ScriptedDialogs


def find_button(window: MainWindow, accessible: str) -> QPushButton:
    found = [b for b in window.findChildren(QPushButton) if b.accessibleName() == accessible]
    assert found, accessible
    return found[0]


def test_every_control_has_an_accessible_name(window: MainWindow) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractScrollArea,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QMenuBar,
        QTableView,
    )

    compound = (QLineEdit, QComboBox, QMenuBar, QAbstractSpinBox, QAbstractScrollArea)
    for kind in (QAbstractButton, QLineEdit, QComboBox, QTableView, QAbstractSpinBox):
        for widget in window.findChildren(kind):
            if isinstance(widget.parent(), compound):
                continue  # Qt's own sub-controls (clear button, spin arrows, table corner...)
            text = widget.text() if hasattr(widget, "text") else ""
            assert widget.accessibleName(), f"{type(widget).__name__} {text}"


def test_manual_code_accepted_then_timeout_back_to_ready(window: MainWindow, kiosk: Kiosk, qtbot: QtBot) -> None:
    page = window.checkin_page
    window.presenter.timeout_s = 0.2
    page.code_field.setText("PLUS20-0001")
    page.submit_code()
    assert panel_verdict(window) is Verdict.ACCEPTED
    guest = kiosk.find("PLUS20-0001")
    assert page.panel.name.text() == guest.full_name
    assert kiosk.presence(guest.id).inside
    assert "1 /" in window.header.figures.text()
    assert page.recent_model.rowCount() == 1
    qtbot.waitUntil(lambda: panel_verdict(window) is None, timeout=3000)


def test_duplicate_shows_when_and_where_and_override_records_reason(
        window: MainWindow, kiosk: Kiosk, clock: FakeClock, dialogs: ScriptedDialogs) -> None:
    page = window.checkin_page
    window.presenter.scan("PLUS20-0002")
    clock.advance(120)
    window.presenter.scan("PLUS20-0002")
    assert panel_verdict(window) is Verdict.ALREADY_CHECKED_IN
    assert "door-1" in page.panel.hint.text() and ":" in page.panel.hint.text()
    assert page.panel.override_button.isVisible()
    page.panel.override_button.click()
    assert dialogs.questions and dialogs.questions[-1].startswith("override")
    assert page.panel.title.text() == "Let in by staff"
    override = next(s for s in kiosk.recent_scans(5) if s.kind is ScanKind.OVERRIDE)
    assert (override.reason, override.staff) == ("lost phone", "Anna")


def test_override_cancelled_by_staff_changes_nothing(window: MainWindow, kiosk: Kiosk,
                                                     dialogs: ScriptedDialogs) -> None:
    cancelled = next(a for a in (kiosk.find(f"PLUS20-{i:04d}") for i in range(1, 153)) if a.cancelled)
    window.presenter.scan(cancelled.ticket_code or "")
    assert panel_verdict(window) is Verdict.CANCELLED
    dialogs.override_answer = None
    window.checkin_page.panel.override_button.click()
    assert panel_verdict(window) is Verdict.CANCELLED
    assert not any(s.kind is ScanKind.OVERRIDE for s in kiosk.recent_scans(5))
    assert window.checkin_page.timer.isActive()  # the verdict timeout resumed


def test_exit_mode_toggle_and_undo_from_the_list(window: MainWindow, kiosk: Kiosk, clock: FakeClock,
                                                 dialogs: ScriptedDialogs) -> None:
    page = window.checkin_page
    window.presenter.scan("PLUS20-0003")
    clock.advance(30)
    find_button(window, "exit mode").click()
    assert "EXIT" in page.mode_label.text()
    assert page.panel.title.text().startswith("EXIT")
    window.presenter.scan("PLUS20-0003")
    assert panel_verdict(window) is Verdict.EXIT_RECORDED
    guest = kiosk.find("PLUS20-0003")
    assert not kiosk.presence(guest.id).inside
    page.recent_view.selectRow(0)
    page.undo_button.click()
    assert "exit" in dialogs.questions[-1]
    assert kiosk.presence(guest.id).inside
    assert page.recent_model.rows[0].undone
    find_button(window, "entry mode").click()
    assert "ENTRY" in page.mode_label.text()


def test_shortcuts_f2_escape_and_ctrl_z(window: MainWindow, kiosk: Kiosk, qtbot: QtBot,
                                        dialogs: ScriptedDialogs) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert window.presenter.direction.value == "exit"
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert window.presenter.direction.value == "entry"
    window.presenter.scan("PLUS20-0004")
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "entry" in dialogs.questions[-1]
    assert not kiosk.presence(kiosk.find("PLUS20-0004").id).inside
    window.presenter.scan("PLUS20-0005")
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert panel_verdict(window) is None
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.attendees_page
    assert window.attendees_page.search_field.hasFocus()


def test_unknown_offers_search_with_focus(window: MainWindow, qtbot: QtBot) -> None:
    window.presenter.scan("NOT-A-TICKET")
    assert panel_verdict(window) is Verdict.UNKNOWN
    button = window.checkin_page.panel.search_button
    assert button.isVisible() and not window.checkin_page.panel.override_button.isVisible()
    button.click()
    assert window.stack.currentWidget() is window.attendees_page
    qtbot.waitUntil(window.attendees_page.search_field.hasFocus, timeout=2000)


def test_print_button_hidden_without_printer_and_uses_the_seam(make_window: MakeWindow, kiosk: Kiosk) -> None:
    plain = make_window()
    plain.presenter.scan("PLUS20-0006")
    assert not plain.checkin_page.panel.print_button.isVisible()
    assert "not configured" in plain.header.printer.text.text()
    plain.close()
    printer = FakeBadgePrinter()
    window = make_window(printing=PrintSeam(printer))
    window.presenter.scan("PLUS20-0007")
    assert window.checkin_page.panel.print_button.isVisible()
    window.checkin_page.panel.print_button.click()
    assert printer.printed == [kiosk.find("PLUS20-0007").full_name]


def test_sounds_follow_verdicts_and_mute(window: MainWindow, sounds: SoundPlayer) -> None:
    window.presenter.scan("PLUS20-0008")
    window.presenter.scan("NOPE")
    assert sounds.played == ["accepted", "warning"]
    sounds.enabled = False
    window.presenter.scan("NOPE-2")
    assert sounds.played == ["accepted", "warning"]


def test_both_screens_are_in_the_menu(window: MainWindow) -> None:
    assert window.screen_actions["self_service"].isEnabled()  # tests/ui/test_self_service.py
    assert window.screen_actions["occupancy"].isEnabled()  # built: tests/ui/test_occupancy_screen.py


def test_a_long_name_stays_whole_on_one_line(window: MainWindow, kiosk: Kiosk) -> None:
    from PySide6.QtGui import QFontMetrics

    guest = kiosk.register(first_name="Marie-Noëlle Anne-Sophie", last_name="de La Fontaine-Estrosi-Ferrand",
                           organisation="Association Habitat Solidaire 13").attendee
    window.presenter.check_in_attendee(guest.id)
    name = window.checkin_page.panel.name
    assert name.text() == guest.full_name
    assert QFontMetrics(name.font()).horizontalAdvance(name.text()) <= name.width()
