"""Window benchmarks: frame-to-verdict latency and CPU at a 30 fps camera preview.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui.py [--trials 40] [--seconds 10]

1. Latency: a frame holding a new ticket code is offered to the decoder (what CameraStream does);
   the clock stops when the verdict panel has painted that guest's verdict. Everything real in
   between: LatestFrameDecoder thread, Qt signal to the UI thread, presenter, SQLite, widgets.
   Target: p95 < 50 ms.
2. CPU: the whole app (window shown, CameraStream playing a 640x480 video file at 30 fps in a loop,
   live decoding, preview painting) for N seconds; process CPU time / wall time.
   Target: < 50 % of one core.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import cv2
import numpy as np
import qrcode
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from kiosk.settings import Settings
from kiosk.ui.app import application, build_window, open_kiosk
from kiosk.ui.camera_worker import CameraWorker

SIZE = (640, 480)


def qr_frame(text: str | None) -> np.ndarray:
    """A grey webcam-sized frame, with a phone-sized QR code when ``text`` is given."""
    width, height = SIZE
    frame = np.full((height, width, 3), 96, np.uint8)
    cv2.putText(frame, "kiosk bench", (20, 40), cv2.FONT_HERSHEY_SIMPLEX, 1.0, (200, 200, 200), 2)
    if text:
        qr = np.array(qrcode.make(text, border=2).convert("L").resize((200, 200)))
        top, left = (height - 200) // 2, (width - 200) // 2
        frame[top:top + 200, left:left + 200] = qr[:, :, None]
    return frame


class PaintProbe(QObject):
    """Records when the verdict panel has painted."""

    def __init__(self) -> None:
        super().__init__()
        self.painted_at = 0.0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted_at = time.monotonic()
        return False


def bench_latency(trials: int) -> list[float]:
    app = application()
    data_dir = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
    kiosk = open_kiosk(data_dir, "bench", "fr")
    window = build_window(kiosk, data_dir, Settings(camera="", sounds=False), camera="")
    window.show()
    app.processEvents()
    worker = CameraWorker("unused", "auto", parent=window)
    from kiosk.adapters.camera import LatestFrameDecoder
    from kiosk.adapters.decoding import make_decoder

    decoder = LatestFrameDecoder(make_decoder("auto"), worker._on_codes)
    decoder.start()
    worker.attach_decoder(decoder)
    worker.frameReady.connect(window.cameras.on_frame)
    worker.codesDecoded.connect(window.cameras.on_codes)
    probe = PaintProbe()
    panel = window.checkin_page.panel
    panel.installEventFilter(probe)

    blank = qr_frame(None)
    frames = [qr_frame(f"PLUS20-{i + 1:04d}") for i in range(trials)]
    latencies: list[float] = []
    index = 0
    for trial, frame in enumerate(frames):
        window.presenter.back_to_ready()
        for _ in range(3):  # a few empty frames first, as a camera would send
            worker._on_frame(blank, index)
            index += 1
            deadline = time.monotonic() + 0.034
            while time.monotonic() < deadline:
                app.processEvents()
        name = kiosk.find(f"PLUS20-{trial + 1:04d}").full_name
        offered = time.monotonic()
        # the camera thread offers the frame; the UI thread keeps running its loop meanwhile
        threading.Thread(target=worker._on_frame, args=(frame, index)).start()
        index += 1
        deadline = offered + 2.0
        while time.monotonic() < deadline:
            app.processEvents()
            if panel.name.text() == name and probe.painted_at > offered:
                latencies.append((probe.painted_at - offered) * 1000)
                break
        else:
            print(f"trial {trial}: no verdict within 2 s", file=sys.stderr)
    worker.close()
    window.shutdown()
    window.close()
    kiosk.close()
    return latencies


def write_video(path: Path, seconds: float = 4.0, fps: int = 30) -> None:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, SIZE)
    count = int(seconds * fps)
    for i in range(count):
        # a guest shows a code for one second in every four
        frame = qr_frame("PLUS20-0100" if i >= count * 3 // 4 else None)
        cv2.putText(frame, f"{i:04d}", (500, 460), cv2.FONT_HERSHEY_SIMPLEX, 0.8, (230, 230, 230), 2)
        writer.write(frame)
    writer.release()


def bench_cpu(seconds: float) -> tuple[float, float, int]:
    app = application()
    data_dir = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
    video = data_dir / "camera.avi"
    write_video(video)
    kiosk = open_kiosk(data_dir, "bench", "fr")
    window = build_window(kiosk, data_dir, Settings(camera=str(video), sounds=False), camera=str(video),
                          loop_camera_file=True)
    window.show()
    window.start_camera()
    view = window.checkin_page.camera_view
    app.processEvents()
    warm = time.monotonic() + 1.0
    while time.monotonic() < warm:
        app.processEvents()
    cpu0, wall0, frames0 = time.process_time(), time.monotonic(), view.frames_shown
    offered0 = window.camera._decoder.offered if window.camera and window.camera._decoder else 0
    end = wall0 + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.002)  # the real event loop sleeps in select(); this loop must not spin
    cpu, wall = time.process_time() - cpu0, time.monotonic() - wall0
    painted = view.frames_shown - frames0
    offered = (window.camera._decoder.offered if window.camera and window.camera._decoder else 0) - offered0
    window.shutdown()
    window.close()
    kiosk.close()
    print(f"  frames decoded/offered: {offered / wall:.1f} fps, preview painted: {painted / wall:.1f} fps")
    return cpu / wall * 100, wall, painted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=40)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    app = application()
    assert isinstance(app, QApplication)

    missed = False
    latencies = bench_latency(args.trials)
    if latencies:
        ordered = sorted(latencies)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        print(f"frame-to-verdict-on-screen latency over {len(latencies)} codes: "
              f"median {statistics.median(latencies):.1f} ms, p95 {p95:.1f} ms, max {max(latencies):.1f} ms "
              f"(target p95 < 50 ms: {'OK' if p95 < 50 else 'MISSED'})")
        missed |= p95 >= 50
    print(f"CPU of the whole app at 30 fps preview for {args.seconds:.0f} s (cores: {os.cpu_count()}):")
    percent, _wall, _painted = bench_cpu(args.seconds)
    print(f"  CPU {percent:.1f} % of one core (target < 50 %: {'OK' if percent < 50 else 'MISSED'})")
    return 1 if missed or percent >= 50 else 0  # make bench names this file when a target is missed


if __name__ == "__main__":
    raise SystemExit(main())
