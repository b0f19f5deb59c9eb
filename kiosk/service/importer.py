"""Apply a parsed registration export to the event: add, update, report missing, prune.

Re-import is idempotent: rows match existing attendees on ticket code, else on normalised
email; check-ins are never touched. The whole file goes in one transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.domain.codes import code_key
from kiosk.domain.model import Attendee, Status
from kiosk.domain.text import email_key
from kiosk.importing import ImportFileError, ImportRecord, SkippedRow, parse_registration_file
from kiosk.service.errors import KioskError
from kiosk.service.kiosk import Kiosk
from kiosk.store import attendees as attendee_store
from kiosk.store import transaction

Progress = Callable[[int, int], None]


@dataclass
class ImportReport:
    file: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    cancelled: int = 0  # pruned: absent from this export, cancelled because --prune was given
    skipped: list[SkippedRow] = field(default_factory=list)
    missing: list[Attendee] = field(default_factory=list)  # absent from this export, left as they are
    dry_run: bool = False
    encoding: str = ""
    mapping: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        return {
            "file": self.file, "dry_run": self.dry_run, "added": self.added, "updated": self.updated,
            "unchanged": self.unchanged, "cancelled": self.cancelled,
            "skipped": [{"line": s.line, "reason": s.reason} for s in self.skipped],
            "missing": [{"id": a.id, "ticket_code": a.ticket_code, "name": a.full_name} for a in self.missing],
            "encoding": self.encoding, "mapping": self.mapping,
        }


class _Index:
    """Existing attendees by code key and by email key, for matching."""

    def __init__(self, kiosk: Kiosk) -> None:
        self.by_code: dict[str, Attendee] = {}
        self.by_email: dict[str, list[Attendee]] = {}
        self.all: list[Attendee] = []
        for entry in attendee_store.import_index(kiosk.conn, kiosk.event.id):
            self.all.append(entry.attendee)
            if entry.code_key:
                self.by_code[entry.code_key] = entry.attendee
            if entry.email_key:
                self.by_email.setdefault(entry.email_key, []).append(entry.attendee)

    def match(self, rec: ImportRecord, code: str | None, taken: set[str]) -> Attendee | None:
        if code is not None:
            found = self.by_code.get(code)
            if found is not None:
                return found
        key = email_key(rec.email)
        if key is None:
            return None
        for candidate in self.by_email.get(key, []):
            # One payer email often covers several tickets: only a code-less record matches by email.
            if candidate.id not in taken and (code is None or candidate.ticket_code is None):
                return candidate
        return None


def _changes(current: Attendee, rec: ImportRecord) -> dict[str, object]:
    wanted: dict[str, object] = {
        "first_name": rec.first_name, "last_name": rec.last_name, "email": rec.email,
        "organisation": rec.organisation, "category": rec.category, "workshop": rec.workshop,
        "status": Status.CANCELLED if rec.cancelled else Status.VALID,
    }
    if rec.ticket_code:
        wanted["ticket_code"] = rec.ticket_code
    return {k: v for k, v in wanted.items() if getattr(current, k) != v}


def import_registrations(
    kiosk: Kiosk, path: Path, *, overrides: Mapping[str, str] | None = None, dry_run: bool = False,
    prune: bool = False, progress: Progress | None = None,
) -> ImportReport:
    try:
        parsed = parse_registration_file(path, overrides)
    except ImportFileError as exc:
        raise KioskError(f"{path.name}: {exc}") from exc
    event, device = kiosk.event, kiosk.device()
    case_sensitive = event.codes_case_sensitive
    report = ImportReport(file=str(path), skipped=list(parsed.skipped), dry_run=dry_run,
                          encoding=parsed.encoding, mapping=dict(parsed.mapping))
    source = f"import:{path.name}"
    now = kiosk.now()
    total = len(parsed.records)
    with transaction(kiosk.conn):
        index = _Index(kiosk)
        taken: set[str] = set()
        lines_by_code: dict[str, int] = {}
        new_rows: list[Attendee] = []
        updates: list[tuple[Attendee, dict[str, object]]] = []
        for i, rec in enumerate(parsed.records):
            if progress and i % 2000 == 0:
                progress(i, total)
            code = code_key(rec.ticket_code, case_sensitive=case_sensitive) if rec.ticket_code else None
            if code is not None:
                # Codes the parser saw as different can be one code once normalised ("A１" and "A1").
                first_line = lines_by_code.setdefault(code, rec.line)
                if first_line != rec.line:
                    raise KioskError(f"{path.name}: duplicate ticket code {rec.ticket_code!r} "
                                     f"on lines {first_line} and {rec.line}")
            found = index.match(rec, code, taken)
            if found is None:
                new_rows.append(Attendee(
                    id=str(uuid.uuid4()), event_id=event.id, first_name=rec.first_name, last_name=rec.last_name,
                    ticket_code=rec.ticket_code, email=rec.email, organisation=rec.organisation,
                    category=rec.category, workshop=rec.workshop,
                    status=Status.CANCELLED if rec.cancelled else Status.VALID, source=source,
                    source_device=device.id, created_at=now, updated_at=now,
                ))
                continue
            taken.add(found.id)
            changes = _changes(found, rec)
            if changes:
                updates.append((found, changes))
            else:
                report.unchanged += 1
        report.added, report.updated = len(new_rows), len(updates)
        report.missing = [a for a in index.all if a.id not in taken and a.source.startswith("import:")
                          and a.status is Status.VALID]
        if not dry_run:
            attendee_store.insert_many(kiosk.conn, new_rows, case_sensitive=case_sensitive, now=now,
                                       device_id=device.id)
            for current, changes in updates:
                attendee_store.update(kiosk.conn, current, changes, case_sensitive=case_sensitive, now=now,
                                      device_id=device.id)
            if prune:
                for gone in report.missing:
                    attendee_store.update(kiosk.conn, gone, {"status": Status.CANCELLED},
                                          case_sensitive=case_sensitive, now=now, device_id=device.id)
        if prune:
            report.cancelled, report.missing = len(report.missing), []
    if progress:
        progress(total, total)
    return report
