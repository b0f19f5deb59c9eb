"""zxing-cpp: ``_ZxingReader`` with the pipeline's conventions, and ``ZxingDecoder`` (zxing-cpp alone)."""

from __future__ import annotations

from typing import Any

import numpy as np
import zxingcpp

from kiosk.adapters.decoding.failures import _failures
from kiosk.adapters.decoding.images import gray_or_none
from kiosk.adapters.decoding.model import Decoded, _dedupe, _text_from

_FORMATS_QR = "QRCode,MicroQRCode"
_FORMATS_EXTRA = "DataMatrix,Aztec,PDF417"
_FORMATS_2D = _FORMATS_QR + "," + _FORMATS_EXTRA
_FORMATS_1D = "Code128,Code39,Code93,EAN13,EAN8,UPCA,UPCE,ITF,Codabar"


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


class ZxingDecoder:
    """zxing-cpp alone with its library defaults: every format, rotations, inversion. Thorough, slower."""

    name = "zxing"

    def __init__(self) -> None:
        self._reader = _ZxingReader()
        self._all = zxingcpp.barcode_formats_from_str(_FORMATS_2D + "," + _FORMATS_1D)

    def decode(self, frame: np.ndarray) -> list[Decoded]:
        gray = gray_or_none(frame, "zxing")
        if gray is None:
            return []
        return _dedupe(self._reader.read(gray, self._all, stage="zxing", rotate=True, invert=True))
