"""What each screen may do, as Protocols over the services: a screen is typed with its role, so
mypy refuses a call outside it. ``Kiosk`` satisfies them all (the staff window and the CLI); a
locked screen is handed an object that satisfies only its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from kiosk.domain.model import Attendee, CheckinResult, Direction, Presence, Scan
from kiosk.service.duplicates import Admission


class DoorOperations(Protocol):
    """The staff check-in screen: scans, check-in by name, let in anyway, undo, the recent list."""

    @property
    def device_name(self) -> str: ...

    def check_in(self, raw: str, *, direction: Direction = ..., device_name: str | None = None,
                 alternatives: Sequence[str] = ()) -> CheckinResult: ...

    def check_in_attendee(self, attendee_id: str, *, direction: Direction = ...,
                          device_name: str | None = None) -> CheckinResult: ...

    def override(self, attendee_id: str, *, reason: str, staff: str, device_name: str | None = None
                 ) -> CheckinResult: ...

    def undo(self, *, device_name: str | None = None, scan_id: str | None = None, staff: str | None = None,
             reason: str | None = None) -> Scan | None: ...

    def attendee(self, attendee_id: str) -> Attendee: ...

    def recent_scans(self, limit: int = 20, *, device_name: str | None = None) -> list[Scan]: ...

    def checkpoint(self) -> tuple[int, int]: ...

    def badges_printed(self, attendee_id: str) -> list[Admission]: ...


class AttendeeDirectory(Protocol):
    """The staff attendee list and detail: browse, search, presence and history (read-only)."""

    def attendees(self, *, sort: str = "last_name", limit: int | None = None) -> list[Attendee]: ...

    def search(self, text: str, limit: int = 50) -> list[Attendee]: ...

    def presence(self, attendee_id: str) -> Presence: ...

    def history(self, attendee_id: str) -> list[Scan]: ...

    def badges_printed(self, attendee_id: str) -> list[Admission]: ...


