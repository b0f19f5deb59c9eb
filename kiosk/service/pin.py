"""The staff PIN: what stands between a guest at the occupancy or self-service screen and "check
everyone out", the evacuation list or the way back to the staff window.

Never stored in clear: a salted scrypt hash in ``staff-pin.json`` in the data dir (mode 0600). scrypt is
slow on purpose (~50 ms a try) and the file also keeps the wrong tries: after 5 in a row the PIN is
locked for 60 s, then 120 s, 240 s... (doubling at each further lock-out, up to an hour), across
processes, so neither the screen nor the CLI can be used to try every 4-digit PIN.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import os
import secrets
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from kiosk.service.errors import KioskError

FILE_NAME = "staff-pin.json"
MAX_TRIES = 5
FIRST_LOCK_S = 60.0
MAX_LOCK_S = 3600.0
_N, _R, _P = 2**14, 8, 1


class PinError(KioskError):
    """A PIN that cannot be set, or a check refused while locked out."""


@dataclass
class _State:
    salt: str
    hash: str
    n: int = _N
    r: int = _R
    p: int = _P
    failures: int = 0  # wrong tries since the last right one or lock-out
    lockouts: int = 0  # lock-outs since the last right PIN: each doubles the next
    locked_until: float = 0.0


def _hash(pin: str, salt: bytes, n: int, r: int, p: int) -> str:
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024, dklen=32).hex()


def valid_pin(pin: str) -> bool:
    return pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 12


class StaffPin:
    """The PIN of one data dir. ``clock`` returns seconds (time.time); tests pass their own."""

    def __init__(self, data_dir: Path, clock: Callable[[], float] | None = None) -> None:
        import time

        self.path = data_dir / FILE_NAME
        self.clock = clock or time.time

    def _load(self) -> _State | None:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            return _State(**raw)
        except (OSError, ValueError, TypeError):
            return None

    def _save(self, state: _State) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(asdict(state), out)
        os.replace(tmp, self.path)

    @property
    def is_set(self) -> bool:
        return self._load() is not None

    def set(self, pin: str) -> None:
        if not valid_pin(pin):
            raise PinError("a staff PIN is 4 to 12 digits")
        salt = secrets.token_bytes(16)
        self._save(_State(salt.hex(), _hash(pin, salt, _N, _R, _P)))

    def locked_for(self) -> float:
        """Seconds before the next try is allowed (0 when it is)."""
        state = self._load()
        return max(0.0, state.locked_until - self.clock()) if state else 0.0

    def check(self, pin: str) -> bool:
        """True for the right PIN. Raises PinError when no PIN is set or while locked out."""
        state = self._load()
        if state is None:
            raise PinError("no staff PIN is set: run `kiosk pin set` first")
        wait = state.locked_until - self.clock()
        if wait > 0:
            raise PinError(f"too many wrong PINs: try again in {math.ceil(wait)} s")
        right = hmac.compare_digest(_hash(pin, bytes.fromhex(state.salt), state.n, state.r, state.p), state.hash)
        if right:
            state.failures = state.lockouts = 0
            state.locked_until = 0.0
        else:
            state.failures += 1
            if state.failures >= MAX_TRIES:
                state.locked_until = self.clock() + min(MAX_LOCK_S, FIRST_LOCK_S * 2**state.lockouts)
                state.lockouts += 1
                state.failures = 0
        self._save(state)
        return right
