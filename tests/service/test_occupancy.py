"""The occupancy service on a real database file: two kiosks (one with a late clock), undo, overrides,
the change signal, the evacuation list, "check everyone out", and the staff PIN."""

from __future__ import annotations

import json
import stat
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.domain.model import Attendee, Direction
from kiosk.service import Kiosk
from kiosk.service.occupancy import CHECKOUT_ALL_REASON, Occupancy, checkout_all, to_stats
from kiosk.service.pin import FILE_NAME, PinError, StaffPin
from kiosk.store import attendees as attendee_store
from tests.conftest import FakeClock
from tests.helpers.doors import hand_over


def codes(kiosk: Kiosk, n: int) -> list[str]:
    found = [a.ticket_code or "" for a in attendee_store.iterate(kiosk.conn, kiosk.event.id) if not a.cancelled]
    return found[:n]


def test_two_kiosks_undo_override_and_a_late_clock_count_people_once(
    kiosk: Kiosk, tmp_path: Path, clock: FakeClock
) -> None:
    late = FakeClock(clock.now - timedelta(minutes=10))  # door 2's clock is ten minutes late
    door2 = Kiosk.open(tmp_path / "door-2", device_name="door-2", clock=late)  # another door: its own data dir
    door2.create_demo()
    occupancy = Occupancy.for_kiosk(kiosk)
    ann, bob, cy, dee = codes(kiosk, 4)
    kiosk.check_in(ann)
    hand_over(kiosk, door2)
    door2.check_in(ann)  # "already checked in" at door 2: refused, not a second person
    kiosk.check_in(bob)
    clock.advance(60)
    late.advance(60)
    kiosk.undo()  # bob's entry was a mistake
    door2.check_in(cy)
    door2.override(kiosk.find(cy).id, reason="badge lost", staff="Chloé")  # a duplicate entry: still one
    clock.advance(60)
    kiosk.check_in(dee)
    clock.advance(5)
    kiosk.check_in(dee, direction=Direction.EXIT)
    clock.advance(5)
    kiosk.check_in(dee, direction=Direction.EXIT)  # "not inside": refused, never negative
    assert hand_over(door2, kiosk) == 3  # door 2's refusal, entry and override reach this door
    assert occupancy.changed() and occupancy.refresh()
    f = occupancy.figures(with_peak=True)
    assert (f.arrived, f.inside, f.in_room) == (3, 2, 2)  # ann, cy (inside) and dee (left)
    assert to_stats(f) == kiosk.stats()  # the fold and the door's counters agree, group by group
    assert f.peak == 3
    # cy's entries are stamped 10 minutes early by door 2: the timeline starts with them.
    assert f.timeline[0].start <= late.now.strftime("%Y-%m-%dT%H:%M") and f.timeline[0].arrivals >= 1
    door2.close()
    occupancy.close()


def test_refresh_costs_one_pragma_until_another_connection_commits(kiosk: Kiosk) -> None:
    occupancy = Occupancy.for_kiosk(kiosk)
    assert not occupancy.changed() and not occupancy.refresh()
    kiosk.check_in(codes(kiosk, 1)[0])  # the kiosk's own connection: a commit the screen's one sees
    assert occupancy.changed() and occupancy.refresh()
    assert occupancy.figures().inside == 1 and not occupancy.changed()
    kiosk.register(first_name="Walk", last_name="In", checkin=True)  # a new registration is folded too
    assert occupancy.refresh()
    f = occupancy.figures()
    assert (f.inside, f.walk_ins, f.walk_ins_arrived, f.registered) == (2, 1, 1, kiosk.stats().registered)
    assert [s.device_name for s in occupancy.statuses()] == ["door-1"]
    occupancy.close()


def test_present_is_sorted_by_last_name_with_arrival_and_organisation(kiosk: Kiosk, clock: FakeClock) -> None:
    guests = [kiosk.register(first_name=first, last_name=last, organisation=org).attendee
              for first, last, org in (("Zoé", "Émery", "La Ruche"), ("Ali", "dupont", None), ("Bea", "Ébène", "X"))]
    for guest in guests:
        kiosk.check_in_attendee(guest.id)
        clock.advance(30)
    kiosk.check_in_attendee(guests[1].id, direction=Direction.EXIT)
    people = Occupancy(kiosk.conn).present()
    assert [(p.last_name, p.organisation) for p in people] == [("Ébène", "X"), ("Émery", "La Ruche")]
    assert people[1].arrived_at.startswith("2026-11-30T17:00:00")


def test_checkout_all_empties_the_room_and_says_who(kiosk: Kiosk, tmp_path: Path, clock: FakeClock) -> None:
    for code in codes(kiosk, 4):
        kiosk.check_in(code)  # at the same millisecond as the checkout: still an exit after the entry
    ahead = Kiosk.open(tmp_path / "door-2", device_name="door-2", clock=FakeClock(clock.now + timedelta(minutes=5)))
    ahead.create_demo()
    ahead.check_in(codes(kiosk, 5)[4])  # a door whose clock is five minutes ahead
    hand_over(ahead, kiosk)
    assert checkout_all(kiosk, staff="Chloé") == 5
    assert Occupancy(kiosk.conn).figures().inside == 0 and kiosk.stats().inside == 0
    last = kiosk.recent_scans(1)[0]
    assert (last.kind.value, last.staff, last.reason) == ("exit", "Chloé", CHECKOUT_ALL_REASON)
    assert checkout_all(kiosk, staff="Chloé") == 0  # nobody left: nothing written
    ahead.close()


def test_pin_is_hashed_and_locks_out_growing(data_dir: Path) -> None:
    now = [1000.0]
    pin = StaffPin(data_dir, clock=lambda: now[0])
    with pytest.raises(PinError, match="no staff PIN"):
        pin.check("1234")
    with pytest.raises(PinError, match="4 to 12 digits"):
        pin.set("12a")
    pin.set("482913")
    stored = (data_dir / FILE_NAME).read_text()
    assert "482913" not in stored and json.loads(stored)["salt"]
    assert stat.S_IMODE((data_dir / FILE_NAME).stat().st_mode) == 0o600
    assert pin.check("482913")
    for _ in range(5):
        assert not pin.check("000000")
    with pytest.raises(PinError, match="try again in 60 s"):
        pin.check("482913")  # even the right PIN waits
    now[0] += 61
    assert StaffPin(data_dir, clock=lambda: now[0]).locked_for() == 0  # another process sees the same
    for _ in range(5):
        assert not pin.check("111111")
    assert pin.locked_for() == pytest.approx(120)  # the second lock-out is longer
    now[0] += 121
    assert pin.check("482913")
    for _ in range(5):
        pin.check("000000")
    assert pin.locked_for() == pytest.approx(60)  # the right PIN reset the growth
    salt_before = json.loads(stored)["salt"]
    pin.set("482913")
    assert json.loads((data_dir / FILE_NAME).read_text())["salt"] != salt_before  # salted afresh


def test_registration_edits_reach_the_figures(kiosk: Kiosk) -> None:
    occupancy = Occupancy.for_kiosk(kiosk)
    guests = [a for a in attendee_store.iterate(kiosk.conn, kiosk.event.id) if not a.cancelled]
    ann = next(a for a in guests if a.workshop == "Se loger")
    bob = next(a for a in guests if a.workshop == "Se nourrir")
    kiosk.check_in_attendee(ann.id)
    occupancy.refresh()
    before = occupancy.figures().by_workshop
    assert (before["Se loger"].arrived, before["Se nourrir"].arrived) == (1, 0)

    def edit(who: Attendee, changes: dict[str, object]) -> None:
        from kiosk.store import transaction

        with transaction(kiosk.conn):
            attendee_store.update(kiosk.conn, who, changes, case_sensitive=False, now=kiosk.now(),
                                  device_id=kiosk.device().id)

    edit(ann, {"workshop": "Se nourrir"})  # a move changes the per-group counts: seen at once
    occupancy.refresh()
    moved = occupancy.figures().by_workshop
    assert (moved["Se loger"].arrived, moved["Se nourrir"].arrived) == (0, 1)
    edit(kiosk.attendee(ann.id), {"workshop": "Se loger"})
    edit(bob, {"workshop": "Se loger"})
    edit(kiosk.attendee(bob.id), {"workshop": "Se nourrir"})  # counts back where they were...
    edit(kiosk.attendee(ann.id), {"workshop": "Se nourrir"})  # ...a swap: the counts say nothing moved
    occupancy.refresh()  # the edits did (attendee_store.change_mark)
    swapped = occupancy.figures().by_workshop
    assert (swapped["Se loger"].arrived, swapped["Se nourrir"].arrived) == (0, 1)
    assert to_stats(occupancy.figures()) == kiosk.stats()
    occupancy.close()


def test_the_screens_first_load_folds_the_log_in_steps_and_ends_as_a_full_fold(kiosk: Kiosk,
                                                                                 clock: FakeClock) -> None:
    """With ``load_step`` (the screen) the log is read a few scans a refresh: not ``loaded`` meanwhile, the
    progress growing, the door's scans meanwhile folded in too, and the end equal to a fold done at once."""
    door = codes(kiosk, 40)
    for code in door:
        clock.advance(30)
        kiosk.check_in(code)
    occupancy = Occupancy.for_kiosk(kiosk, load_step=10)
    assert not occupancy.loaded and occupancy.replaying
    progress = [occupancy.load_progress()]
    for code in door[:3]:  # the door goes on meanwhile
        clock.advance(30)
        kiosk.check_in(code, direction=Direction.EXIT)
    while not occupancy.loaded:
        assert occupancy.changed()  # the screen's tick keeps coming back for the next step
        occupancy.refresh(step=10)
        progress.append(occupancy.load_progress())
    assert len(progress) >= 4 and progress == sorted(progress) and progress[0] < 0.5 and progress[-1] == 1.0
    at_once = Occupancy.for_kiosk(kiosk)
    assert at_once.loaded and occupancy.figures() == at_once.figures()
    assert occupancy.figures().in_room == 40 - 3
    assert to_stats(occupancy.figures()) == kiosk.stats()
    occupancy.close()
    at_once.close()


def test_a_forced_refresh_finishes_the_first_load_at_once(kiosk: Kiosk) -> None:
    """The evacuation list and "check everyone out" refresh with ``force``: never a half-read log."""
    for code in codes(kiosk, 30):
        kiosk.check_in(code)
    occupancy = Occupancy.for_kiosk(kiosk, load_step=10)
    assert not occupancy.loaded
    occupancy.refresh(force=True)
    assert occupancy.loaded and len(occupancy.inside_ids()) == 30
    occupancy.close()


def test_a_merge_is_replayed_step_by_step_on_the_screen_and_ends_as_a_full_fold(kiosk: Kiosk,
                                                                                clock: FakeClock) -> None:
    """The screen refreshes with a step: after a merge the log is folded again a few scans a call, the
    figures staying as they were until it has caught up, then equal to a fold done at once."""
    a = kiosk.register(first_name="Léa", last_name="Roux", email="lea@example.org").attendee
    b = kiosk.register(first_name="Lea", last_name="Roux", organisation="Coop").attendee  # the same person
    codes = [f"PLUS20-{i:04d}" for i in range(1, 41)]
    for code in codes:
        clock.advance(30)
        kiosk.check_in(code)
    kiosk.check_in_attendee(a.id)
    clock.advance(30)
    kiosk.check_in_attendee(b.id)  # at the other door: counted twice until merged
    occupancy = Occupancy.for_kiosk(kiosk)
    before = occupancy.figures()
    kiosk.duplicates.merge(a.id, b.id)
    for code in codes[:5]:  # the door goes on meanwhile
        clock.advance(30)
        kiosk.check_in(code, direction=Direction.EXIT)

    steps = 0
    while True:
        occupancy.refresh(step=10)
        steps += 1
        if not occupancy.replaying:
            break
        assert occupancy.figures() == before  # what was shown, until the replay has caught up
        assert occupancy.changed()  # the screen's tick keeps coming back for the next step
    assert steps >= 4
    fresh = Occupancy.for_kiosk(kiosk)
    assert occupancy.figures() == fresh.figures()
    assert occupancy.figures().in_room == before.in_room - 1 - 5  # Léa once, five left
    assert to_stats(occupancy.figures()) == kiosk.stats()
    occupancy.close()
    fresh.close()
