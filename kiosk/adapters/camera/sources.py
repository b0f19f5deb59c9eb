"""Where frames come from: ``parse_source`` for a setting or option, ``list_cameras`` for a picker."""

from __future__ import annotations

import glob
import os
import re
import sys
from pathlib import Path

import cv2

_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


def parse_source(text: str | int) -> int | str:
    """A camera source from settings or the command line: "0" -> device 0; a path or URL as is."""
    if isinstance(text, int):
        if text < 0:
            raise ValueError("camera index must be >= 0")
        return text
    value = text.strip()
    if not value:
        raise ValueError("empty camera source")
    if value.isdigit():
        return int(value)
    if _URL.match(value):
        return value
    return os.path.expanduser(value)


def list_cameras(max_index: int = 5) -> list[int]:
    """Device indexes worth offering. Linux: /dev/videoN capture nodes (no device is opened).

    Elsewhere each index below ``max_index`` is opened briefly (slow; run it off the UI thread).
    """
    if sys.platform.startswith("linux"):
        found: list[int] = []
        for dev in glob.glob("/dev/video*"):
            match = re.fullmatch(r"/dev/video(\d+)", dev)
            if not match:
                continue
            number = int(match.group(1))
            # a webcam exposes several nodes; "index" 0 is the capture one, others carry metadata
            index_file = Path(f"/sys/class/video4linux/video{number}/index")
            try:
                if index_file.read_text().strip() not in ("", "0"):
                    continue
            except OSError:
                pass
            if number < max_index:
                found.append(number)
        return sorted(found)
    out: list[int] = []
    for index in range(max_index):
        cap = cv2.VideoCapture(index)
        try:
            if cap.isOpened():
                out.append(index)
        finally:
            cap.release()
    return out


def _describe(source: int | str) -> str:
    if isinstance(source, int):
        return f"camera {source}"
    if _URL.match(source):
        return f"stream {re.sub(r'//[^/@]*@', '//', source)}"  # no password in messages
    return f"file {source}"
