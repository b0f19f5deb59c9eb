"""The printer as the staff window shows it: the header's Printer light, the check-in page's banner,
the settings page's printing section (test badge, printer list) and auto-print.

The queue itself is the PrinterController's (kiosk.ui.presenters.printing); this only says its state
and wires the buttons that act on it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from kiosk.service import Kiosk
from kiosk.service.printing import auto_print
from kiosk.settings import Settings
from kiosk.ui.background import TaskRunner
from kiosk.ui.pages.checkin_page import CheckinPage
from kiosk.ui.pages.settings_page import SettingsPage
from kiosk.ui.presenters.printing import PrinterController
from kiosk.ui.printing import PrinterSnapshot, PrintSeam, printer_names, printing_changed
from kiosk.ui.widgets.header import Header, Light


class PrinterStatus(QObject):
    """``settings``: the window's settings in force (the test badge goes through those on screen)."""

    def __init__(self, kiosk: Kiosk, printing: PrintSeam, printer: PrinterController, runner: TaskRunner,
                 header: Header, checkin_page: CheckinPage, settings_page: SettingsPage,
                 settings: Callable[[], Settings], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kiosk, self.printing, self.printer, self.runner = kiosk, printing, printer, runner
        self.header, self.checkin_page, self.settings_page = header, checkin_page, settings_page
        self._settings = settings
        section = settings_page.printing
        section.testRequested.connect(self.print_test_badge)
        section.refreshRequested.connect(self.find_printers)
        section.set_destination(printer.destination())
        printer.changed.connect(self._on_printer)
        checkin_page.printer_banner.retryRequested.connect(printer.retry)

    def set_auto_print(self, enabled: bool) -> None:
        """The service decides (kiosk.service.printing.AutoPrint), as for every other way in."""
        auto_print(self.kiosk, self.printing.print_badge if self.printing.available else None, enabled)

    def show_light(self) -> None:
        """Seams without a queue (tests, embedders) report here; a queue reports through polling."""
        if not self.printing.available:
            self.header.printer.set_state(Light.OFF, self.tr("not configured"))
        elif self.printing.queue is None:
            ok, text = self.printing.status() if self.printing.status else (True, "")
            self.header.printer.set_state(Light.OK if ok else Light.ERROR, text or self.tr("ready"))
        else:
            self.header.show_printer(self.printer.last)

    def apply(self, old: Settings, new: Settings) -> None:
        """New settings: a new queue when the printer settings changed; auto-print as set."""
        if printing_changed(old, new):
            self.printer.rebuild(new)
            self.checkin_page.panel.printing_available = self.printing.available
            self.settings_page.printing.set_destination(self.printer.destination())
            self.show_light()
        self.set_auto_print(new.auto_print)

    def _on_printer(self, state: PrinterSnapshot | None) -> None:
        self.checkin_page.printer_banner.show_snapshot(state)
        self.header.show_printer(state)

    def print_test_badge(self) -> None:
        if self.settings_page.values() != self._settings():
            self.settings_page.save()  # the test goes through the settings on screen
        self.settings_page.printing.show_result(self.printer.print_test())

    def find_printers(self) -> None:
        """lpstat can take a moment: list printers on the runner, fill the combo when back."""
        section = self.settings_page.printing
        section.refresh_button.setEnabled(False)
        self.runner.start(lambda _progress: printer_names(), "list printers", on_done=section.set_printers,
                          on_finished=lambda: section.refresh_button.setEnabled(True))
