"""Start the window: QApplication, translations, the data dir's Kiosk (demo event on a new machine)."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QEventLoop,
    QMessageLogContext,
    QObject,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from kiosk import settings as settings_mod
from kiosk.files import PRIVATE_FILE, private_dir, private_umask
from kiosk.paths import say_ready
from kiosk.service import Kiosk
from kiosk.ui import i18n, qtcompat
from kiosk.ui.main_window import MainWindow
from kiosk.ui.printing import PrintSeam, open_print_seam
from kiosk.ui.screens import ScreenRegistry

if TYPE_CHECKING:
    from kiosk.ui.self_service.window import SelfServiceWindow

log = logging.getLogger(__name__)
# What a window opened without a size gets where there is no real screen (offscreen screenshots):
# the commonest door laptop.
DEFAULT_SIZE = (1366, 768)


@dataclass(frozen=True)
class GuiOptions:
    data_dir: Path
    mode: str = "staff"
    camera: str | None = None  # overrides the camera setting for this run
    device: str | None = None
    lang: str | None = None
    screenshot: Path | None = None
    size: tuple[int, int] | None = None  # None: maximized on the screen
    quit_after_ms: int | None = None
    loop_camera_file: bool = False
    screen: int | None = None  # the display the occupancy screen fills (0: the first)
    first_frame: bool = False  # quit (after the screenshot, if any) once the window has painted once


_QT_NOISE = ("This plugin does not support propagateSizeHints()",)


def _qt_messages(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to the log, minus the offscreen plugin's harmless per-window chatter."""
    if message in _QT_NOISE:
        return
    level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtWarningMsg: logging.WARNING}.get(kind, logging.ERROR)
    logging.getLogger("qt").log(level, "%s", message)


class _FirstPaint(QObject):
    """Calls ``then`` once, right after the watched window's first paint: the moment a person sees it
    (benchmarks/bench_start.py measures the time to it, --first-frame)."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then: Callable[[], None] | None = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: ARG002 (Qt's signature)
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            QTimer.singleShot(0, then)  # after this paint has finished
        return False


def application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    qInstallMessageHandler(_qt_messages)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("kiosk")
    qtcompat.check()
    return app


def open_kiosk(data_dir: Path, device: str, lang: str) -> Kiosk:
    """The data dir's Kiosk; a new machine gets the demo event so staff see a working door."""
    # The damaged-file check runs in the window, off the UI thread (MainWindow.check_database).
    kiosk = Kiosk.open(data_dir, device_name=device, lang=lang, check=False)
    from kiosk.service.purge import Purge

    for event, done in Purge(kiosk).purge_due():  # the privacy notice's promise, kept at the next start
        log.warning("retention passed: personal data of %r erased (%d guests, %d files)", event.name, done.guests,
                    done.files_deleted)
    if not kiosk.has_event():
        log.info("no event in %s: creating the #Plus20 demo event", data_dir)
        kiosk.create_demo()
    return kiosk


def build_window(kiosk: Kiosk, data_dir: Path, settings: settings_mod.Settings, *, camera: str | None = None,
                 printing: PrintSeam | None = None, screens: ScreenRegistry | None = None,
                 loop_camera_file: bool = False) -> MainWindow:
    """Without a given printing seam the window opens (and re-opens, on new settings) the real queue."""
    factory = None if printing is not None else partial(open_print_seam, kiosk)
    window = MainWindow(kiosk, settings, data_dir, camera_source=camera, printing=printing,
                        screens=screens or default_screens(),
                        loop_camera_file=loop_camera_file, print_factory=factory)
    window.resize(*DEFAULT_SIZE)
    return window


def show_on_screen(window: QWidget, size: tuple[int, int] | None) -> None:
    """Maximized on the laptop's screen, so the code field is never below its bottom edge; an
    explicit size (screenshots, a second monitor) is taken as asked."""
    if size is not None:
        window.resize(*size)
        window.show()
        return
    screen = window.screen() or QGuiApplication.primaryScreen()
    if QGuiApplication.platformName() == "offscreen" or screen is None:
        window.resize(*DEFAULT_SIZE)
        window.show()
        return
    window.setGeometry(screen.availableGeometry())  # without a window manager, maximized means this
    window.showMaximized()


def show_full_screen(window: QWidget) -> None:
    """The whole screen, no window controls. Without a window manager full screen means this geometry."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        window.setGeometry(screen.geometry())
    window.showFullScreen()


def configure_logging(data_dir: Path) -> None:
    """Warnings to stderr, and a rotating log in the data dir for the morning after the event."""
    root = logging.getLogger()
    if any(getattr(h, "_kiosk", False) for h in root.handlers):
        return
    private_dir(data_dir)
    log_file = data_dir / "kiosk.log"
    handler = RotatingFileHandler(log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    os.chmod(log_file, PRIVATE_FILE)  # guests' names and codes pass through it; rotated files keep the mode
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._kiosk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:  # OpenCV prints a warning to stderr on every failed camera open; our own status says it better
        import cv2

        cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)
    except (ImportError, AttributeError):
        pass


def build_self_service(kiosk: Kiosk, data_dir: Path, settings: settings_mod.Settings, lang: str,
                       translators: list[QTranslator] | None, printing: PrintSeam | None = None, *,
                       camera: str | None = None, loop_camera_file: bool = False) -> SelfServiceWindow:
    """The walk-in screen: only the self-service facade, the print queue, the staff PIN, and the
    camera (``camera`` overrides the setting; "" for none). Without a given seam it opens (and stops
    with the window) a print queue of its own; ``translators`` None: the window installs its own."""
    from kiosk.service.pin import StaffPin
    from kiosk.service.printing import auto_print
    from kiosk.service.self_service import SelfService
    from kiosk.ui.self_service.camera_strip import CameraStrip
    from kiosk.ui.self_service.window import SelfServiceWindow

    seam = printing if printing is not None else open_print_seam(kiosk, settings)
    auto_print(kiosk, seam.print_badge if seam.available else None, settings.auto_print)
    service = SelfService(kiosk)
    stop = seam.queue.stop if seam.queue is not None and printing is None else None
    source = settings.camera if camera is None else camera
    strip = CameraStrip(source, settings.decoder, loop_file=loop_camera_file) if source else None
    return SelfServiceWindow(service, StaffPin(data_dir), lang=lang, idle_s=settings.self_service_idle_s,
                             translators=translators, on_shutdown=stop, camera=strip)


def run(options: GuiOptions, printing: PrintSeam | None = None, screens: ScreenRegistry | None = None) -> int:
    """The `kiosk gui` command. Returns the process exit status."""
    if options.mode == "occupancy":
        return run_occupancy(options)
    data_dir = options.data_dir
    private_umask()  # everything this process writes is private (issue 21), Qt's and SQLite's files too
    configure_logging(data_dir)
    settings = settings_mod.load(data_dir)
    if options.device:
        settings = replace(settings, device_name=options.device)
    lang = options.lang or settings.language
    app = application()
    translators = i18n.install(app, lang)
    kiosk = open_kiosk(data_dir, settings.device, lang)
    loop = QEventLoop()
    try:
        window: QWidget
        if options.mode == "self-service":
            walk_in = build_self_service(kiosk, data_dir, settings, lang, translators, printing,
                                         camera=options.camera, loop_camera_file=options.loop_camera_file)
            translators = []  # the self-service window owns them now (it switches language)
            walk_in.left.connect(loop.quit)
            if options.size is not None:
                show_on_screen(walk_in, options.size)
            else:
                show_full_screen(walk_in)
            walk_in.start_camera()
            window = walk_in
        else:
            staff = build_window(kiosk, data_dir, settings, camera=options.camera, printing=printing,
                                 screens=screens, loop_camera_file=options.loop_camera_file)
            show_on_screen(staff, options.size)
            staff.start_camera()
            staff.check_database()
            # A local loop, not app.exec(): app.quit() would also end every later event loop of a
            # QApplication that outlives this call (tests, an embedding launcher). Hence the window's
            # own `closed` signal: lastWindowClosed is only emitted inside app.exec().
            staff.closed.connect(loop.quit)
            window = staff
        if options.screenshot is not None:
            target = options.screenshot

            def shoot() -> None:
                target.parent.mkdir(parents=True, exist_ok=True)
                if not window.grab().save(str(target)):
                    log.error("could not write %s", target)
                loop.quit()

            if options.first_frame:
                _FirstPaint(window, shoot)
            else:
                QTimer.singleShot(options.quit_after_ms or 1500, shoot)
        elif options.first_frame:
            _FirstPaint(window, loop.quit)
        elif options.quit_after_ms is not None:
            QTimer.singleShot(options.quit_after_ms, loop.quit)
        _FirstPaint(window, say_ready)  # for tests waiting on $KIOSK_TEST_READY_FILE; unset: nothing
        status = loop.exec()
        window.shutdown()  # stops timers, threads and the print queue; unfinished badges stay queued
        window.deleteLater()
        return int(status)
    finally:
        kiosk.close()
        i18n.remove(app, translators)


def run_occupancy(options: GuiOptions) -> int:
    """`kiosk gui --mode occupancy [--screen N]`: the occupancy screen alone, full screen on display N;
    like ``run`` for the staff window, returns the exit status."""
    from kiosk.ui.occupancy.screen import OccupancyScreen
    from kiosk.ui.occupancy.window import place

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


def _self_service_screen(kiosk: Kiosk, parent: QWidget | None) -> QWidget:
    """The walk-in screen over the staff window, full screen; its badges go to the window's printer."""
    from kiosk.service.errors import KioskError
    from kiosk.service.pin import StaffPin
    from kiosk.settings import Settings

    if kiosk.data_dir is None:
        raise KioskError("the self-service mode needs a data dir")
    if not StaffPin(kiosk.data_dir).is_set:  # there would be no way back to the staff window
        raise KioskError("set a staff PIN first (kiosk pin set): leaving the self-service mode needs it")
    printing = getattr(parent, "printing", None)
    settings = getattr(parent, "settings", None)
    settings = settings if isinstance(settings, Settings) else Settings()
    # One webcam, one reader: the walk-in screen takes the staff window's camera and gives it back.
    source = getattr(parent, "camera_source", "") or ""
    stop, start = getattr(parent, "stop_camera", None), getattr(parent, "start_camera", None)
    if callable(stop):
        stop()
    window = build_self_service(kiosk, kiosk.data_dir, settings, settings.language, None,
                                printing if isinstance(printing, PrintSeam) else PrintSeam(), camera=str(source),
                                loop_camera_file=bool(getattr(parent, "loop_camera_file", False)))
    if callable(start):
        window.left.connect(start)
    show_full_screen(window)
    window.start_camera()
    return window


def _occupancy_screen(kiosk: Kiosk, parent: QWidget | None) -> QWidget:
    from kiosk.ui.occupancy.window import open_screen

    return open_screen(kiosk, parent)


def default_screens() -> ScreenRegistry:
    """The "Screens" menu of the staff window: the occupancy screen and the walk-in self-service screen."""
    registry = ScreenRegistry()
    registry.register("occupancy", str(QT_TRANSLATE_NOOP("Screens", "Occupancy screen")), _occupancy_screen)
    registry.register("self_service", str(QT_TRANSLATE_NOOP("Screens", "Self-service mode")),
                      _self_service_screen)
    return registry
