"""Generate the short verdict tones (stdlib only): `python resources/sounds/generate.py`.

Distinct shapes, not just pitches, so staff tell them apart in a noisy hall:
accepted = rising two-note chime, exit = one soft note, warning = two equal beeps,
refused = low buzz.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050
HERE = Path(__file__).resolve().parent


def tone(freq: float, seconds: float, volume: float = 0.5, square: bool = False) -> list[float]:
    count = int(RATE * seconds)
    fade = int(RATE * 0.01)
    out = []
    for i in range(count):
        phase = math.sin(2 * math.pi * freq * i / RATE)
        value = (1.0 if phase >= 0 else -1.0) * 0.6 if square else phase
        envelope = min(1.0, i / fade, (count - i) / fade)
        out.append(value * volume * envelope)
    return out


def silence(seconds: float) -> list[float]:
    return [0.0] * int(RATE * seconds)


SOUNDS = {
    "accepted": tone(880, 0.09) + tone(1320, 0.16),
    "exit": tone(660, 0.15, 0.4),
    "warning": tone(740, 0.12) + silence(0.06) + tone(740, 0.12),
    "refused": tone(180, 0.35, 0.45, square=True),
}


def write(name: str, samples: list[float]) -> Path:
    path = HERE / f"{name}.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", int(s * 32767)) for s in samples))
    return path


if __name__ == "__main__":
    for sound_name, data in SOUNDS.items():
        print(write(sound_name, data))
