"""Tickets to e-mail: per guest a one-page PDF (A6, fits a phone screen) with a large QR of the
signed payload, the QR alone as PNG, and ``mailing.csv`` for a mail-merge tool.

QR choices, for a phone screen held up to a 720p webcam: error correction M (the signed
payload stays at version ~9; level Q would add ~25 % modules, making each one smaller on
screen, and a screen has no smudges to repair) and the standard 4-module quiet zone. The
PDF's QR is ~89 mm wide so a phone showing the page fits it to ~75 % of the screen width.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from kiosk.badges import engine
from kiosk.badges.content import badge_content, default_logo
from kiosk.badges.layouts import Box, Layout
from kiosk.domain.model import Attendee, Event
from kiosk.domain.spreadsheet import safe_cell
from kiosk.files import atomic_write

INSTRUCTIONS = "Présentez ce code à l'entrée · Show this code at the door"
TICKET = Layout(
    "ticket", "E-mailed ticket, A6 portrait", 105, 148, 105, 148, media="A6", boxes=(
        Box("logo", 0.06, 0.03, 0.18, 0.10),
        Box("event", 0.28, 0.035, 0.66, 0.07, size=0.028, bold=True, align="left", lines=2, min_ratio=0.7),
        Box("date", 0.28, 0.105, 0.66, 0.035, size=0.022, align="left", color="#555555"),
        Box("first_name", 0.06, 0.155, 0.88, 0.075, size=0.05, bold=True, min_ratio=0.5),
        Box("last_name", 0.06, 0.23, 0.88, 0.05, size=0.035, lines=2),
        Box("workshop", 0.06, 0.285, 0.88, 0.04, size=0.025),
        Box("qr", 0.06, 0.33, 0.88, 0.60),
        Box("tagline", 0.04, 0.935, 0.92, 0.045, size=0.019, color="#424242", min_ratio=0.8),
    ),
)
PNG_BOX_PX = 10  # pixels per module of the PNG (a version-9 code is ~610 px with its quiet zone)


@dataclass(frozen=True)
class TicketFiles:
    attendee: Attendee
    pdf: Path
    png: Path


def slug(attendee: Attendee) -> str:
    """A file name stem: the ticket code (or id), then the name in ASCII."""
    folded = unicodedata.normalize("NFKD", attendee.full_name).encode("ascii", "ignore").decode()
    name = re.sub(r"[^A-Za-z0-9]+", "-", folded).strip("-").lower()[:40]
    head = re.sub(r"[^A-Za-z0-9-]+", "-", attendee.ticket_code or attendee.id)
    return f"{head}-{name}" if name else head


def write_qr_png(data: str, path: Path) -> None:
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=PNG_BOX_PX, border=engine.QUIET_ZONE)
    qr.add_data(data)
    qr.make(fit=True)
    with atomic_write(path) as out:
        qr.make_image(fill_color="black", back_color="white").save(out, format="PNG")


def write_ticket(attendee: Attendee, event: Event, payload: str, directory: Path, *, lang: str = "fr") -> TicketFiles:
    stem = slug(attendee)
    pdf, png = directory / f"{stem}.pdf", directory / f"{stem}.png"
    content = badge_content(attendee, event, qr=payload, logo=default_logo(), lang=lang)
    content = replace(content, tagline=INSTRUCTIONS, organisation="", category="")
    engine.render([content], TICKET, pdf, title=f"{event.name} — {attendee.full_name}")
    write_qr_png(payload, png)
    return TicketFiles(attendee, pdf, png)


def write_mailing(files: Iterable[TicketFiles], path: Path) -> int:
    """``email,first_name,last_name,pdf,png`` with absolute paths; UTF-8 with BOM for spreadsheets,
    every cell spreadsheet-safe (a mail-merge sheet is opened in Excel or LibreOffice)."""
    rows = 0
    with atomic_write(path) as raw:
        out = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        writer = csv.writer(out)
        writer.writerow(["email", "first_name", "last_name", "pdf", "png"])
        for f in files:
            writer.writerow([safe_cell(v) for v in (f.attendee.email or "", f.attendee.first_name,
                                                    f.attendee.last_name, str(f.pdf.resolve()),
                                                    str(f.png.resolve()))])
            rows += 1
        out.detach()  # flushed; ``atomic_write`` fsyncs and closes the file
    return rows


def write_tickets(
    attendees: Iterable[Attendee], event: Event, sign: Callable[[Attendee], str], directory: Path, *,
    lang: str = "fr", progress: Callable[[int], None] | None = None,
) -> list[TicketFiles]:
    """All tickets plus ``mailing.csv``; ``sign`` returns a guest's signed payload."""
    directory.mkdir(parents=True, exist_ok=True)
    made: list[TicketFiles] = []
    for i, attendee in enumerate(attendees, start=1):
        made.append(write_ticket(attendee, event, sign(attendee), directory, lang=lang))
        if progress is not None:
            progress(i)
    write_mailing(made, directory / "mailing.csv")
    return made
