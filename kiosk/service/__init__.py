"""Domain operations (check in, register, undo, import, stats) shared by the CLI and the window."""

from kiosk.service.errors import KioskError, NoEventError
from kiosk.service.kiosk import Kiosk, RegisterResult
from kiosk.service.stats import Stats, WorkshopFigures

__all__ = ["Kiosk", "KioskError", "NoEventError", "RegisterResult", "Stats", "WorkshopFigures"]
