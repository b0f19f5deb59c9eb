"""A pull that cannot skip: another door pushes between every step of a round, and nothing is lost.

The round's ``between_steps`` hook lets the test run another door's walk-ins, check-ins, exits and
undos (and that door's sync) at each step of a round, where on a real evening they happen at any
moment: between the guests' pull and the scans' pull was where a scan of a new walk-in was skipped
for good (issue 25).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import psycopg
import pytest

from kiosk.domain.model import Direction
from kiosk.service import Kiosk
from kiosk.service.sync.round import sync_once

MakeKiosk = Callable[..., Kiosk]


def held(k: Kiosk) -> tuple[set[str], set[str], dict[str, tuple[Any, ...]]]:
    """Scan ids, guest ids and each guest's folded presence as this kiosk holds them."""
    scans = {str(r[0]) for r in k.conn.execute("SELECT id FROM scans")}
    presence = {str(r[0]): tuple(r[1:]) for r in k.conn.execute(
        "SELECT id, first_entry_at, first_entry_device, last_scan_at, inside FROM attendees")}
    return scans, set(presence), presence


def hub_held(url: str) -> tuple[set[str], set[str]]:
    with psycopg.connect(url) as conn:
        return ({str(r[0]) for r in conn.execute("SELECT id FROM scans")},
                {str(r[0]) for r in conn.execute("SELECT id FROM attendees")})


class OtherDoor:
    """Door B, acting whenever door A's round pauses: a walk-in admitted at once, every second one's
    check-in undone, every third one leaving, then B's own sync (so A's hub changes under it)."""

    def __init__(self, door: Kiosk, url: str, limit: int) -> None:
        self.door, self.url, self.limit = door, url, limit
        self.steps: list[str] = []

    def __call__(self, step: str) -> None:
        self.steps.append(step)
        n = len(self.steps)
        if n > self.limit:  # A's pull must end: B stops adding once it has acted this often
            return
        b = self.door
        b.clock.advance(7)  # type: ignore[attr-defined]
        walk_in = b.register(first_name=f"Passant{n}", last_name="Pendant", organisation=f"Org {n}", checkin=True)
        assert walk_in.checkin is not None and walk_in.checkin.scan is not None
        if n % 2 == 0:
            b.clock.advance(1)  # type: ignore[attr-defined]
            b.undo(scan_id=walk_in.checkin.scan.id, staff="Léa", reason="pas encore entré")
        if n % 3 == 0:
            b.clock.advance(1)  # type: ignore[attr-defined]
            b.check_in_attendee(walk_in.attendee.id, direction=Direction.EXIT)
        sync_once(b, self.url)


def settle(kiosks: list[Kiosk], url: str, rounds: int = 3) -> None:
    for _ in range(rounds):
        for k in kiosks:
            sync_once(k, url)


def test_a_door_pushing_between_every_step_of_a_pull_loses_no_scan(make_kiosk: MakeKiosk, hub: str) -> None:
    a, b = make_kiosk("poste-A"), make_kiosk("poste-B")
    settle([a, b], hub, rounds=1)
    for i in range(1, 4):  # A has its own to push too: the round's push steps are interleaved as well
        a.check_in(f"PLUS20-{i:04d}")
    other = OtherDoor(b, hub, limit=40)
    sync_once(a, hub, batch=2, between_steps=other)  # pages of 2 scans and 8 guests: many steps
    for step in ("scans pushed", "events pulled", "guest page pulled", "guests pulled", "scans pulled"):
        assert step in other.steps
    sync_once(b, hub)
    sync_once(a, hub)  # one more round each, with nobody writing: now every door holds everything
    hub_scans, hub_guests = hub_held(hub)
    a_scans, a_guests, a_presence = held(a)
    b_scans, b_guests, b_presence = held(b)
    assert len(hub_scans) > 40 + 3
    assert hub_scans - a_scans == set()
    assert a_scans == b_scans == hub_scans
    assert a_guests == b_guests == hub_guests
    assert a_presence == b_presence
    assert a.stats() == b.stats()


class Killed(Exception):
    """The kiosk's process dies here (what a power cut mid-round leaves is what was committed)."""


def test_a_kiosk_killed_after_the_cursor_passed_a_waiting_scan_stores_it_at_its_next_round(
        make_kiosk: MakeKiosk, hub: str, tmp_path: Any) -> None:
    a, b = make_kiosk("poste-A"), make_kiosk("poste-B")
    settle([a, b], hub, rounds=1)
    made: list[str] = []

    def walk_in_then_die(step: str) -> None:
        if step == "guests pulled":
            walk_in = b.register(first_name="Nadia", last_name="Tardive", checkin=True)
            made.append(walk_in.attendee.id)
            sync_once(b, hub)
        if step == "scans pulled":
            raise Killed

    with pytest.raises(Killed):
        sync_once(a, hub, between_steps=walk_in_then_die)
    # The scan passed by the cursor waits, in the same committed state as the cursor itself.
    assert [tuple(r) for r in a.conn.execute("SELECT attendee_id FROM pending_scans")] == [(made[0],)]
    a.close()
    again = Kiosk.open(tmp_path / "poste-A", device_name="poste-A")
    try:
        summary = sync_once(again, hub)
        assert summary.pulled == 1
        assert tuple(again.conn.execute("SELECT count(*) FROM pending_scans").fetchone()) == (0,)
        assert held(again)[0] == held(b)[0] == hub_held(hub)[0]
        assert again.presence(made[0]).inside and again.stats().checked_in == b.stats().checked_in == 1
    finally:
        again.close()


def _row(k: Kiosk, *, event_id: str, attendee_id: str | None, kind: str = "entry",
         target_id: str | None = None) -> tuple[str | None, ...]:
    """A scan as a pull brings it (SCAN_COLUMNS + received_at), from a door called poste-Z."""
    import uuid

    return (str(uuid.uuid4()), event_id, attendee_id, "WALK-IN", kind, "accepted", target_id,
            str(uuid.uuid4()), "poste-Z", None, None, "2026-11-30T17:05:00.000Z",
            "2026-11-30T17:05:00.000Z-0000-x", "2026-11-30T17:05:01.000Z")


def test_an_undo_waiting_with_its_target_is_stored_after_it_and_other_events_never_wait(
        make_kiosk: MakeKiosk) -> None:
    import uuid

    from kiosk.domain.model import Attendee
    from kiosk.store import attendees as attendee_store
    from kiosk.store import sync as sync_store
    from kiosk.store import transaction

    a = make_kiosk("poste-A")

    guest = str(uuid.uuid4())
    entry = _row(a, event_id=a.event.id, attendee_id=guest)
    undo = _row(a, event_id=a.event.id, attendee_id=guest, kind="undo", target_id=entry[0])
    elsewhere = _row(a, event_id=str(uuid.uuid4()), attendee_id=str(uuid.uuid4()))
    with transaction(a.conn):  # the undo first: a page boundary or another door can bring it so
        first = sync_store.insert_pulled(a.conn, [undo, elsewhere])
        second = sync_store.insert_pulled(a.conn, [entry])
    assert (first.inserted, first.waiting, second.inserted, second.waiting) == (0, 1, 0, 1)
    assert sync_store.count_pending(a.conn) == 2  # the other event's scan is not kept: the hub keeps it
    with transaction(a.conn):
        assert sync_store.apply_pending(a.conn).inserted == 0  # the guest is still unknown: nothing moves
    with transaction(a.conn):  # the guest arrives (as a guest page brings it)
        attendee_store.insert(a.conn, Attendee(id=guest, event_id=a.event.id, first_name="Zoé", last_name="Attendue",
                                               source="walk-in"), case_sensitive=False,
                              now="2026-11-30T17:04:00.000Z", device_id=entry[7] or "")
        freed = sync_store.apply_pending(a.conn)
    assert (freed.inserted, freed.attendee_ids) == (2, {guest})
    assert sync_store.count_pending(a.conn) == 0
    order = [str(r[0]) for r in a.conn.execute("SELECT id FROM scans WHERE attendee_id = ? ORDER BY rowid", (guest,))]
    assert order == [entry[0], undo[0]]
