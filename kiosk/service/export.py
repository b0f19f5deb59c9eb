"""Export every attendee with their door status to CSV or xlsx, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from kiosk.service.errors import KioskError
from kiosk.service.kiosk import Kiosk

HEADERS = (
    "id", "ticket_code", "first_name", "last_name", "email", "organisation", "category", "workshop",
    "status", "first_entry_at", "first_entry_device", "last_scan_at", "inside", "source",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """Cells a spreadsheet would run as a formula get a leading apostrophe (CSV injection)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def rows(kiosk: Kiosk) -> Iterator[list[str]]:
    cursor = kiosk.conn.execute(
        "SELECT id, ticket_code, first_name, last_name, email, organisation, category, workshop, status,"
        " first_entry_at, first_entry_device, last_scan_at, inside, source FROM attendees WHERE event_id = ?"
        " ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE",
        (kiosk.event.id,),
    )
    for row in cursor:
        values = ["" if v is None else str(v) for v in row]
        values[12] = "yes" if row[12] else "no"
        yield [neutralise(v) for v in values]


def export_attendees(kiosk: Kiosk, path: Path) -> int:
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise KioskError("export to a .csv or .xlsx file")
    tmp = path.with_name(path.name + ".part")
    count = 0
    if suffix == ".csv":
        with tmp.open("w", encoding="utf-8-sig", newline="") as out:  # BOM: Excel reads UTF-8 right
            writer = csv.writer(out)
            writer.writerow(HEADERS)
            for count, values in enumerate(rows(kiosk), start=1):  # noqa: B007
                writer.writerow(values)
    else:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("attendees")
        sheet.append(list(HEADERS))
        for count, values in enumerate(rows(kiosk), start=1):  # noqa: B007
            sheet.append(values)
        book.save(tmp)
    tmp.replace(path)
    return count
