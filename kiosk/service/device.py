"""This computer's identity: what tells a data dir copied to another machine apart from the original."""

from __future__ import annotations

import os
import uuid
from pathlib import Path


def machine_id() -> str:
    """This computer's id (``/etc/machine-id`` and kin), so a data dir copied to another machine is
    told apart from the original and gets a device id of its own. ``KIOSK_MACHINE_ID`` overrides."""
    forced = os.environ.get("KIOSK_MACHINE_ID")
    if forced:
        return forced
    for path in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        try:
            text = Path(path).read_text(encoding="ascii").strip()
        except OSError:
            continue
        if text:
            return text
    return f"node-{uuid.getnode():012x}"
