"""SelfServicePresenter with a recording view and fake timers: the walk-in flow without any widget.

A real Kiosk on a real SQLite file (the #Plus20 demo), the real print queue's decision (auto-print),
the real staff PIN (scrypt, lock-out) and a real second connection holding the write lock.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

import pytest

from kiosk.domain.model import Attendee, Event
from kiosk.domain.walkin import Field, FormProblem, WalkInForm
from kiosk.service import Kiosk
from kiosk.service.pin import StaffPin
from kiosk.service.printing import auto_print
from kiosk.service.self_service import Answer, Outcome, SelfService
from kiosk.ui.presenters.busy_retry import RETRY_FOR_S, RETRY_MS
from kiosk.ui.presenters.self_service import THANKS_MS, Message, Page, PinRefusal, SelfServicePresenter

PIN = "4821"
IDLE_MS = 60_000


class FakeTimer:
    def __init__(self) -> None:
        self.running_ms: int | None = None

    def start(self, ms: int) -> None:
        self.running_ms = ms

    def stop(self) -> None:
        self.running_ms = None


class Mono:
    def __init__(self) -> None:
        self.t = 1_000_000.0

    def __call__(self) -> float:
        return self.t


class RecordingView:
    """The screen as the presenter sees it: what is typed, and what it was told to show."""

    def __init__(self) -> None:
        self.typed = WalkInForm()
        self.messages: list[tuple[Message, Answer | None]] = []
        self.problems: list[list[FormProblem]] = []
        self.refilled: list[WalkInForm] = []
        self.new_forms = 0
        self.forms_again = 0
        self.pins_shown = 0
        self.refusals: list[tuple[PinRefusal, int]] = []
        self.left = False

    def form_value(self) -> WalkInForm:
        return self.typed

    def show_new_form(self) -> None:
        self.new_forms += 1
        self.typed = WalkInForm()

    def show_form_again(self) -> None:
        self.forms_again += 1

    def refill_form(self, values: WalkInForm, problems: Sequence[FormProblem]) -> None:
        self.refilled.append(values)
        self.problems.append(list(problems))

    def show_problems(self, problems: Sequence[FormProblem]) -> None:
        self.problems.append(list(problems))

    def show_message(self, message: Message, answer: Answer | None) -> None:
        self.messages.append((message, answer))

    def show_pin(self) -> None:
        self.pins_shown += 1

    def clear_pin(self) -> None:
        pass

    def show_pin_refusal(self, refusal: PinRefusal, wait_s: int) -> None:
        self.refusals.append((refusal, wait_s))

    def leave(self) -> None:
        self.left = True

    def said(self) -> Message | None:
        """The last message shown."""
        return self.messages[-1][0] if self.messages else None


class Screen:
    """A presenter, its view and its timers."""

    def __init__(self, service: SelfService, pin: StaffPin, *, retry_for_s: float = RETRY_FOR_S) -> None:
        self.view, self.back, self.idle, self.retry, self.mono = (RecordingView(), FakeTimer(), FakeTimer(),
                                                                  FakeTimer(), Mono())
        self.presenter = SelfServicePresenter(service, pin, self.view, back_timer=self.back, idle=self.idle,
                                              idle_ms=IDLE_MS, retry_timer=self.retry, monotonic=self.mono,
                                              retry_for_s=retry_for_s)

    def submit(self, **values: str | bool) -> Answer | None:
        self.view.typed = WalkInForm(**values)  # type: ignore[arg-type]
        self.presenter.submit()
        return self.presenter.last_answer


class Clock:
    def __init__(self) -> None:
        self.t = 1_000_000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def pin(data_dir: Path) -> StaffPin:
    staff = StaffPin(data_dir, clock=Clock())
    staff.set(PIN)
    return staff


@pytest.fixture
def screen(kiosk: Kiosk, pin: StaffPin) -> Screen:
    auto_print(kiosk, lambda _a: True, True)  # auto-print on: the badge is said to print
    return Screen(SelfService(kiosk), pin)


def walk_in(kiosk: Kiosk, last: str) -> list[Attendee]:
    return [a for a in kiosk.search(last) if a.source == "walk-in"]


def test_a_walk_in_is_welcomed_checked_in_and_the_thank_you_goes_back_to_a_new_form(screen: Screen,
                                                                                     kiosk: Kiosk) -> None:
    answer = screen.submit(first_name="Zoé", last_name="Nguyễn", email="zoe@example.org", workshop="Se nourrir",
                           consent=True)
    assert answer is not None and answer.outcome is Outcome.WELCOME and answer.badge_queued
    assert screen.view.said() is Message.WELCOME and screen.presenter.page is Page.MESSAGE
    assert screen.back.running_ms == THANKS_MS
    [guest] = walk_in(kiosk, "Nguyễn")
    assert kiosk.presence(guest.id).inside and guest.workshop == "Se nourrir"
    screen.presenter.reset()  # the thank-you timer
    assert screen.view.new_forms == 1 and screen.presenter.last_answer is None
    assert screen.back.running_ms is None and screen.idle.running_ms is None


def test_problems_go_beside_the_fields_and_nothing_is_stored(screen: Screen, kiosk: Kiosk) -> None:
    before = kiosk.stats().registered
    answer = screen.submit(first_name="", last_name="X" * 500, email="not-an-address", consent=False)
    assert answer is not None and answer.outcome is Outcome.INVALID
    assert {p.field for p in screen.view.problems[-1]} >= {Field.FIRST_NAME, Field.LAST_NAME, Field.EMAIL,
                                                           Field.CONSENT}
    assert screen.view.messages == [] and screen.presenter.page is Page.FORM
    assert kiosk.stats().registered == before


def test_control_characters_are_refused(screen: Screen) -> None:
    answer = screen.submit(first_name="Evil\x1b[31m", last_name="Test", consent=True)
    assert answer is not None and answer.outcome is Outcome.INVALID


@pytest.mark.parametrize("name", ["<b>Bold</b>", "Robert'); DROP TABLE attendees;--", "محمد عبد الله", "Zoë 🎉"])
def test_hostile_or_unusual_names_are_stored_verbatim(screen: Screen, kiosk: Kiosk, name: str) -> None:
    answer = screen.submit(first_name=name, last_name="Test", consent=True)
    assert answer is not None and answer.outcome is Outcome.WELCOME and answer.name == f"{name} Test"
    assert any(a.first_name == name for a in kiosk.attendees() if a.source == "walk-in")


def test_already_registered_is_confirmed_then_checked_in_and_nobody_is_created(screen: Screen, kiosk: Kiosk) -> None:
    registered = next(a for a in kiosk.attendees() if a.email and not a.cancelled)
    assert registered.email is not None
    answer = screen.submit(first_name=registered.first_name, last_name=registered.last_name,
                           email=registered.email.upper(), consent=True)
    assert answer is not None and answer.outcome is Outcome.CONFIRM and registered.full_name in answer.name
    assert screen.view.said() is Message.CONFIRM and screen.idle.running_ms == IDLE_MS  # waits for the guest
    screen.presenter.submit(confirmed=True)  # "yes, it is me"
    assert screen.view.said() is Message.WELCOME and kiosk.presence(registered.id).inside
    assert not walk_in(kiosk, registered.last_name)


def test_no_it_is_not_me_sends_to_the_staff(screen: Screen, kiosk: Kiosk) -> None:
    registered = next(a for a in kiosk.attendees() if a.email and not a.cancelled)
    screen.submit(first_name=registered.first_name, last_name=registered.last_name, email=registered.email or "",
                  consent=True)
    screen.presenter.ask_staff()
    assert screen.view.said() is Message.ASK_STAFF and screen.back.running_ms == THANKS_MS
    assert not kiosk.presence(registered.id).inside


def test_a_shared_email_alone_is_another_person(screen: Screen, kiosk: Kiosk) -> None:
    registered = next(a for a in kiosk.attendees() if a.email and not a.cancelled)
    answer = screen.submit(first_name="Camille", last_name="Autre-Nom", email=registered.email or "", consent=True)
    assert answer is not None and answer.outcome is Outcome.WELCOME
    assert not kiosk.presence(registered.id).inside and walk_in(kiosk, "Autre-Nom")


def test_name_and_organisation_alone_asks_staff(screen: Screen, kiosk: Kiosk) -> None:
    registered = next(a for a in kiosk.attendees() if a.organisation and not a.cancelled)
    answer = screen.submit(first_name=registered.first_name, last_name=registered.last_name,
                           organisation=registered.organisation or "", consent=True)
    assert answer is not None and answer.outcome is Outcome.ASK_STAFF and screen.view.said() is Message.ASK_STAFF
    assert not kiosk.presence(registered.id).inside


def test_a_workshop_filling_meanwhile_gives_the_same_form_back_with_why(screen: Screen, kiosk: Kiosk) -> None:
    choices = {w.name: w for w in SelfService(kiosk).workshops()}
    for i in range((choices["Se vêtir"].left or 0) - 1):
        kiosk.register(first_name=f"F{i}", last_name="Filler", workshop="Se vêtir")
    screen.view.typed = WalkInForm(first_name="Last", last_name="Seat", workshop="Se vêtir", consent=True)
    kiosk.register(first_name="Other", last_name="Kiosk", workshop="Se vêtir")  # takes the last place meanwhile
    screen.presenter.submit()
    assert screen.presenter.last_answer is not None and screen.presenter.last_answer.outcome is Outcome.WORKSHOP_FULL
    assert screen.view.refilled == [screen.view.typed]
    assert [p.field for p in screen.view.problems[-1]] == [Field.WORKSHOP]
    assert walk_in(kiosk, "Seat") == []


def test_full_venue_offers_the_waiting_list(tmp_path: Path, pin: StaffPin) -> None:
    from kiosk.store import walk_ins

    small = Kiosk.open(tmp_path / "small", device_name="walk-in")
    try:
        small.create_event(Event(id="e1", name="Tiny", capacity=1))
        small.register(first_name="First", last_name="Guest", checkin=True)
        screen = Screen(SelfService(small), pin)
        answer = screen.submit(first_name="Late", last_name="Comer", email="late@example.org", consent=True)
        assert answer is not None and answer.outcome is Outcome.VENUE_FULL and screen.view.said() is Message.VENUE_FULL
        screen.view.typed = WalkInForm()  # the form behind the message does not matter: the submitted one does
        screen.presenter.join_waitlist()
        assert screen.view.said() is Message.WAITLISTED
        [entry] = walk_ins.waitlist(small.conn, "e1")
        assert (entry.first_name, entry.email) == ("Late", "late@example.org")
        assert small.stats().inside == 1 and small.stats().registered == 1
    finally:
        small.close()


def test_a_ticket_checks_in_and_a_refused_one_never_says_why(screen: Screen, kiosk: Kiosk) -> None:
    screen.presenter.ticket("PLUS20-0012")
    guest = kiosk.find("PLUS20-0012")
    welcome = screen.presenter.last_answer
    assert welcome is not None and welcome.outcome is Outcome.WELCOME and kiosk.presence(guest.id).inside
    assert welcome.name == guest.first_name  # the first name only
    cancelled = kiosk.conn.execute("SELECT ticket_code FROM attendees WHERE status = 'cancelled' LIMIT 1").fetchone()[0]
    for code in ("PLUS20-0012", cancelled, "PLUS20-9999"):  # inside, cancelled, unknown: one same message
        screen.presenter.reset()
        screen.presenter.ticket(code)
        assert screen.view.said() is Message.TICKET_REFUSED
        assert screen.presenter.last_answer is not None and screen.presenter.last_answer.name == ""
    assert not kiosk.presence(kiosk.find(cancelled).id).inside


def test_a_ticket_over_the_pin_page_is_ignored(screen: Screen, kiosk: Kiosk) -> None:
    screen.presenter.ask_pin()
    screen.presenter.ticket("PLUS20-0012")
    assert screen.view.messages == [] and not kiosk.presence(kiosk.find("PLUS20-0012").id).inside


def test_leaving_needs_the_pin_and_wrong_pins_lock_out(screen: Screen, pin: StaffPin) -> None:
    screen.presenter.ask_pin()
    assert screen.view.pins_shown == 1 and screen.idle.running_ms == IDLE_MS
    for _ in range(4):
        screen.presenter.try_pin("0000")
    assert screen.view.refusals[-1] == (PinRefusal.WRONG, 0)
    screen.presenter.try_pin("0000")
    assert screen.view.refusals[-1] == (PinRefusal.LOCKED_OUT, 60)
    screen.presenter.try_pin(PIN)  # the right PIN, but locked out
    assert not screen.view.left and screen.view.refusals[-1][0] is PinRefusal.LOCKED_OUT
    pin.clock.t += 61  # type: ignore[attr-defined]
    screen.presenter.try_pin(PIN)
    assert screen.view.left


def test_with_no_pin_set_the_screen_says_how_to_set_one(kiosk: Kiosk, tmp_path: Path) -> None:
    screen = Screen(SelfService(kiosk), StaffPin(tmp_path))
    screen.presenter.try_pin(PIN)
    assert screen.view.refusals == [(PinRefusal.NOT_SET, 0)] and not screen.view.left


def _hold_the_lock(data_dir: Path) -> sqlite3.Connection:
    other = sqlite3.connect(str(data_dir / "kiosk.db"), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # an import's transaction, in another process
    return other


def test_a_walk_in_on_a_busy_database_waits_and_is_recorded_with_what_was_typed(screen: Screen, kiosk: Kiosk,
                                                                                data_dir: Path) -> None:
    kiosk.wait_for_writers(50)  # the window waits 200 ms; shorter here
    other = _hold_the_lock(data_dir)
    try:
        screen.submit(first_name="Inès", last_name="Benali", email="ines@example.org", consent=True)
        assert screen.view.said() is Message.ONE_MOMENT and screen.presenter.last_answer is None
        assert screen.retry.running_ms == RETRY_MS and screen.idle.running_ms is None
        screen.view.typed = WalkInForm()  # what shows meanwhile does not matter: what was typed is kept
        screen.mono.t += 0.25
        screen.presenter.on_retry()  # still busy: waits on, said once
        assert [m for m, _ in screen.view.messages] == [Message.ONE_MOMENT] and walk_in(kiosk, "Benali") == []
    finally:
        other.rollback()
        other.close()
    screen.mono.t += 0.25
    screen.presenter.on_retry()
    assert screen.view.forms_again == 1 and screen.view.said() is Message.WELCOME
    [guest] = walk_in(kiosk, "Benali")
    assert guest.email == "ines@example.org" and kiosk.presence(guest.id).inside


def test_a_walk_in_on_a_database_busy_for_too_long_is_sent_to_the_staff(kiosk: Kiosk, pin: StaffPin,
                                                                       data_dir: Path) -> None:
    screen = Screen(SelfService(kiosk), pin, retry_for_s=0.6)
    kiosk.wait_for_writers(50)
    other = _hold_the_lock(data_dir)
    try:
        screen.submit(first_name="Théo", last_name="Marchal", email="theo@example.org", consent=True)
        screen.mono.t += 0.7
        screen.presenter.on_retry()
    finally:
        other.rollback()
        other.close()
    assert screen.view.said() is Message.NOT_RECORDED and screen.back.running_ms == THANKS_MS
    assert screen.view.forms_again == 0 and walk_in(kiosk, "Marchal") == []


def test_a_reset_while_waiting_forgets_the_walk_in(screen: Screen, kiosk: Kiosk, data_dir: Path) -> None:
    """The screen left alone while busy (or the language switched): nothing is written later."""
    kiosk.wait_for_writers(50)
    other = _hold_the_lock(data_dir)
    try:
        screen.submit(first_name="Gone", last_name="Away", consent=True)
        screen.presenter.reset()
        assert screen.retry.running_ms is None
    finally:
        other.rollback()
        other.close()
    screen.presenter.on_retry()
    assert walk_in(kiosk, "Away") == [] and screen.view.said() is Message.ONE_MOMENT
