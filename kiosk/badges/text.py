"""Fitting a text into a box: shrink to a floor size, then wrap to two lines, then ellipsize.

Why this order: a guest recognises their name best on one line, so shrinking comes first; a
very long name reads better on two lines than in tiny type; the ellipsis is the last resort so
that nothing ever spills outside its box or is clipped by the printer.
Right-to-left text (Arabic, Hebrew) is wrapped in logical order, then each line is shaped
(arabic-reshaper) and reordered for display (python-bidi), and measured as drawn.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from kiosk.badges import fonts

LEADING = 1.18  # line height as a multiple of the font size
ELLIPSIS = "…"
MIN_PT = 5.0


@dataclass(frozen=True)
class Line:
    runs: tuple[tuple[str, str], ...]  # (font name, text in visual order)
    width: float  # in points, at the fitted size

    @property
    def text(self) -> str:
        return "".join(part for _font, part in self.runs)


@dataclass(frozen=True)
class Fitted:
    lines: tuple[Line, ...]
    size: float
    ellipsized: bool = False

    @property
    def height(self) -> float:
        return len(self.lines) * self.size * LEADING


def _is_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def shape(text: str) -> str:
    """Display form of one line: Arabic joined into presentation forms, RTL runs reversed."""
    if not _is_rtl(text):
        return text
    import arabic_reshaper
    from bidi import get_display

    return str(get_display(arabic_reshaper.reshape(text)))


def _runs(text: str, bold: bool) -> tuple[tuple[str, str], ...]:
    return tuple(fonts.runs(shape(text), bold))


def _unit_width(text: str, bold: bool) -> float:
    return fonts.width(list(_runs(text, bold)), 1.0)


def _line(text: str, bold: bool, size: float) -> Line:
    parts = _runs(text, bold)
    return Line(parts, fonts.width(list(parts), size))


def _ellipsize(text: str, bold: bool, size: float, max_width: float) -> str:
    """Longest prefix of ``text`` (logical order) that fits with an ellipsis."""
    if _unit_width(text, bold) * size <= max_width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:  # binary search on the number of characters kept
        mid = (lo + hi + 1) // 2
        if _unit_width(text[:mid].rstrip() + ELLIPSIS, bold) * size <= max_width:
            lo = mid
        else:
            hi = mid - 1
    kept = text[:lo].rstrip(" -,")
    return kept + ELLIPSIS if kept else ""


def _breaks(text: str) -> list[tuple[str, str]]:
    """Every way to cut ``text`` in two at a space or after a hyphen."""
    found = []
    for i, ch in enumerate(text):
        if ch == " ":
            found.append((text[:i].rstrip(), text[i + 1:].lstrip()))
        elif ch in "-‐" and 0 < i < len(text) - 1:
            found.append((text[: i + 1], text[i + 1:]))
    return [(a, b) for a, b in found if a and b]


def fit(
    text: str, *, width: float, height: float, bold: bool = False, max_size: float, min_size: float,
    max_lines: int = 2,
) -> Fitted:
    """Lines and size so that every line is at most ``width`` points wide and all lines fit in
    ``height``. Pure: depends only on the fonts' metrics."""
    text = fonts.covered(fonts.clean(text), bold)
    if not text or width <= 0 or height <= 0:
        return Fitted((), max_size)
    floor = max(min(min_size, height / LEADING), 1.0)
    one = _unit_width(text, bold)
    size = min(max_size, height / LEADING, width / one if one else max_size)
    if size >= floor:
        return Fitted((_line(text, bold, size),), size)
    two_fit = max_lines >= 2 and 2 * floor * LEADING <= height
    if two_fit:
        best: tuple[float, str, str] | None = None
        for first, second in _breaks(text):
            widest = max(_unit_width(first, bold), _unit_width(second, bold))
            candidate = min(max_size, height / (2 * LEADING), width / widest)
            if best is None or candidate > best[0]:
                best = (candidate, first, second)
        if best is not None and best[0] >= floor:
            return Fitted((_line(best[1], bold, best[0]), _line(best[2], bold, best[0])), best[0])
        words = text.split(" ")
        first = ""
        for i in range(len(words), 0, -1):  # the most words that fit on line one
            candidate_text = " ".join(words[:i])
            if i < len(words) and _unit_width(candidate_text, bold) * floor <= width:
                first = candidate_text
                rest = " ".join(words[i:])
                second = _ellipsize(rest, bold, floor, width)
                return Fitted((_line(first, bold, floor), _line(second, bold, floor)), floor, True)
    return Fitted((_line(_ellipsize(text, bold, floor, width), bold, floor),), floor, True)
