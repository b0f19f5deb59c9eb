"""Camera capture and live decoding on plain threads, so the Qt UI can wrap them in its own signals.

``CameraStream`` reads frames from a webcam (device index), a video file or a stream URL (a phone
used as an IP camera) with ``cv2.VideoCapture`` in a daemon thread. It never raises out of that
thread: a camera that cannot be opened or stops delivering frames is reported as LOST with a
message, then reopened with exponential backoff (RECONNECTING), forever, until ``stop()``.

A video file plays in real time at its own frame rate (capped by ``fps_limit``; frames are skipped,
not slowed down, like a camera). At its end it either loops (``loop_file=True``) or reports ENDED and,
after ``reconnect_delay``, RECONNECTING and plays again from the start, so a file stands in for a
camera in demos and tests. Frame indexes count the frames read from the source since ``start()``
(skipped ones included), so for a file's first pass the index is the frame's position in the file.

``LatestFrameDecoder`` decodes on its own thread and always takes the newest frame: ``offer()``
replaces a single slot, so a slow decoder drops stale frames instead of queueing them (latency
stays one decode long, whatever the camera's rate). Counters prove it.

Modules, by job: ``sources`` (``parse_source``, ``list_cameras``), ``status`` (``CameraState``,
``CameraStatus``), ``stream`` (``CameraStream``), ``latest_frame`` (``LatestFrameDecoder``).

Callbacks run on the capture/decoder threads: keep them short (hand over to the UI thread).
"""

from kiosk.adapters.camera.latest_frame import CodesCallback as CodesCallback
from kiosk.adapters.camera.latest_frame import LatestFrameDecoder
from kiosk.adapters.camera.sources import list_cameras, parse_source
from kiosk.adapters.camera.status import CameraState, CameraStatus
from kiosk.adapters.camera.stream import CameraStream
from kiosk.adapters.camera.stream import FrameCallback as FrameCallback
from kiosk.adapters.camera.stream import StatusCallback as StatusCallback

__all__ = [
    "CameraState",
    "CameraStatus",
    "CameraStream",
    "LatestFrameDecoder",
    "list_cameras",
    "parse_source",
]
