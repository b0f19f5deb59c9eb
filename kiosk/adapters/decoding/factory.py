"""``make_decoder``: the decoder a setting or command-line option names."""

from __future__ import annotations

from kiosk.adapters.decoding.model import Decoder
from kiosk.adapters.decoding.pipeline import PipelineDecoder
from kiosk.adapters.decoding.zbar import ZbarDecoder
from kiosk.adapters.decoding.zxing import ZxingDecoder
from kiosk.settings import DECODERS


def make_decoder(kind: str = "auto") -> Decoder:
    """"auto": the pipeline; "zxing" / "zbar": that library alone (for comparison, or a fallback)."""
    kind = (kind or "auto").strip().lower()
    if kind in ("auto", "pipeline"):
        return PipelineDecoder()
    if kind == "zxing":
        return ZxingDecoder()
    if kind == "zbar":
        return ZbarDecoder()
    raise ValueError(f"unknown decoder {kind!r}: use {', '.join(DECODERS[:-1])} or {DECODERS[-1]}")
