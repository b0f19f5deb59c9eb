"""The main window: a shell that composes the header, the page switcher, the pages and controllers.

It wires signals between parts (camera -> check-in page, page -> header figures) and owns the
window-wide menu and shortcuts. The jobs live elsewhere: the check-in flow in CheckinPresenter, the
hub-sync light in controllers.sync_status, the camera in controllers.camera, the printer's light and
settings in controllers.printer_status, the start-up database check in controllers.database_check.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.service import Kiosk, KioskError
from kiosk.settings import Settings
from kiosk.ui.background import TaskRunner
from kiosk.ui.bulk_jobs import BulkJobs
from kiosk.ui.camera_worker import CameraWorker
from kiosk.ui.controllers.camera import CameraControl
from kiosk.ui.controllers.database_check import DatabaseCheck
from kiosk.ui.controllers.evening_setup import EveningSetup
from kiosk.ui.controllers.help_calls import HelpCalls
from kiosk.ui.controllers.printer_status import PrinterStatus
from kiosk.ui.controllers.sync_status import SyncStatus
from kiosk.ui.dialogs import Dialogs
from kiosk.ui.pages.attendees_page import AttendeesPage
from kiosk.ui.pages.checkin_page import CheckinPage
from kiosk.ui.pages.settings_page import SettingsPage
from kiosk.ui.presenters.checkin import CheckinPresenter
from kiosk.ui.presenters.duplicates import DuplicatesPresenter
from kiosk.ui.presenters.printing import PrinterController, PrintFactory
from kiosk.ui.printing import PrintSeam
from kiosk.ui.screens import ScreenRegistry
from kiosk.ui.sounds import SoundPlayer
from kiosk.ui.theme import APP_STYLE, BASE_PT
from kiosk.ui.wedge_filter import WedgeFilter
from kiosk.ui.widgets.header import Header
from kiosk.ui.widgets.nav_bar import NavBar
from kiosk.ui.widgets.shortcuts_help import ShortcutsHelp

STATS_REFRESH_MS = 5000
# The UI thread's longest wait for the database's write lock (a long import, another kiosk process):
# past it the scan shows "not recorded" instead of a frozen window.
UI_BUSY_TIMEOUT_MS = 200


class MainWindow(QMainWindow):
    PAGE_CHECKIN, PAGE_ATTENDEES, PAGE_SETTINGS = range(3)
    # Emitted once the window has closed (Quit, Ctrl+Q, the close button): the caller's event loop
    # ends on it. QApplication.lastWindowClosed is only emitted inside QApplication.exec().
    closed = Signal()

    def __init__(
        self, kiosk: Kiosk, settings: Settings, data_dir: Path, *, camera_source: str | None = None,
        printing: PrintSeam | None = None, screens: ScreenRegistry | None = None,
        dialogs: Dialogs | None = None, sounds: SoundPlayer | None = None,
        clock: Callable[[], float] = time.monotonic, loop_camera_file: bool = False,
        print_factory: PrintFactory | None = None, runner: TaskRunner | None = None,
    ) -> None:
        super().__init__()
        self.kiosk, self.settings, self.data_dir = kiosk, settings, data_dir
        kiosk.wait_for_writers(UI_BUSY_TIMEOUT_MS)
        self.runner = runner or TaskRunner(self)
        if printing is None and print_factory is not None:
            printing = print_factory(settings)
        self.printing = printing or PrintSeam()
        self.printer = PrinterController(kiosk, self.printing, self.runner, print_factory, self)
        self.screens = screens or ScreenRegistry()
        self.dialogs = dialogs or Dialogs()
        self.sounds = sounds or SoundPlayer(settings.sounds)
        self.loop_camera_file = loop_camera_file
        self.setWindowTitle(self.tr("Kiosk — %1").replace("%1", kiosk.event.name))
        self.setAccessibleName("kiosk main window")
        self.setStyleSheet(APP_STYLE)
        font = QApplication.font()
        if font.pointSize() < BASE_PT:  # style sheets stop font propagation: size the app font
            font.setPointSize(BASE_PT)
            QApplication.setFont(font)

        self.header = Header()
        self.header.set_event(kiosk.event.name, kiosk.device_name)
        self.stack = QStackedWidget()
        self.checkin_page = CheckinPage(self.sounds, self.dialogs, self.printing)
        self.attendees_page = AttendeesPage(kiosk, self.dialogs, self.printing, self.check_in_attendee)
        self.settings_page = SettingsPage(data_dir, settings)
        for page in (self.checkin_page, self.attendees_page, self.settings_page):
            self.stack.addWidget(page)

        self.nav = NavBar(((self.tr("Check-in"), "check-in tab"), (self.tr("Attendees"), "attendees tab"),
                            (self.tr("Settings"), "settings tab")))
        self.nav.pageRequested.connect(self.show_page)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        self.help_calls = HelpCalls(kiosk, self.sounds, staff=lambda: self.presenter.staff, parent=self)
        layout.addWidget(self.help_calls.bar)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menu()
        self._build_shortcuts()

        self.presenter = CheckinPresenter(kiosk, self.checkin_page, self.checkin_page.timer,
                                          timeout_s=settings.verdict_timeout_s, monotonic=clock,
                                          retry_timer=self.checkin_page.retry_timer)
        self.checkin_page.statsChanged.connect(self.refresh_stats)
        self.checkin_page.searchRequested.connect(self.open_search)
        self.settings_page.saved.connect(self.apply_settings)
        self.printer_status = PrinterStatus(kiosk, self.printing, self.printer, self.runner, self.header,
                                            self.checkin_page, self.settings_page, lambda: self.settings, self)
        self.printer_status.show_light()
        self.bulk_jobs = BulkJobs(kiosk, data_dir, self.runner, self.dialogs, self, lambda: self.settings.badge_format)
        self.bulk_jobs.dataChanged.connect(self._on_data_changed)
        self.duplicates = DuplicatesPresenter(kiosk, self.runner, self.dialogs, self)
        self.duplicates.counted.connect(self._show_duplicates_count)
        self.duplicates.changed.connect(self._on_data_changed)
        self.header.duplicates.clicked.connect(self.open_duplicates)
        self.printer_status.set_auto_print(settings.auto_print)
        self.checkin_page.attach(self.presenter)
        self.cameras = CameraControl(
            camera_source if camera_source is not None else settings.camera, self.header, self.checkin_page,
            decoder=lambda: self.settings.decoder, direction=lambda: self.presenter.direction,
            bring_forward=self._camera_codes_seen, loop_file=loop_camera_file, parent=self)
        self.database_check = DatabaseCheck(kiosk, self.runner, self.checkin_page, self.dialogs, self)

        self.wedge = WedgeFilter(self, clock=clock)
        self.wedge.burst.connect(self._on_burst)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.wedge)

        self.stats_timer = QTimer(self)
        self.stats_timer.timeout.connect(self.refresh_stats)
        self.stats_timer.start(STATS_REFRESH_MS)
        self.sync = SyncStatus(kiosk, self.header, self.runner.mailbox, self)
        self.sync.dataChanged.connect(self._on_pulled)
        self.sync.eventRenamed.connect(lambda name: self.setWindowTitle(self.tr("Kiosk — %1").replace("%1", name)))
        self.sync.duplicatesCounted.connect(self._show_duplicates_count)
        self.sync_action.setEnabled(self.sync.hub_url is not None)
        self.sync.hubChosen.connect(lambda: self.sync_action.setEnabled(True))
        self.sync.start()
        self.evening = EveningSetup(kiosk, data_dir, self.runner, self.sync, self.cameras, self)
        self.evening.add_to(self.kiosk_menu, before=self.quit_separator)
        self.evening.eventChanged.connect(self._on_data_changed)
        self.refresh_stats()
        self.printer.start()
        self.show_page(self.PAGE_CHECKIN)

    # --- structure ---------------------------------------------------------------------
    def _build_menu(self) -> None:
        kiosk_menu = self.kiosk_menu = self.menuBar().addMenu(self.tr("&Kiosk"))
        self.import_action = kiosk_menu.addAction(self.tr("Import registrations…"))
        self.import_action.triggered.connect(lambda: self.bulk_jobs.import_registrations())
        self.badges_action = kiosk_menu.addAction(self.tr("Badges PDF for everyone…"))
        self.badges_action.triggered.connect(lambda: self.bulk_jobs.badges_pdf())
        self.sync_action = kiosk_menu.addAction(self.tr("Sync with the hub now"))
        self.sync_action.triggered.connect(self.sync_now)
        self.duplicates_action = kiosk_menu.addAction(self.tr("Duplicate entries…"))
        self.duplicates_action.triggered.connect(self.open_duplicates)
        self.quit_separator = kiosk_menu.addSeparator()
        quit_action = kiosk_menu.addAction(self.tr("Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        screens_menu = self.menuBar().addMenu(self.tr("&Screens"))
        self.screen_actions: dict[str, QAction] = {}
        for entry in self.screens.entries.values():
            action = screens_menu.addAction(QCoreApplication.translate("Screens", entry.title))
            action.triggered.connect(lambda _checked=False, key=entry.key: self.open_screen(key))
            self.screen_actions[entry.key] = action

    def _build_shortcuts(self) -> None:
        bindings: list[tuple[QKeySequence | QKeySequence.StandardKey | str, Callable[[], Any]]] = [
            ("F1", self.show_shortcuts),
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

    def show_shortcuts(self) -> QWidget:
        help_box = ShortcutsHelp(self)
        help_box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        help_box.open()
        return help_box

    def open_screen(self, key: str) -> QWidget | None:
        entry = self.screens.entries.get(key)
        if entry is None:
            return None
        try:
            screen = entry.factory(self.kiosk, self)
        except KioskError as exc:
            self.dialogs.error(self, str(exc))
            return None
        screen.show()
        return screen

    # --- navigation --------------------------------------------------------------------
    def show_page(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self.nav.select(index)
        if index == self.PAGE_ATTENDEES:
            self.attendees_page.run_search()
        elif index == self.PAGE_CHECKIN:
            # back from a search or the settings: a verdict left on screen times out as usual
            self.presenter.resume_timeout()

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
        self.printer_status.show_light()

    def _on_data_changed(self) -> None:
        self.refresh_stats()
        self.attendees_page.run_search()
        self.presenter.refresh_recent()

    def _on_pulled(self) -> None:
        """A sync round pulled rows or an edited event: the data, and the duplicates dialog if open."""
        self._on_data_changed()
        if self.duplicates.view is not None and self.duplicates.view.isVisible():
            self.duplicates.reload()

    def open_duplicates(self) -> None:
        self.duplicates.open()

    def _show_duplicates_count(self, count: int) -> None:
        self.header.set_duplicates(count)
        self.duplicates_action.setText(self.tr("Duplicate entries (%1)…").replace("%1", str(count)) if count
                                       else self.tr("Duplicate entries…"))

    # --- the parts the controllers own, as the app, the screens and the tests reach them ----------
    def sync_now(self) -> None:
        self.sync.sync_now()

    @property
    def last_sync(self) -> object | None:
        return self.sync.last_sync

    @property
    def last_sync_at(self) -> str:
        return self.sync.last_sync_at

    def check_database(self) -> None:
        """Is the database file sound? (controllers.database_check)"""
        self.database_check.start()

    def start_camera(self) -> None:
        self.cameras.start()

    def stop_camera(self) -> None:
        self.cameras.stop()

    @property
    def camera(self) -> CameraWorker | None:
        return self.cameras.worker

    @property
    def camera_source(self) -> str:
        return self.cameras.source

    @camera_source.setter
    def camera_source(self, source: str) -> None:
        self.cameras.source = source

    def _camera_codes_seen(self) -> None:
        if self.stack.currentIndex() != self.PAGE_CHECKIN:
            self.show_page(self.PAGE_CHECKIN)

    # --- settings ----------------------------------------------------------------------
    def apply_settings(self, new: Settings) -> None:
        old, self.settings = self.settings, new
        self.sounds.enabled = new.sounds
        self.presenter.timeout_s = new.verdict_timeout_s
        self.printer_status.apply(old, new)
        if new.device != old.device:
            self.kiosk.device_name = new.device
            self.presenter.staff = new.device
            self.header.set_event(self.kiosk.event.name, new.device)
            self.presenter.refresh_recent()
        if (new.camera, new.decoder) != (old.camera, old.decoder):
            self.cameras.source = new.camera
            self.cameras.start()

    def shutdown(self) -> None:
        """Stop threads and timers; safe to call twice."""
        self.stats_timer.stop()
        self.help_calls.stop()
        self.sync.stop()
        self.checkin_page.timer.stop()  # a verdict timeout must not fire after the kiosk is closed
        self.attendees_page.debounce.stop()  # nor a search typed just before
        self.cameras.stop()
        self.printer.shutdown()
        self.runner.shutdown()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.wedge)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
        self.closed.emit()
