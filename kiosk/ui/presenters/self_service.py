"""The walk-in self-service flow, as plain Python: submit, busy retry, outcomes, tickets, the PIN.

The presenter decides what the screen shows next and for how long; the window
(kiosk.ui.self_service.window) only renders it in words through a narrow view interface. It holds the
``SelfService`` facade, never the Kiosk, and no Qt: its tests need no widget.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Protocol

from kiosk.domain.walkin import FormProblem, WalkInForm
from kiosk.service.errors import KioskError
from kiosk.service.self_service import Answer, Outcome, SelfService
from kiosk.ui.presenters.busy_retry import RETRY_FOR_S, BusyRetry, Timer, is_storage_fault

log = logging.getLogger(__name__)
THANKS_MS = 8000  # the thank-you screen, then an empty form for the next guest


class Message(StrEnum):
    """What the message page says; the view turns it into translated words and buttons."""

    ONE_MOMENT = "one_moment"  # the database is busy: the registration waits for it
    NOT_RECORDED = "not_recorded"  # a fault of the storage: nothing was recorded, ask staff
    FAILED = "failed"  # refused: ask staff
    WELCOME = "welcome"  # also "welcome back" (the Answer tells which)
    CONFIRM = "confirm"  # "is this you?": yes (confirm) / no (ask staff)
    ASK_STAFF = "ask_staff"
    VENUE_FULL = "venue_full"  # join the waiting list / no thanks
    WAITLISTED = "waitlisted"
    TICKET_REFUSED = "ticket_refused"  # never why
    HELP_COMING = "help_coming"  # "Call the team": the staff windows sound until someone answers
    HELP_FAILED = "help_failed"  # the call could not be stored: go to the desk


class PinRefusal(StrEnum):
    WRONG = "wrong"
    LOCKED_OUT = "locked_out"  # too many wrong PINs: wait
    NOT_SET = "not_set"  # no staff PIN on this kiosk


class Page(StrEnum):
    FORM = "form"
    MESSAGE = "message"
    PIN = "pin"


class StaffLock(Protocol):
    """The staff PIN (``kiosk.service.pin.StaffPin``: salted scrypt, growing lock-out after five
    wrong tries). ``check`` raises a KioskError while locked out or when no PIN is set."""

    def check(self, pin: str) -> bool: ...
    def locked_for(self) -> float: ...


class SelfServiceView(Protocol):
    """What the presenter needs from the screen."""

    def form_value(self) -> WalkInForm: ...
    def show_new_form(self) -> None: ...  # an empty form for the next guest: nothing of the last one stays
    def show_form_again(self) -> None: ...  # back from "one moment": the same form, usable
    def refill_form(self, values: WalkInForm, problems: Sequence[FormProblem]) -> None: ...
    def show_problems(self, problems: Sequence[FormProblem]) -> None: ...
    def show_message(self, message: Message, answer: Answer | None) -> None: ...
    def show_pin(self) -> None: ...
    def clear_pin(self) -> None: ...
    def show_pin_refusal(self, refusal: PinRefusal, wait_s: int) -> None: ...
    def leave(self) -> None: ...


class SelfServicePresenter:
    """Form -> (one moment ->) message -> (thank-you timeout | idle | button) -> a new form.

    ``back_timer``: how long a thank-you or a refusal stays; ``idle``: a screen left untouched for
    ``idle_ms`` is reset (the view restarts it on any activity); ``retry_timer``: a submit waiting for
    a busy database. All three call back: back_timer and idle ``reset``, retry_timer ``on_retry``."""

    def __init__(self, service: SelfService, lock: StaffLock, view: SelfServiceView, *, back_timer: Timer,
                 idle: Timer, idle_ms: int, retry_timer: Timer, monotonic: Callable[[], float] = time.monotonic,
                 retry_for_s: float = RETRY_FOR_S) -> None:
        self.service, self.lock, self.view = service, lock, view
        self.back_timer, self.idle, self.idle_ms = back_timer, idle, idle_ms
        self.retry = BusyRetry(retry_timer, monotonic=monotonic, retry_for_s=retry_for_s)
        self.page = Page.FORM
        self.last_answer: Answer | None = None
        self._answered: WalkInForm = WalkInForm()  # the form the last answer was for (the waiting list)
        self._waited = False  # the submit in hand waited for the database ("one moment" shows)

    def reset(self) -> None:
        """An empty form for the next guest: the old one is destroyed with everything typed in it."""
        self.back_timer.stop()
        self.idle.stop()
        self.retry.clear()
        self._waited = False
        self.page = Page.FORM
        self.last_answer = None
        self.view.show_new_form()

    # --- the guest's actions -------------------------------------------------------------
    def submit(self, *, confirmed: bool = False) -> None:
        """The form as typed (``confirmed``: "yes, it is me" after CONFIRM)."""
        form = self.view.form_value()
        waiting = self.retry.run("walk-in", lambda: self.service.submit(form, confirmed=confirmed),
                                 lambda answer: self._submitted(answer, form), self._not_submitted)
        if waiting is None and not self._waited:
            self._waited = True
            self._say(Message.ONE_MOMENT, thanks=False)
            self.idle.stop()

    def on_retry(self) -> None:
        self.retry.on_timer()

    def _submitted(self, answer: Answer, form: WalkInForm) -> None:
        if self._waited:  # back from "one moment": the answer may need the form
            self._waited = False
            self.page = Page.FORM
            self.view.show_form_again()
        self._answer(answer, form)

    def _not_submitted(self, exc: BaseException) -> None:
        self._waited = False
        if is_storage_fault(exc):
            log.error("walk-in not recorded: %s", exc)
            self._say(Message.NOT_RECORDED)
        else:
            log.warning("walk-in refused: %s", exc)
            self._say(Message.FAILED)

    def _answer(self, answer: Answer, form: WalkInForm) -> None:
        self.last_answer, self._answered = answer, form
        if answer.outcome is Outcome.INVALID:
            self.view.show_problems(answer.problems)
        elif answer.outcome in (Outcome.WELCOME, Outcome.WELCOME_BACK):
            self._say(Message.WELCOME, answer)
        elif answer.outcome is Outcome.CONFIRM:
            self._say(Message.CONFIRM, answer, thanks=False)
        elif answer.outcome is Outcome.ASK_STAFF:
            self.ask_staff()
        elif answer.outcome is Outcome.VENUE_FULL:
            self._say(Message.VENUE_FULL, answer, thanks=False)
        elif answer.outcome is Outcome.WORKSHOP_FULL:
            # The workshop filled while the form was open: the same form, places updated, said why.
            self.view.refill_form(form, self.service.check(form))

    def ask_staff(self) -> None:
        self._say(Message.ASK_STAFF)

    def join_waitlist(self) -> None:
        """After VENUE_FULL: the guest leaves their contact (the form they submitted)."""
        try:
            self.service.join_waitlist(self._answered)
        except KioskError as exc:
            log.warning("waiting list refused: %s", exc)
            self._say(Message.FAILED)
            return
        self._say(Message.WAITLISTED)

    def ticket(self, raw: str) -> None:
        """A guest scans their own QR ticket (the handheld scanner or the camera)."""
        if self.page is Page.PIN:
            return
        try:
            answer = self.service.check_in_ticket(raw)
        except KioskError as exc:
            log.error("self check-in failed: %s", exc)
            self._say(Message.FAILED)
            return
        if answer.outcome is Outcome.TICKET_REFUSED:  # never why: already inside, cancelled, unknown all look alike
            self.last_answer = answer
            self._say(Message.TICKET_REFUSED, answer)
        else:
            self._answer(answer, WalkInForm())

    def _say(self, message: Message, answer: Answer | None = None, *, thanks: bool = True) -> None:
        """The message page; ``thanks``: it goes back to a new form after THANKS_MS, else it waits
        for the guest (reset when left untouched)."""
        self.page = Page.MESSAGE
        self.view.show_message(message, answer)
        if thanks:
            self.back_timer.start(THANKS_MS)
        else:
            self.idle.start(self.idle_ms)

    def call_for_help(self) -> None:
        """The guest asked for a person: every staff window shows and sounds it until one answers."""
        try:
            self.service.call_for_help()
        except Exception:  # the call could not be stored: the guest is sent to the desk, never left waiting
            log.exception("call for help not stored")
            self._say(Message.HELP_FAILED)
            return
        self._say(Message.HELP_COMING)

    # --- staff ---------------------------------------------------------------------------------
    def ask_pin(self) -> None:
        self.back_timer.stop()
        self.page = Page.PIN
        self.view.show_pin()
        self.idle.start(self.idle_ms)

    def try_pin(self, pin: str) -> None:
        self.view.clear_pin()
        try:
            ok = self.lock.check(pin)
        except KioskError as exc:  # locked out, or no PIN set on this kiosk
            wait = self.lock.locked_for()
            log.warning("staff PIN refused: %s", exc)
            self.view.show_pin_refusal(PinRefusal.LOCKED_OUT if wait > 0 else PinRefusal.NOT_SET, math.ceil(wait))
            return
        if ok:
            self.view.leave()
            return
        wait = self.lock.locked_for()
        self.view.show_pin_refusal(PinRefusal.LOCKED_OUT if wait > 0 else PinRefusal.WRONG, math.ceil(wait))
