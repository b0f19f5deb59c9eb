"""``Kiosk``: a session with every service composed on it, for the staff window and the CLI.

Each operation runs in one SQLite transaction; when a method returns, its effect is on disk.
The services are small and each takes only what it needs (see ``Services``); a screen that may do
less (the walk-in self-service screen, the occupancy screen) is handed the services it may use,
not the Kiosk. The methods below delegate to those services, so the window and the CLI hold one object.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.domain.model import Attendee, Category, CheckinResult, Direction, Event, Presence, Scan, Workshop
from kiosk.service.attendees import Attendees
from kiosk.service.checkin import CheckIn
from kiosk.service.editing import Edited, Editing
from kiosk.service.events import Events
from kiosk.service.keys import Keys
from kiosk.service.registration import Consent, RegisterResult, Registration
from kiosk.service.session import Clock, Session, utc_now
from kiosk.service.stats import DoorStats, Stats
from kiosk.store.walk_ins import WaitlistEntry

if TYPE_CHECKING:
    from kiosk.service.badges import Badges
    from kiosk.service.duplicates import Admission, Duplicates

__all__ = ["Kiosk", "Services"]


@dataclass(frozen=True)
class Services:
    """The services of one session, each composed on the session and on the ones it needs."""

    keys: Keys
    attendees: Attendees
    door_stats: DoorStats
    checkin: CheckIn
    registration: Registration
    events: Events
    editing: Editing

    @classmethod
    def compose(cls, session: Session) -> Services:
        keys, attendees, door_stats = Keys(session), Attendees(session), DoorStats(session)
        checkin = CheckIn(session, keys, attendees)
        return cls(keys, attendees, door_stats, checkin, Registration(session, checkin, attendees, door_stats),
                   Events(session), Editing(session, attendees, door_stats))


class Kiosk(Session):
    """One open data dir and everything staff can do with it (see the module docstring)."""

    def __init__(
        self, conn: sqlite3.Connection, *, device_name: str = "kiosk", clock: Clock = utc_now,
        lang: str = "fr", data_dir: Path | None = None,
    ) -> None:
        super().__init__(conn, device_name=device_name, clock=clock, lang=lang, data_dir=data_dir)
        self.services = Services.compose(self)
        self._badges: Badges | None = None

    @property
    def badges(self) -> Badges:
        """Badge contents, guest choice and batch rendering for this kiosk (kiosk.service.badges)."""
        if self._badges is None:
            from kiosk.service.badges import Badges  # reportlab: not for headless check-in commands

            self._badges = Badges(self, self.services.keys)
        return self._badges

    @property
    def duplicates(self) -> Duplicates:
        """Duplicate entries and walk-ins registered twice, merge and dismiss (kiosk.service.duplicates)."""
        from kiosk.service.duplicates import Duplicates

        return Duplicates(self)

    # --- check-in ------------------------------------------------------------------------
    def check_in(self, raw: str, *, direction: Direction = Direction.ENTRY, device_name: str | None = None,
                 alternatives: Sequence[str] = ()) -> CheckinResult:
        return self.services.checkin.check_in(raw, direction=direction, device_name=device_name,
                                              alternatives=alternatives)

    def check_in_attendee(self, attendee_id: str, *, direction: Direction = Direction.ENTRY,
                          device_name: str | None = None) -> CheckinResult:
        return self.services.checkin.check_in_attendee(attendee_id, direction=direction, device_name=device_name)

    def override(self, attendee_id: str, *, reason: str, staff: str, device_name: str | None = None
                 ) -> CheckinResult:
        return self.services.checkin.override(attendee_id, reason=reason, staff=staff, device_name=device_name)

    def undo(self, *, device_name: str | None = None, scan_id: str | None = None, staff: str | None = None,
             reason: str | None = None) -> Scan | None:
        return self.services.checkin.undo(device_name=device_name, scan_id=scan_id, staff=staff, reason=reason)

    def rebuild_presence(self) -> int:
        return self.services.checkin.rebuild_presence()

    # --- registration --------------------------------------------------------------------
    def register(
        self, *, first_name: str, last_name: str, email: str | None = None, organisation: str | None = None,
        category: str | None = None, workshop: str | None = None, checkin: bool = False,
        device_name: str | None = None, consent: Consent | None = None,
        on_admitted: Callable[[Attendee], object] | None = None,
    ) -> RegisterResult:
        return self.services.registration.register(
            first_name=first_name, last_name=last_name, email=email, organisation=organisation,
            category=category, workshop=workshop, checkin=checkin, device_name=device_name, consent=consent,
            on_admitted=on_admitted)

    # --- attendees -----------------------------------------------------------------------
    def edit(self, code_or_id: str, **fields: str | None) -> Edited:
        return self.services.editing.edit(code_or_id, **fields)

    def attendee(self, attendee_id: str) -> Attendee:
        return self.services.attendees.attendee(attendee_id)

    def find(self, code_or_id: str) -> Attendee:
        return self.services.attendees.find(code_or_id)

    def presence(self, attendee_id: str) -> Presence:
        return self.services.attendees.presence(attendee_id)

    def history(self, attendee_id: str) -> list[Scan]:
        return self.services.attendees.history(attendee_id)

    def badges_printed(self, attendee_id: str) -> list[Admission]:
        return self.duplicates.badges_printed(attendee_id)

    def recent_scans(self, limit: int = 20, *, device_name: str | None = None) -> list[Scan]:
        return self.services.attendees.recent_scans(limit, device_name=device_name)

    def attendees(self, *, sort: str = "last_name", limit: int | None = None) -> list[Attendee]:
        return self.services.attendees.attendees(sort=sort, limit=limit)

    def search(self, text: str, limit: int = 50) -> list[Attendee]:
        return self.services.attendees.search(text, limit)

    def waitlist(self) -> list[WaitlistEntry]:
        return self.services.attendees.waitlist()

    def stats(self) -> Stats:
        return self.services.door_stats.stats()

    # --- events --------------------------------------------------------------------------
    def create_event(self, event: Event) -> Event:
        return self.services.events.create_event(event)

    def create_demo(self, *, force: bool = False) -> Event:
        return self.services.events.create_demo(force=force)

    def edit_event(self, *, workshops: Sequence[Workshop] = (), categories: Sequence[Category] = (),
                   remove: Sequence[str] = (), **fields: str | None) -> Event:
        return self.services.events.edit_event(workshops=workshops, categories=categories, remove=remove, **fields)

    def events(self) -> list[Event]:
        return self.services.events.events()

    def active_event_id(self) -> str | None:
        return self.services.events.active_event_id()

    def use_event(self, ref: str) -> Event:
        return self.services.events.use_event(ref)

    # --- keys ----------------------------------------------------------------------------
    def reload_keys(self) -> None:
        self.services.keys.reload()

    def ticket_payload(self, attendee: Attendee, private_key_dir: Path | None = None) -> str:
        return self.services.keys.sign(attendee, private_key_dir)
