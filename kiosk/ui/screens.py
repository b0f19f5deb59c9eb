"""The staff window's "Screens" menu: named factories for the screens it opens over itself (the
occupancy screen, the walk-in self-service screen). The registry is filled where the application is
composed (kiosk.ui.app.default_screens); the window only lists and calls it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kiosk.service import Kiosk

ScreenFactory = Callable[["Kiosk", "QWidget | None"], "QWidget"]


@dataclass
class ScreenEntry:
    key: str
    title: str  # English source text, translated by the menu
    factory: ScreenFactory


@dataclass
class ScreenRegistry:
    """Screens opened from the window's "Screens" menu, each with the factory that builds it."""

    entries: dict[str, ScreenEntry] = field(default_factory=dict)

    def register(self, key: str, title: str, factory: ScreenFactory) -> None:
        self.entries[key] = ScreenEntry(key, title, factory)

