"""``LatestFrameDecoder``: decode the newest frame on a worker thread, dropping stale ones."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import numpy as np

from kiosk.adapters.decoding import Decoded, Decoder

log = logging.getLogger(__package__)  # one logger for the whole package: "kiosk.adapters.camera"


CodesCallback = Callable[[list[Decoded], int, float], None]


class LatestFrameDecoder:
    """Decode the newest offered frame on a worker thread; stale frames are dropped, never queued.

    ``on_codes(codes, frame_index, decode_ms)`` is called for each frame where something was found
    (or for every decoded frame with ``report_empty=True``).
    """

    def __init__(self, decoder: Decoder, on_codes: CodesCallback, *, report_empty: bool = False) -> None:
        self.decoder = decoder
        self.on_codes = on_codes
        self.report_empty = report_empty
        self._cond = threading.Condition()
        self._slot: tuple[np.ndarray, int] | None = None
        self._stop = False
        self._thread: threading.Thread | None = None
        self._offered = 0
        self._decoded = 0
        self._dropped = 0
        self.last_ms = 0.0

    @property
    def offered(self) -> int:
        return self._offered

    @property
    def decoded(self) -> int:
        return self._decoded

    @property
    def dropped(self) -> int:
        """Frames replaced in the slot before the worker took them."""
        return self._dropped

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        with self._cond:
            self._stop = False
        self._thread = threading.Thread(target=self._run, name="frame-decoder", daemon=True)
        self._thread.start()

    def offer(self, frame: np.ndarray, index: int) -> None:
        """Hand over a frame (not to be modified afterwards); replaces any frame still waiting.

        Frames offered before ``start()`` wait in the slot; after ``stop()`` they are ignored."""
        with self._cond:
            if self._stop:
                return
            self._offered += 1
            if self._slot is not None:
                self._dropped += 1
            self._slot = (frame, index)
            self._cond.notify()

    def stop(self, timeout: float = 1.0) -> None:
        """Stop after the decode in progress (joined within ``timeout``)."""
        with self._cond:
            self._stop = True
            self._slot = None
            self._cond.notify_all()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._slot is None and not self._stop:
                    self._cond.wait()
                if self._stop:
                    return
                assert self._slot is not None
                frame, index = self._slot
                self._slot = None
            start = time.perf_counter()
            try:
                codes = self.decoder.decode(frame)
            except Exception:
                log.exception("decoder failed")
                codes = []
            ms = (time.perf_counter() - start) * 1000.0
            self.last_ms = ms
            with self._cond:
                self._decoded += 1
            if codes or self.report_empty:
                try:
                    self.on_codes(codes, index, ms)
                except Exception:
                    log.exception("on_codes callback failed")
