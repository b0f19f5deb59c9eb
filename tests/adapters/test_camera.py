"""CameraStream and LatestFrameDecoder on real video files read through cv2.VideoCapture."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from kiosk.adapters.camera import (
    CameraState,
    CameraStatus,
    CameraStream,
    LatestFrameDecoder,
    list_cameras,
    parse_source,
)
from kiosk.adapters.decoding import Decoded, PipelineDecoder
from tests.helpers.video import scene_frame, write_qr_video, write_video


class Recorder:
    """Collects callbacks from the capture/decoder threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.frames: list[int] = []
        self.statuses: list[CameraStatus] = []
        self.codes: list[tuple[list[str], int, float]] = []

    def on_frame(self, frame: np.ndarray, index: int) -> None:
        with self.lock:
            self.frames.append(index)

    def on_status(self, status: CameraStatus) -> None:
        with self.lock:
            self.statuses.append(status)

    def on_codes(self, codes: list[Decoded], index: int, ms: float) -> None:
        with self.lock:
            self.codes.append(([c.text for c in codes], index, ms))

    def states(self) -> list[CameraState]:
        with self.lock:
            return [s.state for s in self.statuses]


def wait_for(cond: Callable[[], bool], timeout: float = 5.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.01)
    return cond()


STOP_BOUND_S = 30.0  # a bound for a broken stop, far below the backoffs below, not a measure


def stop_quickly(stream: CameraStream) -> None:
    """stop() ends the capture thread, whatever it was doing (waiting out a backoff, reading a file)."""
    stream.stop(timeout=STOP_BOUND_S)
    assert stream._thread is not None and not stream._thread.is_alive()


@pytest.fixture
def qr_video(tmp_path: Path) -> Path:
    return write_qr_video(tmp_path / "door.avi", "PLUS20-0042", appear_at=10, frames=30, fps=60)


# --------------------------------------------------------------------------- sources

def test_parse_source() -> None:
    assert parse_source("0") == 0
    assert parse_source(" 2 ") == 2
    assert parse_source(1) == 1
    assert parse_source("rtsp://user:pw@10.0.0.5:8554/cam") == "rtsp://user:pw@10.0.0.5:8554/cam"
    assert parse_source("http://phone.local:8080/video") == "http://phone.local:8080/video"
    assert parse_source("/tmp/door.avi") == "/tmp/door.avi"
    assert str(parse_source("~/door.avi")).endswith("door.avi")
    with pytest.raises(ValueError):
        parse_source("  ")
    with pytest.raises(ValueError):
        parse_source(-1)


@pytest.mark.timeout(60)
def test_list_cameras_returns_indexes() -> None:
    cams = list_cameras()
    assert all(isinstance(i, int) for i in cams)


# --------------------------------------------------------------------------- streaming files

def test_file_frames_are_delivered_in_order(qr_video: Path) -> None:
    rec = Recorder()
    stream = CameraStream(str(qr_video), rec.on_frame, rec.on_status, fps_limit=120)
    stream.start()
    try:
        assert wait_for(lambda: len(rec.frames) >= 20)
        assert rec.states()[:2] == [CameraState.STARTING, CameraState.LIVE]
        latest = stream.latest()
        assert latest is not None and latest[0].shape == (480, 640, 3)
    finally:
        stop_quickly(stream)
    # In order, each once. A thread that fell behind (a loaded machine) reads the file's overdue frames back
    # to back, faster than fps_limit: those are skipped, like a camera would, so gaps are allowed.
    assert rec.frames[0] == 0 and rec.frames == sorted(set(rec.frames))
    assert rec.states()[-1] is CameraState.STOPPED
    assert rec.states().count(CameraState.STOPPED) == 1
    stream.stop()  # idempotent
    assert rec.states().count(CameraState.STOPPED) == 1


def test_file_plays_in_real_time(tmp_path: Path) -> None:
    path = write_video(tmp_path / "slow.avi", [scene_frame(i) for i in range(20)], fps=20)
    rec = Recorder()
    stream = CameraStream(str(path), rec.on_frame, rec.on_status)
    stream.start()
    assert wait_for(lambda: len(rec.frames) >= 1, timeout=30)
    time.sleep(0.25)  # a window to watch, not a barrier: read as fast as possible, all 20 would be in it
    stop_quickly(stream)
    assert 1 <= len(rec.frames) < 20  # a slower machine only plays fewer


def test_fps_limit_skips_frames_like_a_camera(tmp_path: Path) -> None:
    path = write_video(tmp_path / "fast.avi", [scene_frame(i) for i in range(60)], fps=60)
    rec = Recorder()
    stream = CameraStream(str(path), rec.on_frame, rec.on_status, fps_limit=15, reconnect_delay=5)
    stream.start()
    assert wait_for(lambda: CameraState.ENDED in rec.states(), 3.0)
    stop_quickly(stream)
    assert 6 <= len(rec.frames) <= 20  # 1 s of video at 15 fps
    assert rec.frames[-1] >= 50  # indexes are file positions: skipped frames still count
    assert all(b > a for a, b in zip(rec.frames, rec.frames[1:], strict=False))


def test_qr_found_at_or_after_the_frame_it_appears(qr_video: Path) -> None:
    rec = Recorder()
    decoder = LatestFrameDecoder(PipelineDecoder(), rec.on_codes)
    decoder.start()
    stream = CameraStream(str(qr_video), lambda f, i: decoder.offer(f, i), rec.on_status, fps_limit=120)
    stream.start()
    try:
        assert wait_for(lambda: bool(rec.codes))
    finally:
        stop_quickly(stream)
        decoder.stop()
    texts, index, ms = rec.codes[0]
    assert texts == ["PLUS20-0042"]
    assert index >= 10
    assert ms > 0
    assert decoder.decoded >= 1 and decoder.offered >= decoder.decoded


def test_file_end_reports_ended_then_reopens(qr_video: Path) -> None:
    rec = Recorder()
    stream = CameraStream(str(qr_video), rec.on_frame, rec.on_status, fps_limit=240, reconnect_delay=0.05)
    stream.start()
    try:
        assert wait_for(lambda: rec.states().count(CameraState.LIVE) >= 2)
    finally:
        stop_quickly(stream)
    states = rec.states()
    ended = states.index(CameraState.ENDED)
    assert states[ended + 1] is CameraState.RECONNECTING
    assert states[ended + 2] is CameraState.LIVE
    assert max(rec.frames) >= 30  # the second pass keeps counting
    assert rec.frames == sorted(rec.frames)


def test_loop_file_never_ends(qr_video: Path) -> None:
    rec = Recorder()
    stream = CameraStream(str(qr_video), rec.on_frame, rec.on_status, fps_limit=240, loop_file=True)
    stream.start()
    try:
        assert wait_for(lambda: len(rec.frames) >= 70)
    finally:
        stop_quickly(stream)
    assert CameraState.ENDED not in rec.states()
    # Counting on past the file's 30 frames, in order, each once (overdue frames on a loaded machine are
    # skipped like a camera's, so the count may jump, never go back).
    assert rec.frames[0] == 0 and rec.frames == sorted(set(rec.frames)) and rec.frames[-1] >= 69


def test_missing_file_is_lost_then_retried_without_raising(tmp_path: Path) -> None:
    rec = Recorder()
    missing = tmp_path / "unplugged.avi"
    stream = CameraStream(str(missing), rec.on_frame, rec.on_status, reconnect_delay=0.05, max_backoff=0.1)
    stream.start()
    try:
        assert wait_for(lambda: rec.states().count(CameraState.RECONNECTING) >= 2)
        lost = [s for s in rec.statuses if s.state is CameraState.LOST]
        assert "not found" in lost[0].message and "unplugged.avi" in lost[0].message
        assert stream.status.state in (CameraState.LOST, CameraState.RECONNECTING)
        # the camera comes back: the next attempt picks it up
        write_video(missing, [scene_frame(i) for i in range(5)], fps=30)
        assert wait_for(lambda: bool(rec.frames), 3.0)
    finally:
        stop_quickly(stream)
    attempts = [s.attempt for s in rec.statuses if s.state is CameraState.RECONNECTING]
    assert attempts[:2] == [1, 2]
    assert rec.states()[-1] is CameraState.STOPPED


def test_unreadable_file_is_lost(tmp_path: Path) -> None:
    bad = tmp_path / "bad.avi"
    bad.write_bytes(b"not a video at all" * 100)
    rec = Recorder()
    stream = CameraStream(str(bad), rec.on_frame, rec.on_status, reconnect_delay=0.05)
    stream.start()
    try:
        assert wait_for(lambda: CameraState.LOST in rec.states())
    finally:
        stop_quickly(stream)
    assert rec.frames == []


def test_unavailable_device_is_lost() -> None:
    rec = Recorder()
    stream = CameraStream("9", rec.on_frame, rec.on_status, reconnect_delay=0.05)
    stream.start()
    try:
        assert wait_for(lambda: CameraState.LOST in rec.states())
    finally:
        stop_quickly(stream)
    lost = next(s for s in rec.statuses if s.state is CameraState.LOST)
    assert "camera 9" in lost.message


def test_stop_interrupts_a_long_backoff(tmp_path: Path) -> None:
    rec = Recorder()
    stream = CameraStream(str(tmp_path / "none.avi"), rec.on_frame, rec.on_status, reconnect_delay=3600)
    stream.start()
    assert wait_for(lambda: CameraState.LOST in rec.states())
    stop_quickly(stream)


def test_callbacks_that_raise_do_not_kill_the_thread(qr_video: Path) -> None:
    calls: list[int] = []

    def bad_frame(frame: np.ndarray, index: int) -> None:
        calls.append(index)
        raise RuntimeError("UI bug")

    def bad_status(status: CameraStatus) -> None:
        raise RuntimeError("UI bug")

    stream = CameraStream(str(qr_video), bad_frame, bad_status, fps_limit=240)
    stream.start()
    try:
        assert wait_for(lambda: len(calls) >= 10)
    finally:
        stop_quickly(stream)


# --------------------------------------------------------------------------- latest-frame decoding

class SlowDecoder:
    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.seen: list[int] = []
        self.decoding = threading.Event()  # set as a decode starts

    def decode(self, frame: np.ndarray) -> list[Decoded]:
        self.decoding.set()
        time.sleep(self.delay)
        self.seen.append(int(frame[0, 0, 0]))
        return [Decoded(f"F{int(frame[0, 0, 0])}", "QRCode", "zxing")]


def test_stale_frames_are_dropped_not_queued() -> None:
    rec = Recorder()
    slow = SlowDecoder(0.05)
    worker = LatestFrameDecoder(slow, rec.on_codes)
    worker.start()
    try:
        for i in range(40):  # a 200 fps camera against a 20 fps decoder
            worker.offer(np.full((8, 8, 3), i, np.uint8), i)
            time.sleep(0.005)
        assert wait_for(lambda: worker.decoded >= 2 and 39 in slow.seen, 3.0)
    finally:
        worker.stop()
    assert worker.offered == 40
    assert worker.dropped > 20
    assert worker.decoded + worker.dropped == worker.offered  # every frame decoded or dropped
    assert slow.seen[-1] == 39  # the newest frame was decoded, not an old one
    assert rec.codes[-1][:2] == (["F39"], 39)
    assert all(ms >= 45 for _, _, ms in rec.codes)


def test_empty_results_reported_only_on_request() -> None:
    class Nothing:
        def decode(self, frame: np.ndarray) -> list[Decoded]:
            return []

    quiet, chatty = Recorder(), Recorder()
    w1 = LatestFrameDecoder(Nothing(), quiet.on_codes)
    w2 = LatestFrameDecoder(Nothing(), chatty.on_codes, report_empty=True)
    for w in (w1, w2):
        w.start()
        w.offer(np.zeros((8, 8, 3), np.uint8), 0)
    assert wait_for(lambda: w1.decoded == 1 and w2.decoded == 1)
    w1.stop()
    w2.stop()
    assert quiet.codes == []
    assert chatty.codes[0][:2] == ([], 0)


def test_decoder_and_callback_errors_are_contained() -> None:
    class Crashing:
        def decode(self, frame: np.ndarray) -> list[Decoded]:
            raise MemoryError("decoder bug")

    def bad_callback(codes: list[Decoded], index: int, ms: float) -> None:
        raise RuntimeError("UI bug")

    w1 = LatestFrameDecoder(Crashing(), bad_callback, report_empty=True)
    w2 = LatestFrameDecoder(SlowDecoder(0), bad_callback)
    for w in (w1, w2):
        w.start()
        for i in range(3):
            w.offer(np.zeros((8, 8, 3), np.uint8), i)
            time.sleep(0.02)
    assert wait_for(lambda: w1.decoded == 3 and w2.decoded == 3)
    for w in (w1, w2):
        assert w._thread is not None and w._thread.is_alive()
        w.stop()


def test_frames_offered_after_stop_are_ignored() -> None:
    rec = Recorder()
    worker = LatestFrameDecoder(SlowDecoder(0), rec.on_codes)
    worker.offer(np.full((8, 8, 3), 7, np.uint8), 7)  # before start: waits in the slot
    worker.start()
    assert wait_for(lambda: worker.decoded == 1)
    worker.stop()
    worker.offer(np.zeros((8, 8, 3), np.uint8), 8)
    assert worker.offered == 1
    assert rec.codes[0][:2] == (["F7"], 7)


def test_stop_joins_even_mid_decode() -> None:
    slow = SlowDecoder(0.3)
    worker = LatestFrameDecoder(slow, lambda c, i, m: None)
    worker.start()
    worker.offer(np.zeros((8, 8, 3), np.uint8), 0)
    assert slow.decoding.wait(30)  # the worker is inside a decode
    worker.stop(timeout=STOP_BOUND_S)
    assert worker._thread is not None and not worker._thread.is_alive()
