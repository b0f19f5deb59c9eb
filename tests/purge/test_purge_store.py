"""The purge in the store, on a real SQLite file: a purged event's placeholders are never pushed to the
hub, and the retention periods' arithmetic."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.domain import retention
from kiosk.service import Kiosk
from kiosk.service.purge import Purge
from kiosk.store import sync as sync_store


def test_a_purged_event_has_no_guest_left_to_push(tmp_path: Path) -> None:
    k = Kiosk.open(tmp_path / "data", device_name="door")
    k.create_demo()
    assert sync_store.count_unsent_guests(k.conn) == 152
    Purge(k).purge(k.event.id)
    assert sync_store.count_unsent_guests(k.conn) == 0
    assert sync_store.unsent_guests(k.conn, 100)[0] == []
    k.close()


@pytest.mark.parametrize(("start", "value", "end"), [
    ("2026-11-30T17:00:00+00:00", None, "2027-02-28T17:00:00+00:00"),   # 3 months, the 30th cut to the 28th
    ("2026-11-30T17:00:00+00:00", "90d", "2027-02-28T17:00:00+00:00"),
    ("2026-11-30T17:00:00+00:00", "2w", "2026-12-14T17:00:00+00:00"),
    ("2027-01-31T09:00:00+00:00", "1m", "2027-02-28T09:00:00+00:00"),
    ("2027-06-15T09:00:00+00:00", "12m", "2028-06-15T09:00:00+00:00"),
])
def test_the_retention_ends_where_the_notice_says(start: str, value: str | None, end: str) -> None:
    assert retention.ends(datetime.fromisoformat(start), value) == datetime.fromisoformat(end).astimezone(UTC)


def test_the_notice_states_the_period_in_words() -> None:
    assert retention.words(None) == "3 mois" and retention.words("1w", "en") == "1 week"
    assert retention.notice("effacées {retention} après", "90d") == "effacées 90 jours après"


def test_the_walk_in_form_states_the_events_own_period(tmp_path: Path) -> None:
    from kiosk.service.self_service import SelfService

    k = Kiosk.open(tmp_path / "data", device_name="door")
    k.create_demo()
    assert "effacées 3 mois après l'événement" in SelfService(k).privacy_notice
    Purge(k).set_retention("6w")
    assert "effacées 6 semaines après l'événement" in SelfService(k).privacy_notice
    k.close()


def test_the_window_purges_at_start_once_the_retention_passed(tmp_path: Path,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    from kiosk.ui.app import open_kiosk

    data = tmp_path / "data"
    k = Kiosk.open(data, device_name="door")
    k.create_demo()  # held on 2026-11-30: one day's retention passed long ago
    Purge(k).set_retention("1d")
    k.close()
    with caplog.at_level("WARNING"):
        opened = open_kiosk(data, "door", "fr")
    assert "retention passed" in caplog.text
    from kiosk.domain.demo import demo_attendees, demo_event

    email = (demo_attendees(demo_event())[0].email or "").encode()
    assert email and not any(email in p.read_bytes() for p in data.iterdir() if p.name.startswith("kiosk.db"))
    assert opened.event.retention == "1d" and opened.stats().registered == 143
    opened.close()
    caplog.clear()
    with caplog.at_level("WARNING"):
        open_kiosk(data, "door", "fr").close()
    assert "retention passed" not in caplog.text  # said once


def test_a_reader_holding_the_wal_is_reported_not_waited_for_and_a_second_run_empties_it(tmp_path: Path) -> None:
    import sqlite3

    k = Kiosk.open(tmp_path, device_name="door")
    k.create_demo()
    reader = sqlite3.connect(tmp_path / "kiosk.db")  # an open window, in the middle of a read
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM attendees").fetchone()
    first = Purge(k).purge(k.event.id)
    assert not first.wal_emptied
    reader.rollback()
    reader.close()
    second = Purge(k).purge(k.event.id)
    assert second.wal_emptied and second.purged_at == first.purged_at
    assert (tmp_path / "kiosk.db-wal").stat().st_size == 0
    k.close()


def test_the_purge_deletes_the_calls_for_help_and_who_answered_them(tmp_path: Path) -> None:
    from kiosk.service import help_calls
    from kiosk.store import help_calls as help_store

    k = Kiosk.open(tmp_path / "data", device_name="door")
    k.create_demo()
    call = help_calls.call(k)
    help_calls.answer(k, call.id, "Nadia Haddad")
    assert len(help_store.rows(k.conn, k.event.id)) == 2
    Purge(k).purge(k.event.id)
    assert help_store.rows(k.conn, k.event.id) == []
    k.close()
