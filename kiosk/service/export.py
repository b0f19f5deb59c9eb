"""Export every attendee with their door status to CSV or xlsx, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
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


PROGRESS_EVERY = 1_000  # rows between two progress calls


def export_attendees(kiosk: Kiosk, path: Path, progress: Callable[[int, int], None] | None = None) -> int:
    """Write the file (all or nothing: the old one stays until the new one is complete); ``progress``
    gets (rows written, rows in all) every PROGRESS_EVERY rows: 100,000 guests take 15 s in xlsx."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise Refused("export_format")
    total = attendee_store.count(kiosk.conn, kiosk.event.id) if progress else 0

    def counted() -> Iterator[list[str]]:
        done = 0
        for done, values in enumerate(rows(kiosk), start=1):
            yield values
            if progress and done % PROGRESS_EVERY == 0:
                progress(done, total)
        if progress and (done % PROGRESS_EVERY or not done):
            progress(done, total)

    count = 0
    with atomic_write(path) as raw:
        if suffix == ".csv":
            out = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")  # BOM: Excel reads UTF-8 right
            writer = csv.writer(out)
            writer.writerow(HEADERS)
            for count, values in enumerate(counted(), start=1):  # noqa: B007
                writer.writerow(values)
            out.detach()  # flushed; ``atomic_write`` fsyncs and closes the file
        else:
            from openpyxl import Workbook

            book = Workbook(write_only=True)
            sheet = book.create_sheet("attendees")
            sheet.append(list(HEADERS))
            for count, values in enumerate(counted(), start=1):  # noqa: B007
                sheet.append(values)
            book.save(raw)
    from kiosk.service.purge import Purge

    Purge(kiosk).record_written(path, kind="export")  # the purge deletes it, and says when the last one was made
    return count
