-- Every referential action, written in different cases and spacings, and
-- keys that write none.
PRAGMA foreign_keys = ON;

CREATE TABLE parents (
    id   INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE
);

CREATE TABLE children (
    id        INTEGER PRIMARY KEY,
    p_cascade INTEGER REFERENCES parents ON DELETE CASCADE,
    p_null    INTEGER REFERENCES parents ON DELETE set   null,
    p_default INTEGER DEFAULT 1 REFERENCES parents ON DELETE SET DEFAULT,
    p_restrict INTEGER REFERENCES parents ON UPDATE RESTRICT,
    p_none    INTEGER REFERENCES parents ON DELETE NO ACTION ON UPDATE CASCADE,
    p_code    TEXT REFERENCES parents (code) MATCH SIMPLE,
    p_plain   INTEGER REFERENCES parents
);
CREATE INDEX children_cascade ON children (p_cascade);
CREATE INDEX children_null ON children (p_null);
CREATE INDEX children_default ON children (p_default);
CREATE INDEX children_restrict ON children (p_restrict);
CREATE INDEX children_none ON children (p_none);
CREATE INDEX children_code ON children (p_code);
CREATE INDEX children_plain ON children (p_plain);
