"""The reports as plain data (the --json outputs): no reportlab here, so `--json` stays light."""

from __future__ import annotations

from kiosk.domain.model import Event
from kiosk.domain.occupancy import Figures, GroupFigures, PresentPerson


def _groups(table: dict[str, GroupFigures]) -> dict[str, dict[str, int | None]]:
    return {name: {"registered": g.registered, "arrived": g.arrived, "capacity": g.capacity}
            for name, g in table.items()}


def report_json(event: Event, f: Figures, made_at: str) -> dict[str, object]:
    """After-event figures: aggregates only, never a name."""
    return {
        "event": event.name, "made_at": made_at, "capacity": f.capacity,
        "registered": f.registered, "arrived": f.arrived, "walk_ins": f.walk_ins,
        "walk_ins_arrived": f.walk_ins_arrived, "cancelled": f.cancelled,
        "no_show_rate": round(f.no_show_ratio, 4), "peak": f.peak, "peak_at": f.peak_at,
        "inside_now": f.in_room,
        "by_workshop": _groups(f.by_workshop), "by_category": _groups(f.by_category),
        "timeline": [{"start": b.start, "arrivals": b.arrivals, "departures": b.departures,
                      "inside_at_end": b.inside_at_end} for b in f.timeline],
        "untimed_movements": f.untimed,  # counted, not in the timeline: device time outside the event, or none
    }


def present_json(event: Event, people: list[PresentPerson], made_at: str) -> dict[str, object]:
    return {
        "event": event.name, "made_at": made_at, "count": len(people),
        "people": [{"last_name": p.last_name, "first_name": p.first_name, "organisation": p.organisation,
                    "arrived_at": p.arrived_at, "cancelled": p.cancelled} for p in people],
    }
