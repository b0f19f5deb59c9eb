"""Rows refused at pull time are kept aside once, bounded, and counted per device."""

from __future__ import annotations

from pathlib import Path

from kiosk.store import connect, quarantine, transaction


def test_a_refused_row_is_kept_once_bounded_and_counted_per_device(tmp_path: Path) -> None:
    conn = connect(tmp_path / "k.db")
    try:
        huge = {"first_name": "x" * 5_000_000}
        bad = quarantine.Refused("guest", "g1", "dev-a", "first_name longer than 1000 characters")
        with transaction(conn):
            quarantine.put(conn, bad, huge, "2026-12-07T18:00:00.000Z")
            quarantine.put(conn, bad, huge, "2026-12-07T18:05:00.000Z")  # pulled again: not twice
            quarantine.put(conn, quarantine.Refused("scan", "s1", "dev-a", "hlc is not a stamp"), ["s1"], "t")
            quarantine.put(conn, quarantine.Refused("scan", None, None, "id is not a UUID"), ["?"], "t")
        assert quarantine.count(conn) == 3
        assert quarantine.by_device(conn) == [("dev-a", 2), ("", 1)]
        payload = conn.execute("SELECT payload FROM quarantine WHERE row_id = 'g1'").fetchone()[0]
        assert len(payload) <= quarantine.PAYLOAD_LIMIT + 1
        assert next(r.reason for r, _at in quarantine.latest(conn)) == "id is not a UUID"
    finally:
        conn.close()
