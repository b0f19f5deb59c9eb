"""The occupancy fold on scripted logs and, with Hypothesis, on any log: people counted once, inside never
negative, the same answer whatever order or batches the log arrives in, and the door's presence agreed."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.model import Scan, ScanKind, Verdict
from kiosk.domain.occupancy import Figures, Move, OccupancyFold, Person, fold_occupancy, level, track
from kiosk.domain.presence import fold_presence

T0 = datetime(2026, 3, 12, 17, 0, tzinfo=UTC)


def at(minutes: float) -> str:
    moment = T0 + timedelta(minutes=minutes)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


class Log:
    """A scripted log: ``log.entry("ann", 3)`` is Ann scanned in at 17:03."""

    def __init__(self) -> None:
        self.moves: list[Move] = []

    def _add(self, who: str, kind: ScanKind, minute: float, target: str | None = None) -> str:
        scan_id = f"s{len(self.moves):04d}"
        self.moves.append(Move(scan_id, who, kind.value, at(minute), target))
        return scan_id

    def entry(self, who: str, minute: float) -> str:
        return self._add(who, ScanKind.ENTRY, minute)

    def exit(self, who: str, minute: float) -> str:
        return self._add(who, ScanKind.EXIT, minute)

    def override(self, who: str, minute: float) -> str:
        return self._add(who, ScanKind.OVERRIDE, minute)

    def refused(self, who: str, minute: float) -> str:
        return self._add(who, ScanKind.REFUSED, minute)

    def undo(self, who: str, target: str, minute: float) -> str:
        return self._add(who, ScanKind.UNDO, minute, target)


PEOPLE = [Person("ann", workshop="Se loger", category="Jeune"), Person("bob", workshop="Se nourrir"),
          Person("cy", walk_in=True, workshop="Se loger"), Person("dee", valid=False, workshop="Se vêtir")]
WORKSHOPS = [("Se loger", 50), ("Se nourrir", 50), ("Se vêtir", 50)]


def figures(log: Log, *, now: str | None = None, with_peak: bool = True) -> Figures:
    return fold_occupancy(PEOPLE, log.moves, capacity=180, workshops=WORKSHOPS, categories=["Jeune"], now=now,
                          with_peak=with_peak)


def test_entries_and_exits_count_people_and_their_groups() -> None:
    log = Log()
    log.entry("ann", 1)
    log.entry("bob", 2)
    log.exit("bob", 20)
    log.entry("cy", 21)
    f = figures(log)
    assert (f.registered, f.arrived, f.inside, f.walk_ins, f.walk_ins_arrived, f.cancelled) == (3, 3, 2, 1, 1, 1)
    assert f.not_arrived == 0 and f.capacity == 180
    loger = f.by_workshop["Se loger"]
    assert (loger.registered, loger.arrived, loger.inside, loger.capacity) == (2, 2, 2, 50)
    assert (f.by_workshop["Se nourrir"].arrived, f.by_workshop["Se nourrir"].inside) == (1, 0)
    assert f.by_workshop["Se vêtir"].registered == 0  # the cancelled registration is not a place
    assert f.by_category["Jeune"].inside == 1
    assert (f.peak, f.peak_at) == (2, at(2))


def test_duplicate_entries_from_two_offline_kiosks_are_one_arrival() -> None:
    log = Log()
    log.entry("ann", 1)  # door 1
    log.entry("ann", 1.5)  # door 2, offline, did not know
    log.override("ann", 2)  # and staff let her in anyway
    f = figures(log)
    assert (f.arrived, f.inside, f.peak) == (1, 1, 1)
    assert sum(b.arrivals for b in f.timeline) == 1


def test_undo_cancels_an_entry_and_an_exit() -> None:
    log = Log()
    wrong = log.entry("bob", 1)
    log.undo("bob", wrong, 1.2)
    assert figures(log).arrived == 0 and figures(log).inside == 0
    log.entry("ann", 3)
    out = log.exit("ann", 4)
    log.undo("ann", out, 4.1)  # she had not left after all
    f = figures(log)
    assert (f.arrived, f.inside) == (1, 1)
    assert sum(b.departures for b in f.timeline) == 0


def test_exit_without_entry_never_makes_inside_negative() -> None:
    log = Log()
    log.exit("ann", 1)
    log.exit("bob", 2)
    log.refused("cy", 3)
    f = figures(log)
    assert (f.inside, f.arrived, f.peak) == (0, 0, 0) and f.timeline == ()


def test_an_override_on_a_cancelled_registration_is_in_the_room_but_not_an_arrival() -> None:
    log = Log()
    log.override("dee", 5)
    log.override("stranger", 6)  # scanned before this kiosk received the registration
    f = figures(log)
    assert (f.arrived, f.inside, f.inside_other, f.in_room) == (0, 0, 2, 2)
    assert f.by_workshop["Se vêtir"].inside == 0


def test_a_late_clock_replays_by_device_time_like_the_door() -> None:
    # Door 2's clock is ten minutes late: its exit at "17:25" happened after door 1's entry at 17:30.
    # The fold trusts device time, as the door's presence does, so both agree (she reads as inside);
    # what matters here is that it is one person, counted once, and the door and the screen agree.
    log = Log()
    log.entry("ann", 30)
    log.exit("ann", 25)
    f = figures(log)
    presence = fold_presence(scans_of(log.moves))
    assert f.inside == int(presence.inside) == 1 and f.arrived == 1
    # The exit "before" her entry is no departure: the chart never dips below zero.
    assert [(b.start, b.arrivals, b.departures, b.inside_at_end) for b in f.timeline] == [(at(30), 1, 0, 1)]


def test_timeline_bins_and_inside_at_each_bin_end() -> None:
    log = Log()
    log.entry("ann", 0.5)
    log.entry("bob", 4)
    log.exit("ann", 7)
    log.entry("cy", 16)
    f = figures(log, now=at(22))
    assert [(b.start[11:16], b.arrivals, b.departures, b.inside_at_end) for b in f.timeline] == [
        ("17:00", 2, 0, 2), ("17:05", 0, 1, 1), ("17:10", 0, 0, 1), ("17:15", 1, 0, 2), ("17:20", 0, 0, 2)]
    assert (f.peak, f.peak_at) == (2, at(4))


def test_peak_counts_the_end_of_an_instant() -> None:
    log = Log()
    log.entry("ann", 1)
    log.exit("ann", 2)
    log.entry("bob", 2)  # same millisecond: one leaves as one comes in
    assert figures(log).peak == 1


def test_gauge_levels() -> None:
    assert [level(r) for r in (None, 0.0, 0.79, 0.80, 0.94, 0.95, 1.2)] == [
        "ok", "ok", "ok", "amber", "amber", "red", "red"]
    assert level(0.7, amber=0.6, red=0.9) == "amber"


def test_no_show_rate_leaves_walk_ins_out() -> None:
    log = Log()
    log.entry("ann", 1)
    log.entry("cy", 2)
    f = figures(log)
    assert f.no_show_ratio == 0.5  # ann came, bob did not; cy walked in


# --------------------------------------------------------------------------- properties

KINDS = [ScanKind.ENTRY, ScanKind.EXIT, ScanKind.OVERRIDE, ScanKind.REFUSED, ScanKind.UNDO]
WHO = ["ann", "bob", "cy", "dee", "stranger"]


@st.composite
def logs(draw: st.DrawFn) -> list[Move]:
    moves: list[Move] = []
    for i in range(draw(st.integers(0, 40))):
        who = draw(st.sampled_from(WHO))
        kind = draw(st.sampled_from(KINDS))
        minute = draw(st.integers(0, 120))  # few distinct times: ties happen
        target = None
        if kind is ScanKind.UNDO:
            theirs = [m.id for m in moves if m.attendee_id == who and m.kind != ScanKind.UNDO.value]
            if not theirs:
                continue
            target = draw(st.sampled_from(theirs))
        moves.append(Move(f"s{i:03d}", who, kind.value, at(minute), target))
    return moves


def scans_of(moves: list[Move]) -> list[Scan]:
    return [Scan(id=m.id, event_id="e", attendee_id=m.attendee_id, code="c", kind=ScanKind(m.kind),
                 verdict=Verdict.ACCEPTED, device_id="d", device_name="d", device_time=m.device_time,
                 target_id=m.target_id) for m in moves]


@settings(max_examples=300, deadline=None)
@given(logs())
def test_property_inside_agrees_with_the_door_and_is_never_negative(moves: list[Move]) -> None:
    f = fold_occupancy(PEOPLE, moves)
    door = {who: fold_presence(scans_of([m for m in moves if m.attendee_id == who])) for who in WHO}
    valid = {p.id for p in PEOPLE if p.valid}
    assert f.inside == sum(door[w].inside for w in valid)
    assert f.arrived == sum(door[w].checked_in for w in valid)
    assert f.inside_other == sum(door[w].inside for w in WHO if w not in valid)
    assert 0 <= f.inside <= f.arrived <= f.registered
    assert 0 <= f.in_room <= f.peak <= len(WHO)
    assert all(b.inside_at_end >= 0 and b.arrivals >= 0 and b.departures >= 0 for b in f.timeline)
    assert sum(b.arrivals - b.departures for b in f.timeline) == f.in_room
    for w in WHO:  # a person's track alternates in, out, in... and starts with an arrival
        t = track([m for m in moves if m.attendee_id == w])
        assert len(t.arrivals) - len(t.departures) in (0, 1)
        assert list(t.arrivals) == sorted(t.arrivals)


@settings(max_examples=200, deadline=None)
@given(logs(), st.randoms(use_true_random=False), st.integers(1, 6))
def test_property_same_figures_whatever_the_order_and_the_batches(
    moves: list[Move], rnd: random.Random, batches: int
) -> None:
    whole = fold_occupancy(PEOPLE, moves)
    shuffled = list(moves)
    rnd.shuffle(shuffled)
    fold = OccupancyFold(PEOPLE)
    cuts = sorted(rnd.randint(0, len(shuffled)) for _ in range(batches))
    for a, b in zip([0, *cuts], [*cuts, len(shuffled)], strict=True):
        fold.add(shuffled[a:b])
    assert fold.figures(with_peak=True) == whole
    fold.set_people(PEOPLE)  # a registration change recounts from the tracks to the same figures
    assert fold.figures(with_peak=True) == whole


@settings(max_examples=200, deadline=None)
@given(logs(), st.randoms(use_true_random=False), st.integers(1, 6), st.integers(1, 4))
def test_property_moves_kept_unsettled_then_settled_in_steps_give_the_same_figures(
    moves: list[Move], rnd: random.Random, batches: int, per_step: int
) -> None:
    """The screen's long read: every batch kept with settle=False, then a few people folded a step."""
    whole = fold_occupancy(PEOPLE, moves)
    fold = OccupancyFold(PEOPLE)
    cuts = sorted(rnd.randint(0, len(moves)) for _ in range(batches))
    for a, b in zip([0, *cuts], [*cuts, len(moves)], strict=True):
        fold.add(moves[a:b], settle=False)
    people = {m.attendee_id for m in moves if m.attendee_id}
    assert fold.unsettled == len(people)
    steps = 0
    while not fold.settle(per_step):
        steps += 1
        assert fold.unsettled == max(0, len(people) - steps * per_step)
    assert fold.unsettled == 0 and fold.figures(with_peak=True) == whole
