"""A horizontal gauge: how full the venue is, green, then amber, then red (thresholds from settings),
with tick marks at the thresholds so the colour change is expected, not a surprise."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.domain.occupancy import level
from kiosk.ui.occupancy import look


class Gauge(QWidget):
    def __init__(self, parent: QWidget | None = None, *, amber: float = 0.80, red: float = 0.95) -> None:
        super().__init__(parent)
        self.amber, self.red = amber, red
        self.ratio: float | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(16)

    @property
    def level(self) -> str:
        return level(self.ratio, amber=self.amber, red=self.red)

    def set_ratio(self, ratio: float | None) -> None:
        self.ratio = ratio
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        radius = rect.height() / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(look.TRACK))
        painter.drawRoundedRect(rect, radius, radius)
        if self.ratio:
            filled = QRectF(rect)
            filled.setWidth(max(rect.height(), rect.width() * min(self.ratio, 1.0)))
            painter.setBrush(QColor(look.GAUGE[self.level]))
            painter.drawRoundedRect(filled, radius, radius)
        painter.setPen(QColor(look.BACKGROUND))
        for mark in (m for m in (self.amber, self.red) if m <= 1):
            x = rect.left() + rect.width() * mark
            painter.drawLine(int(x), int(rect.top()), int(x), int(rect.bottom()))
        painter.end()
