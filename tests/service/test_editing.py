"""`Kiosk.edit`: one guest corrected, refusals as data, each changed field stamped with the HLC."""

from __future__ import annotations

import pytest

from kiosk.domain import hlc
from kiosk.service import Kiosk
from kiosk.service.errors import NoSuchAttendeeError, Refused
from kiosk.store import attendees as attendee_store
from kiosk.store import hlc as hlc_store
from kiosk.store import transaction
from tests.conftest import FakeClock


def test_an_edit_changes_only_what_differs_and_keeps_search_and_figures_right(kiosk: Kiosk) -> None:
    guest = kiosk.find("PLUS20-0002")
    workshop = next(w.name for w in kiosk.event.workshops if w.name != guest.workshop)
    before = kiosk.stats().by_workshop[workshop].registered
    done = kiosk.edit("plus20-0002", first_name=guest.first_name, last_name="  Thomas-Durand ",
                      organisation="", email="hugo@example.org", workshop=workshop.upper())
    assert done.changed == ("last_name", "email", *(("organisation",) if guest.organisation else ()), "workshop")
    again = kiosk.attendee(guest.id)
    assert (again.last_name, again.email, again.organisation, again.workshop) == (
        "Thomas-Durand", "hugo@example.org", None, workshop)
    assert [a.id for a in kiosk.search("thomas durand")] == [guest.id]
    assert kiosk.stats().by_workshop[workshop].registered == before + 1
    stamps = attendee_store.field_stamps(kiosk.conn, guest.id)
    assert set(stamps) == set(done.changed) and {d for _, d in stamps.values()} == {kiosk.device().id}


def test_edits_are_stamped_by_the_hlc_not_the_bare_clock(kiosk: Kiosk, clock: FakeClock) -> None:
    """After seeing a stamp 10 minutes ahead (another kiosk's), an edit here sorts after it."""
    ahead = hlc.Stamp(hlc.to_ms(kiosk.now()) + 600_000).encode()
    with transaction(kiosk.conn):
        hlc_store.observe(kiosk.conn, [ahead])
    clock.advance(5)
    kiosk.edit("PLUS20-0003", email="late@example.org")
    stamp, _device = attendee_store.field_stamps(kiosk.conn, kiosk.find("PLUS20-0003").id)["email"]
    assert stamp > ahead and hlc.decode(stamp).wall_ms == hlc.decode(ahead).wall_ms


@pytest.mark.parametrize(("fields", "key"), [
    ({"first_name": "  "}, "names_required"),
    ({"email": "not-a-mail"}, "not_an_email"),
    ({"workshop": "Juggling"}, "unknown_choice"),
    ({"category": "Nope"}, "unknown_choice"),
    ({"organisation": "x" * 201}, "field_too_long"),
    ({}, "nothing_to_change"),
])
def test_refusals(kiosk: Kiosk, fields: dict[str, str], key: str) -> None:
    before = attendee_store.field_stamps(kiosk.conn, kiosk.find("PLUS20-0004").id)
    with pytest.raises(Refused) as refused:
        kiosk.edit("PLUS20-0004", **fields)
    assert refused.value.key == key and refused.value.message("fr") != refused.value.message("en")
    assert attendee_store.field_stamps(kiosk.conn, kiosk.find("PLUS20-0004").id) == before


def test_same_values_are_nothing_to_change_and_an_unknown_guest_is_named(kiosk: Kiosk) -> None:
    guest = kiosk.find("PLUS20-0005")
    with pytest.raises(Refused, match="nothing to change"):
        kiosk.edit(guest.id, first_name=guest.first_name, last_name=guest.last_name)
    with pytest.raises(NoSuchAttendeeError):
        kiosk.edit("NOBODY-1", first_name="X")
