"""Registration file -> raw rows (list of cells with their 1-based line number).

Handles CSV/TSV text in UTF-8 (with or without BOM), UTF-16/32 with BOM and Windows-1252, any line
ending, and ``.xlsx`` workbooks (detected by content).  Everything else is rejected with an
:class:`ImportFileError` carrying one human-readable line.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import warnings
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

__all__ = [
    "MAX_COLUMNS",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "ImportFileError",
    "RawTable",
    "read_table",
]

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_ROWS = 1_000_000
MAX_COLUMNS = 200

_DELIMITERS = (";", ",", "\t", "|")
_SNIFF_CHARS = 64 * 1024
_SNIFF_ROWS = 40

# Control characters that never appear in a genuine text export (tab, CR, LF excluded; U+FFFD = undecodable).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")


class ImportFileError(ValueError):
    """A file-level problem; ``str(error)`` is one clear line meant for the organiser."""


@dataclass(frozen=True)
class RawTable:
    rows: Iterator[tuple[int, list[str]]]  # (1-based line, cells), read lazily; blank lines are left out
    encoding: str
    delimiter: str | None


def read_table(path: Path) -> RawTable:
    """Open a CSV/TSV/xlsx file as raw rows; raise :class:`ImportFileError` on any file-level problem.

    Rows are produced lazily: row-level limits (columns, row count) raise while iterating.
    """
    data = _read_bytes(path)
    kind = _sniff_binary(data)
    if kind == "xlsx":
        return RawTable(_read_xlsx(data), "xlsx", None)
    text, encoding = _decode(data)
    del data
    if not text.strip():
        raise ImportFileError("empty file")
    delimiter = _sniff_delimiter(text)
    return RawTable(_read_csv(text, delimiter), encoding, delimiter)


# --------------------------------------------------------------------------- bytes & format detection


def _read_bytes(path: Path) -> bytes:
    try:
        if not path.exists():
            raise ImportFileError(f"file not found: {path}")
        if path.is_dir():
            raise ImportFileError(f"{path} is a folder, not a file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFileError(f"file is too large ({size / 1024 / 1024:.0f} MB, the limit is 200 MB)")
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError("file is too large (the limit is 200 MB)")
    if not data.strip():
        raise ImportFileError("empty file")
    return data


_SAVE_AS = "save it as .xlsx or CSV"
_MAGICS: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", f"legacy Excel .xls or password-protected files are not supported; {_SAVE_AS}"),
    (b"%PDF", "PDF files cannot be imported; export the registrations as CSV or .xlsx"),
    (b"\x89PNG", "images cannot be imported; export the registrations as CSV or .xlsx"),
    (b"\xff\xd8\xff", "images cannot be imported; export the registrations as CSV or .xlsx"),
    (b"GIF8", "images cannot be imported; export the registrations as CSV or .xlsx"),
    (b"RIFF", "unsupported binary file; export the registrations as CSV or .xlsx"),
    (b"\x1f\x8b", "compressed (gzip) file; extract it first"),
    (b"Rar!", "compressed (rar) file; extract it first"),
    (b"7z\xbc\xaf", "compressed (7z) file; extract it first"),
    (b"SQLite format 3", "database files cannot be imported; export the registrations as CSV or .xlsx"),
)


def _sniff_binary(data: bytes) -> str:
    """Return "xlsx" or "text"; raise for every other recognisable format."""
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    for magic, message in _MAGICS:
        if data.startswith(magic):
            raise ImportFileError(message)
    head = data[:2048].lstrip(b"\xef\xbb\xbf").lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<table")):
        raise ImportFileError(f"this is an HTML page, not a spreadsheet; open it in Excel and {_SAVE_AS}")
    if head.startswith(b"<?xml"):
        if b"urn:schemas-microsoft-com:office:spreadsheet" in data[:4096]:
            raise ImportFileError(f"Excel 2003 XML spreadsheets are not supported; {_SAVE_AS}")
        raise ImportFileError(f"XML files are not supported; {_SAVE_AS}")
    if head.startswith(b"{\\rtf"):
        raise ImportFileError(f"RTF documents cannot be imported; {_SAVE_AS}")
    return "text"


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            mimetype = zf.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, ValueError):
        raise ImportFileError("damaged or unsupported zip file; export the registrations as CSV or .xlsx") from None
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        raise ImportFileError(f"Excel binary workbooks (.xlsb) are not supported; {_SAVE_AS}")
    if b"opendocument.spreadsheet" in mimetype:
        raise ImportFileError(f"LibreOffice/OpenOffice .ods files are not supported; {_SAVE_AS}")
    if "word/document.xml" in names or b"opendocument.text" in mimetype:
        raise ImportFileError(f"word-processor documents cannot be imported; {_SAVE_AS}")
    raise ImportFileError("zip archives cannot be imported; extract the CSV or .xlsx file first")


def _decode(data: bytes) -> tuple[str, str]:
    """Decode text bytes; return (text, encoding name)."""
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = _strict(data, "utf-8-sig"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        text, encoding = _strict(data, "utf-32"), "utf-32"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _strict(data, "utf-16"), "utf-16"
    else:
        bom_less = _bomless_utf16(data)
        if bom_less:
            text, encoding = _strict(data, bom_less), bom_less
        elif b"\x00" in data:
            raise ImportFileError("unsupported binary file; export the registrations as CSV or .xlsx")
        else:
            text, encoding = _utf8_or_cp1252(data)
    _check_text(text)
    return text, encoding


def _utf8_or_cp1252(data: bytes) -> tuple[str, str]:
    """UTF-8, else Windows-1252 (French Excel). A UTF-8 file with a stray byte or two (exports
    pasted together) stays UTF-8, with those bytes replaced, rather than garbling every accent."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    good = sum(1 for ch in lenient if ord(ch) > 0x7F) - bad
    if good >= 10 * bad:
        return lenient, f"utf-8 ({bad} invalid byte sequence{'s' if bad > 1 else ''} replaced)"
    return data.decode("cp1252", errors="replace"), "cp1252"


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise ImportFileError(f"the file claims to be {encoding.upper()} but cannot be decoded") from None


def _bomless_utf16(data: bytes) -> str | None:
    """Recognise UTF-16 text without BOM (ASCII-heavy text has a NUL in every other byte)."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.7 * half and even_nuls == 0:
        return "utf-16-le"
    if even_nuls > 0.7 * half and odd_nuls == 0:
        return "utf-16-be"
    return None


def _check_text(text: str) -> None:
    bad = len(_CONTROL.findall(text, 0, 1_000_000))
    if "\x00" in text or bad > 8 + min(len(text), 1_000_000) // 200:
        raise ImportFileError("unsupported binary file or unknown text encoding; export as CSV (UTF-8) or .xlsx")


# --------------------------------------------------------------------------- CSV


def _sniff_delimiter(text: str) -> str:
    """Pick the delimiter giving the most rows with the same (>= 2) number of fields in the first rows.

    Each candidate is parsed with the csv module so quoted delimiters and newlines are ignored.
    """
    sample = text[:_SNIFF_CHARS]
    truncated = len(text) > len(sample)
    best: tuple[int, int, int] = (0, 0, 0)
    best_delim = "\t" if "\t" in sample and "," not in sample and ";" not in sample else ","
    for preference, delim in enumerate(reversed(_DELIMITERS)):
        try:
            rows = list(islice(csv.reader(io.StringIO(sample, newline=""), delimiter=delim), _SNIFF_ROWS + 1))
        except csv.Error:
            continue
        if truncated or len(rows) > _SNIFF_ROWS:
            rows = rows[:-1]  # possibly cut in the middle
        counts = [len(r) for r in rows if any(c.strip() for c in r)]
        multi = Counter(c for c in counts if c >= 2)
        if not multi:
            continue
        mode, agreeing = max(multi.items(), key=lambda kv: (kv[1], kv[0]))
        score = (agreeing, mode, preference)
        if score > best:
            best, best_delim = score, delim
    return best_delim


def _trimmed(row: list[str]) -> list[str]:
    end = len(row)
    while end and not row[end - 1].strip():
        end -= 1
    return row[:end] if end != len(row) else row


def _read_csv(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    prev_line = 0
    count = 0
    try:
        for row in reader:
            start = prev_line + 1
            prev_line = reader.line_num
            if not row:
                continue
            count += 1
            if count > MAX_ROWS:
                raise ImportFileError(f"line {start}: too many rows (the limit is {MAX_ROWS:,})")
            if len(row) > MAX_COLUMNS:
                row = _trimmed(row)
                if len(row) > MAX_COLUMNS:
                    raise ImportFileError(f"line {start}: too many columns ({len(row)}, the limit is {MAX_COLUMNS})")
            yield start, row
    except csv.Error:  # the only error with strict=False: a field over csv.field_size_limit() (128 KiB)
        raise ImportFileError(_too_long(prev_line + 1)) from None


def _too_long(line: int) -> str:
    return (
        f"line {line}: a value is longer than {csv.field_size_limit():,} characters "
        "(unbalanced quote \" in the file?)"
    )


# --------------------------------------------------------------------------- xlsx


def _read_xlsx(data: bytes) -> Iterator[tuple[int, list[str]]]:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - openpyxl is a declared dependency
        raise ImportFileError("reading .xlsx files needs the openpyxl package") from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # a file object: openpyxl would refuse a path whose extension is not .xlsx/.xlsm
            wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        if not wb.worksheets:
            raise ImportFileError("the workbook has no sheet")
    except ImportFileError:
        raise
    except Exception as exc:  # openpyxl raises many kinds of errors on damaged files
        raise ImportFileError(f"cannot read the Excel file: {_one_line(exc)}") from None
    return _xlsx_rows(wb)


def _xlsx_rows(wb: Any) -> Iterator[tuple[int, list[str]]]:
    count = 0
    try:
        ws = wb.worksheets[0]
        reset = getattr(ws, "reset_dimensions", None)
        if reset is not None:
            reset()  # some exporters write wrong dimensions; read every row present
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for line, values in enumerate(ws.iter_rows(values_only=True), start=1):
                cells = list(values)
                while cells and (cells[-1] is None or cells[-1] == ""):
                    cells.pop()
                if not cells:
                    continue
                count += 1
                if count > MAX_ROWS:
                    raise ImportFileError(f"line {line}: too many rows (the limit is {MAX_ROWS:,})")
                if len(cells) > MAX_COLUMNS:
                    raise ImportFileError(
                        f"line {line}: too many columns ({len(cells)}, the limit is {MAX_COLUMNS})"
                    )
                yield line, [_cell_text(v) for v in cells]
    except ImportFileError:
        raise
    except Exception as exc:
        raise ImportFileError(f"cannot read the Excel file: {_one_line(exc)}") from None
    finally:
        wb.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e21:
            return str(int(value))
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0) and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat(timespec="seconds")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]

