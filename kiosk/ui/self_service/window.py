"""The walk-in self-service screen: a locked, full-screen form that registers, checks in and prints.

It holds a ``SelfService`` facade only (register, check in, queue the badge, waiting list), so
nothing of any other guest can reach the screen. Leaving needs the staff PIN: Escape, Alt+F4,
Ctrl+Q and the window manager's close button do nothing. After each guest, and after a minute
untouched, the form is built anew: no residue in any widget.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QTranslator, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.walkin import WalkInForm
from kiosk.service.errors import KioskError, StorageError, StorageKind
from kiosk.service.self_service import Answer, Outcome, SelfService
from kiosk.ui import i18n
from kiosk.ui.fonts import font
from kiosk.ui.presenters.checkin import RETRY_FOR_S, RETRY_MS
from kiosk.ui.self_service.camera_strip import CameraStrip
from kiosk.ui.self_service.form import WalkInFormWidget
from kiosk.ui.wedge_filter import WedgeFilter
from kiosk.ui.widgets.elided_label import ElidedLabel
from kiosk.ui.widgets.plain_label import PlainLabel

log = logging.getLogger(__name__)
THANKS_MS = 8000  # the thank-you screen, then an empty form for the next guest
IDLE_WARNING_S = 15.0  # the warning before the form is cleared for the next guest
ACTIVITY = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.Wheel)

STYLE = """
QWidget#selfService { background: #fafafa; }
QFrame#ssHeader { background: #1b5e20; }
QFrame#ssHeader QLabel { color: white; }
QFrame#ssCamera { background: #e8f5e9; border: 1px solid #c8e6c9; border-radius: 8px; }
QFrame#ssHeader QPushButton { background: rgba(255,255,255,0.2); color: white; border: none; min-height: 48px;
                              padding: 4px 18px; border-radius: 6px; }
QPushButton#primary { background: #1b7f3a; color: white; border: none; padding: 8px 28px; border-radius: 8px; }
QPushButton#primary:disabled { background: #a5d6a7; }
QPushButton { min-height: 56px; padding: 4px 20px; }
QLineEdit, QComboBox { padding: 0 10px; }
"""


class StaffLock(Protocol):
    """The staff PIN (``kiosk.service.pin.StaffPin``: salted scrypt, growing lock-out after five
    wrong tries). ``check`` raises a KioskError while locked out or when no PIN is set."""

    def check(self, pin: str) -> bool: ...
    def locked_for(self) -> float: ...



class MessagePage(QWidget):
    """A big sentence or two and up to two buttons: thank-you, full, confirm, ask staff."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("message page")
        self.title = PlainLabel()
        self.title.setFont(font(40, bold=True))
        self.title.setWordWrap(True)
        self.title.setAccessibleName("message title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = PlainLabel()
        self.body.setFont(font(22))
        self.body.setWordWrap(True)
        self.body.setAccessibleName("message text")
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 40)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addSpacing(20)
        layout.addWidget(self.body)
        layout.addStretch(1)
        layout.addLayout(self.buttons)
        self._buttons: list[QPushButton] = []

    def show_message(self, title: str, body: str, buttons: list[tuple[str, str, Callable[[], None]]]) -> None:
        self.title.setText(title)
        self.body.setText(body)
        for button in self._buttons:
            self.buttons.removeWidget(button)
            button.deleteLater()
        self._buttons = []
        for text, accessible, slot in buttons:
            button = QPushButton(text)
            button.setAccessibleName(accessible)
            button.setFont(font(20, bold=True))
            button.setMinimumHeight(72)
            button.clicked.connect(slot)
            self.buttons.addWidget(button)
            self._buttons.append(button)
        if self._buttons:
            self._buttons[0].setObjectName("primary")
            self._buttons[0].setStyle(self._buttons[0].style())


class PinPage(QWidget):
    entered = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("staff PIN page")
        self.prompt = PlainLabel(self.tr("Staff only: enter the PIN to leave the self-service mode"))
        self.prompt.setFont(font(24, bold=True))
        self.prompt.setWordWrap(True)
        self.pin = QLineEdit()
        self.pin.setAccessibleName("staff PIN")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setFont(font(28))
        self.pin.setMinimumHeight(72)
        self.pin.setMaxLength(32)
        self.pin.returnPressed.connect(lambda: self.entered.emit(self.pin.text()))
        self.status = PlainLabel()
        self.status.setAccessibleName("PIN status")
        self.status.setFont(font(18, bold=True))
        self.status.setStyleSheet("color: #b71c1c;")
        ok = QPushButton(self.tr("Unlock"))
        ok.setAccessibleName("unlock")
        ok.clicked.connect(lambda: self.entered.emit(self.pin.text()))
        back = QPushButton(self.tr("Back to the form"))
        back.setAccessibleName("back to the form")
        back.clicked.connect(self.cancelled.emit)
        row = QHBoxLayout()
        row.addWidget(back)
        row.addStretch(1)
        row.addWidget(ok)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(120, 60, 120, 60)
        layout.addStretch(1)
        for widget in (self.prompt, self.pin, self.status):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(row)


class SelfServiceWindow(QWidget):
    left = Signal()  # staff unlocked it: the caller closes the mode

    def __init__(self, service: SelfService, lock: StaffLock, *, lang: str = "fr", idle_s: float = 60.0,
                 translators: list[QTranslator] | None = None, on_shutdown: Callable[[], object] | None = None,
                 camera: CameraStrip | None = None, parent: QWidget | None = None) -> None:
        """``translators``: those already installed for ``lang`` (the window takes them over to
        switch language); None installs its own. ``on_shutdown``: stops what the caller started
        for it (the print queue). ``camera``: guests may hold up their ticket's QR code (None: the
        handheld scanner only); the window starts and stops it."""
        super().__init__(parent)
        self.camera = camera
        if camera is not None:
            camera.ticket.connect(lambda code: self._on_ticket(code, []))
        self.service, self.lock, self.lang = service, lock, lang
        self.setObjectName("selfService")
        self.setAccessibleName("self-service window")
        self.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
                            | Qt.WindowType.WindowStaysOnTopHint)
        self.setStyleSheet(STYLE)
        self._leaving = False
        self._on_shutdown = on_shutdown
        app = QApplication.instance()
        self._translators = translators if translators is not None else (i18n.install(app, lang) if app else [])
        # Idle: a warning IDLE_WARNING_S before the form is cleared, which any key or touch extends.
        self.warn_s = min(IDLE_WARNING_S, idle_s / 2)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(int((idle_s - self.warn_s) * 1000))
        self.idle.timeout.connect(self._idle_warning)
        self.idle_tick = QTimer(self)
        self.idle_tick.setInterval(1000)
        self.idle_tick.timeout.connect(self._idle_countdown)
        self._idle_left = 0
        self.back_timer = QTimer(self)
        self.back_timer.setSingleShot(True)
        self.back_timer.timeout.connect(self.reset)
        # A submit that found the database busy (an import's transaction, when the window shares the
        # staff window's 200 ms wait for the lock): tried again, as at the door, with what was typed.
        self.busy_timer = QTimer(self)
        self.busy_timer.setSingleShot(True)
        self.busy_timer.timeout.connect(self._submit_again)
        self._waiting: tuple[WalkInForm, bool, float] | None = None
        self.form: WalkInFormWidget | None = None
        self.last_answer: Answer | None = None
        self._build()
        self.wedge = WedgeFilter(self)
        self.wedge.burst.connect(self._on_ticket)
        if app is not None:
            app.installEventFilter(self.wedge)
            app.installEventFilter(self)

    # --- structure ---------------------------------------------------------------------
    def _build(self) -> None:
        """(Re)build every widget in the current language; the typed values are kept."""
        kept = self.form.value() if self.form is not None else None
        old = self.layout()
        if old is not None:
            self._keep_camera()
            QWidget().setLayout(old)  # reparent the old widgets to a throw-away parent: deleted
        header = QFrame()
        header.setObjectName("ssHeader")
        self.event_name = ElidedLabel(self.service.event_name)
        self.event_name.setFont(font(22, bold=True))
        self.event_name.setAccessibleName("event name")
        self.welcome = PlainLabel(self.tr("Welcome! Register here, or scan your ticket."))
        self.welcome.setFont(font(16))
        titles = QVBoxLayout()
        titles.addWidget(self.event_name)
        titles.addWidget(self.welcome)
        self.lang_button = QPushButton("English" if self.lang == "fr" else "Français")
        self.lang_button.setAccessibleName("language")
        self.lang_button.setFont(font(16, bold=True))
        self.lang_button.clicked.connect(self.toggle_language)
        self.help_button = QPushButton(self.tr("Call the team"))
        self.help_button.setAccessibleName("call for help")
        self.help_button.setFont(font(16, bold=True))
        self.help_button.clicked.connect(self.call_for_help)
        self.staff_button = QPushButton(self.tr("Staff"))
        self.staff_button.setAccessibleName("staff")
        self.staff_button.setFont(font(12))
        self.staff_button.clicked.connect(self.ask_pin)
        row = QHBoxLayout(header)
        row.setContentsMargins(24, 10, 24, 10)
        row.addLayout(titles, 1)
        row.addWidget(self.help_button)
        row.addWidget(self.lang_button)
        row.addWidget(self.staff_button)

        self.stack = QStackedWidget()
        self.form = self._new_form(kept)
        self.message = MessagePage()
        self.pin_page = PinPage()
        self.pin_page.entered.connect(self.try_pin)
        self.pin_page.cancelled.connect(self.reset)
        for page in (self.form, self.message, self.pin_page):
            self.stack.addWidget(page)
        self.idle_bar = PlainLabel()
        self.idle_bar.setObjectName("ssIdle")
        self.idle_bar.setFont(font(20, bold=True))
        self.idle_bar.setWordWrap(True)
        self.idle_bar.setAccessibleName("time running out")
        self.idle_bar.setStyleSheet("QLabel#ssIdle { background: #fff3cd; color: #5c3c00; padding: 14px 24px; }")
        self.idle_bar.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(header)
        layout.addWidget(self.idle_bar)
        layout.addWidget(self.stack, 1)
        if self.camera is not None:
            self.camera.retranslate()
        self.stack.setCurrentWidget(self.form)
        self.stack.currentChanged.connect(self._page_changed)

    def _page_changed(self, _index: int) -> None:
        """The camera hands in tickets only while the form shows: not over a message, nor the PIN."""
        if self.camera is not None:
            self.camera.accepting = self.stack.currentWidget() is self.form

    def _keep_camera(self) -> None:
        """Take the camera strip out of a form about to be destroyed: the webcam keeps running."""
        if self.camera is not None:
            self.camera.setParent(self)
            self.camera.hide()

    def start_camera(self) -> None:
        if self.camera is not None:
            self.camera.start()

    def _new_form(self, values: WalkInForm | None = None) -> WalkInFormWidget:
        form = WalkInFormWidget(self.service.categories, self.service.workshops(), self.service.privacy_notice)
        form.setContentsMargins(40, 16, 40, 16)
        form.submitted.connect(self.submit)
        if self.camera is not None:  # beside the button: the form still fits a 720p screen
            form.bottom.insertWidget(0, self.camera, 3, Qt.AlignmentFlag.AlignBottom)
            self.camera.show()
        if values is not None:
            form.fill(values)
        return form

    def _idle_warning(self) -> None:
        """Nobody touched the screen for a while: say the form will be cleared, and when (nothing to lose
        on an empty form: cleared at once)."""
        if self.stack.currentWidget() is self.form and self.form is not None and self.form.value() == WalkInForm():
            self.reset()
            return
        self._idle_left = max(1, round(self.warn_s))
        self._idle_countdown(step=0)
        self.idle_bar.show()
        self.idle_tick.start()

    def _idle_countdown(self, step: int = 1) -> None:
        self._idle_left -= step
        if self._idle_left <= 0:
            self.reset()
            return
        self.idle_bar.setText(self.tr("Still there? This screen clears in %n second(s): touch the screen or press "
                                      "a key to keep it.", "", self._idle_left))

    def _still_there(self) -> None:
        self.idle_tick.stop()
        self.idle_bar.hide()

    def reset(self) -> None:
        """An empty form for the next guest: the old one is destroyed with everything typed in it."""
        self.back_timer.stop()
        self.idle.stop()
        self._still_there()
        self.busy_timer.stop()
        self._waiting = None
        old = self.form
        self.form = self._new_form()
        self.stack.addWidget(self.form)
        self.stack.setCurrentWidget(self.form)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        self.pin_page.pin.clear()
        self.pin_page.status.clear()
        self.last_answer = None
        self.message.show_message("", "", [])
        self.form.first_name.setFocus()

    def toggle_language(self) -> None:
        app = QApplication.instance()
        if app is None:
            return
        i18n.remove(app, self._translators)
        self.lang = "en" if self.lang == "fr" else "fr"
        self._translators = i18n.install(app, self.lang)
        showing_form = self.stack.currentWidget() is self.form
        self._build()
        if not showing_form:
            self.reset()

    # --- the guest's actions -------------------------------------------------------------
    def submit(self, *, confirmed: bool = False) -> None:
        assert self.form is not None
        self._submit(self.form.value(), confirmed, time.monotonic() + RETRY_FOR_S)

    def _submit_again(self) -> None:
        if self._waiting is None or self.form is None:
            return
        form, confirmed, until = self._waiting
        self._waiting = None
        self._submit(form, confirmed, until, again=True)

    def _submit(self, form: WalkInForm, confirmed: bool, until: float, *, again: bool = False) -> None:
        try:
            answer = self.service.submit(form, confirmed=confirmed)
        except StorageError as exc:
            if exc.kind is StorageKind.LOCKED and time.monotonic() < until:
                self._waiting = (form, confirmed, until)
                if not again:
                    self._show(self.tr("One moment…"), self.tr("Your registration is being saved."))
                    self.idle.stop()
                self.busy_timer.start(RETRY_MS)
                return
            log.error("walk-in not recorded: %s", exc)
            self._show(self.tr("Sorry, this did not work"),
                       self.tr("Nothing was recorded. Please ask a member of staff."), back_in_ms=THANKS_MS)
            return
        except KioskError as exc:
            log.warning("walk-in refused: %s", exc)
            self._show(self.tr("Sorry, this did not work"), self.tr("Please ask a member of staff."),
                       back_in_ms=THANKS_MS)
            return
        if again and self.form is not None:  # back from "one moment": the answer may need the form
            self.form.setEnabled(True)
            self.stack.setCurrentWidget(self.form)
        self._answer(answer, form)

    def _answer(self, answer: Answer, form: WalkInForm) -> None:
        self.last_answer = answer
        assert self.form is not None
        if answer.outcome is Outcome.INVALID:
            self.form.show_problems(answer.problems)
            return
        if answer.outcome in (Outcome.WELCOME, Outcome.WELCOME_BACK):
            lines = [self.tr("Workshop: %1").replace("%1", answer.workshop)] if answer.workshop else []
            if answer.badge_queued:
                lines.append(self.tr("Your badge is printing."))
            elif answer.outcome is Outcome.WELCOME_BACK:
                lines.append(self.tr("You are already checked in."))
            self._show(self.tr("Welcome, %1!").replace("%1", answer.name), "\n".join(lines), back_in_ms=THANKS_MS)
        elif answer.outcome is Outcome.CONFIRM:
            self._show(self.tr("You are already registered"),
                       self.tr("Is this you: %1?").replace("%1", answer.name), buttons=[
                           (self.tr("Yes, it is me"), "yes it is me", lambda: self.submit(confirmed=True)),
                           (self.tr("No"), "no it is not me", self._ask_staff)])
        elif answer.outcome is Outcome.ASK_STAFF:
            self._ask_staff()
        elif answer.outcome is Outcome.VENUE_FULL:
            self._show(self.tr("Sorry, the venue is full"),
                       self.tr("Leave your contact on the waiting list: the team will come and get you "
                               "as soon as a place is free."), buttons=[
                           (self.tr("Join the waiting list"), "join the waiting list", lambda: self._waitlist(form)),
                           (self.tr("No thanks"), "no thanks", self.reset)])
        elif answer.outcome is Outcome.WORKSHOP_FULL:
            self._refresh_workshops(form)

    def _ask_staff(self) -> None:
        self._show(self.tr("A member of staff will help you"),
                   self.tr("Please go to the welcome desk: we will finish your registration there."),
                   back_in_ms=THANKS_MS)

    def _waitlist(self, form: WalkInForm) -> None:
        try:
            self.service.join_waitlist(form)
        except KioskError as exc:
            log.warning("waiting list refused: %s", exc)
            self._show(self.tr("Sorry, this did not work"), self.tr("Please ask a member of staff."),
                       back_in_ms=THANKS_MS)
            return
        self._show(self.tr("You are on the waiting list"), self.tr("The team will come and get you."),
                   back_in_ms=THANKS_MS)

    def _refresh_workshops(self, form: WalkInForm) -> None:
        """The workshop filled while the form was open: the same form, places updated, said why."""
        old = self.form
        self.form = self._new_form(form)
        self.stack.addWidget(self.form)
        self.stack.setCurrentWidget(self.form)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        self.form.show_problems(self.service.check(form))

    def _on_ticket(self, raw: str, _alternatives: list[str]) -> None:
        """A guest scans their own QR ticket with the handheld scanner."""
        if self.stack.currentWidget() is self.pin_page:
            return
        try:
            answer = self.service.check_in_ticket(raw)
        except KioskError as exc:
            log.error("self check-in failed: %s", exc)
            self._show(self.tr("Sorry, this did not work"), self.tr("Please ask a member of staff."),
                       back_in_ms=THANKS_MS)
            return
        if answer.outcome is Outcome.TICKET_REFUSED:  # never why: already inside, cancelled, unknown all look alike
            self.last_answer = answer
            self._show(self.tr("Please see the welcome desk"),
                       self.tr("Please go to the welcome desk with your ticket."), back_in_ms=THANKS_MS)
        else:
            self._answer(answer, WalkInForm())

    def _show(self, title: str, body: str, *, buttons: list[tuple[str, str, Callable[[], None]]] | None = None,
              back_in_ms: int | None = None) -> None:
        self.message.show_message(title, body, buttons or [])
        self.stack.setCurrentWidget(self.message)
        if self.form is not None:  # what the guest typed does not wait on screen behind a message
            self.form.setEnabled(False)
        if back_in_ms is not None:
            self.back_timer.start(back_in_ms)
        else:
            self.idle.start()

    def call_for_help(self) -> None:
        """The guest asked for a person: the staff windows sound until someone answers."""
        try:
            self.service.call_for_help()
        except Exception:  # the call could not be stored: said, and the guest is not left waiting for no one
            log.exception("call for help not stored")
            self._show(self.tr("Please go to the welcome desk"),
                       self.tr("The call could not be sent. The team is at the entrance."), back_in_ms=8000)
            return
        self._show(self.tr("Someone is coming"),
                   self.tr("The team has been called and will come to you in a moment."), back_in_ms=10000)

    # --- staff ---------------------------------------------------------------------------------
    def ask_pin(self) -> None:
        self.back_timer.stop()
        self.pin_page.pin.clear()
        self.pin_page.status.clear()
        self.stack.setCurrentWidget(self.pin_page)
        self.pin_page.pin.setFocus()
        self.idle.start()

    def try_pin(self, pin: str) -> None:
        self.pin_page.pin.clear()
        try:
            ok = self.lock.check(pin)
        except KioskError as exc:  # locked out, or no PIN set on this kiosk
            wait = self.lock.locked_for()
            log.warning("staff PIN refused: %s", exc)
            self.pin_page.status.setText(
                self.tr("Too many wrong PINs: wait %1 s.").replace("%1", str(math.ceil(wait))) if wait > 0
                else self.tr("No staff PIN is set on this kiosk: run “kiosk pin set”."))
            return
        if ok:
            self._leaving = True
            self.left.emit()
            self.close()
            return
        wait = self.lock.locked_for()
        self.pin_page.status.setText(
            self.tr("Too many wrong PINs: wait %1 s.").replace("%1", str(math.ceil(wait))) if wait > 0
            else self.tr("Wrong PIN."))

    # --- the lock --------------------------------------------------------------------------------
    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and self.isVisible():
            self._still_there()
            self.idle.start()  # someone is at the screen: the form waits for them
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()  # no way out by keyboard
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._leaving:
            event.ignore()  # Alt+F4, the window manager's close button: the staff PIN is the way out
            return
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        if self.camera is not None:
            self.camera.stop()
        self.idle.stop()
        self.back_timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.wedge)
            app.removeEventFilter(self)
            i18n.remove(app, self._translators)
        self._translators = []
        if self._on_shutdown is not None:
            self._on_shutdown()
            self._on_shutdown = None
