"""The evacuation list on A4: everyone inside now, by last name, with organisation and arrival time,
and the time it was made (a list from an hour ago is not today's list)."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from kiosk.domain.model import Event
from kiosk.domain.occupancy import PresentPerson
from kiosk.files import write_bytes
from kiosk.reports.pdf import (
    BOLD,
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

ROW_H = 17.0
COLUMNS = ((0.0, 0.27, "last_name"), (0.27, 0.22, "first_name"), (0.49, 0.39, "organisation"),
           (0.88, 0.12, "arrived"))


def write_evacuation_pdf(path: Path, event: Event, people: list[PresentPerson], made_at: str,
                         *, lang: str = "fr") -> int:
    """Write the list; returns the number of pages."""
    register_fonts()
    w = words(lang)
    moment = local(made_at)
    stamp = w["made_at"].format(date=moment.strftime("%d/%m/%Y") if moment else "?", time=hhmm(made_at))
    buffer = io.BytesIO()  # written at once, 0600, atomically (kiosk.files)
    canvas = Canvas(buffer, pagesize=(PAGE_W, PAGE_H))
    canvas.setTitle(f"{w['evacuation']} — {event.name}")
    width = PAGE_W - 2 * MARGIN
    page = 1

    def header() -> float:
        canvas.setFillColor(INK)
        canvas.setFont(BOLD, 16)
        canvas.drawString(MARGIN, PAGE_H - MARGIN - 12, fit(w["evacuation"], BOLD, 16, width))
        canvas.setFont(REGULAR, 11)
        canvas.drawString(MARGIN, PAGE_H - MARGIN - 30, fit(plain(event.name), REGULAR, 11, width * 0.6))
        canvas.setFont(BOLD, 11)
        canvas.drawRightString(PAGE_W - MARGIN, PAGE_H - MARGIN - 30, stamp)
        canvas.setFont(REGULAR, 11)
        canvas.drawString(MARGIN, PAGE_H - MARGIN - 46, w["inside_count"].format(n=len(people)))
        y = PAGE_H - MARGIN - 70
        canvas.setFont(BOLD, 9.5)
        for left, _span, key in COLUMNS:
            canvas.drawString(MARGIN + left * width, y, w[key])
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN, y - 4, PAGE_W - MARGIN, y - 4)
        return float(y - ROW_H)

    def footer() -> None:
        canvas.setFont(REGULAR, 8.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, MARGIN - 16, stamp)
        canvas.drawRightString(PAGE_W - MARGIN, MARGIN - 16, w["page"].format(n=page))

    y = header()
    for i, person in enumerate(people):
        if y < MARGIN + 10:
            footer()
            canvas.showPage()
            page += 1
            y = header()
        if i % 2:
            canvas.setFillColor("#f3f3f3")
            canvas.rect(MARGIN, y - 4.5, width, ROW_H, stroke=0, fill=1)
        canvas.setFillColor(INK)
        organisation = plain(person.organisation)
        if person.cancelled:
            organisation = f"{organisation} {w['cancelled_mark']}".strip()
        cells = (plain(person.last_name).upper(), plain(person.first_name), organisation, hhmm(person.arrived_at))
        for (left, span, _key), text in zip(COLUMNS, cells, strict=True):
            font = BOLD if _key == "last_name" else REGULAR
            canvas.setFont(font, 10)
            canvas.drawString(MARGIN + left * width, y, fit(text, font, 10, span * width - 6))
        y -= ROW_H
    footer()
    canvas.save()
    write_bytes(path, buffer.getvalue())
    return page
