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

Modules, by job: ``model`` (``Decoded``, the ``Decoder`` protocol, the text policy), ``failures``
(throttled logging), ``images`` (``to_gray``, crops), ``bars`` (the bar-texture check, deskewing),
``zxing`` and ``zbar`` (one library each; ``zbar`` also loads libzbar or falls back without it),
``pipeline`` (``PipelineDecoder`` and its schedule), ``factory`` (``make_decoder``).
"""

from kiosk.adapters.decoding.factory import make_decoder
from kiosk.adapters.decoding.images import to_gray
from kiosk.adapters.decoding.model import Decoded, Decoder
from kiosk.adapters.decoding.model import Gray as Gray
from kiosk.adapters.decoding.model import _text_from as _text_from
from kiosk.adapters.decoding.pipeline import DEFAULT_SCHEDULE as DEFAULT_SCHEDULE
from kiosk.adapters.decoding.pipeline import SLOTS as SLOTS
from kiosk.adapters.decoding.pipeline import PipelineDecoder
from kiosk.adapters.decoding.zbar import ZbarDecoder, load_zbar
from kiosk.adapters.decoding.zxing import ZxingDecoder

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
