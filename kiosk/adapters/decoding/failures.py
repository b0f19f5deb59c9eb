"""Decoder errors are logged here, throttled, instead of escaping ``decode``."""

from __future__ import annotations

import logging
import threading

log = logging.getLogger(__package__)  # one logger for the whole package: "kiosk.adapters.decoding"


class _Throttle:
    """Log a failing stage, but not 30 times a second: first few, then every 500th, with counts."""

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}
        self._lock = threading.Lock()

    def report(self, stage: str, exc: BaseException) -> None:
        with self._lock:
            n = self._counts.get(stage, 0) + 1
            self._counts[stage] = n
        if n <= 3 or n % 500 == 0:
            log.warning("decoder stage %s failed (%d times so far): %r", stage, n, exc,
                        exc_info=n <= 1)


_failures = _Throttle()
