"""Occupancy: people, not scans. One pure fold over the scan log gives every figure the organisers see
(the occupancy screen, `kiosk stats`, the after-event report), so they can never disagree.

A person's moves are replayed in the same order as the door's presence fold
(kiosk.domain.presence.replay_key: HLC stamp, else device time; an undo cancels its target), so the
screen, the reports and the door's counters agree on who is inside. An entry while
already inside (a duplicate from an offline kiosk, an override after a scan) is not a new arrival; an
exit while outside is ignored: a person is counted once and inside never goes negative.

The fold is incremental (``OccupancyFold.add``): the log is append-only, so a refresh folds only the
new scans, re-tracking the people they concern. No Qt, no I/O.

Time on the charts is the scans' device time, which is whatever the laptop's clock said (a dead clock
battery boots in 2001). So the timeline and the peak live inside the event's window (``event_window``):
around the event's start, or around the bulk of the movements when that holds more of them, at most
WINDOW_BINS five-minute bins. A movement outside the window, or whose device time is
not a time at all, is still counted in every figure; it is just not drawn (``Figures.untimed``), and
one from before the window is in the room when the chart starts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import NamedTuple

from kiosk.domain.model import ScanKind
from kiosk.domain.presence import replay_key

BIN_SECONDS = 5 * 60
BEFORE_START_BINS = 12 * 12  # the window opens 12 h before the event's start...
AFTER_START_BINS = 60 * 12  # ...and closes 60 h after it (a weekend festival fits)
WINDOW_BINS = BEFORE_START_BINS + AFTER_START_BINS  # so a timeline never has more bins than this (+1)
_ENTRY_KINDS = frozenset((ScanKind.ENTRY.value, ScanKind.OVERRIDE.value))
_EXIT = ScanKind.EXIT.value
_UNDO = ScanKind.UNDO.value


class Move(NamedTuple):
    """The part of a scan the fold needs (a row of the log, no personal data)."""

    id: str
    attendee_id: str
    kind: str  # a ScanKind value
    device_time: str  # UTC ISO-8601 as the device's clock said it (or, pulled, anything at all)
    target_id: str | None = None
    hlc: str | None = None  # the HLC stamp: the replay order (kiosk.domain.presence.replay_key)


@dataclass(frozen=True)
class Person:
    """What the figures need to know about a registration: its groups, never its name."""

    id: str
    valid: bool = True
    walk_in: bool = False
    workshop: str | None = None
    category: str | None = None


@dataclass(frozen=True)
class Track:
    """One person's effective movements: each arrival goes outside → inside, each departure back."""

    arrivals: tuple[str, ...] = ()
    departures: tuple[str, ...] = ()

    @property
    def inside(self) -> bool:
        return len(self.arrivals) > len(self.departures)

    @property
    def first_entry_at(self) -> str | None:
        return self.arrivals[0] if self.arrivals else None

    @property
    def last_entry_at(self) -> str | None:
        return self.arrivals[-1] if self.arrivals else None


NO_TRACK = Track()


def steps(t: Track) -> list[tuple[float | None, int]]:
    """A person's arrivals (+1) and departures (-1) in replay order, with times (epoch seconds) that never
    go back: the replay follows the HLC, and a late laptop's exit may say it came before the entry.
    A time that is not one takes the step before's; at the start, it stays None (time unknown)."""
    found: list[tuple[float | None, int]] = []
    before: float | None = None
    for i in range(len(t.arrivals) + len(t.departures)):
        at = _epoch(t.arrivals[i // 2] if i % 2 == 0 else t.departures[i // 2])
        if at is None or (before is not None and at < before):
            at = before
        found.append((at, 1 if i % 2 == 0 else -1))
        before = at
    return found


def track(moves: Iterable[Move]) -> Track:
    """Fold one person's moves, given in any order (see the module docstring for the rules)."""
    log = sorted(moves, key=lambda m: replay_key(m.hlc, m.device_time, m.id))
    undone = {m.target_id for m in log if m.kind == _UNDO and m.target_id}
    arrivals: list[str] = []
    departures: list[str] = []
    inside = False
    for m in log:
        if m.id in undone:
            continue
        if m.kind in _ENTRY_KINDS:
            if not inside:
                arrivals.append(m.device_time)
                inside = True
        elif m.kind == _EXIT and inside:
            departures.append(m.device_time)
            inside = False
    return Track(tuple(arrivals), tuple(departures))


@dataclass
class GroupFigures:
    registered: int = 0
    arrived: int = 0
    inside: int = 0
    capacity: int | None = None


@dataclass(frozen=True)
class Bin:
    """Five minutes of the evening: who came in and went out, and who was inside at its end."""

    start: str  # UTC ISO-8601
    arrivals: int
    departures: int
    inside_at_end: int


@dataclass
class Figures:
    """Everything the organisers' screen and report show; aggregates only."""

    registered: int = 0  # valid registrations, walk-ins included
    arrived: int = 0  # valid registrations with at least one accepted entry
    inside: int = 0  # valid registrations inside now
    inside_other: int = 0  # let in on a cancelled registration (override): in the room all the same
    walk_ins: int = 0
    walk_ins_arrived: int = 0
    cancelled: int = 0
    capacity: int | None = None
    by_workshop: dict[str, GroupFigures] = field(default_factory=dict)
    by_category: dict[str, GroupFigures] = field(default_factory=dict)
    timeline: tuple[Bin, ...] = ()
    untimed: int = 0  # arrivals and departures counted but not drawn: device time outside the window, or none
    peak: int = 0
    peak_at: str | None = None

    @property
    def in_room(self) -> int:
        """Everyone inside, whatever their registration: what the venue's capacity is about."""
        return self.inside + self.inside_other

    @property
    def not_arrived(self) -> int:
        return self.registered - self.arrived

    @property
    def no_show_ratio(self) -> float:
        """Share of pre-registered guests (walk-ins excluded: they came by definition) who never came."""
        booked = self.registered - self.walk_ins
        return (booked - (self.arrived - self.walk_ins_arrived)) / booked if booked > 0 else 0.0

    @property
    def fill_ratio(self) -> float | None:
        return self.in_room / self.capacity if self.capacity else None


def level(ratio: float | None, *, amber: float = 0.80, red: float = 0.95) -> str:
    """"ok", "amber" or "red": the gauge's colour for a fill ratio (thresholds from the settings)."""
    if ratio is None or ratio < amber:
        return "ok"
    return "red" if ratio >= red else "amber"


def _epoch(iso: str) -> float | None:
    """Seconds since the epoch of a time text; None when it is not a time (a pulled row can hold anything).
    A time without a zone is taken as UTC (the store's times all say Z)."""
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.timestamp()
    except (ValueError, TypeError, AttributeError, OverflowError, OSError):
        return None


UNTIMED = None  # the bin of a time that is not one


def _bin_of(iso: str) -> int | None:
    seconds = _epoch(iso)
    return None if seconds is None else int(seconds // BIN_SECONDS)


def _weighted_median(counts: dict[int, int]) -> int:
    ordered = sorted(counts)
    half, seen = sum(counts.values()) / 2, 0
    for b in ordered:
        seen += counts[b]
        if seen >= half:
            return b
    return ordered[-1]


def event_window(start_bin: int | None, used: dict[int, int]) -> tuple[int, int]:
    """The bins [first, last] time may be drawn in. Candidates: around the event's start, around the bulk
    of the movements (their weighted median) and around their busiest five minutes; the one holding
    the most movements wins, the event's start on a tie. So one laptop in 2001 cannot move the chart,
    and an event whose date was typed wrong still shows its evening. ``used``: bin → movements."""
    candidates: list[tuple[int, int]] = []
    if start_bin is not None:
        candidates.append((start_bin - BEFORE_START_BINS, start_bin + AFTER_START_BINS))
    if used:
        for centre in (_weighted_median(used), max(used, key=lambda b: (used[b], -b))):
            candidates.append((centre - WINDOW_BINS // 2, centre + WINDOW_BINS // 2))
    if not candidates:
        raise ValueError("no start and no movement: no window")
    return max(candidates, key=lambda w: sum(n for b, n in used.items() if w[0] <= b <= w[1]))


_FIRST, _LAST = datetime(1, 1, 2, tzinfo=UTC).timestamp(), datetime(9999, 12, 30, tzinfo=UTC).timestamp()


def _iso(seconds: float) -> str:
    """The store's time text; a window around a year-1 or year-9999 clock is clamped to what a date holds."""
    moment = datetime.fromtimestamp(min(max(seconds, _FIRST), _LAST), UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


@dataclass(frozen=True)
class PresentPerson:
    """A line of the evacuation list."""

    last_name: str
    first_name: str
    organisation: str | None
    arrived_at: str  # UTC ISO-8601 of their latest entry
    cancelled: bool


@dataclass
class _Registrations:
    """The figures that depend on registrations only, counted once per change of the people."""

    registered: int = 0
    walk_ins: int = 0
    cancelled: int = 0
    by_workshop: Counter[str] = field(default_factory=Counter)
    by_category: Counter[str] = field(default_factory=Counter)

    @classmethod
    def count(cls, people: Iterable[Person]) -> _Registrations:
        r = cls()
        for p in people:
            if not p.valid:
                r.cancelled += 1
                continue
            r.registered += 1
            r.walk_ins += p.walk_in
            if p.workshop:
                r.by_workshop[p.workshop] += 1
            if p.category:
                r.by_category[p.category] += 1
        return r


class OccupancyFold:
    """The fold, kept up to date: ``add`` the log's new rows, ``set_people`` when registrations change."""

    def __init__(self, people: Iterable[Person] = (), *, capacity: int | None = None,
                 workshops: Iterable[tuple[str, int | None]] = (), categories: Iterable[str] = (),
                 starts_at: str | None = None) -> None:
        self.capacity = capacity
        self._start_bin = _bin_of(starts_at) if starts_at else None
        self._workshops = dict(workshops)
        self._categories = tuple(categories)
        self._moves: dict[str, list[Move]] = {}
        self._tracks: dict[str, Track] = {}
        self._people: dict[str, Person] = {}
        self._counts: Counter[tuple[str, str | None]] = Counter()  # (figure, group) → n, from tracks
        self._arrivals: Counter[int | None] = Counter()  # bin → arrivals (None: device time not a time)
        self._departures: Counter[int | None] = Counter()
        self._unsettled: set[str] = set()  # people with moves added but not folded yet (add, settle)
        self.set_people(people)

    # --- feeding ---------------------------------------------------------------------
    def set_people(self, people: Iterable[Person]) -> None:
        """Registrations changed (import, walk-in, cancellation, workshop edit): recount from the tracks."""
        self._people = {p.id: p for p in people}
        self._registrations = _Registrations.count(self._people.values())
        self._counts.clear()
        self._arrivals.clear()
        self._departures.clear()
        for attendee_id, t in self._tracks.items():
            self._tally(attendee_id, t, +1)

    def add(self, moves: Iterable[Move], *, settle: bool = True) -> int:
        """Fold new rows of the log (in any order, in any batches); returns how many were taken. With
        ``settle=False`` the moves are only kept, and :meth:`settle` folds them later: a long log read in
        steps would otherwise fold every person again at each step (twice the work in all)."""
        touched = self._unsettled
        n = 0
        for m in moves:
            if not m.attendee_id:
                continue
            self._moves.setdefault(m.attendee_id, []).append(m)
            touched.add(m.attendee_id)
            n += 1
        if settle:
            self.settle()
        return n

    @property
    def unsettled(self) -> int:
        """People whose moves were added but not folded yet (see :meth:`settle`)."""
        return len(self._unsettled)

    def settle(self, limit: int | None = None) -> bool:
        """Fold the moves added unsettled, of at most ``limit`` people; True when none are left."""
        pending = self._unsettled
        for _ in range(len(pending) if limit is None else min(limit, len(pending))):
            attendee_id = pending.pop()
            new = track(self._moves[attendee_id])
            old = self._tracks.get(attendee_id, NO_TRACK)
            if new != old:
                self._tally(attendee_id, old, -1)
                self._tally(attendee_id, new, +1)
                self._tracks[attendee_id] = new
        return not pending

    def _person(self, attendee_id: str) -> Person:
        # A scan for someone this kiosk has not heard of yet (merged before their registration): they are
        # in the room, so they count as "other" until their registration arrives.
        return self._people.get(attendee_id) or Person(attendee_id, valid=False)

    def _tally(self, attendee_id: str, t: Track, sign: int) -> None:
        if t is NO_TRACK or not t.arrivals:
            return
        p = self._person(attendee_id)
        c = self._counts
        if p.valid:
            figures = ("arrived", "inside") if t.inside else ("arrived",)
            for figure in figures:
                c[(figure, None)] += sign
                if p.workshop:
                    c[(f"{figure}:workshop", p.workshop)] += sign
                if p.category:
                    c[(f"{figure}:category", p.category)] += sign
            if p.walk_in:
                c[("walk_ins_arrived", None)] += sign
        elif t.inside:
            c[("inside_other", None)] += sign
        for at, step in steps(t):
            b = None if at is None else int(at // BIN_SECONDS)
            (self._arrivals if step > 0 else self._departures)[b] += sign

    # --- reading ---------------------------------------------------------------------
    def track_of(self, attendee_id: str) -> Track:
        return self._tracks.get(attendee_id, NO_TRACK)

    def inside_ids(self) -> list[str]:
        """Everyone inside now, registered or not (the evacuation list)."""
        return [attendee_id for attendee_id, t in self._tracks.items() if t.inside]

    def figures(self, *, now: str | None = None, with_peak: bool = False, with_timeline: bool = True) -> Figures:
        """The figures now. ``now`` extends the timeline to the current five minutes (inside the event's
        window); ``with_peak`` sweeps every movement for the peak (the report; the screen does not need
        it at each refresh); without ``with_timeline`` there is no chart (`kiosk stats`)."""
        c = self._counts
        f = Figures(capacity=self.capacity, arrived=c[("arrived", None)], inside=c[("inside", None)],
                    inside_other=c[("inside_other", None)], walk_ins_arrived=c[("walk_ins_arrived", None)])
        reg = self._registrations
        f.registered, f.walk_ins, f.cancelled = reg.registered, reg.walk_ins, reg.cancelled
        f.by_workshop = {name: GroupFigures(capacity=cap) for name, cap in self._workshops.items()}
        f.by_category = {name: GroupFigures() for name in self._categories}
        for table, counted in ((f.by_workshop, reg.by_workshop), (f.by_category, reg.by_category)):
            for name, n in counted.items():
                table.setdefault(name, GroupFigures()).registered = n
        for (figure, key), n in c.items():
            if key is None or ":" not in figure or not n:
                continue
            name, kind = figure.split(":")
            table = f.by_workshop if kind == "workshop" else f.by_category
            group = table.setdefault(key, GroupFigures())
            setattr(group, name, getattr(group, name) + n)
        if with_timeline or with_peak:
            window = self._window()
            if with_timeline:
                f.timeline, f.untimed = self._timeline(window, now)
            if with_peak:
                f.peak, f.peak_at = self._peak(window)
        return f

    def _window(self) -> tuple[int, int] | None:
        """The bins time is drawn in (see the module docstring); None when nothing has a time."""
        used: Counter[int] = Counter()
        for table in (self._arrivals, self._departures):
            for b, n in table.items():
                if n and b is not None:
                    used[b] += n
        if not used:
            return None
        return event_window(self._start_bin, used)

    def _timeline(self, window: tuple[int, int] | None, now: str | None) -> tuple[tuple[Bin, ...], int]:
        """The bins from the window's first movement to its last (or now), and how many movements were
        not drawn. Whoever came in before the window (or at an unknown time) is inside when it starts."""
        untimed = self._arrivals[UNTIMED] + self._departures[UNTIMED]
        if window is None:
            return (), untimed
        lo, hi = window
        inside = self._arrivals[UNTIMED] - self._departures[UNTIMED]  # a person's first steps (see steps)
        shown: list[int] = []
        for table, sign in ((self._arrivals, 1), (self._departures, -1)):
            for b, n in table.items():
                if not n or b is None:
                    continue
                if b < lo:
                    inside += sign * n  # in the room before the window: there when the chart starts
                    untimed += n
                elif b > hi:
                    untimed += n
                else:
                    shown.append(b)
        if not shown:
            return (), untimed
        first, last = min(shown), max(shown)
        now_bin = _bin_of(now) if now is not None else None
        if now_bin is not None:
            last = max(last, min(now_bin, hi))
        bins: list[Bin] = []
        for b in range(first, last + 1):
            a, d = self._arrivals.get(b, 0), self._departures.get(b, 0)
            inside += a - d
            bins.append(Bin(_iso(b * BIN_SECONDS), a, d, inside))
        return tuple(bins), untimed

    def _peak(self, window: tuple[int, int] | None) -> tuple[int, str | None]:
        """Most people inside at once, and when it was first reached (measured at the end of each instant,
        so someone in and out in the same millisecond is not counted twice). A movement before the
        window (or at an unknown time) counts at its opening; one after it (a clock far ahead) when the
        person's step before was, or at the opening."""
        if window is None:
            return 0, None
        opens, closes = float(window[0] * BIN_SECONDS), float((window[1] + 1) * BIN_SECONDS)
        delta: Counter[float] = Counter()
        for t in self._tracks.values():
            before = opens
            for at, step in steps(t):
                when = opens if at is None or at < opens else before if at >= closes else at
                delta[when] += step
                before = when
        inside = peak = 0
        peak_at: float | None = None
        for at in sorted(delta):
            inside += delta[at]
            if inside > peak:
                peak, peak_at = inside, at
        return peak, None if peak_at is None else _iso(peak_at)


def fold_occupancy(people: Iterable[Person], moves: Iterable[Move], *, capacity: int | None = None,
                   workshops: Iterable[tuple[str, int | None]] = (), categories: Iterable[str] = (),
                   now: str | None = None, with_peak: bool = True, starts_at: str | None = None) -> Figures:
    """The figures of a whole log at once (tests, the report)."""
    fold = OccupancyFold(people, capacity=capacity, workshops=workshops, categories=categories,
                         starts_at=starts_at)
    fold.add(moves)
    return fold.figures(now=now, with_peak=with_peak)
