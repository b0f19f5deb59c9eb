"""Badges of many guests in one PDF: the loop shared by `kiosk badges --all` and the window's menu.

Pure drawing: the contents come ready-made (kiosk.service.badges chooses the guests and their QR
text); the CLI shows a terminal bar and the window a progress dialog through ``progress``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.badges import engine
from kiosk.badges.content import BadgeContent
from kiosk.badges.layouts import Layout

Progress = Callable[[int, int], None]  # (done, total)


@dataclass(frozen=True)
class BatchResult:
    output: Path
    layout: str
    badges: int
    pages: int


def render_all(contents: Sequence[BadgeContent], layout: Layout, output: Path, *, title: str = "Badges",
               progress: Progress | None = None) -> BatchResult:
    """Write the badges into ``output``; ``progress(done, total)`` after each badge."""
    total = len(contents)
    if progress is not None:
        progress(0, total)
    pages = engine.render(list(contents), layout, output, title=title,
                          progress=(lambda done: progress(done, total)) if progress is not None else None)
    return BatchResult(output, layout.name, total, pages)
