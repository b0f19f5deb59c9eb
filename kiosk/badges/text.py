"""Fitting a text into a box: shrink to a floor size, then wrap to two lines, then ellipsize.

Why this order: a guest recognises their name best on one line, so shrinking comes first; a
very long name reads better on two lines than in tiny type; the ellipsis is the last resort so
that nothing ever spills outside its box or is clipped by the printer.

Every line is laid out as it will be drawn, and measured that way: split into runs of one font
(``fonts.runs``) and one bidi level (Unicode bidi algorithm, python-bidi), each run shaped by
HarfBuzz (reportlab's ``shapeFragWord``: contextual Arabic forms, ligatures such as Allah, Indic
reordering, mark positioning, kerning) and the runs put in visual order (rule L2). Wrapping and
ellipsizing work on the logical text, so a right-to-left name is cut at its logical end.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

from kiosk.badges import fonts

LEADING = 1.18  # line height as a multiple of the font size
ELLIPSIS = "…"
MIN_PT = 5.0
_FEATURES = {"kern": True, "liga": True}  # plus what HarfBuzz always applies (rlig, init/medi/fina...)
_SHAPE_PT = 10.0  # HarfBuzz advances do not depend on the size (no hinting): shape once, scale


@dataclass(frozen=True)
class Line:
    runs: tuple[tuple[str, str], ...]  # (font name, glyph string in visual order, as drawn)
    width: float  # in points, at the fitted size
    source: str = ""  # the line's text in logical order (what a reader types)
    widths: tuple[float, ...] = ()  # each run's advance at the fitted size

    @property
    def text(self) -> str:
        return "".join(part for _font, part in self.runs)


@dataclass(frozen=True)
class Fitted:
    lines: tuple[Line, ...]
    size: float
    ellipsized: bool = False
    missing: str = ""  # letters of the text that no font can draw (left out)

    @property
    def height(self) -> float:
        return len(self.lines) * self.size * LEADING


def _is_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def levels(text: str) -> list[int]:
    """The resolved bidi embedding level of each character (even: left-to-right)."""
    if not _is_rtl(text):
        return [0] * len(text)
    from bidi import algorithm

    storage = algorithm.get_empty_storage()
    base = algorithm.get_base_level(text, False)
    storage["base_level"], storage["base_dir"] = base, ("L", "R")[base]
    algorithm.get_embedding_levels(text, storage, False, False)
    algorithm.explicit_embed_and_overrides(storage, False)
    algorithm.resolve_weak_types(storage, False)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    found = [int(ch["level"]) for ch in storage["chars"]]
    if len(found) != len(text):  # explicit bidi controls removed (fonts.clean drops them anyway)
        return [1 if unicodedata.bidirectional(ch) in ("R", "AL") else base for ch in text]
    return found


def visual_order(runs: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """Rule L2 on runs of (level, font, text): from the highest level down to the lowest odd one,
    reverse every sequence of runs at that level or above."""
    runs = list(runs)
    odd = [level for level, _f, _t in runs if level % 2]
    if odd:
        for level in range(max(level for level, _f, _t in runs), min(odd) - 1, -1):
            i = 0
            while i < len(runs):
                if runs[i][0] < level:
                    i += 1
                    continue
                j = i
                while j < len(runs) and runs[j][0] >= level:
                    j += 1
                runs[i:j] = runs[i:j][::-1]
                i = j
    return runs


@functools.lru_cache(maxsize=8192)
def shaped(part: str, font: str, rtl: bool) -> tuple[str, float]:
    """One run (one font, one direction) shaped by HarfBuzz: the glyph string reportlab draws
    (visual order) and its advance at 1 pt. HarfBuzz picks the direction from the script; a run
    of only neutrals on a right-to-left level is reversed here instead."""
    from reportlab.lib.abag import ABag
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import shapeFragWord

    if rtl and not _is_rtl(part):
        part = part[::-1]
    if not pdfmetrics.getFont(font).shapable:  # uharfbuzz missing: plain glyphs, still measured right
        return part, pdfmetrics.stringWidth(part, font, 1.0)
    # reportlab's shapeStr, minus "dlig": a discretionary ligature would add vowel marks to محمد
    word = [pdfmetrics.stringWidth(part, font, _SHAPE_PT), (ABag(fontName=font, fontSize=_SHAPE_PT), part)]
    glyphs = shapeFragWord(word, features=_FEATURES)[1][1]
    data = getattr(glyphs, "__shapeData__", None)
    if data is None:  # HarfBuzz changed nothing: a plain string
        return glyphs, pdfmetrics.stringWidth(glyphs, font, 1.0)
    return glyphs, sum(d.x_advance for d in data) / 1000.0


@functools.lru_cache(maxsize=8192)
def layout(text: str, bold: bool) -> tuple[tuple[str, str, float], ...]:
    """(font, glyphs, advance at 1 pt) of each run of one line, in visual (drawing) order."""
    parts = fonts.runs(text, bold)
    per_char = levels("".join(part for _font, part in parts))
    items: list[tuple[int, str, str]] = []
    i = 0
    for font, part in parts:
        for offset, ch in enumerate(part):
            level = per_char[i + offset]
            if offset and items[-1][0] == level:
                items[-1] = (level, font, items[-1][2] + ch)
            else:
                items.append((level, font, ch))
        i += len(part)
    drawn = []
    for level, font, part in visual_order(items):
        glyphs, width = shaped(part, font, bool(level % 2))
        drawn.append((font, glyphs, width))
    return tuple(drawn)


def _unit_width(text: str, bold: bool) -> float:
    return sum(width for _font, _glyphs, width in layout(text, bold))


def _line(text: str, bold: bool, size: float) -> Line:
    runs = layout(text, bold)
    widths = tuple(width * size for _font, _glyphs, width in runs)
    return Line(tuple((font, glyphs) for font, glyphs, _w in runs), sum(widths), text, widths)


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
    cleaned = fonts.clean(text)
    lacking = fonts.missing(cleaned, bold)
    text = fonts.covered(cleaned, bold)
    if not text or width <= 0 or height <= 0:
        return Fitted((), max_size, missing=lacking)
    floor = max(min(min_size, height / LEADING), 1.0)
    one = _unit_width(text, bold)
    size = min(max_size, height / LEADING, width / one if one else max_size)
    if size >= floor:
        return Fitted((_line(text, bold, size),), size, missing=lacking)
    two_fit = max_lines >= 2 and 2 * floor * LEADING <= height
    if two_fit:
        best: tuple[float, str, str] | None = None
        for first, second in _breaks(text):
            widest = max(_unit_width(first, bold), _unit_width(second, bold))
            candidate = min(max_size, height / (2 * LEADING), width / widest)
            if best is None or candidate > best[0]:
                best = (candidate, first, second)
        if best is not None and best[0] >= floor:
            return Fitted((_line(best[1], bold, best[0]), _line(best[2], bold, best[0])), best[0],
                          missing=lacking)
        words = text.split(" ")
        first = ""
        for i in range(len(words), 0, -1):  # the most words that fit on line one
            candidate_text = " ".join(words[:i])
            if i < len(words) and _unit_width(candidate_text, bold) * floor <= width:
                first = candidate_text
                rest = " ".join(words[i:])
                second = _ellipsize(rest, bold, floor, width)
                return Fitted((_line(first, bold, floor), _line(second, bold, floor)), floor, True, lacking)
    return Fitted((_line(_ellipsize(text, bold, floor, width), bold, floor),), floor, True, lacking)
