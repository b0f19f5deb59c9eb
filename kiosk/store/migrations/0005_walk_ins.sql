-- kiosk schema v5: what a walk-in guest agreed to, the waiting list, and the event's privacy notice.
-- Consent sits in its own table (one row per guest who gave it on a kiosk) so that the after-event
-- purge can drop personal data and keep the proof of consent's existence apart from the guest row.
ALTER TABLE events ADD COLUMN privacy_notice TEXT;

CREATE TABLE consents (
    attendee_id  TEXT PRIMARY KEY REFERENCES attendees(id) ON DELETE CASCADE,
    event_id     TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    given_at     TEXT NOT NULL,
    contact_ok   INTEGER NOT NULL DEFAULT 0,   -- may be contacted after the event
    notice       TEXT NOT NULL,                -- the privacy notice as shown when consent was given
    device_id    TEXT NOT NULL
);

-- Guests who came when the venue was full: their contact, not checked in, visible to staff.
CREATE TABLE waitlist (
    id            TEXT PRIMARY KEY,
    event_id      TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    first_name    TEXT NOT NULL,
    last_name     TEXT NOT NULL,
    email         TEXT,
    organisation  TEXT,
    workshop      TEXT,
    contact_ok    INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL,
    device_id     TEXT NOT NULL
);
CREATE INDEX waitlist_event ON waitlist(event_id, created_at);
