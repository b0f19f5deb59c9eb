-- kiosk schema v2: the persistent print queue.
-- A job is written before anything is sent to a printer, so a crash or a missing printer never
-- loses a badge; the printer's own job id (cups_job_id) and the job title 'kiosk-<id>' let a
-- restarted kiosk find out whether a job it was sending came out, so none prints twice.
CREATE TABLE print_jobs (
    id               TEXT PRIMARY KEY,              -- UUID
    event_id         TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    attendee_id      TEXT NOT NULL REFERENCES attendees(id) ON DELETE CASCADE,
    format           TEXT NOT NULL,                 -- badge format name (kiosk formats)
    backend          TEXT NOT NULL,                 -- 'cups' | 'qt' | 'pdf'
    printer          TEXT NOT NULL DEFAULT '',      -- queue name or folder
    status           TEXT NOT NULL DEFAULT 'queued'
                     CHECK (status IN ('queued', 'printing', 'done', 'failed', 'held')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT,
    reprint          INTEGER NOT NULL DEFAULT 0,    -- 1: this guest already had a badge
    cups_job_id      TEXT,                          -- the printer's job id once submitted
    claimed_by       TEXT,                          -- 'host:pid' of the process sending it
    next_attempt_at  TEXT,                          -- retry backoff: not before this time
    device_id        TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX print_jobs_queue ON print_jobs(device_id, status, created_at);
CREATE INDEX print_jobs_attendee ON print_jobs(attendee_id, status);
