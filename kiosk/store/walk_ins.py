"""Consent given on a kiosk, and the waiting list of a full venue."""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class WaitlistEntry:
    id: str
    first_name: str
    last_name: str
    email: str | None
    organisation: str | None
    workshop: str | None
    contact_ok: bool
    created_at: str
    device_id: str


def record_consent(conn: sqlite3.Connection, *, attendee_id: str, event_id: str, given_at: str,
                   contact_ok: bool, notice: str, device_id: str) -> None:
    conn.execute(
        "INSERT INTO consents(attendee_id, event_id, given_at, contact_ok, notice, device_id) VALUES (?,?,?,?,?,?)"
        " ON CONFLICT(attendee_id) DO UPDATE SET given_at = excluded.given_at, contact_ok = excluded.contact_ok,"
        " notice = excluded.notice, device_id = excluded.device_id",
        (attendee_id, event_id, given_at, int(contact_ok), notice, device_id),
    )


def consent_of(conn: sqlite3.Connection, attendee_id: str) -> tuple[str, bool] | None:
    """(given_at, contact_ok) or None."""
    row = conn.execute("SELECT given_at, contact_ok FROM consents WHERE attendee_id = ?", (attendee_id,)).fetchone()
    return (str(row[0]), bool(row[1])) if row else None


def add_to_waitlist(conn: sqlite3.Connection, *, event_id: str, first_name: str, last_name: str,
                    email: str | None, organisation: str | None, workshop: str | None, contact_ok: bool,
                    created_at: str, device_id: str) -> str:
    entry_id = str(uuid.uuid4())
    conn.execute(
        "INSERT INTO waitlist(id, event_id, first_name, last_name, email, organisation, workshop, contact_ok,"
        " created_at, device_id) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (entry_id, event_id, first_name, last_name, email, organisation, workshop, int(contact_ok), created_at,
         device_id),
    )
    return entry_id


def waitlist(conn: sqlite3.Connection, event_id: str) -> list[WaitlistEntry]:
    rows = conn.execute(
        "SELECT id, first_name, last_name, email, organisation, workshop, contact_ok, created_at, device_id"
        " FROM waitlist WHERE event_id = ? ORDER BY created_at, rowid", (event_id,))
    return [WaitlistEntry(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6]), r[7], r[8]) for r in rows]
