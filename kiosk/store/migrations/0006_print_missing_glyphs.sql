-- kiosk schema v6: letters a badge was printed without.
-- A name in a script no installed font covers (say Runic, or CJK on a machine without a CJK
-- font) prints with those letters left out; the job records which, so staff can see why a
-- badge came out short and write that guest's badge by hand.
ALTER TABLE print_jobs ADD COLUMN missing_glyphs TEXT NOT NULL DEFAULT '';
