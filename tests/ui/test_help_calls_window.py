"""A guest at the walk-in screen calls the team: the staff window on the same laptop shows and sounds it
(its own connection, as the two windows have) until someone clicks "I'm going"; the guest is told
someone is coming. Real widgets, a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.service import Kiosk, help_calls
from kiosk.service.pin import StaffPin
from kiosk.service.self_service import SelfService
from kiosk.store import help_calls as help_store
from kiosk.ui.self_service.window import SelfServiceWindow
from kiosk.ui.sounds import SoundPlayer
from tests.ui.conftest import MakeWindow


def test_the_staff_window_shows_and_sounds_a_call_until_someone_answers(
        qtbot: QtBot, kiosk: Kiosk, data_dir: Path, make_window: MakeWindow, sounds: SoundPlayer) -> None:
    staff_window = make_window()
    walk_in_kiosk = Kiosk.open(data_dir, device_name=kiosk.device_name)
    screen = SelfServiceWindow(SelfService(walk_in_kiosk), StaffPin(data_dir), lang="en")
    qtbot.addWidget(screen)
    screen.show()
    try:
        assert staff_window.help_alert.isHidden()
        screen.help_button.click()
        assert screen.message.title.text() == "Someone is coming"
        qtbot.waitUntil(staff_window.help_alert.isVisible, timeout=10_000)
        assert staff_window.help_alert.text.text().startswith("Someone is asking for help at the walk-in screen")
        assert "warning" in sounds.played
        screen.help_button.click()  # a second call while the first waits
        qtbot.waitUntil(lambda: "1 more call" in staff_window.help_alert.text.text(), timeout=10_000)
        staff_window.help_alert.go.click()
        staff_window.help_alert.go.click()
        assert staff_window.help_alert.isHidden()
        assert help_calls.open_calls(walk_in_kiosk) == []
        answers = [c for c in help_store.rows(kiosk.conn, kiosk.event.id) if c.kind == "answer"]
        assert len(answers) == 2 and all(a.device_name == kiosk.device_name for a in answers)
    finally:
        screen.shutdown()
        walk_in_kiosk.close()
