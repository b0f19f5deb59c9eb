"""The data dir's events: create one, the demo, list them, choose the active one."""

from __future__ import annotations

from collections.abc import Sequence

from kiosk.domain import merge
from kiosk.domain.model import Category, Event, Workshop
from kiosk.service.errors import KioskError, NoSuchEventError, OtherEventActiveError, Refused, storage_guard
from kiosk.service.session import Session, SessionService
from kiosk.store import attendees as attendee_store
from kiosk.store import events as event_store
from kiosk.store import transaction


class Events(SessionService):
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
    def edit_event(
        self, /, *, workshops: Sequence[Workshop] = (), categories: Sequence[Category] = (),
        remove: Sequence[str] = (), **fields: str | None,
    ) -> Event:
        """Change the active event: scalar ``fields`` (kiosk.domain.merge.EVENT_SCALARS as text; "" or
        None clears an optional one), workshops and categories added or changed, ``remove`` names
        workshops or categories to drop. Each changed field is stamped with this kiosk's HLC, so edits
        converge through the hub like guests'. Refused: event_needs_name, nothing_to_change."""
        unknown = set(fields) - set(merge.EVENT_SCALARS)
        if unknown:
            raise ValueError(f"not an event field: {sorted(unknown)}")
        if "name" in fields and not (fields["name"] or "").strip():
            raise Refused("event_needs_name")
        current = self._session.event
        values: dict[str, str | None] = {f: (v or "").strip() or None for f, v in fields.items()}
        listed = [w.name for w in current.workshops]
        values.update(merge.workshop_value(w, _position(listed, w.name, i)) for i, w in enumerate(workshops))
        listed = [c.name for c in current.categories]
        values.update(merge.category_value(c, _position(listed, c.name, i)) for i, c in enumerate(categories))
        known = {w.name: merge.WORKSHOP for w in current.workshops} | {c.name: merge.CATEGORY
                                                                       for c in current.categories}
        values.update((known[name] + name, None) for name in remove if name in known)
        with transaction(self._session.conn):
            done = event_store.edit(self._session.conn, current.id, values, now=self._session.now(),
                                    device_id=self._session.device().id)
        if done is None:
            raise Refused("nothing_to_change", name=current.name)
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


def _position(listed: list[str], name: str, i: int) -> int:
    """Where a workshop or category is listed: its place if known, else after the others."""
    return listed.index(name) if name in listed else len(listed) + i
