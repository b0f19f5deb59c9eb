-- kiosk schema v21: the after-event purge (kiosk.service.purge).
--
-- event_purges: that an event's personal data was erased, and when. One row per event, written by the
-- purge in the same transaction as the erasure; the purge is idempotent (a second run finds nothing
-- left to blank). retention: how long after the event its guests' data is kept ('90d', '12w', '3m';
-- NULL: the default, 3 months), so the privacy notice and the purge read the same value.
CREATE TABLE event_purges (
    event_id   TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    purged_at  TEXT NOT NULL,
    guests     INTEGER NOT NULL,
    scans      INTEGER NOT NULL,
    files      INTEGER NOT NULL
) WITHOUT ROWID;
ALTER TABLE events ADD COLUMN retention TEXT;

-- Files kiosk wrote that hold an event's guests (exports, the evacuation list), so the purge can delete
-- them where they were written. Badges in the PDF folder are found from print_jobs instead.
CREATE TABLE written_files (
    path        TEXT PRIMARY KEY,
    event_id    TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,           -- 'export' | 'present' | 'report' | 'tickets'
    written_at  TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX written_files_event ON written_files(event_id, kind, written_at);

-- The scan log stays immutable, with one narrow exception: once its event is recorded as purged, the
-- free text of a scan (the code as typed, the staff name, the override reason) may be blanked, and
-- nothing else may change. A normal kiosk never writes event_purges, so for it nothing is weakened.
DROP TRIGGER scans_no_update;
CREATE TRIGGER scans_no_update BEFORE UPDATE ON scans
    WHEN NOT (old.received_at IS NULL AND new.received_at IS NOT NULL
              AND new.id IS old.id AND new.event_id IS old.event_id AND new.attendee_id IS old.attendee_id
              AND new.code IS old.code AND new.kind IS old.kind AND new.verdict IS old.verdict
              AND new.target_id IS old.target_id AND new.device_id IS old.device_id
              AND new.device_name IS old.device_name AND new.staff IS old.staff
              AND new.reason IS old.reason AND new.device_time IS old.device_time
              AND new.hlc IS old.hlc)
     AND NOT (old.event_id IN (SELECT event_id FROM event_purges)
              AND new.code = '' AND new.staff IS NULL AND new.reason IS NULL
              AND new.id IS old.id AND new.event_id IS old.event_id AND new.attendee_id IS old.attendee_id
              AND new.kind IS old.kind AND new.verdict IS old.verdict
              AND new.target_id IS old.target_id AND new.device_id IS old.device_id
              AND new.device_name IS old.device_name AND new.device_time IS old.device_time
              AND new.hlc IS old.hlc AND new.received_at IS old.received_at)
BEGIN
    SELECT RAISE(ABORT, 'scans are immutable');
END;
