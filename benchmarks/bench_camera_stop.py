"""Camera stop benchmark: how soon the capture and decode threads end when the window stops them.

Usage: .venv/bin/python benchmarks/bench_camera_stop.py [--runs 20]

The tests check that ``stop()`` ends the threads whatever they were doing; how soon is measured here
(the window calls it on quit and on a camera switch, so a slow stop is a frozen window):
1. a CameraStream playing a video file (tests/helpers/video.py), stopped mid-play;
2. a CameraStream waiting out a 30 s reconnect backoff (a camera that went away), stopped in the wait;
3. a LatestFrameDecoder stopped in the middle of a 0.3 s decode (it finishes that decode first).
Each: ``--runs`` times, the p95 of the time until ``stop()`` returned with the thread ended.
Targets: 1 and 2 under 1.2 s, 3 under 1.0 s. Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kiosk.adapters.camera import CameraState, CameraStream, LatestFrameDecoder  # noqa: E402
from kiosk.adapters.decoding import Decoded  # noqa: E402
from tests.helpers.video import scene_frame, write_video  # noqa: E402

DECODE_S = 0.3


class _SlowDecoder:
    """Takes DECODE_S per frame; ``decoding`` is set as a decode starts."""

    def __init__(self) -> None:
        self.decoding = threading.Event()

    def decode(self, _frame: np.ndarray) -> list[Decoded]:
        self.decoding.set()
        time.sleep(DECODE_S)
        return []


def _wait(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError("the thread never got to the state to stop it in")
        time.sleep(0.01)


def _timed_stop(stop: Callable[[], None], thread: threading.Thread | None) -> float:
    started = time.perf_counter()
    stop()
    taken = time.perf_counter() - started
    if thread is None or thread.is_alive():
        return float("inf")  # stop() returned with the thread still running: a miss whatever the time
    return taken


def playing(video: Path) -> float:
    frames: list[int] = []
    stream = CameraStream(str(video), lambda _frame, index: frames.append(index), lambda _status: None,
                          loop_file=True)
    stream.start()
    _wait(lambda: len(frames) >= 3)
    return _timed_stop(lambda: stream.stop(timeout=30), stream._thread)


def in_backoff(folder: Path) -> float:
    lost = threading.Event()
    stream = CameraStream(str(folder / "none.avi"), lambda _frame, _index: None,
                          lambda status: lost.set() if status.state is CameraState.LOST else None, reconnect_delay=30)
    stream.start()
    _wait(lost.is_set)
    return _timed_stop(lambda: stream.stop(timeout=30), stream._thread)


def mid_decode() -> float:
    slow = _SlowDecoder()
    worker = LatestFrameDecoder(slow, lambda _codes, _index, _ms: None)
    worker.start()
    worker.offer(np.zeros((8, 8, 3), np.uint8), 0)
    _wait(slow.decoding.is_set)
    return _timed_stop(lambda: worker.stop(timeout=30), worker._thread)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args(argv)
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; {args.runs} runs each")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        video = write_video(folder / "door.avi", [scene_frame(i) for i in range(60)], fps=30)
        rows = [("stream stopped while playing a file", [playing(video) for _ in range(args.runs)], 1.2),
                ("stream stopped in a 30 s reconnect backoff", [in_backoff(folder) for _ in range(args.runs)], 1.2),
                (f"decoder stopped mid-decode ({DECODE_S} s decode)", [mid_decode() for _ in range(args.runs)], 1.0)]
    missed = False
    for what, times, target in rows:
        value = p95(times)
        ok = value < target
        missed |= not ok
        print(f"{what:<48} p95 {value * 1000:>7.0f} ms  target < {target * 1000:.0f} ms  {'ok' if ok else 'MISSED'}")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
