"""The camera adapter (plain threads, no Qt) wrapped in a QObject whose signals fire on the UI thread.

CameraStream reads frames on its own thread; LatestFrameDecoder decodes the newest one on another.
Their callbacks only keep the newest preview frame and post to the UI thread through a UiMailbox;
this object then emits its signals there. Workers never touch Qt, let alone a widget. The UI
thread's only per-frame work is turning at most ``preview_fps`` frames a second into a QImage.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from kiosk.ui.background import UiMailbox

log = logging.getLogger(__name__)


def frame_to_image(frame: Any) -> QImage:
    """A BGR numpy frame (OpenCV's layout) as a QImage that owns its pixels."""
    height, width = frame.shape[:2]
    if frame.ndim == 2:
        return QImage(frame.data, width, height, frame.strides[0], QImage.Format.Format_Grayscale8).copy()
    return QImage(frame.data, width, height, frame.strides[0], QImage.Format.Format_BGR888).copy()


class CameraWorker(QObject):
    """Start/stop a camera source; emits preview frames, decoded texts and status changes."""

    frameReady = Signal(QImage)
    codesDecoded = Signal(list, int, float)  # texts, frame index, when the frame was offered (monotonic)
    statusChanged = Signal(object)  # the adapter's CameraStatus

    def __init__(self, source: str, decoder: str = "auto", *, fps_limit: float = 30.0,
                 preview_fps: float = 20.0, loop_file: bool = False, reconnect_delay: float = 2.0,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.decoder_name = decoder
        self.fps_limit = fps_limit
        self.loop_file = loop_file
        self.reconnect_delay = reconnect_delay
        self._preview_interval = 1.0 / preview_fps if preview_fps > 0 else 0.0
        self._last_preview = 0.0
        self._lock = threading.Lock()
        self._preview: Any = None  # newest frame waiting for the UI thread
        self._offered: dict[int, float] = {}
        self._stream: Any = None
        self._decoder: Any = None
        self.mailbox = UiMailbox(self)
        self.last_status: Any = None

    def start(self) -> None:
        from kiosk.adapters.camera import CameraStream, LatestFrameDecoder
        from kiosk.adapters.decoding import make_decoder

        self.stop()
        self._decoder = LatestFrameDecoder(make_decoder(self.decoder_name), self._on_codes)
        self._decoder.start()
        self._stream = CameraStream(self.source, self._on_frame, self._on_status, fps_limit=self.fps_limit,
                                    loop_file=self.loop_file, reconnect_delay=self.reconnect_delay)
        self._stream.start()

    def attach_decoder(self, decoder: Any) -> None:
        """Use an already started LatestFrameDecoder and no stream (benchmarks feed frames directly)."""
        self.stop()
        self._decoder = decoder

    def stop(self) -> None:
        stream, decoder = self._stream, self._decoder
        self._stream = self._decoder = None
        if stream is not None:
            stream.stop()
        if decoder is not None:
            decoder.stop()

    def close(self) -> None:
        self.stop()
        self.mailbox.close()

    # --- called on the adapter's threads: no Qt here --------------------------------------
    def _on_frame(self, frame: Any, index: int) -> None:
        now = time.monotonic()
        decoder = self._decoder
        if decoder is not None:
            with self._lock:
                self._offered[index] = now
                if len(self._offered) > 64:
                    for old in sorted(self._offered)[:-32]:
                        del self._offered[old]
            decoder.offer(frame, index)
        if now - self._last_preview >= self._preview_interval:
            self._last_preview = now
            with self._lock:
                waiting, self._preview = self._preview is not None, frame
            if not waiting:
                self.mailbox.post(self._show_preview)

    def _on_codes(self, codes: list[Any], frame_index: int, _ms: float) -> None:
        texts = [c.text for c in codes if getattr(c, "text", None)]
        with self._lock:
            offered = self._offered.pop(frame_index, time.monotonic())
        self.mailbox.post(self.codesDecoded.emit, texts, frame_index, offered)

    def _on_status(self, status: Any) -> None:
        self.mailbox.post(self._emit_status, status)

    # --- UI thread -----------------------------------------------------------------------
    def _show_preview(self) -> None:
        with self._lock:
            frame, self._preview = self._preview, None
        if frame is not None:
            self.frameReady.emit(frame_to_image(frame))

    def _emit_status(self, status: Any) -> None:
        self.last_status = status
        self.statusChanged.emit(status)
