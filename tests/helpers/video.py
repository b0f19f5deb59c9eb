"""Real video files standing in for a camera: a QR code shows up from a known frame on.

``cv2.VideoCapture(path)`` reads these back frame by frame, so the camera code under test runs
exactly as with a webcam. MJPG ``.avi`` is written by default (H.264 cannot be written here);
``.mp4`` (mp4v) and ``.mkv`` (VP80) work too.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import qrcode
import zxingcpp

__all__ = ["barcode_image", "qr_image", "scene_frame", "write_qr_video", "write_video"]

_FOURCC = {".avi": "MJPG", ".mp4": "mp4v", ".mkv": "VP80"}


def qr_image(payload: str | bytes, size: int | tuple[int, int] = 240, *, border: int = 4) -> np.ndarray:
    """A BGR uint8 image of a QR code with its quiet zone.

    ``size`` is the side in pixels (the code is scaled with nearest-neighbour so modules stay
    sharp), or ``(width, height)``: the square code centred on a white canvas of that size.
    """
    qr = qrcode.QRCode(border=border, box_size=1, error_correction=qrcode.constants.ERROR_CORRECT_M)
    qr.add_data(payload)
    qr.make(fit=True)
    modules = np.array(qr.make_image().convert("L"), dtype=np.uint8)
    if isinstance(size, int):
        width = height = size
    else:
        width, height = size
    side = min(width, height)
    if side < modules.shape[0]:
        raise ValueError(f"{side} px is too small for a {modules.shape[0]}-module QR code")
    code = cv2.resize(modules, (side, side), interpolation=cv2.INTER_NEAREST)
    canvas = np.full((height, width), 255, np.uint8)
    y, x = (height - side) // 2, (width - side) // 2
    canvas[y:y + side, x:x + side] = code
    return cv2.cvtColor(canvas, cv2.COLOR_GRAY2BGR)


def barcode_image(payload: str, fmt: str = "Code128", width: int = 480, height: int = 120) -> np.ndarray:
    """A BGR uint8 image of a barcode zxing-cpp can write (Code128, EAN13, DataMatrix...), quiet
    zones included. A 1D code is stretched to ``height``; modules stay whole pixels."""
    barcode = zxingcpp.create_barcode(payload, zxingcpp.barcode_format_from_str(fmt))
    modules = np.array(barcode.to_image(scale=1, add_quiet_zones=True), dtype=np.uint8)
    rows, cols = modules.shape
    if (modules == modules[:1]).all():  # 1D: every row is the same
        scale = max(1, width // cols)
        img = cv2.resize(modules[:1], (cols * scale, height), interpolation=cv2.INTER_NEAREST)
    else:
        scale = max(1, min(width // cols, height // rows))
        img = cv2.resize(modules, (cols * scale, rows * scale), interpolation=cv2.INTER_NEAREST)
    out: np.ndarray = cv2.cvtColor(img, cv2.COLOR_GRAY2BGR)
    return out


def scene_frame(index: int, size: tuple[int, int] = (640, 480)) -> np.ndarray:
    """A plain, slowly changing background frame (gradient + a moving block), no code in it."""
    width, height = size
    x = np.linspace(0, 1, width, dtype=np.float32)[None, :]
    y = np.linspace(0, 1, height, dtype=np.float32)[:, None]
    base = 90 + 60 * x + 40 * y
    frame = np.dstack([base, base * 0.95, base * 1.05]).clip(0, 255).astype(np.uint8)
    bx = (index * 7) % max(1, width - 60)
    cv2.rectangle(frame, (bx, height - 80), (bx + 50, height - 30), (60, 110, 160), -1)
    return frame


def write_video(path: str | Path, frames: list[np.ndarray], fps: float = 30) -> Path:
    """Write BGR frames (all the same size) to ``path``; the codec follows the suffix."""
    path = Path(path)
    if not frames:
        raise ValueError("no frames")
    height, width = frames[0].shape[:2]
    fourcc = cv2.VideoWriter.fourcc(*_FOURCC.get(path.suffix.lower(), "MJPG"))
    writer = cv2.VideoWriter(str(path), fourcc, float(fps), (width, height))
    if not writer.isOpened():
        raise RuntimeError(f"cv2.VideoWriter cannot write {path}")
    try:
        for frame in frames:
            writer.write(frame)
    finally:
        writer.release()
    return path


def write_qr_video(path: str | Path, payload: str, appear_at: int = 10, frames: int = 60,
                   size: tuple[int, int] = (640, 480), fps: float = 30) -> Path:
    """A video whose frames ``appear_at``.. show ``payload`` as a QR code (about half the frame
    height, centred, on a white card) over a plain moving background; earlier frames have no code."""
    width, height = size
    side = max(64, int(min(width, height) * 0.5))
    code = qr_image(payload, side)
    y0, x0 = (height - side) // 2, (width - side) // 2
    out: list[np.ndarray] = []
    for index in range(frames):
        frame = scene_frame(index, size)
        if index >= appear_at:
            frame[y0:y0 + side, x0:x0 + side] = code
        out.append(frame)
    return write_video(path, out, fps)
