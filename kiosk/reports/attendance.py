"""The after-event report on A4: attendance by category and workshop, walk-ins, no-show rate, the
arrival curve and the peak. Aggregates only: it goes to partners and funders, so it holds no name."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from kiosk.domain.model import Event
from kiosk.domain.occupancy import Bin, Figures, GroupFigures
from kiosk.files import write_bytes
from kiosk.reports.pdf import (
    AMBER,
    BOLD,
    EXIT_BLUE,
    INK,
    MARGIN,
    MUTED,
    PAGE_H,
    PAGE_W,
    REGULAR,
    fit,
    hhmm,
    local,
    plain,
    register_fonts,
)
from kiosk.reports.words import words


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %" if whole else "—"


def write_report_pdf(path: Path, event: Event, f: Figures, made_at: str, *, lang: str = "fr") -> None:
    register_fonts()
    w = words(lang)
    buffer = io.BytesIO()  # written at once, 0600, atomically (kiosk.files)
    canvas = Canvas(buffer, pagesize=(PAGE_W, PAGE_H))
    canvas.setTitle(f"{w['report']} — {event.name}")
    width = PAGE_W - 2 * MARGIN
    moment = local(made_at)
    stamp = w["made_at"].format(date=moment.strftime("%d/%m/%Y") if moment else "?", time=hhmm(made_at))

    canvas.setFillColor(AMBER)
    canvas.rect(0, PAGE_H - 8, PAGE_W, 8, stroke=0, fill=1)
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, 20)
    canvas.drawString(MARGIN, PAGE_H - MARGIN - 14, w["report"])
    canvas.setFont(REGULAR, 12)
    canvas.drawString(MARGIN, PAGE_H - MARGIN - 34, fit(plain(event.name), REGULAR, 12, width))
    canvas.setFont(REGULAR, 9)
    canvas.setFillColor(MUTED)
    canvas.drawString(MARGIN, PAGE_H - MARGIN - 48, stamp)

    tiles = [
        (w["registered"], str(f.registered)),
        (w["attended"], f"{f.arrived} ({_percent(f.arrived, f.registered)})"),
        (w["walk_ins"], str(f.walk_ins)),
        (w["no_show"], f"{round(100 * f.no_show_ratio)} %"),
        (w["peak"], w["peak_value"].format(n=f.peak, time=hhmm(f.peak_at)) if f.peak_at else "—"),
        (w["capacity"], str(f.capacity) if f.capacity else "—"),
    ]
    top = PAGE_H - MARGIN - 70
    tile_w, tile_h = (width - 2 * 8) / 3, 50.0
    for i, (label, value) in enumerate(tiles):
        x = MARGIN + (i % 3) * (tile_w + 8)
        y = top - (i // 3) * (tile_h + 8) - tile_h
        canvas.setFillColor("#fff4e0")
        canvas.roundRect(x, y, tile_w, tile_h, 4, stroke=0, fill=1)
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 8.5)
        canvas.drawString(x + 8, y + tile_h - 15, fit(label, REGULAR, 8.5, tile_w - 16))
        canvas.setFillColor(INK)
        canvas.setFont(BOLD, 15)
        canvas.drawString(x + 8, y + 11, fit(value, BOLD, 15, tile_w - 16))

    y = top - 2 * (tile_h + 8) - 20
    canvas.setFont(BOLD, 12)
    canvas.setFillColor(INK)
    canvas.drawString(MARGIN, y, w["curve"])
    chart_h = 190.0
    _chart(canvas, f.timeline, MARGIN, y - chart_h - 14, width, chart_h, w)
    if f.untimed:  # a laptop whose clock said 2001, or a time that is none: said, not drawn
        canvas.setFont(REGULAR, 8.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, y - chart_h - 40, fit(w["untimed_note"].format(n=f.untimed), REGULAR, 8.5, width))
        canvas.setFillColor(INK)
    y = y - chart_h - 56
    for title, table in ((w["by_workshop"], f.by_workshop), (w["by_category"], f.by_category)):
        if table:
            y = _table(canvas, title, table, y, width, w)
    canvas.setFont(REGULAR, 8.5)
    canvas.setFillColor(MUTED)
    canvas.drawString(MARGIN, MARGIN - 4, w["no_show_note"])
    canvas.drawString(MARGIN, MARGIN - 16, w["aggregates"])
    canvas.save()
    write_bytes(path, buffer.getvalue())


def _table(canvas: Canvas, title: str, table: dict[str, GroupFigures], y: float, width: float,
           w: dict[str, str]) -> float:
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, 12)
    canvas.drawString(MARGIN, y, title)
    y -= 18
    columns = ((0.0, w["group"]), (0.45, w["registered"]), (0.62, w["attended"]), (0.82, w["places"]))
    canvas.setFont(BOLD, 9)
    for left, label in columns:
        canvas.drawString(MARGIN + left * width, y, label)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, y - 4, MARGIN + width, y - 4)
    y -= 16
    canvas.setFont(REGULAR, 10)
    for name, g in table.items():
        cells = (fit(plain(name), REGULAR, 10, 0.44 * width), str(g.registered),
                 f"{g.arrived} ({_percent(g.arrived, g.registered)})", str(g.capacity) if g.capacity else "—")
        for (left, _label), text in zip(columns, cells, strict=True):
            canvas.drawString(MARGIN + left * width, y, text)
        y -= 15
    return y - 14


def _chart(canvas: Canvas, bins: tuple[Bin, ...], x: float, y: float, width: float, height: float,
           w: dict[str, str]) -> None:
    """Arrivals up (amber), departures down (blue), people inside as a line: one bar pair per 5 minutes."""
    canvas.setStrokeColor("#bdbdbd")
    canvas.setLineWidth(0.5)
    canvas.rect(x, y, width, height, stroke=1, fill=0)
    if not bins:
        canvas.setFont(REGULAR, 10)
        canvas.setFillColor(MUTED)
        canvas.drawCentredString(x + width / 2, y + height / 2, w["none"])
        return
    top = max(max(b.arrivals for b in bins), 1)
    bottom = max(max(b.departures for b in bins), 0)
    inside_max = max(max(b.inside_at_end for b in bins), 1)
    span = top + bottom
    zero = y + height * bottom / span if span else y
    slot = width / len(bins)
    bar = max(slot * 0.7, 0.5)
    canvas.setStrokeColor("#9e9e9e")
    canvas.line(x, zero, x + width, zero)
    for i, b in enumerate(bins):
        left = x + i * slot + (slot - bar) / 2
        if b.arrivals:
            canvas.setFillColor(AMBER)
            canvas.rect(left, zero, bar, (y + height - zero) * b.arrivals / top, stroke=0, fill=1)
        if b.departures and bottom:
            canvas.setFillColor(EXIT_BLUE)
            depth = (zero - y) * b.departures / bottom
            canvas.rect(left, zero - depth, bar, depth, stroke=0, fill=1)
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(1.6)
    # people inside on the arrivals' side of the axis, on their own scale (labelled top right)
    points = [(x + (i + 0.5) * slot, zero + (y + height - zero) * b.inside_at_end / inside_max)
              for i, b in enumerate(bins)]
    path = canvas.beginPath()
    path.moveTo(*points[0])
    for point in points[1:]:
        path.lineTo(*point)
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.setFont(REGULAR, 7.5)
    canvas.setFillColor(MUTED)
    every = max(1, round(len(bins) / 8))
    for i in range(0, len(bins), every):
        canvas.drawCentredString(x + (i + 0.5) * slot, y - 10, hhmm(bins[i].start))
    canvas.drawString(x + 2, y + height - 9, f"{w['arrivals']} ≤ {top}")
    if bottom:
        canvas.drawString(x + 2, y + 3, f"{w['departures']} ≤ {bottom}")
    canvas.drawRightString(x + width - 2, y + height - 9, f"{w['inside_line']} ≤ {inside_max}")
    legend_y = y - 24
    for i, (color, label) in enumerate(((AMBER, w["arrivals"]), (EXIT_BLUE, w["departures"]),
                                        (INK, w["inside_line"]))):
        lx = x + i * 110
        canvas.setFillColor(color)
        canvas.rect(lx, legend_y, 10, 7, stroke=0, fill=1)
        canvas.setFillColor(INK)
        canvas.drawString(lx + 14, legend_y, label)
