-- The JSON report of a few findings, one with a fix and related places,
-- and escaping inside JSON strings (a name with a quote and a backslash).
CREATE TABLE "users ""x"" \" (
    id INTEGER PRIMARY KEY,
    email TEXT UNIQUE
);
CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    author_id INTEGER NOT NULL REFERENCES "users ""x"" \" (id) ON DELETE SET NULL,
    editor_id INTEGER REFERENCES editors (id)
);
CREATE UNIQUE INDEX ux_posts_editor ON posts (editor_id) WHERE editor_id IS NOT NULL;
CREATE INDEX ix_posts_lower ON posts (lower(author_id), id);
