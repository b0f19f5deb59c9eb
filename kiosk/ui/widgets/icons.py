"""Verdict icons painted with QPainter: no icon font or image file to ship, crisp at any size."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from kiosk.ui.theme import Icon


def paint_icon(painter: QPainter, rect: QRectF, icon: Icon, color: QColor) -> None:
    """A white shape in a ring: check, cross, question mark, warning, exit arrow, scan frame."""
    side = min(rect.width(), rect.height())
    box = QRectF(0, 0, side, side)
    box.moveCenter(rect.center())
    stroke = max(3.0, side * 0.09)
    pen = QPen(color, stroke, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inner = box.adjusted(stroke, stroke, -stroke, -stroke)
    if icon is not Icon.WARNING and icon is not Icon.SCAN:
        painter.drawEllipse(inner)

    def at(x: float, y: float) -> QPointF:
        return QPointF(inner.left() + x * inner.width(), inner.top() + y * inner.height())

    path = QPainterPath()
    if icon is Icon.CHECK:
        path.moveTo(at(0.27, 0.52))
        path.lineTo(at(0.44, 0.69))
        path.lineTo(at(0.74, 0.34))
    elif icon is Icon.CROSS:
        path.moveTo(at(0.32, 0.32))
        path.lineTo(at(0.68, 0.68))
        path.moveTo(at(0.68, 0.32))
        path.lineTo(at(0.32, 0.68))
    elif icon is Icon.EXIT:
        path.moveTo(at(0.28, 0.5))
        path.lineTo(at(0.72, 0.5))
        path.moveTo(at(0.55, 0.33))
        path.lineTo(at(0.72, 0.5))
        path.lineTo(at(0.55, 0.67))
    elif icon is Icon.WARNING:
        path.moveTo(at(0.5, 0.06))
        path.lineTo(at(0.96, 0.9))
        path.lineTo(at(0.04, 0.9))
        path.closeSubpath()
        path.moveTo(at(0.5, 0.36))
        path.lineTo(at(0.5, 0.6))
        path.moveTo(at(0.5, 0.75))
        path.lineTo(at(0.5, 0.76))
    elif icon is Icon.SCAN:
        for (x0, y0, dx, dy) in ((0.1, 0.1, 1, 1), (0.9, 0.1, -1, 1), (0.1, 0.9, 1, -1), (0.9, 0.9, -1, -1)):
            path.moveTo(at(x0 + 0.25 * dx, y0))
            path.lineTo(at(x0, y0))
            path.lineTo(at(x0, y0 + 0.25 * dy))
        path.moveTo(at(0.22, 0.5))
        path.lineTo(at(0.78, 0.5))
    painter.drawPath(path)
    if icon is Icon.QUESTION:
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(inner.height() * 0.62))
        painter.setFont(font)
        painter.drawText(inner, Qt.AlignmentFlag.AlignCenter, "?")
    painter.restore()


class IconWidget(QWidget):
    """A square verdict icon; the panel sets its shape and colour."""

    def __init__(self, size: int = 120, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._icon = Icon.SCAN
        self._color = QColor("#ffffff")
        self.setFixedSize(QSize(size, size))

    def set_icon(self, icon: Icon, color: str) -> None:
        self._icon, self._color = icon, QColor(color)
        self.update()

    @property
    def icon(self) -> Icon:
        return self._icon

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_icon(painter, QRectF(self.rect()), self._icon, self._color)
