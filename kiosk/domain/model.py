"""The records kiosk reasons about, as frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Verdict(StrEnum):
    ACCEPTED = "accepted"
    ALREADY_CHECKED_IN = "already_checked_in"
    UNKNOWN = "unknown"
    CANCELLED = "cancelled"
    INVALID = "invalid"
    WRONG_EVENT = "wrong_event"
    EXIT_RECORDED = "exit_recorded"
    NOT_INSIDE = "not_inside"

    @property
    def admits(self) -> bool:
        """True when the guest may pass (the door's green light)."""
        return self in (Verdict.ACCEPTED, Verdict.EXIT_RECORDED)


class ScanKind(StrEnum):
    ENTRY = "entry"
    EXIT = "exit"
    OVERRIDE = "override"  # staff let someone in anyway; counts as an entry
    UNDO = "undo"  # reverts the scan named by target_id
    REFUSED = "refused"  # logged for the audit trail, changes nothing


class Direction(StrEnum):
    ENTRY = "entry"
    EXIT = "exit"


class Status(StrEnum):
    VALID = "valid"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Workshop:
    name: str
    capacity: int | None = None


@dataclass(frozen=True)
class Category:
    name: str
    color: str = "#607d8b"


@dataclass(frozen=True)
class Event:
    id: str
    name: str
    starts_at: str | None = None
    venue: str | None = None
    capacity: int | None = None
    tagline: str | None = None
    codes_case_sensitive: bool = False
    # Who processes walk-ins' data, why and for how long: shown beside the consent box.
    privacy_notice: str | None = None
    workshops: tuple[Workshop, ...] = ()
    categories: tuple[Category, ...] = ()
    # How long after the event its guests' data is kept ('90d', '12w', '3m'; None: kiosk.domain.retention's
    # default). The privacy notice states it and the purge carries it out (kiosk.service.purge).
    retention: str | None = None

    def category_color(self, name: str | None) -> str | None:
        for category in self.categories:
            if category.name == name:
                return category.color
        return None


SORT_KEYS = ("last_name", "first_name", "organisation")  # how attendee lists may be ordered
WALK_IN = "walk-in"  # Attendee.source of a guest registered at the door (migration 0003 spells it too)


@dataclass(frozen=True)
class Attendee:
    id: str
    event_id: str
    first_name: str
    last_name: str
    ticket_code: str | None = None
    email: str | None = None
    organisation: str | None = None
    category: str | None = None
    workshop: str | None = None
    status: Status = Status.VALID
    source: str = "manual"
    source_device: str | None = None
    created_at: str = ""
    updated_at: str = ""

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def cancelled(self) -> bool:
        return self.status is Status.CANCELLED

    def public(self) -> dict[str, str | None]:
        """The fields shown at the door and printed in JSON (no email)."""
        return {
            "id": self.id,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "organisation": self.organisation,
            "category": self.category,
            "workshop": self.workshop,
        }


@dataclass(frozen=True)
class Scan:
    """One immutable entry in the scan log."""

    id: str
    event_id: str
    attendee_id: str | None
    code: str
    kind: ScanKind
    verdict: Verdict
    device_id: str
    device_name: str
    device_time: str
    target_id: str | None = None
    staff: str | None = None
    reason: str | None = None
    received_at: str | None = None
    hlc: str | None = None  # hybrid logical clock stamp (kiosk.domain.hlc); None before it is stamped


@dataclass(frozen=True)
class Presence:
    """What the scan log says about one attendee. The device of the first entry is kept by id (a
    renamed kiosk stays the same device); ``first_entry_device`` is its name, for display: the one on
    that scan from the fold, the device's current name when read back from the store."""

    first_entry_at: str | None = None
    first_entry_device: str | None = None
    last_scan_at: str | None = None
    inside: bool = False
    first_entry_device_id: str | None = None

    @property
    def checked_in(self) -> bool:
        return self.first_entry_at is not None


@dataclass(frozen=True)
class Device:
    id: str
    name: str


@dataclass(frozen=True)
class CheckinResult:
    """What a check-in attempt returns to the CLI and the window: data; each edge words it
    (kiosk.domain.messages.checkin_message; the CLI's JSON: kiosk.cli.cmd_checkin.result_json)."""

    verdict: Verdict
    attendee: Attendee | None = None
    first_entry_at: str | None = None
    first_entry_device: str | None = None
    scan: Scan | None = None
    repeated: bool = False  # same code, same intent, within the repeat window: a replay, nothing recorded
