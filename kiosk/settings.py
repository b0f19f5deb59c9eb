"""Every user setting, declared once with its default, stored as JSON in the data dir.

No Qt here: the CLI reads the device name from the same file the window writes.
"""

from __future__ import annotations

import json
import logging
import os
import socket
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from kiosk.badges.layouts import FIELDS as BADGE_FIELDS  # light: no reportlab
from kiosk.domain.messages import LANGUAGES
from kiosk.domain.model import SORT_KEYS

FILE_NAME = "settings.json"
# The allowed values of each setting, declared here once (the CLI's choices, the window's lists and the
# adapters' factories read them from here).
DECODERS = ("auto", "zxing", "zbar")  # "auto": zxing-cpp then pyzbar
PRINTER_BACKENDS = ("pdf", "cups", "qt")  # "pdf": a folder in the data dir
BADGES_FILE = "badges.json"
QR_MODES = ("auto", "code", "signed")
CHOICES: dict[str, tuple[str, ...]] = {"language": LANGUAGES, "decoder": DECODERS,
                                       "printer_backend": PRINTER_BACKENDS}
__all__ = ["BADGES_FILE", "CHOICES", "DECODERS", "LANGUAGES", "PRINTER_BACKENDS", "QR_MODES", "SORT_KEYS",
           "BadgeOptions", "Settings", "load", "load_badge_options", "save"]
log = logging.getLogger(__name__)


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
    self_service_idle_s: float = 60.0  # the walk-in form clears itself after this long untouched
    occupancy_amber: float = 0.80  # the occupancy gauge turns amber at this share of the capacity...
    occupancy_red: float = 0.95  # ...and red at this one
    # A row pulled from the hub stamped further ahead of the hub's clock than this is refused (kept
    # aside, never applied): a laptop whose clock runs ahead cannot drag every kiosk's clock with it.
    max_clock_ahead_s: float = 300.0

    @property
    def device(self) -> str:
        return self.device_name or _default_device()


def _saved(data_dir: Path, name: str = FILE_NAME) -> dict[str, Any]:
    try:
        raw: Any = json.loads((data_dir / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}


def saved_value(data_dir: Path, key: str) -> Any:
    """What the file itself holds for ``key`` (None when never saved): tells a choice someone made
    from a default (the CLI then falls back to $LANG for the language)."""
    return _saved(data_dir).get(key)


def load(data_dir: Path) -> Settings:
    """Settings from the data dir; unknown keys are ignored, a damaged file means defaults, and a
    value of the wrong type or outside its ``CHOICES`` falls back to its default (logged)."""
    raw = _saved(data_dir)
    defaults = Settings()
    known: dict[str, Any] = {}
    for f in fields(Settings):
        if f.name not in raw:
            continue
        value = raw[f.name]
        if not isinstance(value, type(getattr(defaults, f.name))) or \
                (f.name in CHOICES and value not in CHOICES[f.name]):
            log.warning("settings.json: ignoring %s=%r (default %r)", f.name, value, getattr(defaults, f.name))
            continue
        known[f.name] = value
    return replace(defaults, **known)


def save(data_dir: Path, settings: Settings) -> None:
    """Write atomically (temp file + rename) so a crash never leaves half a file."""
    from kiosk.files import write_bytes

    data_dir.mkdir(parents=True, exist_ok=True)
    write_bytes(data_dir / FILE_NAME, json.dumps(asdict(settings), indent=2, ensure_ascii=False).encode("utf-8"))


@dataclass(frozen=True)
class BadgeOptions:
    """``badges.json``: which badge fields show (``BADGE_FIELDS``; anything not named shows) and what
    the QR holds (``QR_MODES``: "auto", the default, signs when this data dir has the private key)."""

    hidden: frozenset[str] = frozenset()
    qr: str = "auto"

    def shows(self, field: str) -> bool:
        return field not in self.hidden


def load_badge_options(data_dir: Path | None, event_id: str | None = None) -> BadgeOptions:
    """Options from ``badges.json`` (global, then the event's own entry under "events"); defaults if
    absent or damaged; unknown fields and QR modes are ignored."""
    if data_dir is None:
        return BadgeOptions()
    raw = _saved(data_dir, BADGES_FILE)
    shown: dict[str, bool] = {}
    qr = "auto"
    layers = [raw]
    per_event = raw.get("events")
    if event_id and isinstance(per_event, dict) and isinstance(per_event.get(event_id), dict):
        layers.append(per_event[event_id])
    for layer in layers:
        chosen = layer.get("fields")
        if isinstance(chosen, dict):
            shown.update({k: bool(v) for k, v in chosen.items() if k in BADGE_FIELDS})
        if layer.get("qr") in QR_MODES:
            qr = str(layer["qr"])
    return BadgeOptions(frozenset(k for k, v in shown.items() if not v), qr)
