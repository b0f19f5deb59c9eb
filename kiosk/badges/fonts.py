"""Fonts for badges: the shipped DejaVu Sans pair, plus a system CJK font when one exists.

Why: PDF base-14 fonts only cover Latin-1, so names like "Ольга" or "İsmail" would print as
boxes. DejaVu Sans (Latin, Greek, Cyrillic, Vietnamese, Arabic presentation forms) is shipped
in ``resources/fonts`` and embedded (subset) in every PDF. CJK has no glyphs there; a
TrueType-outline CJK font found on the system (e.g. Debian ``fonts-droid-fallback`` or
``fonts-wqy-microhei``) is used per character; without one, CJK characters are dropped
(see docs/badges/README.md, "Scripts and fonts").
"""

from __future__ import annotations

import functools
import os
import subprocess
import unicodedata
from dataclasses import dataclass
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


@dataclass(frozen=True)
class FontSet:
    """Registered font names and the code points each covers, for per-character fallback."""

    regular: str
    bold: str
    cjk: str | None
    coverage: dict[str, frozenset[int]]

    def pick(self, char: str, bold: bool) -> str | None:
        """The font that has a glyph for ``char`` (primary first), or None: drop the character."""
        code = ord(char)
        primary = self.bold if bold else self.regular
        if code in self.coverage[primary]:
            return primary
        if self.cjk is not None and code in self.coverage[self.cjk]:
            return self.cjk
        return None


def _register(name: str, path: Path | str, subfont: int = 0) -> frozenset[int]:
    font = TTFont(name, str(path), subfontIndex=subfont)
    pdfmetrics.registerFont(font)
    return frozenset(font.face.charToGlyph)


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
    if os.environ.get("KIOSK_NO_SYSTEM_FONTS") != "1":
        for path in _find_cjk():
            try:
                coverage[CJK] = _register(CJK, path)
            except (TTFError, OSError, ValueError):
                continue  # CFF outlines or unreadable: try the next one
            cjk = CJK
            break
    return FontSet(REGULAR, BOLD, cjk, coverage)


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


def runs(text: str, bold: bool, fontset: FontSet | None = None) -> list[tuple[str, str]]:
    """Split ``text`` into (font name, substring) runs; characters no font has are dropped,
    or replaced by their base letter when only a combining accent is missing."""
    fs = fontset or fonts()
    result: list[tuple[str, str]] = []
    for ch in text:
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


def width(parts: list[tuple[str, str]], size: float) -> float:
    return float(sum(pdfmetrics.stringWidth(part, font, size) for font, part in parts))
