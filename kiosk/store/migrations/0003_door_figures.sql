-- kiosk schema v3: door figures kept up to date, and a fast "undo".
--
-- Counting 100,000 attendees for every stats refresh takes 15-40 ms even over a covering index, so
-- the figures are kept per group in attendee_counts: stats read a few dozen rows. Inserts are counted
-- by the store in one statement after each bulk insert (kiosk/store/attendees.py, like the search
-- index); updates and deletes by the triggers below. workshop/category '' stand for "none".
CREATE TABLE attendee_counts (
    event_id    TEXT NOT NULL,
    status      TEXT NOT NULL,
    workshop    TEXT NOT NULL,
    category    TEXT NOT NULL,
    walk_in     INTEGER NOT NULL,
    registered  INTEGER NOT NULL DEFAULT 0,   -- attendees in the group (valid or cancelled per status)
    checked_in  INTEGER NOT NULL DEFAULT 0,   -- ... with a first entry
    inside      INTEGER NOT NULL DEFAULT 0,   -- ... inside now
    PRIMARY KEY (event_id, status, workshop, category, walk_in)
) WITHOUT ROWID;

INSERT INTO attendee_counts(event_id, status, workshop, category, walk_in, registered, checked_in, inside)
SELECT event_id, status, coalesce(workshop, ''), coalesce(category, ''), source = 'walk-in',
       count(*), count(first_entry_at), total(inside)
FROM attendees GROUP BY 1, 2, 3, 4, 5;

CREATE TRIGGER attendee_counts_delete AFTER DELETE ON attendees BEGIN
    UPDATE attendee_counts
       SET registered = registered - 1, checked_in = checked_in - (old.first_entry_at IS NOT NULL),
           inside = inside - old.inside
     WHERE event_id = old.event_id AND status = old.status AND workshop = coalesce(old.workshop, '')
       AND category = coalesce(old.category, '') AND walk_in = (old.source = 'walk-in');
END;

CREATE TRIGGER attendee_counts_update
AFTER UPDATE OF event_id, status, workshop, category, source, first_entry_at, inside ON attendees
WHEN old.event_id IS NOT new.event_id OR old.status IS NOT new.status OR old.workshop IS NOT new.workshop
     OR old.category IS NOT new.category OR old.source IS NOT new.source OR old.inside IS NOT new.inside
     OR (old.first_entry_at IS NULL) IS NOT (new.first_entry_at IS NULL)
BEGIN
    UPDATE attendee_counts
       SET registered = registered - 1, checked_in = checked_in - (old.first_entry_at IS NOT NULL),
           inside = inside - old.inside
     WHERE event_id = old.event_id AND status = old.status AND workshop = coalesce(old.workshop, '')
       AND category = coalesce(old.category, '') AND walk_in = (old.source = 'walk-in');
    INSERT INTO attendee_counts(event_id, status, workshop, category, walk_in, registered, checked_in, inside)
    VALUES (new.event_id, new.status, coalesce(new.workshop, ''), coalesce(new.category, ''),
            new.source = 'walk-in', 1, new.first_entry_at IS NOT NULL, new.inside)
    ON CONFLICT DO UPDATE SET registered = registered + 1, checked_in = checked_in + excluded.checked_in,
                              inside = inside + excluded.inside;
END;

-- The covering index the old stats query scanned is not needed any more: one index fewer to write
-- on every import row and every check-in.
DROP INDEX attendees_stats;

-- "Undo" looks for scans no undo has reverted yet: without this index each candidate scanned the log.
CREATE INDEX scans_target ON scans(target_id) WHERE target_id IS NOT NULL;
