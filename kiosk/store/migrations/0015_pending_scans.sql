-- kiosk schema v15: scans pulled from the hub that cannot be stored yet because their guest (or, for an
-- undo, the scan it reverts) has not reached this kiosk: another door pushed a walk-in and its check-in
-- between this kiosk's pull of guests and its pull of scans. Kept as pulled (``row``: a JSON array of
-- kiosk.store.replication.SCAN_COLUMNS + received_at) and stored as soon as what they name arrives; written
-- in the transaction that moves the scan cursor past them, so a kiosk killed at any point loses none.
-- Scans of an event this kiosk does not hold never wait here: the hub keeps them and a join brings them.
CREATE TABLE pending_scans (
    id           TEXT PRIMARY KEY,
    event_id     TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    attendee_id  TEXT,
    target_id    TEXT,
    row          TEXT NOT NULL
);
CREATE INDEX pending_scans_attendee ON pending_scans(attendee_id);
CREATE INDEX pending_scans_target ON pending_scans(target_id);
