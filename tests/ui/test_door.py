"""The door on a real night (issue 7): scanners that press Shift, a laptop screen, data shown as text,
faults shown, verdicts that time out, words a volunteer cannot confuse."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from kiosk.domain.model import Verdict
from kiosk.service import Kiosk
from kiosk.service.errors import StorageKind
from kiosk.ui.main_window import MainWindow
from tests.ui.conftest import panel_verdict

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

    from kiosk.ui.sounds import SoundPlayer
    from tests.conftest import FakeClock
    from tests.ui.conftest import MakeWindow, ScriptedDialogs

SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


def _send(widget: QWidget, kind: QEvent.Type, key: int, modifiers: Qt.KeyboardModifier, text: str = "") -> None:
    QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers, text))


def scanner_types(widget: QWidget, text: str, suffix: int = Qt.Key.Key_Return) -> None:
    """Key events as a US scanner sends them: a Shift press and release around every capital and
    every shifted symbol, each key pressed then released, then the suffix key."""
    for ch in text:
        shifted = ch.isupper() or ch in '_!@#$%^&*()+{}|:"<>?~'
        key = ord(ch.upper()) if ord(ch.upper()) < 128 else 0
        if shifted:
            _send(widget, QEvent.Type.KeyPress, Qt.Key.Key_Shift, SHIFT)
        mods = SHIFT if shifted else NONE
        _send(widget, QEvent.Type.KeyPress, key, mods, ch)
        _send(widget, QEvent.Type.KeyRelease, key, mods, ch)
        if shifted:
            _send(widget, QEvent.Type.KeyRelease, Qt.Key.Key_Shift, NONE)
    _send(widget, QEvent.Type.KeyPress, suffix, NONE, "\t" if suffix == Qt.Key.Key_Tab else "\r")
    _send(widget, QEvent.Type.KeyRelease, suffix, NONE)


def import_guests(kiosk: Kiosk, tmp_path: Path, rows: list[tuple[str, str, str, str, str]]) -> None:
    """Guests with chosen codes, through a real CSV file and the real import
    (columns: ticket code, first name, last name, organisation, status)."""
    from kiosk.service.importer import import_registrations

    lines = ["Code;Prénom;Nom;Organisation;Statut", *(";".join(r) for r in rows)]
    path = tmp_path / "guests.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    import_registrations(kiosk, path)


# --- scanners that press Shift ------------------------------------------------------------------

@pytest.mark.parametrize("where", ["code field", "search field", "settings field", "recent list"])
def test_shift_presses_never_cut_a_burst_wherever_the_focus_is(window: MainWindow, kiosk: Kiosk, qtbot: QtBot,
                                                                where: str) -> None:
    targets = {
        "code field": window.checkin_page.code_field,
        "search field": window.attendees_page.search_field,
        "settings field": window.settings_page.device,
        "recent list": window.checkin_page.recent_view,
    }
    target = targets[where]
    if where == "search field":
        window.open_search("")
    elif where == "settings field":
        window.show_page(window.PAGE_SETTINGS)
    before = target.text() if hasattr(target, "text") else None
    scanner_types(target, "PLUS20-0007")
    qtbot.waitUntil(lambda: panel_verdict(window) is Verdict.ACCEPTED, timeout=2000)
    assert window.checkin_page.panel.name.text() == kiosk.find("PLUS20-0007").full_name
    assert kiosk.presence(kiosk.find("PLUS20-0007").id).inside
    if before is not None:
        assert target.text() == before  # type: ignore[attr-defined]  # nothing of the burst stayed in the field
    assert len(kiosk.recent_scans(10)) == 1  # once


def test_mixed_case_code_with_symbols_and_tab_suffix(window: MainWindow, kiosk: Kiosk, qtbot: QtBot,
                                                      tmp_path: Path) -> None:
    import_guests(kiosk, tmp_path, [("Ab.c_9-Zx", "Mixed", "Case", "", "valide")])
    guest = kiosk.find("Ab.c_9-Zx").id
    scanner_types(window.checkin_page.code_field, "Ab.c_9-Zx", suffix=Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: panel_verdict(window) is Verdict.ACCEPTED, timeout=2000)
    assert kiosk.presence(guest).inside
    assert window.checkin_page.code_field.text() == ""


def test_signed_ticket_typed_with_shift_checks_in(window: MainWindow, kiosk: Kiosk, data_dir: Path,
                                                  qtbot: QtBot) -> None:
    from kiosk.service.keys import init_keys

    init_keys(data_dir / "keys")
    kiosk.reload_keys()
    guest = kiosk.find("PLUS20-0010")
    payload = kiosk.ticket_payload(guest, data_dir / "keys")
    assert payload.startswith("K1.") and any(c.isupper() for c in payload[3:])
    scanner_types(window.checkin_page.code_field, payload)
    qtbot.waitUntil(lambda: panel_verdict(window) is Verdict.ACCEPTED, timeout=3000)
    assert kiosk.presence(guest.id).inside


def test_a_burst_in_a_dialog_arrives_once_and_leaves_the_dialog_field_alone(window: MainWindow, kiosk: Kiosk,
                                                                             qtbot: QtBot) -> None:
    from kiosk.ui.dialogs import OverrideDialog

    dialog = OverrideDialog("Someone", "Anna", window)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.reason.setFocus()
    scanner_types(dialog.reason, "PLUS20-0011")
    qtbot.waitUntil(lambda: panel_verdict(window) is Verdict.ACCEPTED, timeout=2000)
    assert dialog.reason.text() == ""
    assert kiosk.presence(kiosk.find("PLUS20-0011").id).inside
    dialog.close()


def test_a_person_typing_with_shift_still_reaches_the_field(make_window: MakeWindow, qtbot: QtBot) -> None:
    from tests.ui.conftest import SteppingClock

    window = make_window(clock=SteppingClock(0.2))
    field = window.attendees_page.search_field
    window.open_search("")
    scanner_types(field, "Dupont", suffix=Qt.Key.Key_End)  # End: a person's key, not a suffix
    qtbot.waitUntil(lambda: field.text() == "Dupont", timeout=2000)
    assert panel_verdict(window) is None


# --- the window on a laptop -------------------------------------------------------------------

@pytest.mark.parametrize("size", [(1280, 720), (1366, 768), (1920, 1080)])
def test_everything_fits_the_laptop_screen(window: MainWindow, kiosk: Kiosk, qtbot: QtBot,
                                           size: tuple[int, int]) -> None:
    window.resize(*size)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size, timeout=2000)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 690  # 720 minus a title bar
    field = window.checkin_page.code_field
    bottom_left = field.mapTo(window, field.rect().bottomLeft())
    assert field.isVisible() and bottom_left.y() <= window.height() and field.height() >= 30
    assert window.checkin_page.panel.height() >= 170


def test_a_200_character_name_never_widens_the_window(window: MainWindow, kiosk: Kiosk, qtbot: QtBot) -> None:
    window.resize(1280, 720)
    guest = kiosk.register(first_name="Anne-" * 38, last_name="Z" * 190, organisation="O" * 190).attendee
    window.presenter.check_in_attendee(guest.id)
    QApplication.processEvents()
    assert window.width() == 1280
    assert window.minimumSizeHint().width() <= 1280
    assert window.checkin_page.panel.name.text() == guest.full_name  # the data, whole
    assert window.checkin_page.panel.name.is_elided()  # the screen, cut with an ellipsis


def test_verdict_times_out_after_a_detour_through_search(window: MainWindow, kiosk: Kiosk, qtbot: QtBot) -> None:
    window.presenter.timeout_s = 0.3
    window.presenter.scan("NO-SUCH-CODE")
    assert panel_verdict(window) is Verdict.UNKNOWN
    window.checkin_page.panel.search_button.click()  # "search by name"
    assert window.stack.currentWidget() is window.attendees_page
    window.nav.group.button(window.PAGE_CHECKIN).click()  # back to the check-in page
    qtbot.waitUntil(lambda: panel_verdict(window) is None, timeout=2000)


def test_undo_dialog_buttons_say_different_things(window: MainWindow, kiosk: Kiosk, dialogs: ScriptedDialogs) -> None:
    window.presenter.scan("PLUS20-0001")
    window.checkin_page.undo_latest()
    yes, no = dialogs.buttons[-1]
    assert yes and no and yes != no
    assert "Cancel" not in (yes, no)


def test_french_words_agree(qapp: QApplication, kiosk: Kiosk, make_window: MakeWindow, dialogs: ScriptedDialogs,
                            clock: FakeClock) -> None:
    from kiosk.ui import i18n

    translators = i18n.install(qapp, "fr")
    try:
        window = make_window()
        window.presenter.toggle_direction()
        window.presenter.scan("PLUS20-0001")  # not inside: nothing recorded
        window.presenter.toggle_direction()
        window.presenter.scan("PLUS20-0002")
        window.presenter.toggle_direction()
        clock.advance(60)
        window.presenter.scan("PLUS20-0002")  # exit
        window.checkin_page.undo_latest()
        assert dialogs.buttons[-1] == ("Défaire le passage", "Garder")
        texts = [window.checkin_page.recent_model.index(r, 2).data()
                 for r in range(window.checkin_page.recent_model.rowCount())]
        assert "sortie (annulée)" in texts
    finally:
        i18n.remove(qapp, translators)


def test_attendee_list_is_a_to_z_and_a_valid_guest_before_a_cancelled_namesake(window: MainWindow,
                                                                               kiosk: Kiosk, tmp_path: Path) -> None:
    import_guests(kiosk, tmp_path, [("DUP-1", "Aaron", "Aaberg", "", "annulé"),
                                    ("DUP-2", "Aaron", "Aaberg", "", "valide")])
    cancelled, valid = kiosk.find("DUP-1"), kiosk.find("DUP-2")
    assert cancelled.cancelled and not valid.cancelled
    window.show_page(window.PAGE_ATTENDEES)
    table = window.attendees_page.table
    header = table.horizontalHeader()
    assert header.sortIndicatorSection() == 0 and header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    proxy = window.attendees_page.proxy
    names = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    from kiosk.domain.text import fold

    keys = [fold(n) for n in names]
    assert keys == sorted(keys)
    from kiosk.ui.models.attendees import ATTENDEE_ROLE

    first_two = [proxy.index(r, 0).data(ATTENDEE_ROLE).id for r in range(2)]
    assert first_two == [valid.id, cancelled.id]


def test_no_camera_says_not_configured_and_does_not_ask_for_the_camera(window: MainWindow) -> None:
    window.start_camera()  # with no camera set, as `--no-camera` does
    assert "not configured" in window.header.camera.text.text()
    assert "camera" not in window.checkin_page.panel.name.text().lower()


def test_a_laptop_without_webcam_is_not_red(make_window: MakeWindow, qtbot: QtBot) -> None:
    from kiosk.ui.widgets.header import Light

    window = make_window()
    window.camera_source = "7"  # a webcam number that does not exist here
    window.start_camera()
    qtbot.waitUntil(lambda: "not found" in window.header.camera.text.text(), timeout=8000)
    assert window.header.camera.state is Light.OFF
    assert "camera" not in window.checkin_page.panel.name.text().lower()
    window.stop_camera()


# --- data is text -------------------------------------------------------------------------------

MARKUP = '<img src="/etc/passwd"><h1>Big</h1>'


def labels_of(root: QWidget) -> list[QLabel]:
    return [w for w in root.findChildren(QLabel)]


def test_every_label_showing_data_is_plain_text(window: MainWindow, kiosk: Kiosk, qtbot: QtBot, tmp_path: Path) -> None:
    import_guests(kiosk, tmp_path, [("MARKUP-1", "<b>Bold</b>", "<h1>Big</h1>", MARKUP, "valide")])
    guest = kiosk.find("MARKUP-1")
    window.presenter.scan("MARKUP-1")
    assert window.checkin_page.panel.name.text() == guest.full_name
    window.presenter.scan(MARKUP)  # an unknown code made of markup
    from kiosk.ui.pages.attendee_detail import AttendeeDetailDialog

    detail = AttendeeDetailDialog(kiosk, guest, window.printing, window)
    window.open_search("Big")
    window.attendees_page.run_search()
    for root in (window, detail):
        offenders = [(lbl.accessibleName(), lbl.text()) for lbl in labels_of(root)
                     if lbl.textFormat() != Qt.TextFormat.PlainText]
        assert offenders == []
    assert any(MARKUP[:20] in lbl.text() for lbl in labels_of(window))  # the code is shown, as typed
    buttons = [b.text() for b in window.findChildren(QAbstractButton)]
    assert all("<" not in t for t in buttons)
    detail.close()


# --- faults are shown -----------------------------------------------------------------------------

def test_a_scan_on_a_busy_database_says_one_moment_and_is_recorded_when_it_frees(
        window: MainWindow, kiosk: Kiosk, data_dir: Path, qtbot: QtBot) -> None:
    """An import in another process holds the write lock: the window waits ~200 ms (never busy_timeout's
    5 s), says "one moment" (never the last guest's welcome), and records the scan once it is free."""
    from kiosk.store.db import BUSY_TIMEOUT_MS

    window.presenter.scan("PLUS20-0001")
    assert panel_verdict(window) is Verdict.ACCEPTED
    other = sqlite3.connect(str(data_dir / "kiosk.db"))
    other.execute("BEGIN IMMEDIATE")  # a long import holds the write lock
    try:
        window.presenter.scan("PLUS20-0002")
        waited_ms = kiosk.conn.execute("PRAGMA busy_timeout").fetchone()[0]  # the most the scan could wait
        panel = window.checkin_page.panel
        assert panel.verdict is None and panel.failure is not None and panel.failure.retrying
        assert "One moment" in panel.title.text() and "Do not scan again" in panel.name.text()
        assert waited_ms < BUSY_TIMEOUT_MS
        qtbot.wait(600)  # two retries meet the lock still held
        assert panel.failure is not None and panel.failure.retrying
    finally:
        other.rollback()
        other.close()
    qtbot.waitUntil(lambda: panel_verdict(window) is Verdict.ACCEPTED, timeout=2000)
    assert window.checkin_page.panel.name.text().startswith(kiosk.find("PLUS20-0002").first_name)
    assert kiosk.presence(kiosk.find("PLUS20-0002").id).inside


def test_a_scan_that_cannot_be_written_shows_not_recorded_never_the_last_welcome(
        window: MainWindow, kiosk: Kiosk, data_dir: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    window.presenter.retry.retry_for_s = 0.6  # the import's lock outlasts the retries
    window.presenter.scan("PLUS20-0001")
    assert panel_verdict(window) is Verdict.ACCEPTED
    other = sqlite3.connect(str(data_dir / "kiosk.db"))
    other.execute("BEGIN IMMEDIATE")
    try:
        window.presenter.scan("PLUS20-0002")
        panel = window.checkin_page.panel
        qtbot.waitUntil(lambda: panel.failure is not None and not panel.failure.retrying, timeout=3000)
    finally:
        other.rollback()
        other.close()
    assert panel.verdict is None and panel.failure is not None and panel.failure.kind is StorageKind.LOCKED
    assert "Not recorded" in panel.title.text()
    assert not kiosk.presence(kiosk.find("PLUS20-0002").id).inside


def test_a_damaged_database_is_said_at_start_from_a_worker(qapp: QApplication, tmp_path: Path,
                                                           dialogs: ScriptedDialogs, sounds: SoundPlayer,
                                                           qtbot: QtBot) -> None:
    """The quick check runs off the UI thread; a damaged file shows on the panel and in a dialog."""
    from kiosk.settings import Settings
    from kiosk.ui.app import open_kiosk
    data = tmp_path / "data"
    first = Kiosk.open(data, device_name="door-1")
    first.create_demo()
    first.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    first.close()
    db = data / "kiosk.db"
    conn = sqlite3.connect(db)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'attendees_fts_data'").fetchone()[0]
    conn.close()
    raw = bytearray(db.read_bytes())
    page = int.from_bytes(raw[16:18], "big")
    at = (root - 1) * page  # the search index's b-tree page: the window opens, quick_check sees it
    raw[at:at + 16] = bytes(range(7, 23))
    db.write_bytes(bytes(raw))
    kiosk = open_kiosk(data, "door-1", "en")  # opens: the check is the window's, on its runner
    try:
        window = MainWindow(kiosk, Settings(camera=""), data, camera_source="", dialogs=dialogs, sounds=sounds)
        qtbot.addWidget(window)
        window.show()
        window.check_database()
        qtbot.waitUntil(lambda: window.checkin_page.panel.failure is not None, timeout=10_000)
        failure = window.checkin_page.panel.failure
        assert failure is not None and failure.kind is StorageKind.CORRUPT
        assert dialogs.errors and "Recovery" in dialogs.errors[-1]
        window.shutdown()
    finally:
        kiosk.close()
