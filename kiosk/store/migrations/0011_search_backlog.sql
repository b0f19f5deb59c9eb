-- kiosk schema v11: the search index may lag behind a large write, never be wrong.
-- A 100,000-row import (or a join) commits its guests in one short transaction and indexes them for
-- search afterwards in bounded transactions (kiosk.store.search_index.catch_up_search), so a check-in
-- waits for the rows only, not for the full-text index. search_indexed.upto is the highest attendee
-- rowid the FTS index covers; rows above it are the backlog, which search reads directly until they
-- are indexed, so a search never misses a guest. Edits and deletes of backlog rows leave the index
-- alone: the catch-up indexes each row as it is then.
CREATE TABLE search_indexed (
    one   INTEGER PRIMARY KEY CHECK (one = 1),
    upto  INTEGER NOT NULL
);
INSERT INTO search_indexed(one, upto) SELECT 1, coalesce(max(rowid), 0) FROM attendees;

DROP TRIGGER attendees_fts_delete;
CREATE TRIGGER attendees_fts_delete AFTER DELETE ON attendees
WHEN old.rowid <= (SELECT upto FROM search_indexed)
BEGIN
    INSERT INTO attendees_fts(attendees_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
DROP TRIGGER attendees_fts_update;
CREATE TRIGGER attendees_fts_update AFTER UPDATE OF search_text ON attendees
WHEN old.rowid <= (SELECT upto FROM search_indexed)
BEGIN
    INSERT INTO attendees_fts(attendees_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
    INSERT INTO attendees_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
