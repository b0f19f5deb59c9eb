"""What both reports share: A4 pages, the DejaVu fonts (every accent and most scripts), local times."""

from __future__ import annotations

from datetime import datetime

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kiosk import assets
from kiosk.domain import rules

PAGE_W, PAGE_H = A4
MARGIN = 42.0
REGULAR, BOLD = "KioskReport", "KioskReport-Bold"
INK, AMBER, MUTED, EXIT_BLUE = "#212121", "#f5a623", "#616161", "#1565c0"


def register_fonts() -> None:
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(REGULAR, str(assets.path("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(BOLD, str(assets.path("fonts", "DejaVuSans-Bold.ttf"))))


def local(iso: str | None) -> datetime | None:
    """The local time of a stored time; None for none, or for text that is no time (a pulled scan's)."""
    try:
        return rules.parse_time(iso).astimezone() if iso else None
    except (ValueError, OverflowError, OSError):
        return None


def hhmm(iso: str | None) -> str:
    moment = local(iso)
    return moment.strftime("%H:%M") if moment else "—"


def plain(text: str | None) -> str:
    """Data as text: control characters (which a PDF would show as boxes, or hide) become spaces."""
    return "".join(ch if ch.isprintable() else " " for ch in (text or ""))


def fit(text: str, font: str, size: float, width: float) -> str:
    """Cut ``text`` with an ellipsis to fit ``width`` points."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"
