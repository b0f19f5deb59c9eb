"""``CameraState`` and ``CameraStatus``: what a ``CameraStream`` reports instead of raising."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class CameraState(enum.Enum):
    STARTING = "starting"
    LIVE = "live"
    LOST = "lost"  # could not open, or frames stopped coming: message says which
    RECONNECTING = "reconnecting"
    ENDED = "ended"  # a video file reached its end (it is reopened after reconnect_delay)
    STOPPED = "stopped"


@dataclass(frozen=True)
class CameraStatus:
    """What ``on_status`` receives. ``attempt`` counts reconnection attempts since the last LIVE."""

    state: CameraState
    message: str = ""
    attempt: int = 0

    def __str__(self) -> str:
        return f"{self.state.value}: {self.message}" if self.message else self.state.value
