"""The hybrid logical clock: monotone, advanced by what a kiosk saw, immune to ±10 min of skew."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain import hlc
from kiosk.domain.model import Scan, ScanKind, Verdict
from kiosk.domain.presence import fold_presence

T0 = hlc.to_ms("2026-11-30T18:00:00.000Z")
MIN = 60_000


def test_encoding_sorts_like_stamps_and_like_device_times() -> None:
    a, b, c = hlc.Stamp(T0, 0), hlc.Stamp(T0, 1), hlc.Stamp(T0 + 1, 0)
    assert a.encode() == "2026-11-30T18:00:00.000Z"
    assert a.encode() < b.encode() < c.encode()
    assert hlc.decode(b.encode()) == b
    assert hlc.decode("2026-11-30T18:00:00.000Z") == a


@given(st.lists(st.integers(T0 - 20 * MIN, T0 + 20 * MIN), min_size=1, max_size=50))
def test_ticks_strictly_increase_even_when_the_clock_goes_back(times: list[int]) -> None:
    last, issued = hlc.ZERO, []
    for t in times:
        last = hlc.tick(last, t)
        issued.append(last)
    assert issued == sorted(issued)
    assert len(set(issued)) == len(issued)
    assert [s.encode() for s in issued] == sorted(s.encode() for s in issued)


def _scan(sid: str, kind: ScanKind, device_time: str, stamp: str) -> Scan:
    return Scan(id=sid, event_id="e", attendee_id="a", code="X", kind=kind, verdict=Verdict.ACCEPTED,
                device_id=sid, device_name=sid, device_time=device_time, hlc=stamp)


def test_entry_then_exit_survives_a_kiosk_ten_minutes_late() -> None:
    """Kiosk A (on time) lets the guest in at 18:00; kiosk B, 10 min late, has seen A's scan and
    records the exit two minutes later (its clock says 17:52). By device time the exit comes first
    and the guest would be inside; by HLC the exit is after the entry."""
    entry_stamp = hlc.tick(hlc.ZERO, T0)
    b_clock = hlc.observe(hlc.ZERO, entry_stamp)
    b_now = T0 + 2 * MIN - 10 * MIN
    exit_stamp = hlc.tick(b_clock, b_now)
    assert exit_stamp > entry_stamp
    entry = _scan("a1", ScanKind.ENTRY, entry_stamp.encode(), entry_stamp.encode())
    exit_ = _scan("b1", ScanKind.EXIT, hlc.Stamp(b_now).encode(), exit_stamp.encode())
    assert exit_.device_time < entry.device_time  # the trap
    for log in ([entry, exit_], [exit_, entry]):
        assert fold_presence(log).inside is False
        assert fold_presence(log).checked_in


def test_exit_then_entry_survives_a_kiosk_ten_minutes_early() -> None:
    exit_stamp = hlc.tick(hlc.ZERO, T0)
    ahead = hlc.tick(hlc.observe(hlc.ZERO, exit_stamp), T0 + MIN)  # entry one minute later, on time
    early = hlc.tick(hlc.ZERO, T0 + 10 * MIN)  # a kiosk 10 min early that saw nothing
    assert ahead > exit_stamp and early > exit_stamp


def test_offset_of_a_clock_behind_the_hub_is_negative() -> None:
    assert hlc.offset_ms("2026-11-30T17:50:00.000Z", "2026-11-30T18:00:00.000Z") == -10 * MIN
