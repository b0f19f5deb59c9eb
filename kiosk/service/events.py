"""The data dir's events: create one, the demo, list them, choose the active one."""

from __future__ import annotations

from kiosk.domain.model import Event
from kiosk.service.errors import KioskError, NoSuchEventError, OtherEventActiveError, Refused, storage_guard
from kiosk.service.session import OnSession, Session
from kiosk.store import attendees as attendee_store
from kiosk.store import events as event_store
from kiosk.store import transaction


class Events(OnSession):
    """Organiser work on events (the CLI's `event` family, the window's first run)."""

    def __init__(self, session: Session) -> None:
        super().__init__(session)

    @storage_guard
    def create_event(self, event: Event) -> Event:
        """Store an event and make it the active one of this data dir."""
        if not event.name.strip():
            raise Refused("event_needs_name")
        with transaction(self._session.conn):
            event_store.insert(self._session.conn, event, now=self._session.now(), device_id=self._session.device().id)
            event_store.set_active(self._session.conn, event.id)
        self._session.forget_event()
        return self._session.event

    @storage_guard
    def create_demo(self, *, force: bool = False) -> Event:
        """The #Plus20 demo event with its fictitious guests (what `make run` opens on a new machine).
        It becomes the active event; if another event is active that takes ``force`` (OtherEventActiveError
        otherwise), so a newcomer's `kiosk demo` never silently swaps the real event out of the door."""
        from kiosk.domain.demo import demo_attendees, demo_event

        event = demo_event()
        active = event_store.active(self._session.conn)
        if active is not None and active.id != event.id and not force:
            raise OtherEventActiveError(active.name)
        if event_store.get(self._session.conn, event.id) is not None:
            with transaction(self._session.conn):
                event_store.set_active(self._session.conn, event.id)
            self._session.forget_event()
            return self._session.event
        device = self._session.device()
        with transaction(self._session.conn):
            event_store.insert(self._session.conn, event, now=self._session.now(), device_id=device.id)
            attendee_store.insert_many(self._session.conn, demo_attendees(event), case_sensitive=False,
                                       now=self._session.now(), device_id=device.id)
            event_store.set_active(self._session.conn, event.id)
        self._session.forget_event()
        return self._session.event

    @storage_guard
    def events(self) -> list[Event]:
        """Every event this data dir holds, oldest first (one of them is active)."""
        return event_store.all_events(self._session.conn)

    def active_event_id(self) -> str | None:
        found = event_store.active(self._session.conn)
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
        with transaction(self._session.conn):
            event_store.set_active(self._session.conn, found[0].id)
        self._session.forget_event()
        return self._session.event
