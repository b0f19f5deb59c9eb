"""Each edited attendee field keeps its own (time, device) stamp, so kiosks can merge field by field."""

from __future__ import annotations

from kiosk.domain.model import Status
from kiosk.service import Kiosk
from kiosk.store import attendees as attendee_store
from kiosk.store import transaction


def _edit(kiosk: Kiosk, attendee_id: str, changes: dict[str, object], now: str, device: str) -> None:
    current = kiosk.attendee(attendee_id)
    with transaction(kiosk.conn):
        attendee_store.update(kiosk.conn, current, changes, case_sensitive=False, now=now, device_id=device)


def test_only_changed_fields_get_a_stamp(kiosk: Kiosk) -> None:
    guest = kiosk.find("PLUS20-0001")
    assert attendee_store.field_stamps(kiosk.conn, guest.id) == {}
    _edit(kiosk, guest.id, {"organisation": "Coop A", "first_name": guest.first_name}, "2026-11-30T17:00:00.000Z",
          "dev-a")
    # Stamped by the HLC: the event was created at the same millisecond, so this is its next tick.
    assert attendee_store.field_stamps(kiosk.conn, guest.id) == {
        "organisation": ("2026-11-30T17:00:00.000Z#0001", "dev-a")}
    _edit(kiosk, guest.id, {"email": "new@example.org", "status": Status.CANCELLED}, "2026-11-30T17:05:00.000Z",
          "dev-b")
    stamps = attendee_store.field_stamps(kiosk.conn, guest.id)
    assert stamps == {
        "organisation": ("2026-11-30T17:00:00.000Z#0001", "dev-a"),
        "email": ("2026-11-30T17:05:00.000Z", "dev-b"),
        "status": ("2026-11-30T17:05:00.000Z", "dev-b"),
    }
    again = kiosk.attendee(guest.id)
    assert again.email == "new@example.org" and again.cancelled and again.organisation == "Coop A"


def test_values_that_look_like_json_paths_are_stored_verbatim(kiosk: Kiosk) -> None:
    guest = kiosk.find("PLUS20-0002")
    weird = "x', '$.status', 'hacked"
    _edit(kiosk, guest.id, {"organisation": weird}, "2026-11-30T17:00:00.000Z", "dev-a")
    assert kiosk.attendee(guest.id).organisation == weird
    assert set(attendee_store.field_stamps(kiosk.conn, guest.id)) == {"organisation"}
