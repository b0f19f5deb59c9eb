"""Raw rows -> validated registration records.

Columns are chosen by header (:mod:`kiosk.importing.columns`) and then checked against the data: an
order reference or a bare "Code" column whose values repeat is not the ticket's own code (the next
candidate is tried; an order code with a position id is the fallback), but a column whose header names a
ticket's code ("Barcode", "Numéro de billet") and whose values repeat is refused, its repeats listed: its
guests would get no code to scan. A status candidate whose values are not status words is some other
field (pretix's French "État" is the address's state). Each record
carries the identity a re-import matches it on, strongest first: ticket code, the platform's own row id,
the response time of a form, then name + e-mail.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from dataclasses import field as dc_field
from itertools import islice
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from kiosk.domain.codes import code_key
from kiosk.domain.limits import MAX_FIELD_CHARS
from kiosk.domain.text import EMAIL
from kiosk.importing.columns import (
    ORDER_CODE_HEADERS,
    ColumnMapping,
    compact,
    map_columns,
    names_ticket_code,
    normalize,
    resolve_overrides,
)
from kiosk.importing.messages import Sentence
from kiosk.importing.reader import ImportFileError, RawTable, read_tables
from kiosk.importing.statuses import is_cancelled_status, status_meaning

__all__ = [
    "MAX_FIELD_CHARS",
    "ImportRecord",
    "ParsedFile",
    "SkippedRow",
    "is_cancelled_status",
    "parse_registration_file",
    "split_full_name",
]

_HEADER_SEARCH_ROWS = 10

_VALUE_FIELDS = (
    "ticket_code", "first_name", "last_name", "full_name", "email", "organisation", "category", "workshop",
    "status", "row_id", "position_id", "submitted_at", "email_fallback",
)
_SAMPLE_ROWS = 5_000  # rows looked at to judge a status column
_AMBIGUOUS_STATUS_HEADERS = frozenset({"etat", "state"})


class ImportRecord(NamedTuple):
    """One registration as the file gives it. A named tuple, not a frozen dataclass: 100,000 of them
    are made per import, 5x cheaper (0.4 µs each, not 2.2 µs)."""

    line: int
    ticket_code: str | None
    first_name: str
    last_name: str
    email: str | None
    organisation: str | None
    category: str | None
    workshop: str | None
    cancelled: bool
    row_id: str | None = None  # the platform's own id of the row (Eventbrite "Attendee #", Meetup "User ID")
    submitted_at: str | None = None  # a form's response time (Google Forms "Horodateur")


@dataclass(frozen=True)
class SkippedRow:
    line: int
    reason: str  # a Sentence: the English reason, with the key and values the edges word in their language


@dataclass(frozen=True)
class ParsedFile:
    records: list[ImportRecord]
    skipped: list[SkippedRow]
    mapping: dict[str, str]
    encoding: str
    delimiter: str | None
    sheet: str | None = None
    warnings: list[tuple[int, str]] = dc_field(default_factory=list)  # (line, message) for the summary
    identity: str = "ticket code"  # how rows of this file are told apart, for the summary
    code_source: str | None = None  # header(s) the ticket code comes from


# --------------------------------------------------------------------------- values


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
    if overrides and first_cells is not None:
        _check_overrides_present(map_columns(first_cells, overrides), overrides)
    raise ImportFileError("no_name_column", headers=tuple(first_cells or ()))


def _check_overrides_present(mapping: ColumnMapping, overrides: dict[str, tuple[str, str]]) -> None:
    present = {compact(h) for h in mapping.headers}
    missing = [key for key in overrides if key not in present]
    if missing:
        raise ImportFileError("mapped_column_missing", column=overrides[missing[0]][0], headers=tuple(mapping.headers))


# --------------------------------------------------------------------------- main entry point


class _FullCollections:
    """Worker threads deferring the cyclic GC's full collections (see paused_gc): the first one in saves
    the thresholds, the last one out puts them back."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiting = 0
        self._saved = gc.get_threshold()

    def defer(self) -> None:
        with self._lock:
            if self._waiting == 0:
                self._saved = gc.get_threshold()
                young, middle, *_full = self._saved
                gc.set_threshold(young, middle, 1_000_000)
            self._waiting += 1

    def resume(self) -> None:
        with self._lock:
            self._waiting -= 1
            if self._waiting == 0:
                gc.set_threshold(*self._saved)


_FULL_COLLECTIONS = _FullCollections()


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for a bulk parse or import.

    Parsing allocates millions of small lists/tuples that are never cyclic garbage: the cyclic GC would
    rescan them over and over (more than half of the parse time). On the main thread (a CLI run) it is
    paused. The switch is process-wide, so on a worker thread (the window's background import) only the
    full collections wait (the window's young garbage is still collected): each one rescans the whole
    heap, and they come back every time it grows by a quarter (0.3-0.4 s of a 100,000-row import)."""
    if threading.current_thread() is not threading.main_thread():
        _FULL_COLLECTIONS.defer()
        try:
            yield
        finally:
            _FULL_COLLECTIONS.resume()
        return
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def parse_registration_file(
    path: Path, overrides: Mapping[str, str] | None = None, *, sheet: str | None = None,
    case_sensitive: bool = False,
) -> ParsedFile:
    """Parse an organiser's registration export (CSV/TSV/xlsx/xls/ods) into records.

    Raises :class:`ImportFileError` (one human line) for file-level problems; row-level problems are
    reported in :attr:`ParsedFile.skipped`. ``sheet`` names the workbook sheet to read; without it
    the sheet holding the attendees is chosen (or the sheets are listed when that is ambiguous).
    """
    resolved = resolve_overrides(overrides)
    with paused_gc():
        table, header_cells, rows = _choose_table(read_tables(Path(path)), resolved, sheet)
        judge = _Judge(header_cells, rows)
        mapping = judge.full_name_fix(map_columns(header_cells, resolved, judge.accept), resolved)
        judge.refuse_repeated_codes(mapping)
        records, skipped, code_source = _build_records(rows, header_cells, mapping, case_sensitive)
    if not records:
        raise ImportFileError("no_registrations_in_sheet" if table.sheet else "no_registrations", sheet=table.sheet)
    return ParsedFile(
        records=records,
        skipped=skipped,
        mapping=mapping.mapping,
        encoding=table.encoding,
        delimiter=table.delimiter,
        sheet=table.sheet,
        warnings=list(table.warnings),
        identity=_identity_label(mapping, records),
        code_source=code_source,
    )


def _identity_label(mapping: ColumnMapping, records: list[ImportRecord]) -> str:
    parts = []
    if any(r.ticket_code for r in records):
        parts.append("ticket code")
    if any(r.row_id for r in records):
        parts.append(f"platform id ({mapping.headers[mapping.indexes['row_id']]})")
    if any(r.submitted_at for r in records):
        parts.append(f"response time ({mapping.headers[mapping.indexes['submitted_at']]})")
    parts.append("name + e-mail")
    return ", then ".join(parts)


def _choose_table(
    tables: list[RawTable], overrides: dict[str, tuple[str, str]], sheet: str | None
) -> tuple[RawTable, list[str], list[tuple[int, list[str]]]]:
    """The table to import, its header cells and its data rows (all read: columns are judged on them)."""
    if sheet is not None:
        names = [t.sheet for t in tables if t.sheet is not None]
        chosen = [t for t in tables if t.sheet is not None and compact(t.sheet) == compact(sheet)]
        if not names:
            raise ImportFileError("sheet_option_for_csv")
        if not chosen:
            raise ImportFileError("no_such_sheet", sheet=sheet, sheets=tuple(names))
        tables = chosen[:1]
    if len(tables) == 1:
        table = tables[0]
        rows = iter(table.rows)
        header_cells, _mapping = _find_header(rows, overrides)
        return table, header_cells, list(rows)
    found: list[tuple[RawTable, list[str], ColumnMapping, list[tuple[int, list[str]]]]] = []
    for table in tables:
        rows = iter(table.rows)
        try:
            header_cells, mapping = _find_header(rows, overrides)
        except ImportFileError:
            continue  # a sheet of fees or totals, without names
        found.append((table, header_cells, mapping, list(rows)))
    if not found:
        raise ImportFileError("no_sheet_with_names", sheets=tuple(t.sheet or "" for t in tables))
    if len(found) > 1:
        # pretix's "Orders" sheet names buyers, "Order positions" attendees: per-attendee headers decide.
        attendees = [f for f in found if f[2].attendee_level]
        if len(attendees) == 1:
            found = attendees
        elif len([f for f in found if f[3]]) == 1:
            found = [f for f in found if f[3]]
        else:
            raise ImportFileError("several_sheets", sheets=tuple(f[0].sheet or "" for f in found))
    table, header_cells, _mapping, data = found[0]
    return table, header_cells, data


class _Judge:
    """Vetoes columns whose values contradict their header (see the module docstring)."""

    def __init__(self, header_cells: list[str], rows: list[tuple[int, list[str]]]) -> None:
        self.headers = header_cells
        self.rows = rows
        self.verdicts: dict[tuple[str, int], bool] = {}
        self.position = map_columns(header_cells).indexes.get("position_id")
        self.repeated_codes: list[int] = []  # ticket-code columns vetoed although their header names a code

    def values(self, col: int, extra: int | None = None, limit: int | None = None) -> list[str]:
        """The column's non-empty values (the first ``limit``), stripped."""
        rows = self.rows
        if extra is not None:  # an order code is only as unique as the order code + position id
            found: Iterator[str] = (f"{v}-{cells[extra].strip() if extra < len(cells) else ''}"
                                    for _line, cells in rows if col < len(cells) and (v := cells[col].strip()))
        else:
            found = (v for _line, cells in rows if col < len(cells) and (v := cells[col].strip()))
        return list(found if limit is None else islice(found, limit))

    def accept(self, field: str, col: int) -> bool:
        key = (field, col)
        if key not in self.verdicts:
            self.verdicts[key] = self._judge(field, col)
        return self.verdicts[key]

    def full_name_fix(self, mapping: ColumnMapping, overrides: dict[str, tuple[str, str]]) -> ColumnMapping:
        """A lone "Nom du participant" holding "Hélène Dupont" is a full name (pretix FR), not a surname."""
        idx = mapping.indexes
        col = idx.get("last_name")
        if col is None or "first_name" in idx or "full_name" in idx or compact(mapping.headers[col]) in overrides:
            return mapping
        values = self.values(col, limit=_SAMPLE_ROWS)
        if not values or sum(1 for v in values if " " in v) * 10 < len(values) * 7:
            return mapping
        indexes = {("full_name" if f == "last_name" else f): c for f, c in idx.items()}
        return ColumnMapping(indexes, mapping.headers, mapping.confident_name, mapping.fallbacks,
                             mapping.attendee_level)

    def refuse_repeated_codes(self, mapping: ColumnMapping) -> None:
        """A "Barcode" column whose codes repeat is an error listing them, not an order reference taken in
        silence (its guests would get no code to scan), unless a column naming ticket codes was chosen."""
        if not self.repeated_codes:
            return
        chosen = mapping.indexes.get("ticket_code")
        if chosen is not None and names_ticket_code(self.headers[chosen]):
            return
        col = self.repeated_codes[0]
        lines: dict[str, tuple[str, list[int]]] = {}
        for line, cells in self.rows:
            value = cells[col].strip() if col < len(cells) else ""
            if value:
                lines.setdefault(value.casefold(), (value, []))[1].append(line)
        repeats = tuple((value, tuple(found)) for value, found in lines.values() if len(found) > 1)
        raise ImportFileError("repeated_ticket_codes", column=self.headers[col], count=len(repeats), repeats=repeats)

    def _judge(self, field: str, col: int) -> bool:
        if field == "ticket_code":
            order_level = compact(self.headers[col]) in ORDER_CODE_HEADERS
            values = self.values(col, self.position if order_level else None)
            distinct = {v.casefold() for v in values}
            repeats = len(values) - len(distinct)
            if repeats > 1 and names_ticket_code(self.headers[col]):
                self.repeated_codes.append(col)  # refused unless another code column is chosen
                return False
            # One repeat is a typo the organiser must hear about (refused as a duplicate code later); a
            # column where many values repeat holds per-order references, never the QR of one ticket.
            return repeats <= max(1, len(values) // 100)
        if field == "status":
            distinct_values = set(self.values(col, limit=_SAMPLE_ROWS))
            if not distinct_values:  # an empty "Statut" says nothing; an empty "État" is an address field
                return compact(self.headers[col]) not in _AMBIGUOUS_STATUS_HEADERS
            known = sum(1 for v in distinct_values if status_meaning(v) is not None)
            return known * 2 >= len(distinct_values)
        return True


def _build_records(  # noqa: C901 (the per-row hot loop, inlined for the import rate)
    rows: list[tuple[int, list[str]]], header_cells: list[str], mapping: ColumnMapping, case_sensitive: bool
) -> tuple[list[ImportRecord], list[SkippedRow], str | None]:
    idx = dict(mapping.indexes)
    if "email" in mapping.fallbacks:
        idx["email_fallback"] = mapping.fallbacks["email"]
    code_source = mapping.headers[idx["ticket_code"]] if "ticket_code" in idx else None
    composite = mapping.order_level_code() and "position_id" in idx
    if composite:
        code_source = f"{code_source} + {mapping.headers[idx['position_id']]}"
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
    seen_people: dict[tuple[str, str, str], int] = {}  # code-less rows: (name, e-mail) -> index in records
    replaced = False
    status_cache: dict[str, bool] = {}
    email_match = EMAIL.fullmatch  # the one e-mail rule (kiosk.domain.text)
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
        ticket, first, last, full, email, org, cat, workshop, status, row_id, position, submitted, email2 = values
        if not first and not last:
            if has_full and full:
                first, last = split_full_name(full)
            if not first and not last:
                if any(c.strip() for c in row):
                    skipped.append(SkippedRow(line, Sentence("no_name")))
                continue
        if row[0] == header_first and row[:header_width] == header_cells:
            skipped.append(SkippedRow(line, Sentence("repeated_header")))
            continue
        if composite and ticket and position:
            ticket = f"{ticket}-{position}"
        if ticket:
            key = code_key(ticket, case_sensitive=case_sensitive)  # the store's own duplicate rule
            previous = seen_codes.get(key)
            if previous is not None:
                raise ImportFileError("duplicate_ticket_code", code=ticket, first=previous, line=line)
            seen_codes[key] = line
        cancelled = False
        if status:
            cached = status_cache.get(status)
            if cached is None:
                cached = status_cache[status] = is_cancelled_status(status)
            cancelled = cached
        if not email_match(email or "-"):
            email = email2 if email2 and email_match(email2) else ""
        rec = record(line, ticket or None, first, last, email or None, org or None, cat or None, workshop or None,
                     cancelled, row_id or None, submitted or None)
        if not ticket and not row_id:
            # A form answered twice by the same person is one guest: the later answer wins, reported.
            person = (normalize(first), normalize(last), email.casefold())
            earlier = seen_people.get(person)
            if earlier is not None:
                old = records[earlier]
                skipped.append(SkippedRow(old.line, Sentence("same_person", line=line)))
                records[earlier] = rec
                replaced = True
                continue
            seen_people[person] = len(records)
        add(rec)
    if replaced:
        records.sort(key=lambda r: r.line)
    records = _unique_identities(records)
    skipped.sort(key=lambda s: s.line)
    return records, skipped, code_source


def _unique_identities(records: list[ImportRecord]) -> list[ImportRecord]:
    """A row id or response time shared by two rows identifies neither (a group booked at one instant)."""
    ids = Counter(r.row_id for r in records if r.row_id)
    times = Counter(r.submitted_at for r in records if r.submitted_at)
    if all(n == 1 for n in ids.values()) and all(n == 1 for n in times.values()):
        return records
    return [r._replace(row_id=r.row_id if ids.get(r.row_id or "", 0) == 1 else None,
                       submitted_at=r.submitted_at if times.get(r.submitted_at or "", 0) == 1 else None)
            for r in records]


def _too_long(line: int, values: list[str], mapping: ColumnMapping) -> None:
    for field, value in zip(_VALUE_FIELDS, values, strict=True):
        if len(value) > MAX_FIELD_CHARS and field in mapping.indexes:
            header = mapping.headers[mapping.indexes[field]]
            raise ImportFileError("value_too_long", line=line, column=header, limit=MAX_FIELD_CHARS)
