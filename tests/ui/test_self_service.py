"""The walk-in self-service screen, from an empty form to a stored, checked-in guest and a queued badge.

Real widgets offscreen, a real SQLite file, the real print queue (PDF folder backend), the real
staff PIN (scrypt, lock-out).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.adapters.printing import make_printer
from kiosk.domain.model import Attendee, ScanKind
from kiosk.domain.walkin import Field
from kiosk.service import Kiosk
from kiosk.service.pin import StaffPin
from kiosk.service.printing import PrintQueue, auto_print
from kiosk.service.self_service import Outcome, SelfService
from kiosk.ui.self_service.camera_strip import CameraStrip
from kiosk.ui.self_service.window import SelfServiceWindow
from tests.ui.conftest import MakeWindow, ScriptedDialogs

PIN = "4821"


class Clock:
    def __init__(self) -> None:
        self.t = 1_000_000.0

    def __call__(self) -> float:
        return self.t


def _printing_service(kiosk: Kiosk, queue: PrintQueue) -> SelfService:
    """The walk-in screen of a kiosk whose auto-print setting is on (the session's decision)."""
    auto_print(kiosk, lambda a: queue.enqueue(a.id), True)
    return SelfService(kiosk)


@pytest.fixture
def queue(kiosk: Kiosk, data_dir: Path) -> Iterator[PrintQueue]:
    q = PrintQueue(kiosk, make_printer("pdf", str(data_dir / "printed"), data_dir=data_dir))
    yield q
    q.stop()


@pytest.fixture
def pin(data_dir: Path) -> StaffPin:
    staff = StaffPin(data_dir, clock=Clock())
    staff.set(PIN)
    return staff


@pytest.fixture
def screen(qtbot: QtBot, kiosk: Kiosk, queue: PrintQueue, pin: StaffPin) -> Iterator[SelfServiceWindow]:
    service = _printing_service(kiosk, queue)
    window = SelfServiceWindow(service, pin, lang="en", idle_s=60)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window._leaving = True
    window.close()


def fill(window: SelfServiceWindow, **values: str | bool) -> None:
    form = window.form
    assert form is not None
    for name, value in values.items():
        widget = getattr(form, name)
        if isinstance(value, bool):
            widget.setChecked(value)
        elif name in ("category", "workshop"):
            widget.setCurrentIndex(widget.findData(value))
        else:
            widget.setText(value)


def outcome(window: SelfServiceWindow) -> Outcome | None:
    return window.last_answer.outcome if window.last_answer is not None else None


def walk_in(kiosk: Kiosk, last: str) -> list[Attendee]:
    return [a for a in kiosk.search(last) if a.source == "walk-in"]


def test_walk_in_from_empty_form_to_checked_in_guest_and_queued_badge(screen: SelfServiceWindow, kiosk: Kiosk,
                                                                      queue: PrintQueue) -> None:
    fill(screen, first_name="Zoé", last_name="Nguyễn", email="zoe@example.org", organisation="Les Petites Cantines",
         category="Association", workshop="Se nourrir", consent=True, contact=True)
    screen.form.submit_button.click()  # type: ignore[union-attr]
    assert screen.last_answer is not None and screen.last_answer.outcome is Outcome.WELCOME
    assert "Welcome, Zoé Nguyễn" in screen.message.title.text()
    assert "badge is printing" in screen.message.body.text()
    [guest] = walk_in(kiosk, "Nguyễn")
    assert (guest.first_name, guest.last_name, guest.workshop, guest.category) == \
        ("Zoé", "Nguyễn", "Se nourrir", "Association")
    assert kiosk.presence(guest.id).inside
    assert [j.attendee_id for j in queue.jobs()] == [guest.id]
    from kiosk.store import walk_ins

    consent = walk_ins.consent_of(kiosk.conn, guest.id)
    assert consent is not None and consent[1] is True


def test_nothing_of_the_previous_guest_stays_in_any_widget(screen: SelfServiceWindow, qtbot: QtBot) -> None:
    fill(screen, first_name="Samir", last_name="Haddad", email="samir@example.org", consent=True)
    screen.form.submit_button.click()  # type: ignore[union-attr]
    screen.back_timer.setInterval(10)
    screen.back_timer.start()
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.form, timeout=3000)
    qtbot.wait(50)  # the old form is deleted later
    texts = [w.text() for w in screen.findChildren(QLineEdit)]
    texts += [w.text() for w in screen.findChildren(QLabel)]
    assert not any("Samir" in t or "Haddad" in t or "samir@" in t for t in texts), texts
    assert all(not w.isUndoAvailable() for w in screen.findChildren(QLineEdit))


def test_inactivity_clears_a_half_filled_form(screen: SelfServiceWindow, qtbot: QtBot) -> None:
    fill(screen, first_name="Half", last_name="Done")
    screen.warn_s = 1.0  # the warning's countdown: one second here
    screen.idle.setInterval(50)
    screen.idle.start()
    qtbot.waitUntil(screen.idle_bar.isVisible, timeout=3000)
    qtbot.waitUntil(lambda: screen.form is not None and screen.form.first_name.text() == "", timeout=5000)


def test_problems_are_said_in_plain_words_and_nothing_is_stored(screen: SelfServiceWindow, kiosk: Kiosk) -> None:
    before = kiosk.stats().registered
    fill(screen, first_name="", last_name="X" * 500, email="not-an-address", consent=False)
    screen.form.submit_button.click()  # type: ignore[union-attr]
    errors = {field.value: label.text() for field, label in screen.form.errors.items()}  # type: ignore[union-attr]
    assert errors["first_name"] == "Please fill this in."
    assert "too long" in errors["last_name"]
    assert "not an e-mail" in errors["email"]
    assert "tick this box" in errors["consent"]
    assert kiosk.stats().registered == before


@pytest.mark.parametrize("name", ["<b>Bold</b>", "Robert'); DROP TABLE attendees;--", "محمد عبد الله", "Zoë 🎉"])
def test_hostile_or_unusual_names_are_stored_verbatim_and_shown_as_text(screen: SelfServiceWindow, kiosk: Kiosk,
                                                                         name: str) -> None:
    fill(screen, first_name=name, last_name="Test", consent=True)
    screen.form.submit_button.click()  # type: ignore[union-attr]
    assert screen.last_answer is not None and screen.last_answer.outcome is Outcome.WELCOME
    assert any(a.first_name == name for a in kiosk.attendees() if a.source == "walk-in")
    assert screen.message.title.text() == f"Welcome, {name} Test!"
    assert all(lbl.textFormat() == Qt.TextFormat.PlainText for lbl in screen.findChildren(QLabel))


def test_control_characters_are_refused(screen: SelfServiceWindow) -> None:
    fill(screen, first_name="Evil\x1b[31m", last_name="Test", consent=True)
    screen.form.submit_button.click()  # type: ignore[union-attr]
    assert screen.last_answer is not None and screen.last_answer.outcome is Outcome.INVALID


def test_already_registered_same_email_and_name_is_confirmed_then_checked_in(screen: SelfServiceWindow,
                                                                             kiosk: Kiosk) -> None:
    registered = next(a for a in kiosk.attendees() if a.email and not a.cancelled)
    assert registered.email is not None
    fill(screen, first_name=registered.first_name, last_name=registered.last_name, email=registered.email.upper(),
         consent=True)
    screen.form.submit_button.click()  # type: ignore[union-attr]
    assert screen.last_answer is not None and screen.last_answer.outcome is Outcome.CONFIRM
    shown = screen.message.title.text() + screen.message.body.text()
    assert registered.full_name in shown and (registered.organisation or "¤") not in shown
    yes = next(b for b in screen.message.findChildren(QAbstractButton) if b.accessibleName() == "yes it is me")
    yes.click()
    assert outcome(screen) is Outcome.WELCOME
    assert kiosk.presence(registered.id).inside
    assert not walk_in(kiosk, registered.last_name)  # nobody created


def test_a_shared_email_alone_is_another_person(screen: SelfServiceWindow, kiosk: Kiosk) -> None:
    registered = next(a for a in kiosk.attendees() if a.email and not a.cancelled)
    fill(screen, first_name="Camille", last_name="Autre-Nom", email=registered.email or "", consent=True)
    screen.form.submit_button.click()  # type: ignore[union-attr]
    assert screen.last_answer is not None and screen.last_answer.outcome is Outcome.WELCOME
    assert not kiosk.presence(registered.id).inside
    assert walk_in(kiosk, "Autre-Nom")


def test_name_and_organisation_alone_asks_staff(screen: SelfServiceWindow, kiosk: Kiosk) -> None:
    registered = next(a for a in kiosk.attendees() if a.organisation and not a.cancelled)
    fill(screen, first_name=registered.first_name, last_name=registered.last_name,
         organisation=registered.organisation or "", consent=True)
    screen.form.submit_button.click()  # type: ignore[union-attr]
    assert screen.last_answer is not None and screen.last_answer.outcome is Outcome.ASK_STAFF
    assert not kiosk.presence(registered.id).inside


def test_a_full_workshop_is_disabled_and_one_filling_meanwhile_is_caught(screen: SelfServiceWindow,
                                                                        kiosk: Kiosk) -> None:
    choices = {w.name: w for w in SelfService(kiosk).workshops()}
    left = choices["Se vêtir"].left or 0
    for i in range(left - 1):
        kiosk.register(first_name=f"F{i}", last_name="Filler", workshop="Se vêtir")
    fill(screen, first_name="Last", last_name="Seat", workshop="Se vêtir", consent=True)
    kiosk.register(first_name="Other", last_name="Kiosk", workshop="Se vêtir")  # takes the last place meanwhile
    screen.form.submit_button.click()  # type: ignore[union-attr]
    assert screen.last_answer is not None and screen.last_answer.outcome is Outcome.WORKSHOP_FULL
    combo = screen.form.workshop  # type: ignore[union-attr]
    model = combo.model()
    assert isinstance(model, QStandardItemModel)
    item = model.item(combo.findData("Se vêtir"))
    assert not item.isEnabled() and "full" in item.text()
    assert "filled up" in screen.form.errors[Field.WORKSHOP].text()  # type: ignore[union-attr]


def test_full_venue_offers_the_waiting_list(qtbot: QtBot, tmp_path: Path, pin: StaffPin) -> None:
    from kiosk.domain.model import Event
    from kiosk.store import walk_ins

    small = Kiosk.open(tmp_path / "small", device_name="walk-in")
    try:
        small.create_event(Event(id="e1", name="Tiny", capacity=1, privacy_notice="Tiny keeps data 1 week."))
        small.register(first_name="First", last_name="Guest", checkin=True)
        window = SelfServiceWindow(SelfService(small), pin, lang="en")
        qtbot.addWidget(window)
        fill(window, first_name="Late", last_name="Comer", email="late@example.org", consent=True)
        window.form.submit_button.click()  # type: ignore[union-attr]
        assert window.last_answer is not None and window.last_answer.outcome is Outcome.VENUE_FULL
        join = next(b for b in window.message.findChildren(QAbstractButton)
                    if b.accessibleName() == "join the waiting list")
        join.click()
        [entry] = walk_ins.waitlist(small.conn, "e1")
        assert (entry.first_name, entry.email) == ("Late", "late@example.org")
        assert small.stats().inside == 1 and small.stats().registered == 1
        assert "1 week" in window.form.notice.text()  # type: ignore[union-attr]
        window._leaving = True
        window.close()
    finally:
        small.close()


def test_leaving_needs_the_pin_and_wrong_pins_lock_out(screen: SelfServiceWindow, pin: StaffPin, qtbot: QtBot) -> None:
    screen.close()  # the window manager's close button, Alt+F4
    assert screen.isVisible()
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert screen.isVisible()
    screen.staff_button.click()
    assert screen.stack.currentWidget() is screen.pin_page
    for _ in range(5):
        screen.try_pin("0000")
    assert "wait 60 s" in screen.pin_page.status.text()
    screen.try_pin(PIN)  # the right PIN, but locked out
    assert screen.isVisible()
    pin.clock.t += 61  # type: ignore[attr-defined]
    left: list[bool] = []
    screen.left.connect(lambda: left.append(True))
    screen.try_pin(PIN)
    assert left == [True] and not screen.isVisible()


def test_language_toggle_keeps_what_was_typed(screen: SelfServiceWindow) -> None:
    fill(screen, first_name="Inès", last_name="Benali")
    screen.lang_button.click()  # to French
    assert screen.form is not None and screen.form.first_name.text() == "Inès"
    assert screen.form.submit_button.text() != "Register and print my badge"
    screen.lang_button.click()  # back to English
    assert screen.form.submit_button.text() == "Register and print my badge"


def test_every_control_has_an_accessible_name_and_the_form_fits_720p(screen: SelfServiceWindow) -> None:
    unnamed = [type(w).__name__ for w in screen.findChildren(QWidget)
               if isinstance(w, QAbstractButton | QLineEdit) and not w.accessibleName()]
    assert unnamed == []
    assert screen.minimumSizeHint().height() <= 720 and screen.minimumSizeHint().width() <= 1280


def test_self_check_in_with_a_ticket_from_the_handheld_scanner(screen: SelfServiceWindow, kiosk: Kiosk,
                                                               queue: PrintQueue) -> None:
    screen._on_ticket("PLUS20-0012", [])
    guest = kiosk.find("PLUS20-0012")
    assert screen.last_answer is not None and screen.last_answer.outcome is Outcome.WELCOME
    assert kiosk.presence(guest.id).inside and [j.attendee_id for j in queue.jobs()] == [guest.id]
    screen._on_ticket("NO-SUCH-TICKET", [])
    assert outcome(screen) is Outcome.TICKET_REFUSED


def test_a_ticket_shows_the_first_name_only_and_a_refused_one_never_says_why(screen: SelfServiceWindow,
                                                                            kiosk: Kiosk) -> None:
    guest = kiosk.find("PLUS20-0014")
    screen._on_ticket("PLUS20-0014", [])
    shown = " ".join(label.text() for label in screen.message.findChildren(QLabel))
    assert guest.first_name in shown and guest.last_name not in shown
    cancelled = kiosk.conn.execute("SELECT ticket_code FROM attendees WHERE status = 'cancelled' LIMIT 1").fetchone()[0]
    kiosk.check_in("PLUS20-0015")
    texts = []
    for code in ("PLUS20-0015", cancelled, "PLUS20-9999"):  # inside, cancelled, unknown: one same screen
        screen.reset()
        screen._on_ticket(code, [])
        assert outcome(screen) is Outcome.TICKET_REFUSED
        texts.append(" ".join(label.text() for label in screen.message.findChildren(QLabel) if label.isVisible()))
    assert len(set(texts)) == 1 and "welcome desk" in texts[0]
    assert not any(word in texts[0].lower() for word in ("already", "cancel", "unknown", "inside"))
    assert not kiosk.presence(kiosk.find(cancelled).id).inside


def test_the_screen_holds_no_kiosk(screen: SelfServiceWindow) -> None:
    """Nothing of any other guest is reachable: the facade has no search, list, history or undo."""
    public = {n for n in dir(screen.service) if not n.startswith("_")}
    assert public == {"event_name", "privacy_notice", "categories", "workshops", "venue_full", "check", "submit",
                      "join_waitlist", "check_in_ticket", "call_for_help"}
    assert not any(isinstance(v, Kiosk) for v in vars(screen).values())
    QApplication.processEvents()


def test_from_the_staff_window_menu_only_once_a_pin_is_set(make_window: MakeWindow, data_dir: Path,
                                                            dialogs: ScriptedDialogs, qtbot: QtBot) -> None:
    window = make_window()
    window.screen_actions["self_service"].trigger()
    assert dialogs.errors and "staff PIN" in dialogs.errors[-1]  # no PIN: no way back, so no way in
    StaffPin(data_dir).set(PIN)
    screen = window.open_screen("self_service")
    assert isinstance(screen, SelfServiceWindow) and screen.isVisible()
    assert screen.service.event_name == window.kiosk.event.name
    screen.try_pin(PIN)
    assert not screen.isVisible() and window.isVisible()


# --- the camera: a guest holds up their ticket's QR code -----------------------------------------
@pytest.fixture(scope="module")
def ticket_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.helpers import video

    path = tmp_path_factory.mktemp("ss-video") / "ticket.avi"
    video.write_qr_video(path, "PLUS20-0014", appear_at=5, frames=60)  # held up for 55 frames
    return path


def test_a_guest_checks_in_by_holding_up_their_ticket_to_the_camera(qtbot: QtBot, kiosk: Kiosk, queue: PrintQueue,
                                                                    pin: StaffPin, ticket_video: Path) -> None:
    service = _printing_service(kiosk, queue)
    strip = CameraStrip(str(ticket_video))
    window = SelfServiceWindow(service, pin, lang="en", camera=strip)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.start_camera()
    try:
        qtbot.waitUntil(lambda: window.last_answer is not None, timeout=10_000)
        guest = kiosk.find("PLUS20-0014")
        assert outcome(window) is Outcome.WELCOME and kiosk.presence(guest.id).inside
        assert window.stack.currentWidget() is window.message and not strip.accepting
        qtbot.waitUntil(lambda: strip.worker is not None and strip.worker.last_status is not None
                        and "ended" in str(strip.worker.last_status).lower(), timeout=10_000)
        entries = [s for s in kiosk.history(guest.id) if s.kind is ScanKind.ENTRY]
        assert len(entries) == 1  # read on dozens of frames, one entry
        assert [j.attendee_id for j in queue.jobs()] == [guest.id]
        # the preview got the camera's frames (painted ones are counted only while the strip is on screen:
        # on a loaded machine the welcome may cover it before its first paint)
        assert strip.view.frames_shown > 0 or strip.view._image is not None
        assert window.minimumSizeHint().height() <= 720  # the strip still lets the form fit a 720p screen
    finally:
        window._leaving = True
        window.close()
    assert strip.worker is None  # closing the screen releases the webcam


def test_the_camera_hands_in_each_ticket_once_and_only_over_the_form(qtbot: QtBot) -> None:
    clock = Clock()
    strip = CameraStrip("0", clock=clock)
    qtbot.addWidget(strip)
    seen: list[str] = []
    strip.ticket.connect(seen.append)
    for _ in range(30):  # the phone stays up for a second: thirty frames, one ticket
        strip._on_codes(["PLUS20-0001"], 0, 0.0)
    strip._on_codes(["PLUS20-0002"], 0, 0.0)  # the next guest's phone
    clock.t += 16
    strip._on_codes(["PLUS20-0001"], 0, 0.0)  # the first guest again, long after: asked again
    strip.accepting = False
    strip._on_codes(["PLUS20-0003"], 0, 0.0)  # over the thank-you message: ignored
    assert seen == ["PLUS20-0001", "PLUS20-0002", "PLUS20-0001"]


def test_a_broken_camera_leaves_the_form_and_the_scanner_working(screen: SelfServiceWindow, qtbot: QtBot,
                                                                 tmp_path: Path, kiosk: Kiosk,
                                                                 queue: PrintQueue, pin: StaffPin) -> None:
    strip = CameraStrip(str(tmp_path / "no-such-camera.avi"))
    window = SelfServiceWindow(_printing_service(kiosk, queue), pin, lang="en",
                               camera=strip)
    qtbot.addWidget(window)
    window.show()
    window.start_camera()
    try:
        qtbot.waitUntil(lambda: "lost" in strip.view.message.lower(), timeout=10_000)
        window._on_ticket("PLUS20-0012", [])
        assert outcome(window) is Outcome.WELCOME
    finally:
        window._leaving = True
        window.close()


def test_the_menu_route_borrows_the_staff_windows_camera(make_window: MakeWindow, data_dir: Path,
                                                         qtbot: QtBot, ticket_video: Path) -> None:
    window = make_window()
    window.camera_source = str(ticket_video)
    window.start_camera()
    StaffPin(data_dir).set(PIN)
    screen = window.open_screen("self_service")
    assert isinstance(screen, SelfServiceWindow) and screen.camera is not None
    assert window.camera is None and screen.camera.worker is not None  # one webcam, one reader
    screen.try_pin(PIN)
    assert window.camera is not None and screen.camera.worker is None  # given back on leaving


def test_a_walk_in_on_a_busy_database_waits_and_is_recorded_with_what_was_typed(
        screen: SelfServiceWindow, kiosk: Kiosk, data_dir: Path, qtbot: QtBot) -> None:
    """Opened from the staff window, the screen shares its 200 ms wait for the write lock: a submit that
    lands on an import's transaction says "one moment" and goes through when it ends, nothing retyped."""
    import sqlite3

    kiosk.wait_for_writers(200)
    other = sqlite3.connect(str(data_dir / "kiosk.db"))
    other.execute("BEGIN IMMEDIATE")  # an import in another process
    try:
        fill(screen, first_name="Inès", last_name="Benali", email="ines@example.org", consent=True)
        screen.form.submit_button.click()  # type: ignore[union-attr]
        assert "One moment" in screen.message.title.text() and screen.last_answer is None
        qtbot.wait(600)  # retries meet the lock still held
        assert "One moment" in screen.message.title.text() and walk_in(kiosk, "Benali") == []
    finally:
        other.rollback()
        other.close()
    qtbot.waitUntil(lambda: outcome(screen) is Outcome.WELCOME, timeout=2000)
    assert "Welcome, Inès Benali" in screen.message.title.text()
    [guest] = walk_in(kiosk, "Benali")
    assert guest.email == "ines@example.org" and kiosk.presence(guest.id).inside


def test_a_walk_in_on_a_database_busy_for_too_long_is_sent_to_the_staff(
        screen: SelfServiceWindow, kiosk: Kiosk, data_dir: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from kiosk.ui.self_service import window as self_service_window

    monkeypatch.setattr(self_service_window, "RETRY_FOR_S", 0.6)
    kiosk.wait_for_writers(200)
    other = sqlite3.connect(str(data_dir / "kiosk.db"))
    other.execute("BEGIN IMMEDIATE")
    try:
        fill(screen, first_name="Théo", last_name="Marchal", email="theo@example.org", consent=True)
        screen.form.submit_button.click()  # type: ignore[union-attr]
        qtbot.waitUntil(lambda: "did not work" in screen.message.title.text(), timeout=3000)
    finally:
        other.rollback()
        other.close()
    assert "Nothing was recorded" in screen.message.body.text() and walk_in(kiosk, "Marchal") == []


def test_the_form_warns_before_it_clears_and_a_key_keeps_it(qtbot: QtBot, kiosk: Kiosk, pin: StaffPin) -> None:
    window = SelfServiceWindow(SelfService(kiosk), pin, lang="en", idle_s=2.0)
    qtbot.addWidget(window)
    window.show()
    try:
        window.idle.timeout.emit()  # nothing typed: nothing to lose, cleared at once without a warning
        assert window.idle_bar.isHidden()
        fill(window, first_name="Zoé", last_name="Martin")
        window.idle.timeout.emit()  # the idle time passed with a half-filled form
        assert window.idle_bar.isVisible()
        assert window.idle_bar.text() == "Still there? This screen clears in 1 second(s): touch the screen or " \
                                         "press a key to keep it."
        qtbot.keyClick(window.form.first_name, Qt.Key.Key_Shift)  # type: ignore[union-attr]
        assert window.idle_bar.isHidden() and window.idle.isActive()
        assert window.form is not None and window.form.first_name.text() == "Zoé"
        window.idle.timeout.emit()
        qtbot.waitUntil(lambda: window.idle_bar.isHidden(), timeout=5000)  # nobody came back: cleared
        assert window.form is not None and window.form.first_name.text() == ""
    finally:
        window.shutdown()
