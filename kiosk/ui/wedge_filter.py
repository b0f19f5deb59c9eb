"""Handheld scanners type codes as a keyboard ("wedge"): catch their bursts anywhere in the window.

An application-wide event filter holds each printable key press back for a few tens of
milliseconds and feeds it, with its real arrival time, to the domain's BurstDetector. Keys that
turn out to be a scanner burst are consumed and become one code; keys typed by a person are
replayed, in order, to the widget they were meant for (so fields still work, ~50 ms later).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.domain.wedge import BurstDetector, candidates

_TERMINATOR_KEYS = {Qt.Key.Key_Return: "\n", Qt.Key.Key_Enter: "\n", Qt.Key.Key_Tab: "\t"}
_BLOCKING_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier \
    | Qt.KeyboardModifier.MetaModifier


@dataclass
class _Held:
    receiver: QObject
    event: QKeyEvent


class WedgeFilter(QObject):
    """Install on the QApplication; ``burst`` carries (raw text, alternative readings)."""

    burst = Signal(str, list)

    def __init__(self, window: QWidget, detector: BurstDetector | None = None,
                 clock: Callable[[], float] = time.monotonic, hold_ms: int | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.detector = detector or BurstDetector()
        self.clock = clock
        # hold keys a little longer than the detector's burst gap before deciding "a person typed"
        self.hold_ms = hold_ms if hold_ms is not None else int(self.detector.max_gap * 1000) + 30
        self._held: list[_Held] = []
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._gap_elapsed)
        self.enabled = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or not self.enabled or event.type() != QEvent.Type.KeyPress:
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False  # dialogs (override reason...) get their keys untouched
        assert isinstance(event, QKeyEvent)
        if event.modifiers() & _BLOCKING_MODIFIERS:
            return False  # shortcuts
        now = self.clock()
        terminator = _TERMINATOR_KEYS.get(Qt.Key(event.key()))
        if terminator is not None:
            if not self._held:
                return False
            code = self.detector.feed(terminator, now)
            if code:
                self._consume(code)
                return True
            self._replay()
            return False
        text = event.text()
        if len(text) != 1 or not text.isprintable():
            if self._held:
                self._finish(now)
            return False
        code = self.detector.feed(text, now)
        self._held.append(_Held(watched, QKeyEvent(event.type(), event.key(), event.modifiers(), text,
                                                   event.isAutoRepeat(), event.count())))
        if code:
            self._consume(code)
        else:
            self._timer.start(self.hold_ms)
        return True

    def _gap_elapsed(self) -> None:
        self._finish(self.clock())

    def _finish(self, now: float) -> None:
        """A pause after the held keys: a burst without Enter suffix, or a person typing."""
        code = self.detector.flush(now)
        if code:
            self._consume(code)
        else:
            self._replay()

    def _consume(self, code: str) -> None:
        self._timer.stop()
        self._held.clear()
        readings = candidates(code)
        raw, alternatives = readings[0], [c for c in readings[1:] if c != readings[0]]
        self.burst.emit(raw, alternatives)

    def _replay(self) -> None:
        """Deliver held keys to their widgets, in order, bypassing this filter."""
        self._timer.stop()
        held, self._held = self._held, []
        self._replaying = True
        try:
            for item in held:
                target: Any = QApplication.focusWidget() or item.receiver
                QCoreApplication.sendEvent(target, item.event)
        finally:
            self._replaying = False
        self.detector.reset()
