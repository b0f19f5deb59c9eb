"""The door's rules, pure: verdict table, how scans are logged, the repeat window, time format."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from kiosk.domain import rules
from kiosk.domain.model import Attendee, Direction, Presence, Scan, ScanKind, Status, Verdict

T0 = datetime(2026, 11, 30, 17, 0, 0, tzinfo=UTC)
GUEST = Attendee(id="a1", event_id="e1", first_name="Hélène", last_name="Dupont", ticket_code="T-1")
CANCELLED = Attendee(id="a2", event_id="e1", first_name="Léa", last_name="Roux", status=Status.CANCELLED)
OUTSIDE = Presence()
INSIDE = Presence("2026-11-30T17:00:00.000Z", "door-1", "2026-11-30T17:00:00.000Z", True)
LEFT = Presence("2026-11-30T17:00:00.000Z", "door-1", "2026-11-30T17:30:00.000Z", False)


def scan(code: str = "T-1", at: datetime = T0, kind: ScanKind = ScanKind.ENTRY) -> Scan:
    return Scan(id="s1", event_id="e1", attendee_id="a1", code=code, kind=kind, verdict=Verdict.ACCEPTED,
                device_id="d1", device_name="door-1", device_time=rules.format_time(at))


@pytest.mark.parametrize(
    ("direction", "attendee", "presence", "expected"),
    [
        (Direction.ENTRY, GUEST, OUTSIDE, Verdict.ACCEPTED),
        (Direction.ENTRY, GUEST, INSIDE, Verdict.ALREADY_CHECKED_IN),
        (Direction.ENTRY, GUEST, LEFT, Verdict.ACCEPTED),  # re-entry after an exit
        (Direction.EXIT, GUEST, INSIDE, Verdict.EXIT_RECORDED),
        (Direction.EXIT, GUEST, OUTSIDE, Verdict.NOT_INSIDE),
        (Direction.EXIT, GUEST, LEFT, Verdict.NOT_INSIDE),
        (Direction.ENTRY, None, OUTSIDE, Verdict.UNKNOWN),
        (Direction.EXIT, None, OUTSIDE, Verdict.UNKNOWN),
        (Direction.ENTRY, CANCELLED, OUTSIDE, Verdict.CANCELLED),
        (Direction.ENTRY, CANCELLED, INSIDE, Verdict.CANCELLED),  # cancellation wins over presence
        (Direction.EXIT, CANCELLED, INSIDE, Verdict.CANCELLED),
    ],
)
def test_decide(direction: Direction, attendee: Attendee | None, presence: Presence, expected: Verdict) -> None:
    assert rules.decide(direction, attendee, presence) is expected


def test_only_accepted_and_exit_recorded_admit() -> None:
    assert {v for v in Verdict if v.admits} == {Verdict.ACCEPTED, Verdict.EXIT_RECORDED}


@pytest.mark.parametrize(
    ("direction", "verdict", "kind"),
    [
        (Direction.ENTRY, Verdict.ACCEPTED, ScanKind.ENTRY),
        (Direction.EXIT, Verdict.EXIT_RECORDED, ScanKind.EXIT),
        *[(Direction.ENTRY, v, ScanKind.REFUSED) for v in Verdict if v not in (Verdict.ACCEPTED,
                                                                               Verdict.EXIT_RECORDED)],
        (Direction.EXIT, Verdict.NOT_INSIDE, ScanKind.REFUSED),
    ],
)
def test_scan_kind(direction: Direction, verdict: Verdict, kind: ScanKind) -> None:
    assert rules.scan_kind(verdict) is kind


def test_repeat_window_is_three_seconds_and_same_code_only() -> None:
    previous = scan()
    entry = Direction.ENTRY
    assert timedelta(seconds=3) == rules.REPEAT_WINDOW
    assert rules.is_repeat(previous, "T-1", entry, T0)
    assert rules.is_repeat(previous, "T-1", entry, T0 + timedelta(seconds=2.999))
    assert not rules.is_repeat(previous, "T-1", entry, T0 + timedelta(seconds=3))
    assert not rules.is_repeat(previous, "T-1", entry, T0 + timedelta(seconds=60))
    assert not rules.is_repeat(previous, "T-2", entry, T0 + timedelta(seconds=1))
    assert not rules.is_repeat(None, "T-1", entry, T0)


def test_an_undo_is_never_a_repeat() -> None:
    """After 'undo' the same ticket must be readable again at once."""
    assert not rules.is_repeat(scan(kind=ScanKind.UNDO), "T-1", Direction.ENTRY, T0 + timedelta(seconds=1))


def logged(kind: ScanKind, verdict: Verdict) -> Scan:
    return Scan(id="s1", event_id="e1", attendee_id="a1", code="T-1", kind=kind, verdict=verdict,
                device_id="d1", device_name="door-1", device_time=rules.format_time(T0))


@pytest.mark.parametrize(
    ("kind", "verdict", "intent"),
    [
        (ScanKind.ENTRY, Verdict.ACCEPTED, Direction.ENTRY),
        (ScanKind.OVERRIDE, Verdict.ACCEPTED, Direction.ENTRY),
        (ScanKind.REFUSED, Verdict.ALREADY_CHECKED_IN, Direction.ENTRY),
        (ScanKind.EXIT, Verdict.EXIT_RECORDED, Direction.EXIT),
        (ScanKind.REFUSED, Verdict.NOT_INSIDE, Direction.EXIT),
        *[(ScanKind.REFUSED, v, None) for v in (Verdict.UNKNOWN, Verdict.CANCELLED, Verdict.INVALID,
                                                 Verdict.WRONG_EVENT)],
    ],
)
def test_repeat_only_for_the_same_intent(kind: ScanKind, verdict: Verdict, intent: Direction | None) -> None:
    """An exit right after an entry (or after 'already checked in') is a new decision, not a replay;
    where the verdict does not depend on the direction, either direction replays it."""
    previous, soon = logged(kind, verdict), T0 + timedelta(seconds=1)
    assert rules.scan_intent(previous) is intent
    for direction in Direction:
        assert rules.is_repeat(previous, "T-1", direction, soon) is (intent in (None, direction))


def test_override_offered_only_for_known_refused_guests() -> None:
    assert {v for v in Verdict if rules.can_override(v)} == {Verdict.ALREADY_CHECKED_IN, Verdict.CANCELLED}


def test_time_format_is_utc_with_milliseconds_and_round_trips() -> None:
    paris = timezone(timedelta(hours=1))
    moment = datetime(2026, 11, 30, 18, 2, 3, 123456, tzinfo=paris)
    text = rules.format_time(moment)
    assert text == "2026-11-30T17:02:03.123Z"
    assert rules.parse_time(text) == datetime(2026, 11, 30, 17, 2, 3, 123000, tzinfo=UTC)
    # Lexical order of the stored strings is time order (the log is sorted on them).
    later = rules.format_time(moment + timedelta(milliseconds=1))
    assert later > text
