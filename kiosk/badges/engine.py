"""The one badge engine: ``plan`` turns content + layout into drawing operations (pure data,
testable without a PDF), ``render`` draws them with reportlab, page after page.

Coordinates of operations are points inside the badge, origin bottom-left (PDF convention).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from kiosk.badges import fonts, text
from kiosk.badges.content import BadgeContent
from kiosk.badges.layouts import MM, Box, Layout
from kiosk.files import atomic_write

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

ProgressFn = Callable[[int], None]
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TextOp:
    box: Box
    left: float  # the box in points (badge coordinates)
    bottom: float
    width: float
    height: float
    fitted: text.Fitted
    color: str

    def baselines(self) -> list[tuple[float, float, text.Line]]:
        """(x, baseline y, line) for each line, vertically centred in the box."""
        size = self.fitted.size
        block = self.fitted.height
        top = self.bottom + (self.height + block) / 2
        placed = []
        for i, line in enumerate(self.fitted.lines):
            # the baseline sits ~0.8 em below the top of its line slot (ascent of DejaVu is 0.76)
            y = top - i * size * text.LEADING - size * (text.LEADING - 1) / 2 - size * 0.80
            if self.box.align == "left":
                x = self.left
            elif self.box.align == "right":
                x = self.left + self.width - line.width
            else:
                x = self.left + (self.width - line.width) / 2
            placed.append((x, y, line))
        return placed


@dataclass(frozen=True)
class RectOp:
    left: float
    bottom: float
    width: float
    height: float
    color: str


@dataclass(frozen=True)
class QrOp:
    left: float
    bottom: float
    side: float  # includes the 4-module quiet zone
    data: str


@dataclass(frozen=True)
class ImageOp:
    path: Path
    left: float
    bottom: float
    width: float
    height: float


Op = TextOp | RectOp | QrOp | ImageOp


def contrast_color(background: str) -> str:
    """White or near-black text, whichever reads better on ``background`` (WCAG luminance)."""
    try:
        r, g, b = (int(background.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4))
    except ValueError:
        return "#ffffff"

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    lum = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    return "#ffffff" if (1.05 / (lum + 0.05)) >= ((lum + 0.05) / 0.05) else "#212121"


def unprintable(content: BadgeContent) -> str:
    """Letters of the badge's texts that no font can draw (they are left out): for the log and
    the print record, so staff know why a name came out short."""
    from kiosk.badges.layouts import TEXT_FIELDS

    found = ""
    for field in TEXT_FIELDS:
        for ch in fonts.missing(content.text(field)):
            if ch not in found:
                found += ch
    return found


def plan(content: BadgeContent, layout: Layout) -> list[Op]:
    """Drawing operations for one badge. Empty fields draw nothing (the band disappears too)."""
    bw, bh = layout.badge_w_mm * MM, layout.badge_h_mm * MM
    ops: list[Op] = []
    for box in layout.boxes:
        left, width, height = box.x * bw, box.w * bw, box.h * bh
        bottom = bh - (box.y + box.h) * bh
        if box.field == "logo":
            if content.logo is not None:
                ops.append(ImageOp(content.logo, left, bottom, width, height))
            continue
        if box.field == "qr":
            if content.qr:
                side = min(width, height)
                ops.append(QrOp(left + (width - side) / 2, bottom + (height - side) / 2, side, content.qr))
            continue
        value = content.text(box.field)
        if not value.strip():
            continue
        color = box.color
        if box.fill is not None:
            fill = content.category_color if box.fill == "category" else box.fill
            ops.append(RectOp(left, bottom, width, height, fill))
            color = contrast_color(fill)
        pad = min(height * 0.12, 2 * MM) if box.fill else 0.0
        max_size = box.size * bh
        fitted = text.fit(value, width=width - 2 * pad - (2 * MM if box.fill else 0), height=height - 2 * pad,
                          bold=box.bold, max_size=max_size,
                          min_size=max(max_size * box.min_ratio, text.MIN_PT), max_lines=box.lines)
        inset = pad + (MM if box.fill else 0)
        ops.append(TextOp(box, left + inset, bottom + pad, width - 2 * inset, height - 2 * pad, fitted, color))
    return ops


@functools.lru_cache(maxsize=512)
def qr_matrix(data: str) -> tuple[tuple[bool, ...], ...]:
    """QR modules at level M without quiet zone (the engine adds 4 modules of white)."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    qr.add_data(data)
    qr.make(fit=True)
    return tuple(tuple(bool(v) for v in row) for row in qr.get_matrix())


LOGO_MAX_PX = 300  # ~300 dpi at the largest logo box (25 mm): more is only bytes
QUIET_ZONE = 4  # modules of white around the code: what scanners need to find it


def draw_qr(canvas: Canvas, data: str, left: float, bottom: float, side: float) -> None:
    """Dark modules as one path of horizontal runs: fewer PDF operators, crisp when printed."""
    matrix = qr_matrix(data)
    n = len(matrix)
    module = side / (n + 2 * QUIET_ZONE)
    c = canvas
    c.setFillColor("#000000")
    path = c.beginPath()
    for r, row in enumerate(matrix):
        y = bottom + side - (QUIET_ZONE + r + 1) * module
        start = -1
        for col, dark in enumerate((*row, False)):
            if dark and start < 0:
                start = col
            elif not dark and start >= 0:
                path.rect(left + (QUIET_ZONE + start) * module, y, (col - start) * module, module)
                start = -1
    c.drawPath(path, stroke=0, fill=1)


@functools.lru_cache(maxsize=8)
def _flattened(path: Path) -> object:
    """The logo composited on white: PDF transparency makes print filters (pdftops) rasterise the
    whole page, which turns the names into pixels and blurs the QR code."""
    from PIL import Image

    with Image.open(path) as src:
        image = src.convert("RGBA")
    image.thumbnail((LOGO_MAX_PX, LOGO_MAX_PX))
    white = Image.new("RGBA", image.size, (255, 255, 255, 255))
    return Image.alpha_composite(white, image).convert("RGB")


def _draw(canvas: Canvas, ops: list[Op], images: dict[Path, object]) -> None:
    from reportlab.lib.utils import ImageReader

    for op in ops:
        if isinstance(op, RectOp):
            canvas.setFillColor(op.color)
            canvas.rect(op.left, op.bottom, op.width, op.height, stroke=0, fill=1)
        elif isinstance(op, ImageOp):
            if op.path not in images:
                images[op.path] = ImageReader(_flattened(op.path))
            canvas.drawImage(images[op.path], op.left, op.bottom, op.width, op.height,
                             preserveAspectRatio=True, anchor="c")
        elif isinstance(op, QrOp):
            draw_qr(canvas, op.data, op.left, op.bottom, op.side)
        else:
            canvas.setFillColor(op.color)
            for x, y, line in op.baselines():
                for (font, glyphs), advance in zip(line.runs, line.widths, strict=True):
                    canvas.setFont(font, op.fitted.size)
                    canvas.drawString(x, y, glyphs)  # shaped already (text.layout): drawn as is
                    x += advance


def _cut_marks(canvas: Canvas, layout: Layout) -> None:
    """Ticks in the page margin on every cut line, so a guillotine can follow them."""
    sw, sh = (v * MM for v in layout.slot_mm)
    pw, ph = layout.page_w_mm * MM, layout.page_h_mm * MM
    x0 = (pw - layout.cols * sw) / 2
    y0 = (ph - layout.rows * sh) / 2
    gap, length = 1.5 * MM, 5 * MM
    canvas.setStrokeColor("#9e9e9e")
    canvas.setLineWidth(0.3)
    for i in range(layout.cols + 1):
        x = x0 + i * sw
        canvas.line(x, y0 - gap, x, max(y0 - gap - length, 0))
        canvas.line(x, ph - y0 + gap, x, min(ph - y0 + gap + length, ph))
    for j in range(layout.rows + 1):
        y = y0 + j * sh
        canvas.line(x0 - gap, y, max(x0 - gap - length, 0), y)
        canvas.line(pw - x0 + gap, y, min(pw - x0 + gap + length, pw), y)


def render(
    badges: Iterable[BadgeContent], layout: Layout, out: Path | IO[bytes], *, title: str = "Badges",
    progress: ProgressFn | None = None,
) -> int:
    """Write all badges into one PDF (fonts embedded as subsets); returns the number of pages.
    A path is written atomically: until the last page is done the old file stays as it was."""
    if isinstance(out, Path):
        with atomic_write(out) as stream:
            return _render(badges, layout, stream, title=title, progress=progress)
    return _render(badges, layout, out, title=title, progress=progress)


def _render(badges: Iterable[BadgeContent], layout: Layout, out: IO[bytes], *, title: str,
            progress: ProgressFn | None) -> int:
    from reportlab import rl_config
    from reportlab.pdfgen.canvas import Canvas

    rl_config.useA85 = 0  # binary streams: ASCII85 in pure Python cost ~20 ms per logo
    fonts.fonts()
    c = Canvas(out, pagesize=(layout.page_w_mm * MM, layout.page_h_mm * MM), pageCompression=1,
               initialFontName=fonts.REGULAR, initialFontSize=10)
    c.setTitle(title)
    c.setCreator("kiosk")
    slots = layout.slots_mm()
    images: dict[Path, object] = {}
    pages = 0
    count = 0
    for count, content in enumerate(badges, start=1):
        index = (count - 1) % len(slots)
        if index == 0:
            if count > 1:
                c.showPage()
            pages += 1
            if layout.cut_marks:
                _cut_marks(c, layout)
        sx, sy = slots[index]
        c.saveState()
        if layout.rotate % 360 == 90:
            c.translate((sx + layout.slot_mm[0]) * MM, sy * MM)
            c.rotate(90)
        else:
            c.translate(sx * MM, sy * MM)
        _draw(c, plan(content, layout), images)
        lacking = unprintable(content)
        if lacking:
            who = " ".join(part for part in (content.first_name, content.last_name) if part)
            log.warning("badge of %s: no font for %s (left out)", who, lacking)
        c.restoreState()
        if progress is not None:
            progress(count)
    if count == 0:
        pages = 1  # an empty but valid PDF
    c.showPage()
    c.save()
    return pages
