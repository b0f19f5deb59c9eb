"""The staff window's bar for calls for help from a walk-in screen: red, on top of every page, with
who called and since when, and "I'm going", until a staff member here or at another door answers."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from kiosk.domain.help_calls import HelpCall
from kiosk.ui.fonts import font
from kiosk.ui.widgets.plain_label import PlainLabel


class HelpAlertBar(QFrame):
    answered = Signal(str)  # the call's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpAlert")
        self.setStyleSheet("QFrame#helpAlert { background: #b3261e; } QFrame#helpAlert QLabel { color: white; }")
        self.text = PlainLabel()
        self.text.setFont(font(16, bold=True))
        self.text.setWordWrap(True)
        self.go = QPushButton(self.tr("I'm going"))
        self.go.setFont(font(14, bold=True))
        self.go.clicked.connect(self._answer)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 16, 8)
        row.addWidget(self.text, 1)
        row.addWidget(self.go)
        self.calls: list[HelpCall] = []
        self.hide()

    def show_calls(self, calls: list[HelpCall]) -> None:
        """The open calls, oldest first; hidden when there is none."""
        self.calls = list(calls)
        if not self.calls:
            self.hide()
            return
        first = self.calls[0]
        text = self.tr("Someone is asking for help at the walk-in screen \u201c%1\u201d (since %2)") \
            .replace("%1", first.device_name).replace("%2", first.at[11:16])
        if len(self.calls) > 1:
            text += " " + self.tr("— and %n more call(s)", "", len(self.calls) - 1)
        self.text.setText(text)
        self.show()

    def _answer(self) -> None:
        if self.calls:
            self.answered.emit(self.calls[0].id)
