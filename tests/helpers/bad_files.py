"""Bad registration files the import must refuse, shared by the import-safety and the wording tests."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from kiosk.importing.reader import MAX_INFLATED_BYTES


def zip_bomb_xlsx(folder: Path) -> Path:
    """A real xlsx whose extra sheet part inflates past the limit (408 MB declared, under 2 MB on disk)."""
    good = folder / "good.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Prénom", "Nom"])
    sheet.append(["Ann", "Lee"])
    book.save(good)
    bomb = folder / "bomb.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            out.writestr(item, src.read(item.filename))
        chunk = b" " * (1 << 20)
        with out.open("xl/worksheets/padding.xml", "w") as part:
            for _ in range(MAX_INFLATED_BYTES // len(chunk) + 8):
                part.write(chunk)
    return bomb


def two_sheets_of_names(path: Path) -> Path:
    """A workbook where two sheets list people (registrations and volunteers): which one is ambiguous."""
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "Inscrits"
    for row in (["Prénom", "Nom"], ["Hélène", "Dupont"], ["Jean", "Martin"]):
        first.append(row)
    second = book.create_sheet("Bénévoles")
    for row in (["Prénom", "Nom"], ["Zoé", "Nguyễn"]):
        second.append(row)
    book.save(path)
    return path
