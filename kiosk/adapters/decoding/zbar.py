"""pyzbar: loading libzbar (or falling back without it), ``_ZbarReader``, ``ZbarDecoder`` (pyzbar alone)."""

from __future__ import annotations

import logging
import threading
from types import ModuleType
from typing import Any

import numpy as np

from kiosk.adapters.decoding.failures import _failures
from kiosk.adapters.decoding.images import gray_or_none
from kiosk.adapters.decoding.model import Decoded, _dedupe, _text_from

log = logging.getLogger(__package__)  # one logger for the whole package: "kiosk.adapters.decoding"

# zbar symbology name -> zxing-cpp format name, so callers see one vocabulary.
_ZBAR_FORMATS = {
    "QRCODE": "QRCode", "CODE128": "Code128", "CODE39": "Code39", "CODE93": "Code93",
    "EAN13": "EAN13", "EAN8": "EAN8", "UPCA": "UPCA", "UPCE": "UPCE", "I25": "ITF",
    "CODABAR": "Codabar", "PDF417": "PDF417", "ISBN10": "EAN13", "ISBN13": "EAN13",
    "DATABAR": "DataBar", "DATABAR_EXP": "DataBarExpanded", "SQCODE": "SQCode",
}
_ZBAR_LINEAR = ("CODE128", "CODE39", "CODE93", "EAN13", "EAN8", "UPCA", "UPCE", "I25", "CODABAR")

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


class ZbarDecoder:
    """pyzbar alone, every symbology. Raises RuntimeError at construction if libzbar is missing."""

    name = "zbar"

    def __init__(self) -> None:
        module = load_zbar()
        if module is None:
            raise RuntimeError("pyzbar needs the zbar library (Debian: apt install libzbar0)")
        self._reader = _ZbarReader(module)

    def decode(self, frame: np.ndarray) -> list[Decoded]:
        gray = gray_or_none(frame, "zbar")
        if gray is None:
            return []
        return _dedupe(self._reader.read(gray, stage="zbar"))
