"""Badge formats as data: page, badge, grid, margins, cut marks and boxes. One engine draws them all.

Adding a format means adding one ``Layout`` to ``FORMATS`` (or a JSON file, see
:func:`load_json`): no code branch. Boxes are in fractions of the badge (origin top-left) so a
box set is shared by formats of the same shape; font sizes are fractions of the badge height.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

MM = 72.0 / 25.4  # points per millimetre

# Fields a box may show (see kiosk.badges.content.BadgeContent).
TEXT_FIELDS = ("event", "date", "first_name", "last_name", "organisation", "workshop", "tagline", "category")
FIELDS = (*TEXT_FIELDS, "logo", "qr")


@dataclass(frozen=True)
class Box:
    field: str
    x: float  # left edge, fraction of badge width
    y: float  # top edge, fraction of badge height
    w: float
    h: float
    size: float = 0.0  # largest font size, fraction of badge height
    min_ratio: float = 0.6  # floor size = size * min_ratio (never under text.MIN_PT)
    bold: bool = False
    align: str = "center"  # left | center | right
    lines: int = 1
    color: str = "#212121"
    fill: str | None = None  # "category": a band in the category's colour; or "#rrggbb"


@dataclass(frozen=True)
class Layout:
    name: str
    description: str
    page_w_mm: float
    page_h_mm: float
    badge_w_mm: float  # the design's width, before rotation
    badge_h_mm: float
    boxes: tuple[Box, ...]
    cols: int = 1
    rows: int = 1
    rotate: int = 0  # 90: the design is turned on the page (landscape badge on a portrait label)
    cut_marks: bool = False
    media: str = ""  # CUPS media name; empty: Custom.WxHmm of the page

    @property
    def badges_per_page(self) -> int:
        return self.cols * self.rows

    @property
    def slot_mm(self) -> tuple[float, float]:
        """Size a badge takes on the page (after rotation)."""
        if self.rotate % 180:
            return self.badge_h_mm, self.badge_w_mm
        return self.badge_w_mm, self.badge_h_mm

    def slots_mm(self) -> list[tuple[float, float]]:
        """Bottom-left corner of each badge on the page, in reading order (row by row)."""
        sw, sh = self.slot_mm
        mx = (self.page_w_mm - self.cols * sw) / 2
        my = (self.page_h_mm - self.rows * sh) / 2
        return [(mx + c * sw, self.page_h_mm - my - (r + 1) * sh)
                for r in range(self.rows) for c in range(self.cols)]

    def summary(self) -> dict[str, Any]:
        return {"name": self.name, "page_width_mm": round(self.page_w_mm, 1),
                "page_height_mm": round(self.page_h_mm, 1),
                "badges_per_page": self.badges_per_page}


PORTRAIT: tuple[Box, ...] = (
    Box("logo", 0.06, 0.03, 0.22, 0.12),
    Box("event", 0.32, 0.035, 0.63, 0.075, size=0.030, bold=True, align="left", lines=2, min_ratio=0.7),
    Box("date", 0.32, 0.112, 0.63, 0.035, size=0.024, align="left", color="#555555"),
    Box("first_name", 0.05, 0.18, 0.90, 0.15, size=0.085, bold=True, lines=2, min_ratio=0.55),
    Box("last_name", 0.05, 0.335, 0.90, 0.095, size=0.055, lines=2),
    Box("organisation", 0.05, 0.435, 0.90, 0.07, size=0.030, lines=2, color="#424242"),
    Box("qr", 0.28, 0.51, 0.44, 0.255),
    Box("workshop", 0.05, 0.77, 0.90, 0.045, size=0.032, bold=True),
    Box("tagline", 0.05, 0.818, 0.90, 0.04, size=0.021, color="#616161", min_ratio=0.75),
    Box("category", 0.0, 0.87, 1.0, 0.13, size=0.05, bold=True, fill="category", color="#ffffff"),
)

LANDSCAPE: tuple[Box, ...] = (
    Box("logo", 0.03, 0.04, 0.15, 0.18),
    Box("event", 0.20, 0.045, 0.77, 0.10, size=0.055, bold=True, align="left", min_ratio=0.7),
    Box("date", 0.20, 0.145, 0.77, 0.07, size=0.042, align="left", color="#555555"),
    Box("first_name", 0.04, 0.25, 0.62, 0.21, size=0.14, bold=True, align="left", lines=2, min_ratio=0.5),
    Box("last_name", 0.04, 0.46, 0.62, 0.13, size=0.085, align="left", lines=2),
    Box("organisation", 0.04, 0.595, 0.62, 0.095, size=0.05, align="left", lines=2, color="#424242"),
    Box("workshop", 0.04, 0.695, 0.62, 0.065, size=0.052, bold=True, align="left"),
    Box("tagline", 0.04, 0.762, 0.62, 0.05, size=0.036, align="left", color="#616161", min_ratio=0.75),
    Box("qr", 0.68, 0.245, 0.30, 0.565),
    Box("category", 0.0, 0.825, 1.0, 0.175, size=0.085, bold=True, fill="category", color="#ffffff"),
)

_IN = 25.4
FORMATS: dict[str, Layout] = {
    layout.name: layout
    for layout in (
        Layout("a6", "A6 portrait, one badge per page", 105, 148, 105, 148, PORTRAIT, media="A6"),
        Layout("4x3", "4×3 in landscape badge (inserts for 4×3 holders)", 4 * _IN, 3 * _IN, 4 * _IN, 3 * _IN,
               LANDSCAPE),
        Layout("cr80", "CR80 card, 85.6×54 mm (card printers)", 85.6, 54, 85.6, 54, LANDSCAPE),
        Layout("ql62", "Brother QL 62 mm continuous label, 62×100 mm", 62, 100, 62, 100, PORTRAIT),
        Layout("dymo99014", "DYMO 99014 label 54×101 mm (landscape design, turned)", 54, 101, 101, 54,
               LANDSCAPE, rotate=90),
        Layout("a4-8", "A4 sheet of 8 badges 90×54 mm (2×4) with cut marks", 210, 297, 90, 54, LANDSCAPE,
               cols=2, rows=4, cut_marks=True, media="A4"),
        Layout("letter-6", "US Letter sheet of 6 badges 4×3 in (2×3) with cut marks", 8.5 * _IN, 11 * _IN,
               4 * _IN, 3 * _IN, LANDSCAPE, cols=2, rows=3, cut_marks=True, media="Letter"),
    )
}


def get(name: str) -> Layout:
    try:
        return FORMATS[name]
    except KeyError:
        raise KeyError(f"unknown badge format {name!r}; choose one of: {', '.join(FORMATS)}") from None


def to_json(layout: Layout) -> dict[str, Any]:
    return asdict(layout)


def load_json(path: Path) -> Layout:
    """A format described in a JSON file (same keys as :func:`to_json`), for a site's own labels."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    boxes = tuple(Box(**b) for b in raw.pop("boxes"))
    return replace(Layout(**raw, boxes=()), boxes=boxes)


__all__ = ["FIELDS", "FORMATS", "LANDSCAPE", "MM", "PORTRAIT", "TEXT_FIELDS", "Box", "Layout", "get"]
