"""The main window: a shell that composes the header, the page switcher and the pages.

It wires signals between parts (camera -> check-in page, page -> header figures) and owns the
window-wide shortcuts; the check-in flow itself lives in CheckinPresenter.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.service import Kiosk
from kiosk.settings import Settings
from kiosk.ui import camera_status
from kiosk.ui.camera_worker import CameraWorker
from kiosk.ui.dialogs import Dialogs
from kiosk.ui.pages.attendees_page import AttendeesPage
from kiosk.ui.pages.checkin_page import CheckinPage
from kiosk.ui.pages.settings_page import SettingsPage
from kiosk.ui.presenters.checkin import CheckinPresenter
from kiosk.ui.seams import PrintSeam, ScreenRegistry, default_screens
from kiosk.ui.sounds import SoundPlayer
from kiosk.ui.theme import APP_STYLE, BASE_PT
from kiosk.ui.wedge_filter import WedgeFilter
from kiosk.ui.widgets.header import Header, Light

log = logging.getLogger(__name__)
STATS_REFRESH_MS = 5000


class MainWindow(QMainWindow):
    PAGE_CHECKIN, PAGE_ATTENDEES, PAGE_SETTINGS = range(3)

    def __init__(
        self, kiosk: Kiosk, settings: Settings, data_dir: Path, *, camera_source: str | None = None,
        printing: PrintSeam | None = None, screens: ScreenRegistry | None = None,
        dialogs: Dialogs | None = None, sounds: SoundPlayer | None = None,
        clock: Callable[[], float] = time.monotonic, loop_camera_file: bool = False,
    ) -> None:
        super().__init__()
        self.kiosk, self.settings, self.data_dir = kiosk, settings, data_dir
        self.printing = printing or PrintSeam()
        self.screens = screens or default_screens()
        self.dialogs = dialogs or Dialogs()
        self.sounds = sounds or SoundPlayer(settings.sounds)
        self.camera_source = camera_source if camera_source is not None else settings.camera
        self.loop_camera_file = loop_camera_file
        self.camera: CameraWorker | None = None
        self.setWindowTitle(self.tr("Kiosk — %1").replace("%1", kiosk.event.name))
        self.setAccessibleName("kiosk main window")
        self.setStyleSheet(APP_STYLE)
        font = QApplication.font()
        if font.pointSize() < BASE_PT:  # style sheets stop font propagation: size the app font
            font.setPointSize(BASE_PT)
            QApplication.setFont(font)

        self.header = Header()
        self.header.set_event(kiosk.event.name, kiosk.device_name)
        self._set_printer_light()
        self.stack = QStackedWidget()
        self.checkin_page = CheckinPage(kiosk.event, self.sounds, self.dialogs, self.printing)
        self.attendees_page = AttendeesPage(kiosk, self.dialogs, self.printing, self.check_in_attendee)
        self.settings_page = SettingsPage(data_dir, settings)
        for page in (self.checkin_page, self.attendees_page, self.settings_page):
            self.stack.addWidget(page)

        self.nav_group = QButtonGroup(self)
        nav = QHBoxLayout()
        nav.setContentsMargins(12, 0, 12, 0)
        for index, (text, accessible) in enumerate(((self.tr("Check-in"), "check-in tab"),
                                                    (self.tr("Attendees"), "attendees tab"),
                                                    (self.tr("Settings"), "settings tab"))):
            button = QPushButton(text)
            button.setObjectName("nav")
            nav_font = button.font()
            nav_font.setPointSize(BASE_PT + 2)
            button.setFont(nav_font)
            button.setCheckable(True)
            button.setAccessibleName(accessible)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, i=index: self.show_page(i))
            self.nav_group.addButton(button, index)
            nav.addWidget(button)
        nav.addStretch(1)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addLayout(nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menu()
        self._build_shortcuts()

        self.presenter = CheckinPresenter(kiosk, self.checkin_page, self.checkin_page.timer,
                                          timeout_s=settings.verdict_timeout_s, monotonic=clock)
        self.checkin_page.statsChanged.connect(self.refresh_stats)
        self.checkin_page.searchRequested.connect(self.open_search)
        self.settings_page.saved.connect(self.apply_settings)
        self._set_auto_print(settings.auto_print)
        self.checkin_page.attach(self.presenter)

        self.wedge = WedgeFilter(self, clock=clock)
        self.wedge.burst.connect(self._on_burst)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.wedge)

        self.stats_timer = QTimer(self)
        self.stats_timer.timeout.connect(self.refresh_stats)
        self.stats_timer.start(STATS_REFRESH_MS)
        self.refresh_stats()
        self.show_page(self.PAGE_CHECKIN)

    # --- structure ---------------------------------------------------------------------
    def _build_menu(self) -> None:
        kiosk_menu = self.menuBar().addMenu(self.tr("&Kiosk"))
        quit_action = kiosk_menu.addAction(self.tr("Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        screens_menu = self.menuBar().addMenu(self.tr("&Screens"))
        self.screen_actions: dict[str, QAction] = {}
        for entry in self.screens.entries.values():
            action = screens_menu.addAction(QCoreApplication.translate("Screens", entry.title))
            if entry.factory is None:
                action.setEnabled(False)
                action.setToolTip(self.tr("Coming in a later version"))
                action.setStatusTip(self.tr("Coming in a later version"))
            else:
                action.triggered.connect(lambda _checked=False, key=entry.key: self.open_screen(key))
            self.screen_actions[entry.key] = action
        screens_menu.setToolTipsVisible(True)

    def _build_shortcuts(self) -> None:
        bindings: list[tuple[QKeySequence | QKeySequence.StandardKey | str, Callable[[], Any]]] = [
            ("F2", lambda: self.presenter.toggle_direction()),
            (QKeySequence.StandardKey.Find, lambda: self.open_search("")),
            (QKeySequence.StandardKey.Undo, lambda: self.checkin_page.undo_latest()),
            ("Esc", self.escape),
        ]
        self.shortcuts = []
        for sequence, slot in bindings:
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)

    def open_screen(self, key: str) -> QWidget | None:
        entry = self.screens.entries.get(key)
        if entry is None or entry.factory is None:
            return None
        screen = entry.factory(self.kiosk, self)
        screen.show()
        return screen

    # --- navigation --------------------------------------------------------------------
    def show_page(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        button = self.nav_group.button(index)
        if button is not None:
            button.setChecked(True)
        if index == self.PAGE_ATTENDEES:
            self.attendees_page.run_search()

    def open_search(self, text: str = "") -> None:
        self.presenter.pause_timeout()
        self.show_page(self.PAGE_ATTENDEES)
        self.attendees_page.focus_search(text)

    def escape(self) -> None:
        """Esc: back to the check-in page, ready for the next guest."""
        self.show_page(self.PAGE_CHECKIN)
        self.presenter.back_to_ready()

    def check_in_attendee(self, attendee_id: str) -> None:
        self.show_page(self.PAGE_CHECKIN)
        self.presenter.check_in_attendee(attendee_id)

    def _on_burst(self, raw: str, alternatives: list[str]) -> None:
        self.show_page(self.PAGE_CHECKIN)
        self.checkin_page.on_burst(raw, alternatives)

    # --- figures and lights ------------------------------------------------------------
    def refresh_stats(self) -> None:
        self.header.set_stats(self.kiosk.stats())
        self._set_printer_light()

    def _set_auto_print(self, enabled: bool) -> None:
        self.presenter.on_admitted = self.printing.print_badge if enabled and self.printing.available else None

    def _set_printer_light(self) -> None:
        if not self.printing.available:
            self.header.printer.set_state(Light.OFF, self.tr("not configured"))
            return
        ok, text = self.printing.status() if self.printing.status else (True, "")
        self.header.printer.set_state(Light.OK if ok else Light.ERROR, text or self.tr("ready"))

    # --- camera ------------------------------------------------------------------------
    def start_camera(self) -> None:
        self.stop_camera()
        if not self.camera_source:
            self.header.camera.set_state(Light.OFF, self.tr("not configured"))
            self.checkin_page.camera_view.set_message(self.tr("No camera: use the handheld scanner"))
            return
        worker = CameraWorker(self.camera_source, self.settings.decoder, loop_file=self.loop_camera_file,
                              parent=self)
        worker.frameReady.connect(self._on_frame)
        worker.codesDecoded.connect(self._on_codes)
        worker.statusChanged.connect(self._on_camera_status)
        self.camera = worker
        self.header.camera.set_state(Light.WARN, self.tr("starting"))
        try:
            worker.start()
        except Exception as exc:  # a broken camera must never take the door down
            log.exception("camera %r could not start", self.camera_source)
            self.header.camera.set_state(Light.ERROR, self.tr("unavailable"))
            self.checkin_page.camera_view.set_message(self.tr("Camera unavailable: %1").replace("%1", str(exc)))

    def stop_camera(self) -> None:
        if self.camera is not None:
            self.camera.close()
            self.camera.deleteLater()
            self.camera = None

    def _on_frame(self, image: QImage) -> None:
        self.checkin_page.set_camera_frame(image)

    def _on_codes(self, texts: list[str], _index: int, _offered_at: float) -> None:
        if self.stack.currentIndex() != self.PAGE_CHECKIN and texts:
            self.show_page(self.PAGE_CHECKIN)
        self.checkin_page.on_camera_codes(texts)

    def _on_camera_status(self, status: object) -> None:
        light, text, overlay = camera_status.describe(status)
        self.header.camera.set_state(light, text)
        self.checkin_page.camera_view.set_message(overlay)
        if light is Light.ERROR:
            self.checkin_page.camera_view.clear_frame()

    # --- settings ----------------------------------------------------------------------
    def apply_settings(self, new: Settings) -> None:
        old, self.settings = self.settings, new
        self.sounds.enabled = new.sounds
        self.presenter.timeout_s = new.verdict_timeout_s
        self._set_auto_print(new.auto_print)
        if new.device != old.device:
            self.kiosk.device_name = new.device
            self.presenter.staff = new.device
            self.header.set_event(self.kiosk.event.name, new.device)
            self.presenter.refresh_recent()
        if (new.camera, new.decoder) != (old.camera, old.decoder):
            self.camera_source = new.camera
            self.start_camera()

    def shutdown(self) -> None:
        """Stop threads and timers; safe to call twice."""
        self.stats_timer.stop()
        self.stop_camera()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.wedge)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
