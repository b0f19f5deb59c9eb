"""Calls for help from a walk-in screen, at the staff window: a red bar on top of every page and a
sound every HELP_SOUND_EVERY_S until someone here (or at another door, through the hub) answers."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from kiosk.service import Kiosk, KioskError, help_calls
from kiosk.ui.sounds import SoundPlayer
from kiosk.ui.widgets.help_alert import HelpAlertBar

log = logging.getLogger(__name__)
HELP_POLL_MS = 1500  # how soon a call (this laptop's, or pulled from another door) is shown: one indexed query
HELP_SOUND_EVERY_S = 8.0  # the call sounds again this often until someone answers


class HelpCalls(QObject):
    def __init__(self, kiosk: Kiosk, sounds: SoundPlayer, *, staff: Callable[[], str | None],
                 monotonic: Callable[[], float] = time.monotonic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kiosk, self.sounds, self._staff, self._monotonic = kiosk, sounds, staff, monotonic
        self.bar = HelpAlertBar()
        self.bar.answered.connect(self.answer)
        self._sounded = 0.0
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(HELP_POLL_MS)

    def check(self) -> None:
        try:
            calls = help_calls.open_calls(self.kiosk)
        except KioskError:
            return
        self.bar.show_calls(calls)
        now = self._monotonic()
        if calls and now - self._sounded >= HELP_SOUND_EVERY_S:
            self._sounded = now
            self.sounds.play_named("warning")
        elif not calls:
            self._sounded = 0.0

    def answer(self, call_id: str) -> None:
        try:
            help_calls.answer(self.kiosk, call_id, self._staff())
        except KioskError as exc:  # answered meanwhile at another door: the bar just updates
            log.warning("call for help not answered: %s", exc)
        self.check()

    def stop(self) -> None:
        self.timer.stop()
