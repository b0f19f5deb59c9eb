"""The full-width verdict panel: colour + icon + words, the guest's name large.

It renders a VerdictState from the presenter and emits what staff asked for; it decides nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.domain.model import Direction, Verdict
from kiosk.service.errors import StorageKind
from kiosk.ui import theme
from kiosk.ui.fonts import font
from kiosk.ui.presenters.checkin import FailureState, VerdictState
from kiosk.ui.widgets.elided_label import ElidedLabel
from kiosk.ui.widgets.icons import IconWidget

_SEPARATOR = "  ·  "


class VerdictPanel(QFrame):
    overrideRequested = Signal()
    searchRequested = Signal()
    printRequested = Signal()

    def __init__(self, parent: QWidget | None = None, *, min_height: int = 176) -> None:
        super().__init__(parent)
        self.verdict: Verdict | None = None  # None: ready
        self.setObjectName("verdictPanel")
        self.setAccessibleName("verdict panel")
        # The page sets the height from the window's (never from the text): it must not jump
        # between verdicts, and must leave the code field on screen from 720 px up.
        self._target_height = min_height
        self.setMinimumHeight(min_height)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setAutoFillBackground(True)

        self.icon = IconWidget(130)
        self.title = ElidedLabel()
        self.title.setFont(font(theme.TITLE_PT, bold=True))
        self.title.setAccessibleName("verdict title")
        self.name = ElidedLabel()
        self.name.setFont(font(theme.NAME_PT, bold=True))
        self.name.setAccessibleName("guest name")
        self.details = ElidedLabel()
        self.details.setFont(font(theme.DETAIL_PT))
        self.details.setAccessibleName("guest details")
        self.hint = ElidedLabel()
        self.hint.setFont(font(theme.DETAIL_PT, bold=True))
        self.hint.setAccessibleName("verdict hint")
        self.camera_available = True  # the ready text asks for the camera only when there is one
        self._about: list[str] = []  # organisation, category, workshop, badge: what the details line says

        self.override_button = self._button(self.tr("Let in anyway"), "let in anyway", self.overrideRequested)
        self.search_button = self._button(self.tr("Search by name"), "search by name", self.searchRequested)
        self.print_button = self._button(self.tr("Print badge"), "print badge", self.printRequested)
        self.printing_available = False

        text = QVBoxLayout()
        text.setSpacing(4)
        for label in (self.title, self.name, self.details, self.hint):
            text.addWidget(label)
        text.addStretch(1)
        buttons = QVBoxLayout()
        buttons.addStretch(1)
        for button in (self.override_button, self.search_button, self.print_button):
            buttons.addWidget(button)
        row = QHBoxLayout(self)
        row.setContentsMargins(28, 14, 28, 14)
        row.setSpacing(28)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(text, 1)
        row.addLayout(buttons)
        self.show_ready(Direction.ENTRY)

    def set_target_height(self, height: int) -> None:
        if height != self._target_height:
            self._target_height = height
            self.updateGeometry()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._target_height)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.minimumHeight())

    def _text_width(self) -> int:
        """Room for one line of text: the panel minus icon, visible buttons and margins."""
        buttons = max((b.sizeHint().width() for b in (self.override_button, self.search_button,
                                                        self.print_button) if not b.isHidden()), default=0)
        return max(200, self.width() - self.icon.width() - buttons - 28 * 4)

    def _fit(self) -> None:
        """Scale the type with the panel's height, then shrink the title and the name (never below
        60 %) so a long name stays on one line; what still does not fit is elided, never widening."""
        width = self._text_width()
        scale = min(1.0, max(0.7, self.height() / 250))
        for label, full in ((self.title, theme.TITLE_PT), (self.name, theme.NAME_PT)):
            points = int(full * scale)
            sized = font(points, bold=True)
            while points > int(0.6 * full * scale) and QFontMetrics(sized).horizontalAdvance(label.full_text) > width:
                points -= 2
                sized.setPointSize(points)
            label.setFont(sized)
        for label, full in ((self.details, theme.DETAIL_PT), (self.hint, theme.DETAIL_PT)):
            label.setFont(font(max(12, int(full * scale)), bold=label is self.hint))
        if self._about:
            self._say_about(width)
        layout = self.layout()
        if layout is not None:
            layout.activate()  # new fonts, new line heights: lay out now, not at the next paint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _say_about(self, width: int) -> None:
        """The details line with the organisation shortened first: a long organisation must not push
        the category and the workshop (what staff act on) off the panel. The whole line on hover."""
        metrics = QFontMetrics(self.details.font())
        whole = _SEPARATOR.join(self._about)
        if metrics.horizontalAdvance(whole) <= width or len(self._about) < 2:
            self.details.setText(whole)
            return
        rest = _SEPARATOR + _SEPARATOR.join(self._about[1:])
        room = max(width - metrics.horizontalAdvance(rest), metrics.horizontalAdvance("MMMM…"))
        self.details.setText(metrics.elidedText(self._about[0], Qt.TextElideMode.ElideRight, room) + rest)
        self.details.setToolTip(whole)

    def _button(self, text: str, accessible: str, signal: SignalInstance) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        button.setMinimumWidth(230)
        button.setFont(font(16, bold=True))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # never stolen by the Enter of a scanner burst
        button.clicked.connect(lambda: signal.emit())
        button.hide()
        return button

    def _paint(self, look: theme.Look) -> None:
        self.setStyleSheet(
            f"QFrame#verdictPanel {{ background: {look.background}; border-radius: 10px; }}"
            f" QFrame#verdictPanel QLabel {{ color: {look.foreground}; background: transparent; }}"
            " QFrame#verdictPanel QPushButton { background: #ffffff; color: #212121; border: none; }"
            " QFrame#verdictPanel QPushButton:hover { background: #eceff1; }"
        )
        self.icon.set_icon(look.icon, look.foreground)

    def show_ready(self, direction: Direction) -> None:
        self.verdict = None
        self._about = []
        self.failure: FailureState | None = None
        self._paint(theme.ready_look(direction))
        if direction is Direction.EXIT:
            self.title.setText(self.tr("EXIT — ready to scan"))
            self.name.setText(self.tr("Scan guests who are leaving"))
        elif self.camera_available:
            self.title.setText(self.tr("Ready to scan"))
            self.name.setText(self.tr("Show your QR code to the camera"))
        else:
            self.title.setText(self.tr("Ready to scan"))
            self.name.setText(self.tr("Scan your QR code with the scanner"))
        self.details.setText(self.tr("Or use the handheld scanner, or type the code below.") if self.camera_available
                             else self.tr("Or type the code below, or search the guest by name (Ctrl+F)."))
        self.hint.clear()
        for button in (self.override_button, self.search_button, self.print_button):
            button.hide()
        self._fit()

    def show_verdict(self, state: VerdictState) -> None:
        self.verdict = state.verdict
        self.failure = None
        self._paint(theme.VERDICT_LOOKS[state.verdict])
        self.title.setText(self.tr("Let in by staff") if state.overridden else self._title(state.verdict))
        attendee = state.attendee
        self.name.setText(attendee.full_name if attendee else "")
        parts = [p for p in (attendee.organisation, attendee.category, attendee.workshop) if p] if attendee else []
        if attendee is None and state.verdict in (Verdict.UNKNOWN, Verdict.INVALID, Verdict.WRONG_EVENT):
            parts = [self.tr("Code: %1").replace("%1", state.code[:60])]
        if state.badge_printed is not None:  # here or at another door (pulled from the hub)
            parts.append(self.tr("Badge printed (%1, %2)").replace("%1", state.badge_printed[0])
                         .replace("%2", state.badge_printed[1]))
        self._about = parts if attendee is not None and attendee.organisation else []
        self.details.setText(_SEPARATOR.join(parts))
        self.hint.setText(self._hint(state))
        self.override_button.setVisible(state.can_override and not state.overridden)
        self.search_button.setVisible(state.verdict in (Verdict.UNKNOWN, Verdict.INVALID, Verdict.WRONG_EVENT))
        self.print_button.setVisible(
            self.printing_available and attendee is not None
            and state.verdict in (Verdict.ACCEPTED, Verdict.ALREADY_CHECKED_IN))
        self._fit()

    def show_failure(self, state: FailureState) -> None:
        """Not recorded: the kiosk's fault, said plainly, with what to do now."""
        self.verdict = None
        self._about = []
        self.failure = state
        self._paint(theme.NOT_RECORDED_LOOK)
        reasons = {
            StorageKind.LOCKED: self.tr("the database is busy (an import is running?)"),
            StorageKind.FULL: self.tr("the disk is full"),
            StorageKind.READONLY: self.tr("the database cannot be written (read-only)"),
            StorageKind.CORRUPT: self.tr("the database file is damaged"),
            StorageKind.UNAVAILABLE: self.tr("the database cannot be written"),
        }
        if state.retrying:  # the presenter tries again by itself: the guest waits a moment, nobody rescans
            self.title.setText(self.tr("One moment — %1").replace("%1", reasons[state.kind]))
            self.name.setText(self.tr("Do not scan again: recorded as soon as it is free"))
            self.details.setText(self.tr("Code: %1").replace("%1", state.code[:60]))
            self.hint.setText("")
            for button in (self.override_button, self.search_button, self.print_button):
                button.hide()
            self._fit()
            return
        self.title.setText(self.tr("Not recorded — %1").replace("%1", reasons[state.kind]))
        if state.kind is StorageKind.CORRUPT:
            self.name.setText(self.tr("Call the organiser"))
            self.details.setText(state.detail[:120])
            self.hint.setText(self.tr("Keep a copy of kiosk.db and follow “Recovery” in the organiser's guide."))
        else:
            self.name.setText(self.tr("Scan again"))
            self.details.setText(self.tr("Code: %1").replace("%1", state.code[:60]))
            self.hint.setText(self.tr("Nothing was written. If it happens again, call the organiser."))
        for button in (self.override_button, self.search_button, self.print_button):
            button.hide()
        self.search_button.show()
        self._fit()

    def _title(self, verdict: Verdict) -> str:
        titles = {
            Verdict.ACCEPTED: self.tr("Welcome"),
            Verdict.EXIT_RECORDED: self.tr("Exit recorded"),
            Verdict.ALREADY_CHECKED_IN: self.tr("Already checked in"),
            Verdict.NOT_INSIDE: self.tr("Not inside"),
            Verdict.UNKNOWN: self.tr("Unknown ticket"),
            Verdict.CANCELLED: self.tr("Cancelled ticket"),
            Verdict.INVALID: self.tr("Unreadable or forged code"),
            Verdict.WRONG_EVENT: self.tr("Ticket for another event"),
        }
        return titles[verdict]

    def _hint(self, state: VerdictState) -> str:
        if state.overridden:
            return self.tr("Entry recorded with your reason.")
        if state.verdict is Verdict.ALREADY_CHECKED_IN:
            return (self.tr("First entry at %1 at kiosk “%2”.")
                    .replace("%1", state.first_entry_local or "?").replace("%2", state.first_entry_device or "?"))
        hints = {
            Verdict.NOT_INSIDE: self.tr("No entry recorded for this guest: nothing to record."),
            Verdict.UNKNOWN: self.tr("No guest with this code. Search the guest by name."),
            Verdict.CANCELLED: self.tr("This registration was cancelled. Send the guest to the welcome desk."),
            Verdict.INVALID: self.tr("Ask for another ticket, or search the guest by name."),
            Verdict.WRONG_EVENT: self.tr("Ask for the right ticket, or search the guest by name."),
        }
        return hints.get(state.verdict, "")
