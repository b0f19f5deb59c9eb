"""The service layer: every domain operation the CLI and the window perform, in one place.

Each operation runs in one SQLite transaction; when a method returns, its effect is on disk.
``Kiosk`` composes the session core (base.py) with the check-in and registration operations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.domain.model import Attendee, Event, Scan
from kiosk.service.base import Clock, utc_now
from kiosk.service.errors import KioskError, NoSuchEventError, OtherEventActiveError, storage_guard
from kiosk.service.registration import RegisterResult, RegistrationOperations
from kiosk.store import attendees as attendee_store
from kiosk.store import events as event_store
from kiosk.store import scans as scan_store
from kiosk.store import transaction

if TYPE_CHECKING:
    from kiosk.service.badges import Badges

__all__ = ["Clock", "Kiosk", "RegisterResult", "utc_now"]


class Kiosk(RegistrationOperations):
    """One open data dir and everything that can be done with it (see the module docstring)."""

    # --- event ---------------------------------------------------------------------------
    @storage_guard
    def create_event(self, event: Event) -> Event:
        """Store an event and make it the active one of this data dir."""
        if not event.name.strip():
            raise KioskError("an event needs a name")
        with transaction(self.conn):
            event_store.insert(self.conn, event, now=self.now(), device_id=self.device().id)
            event_store.set_active(self.conn, event.id)
        self._event = None
        return self.event

    @storage_guard
    def create_demo(self, *, force: bool = False) -> Event:
        """The #Plus20 demo event with its fictitious guests (what `make run` opens on a new machine).
        It becomes the active event; if another event is active that takes ``force`` (OtherEventActiveError
        otherwise), so a newcomer's `kiosk demo` never silently swaps the real event out of the door."""
        from kiosk.domain.demo import demo_attendees, demo_event

        event = demo_event()
        active = event_store.active(self.conn)
        if active is not None and active.id != event.id and not force:
            raise OtherEventActiveError(active.name)
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

    @storage_guard
    def events(self) -> list[Event]:
        """Every event this data dir holds, oldest first (one of them is active)."""
        return event_store.all_events(self.conn)

    def active_event_id(self) -> str | None:
        found = event_store.active(self.conn)
        return found.id if found else None

    @storage_guard
    def use_event(self, ref: str) -> Event:
        """Make another event of this data dir the active one: by id, unique id prefix, or exact name."""
        wanted = ref.strip()
        if not wanted:
            raise KioskError("which event? give its id (see 'kiosk event list')")
        known = self.events()
        found = [e for e in known if e.id == wanted] or [e for e in known if e.id.startswith(wanted)] \
            or [e for e in known if e.name.casefold() == wanted.casefold()]
        if len(found) != 1:
            raise NoSuchEventError(wanted, ambiguous=len(found) > 1)
        with transaction(self.conn):
            event_store.set_active(self.conn, found[0].id)
        self._event = None
        return self.event

    # --- lists and lookups -----------------------------------------------------------------
    @storage_guard
    def history(self, attendee_id: str) -> list[Scan]:
        return scan_store.for_attendee(self.conn, attendee_id)

    @storage_guard
    def recent_scans(self, limit: int = 20, *, device_name: str | None = None) -> list[Scan]:
        device_id = self.device(device_name).id if device_name else None
        return scan_store.recent(self.conn, self.event.id, limit=limit, device_id=device_id)

    @storage_guard
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

    @property
    def badges(self) -> Badges:
        """Badge contents, guest choice and batch rendering for this kiosk (kiosk.service.badges)."""
        if self._badges is None:
            from kiosk.service.badges import Badges  # reportlab: not for headless check-in commands

            self._badges = Badges(self)
        return self._badges

    @storage_guard
    def search(self, text: str, limit: int = 50) -> list[Attendee]:
        return attendee_store.search(self.conn, self.event.id, text, limit=limit)
