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
