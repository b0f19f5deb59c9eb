"""Export every attendee with their door status to CSV or xlsx, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from kiosk.domain.spreadsheet import safe_cell
from kiosk.files import atomic_write
from kiosk.service.errors import Refused
from kiosk.service.kiosk import Kiosk
from kiosk.store import attendees as attendee_store

HEADERS = attendee_store.EXPORT_COLUMNS


def rows(kiosk: Kiosk) -> Iterator[list[str]]:
    for row in attendee_store.export_rows(kiosk.conn, kiosk.event.id):
        values = ["" if v is None else str(v) for v in row]
        values[12] = "yes" if row[12] else "no"
        yield [safe_cell(v) for v in values]


def export_attendees(kiosk: Kiosk, path: Path) -> int:
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise Refused("export_format")
    count = 0
    with atomic_write(path) as raw:
        if suffix == ".csv":
            out = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")  # BOM: Excel reads UTF-8 right
            writer = csv.writer(out)
            writer.writerow(HEADERS)
            for count, values in enumerate(rows(kiosk), start=1):  # noqa: B007
                writer.writerow(values)
            out.detach()  # flushed; ``atomic_write`` fsyncs and closes the file
        else:
            from openpyxl import Workbook

            book = Workbook(write_only=True)
            sheet = book.create_sheet("attendees")
            sheet.append(list(HEADERS))
            for count, values in enumerate(rows(kiosk), start=1):  # noqa: B007
                sheet.append(values)
            book.save(raw)
    return count
