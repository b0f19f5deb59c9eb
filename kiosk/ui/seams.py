"""What the window is handed from outside: the printing service, and the screens its menu opens.

- Printing: the badges engineer provides an object with ``print_badge(attendee)``; when none is
  given the window hides "Print badge" rather than showing a button that does nothing. Over a
  real PrintQueue the seam also carries the queue (banner, retry, destination, test badge).
- Extra screens (occupancy, self-service): a registry of named factories the "Screens" menu lists.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from kiosk.domain.model import Attendee

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kiosk.service import Kiosk


@runtime_checkable
class BadgePrinter(Protocol):
    """What the window needs from the printing service (kiosk.service.printing.PrintQueue)."""

    def print_badge(self, attendee: Attendee) -> object: ...


PrinterStatus = Callable[[], tuple[bool, str]]  # (ok, problem in words or "" when ready) for the header


@dataclass
class PrintSeam:
    """The printing service as the window sees it; ``printer=None`` means no printing configured."""

    printer: BadgePrinter | None = None
    status: PrinterStatus | None = None
    queue: Any = None  # the kiosk.service.printing.PrintQueue behind it, if any (banner, retry, test badge)

    @property
    def available(self) -> bool:
        return self.printer is not None

    def adopt(self, other: PrintSeam) -> None:
        """Take another seam's printer in place, so every page holding this seam follows a rebuild."""
        self.printer, self.status, self.queue = other.printer, other.status, other.queue

    def print_badge(self, attendee: Attendee) -> None:
        if self.printer is not None:
            self.printer.print_badge(attendee)


def queue_seam(queue: Any) -> PrintSeam:
    """The seam over kiosk.service.printing.PrintQueue: enqueue by attendee id (it never blocks),
    header light from its banner (badges stuck) or its destination."""

    class _QueuePrinter:
        def print_badge(self, attendee: Attendee) -> object:
            return queue.enqueue(attendee.id)

    def status() -> tuple[bool, str]:
        banner = queue.backlog().message(queue.kiosk.lang)
        return (banner is None, banner or "")

    return PrintSeam(_QueuePrinter(), status, queue)


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


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: ARG001 (lupdate reads the context)
    """Marks a string for translation without importing Qt; the menu translates it in "Screens"."""
    return text


def _self_service_screen(kiosk: Kiosk, parent: QWidget | None) -> QWidget:
    """The walk-in screen over the staff window, full screen; its badges go to the window's printer."""
    from kiosk.service.errors import KioskError
    from kiosk.service.pin import StaffPin
    from kiosk.settings import Settings
    from kiosk.ui.app import build_self_service, show_full_screen

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
    """The occupancy screen and the walk-in self-service screen."""
    registry = ScreenRegistry()
    registry.register("occupancy", QT_TRANSLATE_NOOP("Screens", "Occupancy screen"), _occupancy_screen)
    registry.register("self_service", QT_TRANSLATE_NOOP("Screens", "Self-service mode"), _self_service_screen)
    return registry
