-- kiosk core schema v1.
-- Identity: every record a kiosk makes has a UUID (text) and the id of the device that made
-- it, so logs from several kiosks merge without collisions. rowids are local and never shared.
-- Times are UTC ISO-8601 strings with milliseconds ("2026-11-30T17:02:03.123Z").

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE events (
    id                    TEXT PRIMARY KEY,
    name                  TEXT NOT NULL,
    starts_at             TEXT,
    venue                 TEXT,
    capacity              INTEGER CHECK (capacity IS NULL OR capacity >= 0),
    tagline               TEXT,
    codes_case_sensitive  INTEGER NOT NULL DEFAULT 0,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    updated_by            TEXT NOT NULL
);

CREATE TABLE workshops (
    event_id  TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    name      TEXT NOT NULL,
    capacity  INTEGER CHECK (capacity IS NULL OR capacity >= 0),
    position  INTEGER NOT NULL,
    PRIMARY KEY (event_id, name)
) WITHOUT ROWID;

CREATE TABLE categories (
    event_id  TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    name      TEXT NOT NULL,
    color     TEXT NOT NULL,
    position  INTEGER NOT NULL,
    PRIMARY KEY (event_id, name)
) WITHOUT ROWID;

CREATE TABLE attendees (
    id             TEXT PRIMARY KEY,
    event_id       TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    ticket_code    TEXT,
    code_key       TEXT,              -- normalised ticket_code used for lookups
    first_name     TEXT NOT NULL,
    last_name      TEXT NOT NULL,
    email          TEXT,
    email_key      TEXT,              -- normalised email used to match re-imports and walk-ins
    organisation   TEXT,
    category       TEXT,
    workshop       TEXT,
    status         TEXT NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'cancelled')),
    source         TEXT NOT NULL,     -- 'import:<file name>', 'walk-in', 'ticket', 'demo', 'manual'
    source_device  TEXT,              -- device id that created the record
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL,     -- device id of the last write (tie-break for merges)
    search_text    TEXT NOT NULL,     -- folded names/organisation/email/code, indexed by FTS
    -- Derived from the scan log (see kiosk.domain.presence); rebuilt by Store.rebuild_presence().
    first_entry_at      TEXT,
    first_entry_device  TEXT,
    last_scan_at        TEXT,
    inside              INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX attendees_code ON attendees(event_id, code_key) WHERE code_key IS NOT NULL;
CREATE INDEX attendees_email ON attendees(event_id, email_key) WHERE email_key IS NOT NULL;
-- Covering index for the stats query: one index scan counts everything.
CREATE INDEX attendees_stats ON attendees(
    event_id, status, workshop, category, source, first_entry_at IS NOT NULL, inside
);
CREATE INDEX attendees_name ON attendees(event_id, last_name COLLATE NOCASE, first_name COLLATE NOCASE);

CREATE VIRTUAL TABLE attendees_fts USING fts5(
    search_text,
    content='attendees',
    content_rowid='rowid',
    tokenize="unicode61 remove_diacritics 2",
    prefix='2'
);
-- Inserts are indexed by the store itself (kiosk/store/attendees.py): one INSERT ... SELECT after a
-- bulk import is several times faster than a trigger firing per row.
CREATE TRIGGER attendees_fts_delete AFTER DELETE ON attendees BEGIN
    INSERT INTO attendees_fts(attendees_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
CREATE TRIGGER attendees_fts_update AFTER UPDATE OF search_text ON attendees BEGIN
    INSERT INTO attendees_fts(attendees_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
    INSERT INTO attendees_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;

-- The scan log: append-only, immutable. Presence is derived from it.
CREATE TABLE scans (
    id           TEXT PRIMARY KEY,
    event_id     TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    attendee_id  TEXT REFERENCES attendees(id),
    code         TEXT NOT NULL,       -- what was scanned or typed, verbatim (truncated to 512)
    kind         TEXT NOT NULL CHECK (kind IN ('entry', 'exit', 'override', 'undo', 'refused')),
    verdict      TEXT NOT NULL,
    target_id    TEXT REFERENCES scans(id),   -- the event an 'undo' reverts
    device_id    TEXT NOT NULL,
    device_name  TEXT NOT NULL,
    staff        TEXT,
    reason       TEXT,
    device_time  TEXT NOT NULL,       -- the kiosk's clock when it happened
    received_at  TEXT                 -- the hub's clock when it arrived (NULL until synced)
);
CREATE INDEX scans_attendee ON scans(attendee_id, device_time) WHERE attendee_id IS NOT NULL;
CREATE INDEX scans_device ON scans(device_id, device_time);
CREATE INDEX scans_event_time ON scans(event_id, device_time);
-- The one update allowed is the hub stamping received_at once; every other column stays as written.
CREATE TRIGGER scans_no_update BEFORE UPDATE ON scans
    WHEN NOT (old.received_at IS NULL AND new.received_at IS NOT NULL
              AND new.id IS old.id AND new.event_id IS old.event_id AND new.attendee_id IS old.attendee_id
              AND new.code IS old.code AND new.kind IS old.kind AND new.verdict IS old.verdict
              AND new.target_id IS old.target_id AND new.device_id IS old.device_id
              AND new.device_name IS old.device_name AND new.staff IS old.staff
              AND new.reason IS old.reason AND new.device_time IS old.device_time)
BEGIN
    SELECT RAISE(ABORT, 'scans are immutable');
END;
CREATE TRIGGER scans_no_delete BEFORE DELETE ON scans
    WHEN (SELECT count(*) FROM events WHERE id = old.event_id) > 0
BEGIN
    SELECT RAISE(ABORT, 'scans are append-only');
END;
