"""The staff window's camera: starts and stops the worker, passes frames and codes to the check-in
page, and says on the header's Camera light whether it works.

A broken camera must never take the door down: the handheld scanner does the work without one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QImage

from kiosk.domain.model import Direction
from kiosk.ui import camera_status
from kiosk.ui.camera_worker import CameraWorker
from kiosk.ui.pages.checkin_page import CheckinPage
from kiosk.ui.widgets.header import Header, Light

log = logging.getLogger(__name__)


class CameraControl(QObject):
    """One camera worker at a time, for the check-in page. ``decoder``: the decoder setting, read at
    each start; ``direction``: the mode the ready panel shows; ``bring_forward``: codes seen while
    another page shows bring the check-in page back."""

    def __init__(self, source: str, header: Header, page: CheckinPage, *, decoder: Callable[[], str],
                 direction: Callable[[], Direction], bring_forward: Callable[[], None],
                 loop_file: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source, self.header, self.page, self.loop_file = source, header, page, loop_file
        self._decoder, self._direction, self._bring_forward = decoder, direction, bring_forward
        self.worker: CameraWorker | None = None
        self._was_live = False
        self.reader: Callable[[str], None] | None = None  # set while a dialog reads the codes itself

    def start(self) -> None:
        self.stop()
        self._was_live = False
        if not self.source:
            self.header.camera.set_state(Light.OFF, self.tr("not configured"))
            self.page.camera_view.set_message(self.tr("No camera: use the handheld scanner"))
            self._set_available(False)
            return
        worker = CameraWorker(self.source, self._decoder(), loop_file=self.loop_file, parent=self.parent())
        worker.frameReady.connect(self.on_frame)
        worker.codesDecoded.connect(self.on_codes)
        worker.statusChanged.connect(self._on_status)
        self.worker = worker
        self.header.camera.set_state(Light.WARN, self.tr("starting"))
        try:
            worker.start()
        except Exception as exc:  # a broken camera must never take the door down
            log.exception("camera %r could not start", self.source)
            self.header.camera.set_state(Light.ERROR, self.tr("unavailable"))
            self.page.camera_view.set_message(self.tr("Camera unavailable: %1").replace("%1", str(exc)))

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.close()
            self.worker.deleteLater()
            self.worker = None

    def on_frame(self, image: QImage) -> None:
        self.page.set_camera_frame(image)

    def on_codes(self, texts: list[str], _index: int, _offered_at: float) -> None:
        if self.reader is not None:  # a dialog reads codes itself (Join an evening): not a check-in
            if texts:
                self.reader(texts[0])
            return
        if texts:
            self._bring_forward()
        self.page.on_camera_codes(texts)

    def _set_available(self, available: bool) -> None:
        panel = self.page.panel
        if panel.camera_available != available:
            panel.camera_available = available
            if panel.verdict is None:
                panel.show_ready(self._direction())

    def _on_status(self, status: object) -> None:
        live = camera_status.is_live(status)
        self._was_live = self._was_live or live
        self._set_available(live)
        # A webcam number that never gave a frame: this laptop has none (the scanner does the work).
        # A file or stream that never opened is a setting to fix: that stays red.
        absent = not self._was_live and str(self.source).strip().isdigit()
        light, text, overlay = camera_status.describe(status, absent=absent)
        self.header.camera.set_state(light, text)
        self.page.camera_view.set_message(overlay)
        if light is Light.ERROR:
            self.page.camera_view.clear_frame()
