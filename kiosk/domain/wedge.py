"""Keyboard-wedge scanners: tell their key bursts from a person typing, and undo keyboard-layout garbling.

A USB handheld scanner is a keyboard: it "types" the code, then Enter or Tab, with 2-30 ms
between keys. A person leaves 50 ms or more between keys, most 80-150 ms. ``BurstDetector`` is fed
each key with its arrival time and returns the code when a fast enough burst completes.

Scanners are set up for a US keyboard by default. On a French AZERTY computer the operating system
maps the scanner's key presses through the AZERTY layout: "K1-ABC123" arrives as "K&)QBC&é\"".
``repair_azerty`` maps such text back; ``candidates`` gives the raw and the repaired reading so the
caller tries the raw text first and the repaired one only when the raw text matches no ticket.

Pure Python: no Qt, no OpenCV, so the domain stays importable and testable anywhere.
"""

from __future__ import annotations

import statistics

__all__ = [
    "TERMINATORS",
    "US_TO_AZERTY",
    "BurstDetector",
    "candidates",
    "repair_azerty",
]

TERMINATORS = frozenset({"\r", "\n", "\t"})


class BurstDetector:
    """Collect key presses; a burst is >= ``min_length`` characters whose presses (Shift and the other
    keys that only change what the next key types included, see ``press``) come a median gap of at
    most ``max_gap`` apart.

    Every press counts because that is what a scanner paces: it sends one USB report per key, Shift
    included, at its own rate, so "PLUS20" (Shift around each capital) and "camille" come at the same
    rate per press but not per character. The median, not the maximum, so one USB hiccup inside a
    scan does not turn it into "typing". Keys separated by more than ``reset_gap`` start a new
    sequence (left-overs are forgotten).
    """

    # 25 ms a press, on the presses' own timestamps. Scanners send a key every 1-16 ms (HID reports);
    # a person presses keys 50 ms apart at the very fastest, 80-150 ms at a door. Measured here under
    # Xvfb with two cores busy: xdotool's --delay 30 (a slow scanner) gives a median of 17-20 ms a
    # press, --delay 50 (the fastest typist) 30-61 ms. A scanner set slower than 25 ms is taken for a
    # person: its keys then reach the focused field, and the code field still checks the code in.
    def __init__(self, max_gap: float = 0.025, min_length: int = 4, reset_gap: float = 0.3) -> None:
        if max_gap <= 0 or min_length < 1 or reset_gap <= max_gap:
            raise ValueError("need max_gap > 0, min_length >= 1 and reset_gap > max_gap")
        self.max_gap = max_gap
        self.min_length = min_length
        self.reset_gap = reset_gap
        self._keys: list[str] = []
        self._times: list[float] = []  # every press of the sequence, characters and modifiers

    @property
    def pending(self) -> str:
        """The characters collected so far."""
        return "".join(self._keys)

    def reset(self) -> None:
        self._keys.clear()
        self._times.clear()

    def feed(self, char: str, t: float) -> str | None:
        """One key event's text at time ``t`` (seconds, monotonic). Returns a completed burst or None.

        A terminator ("\\r", "\\n", "\\t") ends the sequence: the collected text is returned if it was
        a burst, and forgotten either way (a person's keys belong to the focused widget).
        """
        if not char:
            return None
        if char in TERMINATORS:
            code = self._burst()
            self.reset()
            return code
        self.press(t)
        self._keys.append(char)
        return None

    def press(self, t: float) -> None:
        """A key pressed at ``t`` that types no character itself (Shift, AltGr, a dead key): it paces
        the sequence like any key."""
        if self._times and t - self._times[-1] > self.reset_gap:
            self.reset()
        self._times.append(t)

    def flush(self, t: float) -> str | None:
        """Called after a pause: a burst that ended without a terminator, or None.

        If less than ``max_gap`` has passed since the last key the burst may still be going on:
        None, and the keys are kept. Otherwise the sequence ends here (kept keys are forgotten).
        """
        if not self._times:
            return None
        if t - self._times[-1] < self.max_gap:
            return None
        code = self._burst()
        self.reset()
        return code

    def _burst(self) -> str | None:
        text = "".join(self._keys)
        if len(text) < self.min_length or len(self._times) < 2:
            return None
        gaps = [b - a for a, b in zip(self._times, self._times[1:], strict=False)]
        if statistics.median(gaps) > self.max_gap:
            return None
        return text


# What a scanner configured as a US keyboard produces on a French (PC) AZERTY layout: for each
# character the scanner means, the character the AZERTY layout turns its key press into.
US_TO_AZERTY: dict[str, str] = {
    # number row: unshifted AZERTY keys are symbols, shifted ones digits
    "`": "²", "1": "&", "2": "é", "3": '"', "4": "'", "5": "(", "6": "-", "7": "è", "8": "_",
    "9": "ç", "0": "à", "-": ")", "=": "=",
    "!": "1", "@": "2", "#": "3", "$": "4", "%": "5", "^": "6", "&": "7", "*": "8", "(": "9",
    ")": "0", "_": "°", "+": "+",
    # letters that move
    "q": "a", "w": "z", "a": "q", "z": "w", "m": ",",
    "Q": "A", "W": "Z", "A": "Q", "Z": "W", "M": "?",
    # punctuation keys
    "[": "^", "{": "¨", "]": "$", "}": "£", "\\": "*", "|": "µ",
    ";": "m", ":": "M", "'": "ù", '"': "%",
    ",": ";", "<": ".", ".": ":", ">": "/", "/": "!", "?": "§",
}

_AZERTY_TO_US: dict[str, str] = {fr: us for us, fr in US_TO_AZERTY.items()}


def _composed() -> dict[str, str]:
    """Characters made by AZERTY's dead keys ^ and ¨ (the US "[" and "{" keys) and a vowel."""
    table: dict[str, str] = {}
    for dead_us, marks, bases in (("[", "âêîôûÂÊÎÔÛ", "aeiouAEIOU"), ("{", "äëïöüÿÄËÏÖÜ", "aeiouyAEIOU")):
        for mark, base in zip(marks, bases, strict=True):
            table[mark] = dead_us + _AZERTY_TO_US.get(base, base)
    return table


_COMPOSED = _composed()


def repair_azerty(text: str) -> str:
    """What a US-layout scanner meant, given what the AZERTY layout made of it.

    Every character goes back through the inverse map (letters that do not move map to themselves),
    including characters composed by the dead keys (``ê`` was "[" then "e").
    """
    out: list[str] = []
    for ch in text:
        composed = _COMPOSED.get(ch)
        out.append(composed if composed is not None else _AZERTY_TO_US.get(ch, ch))
    return "".join(out)


def candidates(text: str) -> list[str]:
    """Readings to try in order: the text as typed, then its AZERTY repair if that differs."""
    repaired = repair_azerty(text)
    return [text] if repaired == text else [text, repaired]
