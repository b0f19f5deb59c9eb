"""What a camera status means at the door: a header light and a sentence over the preview."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from kiosk.ui.widgets.header import Light


def _state_name(status: Any) -> str:
    state = getattr(status, "state", status)
    return str(getattr(state, "value", state)).lower()


def is_live(status: Any) -> bool:
    return _state_name(status) in ("live", "running", "ok")


def describe(status: Any, *, absent: bool = False) -> tuple[Light, str, str]:
    """(light, short header text, preview overlay) for an adapter CameraStatus.

    ``absent``: a webcam that never showed a frame is "not found" (a laptop without a webcam, the
    scanner does the work), not "lost" in red: red is for a camera that went away or a bad setting.
    """
    name = _state_name(status)
    if name in ("live", "running", "ok"):
        return Light.OK, QCoreApplication.translate("Camera", "OK"), ""
    if name in ("lost", "reconnecting") and absent:
        return (Light.OFF, QCoreApplication.translate("Camera", "not found"),
                QCoreApplication.translate("Camera", "No camera found: use the handheld scanner"))
    if name == "starting":
        return (Light.WARN, QCoreApplication.translate("Camera", "starting"),
                QCoreApplication.translate("Camera", "Starting camera…"))
    if name in ("lost", "reconnecting"):
        return (Light.ERROR, QCoreApplication.translate("Camera", "lost — reconnecting"),
                QCoreApplication.translate("Camera", "Camera lost — reconnecting…"))
    if name == "ended":
        return (Light.WARN, QCoreApplication.translate("Camera", "video ended"),
                QCoreApplication.translate("Camera", "Video ended"))
    if name == "stopped":
        return (Light.OFF, QCoreApplication.translate("Camera", "stopped"),
                QCoreApplication.translate("Camera", "Camera stopped"))
    return Light.WARN, name, name
