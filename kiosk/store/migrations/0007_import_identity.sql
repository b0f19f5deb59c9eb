-- kiosk schema v7: the identity an export gives a guest who has no ticket code.
-- Google Forms and Meetup exports have no code, and several guests may share one e-mail (a family
-- booked by one parent on Hi.Events): re-imports then match on the platform's own row id
-- ('id:<Attendee #>', 'id:<User ID>') or on a form's response time ('ts:<Horodateur>').
ALTER TABLE attendees ADD COLUMN import_key TEXT;
CREATE INDEX attendees_import_key ON attendees(event_id, import_key) WHERE import_key IS NOT NULL;
