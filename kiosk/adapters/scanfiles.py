"""Run the camera's decoding pipeline on image and video files (``kiosk scan FILE...``).

Images are read with ``cv2.imread`` (PNG, JPEG, BMP, TIFF, WebP...), videos with
``cv2.VideoCapture``: frames are decoded in order and the scan stops at the first frame holding a
code. A still image gets the pipeline's thorough mode when the decoder has one (there is no next
frame to wait for); video frames get the live mode, exactly as the camera would feed them.
"""

from __future__ import annotations

import inspect
import logging
import time
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from kiosk.adapters.decoding import Decoded, Decoder

log = logging.getLogger(__name__)

__all__ = ["IMAGE_SUFFIXES", "scan_file"]

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp", ".pgm", ".ppm", ".pbm",
                            ".jp2", ".gif"})
MAX_VIDEO_FRAMES = 100_000  # a guard against endless streams passed as "files"


def _decode_still(decoder: Decoder, image: np.ndarray) -> list[Decoded]:
    decode: Any = decoder.decode
    try:
        thorough = "thorough" in inspect.signature(decode).parameters
    except (TypeError, ValueError):
        thorough = False
    return list(decode(image, thorough=True) if thorough else decode(image))


def _read_image(path: Path) -> np.ndarray | None:
    image = cv2.imread(str(path), cv2.IMREAD_COLOR)
    if image is None:  # cv2.imread cannot open non-ASCII paths on Windows: go through bytes
        try:
            data = np.frombuffer(path.read_bytes(), np.uint8)
            image = cv2.imdecode(data, cv2.IMREAD_COLOR) if data.size else None
        except OSError:
            image = None
    return image


def scan_file(path: Path, decoder: Decoder) -> dict[str, Any]:
    """``{"path", "codes": [text...], "ms": decode time total, "frame": index or None}``;
    plus ``"error": "cannot read file"`` (and empty codes) when the file is neither image nor video."""
    path = Path(path)
    result: dict[str, Any] = {"path": str(path), "codes": [], "ms": 0.0, "frame": None}
    if not path.is_file():
        result["error"] = "cannot read file"
        return result
    image = _read_image(path) if path.suffix.lower() in IMAGE_SUFFIXES else None
    if image is not None:
        start = time.perf_counter()
        codes = _decode_still(decoder, image)
        result["ms"] = round((time.perf_counter() - start) * 1000.0, 2)
        result["codes"] = [c.text for c in codes]
        return result

    cap = cv2.VideoCapture(str(path))
    try:
        ok, frame = cap.read() if cap.isOpened() else (False, None)
        if not ok or frame is None:
            image = _read_image(path)  # an image with an unusual suffix
            if image is None:
                result["error"] = "cannot read file"
                return result
            start = time.perf_counter()
            codes = _decode_still(decoder, image)
            result["ms"] = round((time.perf_counter() - start) * 1000.0, 2)
            result["codes"] = [c.text for c in codes]
            return result
        total = 0.0
        index = 0
        while ok and frame is not None and index < MAX_VIDEO_FRAMES:
            start = time.perf_counter()
            codes = decoder.decode(frame)
            total += time.perf_counter() - start
            if codes:
                result["codes"] = [c.text for c in codes]
                result["frame"] = index
                break
            ok, frame = cap.read()
            index += 1
        result["ms"] = round(total * 1000.0, 2)
        return result
    finally:
        cap.release()
