"""The self-service screen's camera: a guest holding up the QR code of their ticket checks in.

A strip under the form with the live preview and one sentence. The camera runs on the adapter's
threads (``CameraWorker``); this widget only decides which decoded codes reach the window: one per
ticket, not one per frame while the phone is still held up, and none while a message is showing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from kiosk.ui import camera_status
from kiosk.ui.camera_worker import CameraWorker
from kiosk.ui.fonts import font
from kiosk.ui.widgets.camera_view import CameraView
from kiosk.ui.widgets.plain_label import PlainLabel

log = logging.getLogger(__name__)
REPEAT_S = 15.0  # the same ticket held up again within this time is the same guest, still there
PREVIEW = (240, 135)


class CameraStrip(QFrame):
    """Preview + "show your ticket's QR code"; emits ``ticket`` once per ticket held up."""

    ticket = Signal(str)

    def __init__(self, source: str, decoder: str = "auto", *, loop_file: bool = False,
                 clock: Callable[[], float] = time.monotonic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ssCamera")
        self.source, self.decoder, self.loop_file, self.clock = source, decoder, loop_file, clock
        self.view = CameraView(self, max_fps=15.0)
        self.view.setFixedSize(*PREVIEW)
        self.caption = PlainLabel()
        self.retranslate()
        self.caption.setFont(font(18, bold=True))
        self.caption.setWordWrap(True)
        self.caption.setAccessibleName("camera hint")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 8, 8, 8)
        row.addWidget(self.view)
        row.addSpacing(16)
        row.addWidget(self.caption, 1, Qt.AlignmentFlag.AlignVCenter)
        row.addSpacing(16)
        self.worker: CameraWorker | None = None
        self.accepting = True  # the window turns it off while a message or the PIN page shows
        self._last: tuple[str, float] | None = None
        self._was_live = False

    def retranslate(self) -> None:
        self.caption.setText(self.tr("You have a ticket? Show its QR code to the camera."))

    def start(self) -> None:
        self.stop()
        self._was_live = False
        worker = CameraWorker(self.source, self.decoder, loop_file=self.loop_file, preview_fps=15.0, parent=self)
        worker.frameReady.connect(self._on_frame)
        worker.codesDecoded.connect(self._on_codes)
        worker.statusChanged.connect(self._on_status)
        self.worker = worker
        try:
            worker.start()
        except Exception as exc:  # a broken camera must never take the screen down: the scanner still works
            log.exception("self-service camera %r could not start", self.source)
            self.view.set_message(self.tr("Camera unavailable: %1").replace("%1", str(exc)))

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.close()
            self.worker.deleteLater()
            self.worker = None

    def _on_frame(self, image: QImage) -> None:
        self.view.set_frame(image)

    def _on_status(self, status: object) -> None:
        # As at the door: a webcam number that never gave a frame is absent; one that did is lost.
        self._was_live = self._was_live or camera_status.is_live(status)
        absent = not self._was_live and self.source.strip().isdigit()
        _light, _text, overlay = camera_status.describe(status, absent=absent)
        self.view.set_message(overlay)

    def _on_codes(self, texts: list[str], _index: int, _offered_at: float) -> None:
        if not texts or not self.accepting:
            return
        code, now = texts[0], self.clock()
        if self._last is not None and self._last[0] == code and now - self._last[1] < REPEAT_S:
            return
        self._last = (code, now)
        self.ticket.emit(code)
