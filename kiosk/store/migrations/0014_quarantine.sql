-- kiosk schema v14: rows pulled from the hub that this kiosk refused (malformed, out of range, a clock
-- far ahead, an organiser's fact whose signature does not verify). They are kept aside with their
-- reason instead of stopping the round: the pull cursor moves past them, `kiosk sync`, `kiosk hub
-- status` and the window's Sync light say how many were refused and from which device.
CREATE TABLE quarantine (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,           -- scan, guest, event, link, print
    row_id      TEXT,                    -- the row's own id as pulled (may itself be malformed)
    device_id   TEXT,                    -- the device the row claims to come from
    reason      TEXT NOT NULL,           -- one line, English, for the log and --json
    payload     TEXT NOT NULL,           -- the row as pulled (JSON, bounded), for an organiser to inspect
    refused_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX quarantine_once ON quarantine(kind, row_id, reason) WHERE row_id IS NOT NULL;
