"""The window's label: what it shows is text, never markup.

A QLabel guesses rich text from its content (``Qt.AutoText``), so a guest named ``<h1>…`` or a QR
holding ``<img src=/etc/passwd>`` was rendered as HTML. Every label of the window is this one.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class PlainLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)


def plain_tooltip(text: str) -> str:
    """Tool tips have no text format of their own: escape the text and say it is rich text."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>" if text else ""
