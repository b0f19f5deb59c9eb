"""Registration file -> raw rows (list of cells with their 1-based line number).

Handles CSV/TSV text in UTF-8 (with or without BOM), UTF-16/32 with BOM and Windows-1252, any line
ending, files mixing UTF-8 and Windows-1252 lines (repaired line by line, reported), and ``.xlsx``,
``.xls`` and ``.ods`` workbooks (detected by content, read with calamine), every sheet of them.
Only regular files are read (a FIFO or a device never is), and a workbook whose parts would inflate
past :data:`MAX_INFLATED_BYTES` is refused before parsing. Everything else is rejected with an
:class:`ImportFileError`: a message key and its values (kiosk/importing/messages.py), one line in French
or English.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import os
import re
import stat
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from kiosk.domain.os_errors import os_reason
from kiosk.importing.messages import Sentence, import_message

__all__ = [
    "MAX_COLUMNS",
    "MAX_FILE_BYTES",
    "MAX_INFLATED_BYTES",
    "MAX_ROWS",
    "ImportFileError",
    "RawTable",
    "read_table",
    "read_tables",
]

MAX_FILE_BYTES = 200 * 1024 * 1024
# A 100,000-row xlsx inflates to ~60 MB of XML; a zip bomb to gigabytes (1.5 MB -> 1.5 GB seen).
MAX_INFLATED_BYTES = 400 * 1024 * 1024
MAX_ROWS = 1_000_000
MAX_COLUMNS = 200

_DELIMITERS = (";", ",", "\t", "|")
_SNIFF_CHARS = 64 * 1024
_SNIFF_ROWS = 40

# Control characters that never appear in a genuine text export (tab, CR, LF excluded; U+FFFD = undecodable).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")


class ImportFileError(ValueError):
    """A file-level problem as data: ``key`` and ``values`` (kiosk/importing/messages.py), so the CLI and
    the window word it in their language; ``str(error)`` is the English line, for logs."""

    def __init__(self, key: str, **values: object) -> None:
        self.key, self.values = key, values
        super().__init__(import_message(key, "en", **values))

    def message(self, lang: str) -> str:
        """The line in ``lang`` (English when the language is unknown)."""
        return import_message(self.key, lang, **self.values)

    def __reduce__(self) -> tuple[Any, ...]:  # the default would rebuild it from the English text
        return _import_file_error, (self.key, self.values)


def _import_file_error(key: str, values: dict[str, object]) -> ImportFileError:
    return ImportFileError(key, **values)


@dataclass(frozen=True)
class RawTable:
    rows: Iterator[tuple[int, list[str]]]  # (1-based line, cells), read lazily; blank lines are left out
    encoding: str
    delimiter: str | None
    sheet: str | None = None  # the workbook sheet these rows come from
    # (line, message): text repaired or left doubtful by the decoder, for the import summary; each message
    # is a Sentence (its English text, with a key the edges word in their language).
    warnings: tuple[tuple[int, str], ...] = ()


def read_table(path: Path) -> RawTable:
    """The first table of :func:`read_tables` (a CSV file has one)."""
    return read_tables(path)[0]


def read_tables(path: Path) -> list[RawTable]:
    """Open a CSV/TSV file (one table) or a workbook (one table per sheet) as raw rows.

    Raises :class:`ImportFileError` on any file-level problem. Rows are produced lazily: row-level
    limits (columns, row count) raise while iterating.
    """
    data = _read_bytes(path)
    kind = _sniff_binary(data)
    if kind in ("xlsx", "ods", "xls"):
        return _read_workbook(data, kind)
    text, encoding, warnings_ = _decode(data)
    del data
    if not text.strip():
        raise ImportFileError("empty_file")
    delimiter = _sniff_delimiter(text)
    return [RawTable(_read_csv(text, delimiter), encoding, delimiter, warnings=tuple(warnings_))]


# --------------------------------------------------------------------------- bytes & format detection


def _read_bytes(path: Path) -> bytes:
    """The file's bytes; only a regular file is opened (a FIFO would block, /dev/zero never ends)."""
    try:
        if not path.exists():
            raise ImportFileError("file_not_found", path=path)
        if path.is_dir():
            raise ImportFileError("is_a_folder", path=path)
        # O_NONBLOCK: opening a FIFO with no writer returns at once instead of hanging; then fstat decides.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as fh:
            info = os.fstat(fh.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise ImportFileError("not_a_regular_file", path=path)
            if info.st_size > MAX_FILE_BYTES:
                raise ImportFileError("file_too_large", size_mb=info.st_size / 1024 / 1024,
                                      limit_mb=MAX_FILE_BYTES // 1024 // 1024)
            data = fh.read(MAX_FILE_BYTES + 1)  # bounded even if the file grows while it is read
    except OSError as exc:
        raise ImportFileError("cannot_read", path=path, reason=os_reason(exc)) from None
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError("file_too_large_limit", limit_mb=MAX_FILE_BYTES // 1024 // 1024)
    if not data.strip():
        raise ImportFileError("empty_file")
    return data


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, and also password-protected (encrypted) .xlsx
# (magic, message key, values)
_MAGICS: tuple[tuple[bytes, str, dict[str, object]], ...] = (
    (b"%PDF", "pdf_file", {}),
    (b"\x89PNG", "image_file", {}),
    (b"\xff\xd8\xff", "image_file", {}),
    (b"GIF8", "image_file", {}),
    (b"RIFF", "binary_file", {}),
    (b"\x1f\x8b", "compressed_file", {"kind": "gzip"}),
    (b"Rar!", "compressed_file", {"kind": "rar"}),
    (b"7z\xbc\xaf", "compressed_file", {"kind": "7z"}),
    (b"SQLite format 3", "database_file", {}),
)


def _sniff_binary(data: bytes) -> str:
    """Return "xlsx", "ods", "xls" or "text"; raise for every other recognisable format."""
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    if data.startswith(_OLE):
        if "EncryptedPackage".encode("utf-16-le") in data[:65536]:
            raise ImportFileError("encrypted_excel")
        return "xls"
    for magic, key, values in _MAGICS:
        if data.startswith(magic):
            raise ImportFileError(key, **values)
    head = data[:2048].lstrip(b"\xef\xbb\xbf").lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<table")):
        raise ImportFileError("html_page")
    if head.startswith(b"<?xml"):
        if b"urn:schemas-microsoft-com:office:spreadsheet" in data[:4096]:
            raise ImportFileError("excel_2003_xml")
        raise ImportFileError("xml_file")
    if head.startswith(b"{\\rtf"):
        raise ImportFileError("rtf_file")
    return "text"


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            mimetype = zf.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, ValueError):
        raise ImportFileError("bad_zip") from None
    # The sizes the archive declares are what the parser would inflate: refuse a bomb before touching it.
    inflated = sum(i.file_size for i in infos)
    if inflated > MAX_INFLATED_BYTES:
        raise ImportFileError("zip_bomb", inflated_mb=inflated / 1024 / 1024,
                              limit_mb=MAX_INFLATED_BYTES // 1024 // 1024)
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        raise ImportFileError("xlsb")
    if b"opendocument.spreadsheet" in mimetype:
        return "ods"
    if "word/document.xml" in names or b"opendocument.text" in mimetype:
        raise ImportFileError("word_document")
    raise ImportFileError("zip_archive")


def _decode(data: bytes) -> tuple[str, str, list[tuple[int, str]]]:
    """Decode text bytes; return (text, encoding name, per-line warnings)."""
    warnings_: list[tuple[int, str]] = []
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
            raise ImportFileError("binary_file")
        else:
            text, encoding, warnings_ = _utf8_or_cp1252(data)
    _check_text(text)
    return text, encoding, warnings_


# Windows-1252 leaves these five bytes undefined: a line holding one cannot be read either way.
_CP1252_HOLES = frozenset(b"\x81\x8d\x8f\x90\x9d")
# UTF-8 read as Windows-1252 ("Ã©", "Ã¨", "â€™"): the mark of a piece of UTF-8 in a cp1252 file.
_MOJIBAKE = re.compile(
    "[ÂÃ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]|â€"
)


def _utf8_or_cp1252(data: bytes) -> tuple[str, str, list[tuple[int, str]]]:
    """UTF-8, else Windows-1252 (French Excel), else a mix of both (exports pasted together).

    A mix is decoded line by line: each line is UTF-8 if it can be, else Windows-1252; pieces of UTF-8
    left inside a Windows-1252 line ("HÃ©lÃ¨ne") are repaired with ftfy. Every repaired line is reported,
    and so is every line that stays doubtful (bytes that neither encoding defines, replaced by "�").
    """
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    decoded: list[str] = []
    kinds: list[str] = []  # per line: "ascii", "utf-8", "cp1252" or "neither"
    for raw in lines:
        try:
            decoded.append(raw.decode("utf-8"))
            kinds.append("utf-8" if not raw.isascii() else "ascii")
        except UnicodeDecodeError:
            if _CP1252_HOLES.intersection(raw):
                decoded.append(raw.decode("utf-8", errors="replace"))
                kinds.append("neither")
            else:
                decoded.append(raw.decode("cp1252"))
                kinds.append("cp1252")
    utf8_lines, cp_lines = kinds.count("utf-8"), kinds.count("cp1252")
    mostly_utf8 = utf8_lines >= cp_lines
    encoding = "cp1252" if not utf8_lines else ("utf-8 + cp1252 lines" if mostly_utf8 else "cp1252 + utf-8 lines")
    warnings_: list[tuple[int, str]] = []
    for number, kind in enumerate(kinds, start=1):
        if kind == "neither":
            warnings_.append((number, Sentence("undecodable_bytes")))
        elif kind == "cp1252" and mostly_utf8:
            warnings_.append((number, Sentence("cp1252_in_utf8")))
        elif kind == "utf-8" and not mostly_utf8:
            warnings_.append((number, Sentence("utf8_in_cp1252")))
    for i, line in enumerate(decoded):
        if kinds[i] == "cp1252" and _MOJIBAKE.search(line):
            fixed = _fix_mojibake(line)
            if fixed != line:
                decoded[i] = fixed
                warnings_.append((i + 1, Sentence("mojibake_repaired")))
            else:
                warnings_.append((i + 1, Sentence("mojibake_left")))
    warnings_.sort()
    return "\n".join(decoded), encoding, warnings_


def _fix_mojibake(line: str) -> str:
    try:
        import ftfy
    except ImportError:  # pragma: no cover - ftfy is a declared dependency
        return line
    return str(ftfy.fix_encoding(line))


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise ImportFileError("bad_encoding", encoding=encoding.upper()) from None


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
        raise ImportFileError("unknown_encoding")


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
                raise ImportFileError("too_many_rows", line=start, limit=MAX_ROWS)
            if len(row) > MAX_COLUMNS:
                row = _trimmed(row)
                if len(row) > MAX_COLUMNS:
                    raise ImportFileError("too_many_columns", line=start, count=len(row), limit=MAX_COLUMNS)
            yield start, row
    except csv.Error:  # the only error with strict=False: a field over csv.field_size_limit() (128 KiB)
        raise ImportFileError("value_too_long_csv", line=prev_line + 1, limit=csv.field_size_limit()) from None


# --------------------------------------------------------------------------- xlsx


def _read_workbook(data: bytes, kind: str) -> list[RawTable]:
    """Every sheet of an xlsx/xls/ods workbook, read with calamine (Rust; several times faster than openpyxl)."""
    try:
        import python_calamine
    except ImportError:  # pragma: no cover - python-calamine is a declared dependency
        raise ImportFileError("needs_calamine") from None
    try:
        wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = list(wb.sheet_names)
    except Exception as exc:  # calamine raises its own error types on damaged files
        raise ImportFileError("cannot_read_workbook", kind=_KIND_NAMES[kind], detail=_one_line(exc)) from None
    if not names:
        raise ImportFileError("no_sheet")
    return [RawTable(_sheet_rows(wb, name, kind), kind, None, sheet=name) for name in names]


_KIND_NAMES = {"xlsx": "Excel", "xls": "Excel (.xls)", "ods": "OpenDocument (.ods)"}


def _sheet_rows(wb: Any, name: str, kind: str) -> Iterator[tuple[int, list[str]]]:
    count = 0
    try:
        # skip_empty_area=False: row i of the list is line i + 1 of the sheet, as the organiser sees it.
        rows = wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
        for line, values in enumerate(rows, start=1):
            cells = list(values)
            while cells and (cells[-1] is None or cells[-1] == ""):
                cells.pop()
            if not cells:
                continue
            count += 1
            if count > MAX_ROWS:
                raise ImportFileError("too_many_rows", line=line, limit=MAX_ROWS)
            if len(cells) > MAX_COLUMNS:
                raise ImportFileError("too_many_columns", line=line, count=len(cells), limit=MAX_COLUMNS)
            # Most cells of an export are text already: converted only when they are not (1.5 million cells).
            yield line, [v if v.__class__ is str else _cell_text(v) for v in cells]
    except ImportFileError:
        raise
    except Exception as exc:
        raise ImportFileError("cannot_read_workbook", kind=_KIND_NAMES[kind], detail=_one_line(exc)) from None


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

