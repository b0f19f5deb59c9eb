"""Apply a parsed registration export to the event: add, update, report missing, prune.

Re-import is idempotent for every file: a row matches an existing guest on, strongest first, the
ticket code, the platform's own row id or a form's response time (kept as ``import_key``), the name
with the e-mail, and the e-mail alone only when no one else shares it (a parent's e-mail on a family's
tickets never identifies one of them). Check-ins are never touched.

A matched guest's field changes only when the file's value differs from what the previous import
brought (kept per guest, migration 0017): a three-way comparison of last imported, current and file.
A door's correction (``kiosk edit``, merged from the hub) thus stands until the platform's own value
changes; then the file wins, and the summary says which correction it replaced. ``overwrite`` forces
the file's values. A guest no import has recorded yet (imported before v17) counts its current value as
the last imported one unless that field was written since it was created (its field stamp): that one
is a correction, kept.

The file is read, matched and compared outside any write transaction; only the writes themselves
hold SQLite's write lock, in one transaction (all or nothing for every reader), so the door keeps
checking guests in during an import. If another writer changed the event's guests in between, the
matching is done again inside the transaction.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from kiosk.domain.codes import code_key
from kiosk.domain.merge import guest_id
from kiosk.domain.model import Attendee, Status
from kiosk.domain.text import email_key, fold, search_text
from kiosk.importing import ImportFileError, ImportRecord, ParsedFile, SkippedRow, parse_registration_file
from kiosk.importing.records import paused_gc
from kiosk.service.errors import ImportRefused, KioskError
from kiosk.service.kiosk import Kiosk
from kiosk.store import attendees as attendee_store
from kiosk.store import import_staging, search_index, transaction
from kiosk.store.attendees import EDITABLE
from kiosk.store.db import bulk_commit, snapshot, sync_wal

Progress = Callable[[int, int], None]
# What an import is doing, said as each phase starts (the window's progress label, the CLI's bar): rows are
# counted only while they are matched; reading the file, writing it (SQLite's own loop, the door waits) and
# indexing it for search have no row count to show, and a bar at 100% for seconds would say "done".
ImportPhase = Literal["read", "match", "write", "index"]
PhaseFn = Callable[[ImportPhase], None]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Correction:
    """A field a door corrected (or any write since the last import) that an import met: ``kept`` when
    the file brought the same value as the previous import, replaced when the platform's value changed
    (or the import was told to overwrite). ``current`` is the correction, ``file`` the export's value."""

    attendee: Attendee  # as it was before the import
    field: str  # one of kiosk.store.attendees.EDITABLE
    current: str | None
    file: str | None

    def to_json(self) -> dict[str, object]:
        return {"id": self.attendee.id, "ticket_code": self.attendee.ticket_code, "name": self.attendee.full_name,
                "field": self.field, "current": self.current, "file": self.file}


@dataclass(frozen=True)
class Changed:
    """One guest an import updated and which of its fields (EDITABLE order)."""

    attendee: Attendee  # as it was before the import
    fields: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        return {"id": self.attendee.id, "ticket_code": self.attendee.ticket_code, "name": self.attendee.full_name,
                "fields": list(self.fields)}


@dataclass
class ImportReport:
    file: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    cancelled: int = 0  # rows of this file imported as cancelled (refunded, withdrawn, RSVP No...)
    pruned: int = 0  # absent from this export, cancelled because --prune was given
    skipped: list[SkippedRow] = field(default_factory=list)
    missing: list[Attendee] = field(default_factory=list)  # absent from this export, left as they are
    dry_run: bool = False
    encoding: str = ""
    mapping: dict[str, str] = field(default_factory=dict)
    sheet: str | None = None
    matched_by: str = ""  # how rows were told apart, e.g. "ticket code, then name + e-mail"
    code_source: str | None = None  # the column(s) ticket codes were read from ("Ticket secret")
    matches: dict[str, int] = field(default_factory=dict)  # key kind -> rows matched on it
    warnings: list[tuple[int, str]] = field(default_factory=list)  # (line, message): encoding repairs...
    seconds: dict[str, float] = field(default_factory=dict)  # phase -> wall time (see _Clock)
    overwrite: bool = False  # the file's values were forced over the doors' corrections
    changed: list[Changed] = field(default_factory=list)  # the updated guests, with their changed fields
    kept: list[Correction] = field(default_factory=list)  # corrections the file would have reverted
    replaced: list[Correction] = field(default_factory=list)  # corrections the file's newer value replaced

    def to_json(self) -> dict[str, object]:
        return {
            "file": self.file, "dry_run": self.dry_run, "overwrite": self.overwrite, "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged, "cancelled": self.cancelled, "pruned": self.pruned,
            "skipped": [{"line": s.line, "reason": s.reason, "key": getattr(s.reason, "key", None)}
                        for s in self.skipped],
            "missing": [{"id": a.id, "ticket_code": a.ticket_code, "name": a.full_name} for a in self.missing],
            "encoding": self.encoding, "mapping": self.mapping, "sheet": self.sheet,
            "matched_by": self.matched_by, "matches": self.matches, "code_source": self.code_source,
            "warnings": [{"line": line, "message": message, "key": getattr(message, "key", None)}
                         for line, message in self.warnings],
            "seconds": {phase: round(s, 4) for phase, s in self.seconds.items()},
            "changed": [c.to_json() for c in self.changed],
            "corrections_kept": [c.to_json() for c in self.kept],
            "corrections_replaced": [c.to_json() for c in self.replaced],
        }


class _Clock:
    """Wall time of each phase of one import, in order: ``read`` (the file read, decoded, its columns
    judged, records built), ``match`` (matched to the guests and compared, no lock), ``stage`` (rows copied
    into TEMP tables, no lock), ``write`` (the transaction: the door waits for this one), ``index``
    (search index and WAL fold after the commit). Where an import's time goes, in ``--json`` and in
    ``make bench``."""

    def __init__(self, seconds: dict[str, float]) -> None:
        self.seconds = seconds
        self._last = time.perf_counter()

    def mark(self, phase: str) -> None:
        now = time.perf_counter()
        self.seconds[phase] = self.seconds.get(phase, 0.0) + now - self._last
        self._last = now


@lru_cache(maxsize=65_536)
def _fold(name: str) -> str:
    return fold(name)  # names repeat a lot across 100,000 rows: folded once each


def _person_key(first: str, last: str, mail: str | None) -> tuple[str, str, str]:
    return _fold(first), _fold(last), mail or ""


def _import_key(rec: ImportRecord) -> str | None:
    if rec.row_id:
        return f"id:{rec.row_id}"
    if rec.submitted_at:
        return f"ts:{rec.submitted_at}"
    return None


class _Index:
    """Existing attendees by each identity an import can match on."""

    def __init__(self, entries: list[import_staging.IndexEntry]) -> None:
        self.by_code: dict[str, Attendee] = {}
        self.by_import_key: dict[str, Attendee] = {}
        self.by_email: dict[str, list[Attendee]] = {}
        self.import_keys: dict[str, str | None] = {}
        self.all: list[Attendee] = []
        self.email_keys: dict[str, str | None] = {}
        self.imported: dict[str, str | None] = {}  # what the last import brought (migration 0017)
        self.stamps: dict[str, str] = {}  # the field stamps of guests without that record, when any
        self._by_person: dict[tuple[str, str, str], list[Attendee]] | None = None
        for entry in entries:
            a = entry.attendee
            self.all.append(a)
            self.import_keys[a.id] = entry.import_key
            self.email_keys[a.id] = entry.email_key
            self.imported[a.id] = entry.imported
            if entry.stamps is not None:
                self.stamps[a.id] = entry.stamps
            if entry.code_key:
                self.by_code[entry.code_key] = a
            if entry.import_key:
                self.by_import_key[entry.import_key] = a
            if entry.email_key:
                self.by_email.setdefault(entry.email_key, []).append(a)
        self.person_mails = {k or "" for k in self.email_keys.values()}  # skip folding rows nobody can match

    @property
    def by_person(self) -> dict[tuple[str, str, str], list[Attendee]]:
        """Built on first use: a re-import matched on codes never folds 100,000 names."""
        if self._by_person is None:
            self._by_person = {}
            for a in self.all:
                key = _person_key(a.first_name, a.last_name, self.email_keys[a.id])
                self._by_person.setdefault(key, []).append(a)
        return self._by_person

    def match(self, rec: ImportRecord, code: str | None, mail: str | None, file_emails: Counter[str],
              taken: set[str]) -> tuple[Attendee | None, str]:
        if code is not None:
            found = self.by_code.get(code)
            if found is not None:
                return found, "ticket code"
        key = _import_key(rec)
        if key is not None:
            found = self.by_import_key.get(key)
            if found is not None and found.id not in taken:
                return found, "platform id" if key.startswith("id:") else "response time"
        if (mail or "") in self.person_mails:
            for candidate in self.by_person.get(_person_key(rec.first_name, rec.last_name, mail), []):
                # A guest who already has a code is that code's: a row with another code is someone else.
                if candidate.id not in taken and (code is None or candidate.ticket_code is None):
                    return candidate, "name + e-mail"
        if mail is None or file_emails[mail] != 1:
            return None, ""
        candidates = [c for c in self.by_email.get(mail, []) if c.id not in taken]
        if len(candidates) == 1 and len(self.by_email[mail]) == 1 and (
                code is None or candidates[0].ticket_code is None):
            return candidates[0], "e-mail (not shared)"  # a changed name, same unshared e-mail
        return None, ""


def _edited_fields(stamps: str | None) -> frozenset[str] | None:
    """The fields written since the guest was created (their field stamps); None: all of them (stamps
    that cannot be read keep every correction)."""
    if stamps is None:
        return frozenset()
    try:
        found = json.loads(stamps)
    except ValueError:
        return None
    return frozenset(found) if isinstance(found, dict) else None


def _three_way(current: Attendee, wanted: dict[str, object], last: dict[str, str | None] | None,
               stamps: str | None, overwrite: bool, plan: _Plan) -> dict[str, object]:
    """The fields to write: those whose file value differs from the row and, unless ``overwrite``, from
    what the last import brought (``last``; without it, a field never written since the guest was created
    counts as last imported). A correction met on the way goes to ``plan.kept`` or ``plan.replaced``."""
    changes: dict[str, object] = {}
    edited: frozenset[str] | None = frozenset()
    if last is None:
        edited = _edited_fields(stamps)
    for name, value in wanted.items():
        now = getattr(current, name)
        if now == value or (value is None and name == "ticket_code"):  # a file without codes keeps them
            continue
        if last is not None:
            corrected, platform_moved = now != last[name], value != last[name]
        else:
            corrected, platform_moved = edited is None or name in edited, False  # what it said before: lost
        if not corrected:
            changes[name] = value
            continue
        shown = Correction(current, name, None if now is None else str(now), None if value is None else str(value))
        if platform_moved or overwrite:
            changes[name] = value
            plan.replaced.append(shown)
        else:
            plan.kept.append(shown)
    return changes


@dataclass
class _Plan:
    """What applying the file would write: computed without the write lock."""

    new_rows: list[tuple[object, ...]] = field(default_factory=list)  # in import_staging.NEW_GUEST_COLUMNS order
    updates: list[tuple[Attendee, dict[str, object]]] = field(default_factory=list)
    key_updates: list[tuple[str, str | None]] = field(default_factory=list)
    records: list[tuple[str, str]] = field(default_factory=list)  # (guest id, what this file brought): renewed
    updated_records: dict[str, str] = field(default_factory=dict)  # the same for the guests in ``updates``
    unchanged: int = 0
    missing: list[Attendee] = field(default_factory=list)
    matches: Counter[str] = field(default_factory=Counter)
    kept: list[Correction] = field(default_factory=list)
    replaced: list[Correction] = field(default_factory=list)


def _plan(kiosk: Kiosk, parsed: ParsedFile, name: str, progress: Progress | None, overwrite: bool) -> _Plan:
    event = kiosk.event
    case_sensitive = event.codes_case_sensitive
    index = _Index(import_staging.import_index(kiosk.conn, event.id))
    plan = _Plan()
    taken: set[str] = set()
    minted = {a.id for a in index.all}  # stable ids (kiosk.domain.merge.guest_id) not to reuse
    lines_by_code: dict[str, int] = {}
    mails = [email_key(r.email) if r.email else None for r in parsed.records]
    file_emails: Counter[str] = Counter(k for k in mails if k)
    total = len(parsed.records)
    add_new = plan.new_rows.append
    valid, cancelled = Status.VALID.value, Status.CANCELLED.value
    matching = bool(index.all)  # a first import has nobody to match: every row is new
    event_id = event.id
    imported, as_imported = index.imported, import_staging.AS_IMPORTED
    for i, rec in enumerate(parsed.records):
        if progress and i % 2000 == 0:
            progress(i, total)
        line, ticket, first, last, email, org, category, workshop, is_cancelled, _row_id, _submitted = rec
        code = code_key(ticket, case_sensitive=case_sensitive) if ticket else None
        if code is not None:
            # Codes the parser saw as different can be one code once normalised ("A１" and "A1").
            first_line = lines_by_code.setdefault(code, line)
            if first_line != line:
                raise ImportRefused(name, "duplicate_ticket_code", code=ticket, first=first_line, line=line)
        key = _import_key(rec)
        if matching:
            found, how = index.match(rec, code, mails[i], file_emails, taken)
        else:
            found = None
        if found is None:
            add_new((guest_id(event_id, code, key, minted), ticket, code, first, last, email, mails[i], org,
                     category, workshop, cancelled if is_cancelled else valid,
                     search_text(first, last, org, email, ticket), key))
            continue
        plan.matches[how] += 1
        taken.add(found.id)
        if key is not None and index.import_keys.get(found.id) != key:
            plan.key_updates.append((found.id, key))
        status = cancelled if is_cancelled else valid
        last_import = imported.get(found.id)
        if (found.first_name, found.last_name, found.email, found.organisation, found.category, found.workshop,
                found.status) == (first, last, email, org, category, workshop, status) \
                and (not ticket or ticket == found.ticket_code):
            plan.unchanged += 1  # the usual re-import row: one tuple comparison
            if last_import != as_imported:  # the row is what this file brings: say so
                plan.records.append((found.id, as_imported))
            continue
        _differing_row(plan, found, (ticket, first, last, email, org, category, workshop, status), last_import,
                       index.stamps.get(found.id), overwrite)
    plan.missing = [a for a in index.all if a.id not in taken and a.source.startswith("import:")
                    and a.status is Status.VALID]
    return plan


def _differing_row(plan: _Plan, found: Attendee, values: tuple[str | None, ...], last_import: str | None,
                   stamps: str | None, overwrite: bool) -> None:
    """A matched row whose file values differ from the guest's: its changes, the corrections met, and what
    the import brought as the next one will compare with. ``values`` in EDITABLE order."""
    wanted: dict[str, object] = dict(zip(EDITABLE, values, strict=True))
    wanted["status"] = Status(str(values[-1]))
    if last_import == import_staging.AS_IMPORTED:
        before: dict[str, str | None] | None = {f: getattr(found, f) for f in EDITABLE}
    else:
        before = import_staging.read_imported(last_import)
    kept = len(plan.kept)
    changes = _three_way(found, wanted, before, stamps, overwrite, plan)
    # Corrections kept: the file's own values, to compare the next file with; else the row is the file's.
    record = import_staging.AS_IMPORTED if len(plan.kept) == kept else import_staging.imported_record(values)
    if changes:
        plan.updates.append((found, changes))
        plan.updated_records[found.id] = record  # written with the changes
        return
    plan.unchanged += 1
    if record != last_import:
        plan.records.append((found.id, record))


def _pruned_records(plan: _Plan, kiosk: Kiosk) -> list[tuple[str, str]]:
    """What --prune brings the guests it cancels: their last import's values (or their own) with the status
    cancelled, so that when the platform lists them again the file's "valid" is news, not a door's correction
    to keep."""
    imported = dict(import_staging.imported_records(kiosk.conn, [a.id for a in plan.missing]))
    records = []
    for a in plan.missing:  # (AS_IMPORTED or no record: the guest's own values)
        last = import_staging.read_imported(imported.get(a.id)) or {f: getattr(a, f) for f in EDITABLE}
        last["status"] = Status.CANCELLED.value
        records.append((a.id, import_staging.imported_record([last[f] for f in EDITABLE])))
    return records


def import_registrations(
    kiosk: Kiosk, path: Path, *, overrides: Mapping[str, str] | None = None, dry_run: bool = False,
    prune: bool = False, force: bool = False, sheet: str | None = None, progress: Progress | None = None,
    phase: PhaseFn | None = None, overwrite: bool = False,
) -> ImportReport:
    """Import one export; raise :class:`KioskError` (one line, nothing written) when it cannot be.
    ``progress(done, total)`` counts rows as they are matched; ``phase`` is told each phase as it starts.
    ``overwrite``: the file's values replace the doors' corrections too (see the module docstring)."""
    # Hundreds of thousands of records, attendees and tuples live at once, none of them cyclic garbage:
    # the cyclic GC would rescan them again and again (a third of the import's time), so it waits
    # (in a CLI run; see ``paused_gc`` for why not on the window's worker thread).
    with paused_gc():
        return _import(kiosk, path, overrides=overrides, dry_run=dry_run, prune=prune, force=force,
                       sheet=sheet, progress=progress, phase=phase or _silent, overwrite=overwrite)


def _silent(_phase: ImportPhase) -> None:
    pass


def _import(
    kiosk: Kiosk, path: Path, *, overrides: Mapping[str, str] | None, dry_run: bool, prune: bool,
    force: bool, sheet: str | None, progress: Progress | None, phase: PhaseFn, overwrite: bool,
) -> ImportReport:
    seconds: dict[str, float] = {}
    clock = _Clock(seconds)
    phase("read")
    try:
        parsed = parse_registration_file(path, overrides, sheet=sheet,
                                         case_sensitive=kiosk.has_event() and kiosk.event.codes_case_sensitive)
    except ImportFileError as exc:
        raise ImportRefused(path.name, exc.key, **exc.values) from exc
    report = ImportReport(file=str(path), skipped=list(parsed.skipped), dry_run=dry_run,
                          encoding=parsed.encoding, mapping=dict(parsed.mapping), sheet=parsed.sheet,
                          matched_by=parsed.identity, code_source=parsed.code_source,
                          warnings=list(parsed.warnings), seconds=seconds, overwrite=overwrite)
    clock.mark("read")
    source = f"import:{path.name}"
    now = kiosk.now()
    total = len(parsed.records)
    conn = kiosk.conn
    phase("match")
    # Match and diff on a consistent snapshot, without the write lock.
    with snapshot(conn):
        fingerprint = attendee_store.change_mark(conn)
        plan = _plan(kiosk, parsed, path.name, progress, overwrite)
    _check_prune(plan, kiosk, prune, force, path.name)
    clock.mark("match")
    if progress:
        progress(total, total)  # every row matched
    if not dry_run:
        phase("write")
        plan = _apply(kiosk, parsed, plan, fingerprint, prune=prune, force=force, source=source, now=now,
                      name=path.name, clock=clock, phase=phase, overwrite=overwrite)
    report.added, report.updated, report.unchanged = len(plan.new_rows), len(plan.updates), plan.unchanged
    report.cancelled = sum(1 for r in parsed.records if r.cancelled)
    report.matches = dict(plan.matches)
    report.changed = [Changed(a, tuple(f for f in EDITABLE if f in changes)) for a, changes in plan.updates]
    report.kept, report.replaced = plan.kept, plan.replaced
    if prune:
        report.pruned = len(plan.missing)
    else:
        report.missing = plan.missing
    return report


def _apply(kiosk: Kiosk, parsed: ParsedFile, plan: _Plan, fingerprint: tuple[object, ...], *, prune: bool,
           force: bool, source: str, now: str, name: str, clock: _Clock, phase: PhaseFn, overwrite: bool) -> _Plan:
    """Write the plan in one transaction and return it (the summary counts what was written). New rows
    and changes are staged beforehand in TEMP tables, so the write lock is held only while SQLite copies
    them in (under 1 s for 100,000 new guests, ~0.4 s for 10,000 changed ones); their search index
    follows in short transactions (catch_up_search)."""
    conn, event, device = kiosk.conn, kiosk.event, kiosk.device()
    case_sensitive = event.codes_case_sensitive

    shared = import_staging.NewGuests(event.id, source, device.id, now)

    def stage(plan: _Plan) -> None:
        import_staging.stage_new(conn, plan.new_rows, shared)
        cancel: dict[str, object] = {"status": Status.CANCELLED}
        pruned = [(gone, cancel) for gone in plan.missing] if prune else []
        records = {**plan.updated_records, **dict(_pruned_records(plan, kiosk) if prune else [])}
        import_staging.stage_updates(conn, [*plan.updates, *pruned], case_sensitive=case_sensitive, now=now,
                                     imported=records)
        import_staging.stage_imported(conn, plan.records)

    committed = False
    deferred = bulk_commit(conn) if kiosk.db_path is not None else contextlib.nullcontext()
    try:
        stage(plan)
        clock.mark("stage")
        with deferred, transaction(conn):
            if attendee_store.change_mark(conn) != fingerprint:
                # Someone registered or edited a guest meanwhile: match again, under the lock this time.
                plan = _plan(kiosk, parsed, name, None, overwrite)
                _check_prune(plan, kiosk, prune, force, name)
                stage(plan)
            import_staging.insert_staged(conn, shared)
            import_staging.apply_staged_updates(conn, now=now, device_id=device.id)
            import_staging.apply_staged_imported(conn)
            import_staging.set_import_keys(conn, plan.key_updates)
        committed = True
    except sqlite3.OperationalError as exc:
        raise _storage_error(exc, name) from exc
    except sqlite3.DatabaseError as exc:
        if "full" in str(exc).lower():
            raise _storage_error(exc, name) from exc
        raise
    finally:
        if not committed and not conn.in_transaction:
            import_staging.drop_staged(conn)
    clock.mark("write")
    phase("index")
    _after_commit(kiosk, name, large=len(plan.new_rows) + len(plan.updates) > 1000)
    clock.mark("index")
    return plan  # the one applied: matched again under the lock if the guests changed meanwhile


def _after_commit(kiosk: Kiosk, name: str, *, large: bool) -> None:
    """The committed import's search index, in short transactions (the new guests are found by search
    already); if that fails (disk full...) the import still stands and the backlog is indexed at the next
    open. A large import is indexed on a second connection while this one folds the import's pages into
    the database, syncs the WAL and drops the staged rows (the COMMIT left the fold and the sync out; all
    of it runs without the GIL: on two cores they overlap). Folded before and after the index: otherwise
    the door's next check-in would pay for SQLite's automatic checkpoint of the whole import."""
    conn, path = kiosk.conn, kiosk.db_path
    catch_up = search_index.SearchCatchUp(path) if large and path is not None else None
    try:
        if large:
            # At once: the door's next COMMIT would otherwise run SQLite's automatic checkpoint of the whole
            # import itself (0.2-0.3 s more for a check-in that already waited for the import's transaction).
            kiosk.checkpoint()
        if path is not None:
            sync_wal(path)  # the COMMIT did not (bulk_commit): durable before the import says it is done
        import_staging.drop_staged(conn)
        if catch_up is not None:
            catch_up.join()
        else:
            search_index.catch_up_search(conn)
    except sqlite3.Error as exc:
        log.warning("%s: imported; search index left to finish at the next open (%s)", name, exc)
    finally:
        if catch_up is not None:
            catch_up.join(raise_error=False)
    if large:
        kiosk.checkpoint()


def _check_prune(plan: _Plan, kiosk: Kiosk, prune: bool, force: bool, name: str) -> None:
    """--prune never empties an event by mistake (a truncated export, the wrong event's file)."""
    if not prune or force or not plan.missing:
        return
    valid = attendee_store.count_valid(kiosk.conn, kiosk.event.id)
    if len(plan.missing) * 2 > valid:
        raise ImportRefused(name, "prune_too_many", missing=len(plan.missing), valid=valid)


def _storage_error(exc: sqlite3.DatabaseError, name: str) -> KioskError:
    text = str(exc).lower()
    if "full" in text:
        return ImportRefused(name, "disk_full")
    if "locked" in text or "busy" in text:
        return ImportRefused(name, "database_busy")
    return ImportRefused(name, "cannot_write", detail=str(exc))
