"""Door figures: people, not scans. Built from grouped counts the store returns.

The counts are the door's cheap copy (a few dozen rows, migration 0003) of what the organisers' occupancy
fold (kiosk.domain.occupancy) computes from the whole log: each guest's stored presence is folded by the
same rules in the same order (kiosk.domain.presence.replay_key), a merged-away record is left out for
its kept one, and "inside" is everyone in the room, whatever their registration, as the occupancy screen,
`kiosk present` and `kiosk report` say. tests/service/test_one_count.py drives random logs through all
of them and compares.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kiosk.domain.model import Event
from kiosk.service.errors import storage_guard
from kiosk.service.session import SessionService
from kiosk.store import attendees as attendee_store
from kiosk.store import guest_links as link_store
from kiosk.store.attendees import StatsRow

if TYPE_CHECKING:
    from kiosk.service.session import Session


@dataclass
class WorkshopFigures:
    registered: int = 0
    checked_in: int = 0
    inside: int = 0
    capacity: int | None = None


@dataclass
class Stats:
    registered: int = 0  # valid registrations (walk-ins included)
    checked_in: int = 0  # valid registrations with at least one accepted entry
    inside: int = 0  # everyone in the room now (the evacuation list's length), whatever their registration
    inside_other: int = 0  # ... of whom let in anyway on a cancelled registration
    walk_ins: int = 0
    cancelled: int = 0
    capacity: int | None = None
    by_workshop: dict[str, WorkshopFigures] = field(default_factory=dict)
    by_category: dict[str, WorkshopFigures] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        def figures(table: dict[str, WorkshopFigures]) -> dict[str, dict[str, int | None]]:
            return {name: dict(f.__dict__) for name, f in table.items()}

        return {
            "registered": self.registered, "checked_in": self.checked_in, "inside": self.inside,
            "inside_other": self.inside_other, "walk_ins": self.walk_ins, "cancelled": self.cancelled,
            "capacity": self.capacity,
            "by_workshop": figures(self.by_workshop), "by_category": figures(self.by_category),
        }


def compute_stats(event: Event, rows: Iterable[StatsRow], left_out: Iterable[StatsRow] = ()) -> Stats:
    """``left_out``: groups of records not counted (merged away), subtracted from ``rows``."""
    stats = Stats(capacity=event.capacity)
    for w in event.workshops:
        stats.by_workshop[w.name] = WorkshopFigures(capacity=w.capacity)
    for c in event.categories:
        stats.by_category[c.name] = WorkshopFigures()
    negated = (StatsRow(r.status, r.workshop, r.category, r.walk_in, -r.checked_in, -r.inside, -r.count)
               for r in left_out)
    for row in (*rows, *negated):
        if row.status != "valid":  # cancelled (or a word this kiosk does not know): not a registration
            stats.cancelled += row.count
            stats.inside += row.inside
            stats.inside_other += row.inside
            continue
        stats.registered += row.count
        stats.checked_in += row.checked_in
        stats.inside += row.inside
        if row.walk_in:
            stats.walk_ins += row.count
        for table, key in ((stats.by_workshop, row.workshop), (stats.by_category, row.category)):
            if key:
                figures = table.setdefault(key, WorkshopFigures())
                figures.registered += row.count
                figures.checked_in += row.checked_in
                figures.inside += row.inside
    return stats


class DoorStats(SessionService):
    """The door's figures of the active event, from its counters (read-only: what the occupancy screen
    may have). Not kiosk.domain.occupancy.Figures, the organisers' fold over the whole log."""

    def __init__(self, session: Session) -> None:
        super().__init__(session)

    @storage_guard
    def stats(self) -> Stats:
        session = self._session
        conn, event = session.conn, session.event
        merged = link_store.merged_map(conn, event.id) if link_store.has_merges(conn) else {}
        return compute_stats(event, attendee_store.stats_rows(conn, event.id),
                             attendee_store.stats_rows_of(conn, list(merged)))
