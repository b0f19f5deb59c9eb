-- kiosk schema v10: what staff decided about two records of one person, and badges printed anywhere.
--
-- guest_links: 'merge' (other_id is keep_id: its scans and badges count for keep_id, it is hidden) or
-- 'distinct' (not the same person: the pair is never offered again). Immutable rows named by UUID,
-- replicated through the hub like scans: received_at NULL means still to push. kiosk.domain.duplicates
-- resolves them into one answer on every kiosk.
CREATE TABLE guest_links (
    id           TEXT PRIMARY KEY,
    event_id     TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('merge', 'distinct')),
    keep_id      TEXT NOT NULL,
    other_id     TEXT NOT NULL,
    device_id    TEXT NOT NULL,
    device_name  TEXT NOT NULL,
    made_at      TEXT NOT NULL,
    hlc          TEXT NOT NULL,
    received_at  TEXT
);
CREATE INDEX guest_links_other ON guest_links(other_id);
CREATE INDEX guest_links_keep ON guest_links(keep_id);
CREATE INDEX guest_links_unsent ON guest_links(received_at) WHERE received_at IS NULL;
CREATE TRIGGER guest_links_no_update BEFORE UPDATE ON guest_links
    WHEN NOT (old.received_at IS NULL AND new.received_at IS NOT NULL AND new.id IS old.id
              AND new.kind IS old.kind AND new.keep_id IS old.keep_id AND new.other_id IS old.other_id)
BEGIN
    SELECT RAISE(ABORT, 'guest links are immutable');
END;

-- badge_prints: one row per badge that came out, at this kiosk (copied from print_jobs by the trigger
-- below, received_at NULL until the hub has it) or at another (pulled). Immutable facts: which guest's
-- badge was printed where and when, so another door can say "badge printed (door B, 18:42)".
CREATE TABLE badge_prints (
    id           TEXT PRIMARY KEY,      -- the print job's id
    event_id     TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    attendee_id  TEXT NOT NULL,
    device_id    TEXT NOT NULL,
    device_name  TEXT,                  -- NULL for this kiosk's own (named when pushed)
    printed_at   TEXT NOT NULL,
    received_at  TEXT
);
CREATE INDEX badge_prints_attendee ON badge_prints(attendee_id);
CREATE INDEX badge_prints_unsent ON badge_prints(received_at) WHERE received_at IS NULL;
INSERT INTO badge_prints(id, event_id, attendee_id, device_id, printed_at)
    SELECT id, event_id, attendee_id, device_id, updated_at FROM print_jobs WHERE status = 'done';
CREATE TRIGGER badge_prints_done AFTER UPDATE OF status ON print_jobs WHEN new.status = 'done'
BEGIN
    INSERT OR IGNORE INTO badge_prints(id, event_id, attendee_id, device_id, printed_at)
        VALUES (new.id, new.event_id, new.attendee_id, new.device_id, new.updated_at);
END;
CREATE TRIGGER badge_prints_done_at_once AFTER INSERT ON print_jobs WHEN new.status = 'done'
BEGIN
    INSERT OR IGNORE INTO badge_prints(id, event_id, attendee_id, device_id, printed_at)
        VALUES (new.id, new.event_id, new.attendee_id, new.device_id, new.updated_at);
END;
