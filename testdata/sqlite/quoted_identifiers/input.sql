-- Names that need quoting: spaces, quotes, keywords, brackets, backticks
-- and non-ASCII letters.
CREATE TABLE "order items" (
    "item ""id""" INTEGER PRIMARY KEY,
    [unit price]  REAL,
    `group`       TEXT,
    "select"      TEXT
);

CREATE TABLE 'légumes' (
    "clé"     INTEGER PRIMARY KEY,
    item      INTEGER REFERENCES "order items" ("item ""id"""),
    "check"   TEXT,
    UNIQUE ("check", item)
);
