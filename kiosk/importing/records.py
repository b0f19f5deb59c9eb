"""Raw rows -> validated registration records."""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path

from kiosk.importing.columns import ColumnMapping, compact, map_columns, normalize, resolve_overrides
from kiosk.importing.reader import ImportFileError, read_table

__all__ = [
    "MAX_FIELD_CHARS",
    "ImportRecord",
    "ParsedFile",
    "SkippedRow",
    "is_cancelled_status",
    "parse_registration_file",
    "split_full_name",
]

MAX_FIELD_CHARS = 1_000
_HEADER_SEARCH_ROWS = 10
_MAX_LISTED_HEADERS = 25

_VALUE_FIELDS = (
    "ticket_code", "first_name", "last_name", "full_name", "email", "organisation", "category", "workshop",
    "status",
)


@dataclass(frozen=True)
class ImportRecord:
    line: int
    ticket_code: str | None
    first_name: str
    last_name: str
    email: str | None
    organisation: str | None
    category: str | None
    workshop: str | None
    cancelled: bool


@dataclass(frozen=True)
class SkippedRow:
    line: int
    reason: str


@dataclass(frozen=True)
class ParsedFile:
    records: list[ImportRecord]
    skipped: list[SkippedRow]
    mapping: dict[str, str]
    encoding: str
    delimiter: str | None


# --------------------------------------------------------------------------- values

_EMAIL = re.compile(r"[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[^@\s<>()\[\],;:\".]+")

_CANCELLED_MARKERS = (
    "annul", "cancel", "rembours", "refund", "void", "delete", "supprim", "not attending",
    "non participant", "declin", "refus", "rejet", "reject",
)


def is_cancelled_status(value: str) -> bool:
    """True when a status cell means the registration is cancelled/refunded/void."""
    norm = normalize(value)
    return any(marker in norm for marker in _CANCELLED_MARKERS)


_PARTICLES = frozenset(
    {"de", "du", "des", "d", "d'", "d’", "van", "von", "le", "la", "les", "di", "da", "dos", "das", "do", "del",
     "della", "der", "den", "ten", "ter", "bin", "ben", "ibn", "al", "el", "zu", "vom", "y"}
)


def _is_particle(token: str) -> bool:
    low = token.casefold()
    return low in _PARTICLES or (len(low) > 2 and low[:2] in ("d'", "d’"))


def _is_upper_word(token: str) -> bool:
    """An upper-case surname ("DUPONT", "LI"); vowel-less pairs are initials ("JP Dupont")."""
    letters = [c for c in token if c.isalpha()]
    if not token.isupper() or len(letters) < 2:
        return False
    return len(letters) > 2 or any(c in "AEIOUY" for c in letters)


def split_full_name(name: str) -> tuple[str, str]:
    """Split a single "name" cell into (first name, last name).

    "Dupont, Hélène" -> ("Hélène", "Dupont"); "Hélène Dupont" -> ("Hélène", "Dupont");
    "Jean-Pierre de La Fontaine" -> ("Jean-Pierre", "de La Fontaine"); "DUPONT Hélène" -> ("Hélène", "DUPONT");
    "Cher" -> ("Cher", "").
    """
    name = name.strip()
    if "," in name:
        last, _, first = name.partition(",")
        return " ".join(first.split()), " ".join(last.split())
    tokens = name.split()
    if len(tokens) <= 1:
        return name, ""
    # French administrative style: upper-case surname first ("DUPONT Hélène", "DE LA FONTAINE Jean").
    k = 0
    while k < len(tokens) and (_is_upper_word(tokens[k]) or (tokens[k].isupper() and _is_particle(tokens[k]))):
        k += 1
    if 0 < k < len(tokens):
        return " ".join(tokens[k:]), " ".join(tokens[:k])
    # A particle (de, van, d'...) starts the last name.
    for i in range(1, len(tokens) - 1):
        if _is_particle(tokens[i]):
            return " ".join(tokens[:i]), " ".join(tokens[i:])
    return tokens[0], " ".join(tokens[1:])


# --------------------------------------------------------------------------- header detection


def _format_headers(cells: list[str]) -> str:
    names = [c.strip() for c in cells if c.strip()]
    listed = ", ".join(repr(n) if len(n) <= 60 else repr(n[:57] + "...") for n in names[:_MAX_LISTED_HEADERS])
    if len(names) > _MAX_LISTED_HEADERS:
        listed += f", ... ({len(names)} columns)"
    return listed or "(none)"


def _find_header(
    rows: Iterator[tuple[int, list[str]]], overrides: dict[str, tuple[str, str]]
) -> tuple[list[str], ColumnMapping]:
    """Consume ``rows`` up to and including the header row; return (header cells, mapping)."""
    first_cells: list[str] | None = None
    examined = 0
    for _line, cells in rows:
        if not any(c.strip() for c in cells):
            continue
        if first_cells is None:
            first_cells = cells
        mapping = map_columns(cells, overrides)
        if mapping.has_name() and (mapping.confident_name or len(mapping.indexes) >= 2):
            _check_overrides_present(mapping, overrides)
            return cells, mapping
        examined += 1
        if examined >= _HEADER_SEARCH_ROWS:
            break
    headers = _format_headers(first_cells or [])
    if overrides and first_cells is not None:
        _check_overrides_present(map_columns(first_cells, overrides), overrides)
    raise ImportFileError(f"no first/last/full name column found; headers are: {headers}")


def _check_overrides_present(mapping: ColumnMapping, overrides: dict[str, tuple[str, str]]) -> None:
    present = {compact(h) for h in mapping.headers}
    missing = [key for key in overrides if key not in present]
    if missing:
        raise ImportFileError(
            f"column {overrides[missing[0]][0]!r} given in the column mapping is not in the file; "
            f"headers are: {_format_headers(mapping.headers)}"
        )


# --------------------------------------------------------------------------- main entry point


def parse_registration_file(path: Path, overrides: Mapping[str, str] | None = None) -> ParsedFile:
    """Parse an organiser's registration export (CSV/TSV/xlsx) into records.

    Raises :class:`ImportFileError` (one human line) for file-level problems; row-level problems are
    reported in :attr:`ParsedFile.skipped`.
    """
    resolved = resolve_overrides(overrides)
    # Parsing allocates millions of small lists/tuples that are never cyclic garbage: the cyclic GC would
    # rescan them over and over (more than half of the parse time), so it is paused for the duration.
    gc_enabled = gc.isenabled()
    gc.disable()
    try:
        table = read_table(Path(path))
        rows = iter(table.rows)
        header_cells, mapping = _find_header(rows, resolved)
        records, skipped = _build_records(rows, header_cells, mapping)
    finally:
        if gc_enabled:
            gc.enable()
    return ParsedFile(
        records=records,
        skipped=skipped,
        mapping=mapping.mapping,
        encoding=table.encoding,
        delimiter=table.delimiter,
    )


def _build_records(
    rows: Iterator[tuple[int, list[str]]], header_cells: list[str], mapping: ColumnMapping
) -> tuple[list[ImportRecord], list[SkippedRow]]:
    idx = mapping.indexes
    # Missing fields read index -1: every row gets an extra "" cell appended below.
    columns = [idx.get(field, -1) for field in _VALUE_FIELDS]
    need = max(columns) + 1
    getter = itemgetter(*columns)
    has_full = "full_name" in idx
    header_width = len(header_cells)
    header_first = header_cells[0]

    records: list[ImportRecord] = []
    skipped: list[SkippedRow] = []
    seen_codes: dict[str, int] = {}
    status_cache: dict[str, bool] = {}
    email_match = _EMAIL.fullmatch
    record = ImportRecord
    add = records.append

    for line, row in rows:
        n = len(row)
        if n < need:
            row.extend([""] * (need - n))
        row.append("")
        values = [v.strip() for v in getter(row)]
        if max(map(len, values)) > MAX_FIELD_CHARS:
            _too_long(line, values, mapping)
        ticket, first, last, full, email, org, cat, workshop, status = values
        if not first and not last:
            if has_full and full:
                first, last = split_full_name(full)
            if not first and not last:
                if any(c.strip() for c in row):
                    skipped.append(SkippedRow(line, "no name"))
                continue
        if row[0] == header_first and row[:header_width] == header_cells:
            skipped.append(SkippedRow(line, "repeated header row"))
            continue
        if ticket:
            key = ticket.casefold()
            previous = seen_codes.get(key)
            if previous is not None:
                raise ImportFileError(f"duplicate ticket code {ticket!r} on lines {previous} and {line}")
            seen_codes[key] = line
        cancelled = False
        if status:
            cached = status_cache.get(status)
            if cached is None:
                cached = status_cache[status] = is_cancelled_status(status)
            cancelled = cached
        add(
            record(
                line,
                ticket or None,
                first,
                last,
                email if email and email_match(email) else None,
                org or None,
                cat or None,
                workshop or None,
                cancelled,
            )
        )
    return records, skipped


def _too_long(line: int, values: list[str], mapping: ColumnMapping) -> None:
    for field, value in zip(_VALUE_FIELDS, values, strict=True):
        if len(value) > MAX_FIELD_CHARS and field in mapping.indexes:
            header = mapping.headers[mapping.indexes[field]]
            raise ImportFileError(
                f"line {line}: the value in column {header!r} is longer than {MAX_FIELD_CHARS:,} characters"
            )
