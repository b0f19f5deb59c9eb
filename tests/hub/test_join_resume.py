"""A join killed half-way leaves a data dir that works with what it has, and `join` again finishes it."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest

from kiosk.adapters.hub import replica
from kiosk.adapters.hub.connection import HubError
from kiosk.domain.model import Event
from kiosk.domain.rules import format_time
from kiosk.service import Kiosk
from kiosk.service.errors import KioskError
from kiosk.service.importer import import_registrations
from kiosk.service.sync import guests as sync_guests
from kiosk.service.sync.join import join
from kiosk.service.sync.round import sync_once
from kiosk.store import attendees as attendee_store
from kiosk.store import transaction


def _organiser(tmp_path: Path, hub: str, guests: int) -> None:
    export = tmp_path / "guests.csv"
    export.write_text("Ticket code,First name,Last name,Email\n" + "".join(
        f"RES-{i:03d},Zoé{i},Resumée,z{i}@example.org\n" for i in range(guests)), encoding="utf-8")
    org = Kiosk.open(tmp_path / "organiser", device_name="organiser")
    org.create_event(Event(id=str(uuid.uuid4()), name="Resume"))
    import_registrations(org, export)
    sync_once(org, hub)
    org.close()


def test_a_join_cut_off_mid_pull_is_finished_by_joining_again(tmp_path: Path, hub: str,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _organiser(tmp_path, hub, 10)
    real = replica.pull_guest_rows
    calls = []

    def cut_off(conn: Any, after: int, limit: int, events: Sequence[str]) -> tuple[list[Any], int]:
        calls.append(after)
        if len(calls) == 3:  # the hub goes away (or the kiosk is killed) after two pages
            raise psycopg.OperationalError("server closed the connection unexpectedly")
        return real(conn, after, limit, events)

    pages = sync_guests.pull_guest_pages
    monkeypatch.setattr(sync_guests, "pull_guest_pages", lambda k, c, h, _size, *rest: pages(k, c, h, 4, *rest))
    monkeypatch.setattr(replica, "pull_guest_rows", cut_off)
    door = Kiosk.open(tmp_path / "door", device_name="door")
    with pytest.raises(HubError):
        join(door, hub)
    # What was pulled is committed with its cursor, and found (search reads the backlog not indexed yet).
    assert attendee_store.count(door.conn, door.event.id) in (4, 8)
    assert len(door.search("resumee")) == attendee_store.count(door.conn, door.event.id)
    monkeypatch.setattr(replica, "pull_guest_rows", real)
    assert door.find("RES-000").first_name == "Zoé0"  # the door works with the guests it has
    with pytest.raises(KioskError, match="joining event"):
        join(door, hub, event_id=str(uuid.uuid4()))
    joined = join(door, hub)
    assert (joined.event_name, joined.guests) == ("Resume", 10)
    assert door.find("RES-009").first_name == "Zoé9"
    assert attendee_store.search_backlog(door.conn) == 0
    door.conn.execute("INSERT INTO attendees_fts(attendees_fts, rank) VALUES ('integrity-check', 1)")
    with pytest.raises(KioskError, match="fresh data dir"):
        join(door, hub)  # done: the data dir is a replica now
    door.close()


def test_a_joined_guest_keeps_its_field_stamps(tmp_path: Path, hub: str) -> None:
    """Pulled as plain columns: a guest edited on the hub arrives with the stamps of its edits."""
    _organiser(tmp_path, hub, 3)
    org = Kiosk.open(tmp_path / "organiser", device_name="organiser")
    guest = org.find("RES-001")
    edited = format_time(datetime.now(UTC) + timedelta(minutes=1))  # after its creation, within the hub clock
    with transaction(org.conn):
        attendee_store.update(org.conn, guest, {"email": "new@example.org"}, case_sensitive=False,
                              now=edited, device_id=org.device().id)
    sync_once(org, hub)
    org.close()
    door = Kiosk.open(tmp_path / "door", device_name="door")
    join(door, hub)
    stamps = attendee_store.field_stamps(door.conn, guest.id)
    assert stamps.keys() == {"email"} and stamps["email"][0] == edited
    assert door.find("RES-001").email == "new@example.org"
    assert attendee_store.field_stamps(door.conn, door.find("RES-000").id) == {}
    door.close()
