"""The staff PIN: what stands between a guest at the occupancy or self-service screen and "check
everyone out", the evacuation list or the way back to the staff window.

Never stored in clear: a salted scrypt hash in ``staff-pin.json`` in the data dir (mode 0600). scrypt is
slow on purpose (~50 ms a try) and the file also keeps the wrong tries: after 5 in a row the PIN is
locked for 60 s, then 120 s, 240 s... (doubling at each further lock-out, up to an hour), across
processes, so neither the screen nor the CLI can be used to try every 4-digit PIN.

Time is the machine's monotonic clock, not the wall clock: a lock-out keeps the monotonic time it
started at and the boot it belongs to (Linux's boot id), so setting the wall clock back does not lift
it and setting it forward does not stretch it. After a reboot the monotonic clock starts again: the
wall clock then tells how much of the lock-out went by, never less than none and never more than all,
and the lock-out is re-anchored on the new boot's monotonic clock. Each try is counted on disk before
the PIN is hashed, so killing the process mid-check does not give a free try; a data dir that cannot
be written refuses the check with a clear error instead of allowing tries it cannot count.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import secrets
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from kiosk.domain.os_errors import os_reason
from kiosk.files import write_bytes
from kiosk.service.errors import Refused

FILE_NAME = "staff-pin.json"
MAX_TRIES = 5
FIRST_LOCK_S = 60.0
MAX_LOCK_S = 3600.0
_N, _R, _P = 2**14, 8, 1
_BOOT_ID = Path("/proc/sys/kernel/random/boot_id")


class PinError(Refused):
    """A PIN that cannot be set, or a check refused (locked out, no PIN, data dir not writable)."""


@dataclass
class _State:
    salt: str
    hash: str
    n: int = _N
    r: int = _R
    p: int = _P
    failures: int = 0  # wrong tries since the last right one or lock-out
    lockouts: int = 0  # lock-outs since the last right PIN: each doubles the next
    lock_s: float = 0.0  # length of the current lock-out (0: none)
    lock_mono: float = 0.0  # monotonic time it started at, on boot ``lock_boot``
    lock_boot: str = ""
    lock_wall: float = 0.0  # wall time it started at: only used after a reboot

    @classmethod
    def parse(cls, raw: object) -> _State:
        if not isinstance(raw, dict):
            raise TypeError("not an object")
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in raw.items() if k in known})  # an older file's locked_until is dropped


def _hash(pin: str, salt: bytes, n: int, r: int, p: int) -> str:
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024, dklen=32).hex()


def valid_pin(pin: str) -> bool:
    return pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 12


def boot_id() -> str:
    """This boot's id (Linux); "" where there is none: then the wall clock bounds a lock-out (see above)."""
    try:
        return _BOOT_ID.read_text(encoding="ascii").strip()
    except OSError:
        return ""


class StaffPin:
    """The PIN of one data dir. ``clock``: monotonic seconds (time.monotonic); ``wall``: time.time;
    ``boot``: the boot id. Tests pass their own."""

    def __init__(self, data_dir: Path, clock: Callable[[], float] | None = None, *,
                 wall: Callable[[], float] | None = None, boot: Callable[[], str] | None = None) -> None:
        self.path = data_dir / FILE_NAME
        self.clock = clock or time.monotonic
        self.wall = wall or time.time
        self.boot = boot or boot_id

    def _load(self) -> _State | None:
        try:
            return _State.parse(json.loads(self.path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return None

    def _save(self, state: _State) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_bytes(self.path, json.dumps(asdict(state)).encode(), mode=0o600)
        except OSError as exc:
            raise PinError("pin_unwritable", path=str(self.path.parent), why=os_reason(exc)) from None

    @property
    def is_set(self) -> bool:
        return self._load() is not None

    def set(self, pin: str) -> None:
        if not valid_pin(pin):
            raise PinError("pin_invalid")
        salt = secrets.token_bytes(16)
        self._save(_State(salt.hex(), _hash(pin, salt, _N, _R, _P)))

    def _remaining(self, state: _State) -> tuple[float, bool]:
        """Seconds of lock-out left, and whether the state was re-anchored on this boot (to save)."""
        if state.lock_s <= 0:
            return 0.0, False
        now, boot = self.clock(), self.boot()
        if boot and boot == state.lock_boot:
            gone = now - state.lock_mono
            return max(0.0, state.lock_s - max(0.0, gone)), False
        # Another boot (or no boot id): the wall clock, bounded; from now on this boot's monotonic clock.
        gone = min(state.lock_s, max(0.0, self.wall() - state.lock_wall))
        state.lock_mono, state.lock_boot, state.lock_wall = now - gone, boot, self.wall() - gone
        return state.lock_s - gone, True

    def locked_for(self) -> float:
        """Seconds before the next try is allowed (0 when it is)."""
        state = self._load()
        return self._remaining(state)[0] if state else 0.0

    def check(self, pin: str) -> bool:
        """True for the right PIN. Raises PinError when no PIN is set, while locked out, or when the try
        cannot be counted (a read-only data dir)."""
        state = self._load()
        if state is None:
            raise PinError("pin_not_set")
        wait, moved = self._remaining(state)
        if wait > 0:
            if moved:
                self._save(state)
            raise PinError("pin_locked", seconds=math.ceil(wait))
        state.lock_s = 0.0
        state.failures += 1  # counted before the slow hash: a process killed now has used its try
        self._save(state)
        right = hmac.compare_digest(_hash(pin, bytes.fromhex(state.salt), state.n, state.r, state.p), state.hash)
        if right:
            state.failures = state.lockouts = 0
        elif state.failures >= MAX_TRIES:
            state.lock_s = min(MAX_LOCK_S, FIRST_LOCK_S * 2**state.lockouts)
            state.lock_mono, state.lock_boot, state.lock_wall = self.clock(), self.boot(), self.wall()
            state.lockouts += 1
            state.failures = 0
        self._save(state)
        return right
