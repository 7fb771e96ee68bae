-- WITHOUT ROWID and STRICT tables: key columns of a WITHOUT ROWID table
-- are NOT NULL even where not written; INT PRIMARY KEY is not a rowid alias.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT
) WITHOUT ROWID;

CREATE TABLE counters (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL,
    hits  INT,
    extra ANY
) STRICT;

CREATE TABLE tags (
    setting_key TEXT REFERENCES settings (key),
    counter_id  INT REFERENCES counters,
    label       TEXT,
    PRIMARY KEY (setting_key, counter_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE legacy (
    id INT PRIMARY KEY,
    note TEXT
);
