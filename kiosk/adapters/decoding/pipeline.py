"""``PipelineDecoder``: zxing-cpp QR on every frame, the other readers taking turns (package docstring)."""

from __future__ import annotations

import math
import time
from typing import Any

import cv2
import numpy as np

from kiosk.adapters.decoding.bars import _bar_regions, _deskew, _distinct, _orientation
from kiosk.adapters.decoding.failures import _failures
from kiosk.adapters.decoding.images import _crop_around, gray_or_none
from kiosk.adapters.decoding.model import Decoded, Gray, _dedupe
from kiosk.adapters.decoding.zbar import _ZbarReader, load_zbar
from kiosk.adapters.decoding.zxing import _ZxingReader

_ZBAR_ROWS = 40  # rows of a deskewed strip handed to zbar (bars are vertical by then)
_BARS_COHERENCE = 0.6  # structure-tensor coherence above which a region is parallel bars
SLOTS = ("1d", "bars", "2d")
DEFAULT_SCHEDULE = ("1d", "bars", "1d", "2d")


class PipelineDecoder:
    """zxing-cpp QR on every frame; the other readers take turns, one per frame (package docstring).

    Live use, ``decode(frame)``: a ticket stays in view for many frames, so after the QR pass each
    call runs the next slot of ``schedule``: "1d" (horizontal barcodes), "bars" (tilted/vertical
    barcodes, then pyzbar), "2d" (DataMatrix, Aztec, PDF417, inverted codes). The default cycle
    of 4 calls reads any of them within 133 ms at 30 fps while an empty frame costs QR + one slot.
    A symbol zxing-cpp saw but could not read is retried at once (crop, inversion, pyzbar), within
    ``budget_ms``. ``decode(frame, thorough=True)`` runs every slot plus full-frame passes
    (rotations, inversion, downscaling, pyzbar on the whole image): the call for a still image.
    Not thread-safe (the schedule is per instance): one decoder per decoding thread.
    """

    def __init__(self, use_zbar: bool = True, schedule: tuple[str, ...] = DEFAULT_SCHEDULE,
                 budget_ms: float = 4.0) -> None:
        if not schedule or any(slot not in SLOTS for slot in schedule):
            raise ValueError(f"schedule must be a non-empty sequence of {SLOTS}")
        self._zx = _ZxingReader()
        module = load_zbar() if use_zbar else None
        self._zb = _ZbarReader(module) if module is not None else None
        self.schedule = tuple(schedule)
        self.budget_ms = budget_ms  # live calls start no optional step past this
        self._calls = 0
        self.last_stage = ""  # which stage read the last result (diagnostics, benchmark)
        self.last_ms = 0.0

    @property
    def name(self) -> str:
        return "pipeline(zxing+zbar)" if self._zb is not None else "pipeline(zxing)"

    @property
    def zbar_available(self) -> bool:
        return self._zb is not None

    def decode(self, frame: np.ndarray, *, thorough: bool = False) -> list[Decoded]:
        """Codes in ``frame`` (BGR, BGRA or gray), deduplicated by text; never raises."""
        start = time.perf_counter()
        try:
            deadline = math.inf if thorough else start + self.budget_ms / 1000.0
            stage, found = self._decode(frame, thorough, deadline)
        except Exception as exc:  # a bug here must not kill the camera thread
            _failures.report("pipeline", exc)
            stage, found = "", []
        self.last_stage = stage
        self.last_ms = (time.perf_counter() - start) * 1000.0
        return _dedupe(found)

    def _decode(  # noqa: C901 (one pass of the pipeline per frame, kept in one place: see the docstring)
        self, frame: np.ndarray, thorough: bool, deadline: float
    ) -> tuple[str, list[Decoded]]:
        gray = gray_or_none(frame, "pipeline")
        if gray is None:
            return "", []
        zx = self._zx
        qr_errors: list[Any] = []
        found = zx.read(gray, zx.formats_qr, stage="zxing/qr", downscale=False, errors=qr_errors)
        if found:
            return "zxing/qr", found
        if thorough:
            slots: tuple[str, ...] = SLOTS
        else:
            slots = (self.schedule[self._calls % len(self.schedule)],)
            self._calls += 1
        for slot in slots:
            if slot == "1d":
                step = max(1, gray.shape[0] // 240)  # every 3rd row at 720p: bars are tall
                rows = np.ascontiguousarray(gray[::step]) if step > 1 else gray
                found = zx.read(rows, zx.formats_1d, stage="zxing/1d")
                if found:
                    return "zxing/1d", found
            elif slot == "bars":
                stage, found = self._read_bars(gray, deadline)
                if found:
                    return stage, found
            else:
                found = zx.read(gray, zx.formats_extra, stage="zxing/2d", errors=qr_errors)
                if not found:
                    found = zx.read(cv2.bitwise_not(gray), zx.formats_inverted, stage="zxing/2d-inverted")
                if found:
                    return "zxing/2d", found

        for err in qr_errors[:2]:  # zxing-cpp saw a symbol there but could not read it
            if time.perf_counter() > deadline:
                break
            crop = _crop_around(gray, getattr(err, "position", None))
            if crop is None:
                continue
            found = zx.read(crop, zx.formats_2d, stage="zxing/retry", invert=True)
            if found:
                return "zxing/retry", found
            if self._zb is not None and time.perf_counter() < deadline:
                found = self._zb.read(crop, stage="zbar/retry", symbols=self._zb.qr)
                if found:
                    return "zbar/retry", found

        if thorough:
            found = zx.read(gray, zx.formats_2d, stage="zxing/full", invert=True)
            found += zx.read(gray, zx.formats_1d, stage="zxing/full", rotate=True, invert=True)
            if found:
                return "zxing/full", found
            if self._zb is not None:
                found = self._zb.read(gray, stage="zbar/full")
                if found:
                    return "zbar/full", found
        return "", []

    def _read_bars(self, gray: Gray, deadline: float) -> tuple[str, list[Decoded]]:
        """Regions of parallel bars at any angle: deskewed, then zxing-cpp, then pyzbar."""
        regions = _distinct(_bar_regions(gray, vertical=False) + _bar_regions(gray, vertical=True))
        if len(regions) > 1:  # when the budget cuts the loop short, start elsewhere next time
            turn = (self._calls // len(self.schedule)) % len(regions)
            regions = regions[turn:] + regions[:turn]
        for n, (x0, y0, x1, y1) in enumerate(regions[:3]):
            if n and time.perf_counter() > deadline:  # the first region is always read through
                break
            crop = gray[y0:y1, x0:x1]
            angle, coherence = _orientation(crop)
            if coherence < _BARS_COHERENCE:  # a module grid or text: the "2d" slot's business
                continue
            straight = _deskew(crop, angle)
            found = self._zx.read(straight, self._zx.formats_bars, stage="zxing/bars", downscale=False)
            if found:
                return "zxing/bars", found
            if self._zb is not None:
                step = max(1, -(-straight.shape[0] // _ZBAR_ROWS))
                rows = np.ascontiguousarray(straight[::step]) if step > 1 else straight
                found = self._zb.read(rows, stage="zbar/bars", symbols=self._zb.linear)
                if found:
                    return "zbar/bars", found
        return "", []
