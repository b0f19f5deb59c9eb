"""Badges of every guest in one PDF: the loop shared by `kiosk badges --all` and the window's menu.

Why here: the CLI shows a terminal bar and the window a progress dialog; both need the same
selection (not cancelled, optionally not yet printed) and the same rendering.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.badges import content, engine
from kiosk.badges.layouts import Layout

if TYPE_CHECKING:
    from kiosk.domain.model import Attendee
    from kiosk.service.kiosk import Kiosk

Progress = Callable[[int, int], None]  # (done, total)


@dataclass(frozen=True)
class BatchResult:
    output: Path
    layout: str
    badges: int
    pages: int


def guests_for_badges(kiosk: Kiosk, *, sort: str = "last_name", only_not_printed: bool = False) -> list[Attendee]:
    """Every guest not cancelled, sorted; without those whose badge already came out if asked."""
    from kiosk.store import attendees as attendee_store
    from kiosk.store import print_jobs

    guests = [a for a in attendee_store.iterate(kiosk.conn, kiosk.event.id, sort=sort) if not a.cancelled]
    if only_not_printed:
        printed = print_jobs.printed_attendees(kiosk.conn, kiosk.event.id)
        guests = [a for a in guests if a.id not in printed]
    return guests


def render_all(kiosk: Kiosk, layout: Layout, output: Path, *, sort: str = "last_name",
               only_not_printed: bool = False, progress: Progress | None = None) -> BatchResult:
    """Write the badges of every guest into ``output``; ``progress(done, total)`` after each badge."""
    guests = guests_for_badges(kiosk, sort=sort, only_not_printed=only_not_printed)
    total = len(guests)
    if progress is not None:
        progress(0, total)
    pages = engine.render(content.contents(kiosk, guests), layout, output, title=kiosk.event.name,
                          progress=(lambda done: progress(done, total)) if progress is not None else None)
    return BatchResult(output, layout.name, total, pages)
