"""Every user setting, declared once with its default, stored as JSON in the data dir.

No Qt here: the CLI reads the device name from the same file the window writes.
"""

from __future__ import annotations

import json
import os
import socket
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from kiosk.domain.messages import LANGUAGES
from kiosk.domain.model import SORT_KEYS

FILE_NAME = "settings.json"
# The allowed values of each setting, declared here once (the CLI's choices, the window's lists and the
# adapters' factories read them from here).
DECODERS = ("auto", "zxing", "zbar")  # "auto": zxing-cpp then pyzbar
PRINTER_BACKENDS = ("pdf", "cups", "qt")  # "pdf": a folder in the data dir
__all__ = ["DECODERS", "LANGUAGES", "PRINTER_BACKENDS", "SORT_KEYS", "Settings", "load", "save"]


def _default_device() -> str:
    return os.environ.get("KIOSK_DEVICE") or socket.gethostname().split(".")[0] or "kiosk"


@dataclass(frozen=True)
class Settings:
    device_name: str = ""  # empty: $KIOSK_DEVICE or the host name
    language: str = "fr"  # "fr" or "en"
    camera: str = "0"  # device index, video file path or stream URL
    decoder: str = "auto"  # "auto" (zxing-cpp then pyzbar), "zxing", "zbar"
    sounds: bool = True
    verdict_timeout_s: float = 4.0  # back to "ready to scan" after this
    auto_print: bool = False
    printer_backend: str = "pdf"  # "pdf" (folder in the data dir), "cups", "qt"
    printer_name: str = ""
    badge_format: str = "a6"

    @property
    def device(self) -> str:
        return self.device_name or _default_device()


def _saved(data_dir: Path) -> dict[str, Any]:
    try:
        raw: Any = json.loads((data_dir / FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}


def saved_value(data_dir: Path, key: str) -> Any:
    """What the file itself holds for ``key`` (None when never saved): tells a choice someone made
    from a default (the CLI then falls back to $LANG for the language)."""
    return _saved(data_dir).get(key)


def load(data_dir: Path) -> Settings:
    """Settings from the data dir; unknown keys are ignored, a damaged file means defaults."""
    raw = _saved(data_dir)
    defaults = Settings()
    known: dict[str, Any] = {}
    for f in fields(Settings):
        if f.name in raw and isinstance(raw[f.name], type(getattr(defaults, f.name))):
            known[f.name] = raw[f.name]
    return replace(defaults, **known)


def save(data_dir: Path, settings: Settings) -> None:
    """Write atomically (temp file + rename) so a crash never leaves half a file."""
    from kiosk.files import write_bytes

    data_dir.mkdir(parents=True, exist_ok=True)
    write_bytes(data_dir / FILE_NAME, json.dumps(asdict(settings), indent=2, ensure_ascii=False).encode("utf-8"))
