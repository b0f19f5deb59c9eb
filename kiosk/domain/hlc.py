"""Hybrid logical clock: orders what several kiosks did although their clocks differ by minutes.

A stamp is (wall time in ms, counter). A kiosk stamps each event with ``tick`` (its own clock, but
never behind the latest stamp it has issued or seen) and, when it pulls from the hub, moves its
clock forward with ``observe``. So a guest's exit recorded on a kiosk whose clock is ten minutes
late, after that kiosk saw the entry, still sorts after the entry.

Stamps are encoded as the store's time text plus a counter, ``2026-11-30T17:02:03.123Z#0001``
(counter 0 has no suffix), so encoded stamps sort like the stamps themselves and a plain device
time sorts as a stamp with counter 0: scans recorded before the clock existed still fold in order.
A counter past 9999 is written ``#~`` + its number of digits (two) + its digits (``#~0510000``):
``~`` sorts after every digit and the length before the digits, so text order is stamp order for
any counter, and every stamp already stored (four digits) keeps its text. A stamp is valid only in
that one spelling (:func:`parse`): ``#10000``, which would sort before ``#9999``, is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, order=True)
class Stamp:
    wall_ms: int
    counter: int = 0

    def encode(self) -> str:
        moment = _EPOCH + timedelta(milliseconds=self.wall_ms)
        text = f"{moment.year:04d}" + moment.strftime("-%m-%dT%H:%M:%S.") + f"{self.wall_ms % 1000:03d}Z"
        if self.counter == 0:
            return text
        if self.counter <= _SHORT_MAX:
            return f"{text}#{self.counter:04d}"
        digits = str(self.counter)
        return f"{text}#~{len(digits):02d}{digits}"


_SHORT_MAX = 9999  # counters up to this are written with four digits, larger ones length-prefixed


ZERO = Stamp(0, 0)


def to_ms(time_text: str) -> int:
    """Milliseconds since the epoch of a store time (``...T17:02:03.123Z``)."""
    if not time_text.endswith("Z"):
        raise ValueError(f"not a UTC store time: {time_text!r}")
    moment = datetime.fromisoformat(time_text[:-1]).replace(tzinfo=UTC)
    return (moment - _EPOCH) // timedelta(milliseconds=1)


def decode(text: str) -> Stamp:
    """The stamp of an encoded HLC or of a plain device time (counter 0). ValueError if neither.
    Lenient about the counter's spelling (a clock saved before the ``#~`` form reads back)."""
    wall, _, counter = text.partition("#")
    if counter.startswith("~"):
        counter = counter[3:]
    if counter and not counter.isdigit():
        raise ValueError(f"not a stamp counter: {counter[:40]!r}")
    return Stamp(to_ms(wall), int(counter) if counter else 0)


def parse(text: str) -> Stamp:
    """The stamp of ``text`` if it is a stamp in its one valid spelling (what :meth:`Stamp.encode`
    writes), else ValueError: stamps are compared as text, so another spelling would sort wrong."""
    if not isinstance(text, str) or len(text) > 64:
        raise ValueError("not a stamp")
    stamp = decode(text)
    if stamp.encode() != text:
        raise ValueError(f"not a stamp in its canonical form: {text[:64]!r}")
    return stamp


def tick(last: Stamp, now_ms: int) -> Stamp:
    """The stamp of a new local event at physical time ``now_ms``, after ``last`` (issued or seen)."""
    if now_ms > last.wall_ms:
        return Stamp(now_ms, 0)
    return Stamp(last.wall_ms, last.counter + 1)


def observe(last: Stamp, remote: Stamp) -> Stamp:
    """The clock after seeing ``remote`` from another kiosk: never behind either.

    Observing does not consume a stamp: the next ``tick`` is strictly after both.
    """
    return max(last, remote)


def offset_ms(device_time: str, received_at: str) -> int:
    """How far a kiosk's clock was ahead of the hub's (negative: behind), from one pushed scan."""
    return to_ms(device_time) - to_ms(received_at)
