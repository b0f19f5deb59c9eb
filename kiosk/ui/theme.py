"""Colours, icons and type sizes in one place: the door is read at arm's length, in a hurry.

A verdict is always colour AND icon AND words, so it reads for colour-blind staff and in sunlight.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kiosk.domain.model import Direction, Verdict


class Icon(StrEnum):
    CHECK = "check"
    CROSS = "cross"
    QUESTION = "question"
    WARNING = "warning"
    EXIT = "exit"
    SCAN = "scan"


@dataclass(frozen=True)
class Look:
    background: str
    foreground: str
    icon: Icon


ENTRY_ACCENT = "#1b5e20"
EXIT_ACCENT = "#0d47a1"
READY_ENTRY = Look("#263238", "#ffffff", Icon.SCAN)
READY_EXIT = Look(EXIT_ACCENT, "#ffffff", Icon.EXIT)

VERDICT_LOOKS: dict[Verdict, Look] = {
    Verdict.ACCEPTED: Look("#1b7f3a", "#ffffff", Icon.CHECK),
    Verdict.EXIT_RECORDED: Look("#1565c0", "#ffffff", Icon.EXIT),
    Verdict.ALREADY_CHECKED_IN: Look("#e65100", "#ffffff", Icon.WARNING),
    Verdict.NOT_INSIDE: Look("#e65100", "#ffffff", Icon.WARNING),
    Verdict.UNKNOWN: Look("#6a1b9a", "#ffffff", Icon.QUESTION),
    Verdict.CANCELLED: Look("#c62828", "#ffffff", Icon.CROSS),
    Verdict.INVALID: Look("#c62828", "#ffffff", Icon.CROSS),
    Verdict.WRONG_EVENT: Look("#c62828", "#ffffff", Icon.CROSS),
}


# A scan that could not be written: not a verdict about the guest, a fault of this kiosk. Black and
# amber, unlike any verdict, so nobody reads it as "welcome" or as "refused".
NOT_RECORDED_LOOK = Look("#212121", "#ffca28", Icon.WARNING)


def ready_look(direction: Direction) -> Look:
    return READY_EXIT if direction is Direction.EXIT else READY_ENTRY


def accent(direction: Direction) -> str:
    return EXIT_ACCENT if direction is Direction.EXIT else ENTRY_ACCENT


# Point sizes are device independent; the verdict title and name are ~40-56 px on a laptop.
TITLE_PT = 34
NAME_PT = 40
DETAIL_PT = 18
BASE_PT = 13
BUTTON_MIN_HEIGHT = 48

# No font sizes in the style sheet: they would override the large fonts set on verdict labels.
APP_STYLE = f"""
QPushButton {{ min-height: {BUTTON_MIN_HEIGHT}px; padding: 4px 16px; border-radius: 6px;
              background: #eceff1; border: 1px solid #b0bec5; }}
QPushButton:hover {{ background: #e0e6ea; }}
QPushButton:pressed {{ background: #cfd8dc; }}
QPushButton:disabled {{ color: #90a4ae; background: #f5f5f5; }}
QPushButton:focus {{ border: 2px solid #1565c0; }}
QPushButton#nav {{ min-width: 150px; min-height: 40px; background: transparent; border: none;
                   border-bottom: 4px solid transparent; border-radius: 0; }}
QPushButton#nav:checked {{ border-bottom: 4px solid #1565c0; font-weight: bold; }}
QLineEdit, QComboBox, QDoubleSpinBox {{ min-height: 40px; padding: 0 8px; }}
QLineEdit, QComboBox, QDoubleSpinBox, QTableView, QListView {{ border: 1px solid #b0bec5; border-radius: 4px; }}
QLineEdit:focus, QComboBox:focus, QDoubleSpinBox:focus, QTableView:focus, QListView:focus,
QCheckBox:focus {{ border: 2px solid #1565c0; }}
QHeaderView::section {{ padding: 6px; font-weight: bold; }}
QFrame#modeBar QPushButton {{ min-height: 36px; }}
"""
