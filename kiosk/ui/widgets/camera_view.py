"""Camera preview: paints the latest frame, scaled, at most ``max_fps`` times a second.

Frames arrive as QImages already converted off the UI thread; this widget only keeps the newest
one and schedules a repaint, so a fast camera never floods the event loop.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

_MESSAGE_FLAGS = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)


class CameraView(QWidget):
    def __init__(self, parent: QWidget | None = None, max_fps: float = 30.0) -> None:
        super().__init__(parent)
        self.setAccessibleName("camera preview")
        self.setMinimumSize(240, 120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._image: QImage | None = None
        self._message = self.tr("Starting camera…")
        self._min_interval = 1.0 / max_fps
        self._last_paint = 0.0
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.timeout.connect(self.update)
        self.frames_shown = 0

    @property
    def message(self) -> str:
        return self._message

    def set_message(self, text: str) -> None:
        """A sentence over the preview ('Camera lost — reconnecting…'); empty to clear."""
        if text != self._message:
            self._message = text
            self.update()

    def set_frame(self, image: QImage) -> None:
        self._image = image
        if self._pending.isActive():
            return
        wait = self._min_interval - (time.monotonic() - self._last_paint)
        if wait <= 0:
            self.update()
        else:
            self._pending.start(int(wait * 1000) + 1)

    def clear_frame(self) -> None:
        self._image = None
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        self._last_paint = time.monotonic()
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#101418"))
        if self._image is not None and not self._image.isNull():
            scaled = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF(0, 0, scaled.width(), scaled.height())
            target.moveCenter(QRectF(self.rect()).center())
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
            painter.drawImage(target, self._image)
            self.frames_shown += 1
        if self._message:
            font, band = self.message_layout()
            painter.setFont(font)
            painter.fillRect(band, QColor(0, 0, 0, 170))
            painter.setPen(QColor("#ffffff"))
            painter.drawText(band.adjusted(6, 0, -6, 0), _MESSAGE_FLAGS, self._message)

    def message_layout(self) -> tuple[QFont, QRectF]:
        """The message's font and band: wrapped, and smaller (16 pt down to 8) until it fits the view,
        so a small preview (the walk-in screen's 240 px) shows the whole sentence, never '…méra trouvée
        : utilisez la'."""
        font = QFont()
        font.setBold(True)
        width = max(1, self.width() - 12)
        for points in range(16, 7, -1):
            font.setPointSize(points)
            need = QFontMetrics(font).boundingRect(QRect(0, 0, width, 10_000), _MESSAGE_FLAGS, self._message)
            if need.width() <= width and need.height() + 12 <= self.height():
                break
        height = min(float(self.height()), max(56.0, need.height() + 12.0))
        return font, QRectF(0, self.height() - height, self.width(), height)
