"""The door without the mouse: the code field has the focus whenever nothing else needs it; in the
guest list the arrows move and Enter checks in (one confirmation whose default is the check-in);
focus comes back to the code field after every action; F1 lists the keys."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from kiosk.domain.model import Verdict
from kiosk.service import Kiosk
from kiosk.ui.dialogs import Dialogs
from kiosk.ui.widgets.plain_label import PlainLabel
from kiosk.ui.widgets.shortcuts_help import SHORTCUTS, ShortcutsHelp
from tests.ui.conftest import SteppingClock, panel_verdict

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from tests.ui.conftest import MakeWindow, ScriptedDialogs


def test_the_code_field_has_the_focus_when_the_door_is_ready_and_after_a_verdict(
        make_window: MakeWindow, kiosk: Kiosk, qtbot: QtBot) -> None:
    window = make_window(clock=SteppingClock(0.3))
    field = window.checkin_page.code_field
    window.activateWindow()
    qtbot.waitUntil(field.hasFocus, timeout=2000)
    qtbot.keyClicks(field, "PLUS20-0003")  # typed by hand, no click first
    qtbot.waitUntil(lambda: field.text() == "PLUS20-0003", timeout=3000)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel_verdict(window) is Verdict.ACCEPTED, timeout=2000)
    assert field.hasFocus()
    window.open_search("")  # Ctrl+F's target, then Esc: back to the code field
    assert window.attendees_page.search_field.hasFocus()
    window.escape()
    qtbot.waitUntil(field.hasFocus, timeout=2000)


def test_a_name_enter_enter_checks_the_guest_in(make_window: MakeWindow, kiosk: Kiosk, qtbot: QtBot,
                                               dialogs: ScriptedDialogs) -> None:
    window = make_window(clock=SteppingClock(0.12))
    guest = kiosk.find("PLUS20-0012")
    window.activateWindow()
    window.open_search("")
    page = window.attendees_page
    qtbot.keyClicks(page.search_field, guest.full_name)
    qtbot.waitUntil(lambda: page.search_field.text() == guest.full_name, timeout=4000)
    qtbot.keyClick(page.search_field, Qt.Key.Key_Return)  # before the search's pause: it runs first
    assert guest.full_name in dialogs.questions[-1]
    assert dialogs.defaults[-1] == dialogs.buttons[-1][0]  # Enter again would press "Check in"
    assert kiosk.presence(guest.id).inside
    assert window.stack.currentWidget() is window.checkin_page
    assert window.checkin_page.panel.verdict is Verdict.ACCEPTED
    qtbot.waitUntil(window.checkin_page.code_field.hasFocus, timeout=2000)


def test_arrows_move_the_selection_from_the_search_field_and_enter_in_the_list_checks_in(
        make_window: MakeWindow, kiosk: Kiosk, qtbot: QtBot, dialogs: ScriptedDialogs) -> None:
    window = make_window(clock=SteppingClock(0.12))
    window.activateWindow()
    window.open_search("")
    page = window.attendees_page
    qtbot.waitUntil(page.search_field.hasFocus, timeout=2000)
    assert page.selected() is not None
    first = page.selected()
    qtbot.keyClick(page.search_field, Qt.Key.Key_Down)
    qtbot.keyClick(page.search_field, Qt.Key.Key_Down)
    third = page.selected()
    assert third is not None and third != first and page.search_field.hasFocus()
    qtbot.keyClick(page.search_field, Qt.Key.Key_Up)
    second = page.selected()
    assert second is not None and second not in (first, third)
    page.table.setFocus()
    dialogs.confirm_answer = False  # Escape backs out: nothing recorded
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert not kiosk.presence(second.id).checked_in
    dialogs.confirm_answer = True
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert kiosk.presence(second.id).inside


def test_the_real_check_in_confirmation_defaults_to_check_in_and_escape_backs_out(qtbot: QtBot) -> None:
    """The real QMessageBox, not the scripted one: Enter presses "Check in", Escape "Cancel"; an undo's
    default stays the safe "Keep"."""
    from PySide6.QtCore import QTimer

    answers: list[bool] = []
    seen: list[str] = []

    def answer(key: Qt.Key) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.defaultButton().text())
        qtbot.keyClick(box, key)

    for key, default_yes in ((Qt.Key.Key_Return, True), (Qt.Key.Key_Escape, True), (Qt.Key.Key_Return, False)):
        QTimer.singleShot(50, lambda key=key: answer(key))
        answers.append(Dialogs().confirm(None, "Check in", "Check in Camille Moreau?", "Check in",  # type: ignore[arg-type]
                                         "Keep" if not default_yes else "", default_yes=default_yes))
    assert answers == [True, False, False]
    assert seen[0] == "Check in" and seen[2] == "Keep"


def test_f1_lists_every_key_of_the_door(make_window: MakeWindow, qtbot: QtBot) -> None:
    window = make_window()
    help_box = window.show_shortcuts()
    assert isinstance(help_box, ShortcutsHelp) and isinstance(help_box, QDialog)
    qtbot.waitExposed(help_box)
    labels = [w.text() for w in help_box.findChildren(PlainLabel)]
    for keys, _words in SHORTCUTS:
        assert any(keys == text or keys in ("Enter", "Space", "Esc") for text in labels), keys
    assert len(labels) == 2 * len(SHORTCUTS)
    help_box.close()
