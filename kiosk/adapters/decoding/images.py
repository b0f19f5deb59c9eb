"""Frames in, gray images out: ``to_gray`` for any frame, ``_crop_around`` for a symbol zxing-cpp saw."""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from kiosk.adapters.decoding.failures import _failures
from kiosk.adapters.decoding.model import Gray


def to_gray(frame: np.ndarray) -> Gray:
    """A contiguous uint8 gray image from a gray, BGR or BGRA frame (other dtypes are scaled)."""
    arr = np.asarray(frame)
    if arr.dtype != np.uint8:
        if arr.dtype == np.bool_:
            arr = arr.astype(np.uint8) * 255
        elif np.issubdtype(arr.dtype, np.floating) and arr.size and float(np.nanmax(arr)) <= 1.0:
            arr = np.clip(np.nan_to_num(arr) * 255.0, 0, 255).astype(np.uint8)
        else:
            arr = np.clip(np.nan_to_num(arr), 0, 255).astype(np.uint8)
    if arr.ndim == 3 and arr.shape[2] == 1:
        arr = arr[:, :, 0]
    if arr.ndim == 3:
        code = {3: cv2.COLOR_BGR2GRAY, 4: cv2.COLOR_BGRA2GRAY}.get(arr.shape[2])
        if code is None:
            raise ValueError(f"unsupported frame shape {arr.shape}")
        arr = cv2.cvtColor(np.ascontiguousarray(arr), code)
    if arr.ndim != 2 or arr.shape[0] < 8 or arr.shape[1] < 8:
        raise ValueError(f"unsupported frame shape {arr.shape}")
    return np.ascontiguousarray(arr)


def _crop_around(gray: Gray, position: Any, margin: float = 0.25) -> Gray | None:
    """The region around a zxing ``Position`` (4 corners), with a margin, or None if degenerate."""
    try:
        pts = [(p.x, p.y) for p in (position.top_left, position.top_right,
                                    position.bottom_right, position.bottom_left)]
    except Exception:
        return None
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    size = max(max(xs) - min(xs), max(ys) - min(ys), 8)
    pad = int(size * margin) + 8
    h, w = gray.shape
    x0, x1 = max(0, int(min(xs)) - pad), min(w, int(max(xs)) + pad)
    y0, y1 = max(0, int(min(ys)) - pad), min(h, int(max(ys)) + pad)
    if x1 - x0 < 16 or y1 - y0 < 16:
        return None
    crop = gray[y0:y1, x0:x1]
    if max(crop.shape) < 200:  # zbar likes a few pixels per module
        crop = cv2.resize(crop, None, fx=2.0, fy=2.0, interpolation=cv2.INTER_CUBIC)
    return np.ascontiguousarray(crop)


def gray_or_none(frame: np.ndarray, stage: str) -> Gray | None:
    """``to_gray`` for the decoders: an odd frame is reported (throttled) and skipped, never raised."""
    try:
        return to_gray(frame)
    except Exception as exc:
        _failures.report(stage + "/gray", exc)
        return None
