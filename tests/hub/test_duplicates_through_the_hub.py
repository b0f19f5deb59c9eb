"""Duplicates made by kiosks that could not see each other, through a real PostgreSQL hub: both doors'
entries listed, walk-ins registered twice offered (never merged silently), an explicit merge or "not the
same person" replicated so every kiosk ends identical, badges printed at one door known at the others."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import psycopg

from kiosk.adapters.hub import replica
from kiosk.adapters.printing.pdf_folder import PdfFolderPrinter
from kiosk.domain.model import Status, Verdict
from kiosk.service import Kiosk
from kiosk.service.occupancy import Occupancy, to_stats
from kiosk.service.printing import PrintQueue
from kiosk.service.sync import facts as sync_facts
from kiosk.service.sync.round import sync_once

MakeKiosk = Callable[..., Kiosk]


def rounds(hub: str, *kiosks: Kiosk) -> None:
    for _ in range(2):  # a second pass brings each kiosk what the later ones pushed
        for k in kiosks:
            sync_once(k, hub)


def zoe(k: Kiosk, email: str | None = "zoe.martin@example.org", organisation: str | None = None) -> str:
    return k.register(first_name="Zoé", last_name="Martin", email=email, organisation=organisation,
                      checkin=True).attendee.id


def test_both_doors_admitted_one_guest_offline_the_later_entry_is_listed(make_kiosk: MakeKiosk, hub: str) -> None:
    a, b = make_kiosk("poste-A"), make_kiosk("poste-B")
    a.check_in("PLUS20-0007")
    b.clock.advance(60)  # type: ignore[attr-defined]
    b.check_in("PLUS20-0007")
    rounds(hub, a, b)
    for k in (a, b):
        [entry] = k.duplicates.entries()
        assert (entry.first.device_name, entry.duplicate.device_name) == ("poste-A", "poste-B")
        assert entry.duplicate.at > entry.first.at and entry.ticket_code == "PLUS20-0007"
        assert entry.first_scan_id and entry.duplicate_scan_id and entry.first_scan_id != entry.duplicate_scan_id
        assert k.stats().checked_in == 1


def test_walk_ins_registered_twice_are_offered_then_merged_on_every_kiosk(make_kiosk: MakeKiosk, hub: str) -> None:
    a, b, c = make_kiosk("poste-A"), make_kiosk("poste-B"), make_kiosk("poste-C")
    first = zoe(a)
    b.clock.advance(30)  # type: ignore[attr-defined]
    second = zoe(b, email="ZOE.MARTIN@example.org ")  # same e-mail, typed differently
    zoe_elsewhere = b.register(first_name="Zoé", last_name="Martin", email="zoe@autre.example",
                               organisation="Autre").attendee.id
    rounds(hub, a, b, c)
    before = a.stats()
    for k in (a, b, c):
        pairs = k.duplicates.walk_in_pairs()
        assert [(p.keep.id, p.other.id) for p in pairs] == [(first, second)]  # never the other e-mail
        assert (pairs[0].keep_device, pairs[0].other_device) == ("poste-A", "poste-B")
        assert k.stats() == before and k.stats().walk_ins == before.walk_ins  # nothing merged by itself
        assert k.attendee(second).status is Status.VALID
    assert before.checked_in == 2  # two records inside until a person decides

    merged = c.duplicates.merge(first, second)
    assert merged.other.id == second
    rounds(hub, c, a, b)
    for k in (a, b, c):
        stats = k.stats()
        assert stats.registered == before.registered - 1 and stats.walk_ins == before.walk_ins - 1
        assert stats.checked_in == before.checked_in - 1 and stats.inside == before.inside - 1
        assert stats.cancelled == before.cancelled  # a merged record is not a cancellation
        assert k.attendee(second).status is Status.CANCELLED
        assert k.duplicates.walk_in_pairs() == []
        assert k.presence(first).inside and not k.presence(second).inside
        assert k.attendee(zoe_elsewhere).status is Status.VALID
        folded = to_stats(Occupancy(k.conn, event=k.event, clock=k.clock).figures())  # `kiosk stats`, the screen
        assert (folded.registered, folded.checked_in, folded.inside, folded.walk_ins, folded.cancelled) == (
            stats.registered, stats.checked_in, stats.inside, stats.walk_ins, stats.cancelled)
    # B's badge was made for the merged-away record: its scan is the kept guest's now, everywhere.
    assert len(b.history(second)) == 1
    assert b.check_in_attendee(second).verdict is Verdict.ALREADY_CHECKED_IN
    assert b.check_in_attendee(second).attendee is not None
    rounds(hub, a, b, c)
    assert {k.stats().checked_in for k in (a, b, c)} == {before.checked_in - 1}


def test_not_the_same_person_is_never_offered_again_anywhere(make_kiosk: MakeKiosk, hub: str) -> None:
    a, b = make_kiosk("poste-A"), make_kiosk("poste-B")
    first = zoe(a, email=None, organisation="La Ruche")
    second = zoe(b, email=None, organisation="la ruche ")
    rounds(hub, a, b)
    assert len(b.duplicates.walk_in_pairs()) == 1
    b.duplicates.dismiss(second, first)
    rounds(hub, b, a)
    for k in (a, b):
        assert k.duplicates.walk_in_pairs() == []
        assert k.attendee(first).status is k.attendee(second).status is Status.VALID


def test_merges_of_each_other_at_two_doors_converge(make_kiosk: MakeKiosk, hub: str) -> None:
    a, b = make_kiosk("poste-A"), make_kiosk("poste-B")
    first, second = zoe(a), zoe(b)
    rounds(hub, a, b)
    before = a.stats()
    a.duplicates.merge(first, second)
    b.clock.advance(5)  # type: ignore[attr-defined]
    b.duplicates.merge(second, first)  # offline, the other way round
    rounds(hub, a, b)
    maps = [dict(k.conn.execute("SELECT id, inside FROM attendees WHERE id IN (?, ?)", (first, second)).fetchall())
            for k in (a, b)]
    assert maps[0] == maps[1] and sum(maps[0].values()) == 1  # one person inside, on both kiosks
    for k in (a, b):  # the earlier decision stands: the first record is kept, and still valid
        assert (k.attendee(first).status, k.attendee(second).status) == (Status.VALID, Status.CANCELLED)
        stats = k.stats()
        assert (stats.registered, stats.cancelled, stats.checked_in) == (
            before.registered - 1, before.cancelled, before.checked_in - 1)


def test_a_badge_printed_at_one_door_is_known_at_the_other(make_kiosk: MakeKiosk, hub: str, tmp_path: Path) -> None:
    a, b = make_kiosk("poste-A"), make_kiosk("poste-B")
    guest = a.find("PLUS20-0011")
    a.clock.now = a.clock.now.replace(hour=17, minute=42)  # type: ignore[attr-defined]
    queue = PrintQueue(a, PdfFolderPrinter(tmp_path / "printed"))  # the real queue, printing to a folder
    queue.enqueue(guest.id)
    done = queue.process_once()
    assert done is not None and done.status.value == "done"
    assert sync_facts.queued(a).prints == 1
    summary = sync_once(a, hub)
    assert summary.queued_prints == 0
    sync_once(b, hub)
    [printed] = b.duplicates.badges_printed(guest.id)
    assert printed.device_name == "poste-A" and printed.at.startswith("2026-11-30T17:42")


def test_hub_status_lists_what_each_kiosk_still_has_queued(make_kiosk: MakeKiosk, hub: str) -> None:
    a = make_kiosk("poste-A")
    sync_once(a, hub)
    zoe(a)
    with psycopg.connect(hub) as conn:
        replica.record_contact(conn, a.device().id, "poste-A", "m", a.now(), 1, queued_guests=1,
                               queued_prints=0, queued_links=2)
        [seen] = replica.status(conn).devices
    assert (seen.queued, seen.queued_guests, seen.queued_links) == (1, 1, 2)
    summary = sync_once(a, hub)
    assert (summary.queued, summary.queued_guests, summary.queued_links) == (0, 0, 0)
    with psycopg.connect(hub) as conn:
        [seen] = replica.status(conn).devices
    assert (seen.queued, seen.queued_guests, seen.queued_prints, seen.queued_links) == (0, 0, 0, 0)
