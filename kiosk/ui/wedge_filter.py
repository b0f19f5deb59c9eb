"""Handheld scanners type codes as a keyboard ("wedge"): catch their bursts anywhere in the window.

An application-wide event filter holds each printable key press back for a few tens of
milliseconds and feeds it, with the time it was typed, to the domain's BurstDetector. Keys that
turn out to be a scanner burst are consumed and become one code; keys typed by a person are
replayed, in order, to the widget they were meant for (so fields still work, ~80 ms later).

The time a key was typed is the key event's own timestamp (the X server's, or the platform's, in
ms), not the moment Qt hands it over: on a busy laptop the event loop delivers a person's keys typed
80 ms apart in a clump a few ms apart, which measured as a scanner's burst. Events without a
timestamp (synthetic ones) fall back to the clock at delivery.

A scanner is a keyboard like any other: it presses Shift around every capital (and around every
digit on an AZERTY layout), some add AltGr, dead keys or a Tab suffix. Presses and releases of such
keys carry no text and must never end a burst; only a key that means something else (an arrow,
Backspace, a function key) tells that a person is at the keyboard. Every window of the application
is watched (dialogs included) so a code scanned while a dialog has the focus arrives whole, once.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from kiosk.domain.wedge import BurstDetector, candidates

_TERMINATOR_KEYS = {Qt.Key.Key_Return.value: "\n", Qt.Key.Key_Enter.value: "\n", Qt.Key.Key_Tab.value: "\t"}
_BLOCKING_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier \
    | Qt.KeyboardModifier.MetaModifier
# Keys that only change what the next key types: they never end (nor start) a burst.
_TRANSPARENT_KEYS = frozenset(k.value for k in (
    Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta,
    Qt.Key.Key_Super_L, Qt.Key.Key_Super_R, Qt.Key.Key_Hyper_L, Qt.Key.Key_Hyper_R, Qt.Key.Key_CapsLock,
    Qt.Key.Key_NumLock, Qt.Key.Key_ScrollLock, Qt.Key.Key_Mode_switch,
))
_DEAD_KEYS = range(Qt.Key.Key_Dead_Grave.value, Qt.Key.Key_Dead_Longsolidusoverlay.value + 1)


def is_transparent(key: int) -> bool:
    """Modifiers, lock keys and dead keys: part of how a character is typed, not a character."""
    return key in _TRANSPARENT_KEYS or key in _DEAD_KEYS


_WATCHED = (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
READS_SCANS = "kioskReadsScans"  # a window with this property true gets a scanner's keys as typed


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
        self._last_typed = 0.0  # when the last held key was typed (event time base, seconds)
        self._last_seen = 0.0  # self.clock() when that key was delivered

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self._replaying or not self.enabled or kind not in _WATCHED:
            return False
        if not isinstance(watched, QWidget) or not self._watches(watched):
            return False
        assert isinstance(event, QKeyEvent)
        if kind == QEvent.Type.ShortcutOverride:
            # A held burst owns its keys: no shortcut may fire on one of them (mnemonics, menus).
            if self._held and len(event.text()) == 1 and not event.modifiers() & _BLOCKING_MODIFIERS:
                event.accept()
                return True
            return False
        if is_transparent(event.key()):
            if kind == QEvent.Type.KeyPress and not event.isAutoRepeat():
                self.detector.press(self._typed_at(event))  # a scanner's Shift paces its burst too
            return False  # Shift/AltGr/dead keys around a scanner's characters: the burst goes on
        if event.modifiers() & _BLOCKING_MODIFIERS:
            return False  # shortcuts
        return self._key_press(watched, event)

    def _watches(self, widget: QWidget) -> bool:
        """The main window and every window it owns (dialogs, message boxes), except a window that reads
        scans itself (``READS_SCANS`` property set: the pairing code typed into "Join an evening")."""
        top: QWidget | None = widget.window()
        if top is not None and top.property(READS_SCANS):
            return False
        while top is not None and top is not self.window:
            parent = top.parentWidget()
            top = parent.window() if parent is not None else None
        return top is self.window

    def _typed_at(self, event: QKeyEvent) -> float:
        """When ``event`` was typed, in seconds: its own timestamp when it has one, else the clock now.
        Remembers the pair, so a pause is measured on the same time base (``_now``)."""
        seen = self.clock()
        stamp = int(event.timestamp())
        typed = stamp / 1000.0 if stamp > 0 else seen
        self._last_typed, self._last_seen = typed, seen
        return typed

    def _now(self) -> float:
        """The present on the typed keys' time base: the last key's time plus what elapsed since."""
        return self._last_typed + (self.clock() - self._last_seen)

    def _key_press(self, watched: QWidget, event: QKeyEvent) -> bool:
        now = self._typed_at(event)
        terminator = _TERMINATOR_KEYS.get(int(event.key()))
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
        self._finish(self._now())

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
            for item in held:  # to the widget the person typed into, even if the focus moved since
                QCoreApplication.sendEvent(item.receiver, item.event)
        finally:
            self._replaying = False
        self.detector.reset()
