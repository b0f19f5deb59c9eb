"""The walk-in self-service screen: a locked, full-screen form that registers, checks in and prints.

It holds a ``SelfService`` facade only (register, check in, queue the badge, waiting list), so
nothing of any other guest can reach the screen. Leaving needs the staff PIN: Escape, Alt+F4,
Ctrl+Q and the window manager's close button do nothing. After each guest, and after a minute
untouched, the form is built anew: no residue in any widget. The flow (submit, busy retry, outcomes,
tickets, the PIN) is the SelfServicePresenter's (kiosk.ui.presenters.self_service); this window
renders it in words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QTranslator, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.walkin import FormProblem, WalkInForm
from kiosk.service.self_service import Answer, Outcome, SelfService
from kiosk.ui import i18n
from kiosk.ui.fonts import font
from kiosk.ui.presenters.self_service import Message, PinRefusal, SelfServicePresenter, StaffLock
from kiosk.ui.self_service.camera_strip import CameraStrip
from kiosk.ui.self_service.form import WalkInFormWidget
from kiosk.ui.self_service.pages import MessagePage, PinPage
from kiosk.ui.wedge_filter import WedgeFilter
from kiosk.ui.widgets.elided_label import ElidedLabel
from kiosk.ui.widgets.plain_label import PlainLabel

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
        self.service, self.lang = service, lang
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
        idle_ms = int((idle_s - self.warn_s) * 1000)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(idle_ms)
        self.idle_tick = QTimer(self)
        self.idle_tick.setInterval(1000)
        self.idle_tick.timeout.connect(self._idle_countdown)
        self._idle_left = 0
        self.back_timer = QTimer(self)
        self.back_timer.setSingleShot(True)
        # A submit that found the database busy (an import's transaction, when the window shares the
        # staff window's 200 ms wait for the lock): tried again, as at the door, with what was typed.
        self.busy_timer = QTimer(self)
        self.busy_timer.setSingleShot(True)
        self.presenter = SelfServicePresenter(service, lock, self, back_timer=self.back_timer, idle=self.idle,
                                              idle_ms=idle_ms, retry_timer=self.busy_timer)
        self.idle.timeout.connect(self._idle_warning)
        self.back_timer.timeout.connect(self.presenter.reset)
        self.busy_timer.timeout.connect(self.presenter.on_retry)
        if camera is not None:
            camera.ticket.connect(self.presenter.ticket)
        self.form: WalkInFormWidget | None = None
        self._build()
        self.wedge = WedgeFilter(self)
        self.wedge.burst.connect(lambda raw, _alternatives: self.presenter.ticket(raw))
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
        self.help_button.clicked.connect(self.presenter.call_for_help)
        self.staff_button = QPushButton(self.tr("Staff"))
        self.staff_button.setAccessibleName("staff")
        self.staff_button.setFont(font(12))
        self.staff_button.clicked.connect(self.presenter.ask_pin)
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
        self.pin_page.entered.connect(self.presenter.try_pin)
        self.pin_page.cancelled.connect(self.presenter.reset)
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
        form.submitted.connect(lambda: self.presenter.submit())
        if self.camera is not None:  # beside the button: the form still fits a 720p screen
            form.bottom.insertWidget(0, self.camera, 3, Qt.AlignmentFlag.AlignBottom)
            self.camera.show()
        if values is not None:
            form.fill(values)
        return form

    def _replace_form(self, values: WalkInForm | None = None) -> WalkInFormWidget:
        old = self.form
        self.form = self._new_form(values)
        self.stack.addWidget(self.form)
        self.stack.setCurrentWidget(self.form)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        return self.form

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
            self.presenter.reset()

    # --- the view (SelfServiceView): what the presenter shows, in words ---------------------------
    @property
    def last_answer(self) -> Answer | None:
        return self.presenter.last_answer

    def form_value(self) -> WalkInForm:
        assert self.form is not None
        return self.form.value()

    def show_new_form(self) -> None:
        """An empty form for the next guest: the old one is destroyed with everything typed in it."""
        self._still_there()
        form = self._replace_form()
        self.pin_page.pin.clear()
        self.pin_page.status.clear()
        self.message.show_message("", "", [])
        form.first_name.setFocus()

    def show_form_again(self) -> None:
        if self.form is not None:
            self.form.setEnabled(True)
            self.stack.setCurrentWidget(self.form)

    def refill_form(self, values: WalkInForm, problems: Sequence[FormProblem]) -> None:
        """The same form built anew (the workshops' places updated), with what is wrong said."""
        self._replace_form(values).show_problems(list(problems))

    def show_problems(self, problems: Sequence[FormProblem]) -> None:
        if self.form is not None:
            self.form.show_problems(list(problems))

    def show_message(self, message: Message, answer: Answer | None) -> None:
        title, body, buttons = self._words(message, answer)
        self.message.show_message(title, body, buttons)
        self.stack.setCurrentWidget(self.message)
        if self.form is not None:  # what the guest typed does not wait on screen behind a message
            self.form.setEnabled(False)

    def _words(self, message: Message, answer: Answer | None
               ) -> tuple[str, str, list[tuple[str, str, Callable[[], None]]]]:
        name = answer.name if answer is not None else ""
        if message is Message.WELCOME:
            lines = [self.tr("Workshop: %1").replace("%1", answer.workshop)] if answer and answer.workshop else []
            if answer is not None and answer.badge_queued:
                lines.append(self.tr("Your badge is printing."))
            elif answer is not None and answer.outcome is Outcome.WELCOME_BACK:
                lines.append(self.tr("You are already checked in."))
            return self.tr("Welcome, %1!").replace("%1", name), "\n".join(lines), []
        if message is Message.CONFIRM:
            return self.tr("You are already registered"), self.tr("Is this you: %1?").replace("%1", name), [
                (self.tr("Yes, it is me"), "yes it is me", lambda: self.presenter.submit(confirmed=True)),
                (self.tr("No"), "no it is not me", self.presenter.ask_staff)]
        if message is Message.VENUE_FULL:
            return self.tr("Sorry, the venue is full"), self.tr(
                "Leave your contact on the waiting list: the team will come and get you "
                "as soon as a place is free."), [
                (self.tr("Join the waiting list"), "join the waiting list", self.presenter.join_waitlist),
                (self.tr("No thanks"), "no thanks", self.presenter.reset)]
        title, body = self._plain_words().get(
            message, (self.tr("Sorry, this did not work"), self.tr("Please ask a member of staff.")))  # FAILED
        return title, body, []

    def _plain_words(self) -> dict[Message, tuple[str, str]]:
        """The messages with no name and no button: (title, body)."""
        return {
            Message.ONE_MOMENT: (self.tr("One moment…"), self.tr("Your registration is being saved.")),
            Message.NOT_RECORDED: (self.tr("Sorry, this did not work"),
                                   self.tr("Nothing was recorded. Please ask a member of staff.")),
            Message.ASK_STAFF: (self.tr("A member of staff will help you"),
                                self.tr("Please go to the welcome desk: we will finish your registration there.")),
            Message.WAITLISTED: (self.tr("You are on the waiting list"), self.tr("The team will come and get you.")),
            Message.HELP_COMING: (self.tr("Someone is coming"),
                                  self.tr("The team has been called and will come to you in a moment.")),
            Message.HELP_FAILED: (self.tr("Please go to the welcome desk"),
                                  self.tr("The call could not be sent. The team is at the entrance.")),
            Message.TICKET_REFUSED: (self.tr("Please see the welcome desk"),
                                     self.tr("Please go to the welcome desk with your ticket.")),
        }

    def show_pin(self) -> None:
        self.pin_page.pin.clear()
        self.pin_page.status.clear()
        self.stack.setCurrentWidget(self.pin_page)
        self.pin_page.pin.setFocus()

    def clear_pin(self) -> None:
        self.pin_page.pin.clear()

    def show_pin_refusal(self, refusal: PinRefusal, wait_s: int) -> None:
        self.pin_page.status.setText(
            self.tr("Too many wrong PINs: wait %1 s.").replace("%1", str(wait_s)) if refusal is PinRefusal.LOCKED_OUT
            else self.tr("No staff PIN is set on this kiosk: run “kiosk pin set”.") if refusal is PinRefusal.NOT_SET
            else self.tr("Wrong PIN."))

    def leave(self) -> None:
        """The staff PIN was right: the caller closes the mode."""
        self._leaving = True
        self.left.emit()
        self.close()

    # --- idle: warned, then cleared ---------------------------------------------------------------
    def _idle_warning(self) -> None:
        """Nobody touched the screen for a while: say the form will be cleared, and when (nothing to lose
        on an empty form: cleared at once)."""
        if self.stack.currentWidget() is self.form and self.form is not None and self.form.value() == WalkInForm():
            self.presenter.reset()
            return
        self._idle_left = max(1, round(self.warn_s))
        self._idle_countdown(step=0)
        self.idle_bar.show()
        self.idle_tick.start()

    def _idle_countdown(self, step: int = 1) -> None:
        self._idle_left -= step
        if self._idle_left <= 0:
            self.presenter.reset()
            return
        self.idle_bar.setText(self.tr("Still there? This screen clears in %n second(s): touch the screen or press "
                                      "a key to keep it.", "", self._idle_left))

    def _still_there(self) -> None:
        self.idle_tick.stop()
        self.idle_bar.hide()

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
        self.idle_tick.stop()
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
