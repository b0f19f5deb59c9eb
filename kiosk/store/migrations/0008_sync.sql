-- kiosk schema v8: replication through a PostgreSQL hub.
-- scans.hlc: the hybrid logical clock stamp of a scan (kiosk.domain.hlc). Presence replays scans by
-- it, so laptops whose clocks differ by minutes still agree on entry-then-exit. NULL on scans made
-- before v8: they sort by device time, which the encoding is compatible with.
ALTER TABLE scans ADD COLUMN hlc TEXT;

-- The immutability trigger now covers hlc too; received_at stays the one column set once (by sync).
DROP TRIGGER scans_no_update;
CREATE TRIGGER scans_no_update BEFORE UPDATE ON scans
    WHEN NOT (old.received_at IS NULL AND new.received_at IS NOT NULL
              AND new.id IS old.id AND new.event_id IS old.event_id AND new.attendee_id IS old.attendee_id
              AND new.code IS old.code AND new.kind IS old.kind AND new.verdict IS old.verdict
              AND new.target_id IS old.target_id AND new.device_id IS old.device_id
              AND new.device_name IS old.device_name AND new.staff IS old.staff
              AND new.reason IS old.reason AND new.device_time IS old.device_time
              AND new.hlc IS old.hlc)
BEGIN
    SELECT RAISE(ABORT, 'scans are immutable');
END;
-- What is still to push: scans this kiosk made that the hub has not acknowledged.
CREATE INDEX scans_unsent ON scans(received_at) WHERE received_at IS NULL;

-- Per hub (keyed by the hub's own id, so a data dir pointed at another hub starts over):
-- the pull cursor (the hub's commit-ordered sequence number) and when we last talked.
CREATE TABLE sync_state (
    hub_id        TEXT PRIMARY KEY,
    pull_cursor   INTEGER NOT NULL DEFAULT 0,
    last_contact  TEXT
) WITHOUT ROWID;

-- Guests to push: edited ones are queued here by trigger; new ones are those above a rowid mark
-- (meta 'attendees_pushed_rowid'), so a 100,000-row import pays nothing extra.
CREATE TABLE attendee_outbox (attendee_id TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TRIGGER attendees_outbox AFTER UPDATE OF ticket_code, first_name, last_name, email, organisation,
    category, workshop, status ON attendees
BEGIN
    INSERT OR IGNORE INTO attendee_outbox(attendee_id) VALUES (new.id);
END;
ALTER TABLE sync_state ADD COLUMN attendee_cursor INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sync_state ADD COLUMN event_cursor INTEGER NOT NULL DEFAULT 0;

-- Guests whose presence must be refolded after pulled scans (once per sync round, not per batch).
CREATE TABLE presence_stale (attendee_id TEXT PRIMARY KEY) WITHOUT ROWID;
