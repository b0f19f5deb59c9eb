-- kiosk schema v17: what the last import brought for each guest, so a re-import compares three ways.
-- A door fixes a guest's organisation; the organiser re-imports the same export: the file's value
-- differs from the row, and used to be written back on every kiosk. Now a field changes only when the
-- file's value differs from what the previous import brought (the platform changed it), so the door's
-- correction stands until then (kiosk.service.importer).
-- Kept compactly: '' says "the row's own values are what the last import brought" (every guest an import
-- adds or updates: nothing more to store or copy for 100,000 of them). The first write of any other kind
-- (an edit here, an edit merged from the hub, whatever path makes it) turns it, by the trigger below, into
-- the values the row held before: kiosk.store.attendees.EDITABLE's eight fields joined by U+001F. NULL:
-- no import has brought this guest since v17 (imported before, walk-in, pulled from the hub); the importer
-- then falls back on the field stamps (a field written since the guest was created keeps its value).
-- The importer sets the column in its own writes (this trigger dropped around them, inside the import's
-- transaction: kiosk.store.import_staging.apply_staged_updates). Neither trigger of 0008/0013 watches it:
-- recording what a file brought is not an edit to push or to re-match against.
ALTER TABLE attendees ADD COLUMN imported TEXT;
CREATE TRIGGER attendees_imported_before_edit AFTER UPDATE OF ticket_code, first_name, last_name, email,
    organisation, category, workshop, status ON attendees
WHEN old.imported = ''
BEGIN
    UPDATE attendees SET imported = coalesce(old.ticket_code, '') || char(31) || coalesce(old.first_name, '')
        || char(31) || coalesce(old.last_name, '') || char(31) || coalesce(old.email, '') || char(31)
        || coalesce(old.organisation, '') || char(31) || coalesce(old.category, '') || char(31)
        || coalesce(old.workshop, '') || char(31) || coalesce(old.status, '')
    WHERE rowid = new.rowid;
END;
