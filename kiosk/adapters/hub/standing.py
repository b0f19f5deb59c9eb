"""Whether a kiosk holds what the hub holds, per event: up to date, behind by N scans, or different.

Each kiosk tells the hub at every contact what it held (kiosk.store.replication.holdings): the scans the hub
knows that it stored or keeps waiting for their guest, with an order-independent digest of their ids,
and its pull cursors. The hub knows which of its scans that kiosk should hold by then (those up to its
cursor, and its own): the same count and digest is a kiosk that lost nothing; the scans after the
cursor and those waiting are how far behind it is. Anything else (a scan lost or one the hub never
had) is a difference a person should look at. Pure: kiosk.adapters.hub.replica gathers the figures.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass

UP_TO_DATE, BEHIND, DIFFERS = "up_to_date", "behind", "differs"


@dataclass(frozen=True)
class Reported:
    """What a kiosk said it held of one event at its last contact."""

    event_id: str
    scans: int  # scans the hub knows, stored or waiting for their guest
    digest: int
    waiting: int
    unsent: int
    guests: int
    scan_cursor: int
    guest_cursor: int


@dataclass(frozen=True)
class HubSide:
    """The hub's figures for that kiosk and event, by the kiosk's cursors."""

    expected: int  # scans up to the kiosk's scan cursor, and its own
    expected_digest: int
    after_cursor: int  # other kiosks' scans the kiosk has not pulled yet
    scans: int
    guests: int
    guests_after_cursor: int  # guests added or changed since the kiosk's guest cursor


@dataclass(frozen=True)
class Standing:
    event_id: str
    event_name: str
    state: str  # UP_TO_DATE, BEHIND or DIFFERS
    scans_behind: int  # scans the hub has that the kiosk has not stored yet
    guests_behind: int
    scans: int  # scans the kiosk held that the hub knows (waiting ones included)
    expected: int
    hub_scans: int
    waiting: int
    unsent: int
    guests: int
    hub_guests: int


def parse(entry: object) -> Reported | None:
    """One entry of a kiosk's report, or None when it is not one (a kiosk's report is input)."""
    if not isinstance(entry, Mapping):
        return None
    try:
        event_id = str(uuid.UUID(str(entry["event_id"])))
        numbers = [int(str(entry[k])) for k in ("scans", "digest", "waiting", "unsent", "guests", "scan_cursor",
                                                  "guest_cursor")]
    except (KeyError, ValueError, TypeError):
        return None
    if any(n < 0 for n in numbers):
        return None
    return Reported(event_id, *numbers)


def judge(reported: Reported, hub: HubSide, event_name: str) -> Standing:
    """Compare what a kiosk held with what the hub says it should hold."""
    consistent = reported.scans == hub.expected and reported.digest == hub.expected_digest
    scans_behind = hub.after_cursor + reported.waiting
    guests_behind = max(0, hub.guests - reported.guests)
    if not consistent or (guests_behind and not hub.guests_after_cursor):
        state = DIFFERS  # lost, or holds what the hub never had; or misses guests it has pulled past
    elif scans_behind or guests_behind:
        state = BEHIND
    else:
        state = UP_TO_DATE
    return Standing(reported.event_id, event_name, state, scans_behind, guests_behind, reported.scans,
                    hub.expected, hub.scans, reported.waiting, reported.unsent, reported.guests, hub.guests)
