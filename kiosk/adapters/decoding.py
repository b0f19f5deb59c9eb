"""Decode QR codes and barcodes in camera frames: zxing-cpp first, pyzbar as a second opinion.

Measured on webcam-like frames (``benchmarks/bench_decoder.py``): zxing-cpp reads more codes than
pyzbar at a tenth of the cost, but with all its formats and options it costs ~10 ms per 720p frame,
and it misses 1D barcodes held at a tilt, which pyzbar or a deskewed crop recover. A camera gives
~30 frames/s, most of them without a code, and a ticket stays in view for many frames; so:

1. Every frame: zxing-cpp QR / Micro QR on the full-resolution gray frame (~0.7 ms at 720p).
2. Then one slot per frame, in turn (``DEFAULT_SCHEDULE`` = 1d, bars, 1d, 2d):
   "1d": zxing-cpp 1D formats on every 3rd row (bars are tall; horizontal codes);
   "bars": a cheap bar-texture check (dense alternating edges, both orientations, sub-sampled),
   each region of parallel bars deskewed by its structure tensor and read by zxing-cpp, then by
   pyzbar (which adds reads zxing-cpp misses on tilted, blurred barcodes);
   "2d": zxing-cpp DataMatrix, Aztec, PDF417, and inverted codes (dark-mode phone screens).
3. A symbol zxing-cpp detected but could not read is retried at once: cropped, enlarged, inverted,
   then pyzbar.
So an empty frame costs QR + one slot (< 2 ms at 720p) and any code is read within one cycle of
4 frames. ``decode(frame, thorough=True)`` runs everything plus full-frame passes: for still images.

Text policy: ``Decoded.text`` is always a ``str``. The symbol's raw bytes are used when they are
valid UTF-8; otherwise the decoder's own reading (zxing-cpp honours ECI charsets; zbar has already
transcoded); failing that, UTF-8 with U+FFFD replacement characters. Nothing is skipped except empty
texts, so an odd code still reaches the caller and can be answered "unknown ticket" instead of silence.

No decoder error ever escapes ``decode``: it is logged (throttled) and that stage yields nothing.
Without libzbar the pipeline runs on zxing-cpp alone and logs one warning.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Protocol, TypeAlias

import cv2
import numpy as np
import zxingcpp

Gray: TypeAlias = np.ndarray  # 2D, uint8, C-contiguous

log = logging.getLogger(__name__)

__all__ = [
    "Decoded",
    "Decoder",
    "PipelineDecoder",
    "ZbarDecoder",
    "ZxingDecoder",
    "load_zbar",
    "make_decoder",
    "to_gray",
]


@dataclass(frozen=True)
class Decoded:
    """One code found in a frame. ``format`` uses zxing-cpp's names ("QRCode", "Code128", ...)."""

    text: str
    format: str
    decoder: str  # "zxing" | "zbar"


class Decoder(Protocol):
    """Anything that turns a BGR or gray uint8 frame into codes; must never raise."""

    def decode(self, frame: np.ndarray) -> list[Decoded]: ...


# --------------------------------------------------------------------------- helpers

_FORMATS_QR = "QRCode,MicroQRCode"
_FORMATS_EXTRA = "DataMatrix,Aztec,PDF417"
_FORMATS_2D = _FORMATS_QR + "," + _FORMATS_EXTRA
_FORMATS_1D = "Code128,Code39,Code93,EAN13,EAN8,UPCA,UPCE,ITF,Codabar"

# zbar symbology name -> zxing-cpp format name, so callers see one vocabulary.
_ZBAR_FORMATS = {
    "QRCODE": "QRCode", "CODE128": "Code128", "CODE39": "Code39", "CODE93": "Code93",
    "EAN13": "EAN13", "EAN8": "EAN8", "UPCA": "UPCA", "UPCE": "UPCE", "I25": "ITF",
    "CODABAR": "Codabar", "PDF417": "PDF417", "ISBN10": "EAN13", "ISBN13": "EAN13",
    "DATABAR": "DataBar", "DATABAR_EXP": "DataBarExpanded", "SQCODE": "SQCode",
}
_ZBAR_LINEAR = ("CODE128", "CODE39", "CODE93", "EAN13", "EAN8", "UPCA", "UPCE", "I25", "CODABAR")


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


def _text_from(raw: bytes | None, fallback: str | None) -> str:
    """Apply the module's text policy (see the module docstring)."""
    if raw:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
    if fallback:
        return fallback
    return (raw or b"").decode("utf-8", errors="replace")


class _Throttle:
    """Log a failing stage, but not 30 times a second: first few, then every 500th, with counts."""

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}
        self._lock = threading.Lock()

    def report(self, stage: str, exc: BaseException) -> None:
        with self._lock:
            n = self._counts.get(stage, 0) + 1
            self._counts[stage] = n
        if n <= 3 or n % 500 == 0:
            log.warning("decoder stage %s failed (%d times so far): %r", stage, n, exc,
                        exc_info=n <= 1)


_failures = _Throttle()


# --------------------------------------------------------------------------- pyzbar loading

_zbar_lock = threading.Lock()
_zbar_warned = False


def load_zbar() -> ModuleType | None:
    """``pyzbar.pyzbar`` if the zbar shared library loads, else None (warning logged once)."""
    global _zbar_warned
    try:
        import pyzbar.pyzbar as zbar_module
    except (ImportError, OSError) as exc:  # OSError: a DLL/so that exists but cannot load
        with _zbar_lock:
            if not _zbar_warned:
                _zbar_warned = True
                log.warning("pyzbar/libzbar unavailable (%s): decoding with zxing-cpp only. "
                            "Install the zbar library (Debian: libzbar0, macOS: brew install zbar).", exc)
        return None
    module: ModuleType = zbar_module
    return module


# --------------------------------------------------------------------------- single decoders

class _ZxingReader:
    """zxing-cpp calls with the pipeline's conventions; never raises."""

    def __init__(self) -> None:
        self.formats_qr = zxingcpp.barcode_formats_from_str(_FORMATS_QR)
        self.formats_2d = zxingcpp.barcode_formats_from_str(_FORMATS_2D)
        self.formats_1d = zxingcpp.barcode_formats_from_str(_FORMATS_1D)
        self.formats_bars = zxingcpp.barcode_formats_from_str(_FORMATS_1D + ",PDF417")
        self.formats_extra = zxingcpp.barcode_formats_from_str(_FORMATS_EXTRA)
        self.formats_inverted = zxingcpp.barcode_formats_from_str("QRCode,DataMatrix,Aztec")  # dark-mode screens
        self._plain = getattr(getattr(zxingcpp, "TextMode", None), "Plain", None)
        self._errors_supported = True

    def read(self, image: np.ndarray, formats: Any, *, stage: str, rotate: bool = False,
             invert: bool = False, downscale: bool = True,
             errors: list[Any] | None = None) -> list[Decoded]:
        """Decode ``image``; symbols detected but unreadable are appended to ``errors`` if given."""
        kwargs: dict[str, Any] = {"formats": formats, "try_rotate": rotate, "try_invert": invert,
                                  "try_downscale": downscale}
        if self._plain is not None:
            # Plain, not HRI: what a keyboard scanner would type (GS1 without "(01)" dressing).
            kwargs["text_mode"] = self._plain
        if errors is not None and self._errors_supported:
            kwargs["return_errors"] = True
        try:
            try:
                results = zxingcpp.read_barcodes(image, **kwargs)
            except TypeError:
                if "return_errors" not in kwargs:
                    raise
                self._errors_supported = False  # zxing-cpp < 2.2
                del kwargs["return_errors"]
                results = zxingcpp.read_barcodes(image, **kwargs)
        except Exception as exc:
            _failures.report(stage, exc)
            return []
        out: list[Decoded] = []
        for result in results:
            try:
                if not result.valid:
                    if errors is not None:
                        errors.append(result)
                    continue
                raw = bytes(result.bytes)
                try:
                    fallback: str | None = result.text
                except Exception:  # text that is not valid UTF-8 raises in the binding
                    fallback = None
                text = _text_from(raw, fallback)
                if text:
                    out.append(Decoded(text, result.format.name, "zxing"))
            except Exception as exc:
                _failures.report(stage + "/result", exc)
        return out


class _ZbarReader:
    """pyzbar calls on gray images; never raises."""

    def __init__(self, module: ModuleType) -> None:
        self.module = module
        symbols = module.ZBarSymbol
        self.linear = [getattr(symbols, name) for name in _ZBAR_LINEAR if hasattr(symbols, name)]
        self.qr = [symbols.QRCODE]

    def read(self, gray: np.ndarray, *, stage: str, symbols: list[Any] | None = None) -> list[Decoded]:
        try:
            image = np.ascontiguousarray(gray)
            results = self.module.decode(image, symbols=symbols) if symbols else self.module.decode(image)
        except Exception as exc:
            _failures.report(stage, exc)
            return []
        out: list[Decoded] = []
        for result in results:
            try:
                raw = bytes(result.data)
                text = _text_from(raw, None)
                kind = str(result.type)
                if text:
                    out.append(Decoded(text, _ZBAR_FORMATS.get(kind, kind.title()), "zbar"))
            except Exception as exc:
                _failures.report(stage + "/result", exc)
        return out


def _dedupe(found: list[Decoded]) -> list[Decoded]:
    seen: set[str] = set()
    out: list[Decoded] = []
    for item in found:
        if item.text not in seen:
            seen.add(item.text)
            out.append(item)
    return out


class ZxingDecoder:
    """zxing-cpp alone with its library defaults: every format, rotations, inversion. Thorough, slower."""

    name = "zxing"

    def __init__(self) -> None:
        self._reader = _ZxingReader()
        self._all = zxingcpp.barcode_formats_from_str(_FORMATS_2D + "," + _FORMATS_1D)

    def decode(self, frame: np.ndarray) -> list[Decoded]:
        try:
            gray = to_gray(frame)
        except Exception as exc:
            _failures.report("zxing/gray", exc)
            return []
        return _dedupe(self._reader.read(gray, self._all, stage="zxing", rotate=True, invert=True))


class ZbarDecoder:
    """pyzbar alone, every symbology. Raises RuntimeError at construction if libzbar is missing."""

    name = "zbar"

    def __init__(self) -> None:
        module = load_zbar()
        if module is None:
            raise RuntimeError("pyzbar needs the zbar library (Debian: apt install libzbar0)")
        self._reader = _ZbarReader(module)

    def decode(self, frame: np.ndarray) -> list[Decoded]:
        try:
            gray = to_gray(frame)
        except Exception as exc:
            _failures.report("zbar/gray", exc)
            return []
        return _dedupe(self._reader.read(gray, stage="zbar"))


# --------------------------------------------------------------------------- bar-texture check

_EDGE_T = 16  # gray-level step between sub-sampled neighbours that counts as an edge
_DIFF = np.array([[-1, 1]], np.float32)
_CLOSE = np.ones((5, 9), np.uint8)


def _bar_regions(gray: Gray, *, vertical: bool, max_regions: int = 2) -> list[tuple[int, int, int, int]]:
    """Boxes (x0, y0, x1, y1) in ``gray``'s coordinates where light/dark edges alternate densely.

    Looks along rows (``vertical=False``: bars roughly vertical, tilted or not) or along columns.
    Costs ~0.4 ms at 720p: every 4th row, every 2nd column. Text and QR codes pass too; that is
    fine, it only gates the slower stages (which skip regions that are not parallel bars).
    """
    h, w = gray.shape
    sx, sy = 2, 4
    if vertical:
        small = cv2.transpose(cv2.resize(gray, (max(1, w // sy), max(1, h // sx)), interpolation=cv2.INTER_NEAREST))
    else:
        small = cv2.resize(gray, (max(1, w // sx), max(1, h // sy)), interpolation=cv2.INTER_NEAREST)
    if small.shape[0] < 4 or small.shape[1] < 32:
        return []
    dx = cv2.filter2D(small, cv2.CV_16S, _DIFF, anchor=(0, 0))
    rising = (dx > _EDGE_T).view(np.uint8)
    falling = (dx < -_EDGE_T).view(np.uint8)
    # count edge onsets only (a blurred edge spans several pixels)
    rise_on: np.ndarray = cv2.bitwise_and(rising[:, 1:], 1 - rising[:, :-1])
    fall_on: np.ndarray = cv2.bitwise_and(falling[:, 1:], 1 - falling[:, :-1])
    kernel = (24, 3)  # 48 px wide, 12 px tall in the frame
    n_rise = cv2.boxFilter(rise_on, cv2.CV_16U, kernel, normalize=False)
    n_fall = cv2.boxFilter(fall_on, cv2.CV_16U, kernel, normalize=False)
    dense = (cv2.min(n_rise, n_fall) >= 12).view(np.uint8)  # >= 4 dark bars per row, 3 rows
    mask: np.ndarray = cv2.morphologyEx(dense, cv2.MORPH_CLOSE, _CLOSE)
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    boxes: list[tuple[int, int, int, int, int]] = []
    sh, sw = small.shape
    for contour in contours:
        x, y, bw, bh = cv2.boundingRect(contour)
        if bw * bh < 40 or bh < 3:
            continue
        ext = bw // 2 + 8  # the ends of a code (wide bars, quiet zone) count fewer edges
        box = (max(0, x - ext) * sx, max(0, y - 3) * sy, min(sw, x + bw + ext) * sx, min(sh, y + bh + 3) * sy)
        boxes.append((bw * bh, *box))
    boxes.sort(reverse=True)
    out = [(b[1], b[2], b[3], b[4]) for b in boxes[:max_regions]]
    if vertical:  # back to the frame's axes
        out = [(y0, x0, y1, x1) for (x0, y0, x1, y1) in out]
    return out


def _orientation(crop: Gray) -> tuple[float, float]:
    """(angle in degrees of the dominant gradient, coherence 0..1) from the structure tensor.

    Coherence is high for parallel bars (a 1D code, PDF417) and low for module grids (QR,
    DataMatrix, Aztec) and most text, which tells the rescue stage which reader to try.
    """
    probe = crop[::2, ::2] if crop.size > 60_000 else crop
    gx = cv2.Sobel(probe, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(probe, cv2.CV_32F, 0, 1, ksize=3)
    jxx = float(cv2.sumElems(gx * gx)[0])
    jyy = float(cv2.sumElems(gy * gy)[0])
    jxy = float(cv2.sumElems(gx * gy)[0])
    angle = 0.5 * math.degrees(math.atan2(2.0 * jxy, jxx - jyy))
    coherence = math.sqrt((jxx - jyy) ** 2 + 4.0 * jxy * jxy) / (jxx + jyy + 1e-6)
    return angle, coherence


def _deskew(crop: Gray, angle: float) -> Gray:
    """Rotate a crop by ``angle`` so its bars stand vertical, capped at 900 px (>= 3 px a module)."""
    h, w = crop.shape
    scale = min(1.0, 900.0 / max(w, h))
    if abs(angle) < 1.0 and scale == 1.0:  # upright already: interpolating would only blur the bars
        return np.ascontiguousarray(crop)
    m = cv2.getRotationMatrix2D((w / 2.0, h / 2.0), angle, scale)
    cos, sin = abs(m[0, 0]), abs(m[0, 1])
    nw, nh = int(w * cos + h * sin) + 1, int(h * cos + w * sin) + 1
    m[0, 2] += nw / 2.0 - w / 2.0
    m[1, 2] += nh / 2.0 - h / 2.0
    fill = float(cv2.mean(crop)[0])  # BORDER_REPLICATE is ~5x slower in OpenCV 5
    return cv2.warpAffine(crop, m, (nw, nh), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                          borderValue=fill)


def _distinct(boxes: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Drop boxes whose centre lies in an earlier one (a diagonal code passes both scans)."""
    kept: list[tuple[int, int, int, int]] = []
    for box in boxes:
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        if not any(k[0] <= cx <= k[2] and k[1] <= cy <= k[3] for k in kept):
            kept.append(box)
    return kept


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


# --------------------------------------------------------------------------- the pipeline

_ZBAR_ROWS = 40  # rows of a deskewed strip handed to zbar (bars are vertical by then)
_BARS_COHERENCE = 0.6  # structure-tensor coherence above which a region is parallel bars
SLOTS = ("1d", "bars", "2d")
DEFAULT_SCHEDULE = ("1d", "bars", "1d", "2d")


class PipelineDecoder:
    """zxing-cpp QR on every frame; the other readers take turns, one per frame (module docstring).

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

    def _decode(self, frame: np.ndarray, thorough: bool, deadline: float) -> tuple[str, list[Decoded]]:
        try:
            gray = to_gray(frame)
        except Exception as exc:
            _failures.report("pipeline/gray", exc)
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


def make_decoder(kind: str = "auto") -> Decoder:
    """"auto": the pipeline; "zxing" / "zbar": that library alone (for comparison, or a fallback)."""
    kind = (kind or "auto").strip().lower()
    if kind in ("auto", "pipeline"):
        return PipelineDecoder()
    if kind == "zxing":
        return ZxingDecoder()
    if kind == "zbar":
        return ZbarDecoder()
    raise ValueError(f"unknown decoder {kind!r}: use auto, zxing or zbar")
