"""Check in, check out, let in anyway, undo: each one transaction, each one entry in the scan log."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from kiosk.domain import codes, merge, rules, tickets
from kiosk.domain.model import (
    Attendee,
    CheckinResult,
    Device,
    Direction,
    Event,
    Presence,
    Scan,
    ScanKind,
    Verdict,
)
from kiosk.service.attendees import Attendees
from kiosk.service.errors import Refused, storage_guard
from kiosk.service.keys import Keys
from kiosk.service.presence import counted_person, refresh_presence
from kiosk.service.session import Session, SessionService
from kiosk.store import attendees as attendee_store
from kiosk.store import replication as replication_store
from kiosk.store import scans as scan_store
from kiosk.store import transaction


class CheckIn(SessionService):
    """Every way a guest passes the door; presence is refreshed from the log in the same transaction."""

    def __init__(self, session: Session, keys: Keys, attendees: Attendees) -> None:
        super().__init__(session)
        self._keys = keys
        self._attendees = attendees

    @storage_guard
    def check_in(
        self, raw: str, *, direction: Direction = Direction.ENTRY, device_name: str | None = None,
        alternatives: Sequence[str] = (),
    ) -> CheckinResult:
        """Decide and record one scan. ``alternatives`` are other readings of the same scan
        (e.g. AZERTY-repaired text), tried only when the raw text matches no ticket."""
        event, device = self._session.event, self._session.device(device_name)
        now = self._session.clock()
        with transaction(self.conn):
            try:
                code = codes.clean_scanned(raw)
            except codes.CodeError:
                printable = "".join(ch if ch.isprintable() else "?" for ch in raw[: codes.MAX_CODE_LENGTH])
                return self._record(event, device, now, printable or "?", None, Verdict.INVALID)
            previous = scan_store.last_of_device(self.conn, device.id)
            if rules.is_repeat(previous, code, direction, now) and previous is not None:
                return self._replay(previous)
            attendee, verdict = self._identify(event, code, alternatives, now, device)
            attendee = counted_person(self.conn, attendee)
            if verdict is None:
                presence = attendee_store.presence(self.conn, attendee.id) if attendee else Presence()
                verdict = rules.decide(direction, attendee, presence)
            return self._record(event, device, now, code, attendee, verdict)

    @storage_guard
    def check_in_attendee(
        self, attendee_id: str, *, direction: Direction = Direction.ENTRY, device_name: str | None = None
    ) -> CheckinResult:
        """Check in a guest found by name (no QR): same rules, the code logged is the ticket's."""
        attendee = self._attendees.attendee(attendee_id)
        event, device, now = self._session.event, self._session.device(device_name), self._session.clock()
        with transaction(self.conn):
            attendee = counted_person(self.conn, attendee) or attendee
            verdict = rules.decide(direction, attendee, attendee_store.presence(self.conn, attendee.id))
            return self._record(event, device, now, attendee.ticket_code or f"id:{attendee.id}", attendee,
                                verdict)

    @storage_guard
    def override(
        self, attendee_id: str, *, reason: str, staff: str, device_name: str | None = None
    ) -> CheckinResult:
        """'Let in anyway': an entry written with who decided and why."""
        if not reason.strip() or not staff.strip():
            raise Refused("override_needs_reason")
        attendee = self._attendees.attendee(attendee_id)
        event, device, now = self._session.event, self._session.device(device_name), self._session.clock()
        with transaction(self.conn):
            scan = Scan(
                id=str(uuid.uuid4()), event_id=event.id, attendee_id=attendee.id,
                code=attendee.ticket_code or f"id:{attendee.id}", kind=ScanKind.OVERRIDE,
                verdict=Verdict.ACCEPTED, device_id=device.id, device_name=device.name,
                device_time=rules.format_time(now), staff=staff.strip()[:100], reason=reason.strip()[:500],
            )
            scan_store.append(self.conn, scan)
            presence = refresh_presence(self.conn, attendee.id)
            result = CheckinResult(Verdict.ACCEPTED, attendee, presence.first_entry_at,
                                   presence.first_entry_device, scan)
            self._session.admitted(result)
        return result

    @storage_guard
    def undo(self, *, device_name: str | None = None, scan_id: str | None = None,
             staff: str | None = None, reason: str | None = None) -> Scan | None:
        """Revert a scan (by default the device's last one) with an ``undo`` event recording who and
        why; None if nothing to undo."""
        device, now = self._session.device(device_name), self._session.clock()
        with transaction(self.conn):
            if scan_id is None:
                target = scan_store.last_undoable(self.conn, device.id)
            else:
                target = scan_store.get(self.conn, scan_id)
                if target is None:
                    raise Refused("no_scan", scan_id=scan_id)
                if not rules.can_undo(target.kind):
                    raise Refused("not_undoable")
                if scan_store.is_undone(self.conn, target.id):
                    raise Refused("already_undone")
            if target is None:
                return None
            scan_store.append(self.conn, Scan(
                id=str(uuid.uuid4()), event_id=target.event_id, attendee_id=target.attendee_id,
                code=target.code, kind=ScanKind.UNDO, verdict=target.verdict, device_id=device.id,
                device_name=device.name, device_time=rules.format_time(now), target_id=target.id,
                staff=staff.strip()[:100] if staff else None, reason=reason.strip()[:500] if reason else None,
            ))
            if target.attendee_id:
                refresh_presence(self.conn, target.attendee_id)
        return target

    # --- internals of check-in ---------------------------------------------------------
    def _identify(
        self, event: Event, code: str, alternatives: Sequence[str], now: datetime, device: Device
    ) -> tuple[Attendee | None, Verdict | None]:
        """Attendee behind a scanned text, or a verdict that ends the decision early."""
        if tickets.looks_signed(code):
            try:
                claims = tickets.verify_ticket(code, self._keys.public)
            except tickets.TicketError:
                return None, Verdict.INVALID
            if claims.event_id != event.id:
                return None, Verdict.WRONG_EVENT
            found = attendee_store.get(self.conn, claims.attendee_id)
            if found is None:  # registered after this kiosk's last sync: the ticket vouches for them, provisionally
                found = Attendee(id=claims.attendee_id, event_id=event.id, first_name=claims.first_name,
                                 last_name=claims.last_name, source="ticket", source_device=device.id)
                attendee_store.insert(self.conn, found, case_sensitive=event.codes_case_sensitive,
                                      now=rules.format_time(now), device_id=device.id)
                replication_store.set_field_stamps(self.conn, found.id, merge.provisional_stamps(device.id))
            return found, None
        for candidate in (code, *codes.url_candidates(code), *alternatives):
            key = codes.code_key(candidate, case_sensitive=event.codes_case_sensitive)
            found = attendee_store.by_code(self.conn, event.id, key)
            if found is not None:
                return found, None
        return None, None

    def _record(
        self, event: Event, device: Device, now: datetime, code: str, attendee: Attendee | None,
        verdict: Verdict,
    ) -> CheckinResult:
        scan = Scan(
            id=str(uuid.uuid4()), event_id=event.id, attendee_id=attendee.id if attendee else None,
            code=code[: codes.MAX_CODE_LENGTH], kind=rules.scan_kind(verdict), verdict=verdict,
            device_id=device.id, device_name=device.name, device_time=rules.format_time(now),
        )
        scan_store.append(self.conn, scan)
        presence = refresh_presence(self.conn, attendee.id) if attendee and scan.kind is not ScanKind.REFUSED \
            else (attendee_store.presence(self.conn, attendee.id) if attendee else Presence())
        result = self._result(scan, attendee, presence)
        self._session.admitted(result)  # the auto-print badge, in this transaction
        return result

    def _replay(self, previous: Scan) -> CheckinResult:
        attendee = attendee_store.get(self.conn, previous.attendee_id) if previous.attendee_id else None
        presence = attendee_store.presence(self.conn, attendee.id) if attendee else Presence()
        result = self._result(previous, attendee, presence)
        return CheckinResult(result.verdict, result.attendee, result.first_entry_at, result.first_entry_device,
                             previous, repeated=True)

    def _result(self, scan: Scan, attendee: Attendee | None, presence: Presence) -> CheckinResult:
        return CheckinResult(scan.verdict, attendee, presence.first_entry_at, presence.first_entry_device, scan)

    @storage_guard
    def rebuild_presence(self) -> int:
        """Recompute every attendee's presence from the log (after a merge, or as a repair)."""
        with transaction(self.conn):
            attendee_store.clear_presence(self.conn, self._session.event.id)
            ids = scan_store.attendee_ids_with_scans(self.conn, self._session.event.id)
            for attendee_id in ids:
                refresh_presence(self.conn, attendee_id)
        return len(ids)
