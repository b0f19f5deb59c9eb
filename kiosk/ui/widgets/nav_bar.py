"""The row of page tabs under the header (big, checkable, never taking keyboard focus from the scanner)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

from kiosk.ui.theme import BASE_PT


class NavBar(QWidget):
    pageRequested = Signal(int)

    def __init__(self, tabs: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        """``tabs``: (translated label, accessible name) per page, in the stack's order."""
        super().__init__(parent)
        self.group = QButtonGroup(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 0, 12, 0)
        for index, (text, accessible) in enumerate(tabs):
            button = QPushButton(text)
            button.setObjectName("nav")
            font = button.font()
            font.setPointSize(BASE_PT + 2)
            button.setFont(font)
            button.setCheckable(True)
            button.setAccessibleName(accessible)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, i=index: self.pageRequested.emit(i))
            self.group.addButton(button, index)
            row.addWidget(button)
        row.addStretch(1)

    def select(self, index: int) -> None:
        button = self.group.button(index)
        if button is not None:
            button.setChecked(True)
