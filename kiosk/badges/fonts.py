"""Fonts for badges: the shipped DejaVu Sans pair, per-script system fonts, and a CJK font.

Why: PDF base-14 fonts only cover Latin-1, so names like "Ольга" or "İsmail" would print as
boxes. DejaVu Sans (Latin, Greek, Cyrillic, Vietnamese, Armenian, Georgian) is shipped in
``resources/fonts`` and embedded (subset) in every PDF. Scripts it lacks or draws poorly use
a system Noto font when one is installed (Debian ``fonts-noto-core``): Arabic and Hebrew are
drawn with Noto Sans Arabic/Hebrew even though DejaVu has letters for them (Noto has the full
shaping tables, e.g. the Allah ligature), Devanagari, Bengali, Tamil, Thai, Ethiopic only with
Noto. CJK uses a TrueType-outline font found on the system (e.g. ``fonts-droid-fallback``).
Text is shaped with HarfBuzz (``text.py``), so a font only needs its glyphs and OpenType
tables, never presentation-form code points. What no font covers is dropped, never a box,
and reported (``missing``) so the print record can say so.
"""

from __future__ import annotations

import functools
import os
import subprocess
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from kiosk import assets

REGULAR = "KioskSans"
BOLD = "KioskSans-Bold"
CJK = "KioskCJK"

# CJK fonts with TrueType outlines (reportlab cannot embed CFF/OTF outlines).
_CJK_CANDIDATES = (
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    "C:/Windows/Fonts/msyh.ttf",
    "C:/Windows/Fonts/simhei.ttf",
)


def resources_dir() -> Path:
    """The resources folder of a checkout or of an installed wheel (``kiosk._resources``)."""
    return assets.root()


# (script, code point ranges, file stem of the Noto family): tried first for those code points.
_SCRIPTS: tuple[tuple[str, tuple[tuple[int, int], ...], str], ...] = (
    ("arabic", ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
     "NotoSansArabic"),
    ("hebrew", ((0x0590, 0x05FF), (0xFB1D, 0xFB4F)), "NotoSansHebrew"),
    ("devanagari", ((0x0900, 0x097F), (0xA8E0, 0xA8FF)), "NotoSansDevanagari"),
    ("bengali", ((0x0980, 0x09FF),), "NotoSansBengali"),
    ("tamil", ((0x0B80, 0x0BFF),), "NotoSansTamil"),
    ("thai", ((0x0E00, 0x0E7F),), "NotoSansThai"),
    ("ethiopic", ((0x1200, 0x139F), (0x2D80, 0x2DDF)), "NotoSansEthiopic"),
)
_FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "/Library/Fonts",
              "/System/Library/Fonts", "C:/Windows/Fonts")


@dataclass(frozen=True)
class FontSet:
    """Registered font names and the code points each covers, for per-character fallback.

    ``scripts``: (code point ranges, regular, bold) of fonts preferred for those ranges;
    ``fallbacks``: (regular, bold) of fonts tried, in order, for what the primary font lacks."""

    regular: str
    bold: str
    cjk: str | None
    coverage: dict[str, frozenset[int]]
    scripts: tuple[tuple[tuple[tuple[int, int], ...], str, str], ...] = ()
    fallbacks: tuple[tuple[str, str], ...] = ()
    _picked: dict[tuple[str, bool], str | None] = field(default_factory=dict, compare=False, repr=False)

    def covers(self, font: str, char: str) -> bool:
        return ord(char) in self.coverage.get(font, frozenset())

    def pick(self, char: str, bold: bool) -> str | None:
        """The font that has a glyph for ``char`` (its script's font, then the primary, then the
        fallbacks), or None: drop the character. Remembered: a batch asks ~500 times per badge."""
        key = (char, bold)
        if key not in self._picked:
            self._picked[key] = self._pick(char, bold)
        return self._picked[key]

    def _pick(self, char: str, bold: bool) -> str | None:
        code = ord(char)
        for ranges, regular, heavy in self.scripts:
            if any(lo <= code <= hi for lo, hi in ranges):
                for name in ((heavy, regular) if bold else (regular,)):
                    if code in self.coverage[name]:
                        return name
        primary = self.bold if bold else self.regular
        if code in self.coverage[primary]:
            return primary
        for regular, heavy in self.fallbacks:
            for name in ((heavy, regular) if bold else (regular,)):
                if code in self.coverage[name]:
                    return name
        if self.cjk is not None and code in self.coverage[self.cjk]:
            return self.cjk
        return None


def _register(name: str, path: Path | str, subfont: int = 0) -> frozenset[int]:
    font = TTFont(name, str(path), subfontIndex=subfont)
    pdfmetrics.registerFont(font)
    return frozenset(font.face.charToGlyph)


@functools.cache
def _system_fonts() -> dict[str, str]:
    """File name -> path of every .ttf in the usual font folders (first found wins)."""
    found: dict[str, str] = {}
    for folder in _FONT_DIRS:
        for root, _dirs, names in os.walk(os.path.expanduser(folder)):
            for file_name in names:
                if file_name.lower().endswith(".ttf"):
                    found.setdefault(file_name, os.path.join(root, file_name))
    return found


def _find_cjk() -> list[str]:
    """Candidate CJK font files: the known list, then whatever fontconfig knows for Chinese."""
    found = [p for p in _CJK_CANDIDATES if os.path.exists(p)]
    try:
        out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=5,
                             check=False).stdout
    except (OSError, subprocess.SubprocessError):
        out = ""
    found += sorted(line.split(":")[0].strip() for line in out.splitlines()
                    if line.strip().endswith((".ttf:", ".ttc:")) or line.strip().endswith((".ttf", ".ttc")))
    return found


@functools.cache
def fonts() -> FontSet:
    """Register the fonts once per process (reportlab keeps a global registry)."""
    font_dir = resources_dir() / "fonts"
    coverage = {
        REGULAR: _register(REGULAR, font_dir / "DejaVuSans.ttf"),
        BOLD: _register(BOLD, font_dir / "DejaVuSans-Bold.ttf"),
    }
    cjk: str | None = None
    scripts: list[tuple[tuple[tuple[int, int], ...], str, str]] = []
    if os.environ.get("KIOSK_NO_SYSTEM_FONTS") != "1":
        system = _system_fonts()
        for script, ranges, stem in _SCRIPTS:
            names: list[str] = []
            for weight in ("Regular", "Bold"):
                path = system.get(f"{stem}-{weight}.ttf")
                name = f"Kiosk-{script}-{weight}"
                try:
                    if path is None:
                        raise OSError(stem)
                    coverage[name] = _register(name, path)
                    names.append(name)
                except (TTFError, OSError, ValueError):
                    continue
            if names:
                scripts.append((ranges, names[0], names[-1]))
        for path in _find_cjk():
            try:
                coverage[CJK] = _register(CJK, path)
            except (TTFError, OSError, ValueError):
                continue  # CFF outlines or unreadable: try the next one
            cjk = CJK
            break
    fallbacks = tuple((regular, heavy) for _ranges, regular, heavy in scripts)
    return FontSet(REGULAR, BOLD, cjk, coverage, tuple(scripts), fallbacks)


# Invisible joiners and variation selectors: emoji glue that some fonts draw as a box.
_DROP = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x20E3}


def clean(text: str) -> str:
    """NFC-normalise and strip control/format characters that would print as boxes."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        code = ord(ch)
        if code in _DROP or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF or 0x1F3FB <= code <= 0x1F3FF:
            continue
        if unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs"):
            out.append(" " if ch in "\t\n\r" else "")
            continue
        out.append(ch)
    return " ".join("".join(out).split())


def _sticks(char: str) -> bool:
    """Marks, spaces and punctuation stay in the font of what precedes them (when it has them),
    so HarfBuzz shapes a mark with its base and a phrase as one run."""
    return unicodedata.category(char)[0] in "MZP"


def runs(text: str, bold: bool, fontset: FontSet | None = None) -> list[tuple[str, str]]:
    """Split ``text`` (logical order) into (font name, substring) runs; characters no font has
    are dropped, or replaced by their base letter when only a combining accent is missing."""
    fs = fontset or fonts()
    result: list[tuple[str, str]] = []
    for ch in text:
        if result and _sticks(ch) and fs.covers(result[-1][0], ch):
            result[-1] = (result[-1][0], result[-1][1] + ch)
            continue
        font = fs.pick(ch, bold)
        if font is None:
            base = unicodedata.normalize("NFD", ch)[0]
            font = fs.pick(base, bold) if base != ch else None
            if font is None:
                continue  # emoji, or CJK without a CJK font: dropped, never a box
            ch = base
        if result and result[-1][0] == font:
            result[-1] = (font, result[-1][1] + ch)
        else:
            result.append((font, ch))
    return result


def covered(text: str, bold: bool = False, fontset: FontSet | None = None) -> str:
    """``text`` as it will print: only characters some font can draw."""
    return " ".join("".join(part for _font, part in runs(text, bold, fontset)).split())


def missing(text: str, bold: bool = False, fontset: FontSet | None = None) -> str:
    """The letters, digits and marks of ``text`` that no font can draw (emoji and symbols, dropped
    on purpose, are not listed): what a print record must mention."""
    fs = fontset or fonts()
    out: list[str] = []
    for ch in clean(text):
        if unicodedata.category(ch)[0] not in "LMN" or ch in out:
            continue
        if fs.pick(ch, bold) is None and fs.pick(unicodedata.normalize("NFD", ch)[0], bold) is None:
            out.append(ch)
    return "".join(out)
