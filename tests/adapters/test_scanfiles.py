"""scan_file: the camera's pipeline on image and video files (what `kiosk scan` prints)."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.adapters.decoding import PipelineDecoder, ZxingDecoder, make_decoder
from kiosk.adapters.scanfiles import scan_file
from tests.helpers.video import barcode_image, qr_image, scene_frame, write_qr_video, write_video


@pytest.fixture(scope="module")
def decoder() -> PipelineDecoder:
    return PipelineDecoder()


def test_png_with_qr(tmp_path: Path, decoder: PipelineDecoder) -> None:
    path = tmp_path / "ticket.png"
    cv2.imwrite(str(path), qr_image("PLUS20-0001", 300))
    result = scan_file(path, decoder)
    assert result["codes"] == ["PLUS20-0001"]
    assert result["frame"] is None
    assert result["path"] == str(path)
    assert result["ms"] > 0
    assert "error" not in result
    json.dumps(result)  # the CLI prints it as one JSON line


def test_jpeg_with_tilted_code128(tmp_path: Path, decoder: PipelineDecoder) -> None:
    frame = np.full((720, 1280, 3), 210, np.uint8)
    code = barcode_image("K1-ABC123", "Code128", 560, 120)
    frame[300:300 + code.shape[0], 300:300 + code.shape[1]] = code
    tilted = cv2.warpAffine(frame, cv2.getRotationMatrix2D((640, 360), 17, 1.0), (1280, 720),
                            borderValue=(210, 210, 210))
    path = tmp_path / "photo.jpg"
    cv2.imwrite(str(path), tilted, [cv2.IMWRITE_JPEG_QUALITY, 70])
    assert scan_file(path, decoder)["codes"] == ["K1-ABC123"]  # thorough mode: one image is enough


def test_video_stops_at_first_frame_with_a_code(tmp_path: Path, decoder: PipelineDecoder) -> None:
    path = write_qr_video(tmp_path / "door.avi", "PLUS20-0099", appear_at=7, frames=20)
    result = scan_file(path, decoder)
    assert result["codes"] == ["PLUS20-0099"]
    assert result["frame"] == 7
    assert result["ms"] > 0


def test_mp4_video(tmp_path: Path, decoder: PipelineDecoder) -> None:
    path = write_qr_video(tmp_path / "door.mp4", "MP4-1", appear_at=3, frames=8)
    assert scan_file(path, decoder)["frame"] == 3


def test_video_without_code(tmp_path: Path, decoder: PipelineDecoder) -> None:
    path = write_video(tmp_path / "empty.avi", [scene_frame(i) for i in range(10)])
    result = scan_file(path, decoder)
    assert result["codes"] == [] and result["frame"] is None
    assert "error" not in result


def test_image_without_code(tmp_path: Path, decoder: PipelineDecoder) -> None:
    path = tmp_path / "wall.png"
    cv2.imwrite(str(path), scene_frame(0))
    result = scan_file(path, decoder)
    assert result == {"path": str(path), "codes": [], "ms": result["ms"], "frame": None}


@pytest.mark.parametrize(("name", "content"), [
    ("broken.png", b"\x89PNG not really"),
    ("notes.txt", b"hello"),
    ("random.avi", bytes(range(256)) * 50),
    ("empty.jpg", b""),
])
def test_unreadable_files(tmp_path: Path, decoder: PipelineDecoder, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = scan_file(path, decoder)
    assert result == {"path": str(path), "codes": [], "ms": 0, "frame": None, "error": "cannot read file"}


def test_missing_file_and_directory(tmp_path: Path, decoder: PipelineDecoder) -> None:
    assert scan_file(tmp_path / "nope.png", decoder)["error"] == "cannot read file"
    assert scan_file(tmp_path, decoder)["error"] == "cannot read file"


def test_image_with_a_video_like_suffix_is_still_read(tmp_path: Path, decoder: PipelineDecoder) -> None:
    path = tmp_path / "ticket.dat"
    ok, buf = cv2.imencode(".png", qr_image("ODD-SUFFIX", 240))
    assert ok
    path.write_bytes(buf.tobytes())
    assert scan_file(path, decoder)["codes"] == ["ODD-SUFFIX"]


def test_other_decoders(tmp_path: Path) -> None:
    path = tmp_path / "t.png"
    cv2.imwrite(str(path), qr_image("ANY-DECODER", 240))
    assert scan_file(path, ZxingDecoder())["codes"] == ["ANY-DECODER"]
    assert scan_file(path, make_decoder("auto"))["codes"] == ["ANY-DECODER"]
