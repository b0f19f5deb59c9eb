"""Domain operations (check in, register, undo, import, stats) shared by the CLI and the window.
What the edges use most is importable from here: the composition, its error, its figures."""

from kiosk.service.errors import KioskError
from kiosk.service.kiosk import Kiosk
from kiosk.service.stats import Stats

__all__ = ["Kiosk", "KioskError", "Stats"]
