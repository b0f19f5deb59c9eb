"""Looking guests up: by id, by ticket code, by name; lists, history and recent scans (read-only)."""

from __future__ import annotations

from kiosk.domain import codes
from kiosk.domain.model import SORT_KEYS, Attendee, Presence, Scan
from kiosk.service.errors import KioskError, NoSuchAttendeeError, storage_guard
from kiosk.service.session import Session, SessionService
from kiosk.store import attendees as attendee_store
from kiosk.store import guest_links as link_store
from kiosk.store import scans as scan_store
from kiosk.store import walk_ins as walk_in_store
from kiosk.store.walk_ins import WaitlistEntry


class Attendees(SessionService):
    """What staff look up; the self-service and occupancy screens do not get this service."""

    def __init__(self, session: Session) -> None:
        super().__init__(session)

    @storage_guard
    def attendee(self, attendee_id: str) -> Attendee:
        session = self._session
        found = attendee_store.get(session.conn, attendee_id)
        if found is None or found.event_id != session.event.id:
            raise KioskError(f"no attendee {attendee_id}")
        return found

    @storage_guard
    def find(self, code_or_id: str) -> Attendee:
        """An attendee by id or by ticket code (what `badge` and `ticket-code` accept)."""
        session = self._session
        found = attendee_store.get(session.conn, code_or_id.strip())
        if found is None:
            key = codes.code_key(code_or_id, case_sensitive=session.event.codes_case_sensitive)
            found = attendee_store.by_code(session.conn, session.event.id, key)
        if found is None or found.event_id != session.event.id:
            raise NoSuchAttendeeError(code_or_id)
        return found

    @storage_guard
    def presence(self, attendee_id: str) -> Presence:
        return attendee_store.presence(self._session.conn, attendee_id)

    @storage_guard
    def history(self, attendee_id: str) -> list[Scan]:
        return link_store.presence_log(self._session.conn, attendee_id)  # with the records merged into it

    @storage_guard
    def recent_scans(self, limit: int = 20, *, device_name: str | None = None) -> list[Scan]:
        session = self._session
        device_id = session.device(device_name).id if device_name else None
        return scan_store.recent(session.conn, session.event.id, limit=limit, device_id=device_id)

    @storage_guard
    def attendees(self, *, sort: str = "last_name", limit: int | None = None) -> list[Attendee]:
        """Everyone registered for the event, sorted (the list staff browse before typing)."""
        if sort not in SORT_KEYS:
            raise KioskError(f"unknown sort {sort!r}")
        found: list[Attendee] = []
        for attendee in attendee_store.iterate(self._session.conn, self._session.event.id, sort=sort):
            if limit is not None and len(found) >= limit:
                break
            found.append(attendee)
        return found

    @storage_guard
    def search(self, text: str, limit: int = 50) -> list[Attendee]:
        return attendee_store.search(self._session.conn, self._session.event.id, text, limit=limit)

    @storage_guard
    def waitlist(self) -> list[WaitlistEntry]:
        """Walk-ins who came when the venue was full, oldest first (staff call them in)."""
        return walk_in_store.waitlist(self._session.conn, self._session.event.id)
