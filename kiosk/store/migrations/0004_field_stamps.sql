-- kiosk schema v4: when and where each attendee field was last written.
-- Two kiosks may edit the same guest offline (one fixes the organisation, the other the email):
-- the hub merges field by field, latest write wins, device id breaking ties. For that every
-- edited field keeps its own stamp: {"email": ["2026-11-30T17:02:03.123Z", "<device id>"], ...}.
-- A field without a stamp was last written when the record was created (created_at, source_device).
ALTER TABLE attendees ADD COLUMN field_stamps TEXT NOT NULL DEFAULT '{}';
