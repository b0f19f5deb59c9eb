"""The decoding pipeline on real generated codes: QR, Code128 and friends, garbage, failures."""

from __future__ import annotations

import logging
import sys
from dataclasses import FrozenInstanceError
from typing import Any

import cv2
import numpy as np
import pytest
import qrcode
import zxingcpp

from kiosk.adapters import decoding
from kiosk.adapters.decoding import (
    DEFAULT_SCHEDULE,
    Decoded,
    PipelineDecoder,
    ZbarDecoder,
    ZxingDecoder,
    make_decoder,
)
from tests.helpers.video import barcode_image, qr_image, scene_frame

HAVE_ZBAR = decoding.load_zbar() is not None
needs_zbar = pytest.mark.skipif(not HAVE_ZBAR, reason="libzbar not installed")


def on_scene(code: np.ndarray, size: tuple[int, int] = (1280, 720), at: tuple[int, int] = (400, 150)) -> np.ndarray:
    frame = scene_frame(3, size)
    h, w = code.shape[:2]
    frame[at[1]:at[1] + h, at[0]:at[0] + w] = code
    return frame


def rotated(img: np.ndarray, degrees: float, size: tuple[int, int] = (1280, 720)) -> np.ndarray:
    """``img`` rotated on a light-gray frame of ``size``."""
    frame = np.full((size[1], size[0], 3), 200, np.uint8)
    h, w = img.shape[:2]
    y, x = (size[1] - h) // 2, (size[0] - w) // 2
    frame[y:y + h, x:x + w] = img
    m = cv2.getRotationMatrix2D((size[0] / 2, size[1] / 2), degrees, 1.0)
    return cv2.warpAffine(frame, m, size, flags=cv2.INTER_LINEAR, borderValue=(200, 200, 200))


def texts(found: list[Decoded]) -> list[str]:
    return [d.text for d in found]


def live_cycle(decoder: PipelineDecoder, frame: np.ndarray) -> list[Decoded]:
    """Offer the same frame for one full schedule cycle, as a camera would; first result wins."""
    for _ in range(len(decoder.schedule)):
        found = decoder.decode(frame)
        if found:
            return found
    return []


# --------------------------------------------------------------------------- reading codes

def test_qr_on_a_720p_scene() -> None:
    frame = on_scene(qr_image("PLUS20-0001", 260))
    found = PipelineDecoder().decode(frame)
    assert found == [Decoded("PLUS20-0001", "QRCode", "zxing")]


def test_code128_made_by_zxing_writer() -> None:
    frame = on_scene(barcode_image("K1-ABC123", "Code128", 600, 140))
    found = PipelineDecoder().decode(frame)
    assert texts(found) == ["K1-ABC123"]
    assert found[0].format == "Code128"


def test_tilted_code128_is_read_within_one_cycle() -> None:
    frame = rotated(barcode_image("TILT-4242", "Code128", 520, 110), 18)
    decoder = PipelineDecoder()
    assert texts(live_cycle(decoder, frame)) == ["TILT-4242"]
    assert decoder.last_stage in ("zxing/bars", "zbar/bars")


def test_vertical_code128() -> None:
    frame = rotated(barcode_image("VERT-0001", "Code128", 480, 100), 90)
    assert texts(live_cycle(PipelineDecoder(), frame)) == ["VERT-0001"]


@pytest.mark.parametrize(("fmt", "payload"), [
    ("EAN13", "4006381333931"),
    ("Code39", "TICKET42"),
    ("ITF", "12345678901231"),
    ("DataMatrix", "DM-TICKET-7"),
    ("Aztec", "AZ-TICKET-7"),
    ("PDF417", "PDF-TICKET-7"),
])
def test_other_platform_formats(fmt: str, payload: str) -> None:
    frame = on_scene(barcode_image(payload, fmt, 480, 180))
    assert texts(live_cycle(PipelineDecoder(), frame)) == [payload]
    assert texts(PipelineDecoder().decode(frame, thorough=True)) == [payload]


def test_inverted_qr_from_a_dark_mode_phone() -> None:
    frame = on_scene(255 - qr_image("DARK-MODE-1", 240))
    assert texts(live_cycle(PipelineDecoder(), frame)) == ["DARK-MODE-1"]


def test_gray_bgra_and_float_frames() -> None:
    bgr = on_scene(qr_image("FORMATS", 200), (640, 480), (100, 100))
    gray = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    bgra = cv2.cvtColor(bgr, cv2.COLOR_BGR2BGRA)
    decoder = PipelineDecoder()
    for frame in (bgr, gray, bgra, gray[:, :, None], gray.astype(np.float32) / 255.0, gray[::1, ::1].T.T):
        assert texts(decoder.decode(frame)) == ["FORMATS"]


def test_two_codes_and_duplicates() -> None:
    frame = scene_frame(0, (1280, 720))
    frame[100:340, 100:340] = qr_image("FIRST", 240)
    frame[100:340, 700:940] = qr_image("SECOND", 240)
    frame[400:640, 700:940] = qr_image("FIRST", 240)
    assert sorted(texts(PipelineDecoder().decode(frame))) == ["FIRST", "SECOND"]


def test_zxing_and_zbar_alone() -> None:
    frame = on_scene(qr_image("ALONE", 240))
    assert texts(ZxingDecoder().decode(frame)) == ["ALONE"]
    if HAVE_ZBAR:
        found = ZbarDecoder().decode(frame)
        assert found == [Decoded("ALONE", "QRCode", "zbar")]


def test_make_decoder() -> None:
    assert isinstance(make_decoder(), PipelineDecoder)
    assert isinstance(make_decoder("AUTO"), PipelineDecoder)
    assert isinstance(make_decoder("zxing"), ZxingDecoder)
    if HAVE_ZBAR:
        assert isinstance(make_decoder("zbar"), ZbarDecoder)
    with pytest.raises(ValueError):
        make_decoder("opencv")


def test_decoded_is_frozen_and_schedule_is_checked() -> None:
    d = Decoded("A", "QRCode", "zxing")
    with pytest.raises(FrozenInstanceError):
        d.text = "B"  # type: ignore[misc]
    with pytest.raises(ValueError):
        PipelineDecoder(schedule=("1d", "ocr"))
    assert set(DEFAULT_SCHEDULE) == {"1d", "bars", "2d"}


# --------------------------------------------------------------------------- odd payloads

def qr_bytes(data: bytes) -> np.ndarray:
    q = qrcode.QRCode(border=4, box_size=6)
    q.add_data(data)
    q.make()
    return cv2.cvtColor(np.array(q.make_image().convert("L"), dtype=np.uint8), cv2.COLOR_GRAY2BGR)


@pytest.mark.parametrize("data", [b"\xff\xfe\x00abc\xc3", b"\x00\x01\x02", "K1-\u00c4\u00d6".encode("latin-1")])
def test_non_utf8_payloads_give_safe_text(data: bytes) -> None:
    decoders: list[Any] = [PipelineDecoder(), ZxingDecoder(), *([ZbarDecoder()] if HAVE_ZBAR else [])]
    for decoder in decoders:
        found = decoder.decode(qr_bytes(data))
        assert len(found) == 1
        assert isinstance(found[0].text, str)
        found[0].text.encode("utf-8")  # always encodable: no lone surrogates


def test_utf8_payload_kept_exactly() -> None:
    text = "K1-\u00c9T\u00c9-\u20ac-\u540d"
    assert texts(PipelineDecoder().decode(qr_bytes(text.encode("utf-8")))) == [text]


def test_text_policy() -> None:
    assert decoding._text_from("é".encode(), "x") == "é"
    assert decoding._text_from(b"\xc4\xd6", "ÄÖ") == "ÄÖ"  # decoder's charset reading
    assert decoding._text_from(b"\xff", None) == "\ufffd"
    assert decoding._text_from(b"", None) == ""


# --------------------------------------------------------------------------- never raise

@pytest.mark.parametrize("frame", [
    np.zeros((720, 1280, 3), np.uint8),
    np.full((480, 640), 255, np.uint8),
    np.random.default_rng(1).integers(0, 256, (720, 1280, 3), dtype=np.uint8),
    np.zeros((4, 4, 3), np.uint8),
    np.zeros((100, 100, 5), np.uint8),
    np.zeros((0, 0), np.uint8),
    np.array([]),
])
def test_garbage_frames_yield_nothing(frame: np.ndarray) -> None:
    decoder = PipelineDecoder()
    for _ in range(len(decoder.schedule)):
        assert decoder.decode(frame) == []
    assert decoder.decode(frame, thorough=True) == []
    assert ZxingDecoder().decode(frame) == []
    if HAVE_ZBAR:
        assert ZbarDecoder().decode(frame) == []


def test_not_an_array_at_all() -> None:
    assert PipelineDecoder().decode(None) == []  # type: ignore[arg-type]
    assert PipelineDecoder().decode("frame") == []  # type: ignore[arg-type]


def test_zxing_raising_does_not_escape(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    def boom(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("zxing exploded")

    monkeypatch.setattr(zxingcpp, "read_barcodes", boom)
    frame = on_scene(qr_image("STILL-READ", 240))
    with caplog.at_level(logging.WARNING, logger="kiosk.adapters.decoding"):
        found = PipelineDecoder().decode(frame, thorough=True)
    assert "zxing exploded" in caplog.text
    if HAVE_ZBAR:
        assert texts(found) == ["STILL-READ"]  # pyzbar's whole-image pass takes over
    assert ZxingDecoder().decode(frame) == []


class _BadResult:
    """A zxing result whose text cannot be converted (what invalid UTF-8 does in the binding)."""

    valid = True
    bytes = b"\xffbad"
    format = zxingcpp.BarcodeFormat.QRCode

    @property
    def text(self) -> str:
        raise UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")


class _BrokenResult:
    @property
    def valid(self) -> bool:
        raise ValueError("broken result")


def test_bad_result_objects(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zxingcpp, "read_barcodes", lambda *a, **k: [_BrokenResult(), _BadResult()])
    found = PipelineDecoder(use_zbar=False).decode(np.zeros((240, 320), np.uint8))
    assert found == [Decoded("\ufffdbad", "QRCode", "zxing")]


def test_zbar_raising_does_not_escape(monkeypatch: pytest.MonkeyPatch) -> None:
    if not HAVE_ZBAR:
        pytest.skip("libzbar not installed")
    zbar = decoding.load_zbar()

    def boom(*args: Any, **kwargs: Any) -> Any:
        raise OSError("zbar exploded")

    monkeypatch.setattr(zbar, "decode", boom)
    assert ZbarDecoder().decode(on_scene(qr_image("X", 200))) == []
    decoder = PipelineDecoder()
    assert decoder.decode(np.zeros((480, 640), np.uint8), thorough=True) == []


def test_a_bug_inside_the_pipeline_is_contained(monkeypatch: pytest.MonkeyPatch) -> None:
    def bug(*args: Any, **kwargs: Any) -> Any:
        raise IndexError("bug")

    monkeypatch.setattr(decoding.pipeline, "_bar_regions", bug)  # where PipelineDecoder looks it up
    decoder = PipelineDecoder()
    for _ in range(len(decoder.schedule)):
        assert decoder.decode(np.zeros((480, 640), np.uint8)) == []


# --------------------------------------------------------------------------- without libzbar

def test_pipeline_without_zbar_still_reads() -> None:
    decoder = PipelineDecoder(use_zbar=False)
    assert not decoder.zbar_available
    assert decoder.name == "pipeline(zxing)"
    assert texts(decoder.decode(on_scene(qr_image("NO-ZBAR", 240)))) == ["NO-ZBAR"]
    frame = rotated(barcode_image("TILT-NOZBAR", "Code128", 520, 110), 15)
    assert texts(live_cycle(decoder, frame)) == ["TILT-NOZBAR"]


def test_missing_libzbar_is_a_warning_once(monkeypatch: pytest.MonkeyPatch,
                                           caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setitem(sys.modules, "pyzbar.pyzbar", None)  # makes the import fail
    monkeypatch.setattr(decoding.zbar, "_zbar_warned", False)  # load_zbar's once-only flag
    with caplog.at_level(logging.WARNING, logger="kiosk.adapters.decoding"):
        first = PipelineDecoder()
        second = make_decoder("auto")
    assert isinstance(second, PipelineDecoder)
    assert not first.zbar_available and not second.zbar_available
    assert caplog.text.count("zxing-cpp only") == 1
    assert texts(first.decode(on_scene(qr_image("FALLBACK", 240)), thorough=True)) == ["FALLBACK"]
    with pytest.raises(RuntimeError, match="zbar"):
        make_decoder("zbar")


@needs_zbar
def test_zbar_available_here() -> None:
    decoder = PipelineDecoder()
    assert decoder.zbar_available
    assert decoder.name == "pipeline(zxing+zbar)"


# --------------------------------------------------------------------------- cost

def test_empty_720p_frame_is_cheap() -> None:
    """A loose bound (shared CI machines): the benchmark holds the real targets."""
    frame = cv2.GaussianBlur(np.random.default_rng(3).integers(0, 256, (720, 1280, 3), dtype=np.uint8), (0, 0), 3)
    decoder = PipelineDecoder()
    times = []
    for _ in range(3 * len(decoder.schedule)):
        decoder.decode(frame)
        times.append(decoder.last_ms)
    assert float(np.median(times)) < 25.0
