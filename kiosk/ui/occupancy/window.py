"""The occupancy screen as a window: opened from the staff window's Screens menu, or alone, full screen on
display N (`kiosk gui --mode occupancy [--screen N]`, kiosk.ui.app.run_occupancy)."""

from __future__ import annotations

import logging

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from kiosk.service import Kiosk

log = logging.getLogger(__name__)


def open_screen(kiosk: Kiosk, parent: QWidget | None = None) -> QWidget:
    """The factory the staff window's Screens menu calls."""
    from kiosk.ui.occupancy.screen import OccupancyScreen

    screen = OccupancyScreen(kiosk, parent)
    screen.resize(1366, 768)
    return screen


def place(window: QWidget, screen_index: int | None, size: tuple[int, int] | None) -> None:
    """Full screen on the chosen display (the projector is often the second); an explicit size as asked."""
    if size is not None:
        window.resize(*size)
        window.show()
        return
    screens = QGuiApplication.screens()
    if screen_index is not None and not 0 <= screen_index < len(screens):
        log.warning("no screen %s (this machine has %s): using the first", screen_index, len(screens))
        screen_index = None
    target = screens[screen_index or 0] if screens else None
    if target is None or QGuiApplication.platformName() == "offscreen":
        window.resize(1920, 1080)
        window.show()
        return
    window.setScreen(target)
    window.setGeometry(target.geometry())
    window.showFullScreen()
