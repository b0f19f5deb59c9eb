"""What every decoder returns, ``Decoded``, the ``Decoder`` protocol, and the package's text policy."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, TypeAlias

import numpy as np

Gray: TypeAlias = np.ndarray  # 2D, uint8, C-contiguous


@dataclass(frozen=True)
class Decoded:
    """One code found in a frame. ``format`` uses zxing-cpp's names ("QRCode", "Code128", ...)."""

    text: str
    format: str
    decoder: str  # "zxing" | "zbar"


class Decoder(Protocol):
    """Anything that turns a BGR or gray uint8 frame into codes; must never raise."""

    def decode(self, frame: np.ndarray) -> list[Decoded]: ...


def _text_from(raw: bytes | None, fallback: str | None) -> str:
    """Apply the package's text policy (see the package docstring)."""
    if raw:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
    if fallback:
        return fallback
    return (raw or b"").decode("utf-8", errors="replace")


def _dedupe(found: list[Decoded]) -> list[Decoded]:
    seen: set[str] = set()
    out: list[Decoded] = []
    for item in found:
        if item.text not in seen:
            seen.add(item.text)
            out.append(item)
    return out
