"""The main window: a shell that composes the header, the page switcher and the pages.

It wires signals between parts (camera -> check-in page, page -> header figures) and owns the
window-wide shortcuts; the check-in flow itself lives in CheckinPresenter.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.messages import clock_message, refused_message
from kiosk.domain.rules import format_time, local_clock, local_timestamp
from kiosk.service import Kiosk, KioskError, help_calls
from kiosk.service.duplicates import SyncOutcome
from kiosk.service.errors import StorageKind
from kiosk.service.printing import auto_print
from kiosk.service.readiness import check_data_dir
from kiosk.service.sync.checks import clock_off, newest_record
from kiosk.service.sync.facts import queued
from kiosk.service.sync.round import hub_url
from kiosk.service.sync.watch import watch
from kiosk.settings import Settings
from kiosk.ui import camera_status
from kiosk.ui.background import TaskRunner
from kiosk.ui.bulk_jobs import BulkJobs
from kiosk.ui.camera_worker import CameraWorker
from kiosk.ui.dialogs import Dialogs
from kiosk.ui.pages.attendees_page import AttendeesPage
from kiosk.ui.pages.checkin_page import CheckinPage
from kiosk.ui.pages.hub_dialogs import AddDoorDialog, ConnectHubDialog, JoinEveningDialog
from kiosk.ui.pages.readiness_dialog import ReadinessDialog
from kiosk.ui.pages.settings_page import SettingsPage
from kiosk.ui.presenters.checkin import CheckinPresenter, FailureState
from kiosk.ui.presenters.duplicates import DuplicatesPresenter
from kiosk.ui.presenters.printing import PrinterController, PrintFactory
from kiosk.ui.printing import PrinterSnapshot, printer_names, printing_changed
from kiosk.ui.seams import PrintSeam, ScreenRegistry, default_screens
from kiosk.ui.sounds import SoundPlayer
from kiosk.ui.theme import APP_STYLE, BASE_PT
from kiosk.ui.wedge_filter import WedgeFilter
from kiosk.ui.widgets.header import Header, Light
from kiosk.ui.widgets.help_alert import HelpAlertBar
from kiosk.ui.widgets.nav_bar import NavBar
from kiosk.ui.widgets.shortcuts_help import ShortcutsHelp

log = logging.getLogger(__name__)
STATS_REFRESH_MS = 5000
HELP_POLL_MS = 1500  # how soon a call for help (this laptop's, or pulled from another door) is shown
HELP_SOUND_EVERY_S = 8.0  # the call sounds again this often until someone answers
SYNC_EVERY_S = 5.0  # with a hub: a round at least this often; at once on a local write or the hub's NOTIFY
REFUSED_AMBER_S = 300  # how long the Sync light stays amber after the hub sent rows this kiosk refused
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
        self.screens = screens or default_screens()
        self.dialogs = dialogs or Dialogs()
        self.sounds = sounds or SoundPlayer(settings.sounds)
        self.camera_source = camera_source if camera_source is not None else settings.camera
        self.loop_camera_file = loop_camera_file
        self.camera: CameraWorker | None = None
        self.join_dialog: JoinEveningDialog | None = None
        self._camera_was_live = False
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

        self.nav = NavBar(((self.tr("Check-in"), "check-in tab"), (self.tr("Attendees"), "attendees tab"),
                            (self.tr("Settings"), "settings tab")))
        self.nav.pageRequested.connect(self.show_page)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        self.help_alert = HelpAlertBar()
        self.help_alert.answered.connect(self.answer_help)
        layout.addWidget(self.help_alert)
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
        self.settings_page.printing.testRequested.connect(self.print_test_badge)
        self.settings_page.printing.refreshRequested.connect(self.find_printers)
        self.settings_page.printing.set_destination(self.printer.destination())
        self.printer.changed.connect(self._on_printer)
        self.checkin_page.printer_banner.retryRequested.connect(self.printer.retry)
        self.bulk_jobs = BulkJobs(kiosk, data_dir, self.runner, self.dialogs, self, lambda: self.settings.badge_format)
        self.bulk_jobs.dataChanged.connect(self._on_data_changed)
        self.duplicates = DuplicatesPresenter(kiosk, self.runner, self.dialogs, self)
        self.duplicates.counted.connect(self._show_duplicates_count)
        self.duplicates.changed.connect(self._on_data_changed)
        self.header.duplicates.clicked.connect(self.open_duplicates)
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
        self._help_sounded = 0.0
        self.help_timer = QTimer(self)  # calls for help: one indexed query every HELP_POLL_MS
        self.help_timer.timeout.connect(self.check_help_calls)
        self.help_timer.start(HELP_POLL_MS)
        self.last_sync: object | None = None
        self._refused_until = 0.0  # the Sync light stays amber until then after a round refused rows
        self.last_sync_at = ""
        self.hub_url = hub_url(kiosk)
        self._sync_stop, self._sync_wake = threading.Event(), threading.Event()
        self._sync_thread: threading.Thread | None = None
        self.sync_action.setEnabled(self.hub_url is not None)
        if self.hub_url is not None:
            self.header.sync.set_state(Light.WARN, self.tr("starting"))
            self.sync_now()
        else:
            self.show_clock(None, hub_reached=False)  # no hub to compare with: what this data dir recorded
        self.refresh_stats()
        self.printer.start()
        self.show_page(self.PAGE_CHECKIN)

    # --- structure ---------------------------------------------------------------------
    def _build_menu(self) -> None:
        kiosk_menu = self.menuBar().addMenu(self.tr("&Kiosk"))
        self.import_action = kiosk_menu.addAction(self.tr("Import registrations…"))
        self.import_action.triggered.connect(lambda: self.bulk_jobs.import_registrations())
        self.badges_action = kiosk_menu.addAction(self.tr("Badges PDF for everyone…"))
        self.badges_action.triggered.connect(lambda: self.bulk_jobs.badges_pdf())
        self.sync_action = kiosk_menu.addAction(self.tr("Sync with the hub now"))
        self.sync_action.triggered.connect(self.sync_now)
        self.duplicates_action = kiosk_menu.addAction(self.tr("Duplicate entries…"))
        self.duplicates_action.triggered.connect(self.open_duplicates)
        kiosk_menu.addAction(self.tr("Ready for the evening?")).triggered.connect(self.open_readiness)
        hub_menu = kiosk_menu.addMenu(self.tr("Hub and doors"))
        hub_menu.addAction(self.tr("Connect the hub…")).triggered.connect(self.open_connect_hub)
        self.add_door_action = hub_menu.addAction(self.tr("Add a door…"))
        self.add_door_action.triggered.connect(self.open_add_door)
        hub_menu.addAction(self.tr("Join an evening…")).triggered.connect(self.open_join_evening)
        kiosk_menu.addSeparator()
        quit_action = kiosk_menu.addAction(self.tr("Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        screens_menu = self.menuBar().addMenu(self.tr("&Screens"))
        self.screen_actions: dict[str, QAction] = {}
        for entry in self.screens.entries.values():
            action = screens_menu.addAction(QCoreApplication.translate("Screens", entry.title))
            action.triggered.connect(lambda _checked=False, key=entry.key: self.open_screen(key))
            self.screen_actions[entry.key] = action

    def open_readiness(self) -> ReadinessDialog:
        """Kiosk → Ready for the evening?: the same list as `kiosk check`, checked on a worker."""
        data_dir, device, lang = self.data_dir, self.kiosk.device_name, self.settings.language
        dialog = ReadinessDialog(lambda: check_data_dir(data_dir, device, lang), self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.refresh()
        return dialog

    def open_connect_hub(self) -> ConnectHubDialog:
        dialog = ConnectHubDialog(self.kiosk, self.runner, self)
        dialog.connected.connect(self.use_hub)
        dialog.open()
        return dialog

    def use_hub(self, url: str) -> None:
        """Sync with ``url`` from now on (the hub was just connected or joined from the window)."""
        self.hub_url = url
        self.sync_action.setEnabled(True)
        self.sync_now()

    def open_add_door(self) -> AddDoorDialog | None:
        if self.hub_url is None:
            self.open_connect_hub()
            return None
        dialog = AddDoorDialog(self.kiosk, self.hub_url, self.runner, self)
        dialog.open()
        return dialog

    def open_join_evening(self) -> JoinEveningDialog:
        dialog = JoinEveningDialog(self.data_dir, self.kiosk.device_name, self.runner, self)
        dialog.joined.connect(self._joined_evening)
        self.join_dialog = dialog  # while it is open, what the camera reads goes to it
        dialog.finished.connect(lambda _result: setattr(self, "join_dialog", None))
        dialog.open()
        return dialog

    def check_help_calls(self) -> None:
        """Calls for help from a walk-in screen (here, or pulled from another door): shown, and sounded
        every HELP_SOUND_EVERY_S until someone answers."""
        try:
            calls = help_calls.open_calls(self.kiosk)
        except KioskError:
            return
        self.help_alert.show_calls(calls)
        now = time.monotonic()
        if calls and now - self._help_sounded >= HELP_SOUND_EVERY_S:
            self._help_sounded = now
            self.sounds.play_named("warning")
        elif not calls:
            self._help_sounded = 0.0

    def answer_help(self, call_id: str) -> None:
        try:
            help_calls.answer(self.kiosk, call_id, self.presenter.staff)
        except KioskError as exc:
            log.warning("call for help not answered: %s", exc)
        self.check_help_calls()

    def _joined_evening(self, _joined: object) -> None:
        """The laptop joined an evening from the window: its event replaced the demo under this window."""
        if self._reread_event():
            self._on_data_changed()
        url = hub_url(self.kiosk)
        if url:
            self.use_hub(url)

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
        self._set_printer_light()

    def _set_auto_print(self, enabled: bool) -> None:
        """The service decides (kiosk.service.printing.AutoPrint), as for every other way in."""
        auto_print(self.kiosk, self.printing.print_badge if self.printing.available else None, enabled)

    def _set_printer_light(self) -> None:
        """Seams without a queue (tests, embedders) report here; a queue reports through polling."""
        if not self.printing.available:
            self.header.printer.set_state(Light.OFF, self.tr("not configured"))
        elif self.printing.queue is None:
            ok, text = self.printing.status() if self.printing.status else (True, "")
            self.header.printer.set_state(Light.OK if ok else Light.ERROR, text or self.tr("ready"))
        else:
            self.header.show_printer(self.printer.last)

    def _on_printer(self, state: PrinterSnapshot | None) -> None:
        self.checkin_page.printer_banner.show_snapshot(state)
        self.header.show_printer(state)

    def _on_data_changed(self) -> None:
        self.refresh_stats()
        self.attendees_page.run_search()
        self.presenter.refresh_recent()

    def print_test_badge(self) -> None:
        if self.settings_page.values() != self.settings:
            self.settings_page.save()  # the test goes through the settings on screen
        self.settings_page.printing.show_result(self.printer.print_test())

    def find_printers(self) -> None:
        """lpstat can take a moment: list printers on the runner, fill the combo when back."""
        section = self.settings_page.printing
        section.refresh_button.setEnabled(False)
        self.runner.start(lambda _progress: printer_names(), "list printers", on_done=section.set_printers,
                          on_finished=lambda: section.refresh_button.setEnabled(True))

    # --- the hub -------------------------------------------------------------------------
    def sync_now(self) -> None:
        """Sync in the background, on a thread and a connection of its own (the door never waits): the
        same loop as `kiosk sync --watch` (kiosk.service.sync.watch), so a check-in, walk-in, edit or
        badge stored here is pushed at once and another kiosk's is pulled as soon as the hub NOTIFYs.
        Called again ("Sync with the hub now"), it wakes that loop for a round now."""
        if self.hub_url is None or self.kiosk.data_dir is None:
            return
        if self._sync_thread is not None and self._sync_thread.is_alive():
            self._sync_wake.set()
            return
        data_dir, device, url = self.kiosk.data_dir, self.kiosk.device_name, self.hub_url
        post = self.runner.mailbox.post
        stop, wake = self._sync_stop, self._sync_wake

        def run() -> None:
            from kiosk.service.duplicates import Duplicates

            try:
                k = Kiosk.open(data_dir, device_name=device, check=False)
            except Exception as exc:  # the database cannot be opened: said on the light, no sync
                post(self._sync_failed, exc)
                return
            try:
                watch(k, url, poll_s=SYNC_EVERY_S, stop=stop.is_set, wake=wake,
                      report=lambda line: None if line.startswith("sync:") else post(self._sync_failed, line),
                      on_round=lambda summary: post(self._synced, SyncOutcome(summary, *Duplicates(k).counts())))
            except Exception as exc:
                log.exception("background sync stopped")
                post(self._sync_failed, exc)
            finally:
                k.close()

        self._sync_thread = threading.Thread(target=run, name="kiosk-sync", daemon=True)
        self._sync_thread.start()

    def _synced(self, outcome: object) -> None:
        if not isinstance(outcome, SyncOutcome):
            return
        summary = self.last_sync = outcome.summary
        self.last_sync_at = local_clock(self.kiosk.now()) or ""
        waiting = self._queued_text(summary.queued, summary.queued_guests, summary.queued_prints,
                                    summary.queued_links)
        refused = refused_message(sum(n for _, _, n in summary.refused_by_device), list(summary.refused_by_device),
                                  self.kiosk.lang)
        if waiting:
            detail, light = (self.tr("last sync %1 · waiting: %2").replace("%1", self.last_sync_at)
                             .replace("%2", waiting)), Light.WARN
        else:
            detail, light = self.tr("up to date · %1").replace("%1", self.last_sync_at), Light.OK
        if summary.refused:  # rows refused: amber long enough to be seen (rounds run every few seconds)
            self._refused_until = time.monotonic() + REFUSED_AMBER_S
        if time.monotonic() < self._refused_until:
            light = Light.WARN  # the count stays in the tooltip after that
        self.header.sync.set_state(light, detail + (f" · {refused}" if refused else ""))
        self.show_clock(summary.clock_off, hub_reached=True)
        self._show_duplicates_count(outcome.duplicate_entries + outcome.walk_in_pairs)
        event_changed = self._reread_event()
        if summary.pulled or summary.facts_pulled or event_changed:
            self._on_data_changed()  # other kiosks' scans: the figures, the list, "already checked in"
            if self.duplicates.view is not None and self.duplicates.view.isVisible():
                self.duplicates.reload()

    def _reread_event(self) -> bool:
        """The organiser may have edited the event on another kiosk (name, capacity, workshops): the
        sync wrote it on the worker's connection, so this one reads it again. True when it changed."""
        try:
            before = self.kiosk.event
            self.kiosk.forget_event()
            after = self.kiosk.event
        except KioskError as exc:
            log.warning("event not re-read after sync: %s", exc)
            return False
        if after == before:
            return False
        self.setWindowTitle(self.tr("Kiosk — %1").replace("%1", after.name))
        self.header.set_event(after.name, self.kiosk.device_name)
        return True

    def _queued_text(self, scans: int, guests: int, prints: int, links: int) -> str:
        parts = [self.tr("%n scan(s)", "", scans) if scans else "",
                 self.tr("%n guest(s)", "", guests) if guests else "",
                 self.tr("%n badge(s) printed", "", prints) if prints else "",
                 self.tr("%n decision(s)", "", links) if links else ""]
        return ", ".join(p for p in parts if p)

    def _sync_failed(self, error: object) -> None:
        log.warning("sync failed: %s", error)
        try:
            left = queued(self.kiosk)
            waiting = self._queued_text(left.scans, left.guests, left.prints, left.links)
        except KioskError:
            waiting = ""
        detail = self.tr("offline — check-ins go on, queued")
        if self.last_sync_at:
            detail += " · " + self.tr("last sync %1").replace("%1", self.last_sync_at)
        if waiting:
            detail += " · " + waiting
        self.header.sync.set_state(Light.ERROR, detail)
        self.show_clock(None, hub_reached=False)

    def show_clock(self, off: str | None, *, hub_reached: bool) -> None:
        """Say at the door when this computer's clock cannot be right: ``off`` (its time) from the
        round when the hub was reached, else judged against what this data dir already recorded."""
        if not hub_reached:
            moment = clock_off(self.kiosk.clock(), None, newest_record(self.kiosk))
            off = None if moment is None else format_time(moment)
        self.header.set_clock_warning(
            None if off is None else clock_message(str(local_timestamp(off))[:16], self.kiosk.lang))

    def open_duplicates(self) -> None:
        self.duplicates.open()

    def _show_duplicates_count(self, count: int) -> None:
        self.header.set_duplicates(count)
        self.duplicates_action.setText(self.tr("Duplicate entries (%1)…").replace("%1", str(count)) if count
                                       else self.tr("Duplicate entries…"))

    def check_database(self) -> None:
        """Is the database file sound? Asked on a worker (a large file takes a moment); a damaged
        file is said at once, on the panel and in a dialog, with what to do."""
        self.runner.start(lambda _progress: self.kiosk.database_problems(), "quick check",
                          on_done=self._database_checked)

    def _database_checked(self, problems: object) -> None:
        if not problems:
            return
        detail = str(problems[0]) if isinstance(problems, list) else str(problems)
        log.error("database damaged: %s", problems)
        self.checkin_page.show_failure(FailureState(code="", kind=StorageKind.CORRUPT, detail=detail))
        self.dialogs.error(self, self.tr(
            "The database file is damaged (%1). Stop using this kiosk for check-ins, keep a copy of "
            "kiosk.db, and follow 'Recovery' in the organiser's guide (docs/organiser.md)."
        ).replace("%1", detail[:200]))

    # --- camera ------------------------------------------------------------------------
    def start_camera(self) -> None:
        self.stop_camera()
        self._camera_was_live = False
        if not self.camera_source:
            self.header.camera.set_state(Light.OFF, self.tr("not configured"))
            self.checkin_page.camera_view.set_message(self.tr("No camera: use the handheld scanner"))
            self._set_camera_available(False)
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
        if self.join_dialog is not None:
            if texts:
                self.join_dialog.offer(texts[0])
            return
        if self.stack.currentIndex() != self.PAGE_CHECKIN and texts:
            self.show_page(self.PAGE_CHECKIN)
        self.checkin_page.on_camera_codes(texts)

    def _set_camera_available(self, available: bool) -> None:
        panel = self.checkin_page.panel
        if panel.camera_available != available:
            panel.camera_available = available
            if panel.verdict is None:
                panel.show_ready(self.presenter.direction)

    def _on_camera_status(self, status: object) -> None:
        live = camera_status.is_live(status)
        self._camera_was_live = self._camera_was_live or live
        self._set_camera_available(live)
        # A webcam number that never gave a frame: this laptop has none (the scanner does the work).
        # A file or stream that never opened is a setting to fix: that stays red.
        absent = not self._camera_was_live and str(self.camera_source).strip().isdigit()
        light, text, overlay = camera_status.describe(status, absent=absent)
        self.header.camera.set_state(light, text)
        self.checkin_page.camera_view.set_message(overlay)
        if light is Light.ERROR:
            self.checkin_page.camera_view.clear_frame()

    # --- settings ----------------------------------------------------------------------
    def apply_settings(self, new: Settings) -> None:
        old, self.settings = self.settings, new
        self.sounds.enabled = new.sounds
        self.presenter.timeout_s = new.verdict_timeout_s
        if printing_changed(old, new):
            self.printer.rebuild(new)
            self.checkin_page.panel.printing_available = self.printing.available
            self.settings_page.printing.set_destination(self.printer.destination())
            self._set_printer_light()
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
        self.help_timer.stop()
        self._sync_stop.set()  # the loop ends at its next look (0.15 s), or when a round in flight ends
        self._sync_wake.set()
        self.checkin_page.timer.stop()  # a verdict timeout must not fire after the kiosk is closed
        self.attendees_page.debounce.stop()  # nor a search typed just before
        self.stop_camera()
        self.printer.shutdown()
        self.runner.shutdown()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.wedge)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
        self.closed.emit()
