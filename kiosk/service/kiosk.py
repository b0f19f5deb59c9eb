"""The service layer: every domain operation the CLI and the window perform, in one place.

Each operation runs in one SQLite transaction; when a method returns, its effect is on disk.
``Kiosk`` composes the session core (base.py) with the check-in and registration operations.
"""

from __future__ import annotations

from pathlib import Path

from kiosk import paths
from kiosk.domain import tickets
from kiosk.domain.model import Attendee, Event, Scan
from kiosk.service import keys
from kiosk.service.base import Clock, utc_now
from kiosk.service.errors import KioskError
from kiosk.service.registration import RegisterResult, RegistrationOperations
from kiosk.store import attendees as attendee_store
from kiosk.store import events as event_store
from kiosk.store import scans as scan_store
from kiosk.store import transaction

__all__ = ["Clock", "Kiosk", "RegisterResult", "utc_now"]


class Kiosk(RegistrationOperations):
    """One open data dir and everything that can be done with it (see the module docstring)."""

    # --- event ---------------------------------------------------------------------------
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
    # --- lists and lookups -----------------------------------------------------------------
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
    # --- signed tickets -----------------------------------------------------------------
    def ticket_payload(self, attendee: Attendee, private_key_dir: Path | None = None) -> str:
        directory = private_key_dir or (paths.keys_dir(self.data_dir) if self.data_dir else None)
        if directory is None:
            raise KioskError("no key directory")
        key = keys.load_private(directory)
        return tickets.sign_ticket(
            tickets.TicketClaims(self.event.id, attendee.id, attendee.first_name, attendee.last_name), key
        )

