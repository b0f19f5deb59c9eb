"""Refuse to start on a PySide6 build that corrupts reference counts on Python < 3.12.

Measured here: PySide6-Essentials 6.12.0 on Python 3.11 drops one reference to ``None`` on every
call of a method returning void (``setText``, ``update``...) and one to ``True`` on every signal
``emit``; the interpreter aborts ("deallocating None") after a few thousand calls, i.e. minutes
into an event. pyproject.toml pins ``PySide6-Essentials<6.12``; this check turns an unpinned
install into a clear error at start instead of a crash at the door.
"""

from __future__ import annotations

import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Signal


class BrokenBindingError(RuntimeError):
    pass


class _Probe(QObject):
    fired = Signal()


def leaks() -> bool:
    """True when void calls or emits leak references to None/True (this interpreter + binding)."""
    if sys.version_info >= (3, 12):
        return False  # immortal singletons: a missing reference cannot hurt
    probe = _Probe()
    probe.fired.connect(lambda: None)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(200):
        probe.setObjectName("probe")
        probe.fired.emit()
    return sys.getrefcount(None) - none_before <= -150 or sys.getrefcount(True) - true_before <= -150


def check() -> None:
    if leaks():
        raise BrokenBindingError(
            f"PySide6 {pyside_version} on Python {sys.version_info[0]}.{sys.version_info[1]} corrupts reference "
            "counts and would crash the window within minutes: pip install 'PySide6-Essentials<6.12' "
            "(or use Python >= 3.12)"
        )
