-- kiosk schema v13: a counter of the edits and removals of attendees, so that an import can tell in
-- O(1) whether anyone changed the guests it matched against (kiosk.store.attendees.change_mark).
-- It used to read max(updated_at) over the event's guests: 0.22 s for 100,000, twice per import, once
-- under the write lock. New guests move max(rowid) instead (rowids only grow unless the top row is
-- removed, which this counts). Check-ins change none of these columns, so they leave it alone.
CREATE TABLE attendee_edits (
    one  INTEGER PRIMARY KEY CHECK (one = 1),
    n    INTEGER NOT NULL
);
INSERT INTO attendee_edits(one, n) VALUES (1, 0);
CREATE TRIGGER attendees_edited AFTER UPDATE OF event_id, ticket_code, code_key, first_name, last_name, email,
    email_key, organisation, category, workshop, status, source, import_key ON attendees
BEGIN
    UPDATE attendee_edits SET n = n + 1;
END;
CREATE TRIGGER attendees_removed AFTER DELETE ON attendees
BEGIN
    UPDATE attendee_edits SET n = n + 1;
END;
