"""Presence as a fold over the log: entries, exits, overrides, undo, any arrival order."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from kiosk.domain.model import Presence, Scan, ScanKind, Verdict
from kiosk.domain.presence import fold_presence
from kiosk.domain.rules import format_time

T0 = datetime(2026, 11, 30, 17, 0, tzinfo=UTC)


def at(minutes: float) -> str:
    return format_time(T0 + timedelta(minutes=minutes))


def ev(sid: str, kind: ScanKind, minutes: float, device: str = "door-1", target: str | None = None) -> Scan:
    verdict = {ScanKind.EXIT: Verdict.EXIT_RECORDED, ScanKind.REFUSED: Verdict.ALREADY_CHECKED_IN}.get(
        kind, Verdict.ACCEPTED)
    return Scan(id=sid, event_id="e", attendee_id="a", code="T-1", kind=kind, verdict=verdict,
                device_id=f"id-{device}", device_name=device, device_time=at(minutes), target_id=target)


def test_empty_log_is_nobody() -> None:
    assert fold_presence([]) == Presence()
    assert not fold_presence([]).checked_in


def test_entry_exit_reentry() -> None:
    log = [ev("1", ScanKind.ENTRY, 0, "door-1"), ev("2", ScanKind.EXIT, 30, "door-2")]
    p = fold_presence(log)
    assert (p.checked_in, p.inside, p.first_entry_at, p.first_entry_device, p.last_scan_at) == (
        True, False, at(0), "door-1", at(30))
    p = fold_presence([*log, ev("3", ScanKind.ENTRY, 45, "door-2")])
    assert p.inside and p.first_entry_at == at(0) and p.first_entry_device == "door-1"
    assert p.last_scan_at == at(45)


def test_refused_scans_change_nothing() -> None:
    p = fold_presence([ev("1", ScanKind.ENTRY, 0), ev("2", ScanKind.REFUSED, 5)])
    assert p == Presence(at(0), "door-1", at(0), True, "id-door-1")
    assert fold_presence([ev("1", ScanKind.REFUSED, 0)]) == Presence()


def test_override_counts_as_entry() -> None:
    p = fold_presence([ev("1", ScanKind.OVERRIDE, 3, "desk")])
    assert p == Presence(at(3), "desk", at(3), True, "id-desk")


def test_undo_cancels_its_target_only() -> None:
    entry, exit_ = ev("1", ScanKind.ENTRY, 0), ev("2", ScanKind.EXIT, 10)
    undo_exit = ev("3", ScanKind.UNDO, 11, target="2")
    assert fold_presence([entry, exit_, undo_exit]) == Presence(at(0), "door-1", at(0), True, "id-door-1")
    undo_entry = ev("4", ScanKind.UNDO, 1, target="1")
    assert fold_presence([entry, undo_entry]) == Presence()
    # The undo is itself not an entry or exit: last_scan_at ignores it.
    assert fold_presence([entry, ev("5", ScanKind.ENTRY, 20), ev("6", ScanKind.UNDO, 21, target="5")]).last_scan_at \
        == at(0)


def test_same_answer_whatever_the_arrival_order() -> None:
    """Logs merged from several kiosks arrive in any order: the fold sorts by device time."""
    log = [
        ev("a", ScanKind.ENTRY, 0, "door-1"), ev("b", ScanKind.REFUSED, 1, "door-2"),
        ev("c", ScanKind.EXIT, 30, "door-2"), ev("d", ScanKind.ENTRY, 40, "door-3"),
        ev("e", ScanKind.EXIT, 50, "door-1"), ev("f", ScanKind.UNDO, 51, "door-1", target="e"),
    ]
    expected = Presence(at(0), "door-1", at(40), True, "id-door-1")
    rng = random.Random(7)
    for _ in range(50):
        shuffled = log[:]
        rng.shuffle(shuffled)
        assert fold_presence(shuffled) == expected


def test_ties_on_device_time_are_broken_by_id() -> None:
    entry, exit_ = ev("a", ScanKind.ENTRY, 0), ev("b", ScanKind.EXIT, 0)
    assert fold_presence([exit_, entry]).inside is False  # "a" then "b"
    assert fold_presence([entry, exit_]).inside is False


def test_replay_key_reads_a_counter_past_9999_in_the_hlc_spelling() -> None:
    from kiosk.domain import hlc
    from kiosk.domain.presence import replay_key

    wall = "2026-12-07T18:00:00.000Z"
    past = hlc.Stamp(hlc.to_ms(wall), 10_000).encode()
    assert past.startswith(wall + "#~")
    assert replay_key(past, wall, "b") > replay_key(f"{wall}#9999", wall, "a")
    assert replay_key(past, wall, "b")[1] == 10_000
