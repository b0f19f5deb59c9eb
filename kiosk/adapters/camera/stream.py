"""``CameraStream``: frames from a device, file or URL on a daemon thread, reopened when lost."""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from kiosk.adapters.camera.sources import _URL, _describe, parse_source
from kiosk.adapters.camera.status import CameraState, CameraStatus

log = logging.getLogger(__package__)  # one logger for the whole package: "kiosk.adapters.camera"

_OPEN_TIMEOUT_MS = 5000
_READ_TIMEOUT_MS = 5000


FrameCallback = Callable[[np.ndarray, int], None]
StatusCallback = Callable[[CameraStatus], None]


class CameraStream:
    """Frames from a device, file or URL on a daemon thread; LOST/RECONNECTING instead of exceptions."""

    def __init__(self, source: int | str, on_frame: FrameCallback, on_status: StatusCallback,
                 fps_limit: float = 30, loop_file: bool = False, reconnect_delay: float = 1.0,
                 max_backoff: float = 10.0) -> None:
        self.source = parse_source(source)
        self.on_frame = on_frame
        self.on_status = on_status
        self.fps_limit = float(fps_limit) if fps_limit and fps_limit > 0 else 0.0
        self.loop_file = loop_file
        self.reconnect_delay = max(0.0, reconnect_delay)
        self.max_backoff = max(self.reconnect_delay, max_backoff)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._latest: tuple[np.ndarray, int] | None = None
        self._status = CameraStatus(CameraState.STOPPED)
        self._stopped_reported = False
        self._capture: Any = None

    # ------------------------------------------------------------------ public
    @property
    def is_file(self) -> bool:
        return isinstance(self.source, str) and not _URL.match(self.source)

    @property
    def status(self) -> CameraStatus:
        return self._status

    def start(self) -> None:
        """Start capturing (no-op if already running)."""
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._stopped_reported = False
        self._thread = threading.Thread(target=self._run, name=f"camera-{self.source}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 1.0) -> None:
        """Stop and join the thread (within ``timeout``; a stream stuck in a network read is left
        to finish on its own as a daemon thread). STOPPED is reported once."""
        self._stop.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
            if thread.is_alive():
                log.warning("%s: capture thread still blocked after %.1f s", _describe(self.source), timeout)
        self._report_stopped()

    def latest(self) -> tuple[np.ndarray, int] | None:
        """The newest frame and its index, or None before the first frame."""
        with self._lock:
            return self._latest

    # ------------------------------------------------------------------ thread
    def _emit(self, state: CameraState, message: str = "", attempt: int = 0) -> None:
        status = CameraStatus(state, message, attempt)
        self._status = status
        if state is CameraState.STOPPED:
            with self._lock:
                if self._stopped_reported:
                    return
                self._stopped_reported = True
        try:
            self.on_status(status)
        except Exception:
            log.exception("camera status callback failed")

    def _report_stopped(self) -> None:
        self._emit(CameraState.STOPPED)

    def _open(self) -> tuple[Any, str]:
        """(an opened capture, "") or (None, why not)."""
        source = self.source
        if isinstance(source, int):
            cap = cv2.VideoCapture(source)
            if cap.isOpened():
                with contextlib.suppress(Exception):
                    cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # newest frame, not a backlog
                return cap, ""
            cap.release()
            return None, f"camera {source} not available (unplugged, or used by another program?)"
        if self.is_file:
            if not Path(source).is_file():
                return None, f"video file not found: {source}"
            cap = cv2.VideoCapture(source)
            if cap.isOpened():
                return cap, ""
            cap.release()
            return None, f"cannot read video file: {source}"
        try:
            cap = cv2.VideoCapture(source, cv2.CAP_FFMPEG, [
                cv2.CAP_PROP_OPEN_TIMEOUT_MSEC, _OPEN_TIMEOUT_MS,
                cv2.CAP_PROP_READ_TIMEOUT_MSEC, _READ_TIMEOUT_MS,
            ])
        except Exception:  # older OpenCV without the params overload
            cap = cv2.VideoCapture(source)
        if cap.isOpened():
            return cap, ""
        cap.release()
        return None, f"cannot connect to {_describe(source)}"

    def _wait(self, seconds: float) -> bool:
        """Sleep unless stopped; True if stop was requested."""
        return self._stop.wait(seconds) if seconds > 0 else self._stop.is_set()

    def _backoff(self, attempt: int) -> float:
        return float(min(self.max_backoff, self.reconnect_delay * (2 ** max(0, attempt - 1))))

    def _run(self) -> None:
        try:
            self._loop()
        except Exception as exc:  # last line of defence: report, never raise out of the thread
            log.exception("camera thread crashed")
            with contextlib.suppress(Exception):
                self._emit(CameraState.LOST, f"camera error: {exc}")
        finally:
            cap, self._capture = self._capture, None
            if cap is not None:
                with contextlib.suppress(Exception):
                    cap.release()
            self._report_stopped()

    def _loop(self) -> None:
        self._emit(CameraState.STARTING, _describe(self.source))
        attempt = 0
        index = -1
        while not self._stop.is_set():
            if attempt:
                self._emit(CameraState.RECONNECTING, f"reopening {_describe(self.source)}", attempt)
            cap, why = self._open()
            if self._stop.is_set():
                if cap is not None:
                    cap.release()
                break
            if cap is None:
                attempt += 1
                self._emit(CameraState.LOST, why, attempt)
                self._wait(self._backoff(attempt))
                continue
            self._capture = cap
            attempt = 0
            self._emit(CameraState.LIVE, _describe(self.source))
            index, outcome = self._read_frames(cap, index)
            self._capture = None
            cap.release()
            if self._stop.is_set():
                break
            if outcome == "ended":
                attempt = 1
                self._emit(CameraState.ENDED, f"end of {_describe(self.source)}")
                self._wait(self.reconnect_delay)
            else:
                attempt = 1
                self._emit(CameraState.LOST, outcome, attempt)
                self._wait(self._backoff(attempt))

    def _read_frames(self, cap: Any, index: int) -> tuple[int, str]:
        """Deliver frames until stop (returns ""), file end ("ended") or a failure (its message)."""
        is_file = self.is_file
        min_gap = 1.0 / self.fps_limit if self.fps_limit else 0.0
        file_period = 0.0
        if is_file:
            fps = cap.get(cv2.CAP_PROP_FPS) or 0.0
            file_period = 1.0 / fps if 1.0 <= fps <= 240.0 else 1.0 / 30.0
        start = time.monotonic()
        read_in_pass = 0
        last_delivery = -1e9
        while not self._stop.is_set():
            if is_file:
                # real time: frame n of this pass is due at start + n * period
                delay = start + read_in_pass * file_period - time.monotonic()
                if delay > 0 and self._wait(delay):
                    return index, ""
            ok, frame = cap.read()
            if not ok or frame is None:
                if is_file:
                    if self.loop_file and read_in_pass > 0:
                        if not cap.set(cv2.CAP_PROP_POS_FRAMES, 0):
                            return index, "ended"
                        start, read_in_pass = time.monotonic(), 0
                        continue
                    return index, "ended" if read_in_pass > 0 else f"no frames in {_describe(self.source)}"
                return index, f"{_describe(self.source)} stopped sending frames (unplugged or disconnected?)"
            index += 1
            read_in_pass += 1
            now = time.monotonic()
            if min_gap and now - last_delivery < min_gap * 0.95:
                continue  # over the fps limit: skip, like a camera would
            last_delivery = now
            with self._lock:
                self._latest = (frame, index)
            try:
                self.on_frame(frame, index)
            except Exception:
                log.exception("camera frame callback failed")
        return index, ""
