-- kiosk schema v9: a device is its data dir (on one machine), its name only what is shown.
-- Scans keep the device id and the name the device had then; the current name of a device is the
-- one on its latest scan (by HLC), kept here by trigger so "already checked in (poste A, 18:42)",
-- exports and the occupancy screen show what a kiosk is called now, not what it was called.
CREATE TABLE device_names (
    device_id  TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    seen       TEXT NOT NULL          -- HLC (else device time) of the scan that carried the name
) WITHOUT ROWID;
INSERT INTO device_names(device_id, name, seen)
SELECT device_id, device_name, max(coalesce(hlc, device_time)) FROM scans GROUP BY device_id;
CREATE TRIGGER scans_device_name AFTER INSERT ON scans BEGIN
    INSERT INTO device_names(device_id, name, seen)
    VALUES (new.device_id, new.device_name, coalesce(new.hlc, new.device_time))
    ON CONFLICT(device_id) DO UPDATE SET name = excluded.name, seen = excluded.seen
    WHERE excluded.seen > device_names.seen;
END;

-- Presence records who let the guest in by device id (it was the name): attendees.first_entry_device
-- now holds the id of the device of the first entry.
UPDATE attendees SET first_entry_device = coalesce((
    SELECT s.device_id FROM scans s
    WHERE s.attendee_id = attendees.id AND s.device_time = attendees.first_entry_at
      AND s.device_name = attendees.first_entry_device AND s.kind IN ('entry', 'override')
    LIMIT 1), first_entry_device)
WHERE first_entry_device IS NOT NULL;

-- Events, their workshops and categories carry field stamps like attendees (kiosk.domain.merge:
-- "name", "venue", ..., "workshop:<name>", "category:<name>" -> [HLC stamp, device id]); a field
-- without one was written when the event was created (created_at, updated_by). A removed workshop
-- or category keeps its stamp here (its row is gone): the removal merges like any other write.
ALTER TABLE events ADD COLUMN field_stamps TEXT NOT NULL DEFAULT '{}';
