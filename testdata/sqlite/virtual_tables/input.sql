-- A full-text index: the virtual table is listed with its hidden columns;
-- the shadow tables fts5 keeps its data in are not.
CREATE TABLE notes (
    id   INTEGER PRIMARY KEY,
    body TEXT NOT NULL
);

CREATE VIRTUAL TABLE notes_fts USING fts5 (body, content = 'notes', content_rowid = 'id');
