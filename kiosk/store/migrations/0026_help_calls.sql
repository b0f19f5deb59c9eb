-- kiosk schema v26: calls for help from the walk-in screen ("Appeler l'équipe") and their answers,
-- immutable rows replicated through the hub like badge prints: a call is open until an answer names it.
-- received_at NULL: not on the hub yet. The purge deletes them with the event's other personal rows.
CREATE TABLE help_calls (
    id           TEXT PRIMARY KEY,
    event_id     TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('call', 'answer')),
    call_id      TEXT NOT NULL,      -- the call answered (a call names itself)
    device_id    TEXT NOT NULL,
    device_name  TEXT NOT NULL,
    at           TEXT NOT NULL,
    staff        TEXT,               -- who answered (never set on a call)
    received_at  TEXT
);
CREATE INDEX help_calls_event ON help_calls(event_id, call_id);
