"""`kiosk gui --mode occupancy [--screen N]`: the occupancy screen alone, full screen on display N."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from kiosk import settings as settings_mod
from kiosk.service import Kiosk
from kiosk.ui import i18n

if TYPE_CHECKING:
    from kiosk.ui.app import GuiOptions

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


def run_occupancy(options: GuiOptions) -> int:
    """Like kiosk.ui.app.run for the staff window: returns the exit status."""
    from kiosk.ui.app import application, configure_logging, open_kiosk
    from kiosk.ui.occupancy.screen import OccupancyScreen

    data_dir = options.data_dir
    configure_logging(data_dir)
    settings = settings_mod.load(data_dir)
    lang = options.lang or settings.language
    app = application()
    translators = i18n.install(app, lang)
    kiosk = open_kiosk(data_dir, options.device or f"{settings.device}-screen", lang)
    loop = QEventLoop()
    try:
        window = OccupancyScreen(kiosk)
        place(window, options.screen, options.size)
        screenshot = options.screenshot
        quit_after = options.quit_after_ms
        if screenshot is not None:
            def shoot() -> None:
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                if not window.grab().save(str(screenshot)):
                    log.error("could not write %s", screenshot)
                loop.quit()

            QTimer.singleShot(quit_after or 800, shoot)
        elif quit_after is not None:
            QTimer.singleShot(quit_after, loop.quit)
        window.destroyed.connect(loop.quit)
        closer = QTimer(window)
        closer.setInterval(200)
        closer.timeout.connect(lambda: None if window.isVisible() else loop.quit())
        closer.start()
        status = loop.exec()
        window.close()
        window.deleteLater()
        return int(status)
    finally:
        kiosk.close()
        i18n.remove(app, translators)
