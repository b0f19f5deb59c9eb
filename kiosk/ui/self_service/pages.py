"""The self-service screen's other pages: a big message with buttons, and the staff PIN."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.fonts import font
from kiosk.ui.widgets.plain_label import PlainLabel


class MessagePage(QWidget):
    """A big sentence or two and up to two buttons: thank-you, full, confirm, ask staff."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("message page")
        self.title = PlainLabel()
        self.title.setFont(font(40, bold=True))
        self.title.setWordWrap(True)
        self.title.setAccessibleName("message title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = PlainLabel()
        self.body.setFont(font(22))
        self.body.setWordWrap(True)
        self.body.setAccessibleName("message text")
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 40)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addSpacing(20)
        layout.addWidget(self.body)
        layout.addStretch(1)
        layout.addLayout(self.buttons)
        self._buttons: list[QPushButton] = []

    def show_message(self, title: str, body: str, buttons: list[tuple[str, str, Callable[[], None]]]) -> None:
        self.title.setText(title)
        self.body.setText(body)
        for button in self._buttons:
            self.buttons.removeWidget(button)
            button.deleteLater()
        self._buttons = []
        for text, accessible, slot in buttons:
            button = QPushButton(text)
            button.setAccessibleName(accessible)
            button.setFont(font(20, bold=True))
            button.setMinimumHeight(72)
            button.clicked.connect(slot)
            self.buttons.addWidget(button)
            self._buttons.append(button)
        if self._buttons:
            self._buttons[0].setObjectName("primary")
            self._buttons[0].setStyle(self._buttons[0].style())


class PinPage(QWidget):
    entered = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("staff PIN page")
        self.prompt = PlainLabel(self.tr("Staff only: enter the PIN to leave the self-service mode"))
        self.prompt.setFont(font(24, bold=True))
        self.prompt.setWordWrap(True)
        self.pin = QLineEdit()
        self.pin.setAccessibleName("staff PIN")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setFont(font(28))
        self.pin.setMinimumHeight(72)
        self.pin.setMaxLength(32)
        self.pin.returnPressed.connect(lambda: self.entered.emit(self.pin.text()))
        self.status = PlainLabel()
        self.status.setAccessibleName("PIN status")
        self.status.setFont(font(18, bold=True))
        self.status.setStyleSheet("color: #b71c1c;")
        ok = QPushButton(self.tr("Unlock"))
        ok.setAccessibleName("unlock")
        ok.clicked.connect(lambda: self.entered.emit(self.pin.text()))
        back = QPushButton(self.tr("Back to the form"))
        back.setAccessibleName("back to the form")
        back.clicked.connect(self.cancelled.emit)
        row = QHBoxLayout()
        row.addWidget(back)
        row.addStretch(1)
        row.addWidget(ok)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(120, 60, 120, 60)
        layout.addStretch(1)
        for widget in (self.prompt, self.pin, self.status):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(row)
