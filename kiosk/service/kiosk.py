"""The service layer: every domain operation the CLI and the window perform, in one place.

Each operation runs in one SQLite transaction; when a method returns, its effect is on disk.
"""

from __future__ import annotations

import secrets
import sqlite3
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kiosk import paths
from kiosk.domain import codes, rules, tickets
from kiosk.domain.messages import verdict_message
from kiosk.domain.model import (
    Attendee,
    CheckinResult,
    Device,
    Direction,
    Event,
    Presence,
    Scan,
    ScanKind,
    Status,
    Verdict,
)
from kiosk.domain.presence import fold_presence
from kiosk.domain.text import email_key
from kiosk.service import keys
from kiosk.service.errors import KioskError, NoEventError
from kiosk.service.stats import Stats, WorkshopFigures, compute_stats
from kiosk.store import attendees as attendee_store
from kiosk.store import connect, meta, transaction
from kiosk.store import events as event_store
from kiosk.store import scans as scan_store

Clock = Callable[[], datetime]
MAX_NAME = 200
_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class RegisterResult:
    attendee: Attendee
    created: bool  # False: an existing registration matched (same email, or name + organisation)
    checkin: CheckinResult | None


class Kiosk:
    """One open data dir: its database, its active event, this machine's device identity."""

    def __init__(
        self, conn: sqlite3.Connection, *, device_name: str = "kiosk", clock: Clock = utc_now,
        lang: str = "fr", data_dir: Path | None = None,
    ) -> None:
        self.conn = conn
        self.device_name = device_name
        self.clock = clock
        self.lang = lang
        self.data_dir = data_dir
        with transaction(conn):
            self._install_id = meta.install_id(conn)
        self._public_keys = keys.load_public(paths.keys_dir(data_dir)) if data_dir else []
        self._event: Event | None = None

    @classmethod
    def open(cls, data_dir: Path, *, device_name: str = "kiosk", clock: Clock = utc_now, lang: str = "fr") -> Kiosk:
        return cls(connect(paths.database(data_dir)), device_name=device_name, clock=clock, lang=lang,
                   data_dir=data_dir)

    def close(self) -> None:
        self.conn.close()

    def checkpoint(self) -> tuple[int, int]:
        """Fold the WAL into the database now, while the door is idle, so that SQLite's automatic
        checkpoint (20-60 ms) rarely lands on a check-in. PASSIVE: never waits for readers.
        Returns (frames in the WAL, frames checkpointed)."""
        _busy, log, done = self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        return int(log), int(done)

    # --- identity and time -------------------------------------------------------------
    def device(self, name: str | None = None) -> Device:
        """Device ids are derived from this database's install id and the device name, so two
        kiosks never mint the same id and one kiosk keeps its id across restarts."""
        label = (name or self.device_name).strip() or "kiosk"
        return Device(str(uuid.uuid5(uuid.UUID(self._install_id), label)), label)

    def now(self) -> str:
        return rules.format_time(self.clock())

    def reload_keys(self) -> None:
        self._public_keys = keys.load_public(paths.keys_dir(self.data_dir)) if self.data_dir else []

    # --- event -------------------------------------------------------------------------
    @property
    def event(self) -> Event:
        if self._event is None:
            self._event = event_store.active(self.conn)
            if self._event is None:
                raise NoEventError()
        return self._event

    def has_event(self) -> bool:
        try:
            return bool(self.event.id)
        except NoEventError:
            return False

    def create_event(self, event: Event) -> Event:
        """Store an event and make it the active one of this data dir."""
        if not event.name.strip():
            raise KioskError("an event needs a name")
        with transaction(self.conn):
            event_store.insert(self.conn, event, now=self.now(), device_id=self.device().id)
            event_store.set_active(self.conn, event.id)
        self._event = None
        return self.event

    def create_demo(self) -> Event:
        """The #Plus20 demo event with its fictitious guests (what `make run` opens on a new machine)."""
        from kiosk.domain.demo import demo_attendees, demo_event

        event = demo_event()
        if event_store.get(self.conn, event.id) is not None:
            with transaction(self.conn):
                event_store.set_active(self.conn, event.id)
            self._event = None
            return self.event
        device = self.device()
        with transaction(self.conn):
            event_store.insert(self.conn, event, now=self.now(), device_id=device.id)
            attendee_store.insert_many(self.conn, demo_attendees(event), case_sensitive=False,
                                       now=self.now(), device_id=device.id)
            event_store.set_active(self.conn, event.id)
        self._event = None
        return self.event

    # --- check-in ----------------------------------------------------------------------
    def check_in(
        self, raw: str, *, direction: Direction = Direction.ENTRY, device_name: str | None = None,
        alternatives: Sequence[str] = (),
    ) -> CheckinResult:
        """Decide and record one scan. ``alternatives`` are other readings of the same scan
        (e.g. AZERTY-repaired text), tried only when the raw text matches no ticket."""
        event, device = self.event, self.device(device_name)
        now = self.clock()
        with transaction(self.conn):
            try:
                code = codes.clean_scanned(raw)
            except codes.CodeError:
                printable = "".join(ch if ch.isprintable() else "?" for ch in raw[: codes.MAX_CODE_LENGTH])
                return self._record(event, device, now, printable or "?", None, Verdict.INVALID, direction)
            previous = scan_store.last_of_device(self.conn, device.id)
            if rules.is_repeat(previous, code, now) and previous is not None:
                return self._replay(previous)
            attendee, verdict = self._identify(event, code, alternatives, now, device)
            if verdict is None:
                presence = attendee_store.presence(self.conn, attendee.id) if attendee else Presence()
                verdict = rules.decide(direction, attendee, presence)
            return self._record(event, device, now, code, attendee, verdict, direction)

    def check_in_attendee(
        self, attendee_id: str, *, direction: Direction = Direction.ENTRY, device_name: str | None = None
    ) -> CheckinResult:
        """Check in a guest found by name (no QR): same rules, the code logged is the ticket's."""
        attendee = self.attendee(attendee_id)
        event, device, now = self.event, self.device(device_name), self.clock()
        with transaction(self.conn):
            verdict = rules.decide(direction, attendee, attendee_store.presence(self.conn, attendee.id))
            return self._record(event, device, now, attendee.ticket_code or f"id:{attendee.id}", attendee,
                                verdict, direction)

    def override(
        self, attendee_id: str, *, reason: str, staff: str, device_name: str | None = None
    ) -> CheckinResult:
        """'Let in anyway': an entry written with who decided and why."""
        if not reason.strip() or not staff.strip():
            raise KioskError("an override needs the staff member's name and a reason")
        attendee = self.attendee(attendee_id)
        event, device, now = self.event, self.device(device_name), self.clock()
        with transaction(self.conn):
            scan = Scan(
                id=str(uuid.uuid4()), event_id=event.id, attendee_id=attendee.id,
                code=attendee.ticket_code or f"id:{attendee.id}", kind=ScanKind.OVERRIDE,
                verdict=Verdict.ACCEPTED, device_id=device.id, device_name=device.name,
                device_time=rules.format_time(now), staff=staff.strip()[:100], reason=reason.strip()[:500],
            )
            scan_store.append(self.conn, scan)
            presence = self._refresh_presence(attendee.id)
        return CheckinResult(Verdict.ACCEPTED, verdict_message(Verdict.ACCEPTED, attendee, lang=self.lang),
                             attendee, presence.first_entry_at, presence.first_entry_device, scan)

    def undo(self, *, device_name: str | None = None, scan_id: str | None = None,
             staff: str | None = None, reason: str | None = None) -> Scan | None:
        """Revert a scan (by default the device's last one) with an ``undo`` event recording who and
        why; None if nothing to undo."""
        device, now = self.device(device_name), self.clock()
        with transaction(self.conn):
            if scan_id is None:
                target = scan_store.last_undoable(self.conn, device.id)
            else:
                target = scan_store.get(self.conn, scan_id)
                if target is None:
                    raise KioskError(f"no scan {scan_id}")
                if target.kind not in (ScanKind.ENTRY, ScanKind.EXIT, ScanKind.OVERRIDE):
                    raise KioskError("only entries, exits and overrides can be undone")
                if scan_store.is_undone(self.conn, target.id):
                    raise KioskError("this scan was already undone")
            if target is None:
                return None
            scan_store.append(self.conn, Scan(
                id=str(uuid.uuid4()), event_id=target.event_id, attendee_id=target.attendee_id,
                code=target.code, kind=ScanKind.UNDO, verdict=target.verdict, device_id=device.id,
                device_name=device.name, device_time=rules.format_time(now), target_id=target.id,
                staff=staff.strip()[:100] if staff else None, reason=reason.strip()[:500] if reason else None,
            ))
            if target.attendee_id:
                self._refresh_presence(target.attendee_id)
        return target

    # --- internals of check-in ---------------------------------------------------------
    def _identify(
        self, event: Event, code: str, alternatives: Sequence[str], now: datetime, device: Device
    ) -> tuple[Attendee | None, Verdict | None]:
        """Attendee behind a scanned text, or a verdict that ends the decision early."""
        if tickets.looks_signed(code):
            try:
                claims = tickets.verify_ticket(code, self._public_keys)
            except tickets.TicketError:
                return None, Verdict.INVALID
            if claims.event_id != event.id:
                return None, Verdict.WRONG_EVENT
            found = attendee_store.get(self.conn, claims.attendee_id)
            if found is None:  # registered after this kiosk's last sync: the ticket vouches for them
                found = Attendee(id=claims.attendee_id, event_id=event.id, first_name=claims.first_name,
                                 last_name=claims.last_name, source="ticket", source_device=device.id)
                attendee_store.insert(self.conn, found, case_sensitive=event.codes_case_sensitive,
                                      now=rules.format_time(now), device_id=device.id)
            return found, None
        for candidate in (code, *codes.url_candidates(code), *alternatives):
            key = codes.code_key(candidate, case_sensitive=event.codes_case_sensitive)
            found = attendee_store.by_code(self.conn, event.id, key)
            if found is not None:
                return found, None
        return None, None

    def _record(
        self, event: Event, device: Device, now: datetime, code: str, attendee: Attendee | None,
        verdict: Verdict, direction: Direction,
    ) -> CheckinResult:
        scan = Scan(
            id=str(uuid.uuid4()), event_id=event.id, attendee_id=attendee.id if attendee else None,
            code=code[: codes.MAX_CODE_LENGTH], kind=rules.scan_kind(direction, verdict), verdict=verdict,
            device_id=device.id, device_name=device.name, device_time=rules.format_time(now),
        )
        scan_store.append(self.conn, scan)
        presence = self._refresh_presence(attendee.id) if attendee and scan.kind is not ScanKind.REFUSED \
            else (attendee_store.presence(self.conn, attendee.id) if attendee else Presence())
        return self._result(scan, attendee, presence)

    def _replay(self, previous: Scan) -> CheckinResult:
        attendee = attendee_store.get(self.conn, previous.attendee_id) if previous.attendee_id else None
        presence = attendee_store.presence(self.conn, attendee.id) if attendee else Presence()
        result = self._result(previous, attendee, presence)
        return CheckinResult(result.verdict, result.message, result.attendee, result.first_entry_at,
                             result.first_entry_device, previous, repeated=True)

    def _result(self, scan: Scan, attendee: Attendee | None, presence: Presence) -> CheckinResult:
        when = presence.first_entry_at
        message = verdict_message(scan.verdict, attendee, when=_local_clock(when),
                                  device=presence.first_entry_device, lang=self.lang)
        return CheckinResult(scan.verdict, message, attendee, when, presence.first_entry_device, scan)

    def _refresh_presence(self, attendee_id: str) -> Presence:
        presence = fold_presence(scan_store.for_attendee(self.conn, attendee_id))
        attendee_store.set_presence(self.conn, attendee_id, presence)
        return presence

    def rebuild_presence(self) -> int:
        """Recompute every attendee's presence from the log (after a merge, or as a repair)."""
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE attendees SET first_entry_at=NULL, first_entry_device=NULL, last_scan_at=NULL, inside=0"
                " WHERE event_id = ?", (self.event.id,))
            ids = scan_store.attendee_ids_with_scans(self.conn, self.event.id)
            for attendee_id in ids:
                self._refresh_presence(attendee_id)
        return len(ids)

    # --- attendees -----------------------------------------------------------------------
    def attendee(self, attendee_id: str) -> Attendee:
        found = attendee_store.get(self.conn, attendee_id)
        if found is None or found.event_id != self.event.id:
            raise KioskError(f"no attendee {attendee_id}")
        return found

    def find(self, code_or_id: str) -> Attendee:
        """An attendee by id or by ticket code (what `badge` and `ticket-code` accept)."""
        found = attendee_store.get(self.conn, code_or_id.strip())
        if found is None:
            key = codes.code_key(code_or_id, case_sensitive=self.event.codes_case_sensitive)
            found = attendee_store.by_code(self.conn, self.event.id, key)
        if found is None or found.event_id != self.event.id:
            raise KioskError(f"no attendee with id or ticket code {code_or_id!r}")
        return found

    def presence(self, attendee_id: str) -> Presence:
        return attendee_store.presence(self.conn, attendee_id)

    def history(self, attendee_id: str) -> list[Scan]:
        return scan_store.for_attendee(self.conn, attendee_id)

    def recent_scans(self, limit: int = 20, *, device_name: str | None = None) -> list[Scan]:
        device_id = self.device(device_name).id if device_name else None
        return scan_store.recent(self.conn, self.event.id, limit=limit, device_id=device_id)

    def attendees(self, *, sort: str = "last_name", limit: int | None = None) -> list[Attendee]:
        """Everyone registered for the event, sorted (the list staff browse before typing)."""
        if sort not in attendee_store.SORTS:
            raise KioskError(f"unknown sort {sort!r}")
        found: list[Attendee] = []
        for attendee in attendee_store.iterate(self.conn, self.event.id, sort=sort):
            if limit is not None and len(found) >= limit:
                break
            found.append(attendee)
        return found

    def search(self, text: str, limit: int = 50) -> list[Attendee]:
        return attendee_store.search(self.conn, self.event.id, text, limit=limit)

    def register(
        self, *, first_name: str, last_name: str, email: str | None = None, organisation: str | None = None,
        category: str | None = None, workshop: str | None = None, checkin: bool = False,
        device_name: str | None = None,
    ) -> RegisterResult:
        """A walk-in registration. A guest already registered (same email, or same name and
        organisation) is found again instead of being created twice."""
        event, device = self.event, self.device(device_name)
        first, last = first_name.strip(), last_name.strip()
        org = (organisation or "").strip() or None
        mail = (email or "").strip() or None
        if not first or not last:
            raise KioskError("first and last name are required")
        if max(len(first), len(last), len(org or ""), len(mail or "")) > MAX_NAME:
            raise KioskError(f"a field is longer than {MAX_NAME} characters")
        if mail and email_key(mail) is None:
            raise KioskError(f"{mail!r} is not an email address")
        category = self._choice(category, [c.name for c in event.categories], "category")
        workshop = self._choice(workshop, [w.name for w in event.workshops], "workshop")
        with transaction(self.conn):
            existing = self._existing_registration(event, first, last, mail, org)
            if existing is None:
                self._check_places(event, workshop, checkin)
                now = self.now()
                existing = Attendee(
                    id=str(uuid.uuid4()), event_id=event.id, first_name=first, last_name=last,
                    ticket_code=self._new_code(event), email=mail, organisation=org, category=category,
                    workshop=workshop, status=Status.VALID, source="walk-in", source_device=device.id,
                    created_at=now, updated_at=now,
                )
                attendee_store.insert(self.conn, existing, case_sensitive=event.codes_case_sensitive,
                                      now=now, device_id=device.id)
                created = True
            else:
                created = False
        result = self.check_in_attendee(existing.id, device_name=device_name) if checkin else None
        return RegisterResult(existing, created, result)

    def _existing_registration(
        self, event: Event, first: str, last: str, mail: str | None, org: str | None
    ) -> Attendee | None:
        key = email_key(mail)
        if key:
            matches = attendee_store.by_email(self.conn, event.id, key)
            if matches:
                return matches[0]
        same_name = attendee_store.by_name(self.conn, event.id, first, last, org)
        return same_name[0] if same_name else None

    def _check_places(self, event: Event, workshop: str | None, checkin: bool) -> None:
        stats = self.stats()
        if checkin and event.capacity is not None and stats.inside >= event.capacity:
            raise KioskError(f"the venue is full ({stats.inside}/{event.capacity} inside)")
        for w in event.workshops:
            if w.name == workshop and w.capacity is not None:
                taken = stats.by_workshop.get(w.name, WorkshopFigures()).registered
                if taken >= w.capacity:
                    raise KioskError(f"workshop {w.name!r} is full ({taken}/{w.capacity})")

    @staticmethod
    def _choice(value: str | None, allowed: list[str], what: str) -> str | None:
        value = (value or "").strip() or None
        if value is None or not allowed:
            return value
        for name in allowed:
            if name.casefold() == value.casefold():
                return name
        raise KioskError(f"unknown {what} {value!r}; choose one of: {', '.join(allowed)}")

    def _new_code(self, event: Event) -> str:
        """Random walk-in codes: 50 bits, so kiosks minting offline never collide in practice."""
        while True:
            code = "W" + "".join(secrets.choice(_CODE_ALPHABET) for _ in range(10))
            if attendee_store.by_code(self.conn, event.id, codes.code_key(code)) is None:
                return code

    def stats(self) -> Stats:
        return compute_stats(self.event, attendee_store.stats_rows(self.conn, self.event.id))

    # --- signed tickets -----------------------------------------------------------------
    def ticket_payload(self, attendee: Attendee, private_key_dir: Path | None = None) -> str:
        directory = private_key_dir or (paths.keys_dir(self.data_dir) if self.data_dir else None)
        if directory is None:
            raise KioskError("no key directory")
        key = keys.load_private(directory)
        return tickets.sign_ticket(
            tickets.TicketClaims(self.event.id, attendee.id, attendee.first_name, attendee.last_name), key
        )


def _local_clock(iso: str | None) -> str | None:
    """'18:42' in the machine's time zone, for messages read at the door."""
    if iso is None:
        return None
    return rules.parse_time(iso).astimezone().strftime("%H:%M")

