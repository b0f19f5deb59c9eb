"""Verdict sounds. Staff often look at the guest, not the screen: the tone tells them the verdict.

PySide6-Essentials has no QtMultimedia, so the player picks what the machine offers:
QSoundEffect (with PySide6-Addons), winsound on Windows, afplay on macOS, paplay/aplay on Linux,
else the system beep. Playing never blocks the UI thread and never raises.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from kiosk import assets
from kiosk.domain.model import Verdict

log = logging.getLogger(__name__)

SOUNDS_DIR = assets.path("sounds")

SOUND_OF: dict[Verdict, str] = {
    Verdict.ACCEPTED: "accepted",
    Verdict.EXIT_RECORDED: "exit",
    Verdict.ALREADY_CHECKED_IN: "warning",
    Verdict.NOT_INSIDE: "warning",
    Verdict.UNKNOWN: "warning",
    Verdict.CANCELLED: "refused",
    Verdict.INVALID: "refused",
    Verdict.WRONG_EVENT: "refused",
}

Backend = Callable[[Path], None]


def _qt_multimedia() -> Backend | None:
    try:
        from PySide6.QtCore import QUrl
        from PySide6.QtMultimedia import QSoundEffect
    except ImportError:
        return None
    effects: dict[Path, QSoundEffect] = {}

    def play(path: Path) -> None:
        effect = effects.get(path)
        if effect is None:
            effect = effects[path] = QSoundEffect()
            effect.setSource(QUrl.fromLocalFile(str(path)))
        effect.play()

    return play


def _command_player() -> Backend | None:
    if sys.platform == "win32":
        import winsound

        return lambda path: winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC)
    for tool in ("afplay", "paplay", "pw-play", "aplay"):
        exe = shutil.which(tool)
        if exe:
            args = [exe, "-q"] if tool == "aplay" else [exe]

            def play(path: Path, args: list[str] = args) -> None:
                subprocess.Popen([*args, str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

            return play
    return None


def _beep(_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.beep()


class SoundPlayer:
    """Plays the tone of a verdict when sounds are on (the 'sounds' setting)."""

    def __init__(self, enabled: bool = True, backend: Backend | None = None) -> None:
        self.enabled = enabled
        self._backend = backend
        self.played: list[str] = []  # names played, for tests and diagnostics

    def _resolve(self) -> Backend:
        if self._backend is None:
            self._backend = _qt_multimedia() or _command_player()
            if self._backend is None:
                log.info("no audio player on this machine (QtMultimedia, paplay, aplay...): using the beep")
                self._backend = _beep
        return self._backend

    def play(self, verdict: Verdict) -> None:
        self.play_named(SOUND_OF.get(verdict, "warning"))

    def play_named(self, name: str) -> None:
        """One of resources/sounds/*.wav by name ("warning" also calls the staff to a walk-in screen)."""
        if not self.enabled:
            return
        self.played.append(name)
        try:
            self._resolve()(SOUNDS_DIR / f"{name}.wav")
        except Exception:  # a sound must never break a check-in
            log.exception("could not play %s", name)
