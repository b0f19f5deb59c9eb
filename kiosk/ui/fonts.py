"""Fonts by size: the door and the walk-in screen are read at arm's length, every label sets its size."""

from __future__ import annotations

from PySide6.QtGui import QFont


def font(points: int, bold: bool = False) -> QFont:
    made = QFont()
    made.setPointSize(points)
    made.setBold(bold)
    return made
