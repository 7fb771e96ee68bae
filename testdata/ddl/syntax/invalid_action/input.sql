-- FK013: actions that do not exist.
CREATE TABLE parents (id INTEGER PRIMARY KEY);
CREATE TABLE children (
    id        INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES parents (id) ON DELETE NULLIFY ON UPDATE CASCADE
);
CREATE INDEX children_parent ON children (parent_id);
PRAGMA foreign_keys = ON;
