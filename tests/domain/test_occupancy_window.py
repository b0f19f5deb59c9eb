"""Time drawn inside the event's window (issue 21): a scan from a laptop whose clock says 2001 (or 9999,
or nothing readable) is counted in every figure but never stretches the timeline, and never raises."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.model import ScanKind
from kiosk.domain.occupancy import WINDOW_BINS, Move, Person, event_window, fold_occupancy

START = "2026-11-30T18:00:00+01:00"  # 17:00 UTC
T0 = datetime(2026, 11, 30, 17, 0, tzinfo=UTC)
PEOPLE = [Person(f"p{i}") for i in range(8)]


def at(minutes: float) -> str:
    moment = T0 + timedelta(minutes=minutes)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def evening(extra: list[Move] = ()) -> list[Move]:  # type: ignore[assignment]
    moves = [Move(f"e{i}", f"p{i}", ScanKind.ENTRY.value, at(10 * i)) for i in range(6)]
    moves.append(Move("x0", "p0", ScanKind.EXIT.value, at(95)))
    return [*moves, *extra]


def test_one_scan_dated_2001_is_counted_not_drawn() -> None:
    plain = fold_occupancy(PEOPLE, evening(), starts_at=START, now=at(120))
    old = fold_occupancy(PEOPLE, evening([Move("o", "p7", "entry", "2001-01-01T12:00:00.000Z")]),
                         starts_at=START, now=at(120))
    assert (old.arrived, old.in_room) == (plain.arrived + 1, plain.in_room + 1)
    assert [b.start for b in old.timeline] == [b.start for b in plain.timeline]  # the same evening, 17:00-19:00
    assert len(old.timeline) == 25 and old.timeline[0].start == "2026-11-30T17:00:00.000Z"
    assert old.untimed == 1 and plain.untimed == 0
    assert old.timeline[0].inside_at_end == plain.timeline[0].inside_at_end + 1  # in the room when it starts
    assert old.timeline[-1].inside_at_end == old.in_room
    assert old.peak == plain.peak + 1 and old.peak_at is not None and old.peak_at.startswith("2026-11-30")


def test_times_that_are_no_time_are_counted_and_never_raise() -> None:
    odd = [Move("a", "p6", "entry", "not a time"), Move("b", "p7", "entry", ""),
           Move("c", "p7", "exit", "2026-13-45T99:00:00Z"), Move("d", "p6", "exit", at(50)),
           Move("e", "p1", "exit", "9999-12-31T23:59:59.999Z")]
    f = fold_occupancy(PEOPLE, evening(odd), starts_at=START, now="0000-garbage")
    # A scan with no time at all replays before every timed one (kiosk.domain.presence.replay_key): p6 came
    # in at an unknown time and left at 17:50; p7's two scans have no time, the id orders them.
    assert f.arrived == 8 and f.in_room == 4  # p2 p3 p4 p5 inside; p0 p1 p6 p7 left
    assert f.untimed == 4 and all(b.inside_at_end >= 0 for b in f.timeline)
    assert f.timeline[-1].inside_at_end == 5  # p1's exit in 9999 is not on the chart: still drawn inside


def test_clocks_at_the_ends_of_the_calendar() -> None:
    for edge in ("0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z"):
        f = fold_occupancy(PEOPLE, [Move("a", "p1", "entry", edge), Move("b", "p2", "entry", edge)], now=edge)
        assert f.in_room == 2 and f.peak == 2 and len(f.timeline) == 1


def test_a_clock_far_ahead_or_now_far_ahead_keeps_the_bins_bounded() -> None:
    far = fold_occupancy(PEOPLE, evening([Move("f", "p7", "entry", "2031-01-01T00:00:00.000Z")]), starts_at=START,
                         now="2040-01-01T00:00:00.000Z")
    assert len(far.timeline) <= WINDOW_BINS + 1 and far.untimed == 1


def test_the_window_follows_the_bulk_when_the_events_date_is_wrong_or_missing() -> None:
    month_off = fold_occupancy(PEOPLE, evening(), starts_at="2026-10-30T18:00:00+01:00")
    no_start = fold_occupancy(PEOPLE, evening())
    for f in (month_off, no_start):
        assert f.timeline[0].start == "2026-11-30T17:00:00.000Z" and f.untimed == 0
    bulk = 1000
    assert event_window(None, {bulk: 50, 3: 1}) == (bulk - WINDOW_BINS // 2, bulk + WINDOW_BINS // 2)
    assert event_window(bulk, {bulk + 10: 50, 3: 1})[0] < bulk


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 7), st.sampled_from(["entry", "exit", "override"]),
                          st.one_of(st.integers(-100_000_000, 100_000_000).map(lambda m: at(m / 1000)),
                                    st.integers(-120, 600).map(at), st.text(max_size=30))), max_size=40))
def test_property_any_device_time_gives_bounded_non_negative_bins(log: list[tuple[int, str, str]]) -> None:
    moves = [Move(f"m{i}", f"p{who}", kind, when, hlc=f"h{i:05d}") for i, (who, kind, when) in enumerate(log)]
    f = fold_occupancy(PEOPLE, moves, starts_at=START, now=at(300))
    assert len(f.timeline) <= WINDOW_BINS + 1
    assert all(b.inside_at_end >= 0 and b.arrivals >= 0 and b.departures >= 0 for b in f.timeline)
    assert 0 <= f.in_room <= f.peak or not f.timeline
