"""Correcting a guest's record at the desk or by the organiser: `kiosk edit`, the one edit path.

Each changed field is stamped with this kiosk's hybrid logical clock and its device id
(kiosk.store.attendees.update), so two kiosks' offline edits of one guest merge field by field in
causal order even when their clocks are minutes apart; the organiser's cancellation still wins.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain.model import Attendee, Event
from kiosk.domain.text import email_key
from kiosk.service.attendees import Attendees
from kiosk.service.errors import Refused, WorkshopFull, storage_guard
from kiosk.service.registration import MAX_NAME, choice
from kiosk.service.session import Session, SessionService
from kiosk.service.stats import DoorStats, WorkshopFigures
from kiosk.store import attendees as attendee_store
from kiosk.store import transaction

FIELDS = ("first_name", "last_name", "email", "organisation", "category", "workshop")


@dataclass(frozen=True)
class Edited:
    attendee: Attendee
    changed: tuple[str, ...]  # the fields whose value changed, in FIELDS order


class Editing(SessionService):
    """Staff edits of one guest: checked like a registration, applied in one transaction."""

    def __init__(self, session: Session, attendees: Attendees, door_stats: DoorStats) -> None:
        super().__init__(session)
        self._attendees = attendees
        self._door_stats = door_stats

    @storage_guard
    def edit(self, /, code_or_id: str, **fields: str | None) -> Edited:
        """Change some of FIELDS of the guest with this ticket code or id: a value None is left as
        it is, "" clears an optional field. Refused (names_required, not_an_email, unknown_choice,
        field_too_long, workshop_full, nothing_to_change) or NoSuchAttendeeError."""
        unknown = set(fields) - set(FIELDS)
        if unknown:
            raise ValueError(f"not editable here: {sorted(unknown)}")
        event = self._session.event
        current = self._attendees.find(code_or_id)
        wanted = {name: _clean(event, name, value) for name, value in fields.items() if value is not None}
        changes = {name: value for name, value in wanted.items() if getattr(current, name) != value}
        if not changes:
            raise Refused("nothing_to_change", name=current.full_name)
        with transaction(self.conn):
            fresh = attendee_store.get(self.conn, current.id) or current  # as it is inside the write lock
            if "workshop" in changes and changes["workshop"] is not None:
                self._check_room(event, str(changes["workshop"]))
            edited = attendee_store.update(
                self.conn, fresh, changes, case_sensitive=event.codes_case_sensitive, now=self._session.now(),
                device_id=self._session.device().id)
        return Edited(edited, tuple(f for f in FIELDS if f in changes))

    def _check_room(self, event: Event, workshop: str) -> None:
        for w in event.workshops:
            if w.name == workshop and w.capacity is not None:
                taken = self._door_stats.stats().by_workshop.get(w.name, WorkshopFigures()).registered
                if taken >= w.capacity:
                    raise WorkshopFull(w.name, taken, w.capacity)


def _clean(event: Event, name: str, raw: str) -> str | None:
    """One field as it will be stored, or Refused: names may not be blank, e-mails must look like
    one, category and workshop must be the event's (as it spells them)."""
    value = raw.strip()
    if len(value) > MAX_NAME:
        raise Refused("field_too_long", limit=MAX_NAME)
    if name in ("first_name", "last_name"):
        if not value:
            raise Refused("names_required")
        return value
    if name == "email" and value and email_key(value) is None:
        raise Refused("not_an_email", email=value)
    if name == "category":
        return choice(value, [c.name for c in event.categories], "category")
    if name == "workshop":
        return choice(value, [w.name for w in event.workshops], "workshop")
    return value or None
