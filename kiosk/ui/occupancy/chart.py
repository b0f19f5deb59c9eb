"""Arrivals and departures per five minutes since doors opened, drawn with QPainter.

QtCharts would need PySide6-Addons (~200 MB more on every kiosk) for one bar chart; QPainter draws it in
~80 lines, offscreen too, and looks the same on a projector and in a test screenshot."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.domain import rules
from kiosk.domain.occupancy import Bin
from kiosk.ui.occupancy import look


class ArrivalsChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bins: tuple[Bin, ...] = ()
        self.empty_text: str | None = None  # said instead of "No arrivals yet" (the screen still reading)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(80)

    def set_bins(self, bins: tuple[Bin, ...], *, empty_text: str | None = None) -> None:
        self.bins = bins[-48:]  # the last four hours: bars stay wide enough to read across a room
        self.empty_text = empty_text
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_px = max(11, self.height() // 11)
        font = QFont(self.font())
        font.setPixelSize(text_px)
        painter.setFont(font)
        legend_h = text_px * 1.6
        axis_h = text_px * 1.5
        plot = QRectF(text_px * 0.5, legend_h, self.width() - text_px, self.height() - legend_h - axis_h)
        self._legend(painter, text_px)
        if not self.bins:
            painter.setPen(QColor(look.MUTED))
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter,
                             self.empty_text or QCoreApplication.translate("ArrivalsChart", "No arrivals yet"))
            painter.end()
            return
        top = max(max(b.arrivals for b in self.bins), 1)
        bottom = max(b.departures for b in self.bins)
        scale = plot.height() / (top + bottom * 0.6 if bottom else top)
        zero = plot.top() + top * scale
        slot = plot.width() / max(len(self.bins), 12)
        bar = slot * 0.72
        painter.setPen(Qt.PenStyle.NoPen)
        for i, b in enumerate(self.bins):
            left = plot.left() + i * slot + (slot - bar) / 2
            if b.arrivals:
                painter.setBrush(QColor(look.BRAND))
                painter.drawRect(QRectF(left, zero - b.arrivals * scale, bar, b.arrivals * scale))
            if b.departures:
                painter.setBrush(QColor(look.EXIT))
                painter.drawRect(QRectF(left, zero, bar, b.departures * scale * 0.6))
        painter.setPen(QPen(QColor(look.MUTED), 1))
        painter.drawLine(int(plot.left()), int(zero), int(plot.right()), int(zero))
        every = max(1, round(len(self.bins) / 8))
        painter.setPen(QColor(look.MUTED))
        for i in range(0, len(self.bins), every):
            x = plot.left() + i * slot
            painter.drawText(QRectF(x - slot, plot.bottom() + 2, slot * 3, axis_h),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                             rules.local_clock(self.bins[i].start) or "")
        painter.drawText(QRectF(plot.left(), plot.top(), plot.width(), text_px * 1.3),
                         Qt.AlignmentFlag.AlignRight, f"max {top}")
        painter.end()

    def _legend(self, painter: QPainter, text_px: int) -> None:
        x = float(text_px) * 0.5
        for color, label in ((look.BRAND, QCoreApplication.translate("ArrivalsChart", "Arrivals per 5 min")),
                             (look.EXIT, QCoreApplication.translate("ArrivalsChart", "Departures"))):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(color))
            painter.drawRect(QRectF(x, text_px * 0.25, text_px, text_px))
            painter.setPen(QColor(look.TEXT))
            width = painter.fontMetrics().horizontalAdvance(label)
            painter.drawText(QRectF(x + text_px * 1.4, 0, width + 4, text_px * 1.5),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
            x += text_px * 2.6 + width
