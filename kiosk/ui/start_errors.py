"""The dialog kiosk shows when its window cannot start: started by a double-click or from the
applications menu there is no terminal, so a message on stderr alone would be a window that never
opens, unexplained."""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

# Platforms with no one to see a dialog: a modal box there would wait for ever.
HEADLESS_PLATFORMS = ("offscreen", "minimal")


def start_error_box(title: str, message: str, details: str | None = None) -> QMessageBox:
    """The box itself: plain text only (the message may quote a path or a guest's data)."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, message + (f"\n\n{details}" if details else ""))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # to copy a path from it
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def show_start_error(title: str, message: str, details: str | None = None, *,
                     present: Callable[[QMessageBox], object] | None = None) -> bool:
    """Show the box modally (``present``: how, for tests); False when nobody could see it (offscreen)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("kiosk")
    if present is None:
        if QGuiApplication.platformName() in HEADLESS_PLATFORMS:
            return False
        present = QMessageBox.exec
    box = start_error_box(title, message, details)
    try:
        present(box)
    finally:
        box.deleteLater()
    return True
