"""A one-line label for data: plain text always, elided to its width, never widening the window.

A QLabel asks its layout for the width of its whole text, so a 200-character name pushed the window
to 10,000 px; and a QLabel guesses rich text from the content, so a name like ``<h1>…`` or a QR
holding ``<img src=…>`` was rendered as markup. This label shows exactly the stored characters,
cut with "…" when they do not fit; ``text()`` still returns all of them.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.full_text = ""
        self.setText(text)

    def setText(self, text: str) -> None:
        self.full_text = text
        self.setAccessibleDescription(text)
        self._elide()

    def text(self) -> str:
        return self.full_text

    def clear(self) -> None:
        self.setText("")

    def setFont(self, font: object) -> None:
        super().setFont(font)  # type: ignore[arg-type]
        self._elide()

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(min(super().sizeHint().width(), 400), super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def is_elided(self) -> bool:
        return super().text() != self.full_text

    def _elide(self) -> None:
        # one line: line breaks and tabs inside data would otherwise change the panel's height
        flat = " ".join(self.full_text.split()) if any(ch in self.full_text for ch in "\n\r\t") else self.full_text
        width = self.width() if self.width() > 0 else 10_000
        shown = QFontMetrics(self.font()).elidedText(flat, Qt.TextElideMode.ElideRight, width)
        QLabel.setText(self, shown)
        self.setToolTip(flat if shown != flat else "")  # what was cut, on hover
