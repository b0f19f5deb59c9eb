"""The printer banner on the check-in page: what is wrong, how many badges wait, and Retry.

Why not only the header light: staff look at the verdict, not at a 16 px dot, and a paused
printer must be noticed before the queue of badges grows.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from kiosk.ui.printing import PrinterSnapshot
from kiosk.ui.widgets.plain_label import PlainLabel

STYLE = ("QFrame#printerBanner { background: #fff3e0; border: 2px solid #e65100; border-radius: 8px; }"
         " QFrame#printerBanner QLabel { color: #4e2600; border: none; }"
         " QFrame#printerBanner QPushButton { min-height: 28px; padding: 2px 14px; background: #e65100;"
         " color: white; border: none; font-weight: bold; }")


class PrinterBanner(QFrame):
    retryRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printerBanner")
        self.setAccessibleName("printer banner")
        self.setStyleSheet(STYLE)
        self.icon = PlainLabel("⚠")
        font = self.icon.font()
        font.setPointSize(16)
        self.icon.setFont(font)
        self.icon.setStyleSheet("color: #e65100;")
        self.text = PlainLabel()
        self.text.setAccessibleName("printer banner text")
        self.text.setWordWrap(True)
        bold = self.text.font()
        bold.setBold(True)
        bold.setPointSize(max(bold.pointSize(), 13))
        self.text.setFont(bold)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.setAccessibleName("retry printing")
        self.retry_button.setToolTip(self.tr("Send the failed badges to the printer again"))
        self.retry_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.retry_button.clicked.connect(self.retryRequested)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 0, 6, 0)
        row.addWidget(self.icon)
        row.addWidget(self.text, 1)
        row.addWidget(self.retry_button)
        self.hide()

    def show_snapshot(self, state: PrinterSnapshot | None) -> None:
        """Visible while the printer is unavailable or badges are stuck; hidden otherwise."""
        if state is None or not state.needs_banner:
            self.hide()
            return
        self.text.setText(describe(state))
        self.retry_button.setVisible(state.failed > 0 or not state.ok)
        self.show()


def describe(state: PrinterSnapshot) -> str:
    """The banner's sentence: the queue's own banner when badges wait, else why the printer is out."""
    if state.banner:
        return state.banner
    text = QCoreApplication.translate("PrinterBanner", "Printer unavailable — badges will wait until it is back")
    return f"{text} ({state.message})" if state.message else text
