-- kiosk schema v12: the search index keeps no per-row token counts (FTS5 columnsize=0). Search orders
-- its results by name, never by bm25 or rank, so the counts were never read; writing them was a fifth of
-- the time a 100,000-row import spends indexing. Rebuilt here once: every row is then indexed.
DROP TABLE attendees_fts;
CREATE VIRTUAL TABLE attendees_fts USING fts5(
    search_text,
    content='attendees',
    content_rowid='rowid',
    tokenize="unicode61 remove_diacritics 2",
    prefix='2',
    columnsize=0
);
INSERT INTO attendees_fts(rowid, search_text) SELECT rowid, search_text FROM attendees;
UPDATE search_indexed SET upto = (SELECT coalesce(max(rowid), 0) FROM attendees);
